use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a task needs a title (it was empty)")]
    EmptyTitle,
    #[error("the title is longer than {max} characters; put the rest in the description")]
    TitleTooLong { max: usize },
    #[error("unknown category '{given}' (known: {known})")]
    UnknownCategory { given: String, known: String },
    #[error("setting {key} is unreadable ({reason}); set it again")]
    InvalidSetting { key: &'static str, reason: String },
    #[error("cannot set {key}: {reason}")]
    BadSettingValue { key: String, reason: String },
    #[error("unknown setting '{key}'; known: {known} (see `utter settings list`)")]
    UnknownSetting { key: String, known: String },
    #[error(
        "no language model is configured; set one with `utter llm set` or use --engine offline"
    )]
    NoLlmConfigured,
    #[error(transparent)]
    Llm(#[from] crate::llm::LlmError),
    #[error(transparent)]
    Voice(#[from] crate::voice::VoiceError),
    #[error(transparent)]
    Model(#[from] crate::stt::ModelError),
    #[error("no speech was recognised in the audio; nothing was saved")]
    NoSpeech,
    #[error("the dump is empty; nothing was saved (type or say what is on your mind)")]
    EmptyDump,
    #[error(transparent)]
    Secrets(#[from] crate::secrets::SecretError),
    #[error(transparent)]
    Notify(#[from] crate::notify::NotifyError),
    #[error("{0}")]
    Busy(String),
    #[error("{0}")]
    BadVocabulary(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Embed(#[from] crate::embed::EmbedError),
    #[error(transparent)]
    Mcp(#[from] crate::mcp::McpError),
    #[error(transparent)]
    Agent(#[from] crate::agents::AgentError),
    #[error(transparent)]
    Chat(#[from] crate::chat::ChatError),
    #[error(transparent)]
    Transfer(#[from] crate::transfer::TransferError),
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
}

impl ServiceError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ServiceError::Store(StoreError::NotFound { .. }))
    }
}

/// What kind of failure a [`ServiceError`] is, for a front end to act on (the desktop UI
/// switches on it); the message stays the text for people. Serialized in snake_case
/// (`"not_found"`), and generated into the UI's types with the commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// What was asked for does not exist (a task, run, agent, server, model, backup).
    NotFound,
    /// The input was refused (an empty title, an unknown category or setting, a bad file).
    Invalid,
    /// Something else holds what this needs (a recording, a run, the chat, the database).
    Busy,
    /// The user stopped it (a sign-in cancelled while the browser was open).
    Cancelled,
    /// This needs a language model and none is configured.
    NoLlm,
    /// The language model provider failed (network, key, quota, output).
    Llm,
    /// The speech model is not downloaded yet.
    NoSpeechModel,
    /// Nothing was said or typed, so nothing was saved.
    NothingSaid,
    /// The microphone, recording or transcription failed.
    Voice,
    /// The MCP server needs the user to sign in (again).
    SignInRequired,
    /// An MCP server failed to start, answer or run a tool.
    Mcp,
    /// An agent run or the chat failed.
    Agent,
    /// The meaning-search model is missing or failed.
    Search,
    /// The OS keychain failed.
    Keychain,
    /// The database, the disk, a backup or an export failed.
    Storage,
    /// A desktop notification failed.
    Notify,
    /// A failure of the app itself; the message says what.
    Internal,
}

impl ServiceError {
    pub fn code(&self) -> ErrorCode {
        use crate::agents::AgentError as A;
        use crate::backup::BackupError as B;
        use crate::chat::ChatError as C;
        use crate::mcp::McpError as M;
        use crate::stt::{ModelError, SttError};
        use crate::transfer::TransferError as T;
        use crate::voice::VoiceError;
        match self {
            ServiceError::Store(StoreError::NotFound { .. }) => ErrorCode::NotFound,
            ServiceError::Store(StoreError::Busy) => ErrorCode::Busy,
            ServiceError::Store(_) | ServiceError::InvalidSetting { .. } => ErrorCode::Storage,
            ServiceError::EmptyTitle
            | ServiceError::TitleTooLong { .. }
            | ServiceError::UnknownCategory { .. }
            | ServiceError::BadSettingValue { .. }
            | ServiceError::UnknownSetting { .. }
            | ServiceError::BadVocabulary(_)
            | ServiceError::Invalid(_) => ErrorCode::Invalid,
            ServiceError::NoLlmConfigured => ErrorCode::NoLlm,
            ServiceError::Llm(_) => ErrorCode::Llm,
            ServiceError::NoSpeech | ServiceError::EmptyDump => ErrorCode::NothingSaid,
            ServiceError::Model(ModelError::NotInstalled(_))
            | ServiceError::Voice(VoiceError::Stt(SttError::ModelMissing { .. })) => {
                ErrorCode::NoSpeechModel
            }
            ServiceError::Model(ModelError::UnknownModel { .. }) => ErrorCode::NotFound,
            ServiceError::Model(_) | ServiceError::Voice(_) => ErrorCode::Voice,
            ServiceError::Secrets(_) => ErrorCode::Keychain,
            ServiceError::Notify(_) => ErrorCode::Notify,
            ServiceError::Busy(_) => ErrorCode::Busy,
            ServiceError::Embed(_) => ErrorCode::Search,
            ServiceError::Mcp(M::UnknownServer(_)) => ErrorCode::NotFound,
            ServiceError::Mcp(M::Unauthorized { .. }) => ErrorCode::SignInRequired,
            ServiceError::Mcp(M::Config(_) | M::ConfigFile { .. }) => ErrorCode::Invalid,
            ServiceError::Mcp(_) => ErrorCode::Mcp,
            ServiceError::Agent(A::UnknownAgent(_)) => ErrorCode::NotFound,
            ServiceError::Agent(A::Invalid(_)) => ErrorCode::Invalid,
            ServiceError::Agent(A::RunBusy(_)) | ServiceError::Chat(C::Busy) => ErrorCode::Busy,
            ServiceError::Agent(A::NoModel) | ServiceError::Chat(C::NoModel) => ErrorCode::NoLlm,
            ServiceError::Chat(C::Empty | C::TooLong { .. }) => ErrorCode::Invalid,
            ServiceError::Agent(_) | ServiceError::Chat(_) => ErrorCode::Agent,
            ServiceError::Transfer(T::Read { .. } | T::Write { .. } | T::Render { .. }) => {
                ErrorCode::Storage
            }
            ServiceError::Transfer(_) => ErrorCode::Invalid,
            ServiceError::Backup(B::Busy { .. }) => ErrorCode::Busy,
            ServiceError::Backup(
                B::NotABackup { .. } | B::NewerSchema { .. } | B::Exists { .. },
            ) => ErrorCode::Invalid,
            ServiceError::Backup(_) => ErrorCode::Storage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_the_failure_the_ui_acts_on() {
        let missing = ServiceError::Store(StoreError::NotFound {
            what: "task",
            id: 7,
        });
        assert_eq!(missing.code(), ErrorCode::NotFound);
        assert_eq!(ServiceError::EmptyTitle.code(), ErrorCode::Invalid);
        assert_eq!(ServiceError::NoLlmConfigured.code(), ErrorCode::NoLlm);
        assert_eq!(ServiceError::Busy("x".into()).code(), ErrorCode::Busy);
        let json = serde_json::to_value(ErrorCode::NoSpeechModel).unwrap_or_default();
        assert_eq!(json, "no_speech_model");
    }
}
