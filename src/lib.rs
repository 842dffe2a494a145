//! Utter core: everything the product does, with no UI.
//!
//! The CLI (`src/main.rs`) and the desktop shell (`src-tauri/`) both call [`service::Service`];
//! nothing outside [`store`] speaks SQL, except [`backup`], which copies and checks whole
//! database files through SQLite's backup API.

pub mod agents;
pub mod audio;
pub mod backup;
pub mod chat;
pub mod cli;
pub mod embed;
pub mod error;
pub mod extract;
pub mod llm;
pub mod mcp;
pub mod model;
pub mod notify;
pub mod paths;
pub mod reconcile;
pub mod sanitize;
pub mod secrets;
pub mod service;
pub mod settings;
pub mod store;
pub mod stt;
pub mod transfer;
pub mod update;
pub mod voice;

#[cfg(test)]
mod rules;

pub use error::Error;
pub use service::Service;
