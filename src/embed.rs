//! Search by meaning, offline: a small sentence-embedding model (all-MiniLM-L6-v2, run by
//! candle on the CPU) turns each card into 384 numbers; cards whose numbers point the same
//! way say similar things ("medical appointment" ≈ "Book the dentist").

mod error;
pub mod install;
mod model;

pub use error::EmbedError;
pub use install::{MODEL_NAME, is_installed, model_dir};
pub use model::{DIM, Embedder, cosine, from_bytes, to_bytes};
