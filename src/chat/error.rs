use thiserror::Error;

#[derive(Debug, Error)]
pub enum ChatError {
    #[error("type a message first")]
    Empty,
    #[error("the message is longer than {max} characters; shorten it or attach it to a task")]
    TooLong { max: usize },
    #[error(
        "the chat needs a language model; set one in Settings → Language model or with `utter llm set`"
    )]
    NoModel,
    #[error("this chat is still answering the last message; wait for it or press Stop")]
    Busy,
    #[error(
        "stopped after {0} rounds of tool calls without a final answer; ask again more narrowly"
    )]
    TooManyRounds(usize),
}
