//! The backups folder in the data dir: file names, listing, when the daily backup is due
//! and how many are kept.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};
use serde::Serialize;
use specta::Type;

use super::archive::read_manifest_only;
use super::manifest::BackupKind;

pub const BACKUPS_DIR: &str = "backups";
pub const EXTENSION: &str = "zip";
/// Automatic daily backups kept; older ones are deleted after each new one.
pub const KEEP_DAILY: usize = 7;

/// A daily backup is due when the newest one is older than this.
pub fn daily_interval() -> chrono::Duration {
    chrono::Duration::hours(24)
}

pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR)
}

/// `utter-20260314-093000.zip`, `utter-auto-…`, `utter-pre-migration-v9-…`, in local time
/// because that is the clock the user reads the name with.
pub(crate) fn file_name(kind: BackupKind, at: DateTime<Utc>, schema: i64) -> String {
    let stamp = at.with_timezone(&Local).format("%Y%m%d-%H%M%S");
    match kind {
        BackupKind::Manual => format!("utter-{stamp}.{EXTENSION}"),
        BackupKind::Daily => format!("utter-auto-{stamp}.{EXTENSION}"),
        BackupKind::PreMigration => format!("utter-pre-migration-v{schema}-{stamp}.{EXTENSION}"),
    }
}

/// `dir/name`, or `dir/stem-2.ext`… when two backups land in the same second.
pub(crate) fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s, format!(".{e}")),
        None => (name, String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// One archive in the backups folder, as its manifest describes it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    pub bytes: u64,
    #[specta(type = Option<String>)]
    pub created_at: Option<DateTime<Utc>>,
    pub kind: Option<BackupKind>,
    pub schema_version: Option<i64>,
    pub tasks: Option<i64>,
    pub recordings: usize,
    /// Why the manifest could not be read; such a file is listed but never deleted.
    pub problem: Option<String>,
}

/// The archives in the data dir's backups folder, newest first. A missing folder is an
/// empty list.
pub fn list(data_dir: &Path) -> std::io::Result<Vec<BackupInfo>> {
    let dir = backups_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().into_owned();
        // Partial archives start with a dot; only finished ones are listed.
        if file_name.starts_with('.') || !file_name.ends_with(&format!(".{EXTENSION}")) {
            continue;
        }
        if !entry.metadata()?.is_file() {
            continue;
        }
        out.push(describe(&path)?);
    }
    out.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// One archive anywhere, as its manifest describes it; an archive whose manifest cannot be
/// read says why in `problem`.
pub fn describe(path: &Path) -> std::io::Result<BackupInfo> {
    let meta = std::fs::metadata(path)?;
    let mut info = BackupInfo {
        path: path.display().to_string(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes: meta.len(),
        created_at: None,
        kind: None,
        schema_version: None,
        tasks: None,
        recordings: 0,
        problem: None,
    };
    match read_manifest_only(path) {
        Ok(m) => {
            info.created_at = Some(m.created_at);
            info.kind = Some(m.kind);
            info.schema_version = Some(m.schema_version);
            info.tasks = m.count("tasks");
            info.recordings = m.recordings();
        }
        Err(e) => {
            info.created_at = meta.modified().ok().map(DateTime::<Utc>::from);
            info.problem = Some(e.to_string());
        }
    }
    Ok(info)
}

/// Whether the newest daily backup is older than a day (or there is none).
pub(crate) fn daily_due(listed: &[BackupInfo], now: DateTime<Utc>) -> bool {
    listed
        .iter()
        .filter(|b| b.kind == Some(BackupKind::Daily))
        .filter_map(|b| b.created_at)
        .max()
        .is_none_or(|newest| now - newest >= daily_interval())
}

/// Deletes daily backups beyond the newest `keep`; manual and pre-migration ones stay.
pub(crate) fn prune_daily(data_dir: &Path, keep: usize) -> std::io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    let daily = list(data_dir)?
        .into_iter()
        .filter(|b| b.kind == Some(BackupKind::Daily));
    for old in daily.skip(keep) {
        let path = PathBuf::from(&old.path);
        std::fs::remove_file(&path)?;
        removed.push(path);
    }
    Ok(removed)
}
