//! Speech to text with whisper.cpp (via whisper-rs): a warm [`Engine`], the model catalog and
//! manager (download with progress, resume and sha256; remove), and the streaming
//! transcriber that works through speech segments while the user is still talking.

mod catalog;
mod download;
mod engine;
mod error;
mod models;
mod pending;
mod prompt_merge;
mod recommend;
mod repetition;
mod streaming;
mod vocabulary;

pub use catalog::{ModelInfo, ModelLanguage, catalog, catalog_from_file};
pub use download::{DownloadProgress, download_client, download_file};
pub use engine::{
    DEFAULT_MIN_AUDIO_CTX, Engine, EngineOptions, Segment, Transcript, default_threads,
};
pub use error::{ModelError, SttError};
pub use models::{ModelManager, ModelStatus};
pub use pending::PendingEngine;
pub use recommend::{ACCELERATOR, MachineProfile, Recommendation, recommend};
pub use streaming::{Partial, StreamingTranscriber};
pub use vocabulary::{
    PROMPT_BUDGET_CHARS, Vocabulary, VocabularySources, names_in_title, ranked_names,
};
