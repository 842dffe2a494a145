//! Integration tests of the core against real SQLite files in temp dirs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/cli.rs"]
mod cli;

mod core {
    pub mod backup;
    pub mod change_feed;
    pub mod cli;
    pub mod concurrency;
    pub mod crud;
    pub mod desktop;
    pub mod export;
    pub mod full_disk;
    pub mod import;
    pub mod migrations;
    pub mod ordering;
    pub mod reconcile;
    pub mod run_redaction;
    pub mod search;
    pub mod semantic;
    pub mod settings;
    pub mod store_properties;
    pub mod support;
}
