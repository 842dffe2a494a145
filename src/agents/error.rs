use thiserror::Error;

#[derive(Debug, Error)]
pub enum AgentError {
    #[error("{0}")]
    Invalid(String),
    #[error("no agent named '{0}'; `utter agents list` shows them")]
    UnknownAgent(String),
    #[error("agent '{0}' is disabled; enable it with `utter agents edit \"{0}\" --enable`")]
    Disabled(String),
    #[error("run {id} is {status}; only a run that stopped part-way can be resumed")]
    NotResumable { id: i64, status: String },
    #[error(
        "run {0} is being worked on by another Utter window or command right now; wait for it to stop (`utter runs show {0}`)"
    )]
    RunBusy(i64),
    #[error("cannot take the lock of run {id}: {reason}")]
    RunLock { id: i64, reason: String },
    #[error("approval {id} was already {status}")]
    AlreadyDecided { id: i64, status: String },
    #[error(
        "agents need a language model; set one with `utter llm set` (Ollama, OpenAI, Anthropic…)"
    )]
    NoModel,
}
