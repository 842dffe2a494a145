use std::path::PathBuf;

use crate::audio::AudioError;

/// Failures of loading a model or transcribing audio.
#[derive(Debug, thiserror::Error)]
pub enum SttError {
    #[error("Whisper model {} not found; download one with `utter models download`", path.display())]
    ModelMissing { path: PathBuf },

    #[error("cannot load Whisper model {}: {detail} (is it a whisper.cpp ggml .bin file?)", path.display())]
    ModelLoad { path: PathBuf, detail: String },

    #[error(
        "unknown language {0:?}: use \"auto\" or a Whisper language code such as \"en\" or \"de\""
    )]
    UnknownLanguage(String),

    #[error("model {model} only understands English, but language {language:?} was requested")]
    EnglishOnlyModel { model: String, language: String },

    #[error("transcription failed: {0}")]
    Transcribe(String),

    #[error(transparent)]
    Audio(#[from] AudioError),

    #[error("transcription cancelled")]
    Cancelled,

    #[error("the transcription worker stopped unexpectedly")]
    WorkerGone,

    /// One failure seen by several waiters (a model load shared by a recording and the
    /// warm-engine cache).
    #[error("{0}")]
    Shared(std::sync::Arc<SttError>),
}

/// Failures of the model manager (catalog, download, removal).
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("unknown model {name:?}; available: {known}")]
    UnknownModel { name: String, known: String },

    #[error("model {0} is not downloaded yet; run `utter models download {0}`")]
    NotInstalled(String),

    #[error("download of {url} failed: {detail}")]
    Http { url: String, detail: String },

    #[error("download of {url} failed: HTTP {status}")]
    HttpStatus { url: String, status: u16 },

    #[error(
        "checksum mismatch for {name}: expected sha256 {expected}, got {actual}; the file was discarded"
    )]
    Checksum {
        name: String,
        expected: String,
        actual: String,
    },

    #[error(
        "size mismatch for {name}: expected {expected} bytes, got {actual}; the file was discarded"
    )]
    Size {
        name: String,
        expected: u64,
        actual: u64,
    },

    #[error("invalid model catalog: {0}")]
    Catalog(String),

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ModelError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }
}
