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
