use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{} is not an Utter backup ({reason})", path.display())]
    NotABackup { path: PathBuf, reason: String },
    #[error(
        "this backup is from a newer Utter (schema {found}, this build knows {known}); update Utter first"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("{} is damaged: {reason}; nothing was changed", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("cannot {action} {}: {reason}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        reason: String,
    },
    #[error("{} already exists; choose another file name", path.display())]
    Exists { path: PathBuf },
    #[error("the disk is full; the backup was not written (free some space and retry)")]
    DiskFull,
    #[error(
        "the database stayed busy for {secs} s (another Utter process is writing); retry in a moment"
    )]
    Busy { secs: u64 },
    #[error("cannot bring the backup's schema up to date: {0}")]
    Migrate(String),
    #[error("database error during backup or restore: {0}")]
    Sqlite(rusqlite::Error),
}

pub type BackupResult<T> = Result<T, BackupError>;

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => BackupError::DiskFull,
            _ => BackupError::Sqlite(e),
        }
    }
}

impl BackupError {
    pub(crate) fn io(action: &'static str, path: &Path, e: &std::io::Error) -> BackupError {
        if e.kind() == std::io::ErrorKind::StorageFull {
            return BackupError::DiskFull;
        }
        BackupError::Io {
            action,
            path: path.to_path_buf(),
            reason: e.to_string(),
        }
    }

    pub(crate) fn corrupt(path: &Path, reason: impl Into<String>) -> BackupError {
        BackupError::Corrupt {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }

    pub(crate) fn not_a_backup(path: &Path, reason: impl Into<String>) -> BackupError {
        BackupError::NotABackup {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}
