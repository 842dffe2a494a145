//! `manifest.json`, the first thing read from an archive: what it holds and how to check it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Bumped only when an older Utter could no longer read the archive layout.
pub const FORMAT: u32 = 1;
pub const MANIFEST_NAME: &str = "manifest.json";
pub const DB_ENTRY: &str = "utter.db";
pub const RECORDINGS_PREFIX: &str = "recordings/";

/// Said in every manifest so that whoever opens the archive knows what is not there.
pub const SECRETS_NOTE: &str = "API keys and OAuth tokens live in the OS keychain (service \"utter\") and are not in this backup; after restoring on another machine, set them again (utter llm set --api-key, utter mcp add)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Asked for (`utter backup`, "Back up now").
    Manual,
    /// The daily one; the last seven are kept.
    Daily,
    /// Taken just before a schema migration changed the file.
    PreMigration,
}

impl BackupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Manual => "manual",
            BackupKind::Daily => "daily",
            BackupKind::PreMigration => "pre-migration",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FileEntry {
    /// The entry's name inside the archive.
    pub path: String,
    pub bytes: u64,
    /// Lowercase hex.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Manifest {
    pub format: u32,
    pub app: String,
    pub app_version: String,
    pub schema_version: i64,
    #[specta(type = String)]
    pub created_at: DateTime<Utc>,
    pub kind: BackupKind,
    /// Rows per table, read from the copy in the archive (not the live file).
    pub counts: BTreeMap<String, i64>,
    pub files: Vec<FileEntry>,
    /// Where the recordings were, so that a restore into another data dir can point the
    /// transcripts at their new place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_dir: Option<String>,
    pub secrets: String,
}

impl Manifest {
    pub fn count(&self, table: &str) -> Option<i64> {
        self.counts.get(table).copied()
    }

    pub fn recordings(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.path.starts_with(RECORDINGS_PREFIX))
            .count()
    }
}
