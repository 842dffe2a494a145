use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} is not an Utter database or is corrupt; it was left untouched (move it away or pick another --data-dir)", path.display())]
    Corrupt { path: PathBuf },
    #[error("cannot open the database {}: {reason}", path.display())]
    Open { path: PathBuf, reason: String },
    #[error("cannot use data directory {}: {reason} (choose a writable one with --data-dir or UTTER_DATA_DIR)", dir.display())]
    DataDir { dir: PathBuf, reason: String },
    #[error("cannot write to {}: it is read-only (choose a writable data dir with --data-dir or UTTER_DATA_DIR)", path.display())]
    ReadOnly { path: PathBuf },
    #[error("{} was written by a newer Utter (schema {found}, this build knows {known}); update Utter", path.display())]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("could not back up {} before upgrading its schema ({reason}); it was left as it was", path.display())]
    PreMigrationBackup { path: PathBuf, reason: String },
    #[error("the disk is full; nothing was changed (free some space and retry)")]
    DiskFull,
    #[error("the database is busy (another Utter process holds it); retry in a moment")]
    Busy,
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: i64 },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored data is malformed: {0}")]
    Malformed(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    pub(crate) fn data_dir(dir: &Path, e: &std::io::Error) -> StoreError {
        let reason = match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                format!("it is read-only or not writable by this user ({e})")
            }
            _ => e.to_string(),
        };
        StoreError::DataDir {
            dir: dir.to_path_buf(),
            reason,
        }
    }

    pub(crate) fn from_open(path: &Path, e: rusqlite::Error) -> StoreError {
        StoreError::from(e).at_open(path)
    }

    /// Attaches the file name to errors that happen while opening, where it matters most.
    pub(crate) fn at_open(self, path: &Path) -> StoreError {
        match self {
            StoreError::Sqlite(ref inner) => match inner.sqlite_error_code() {
                Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
                    StoreError::Corrupt {
                        path: path.to_path_buf(),
                    }
                }
                Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
                    path: path.to_path_buf(),
                },
                Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
                    StoreError::Open {
                        path: path.to_path_buf(),
                        reason: inner.to_string(),
                    }
                }
                _ => self,
            },
            StoreError::NewerSchema { found, known, .. } => StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                known,
            },
            other => other,
        }
    }
}
