//! Putting a backup back. Everything is checked before the live database is touched; the
//! live file is then overwritten *through SQLite* (the backup API in the other direction),
//! so it stays the same file with the same -wal/-shm, and every process that has it open
//! (the running app) reads the restored board at its next query.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use specta::Type;

use super::archive::Archive;
use super::manifest::{DB_ENTRY, Manifest, RECORDINGS_PREFIX};
use super::snapshot::{
    copy_database, has_user_data, integrity, snapshot_to_file, table_exists, user_version,
};
use super::{BackupError, BackupResult, TempDb};
use crate::store::migrations;

#[derive(Debug, Clone, Serialize, Type)]
pub struct BackupRestored {
    pub archive: String,
    pub manifest: Manifest,
    /// Where the database that was replaced now is (none when it held nothing).
    pub kept_aside: Option<String>,
    /// The backup's schema when it was older than this build's (it was brought up to date).
    pub migrated_from: Option<i64>,
    /// Recordings written into the audio folder (ones already there are left alone).
    pub recordings: usize,
    /// Tasks in the live database after the restore.
    pub tasks: i64,
}

/// An archive whose checksums, schema and database integrity have been checked, with its
/// database unpacked to a temporary file beside the live one.
#[derive(Debug)]
pub(crate) struct Checked {
    pub archive: Archive,
    pub db: TempDb,
}

/// Checks an archive completely without changing anything but a temporary file in
/// `work_dir`: manifest, every checksum, schema not newer than this build, and
/// `PRAGMA integrity_check` on the database.
pub(crate) fn check(archive_path: &Path, work_dir: &Path) -> BackupResult<Checked> {
    let mut archive = Archive::open(archive_path)?;
    let known = migrations::latest_version();
    let m = archive.manifest.clone();
    if m.schema_version > known {
        return Err(BackupError::NewerSchema {
            found: m.schema_version,
            known,
        });
    }
    for entry in m.files.iter().filter(|f| f.path != DB_ENTRY) {
        archive.check_entry(entry, None)?;
    }
    let db = TempDb::new(work_dir, "restore");
    let Some(db_entry) = m.files.iter().find(|f| f.path == DB_ENTRY) else {
        return Err(BackupError::corrupt(archive_path, "it holds no database"));
    };
    archive.check_entry(db_entry, Some(db.path()))?;
    let conn = Connection::open_with_flags(db.path(), OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let damaged = |e: rusqlite::Error| {
        BackupError::corrupt(archive_path, format!("its database cannot be read ({e})"))
    };
    let found = conn
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map_err(damaged)?;
    if found > known {
        return Err(BackupError::NewerSchema { found, known });
    }
    if found != m.schema_version {
        return Err(BackupError::corrupt(
            archive_path,
            format!(
                "its database has schema {found} but the manifest says {}",
                m.schema_version
            ),
        ));
    }
    match integrity(&conn) {
        Ok(Ok(())) => {}
        Ok(Err(problems)) => {
            return Err(BackupError::corrupt(
                archive_path,
                format!("its database fails the integrity check ({problems})"),
            ));
        }
        Err(BackupError::Sqlite(e)) => return Err(damaged(e)),
        Err(e) => return Err(e),
    }
    if found == 0 || !table_exists(&conn, "tasks")? {
        return Err(BackupError::corrupt(
            archive_path,
            "its database holds no Utter board",
        ));
    }
    conn.close().map_err(|(_, e)| BackupError::from(e))?;
    Ok(Checked { archive, db })
}

/// Replaces the database behind `live` with the archive's. `live` must be a connection to
/// `data_dir`'s database; the caller holds it exclusively for the duration (the service's
/// lock) and tells the other parts of its process afterwards.
pub(crate) fn restore_into(
    live: &mut Connection,
    data_dir: &Path,
    archive_path: &Path,
    now: DateTime<Utc>,
) -> BackupResult<BackupRestored> {
    let Checked { mut archive, db } = check(archive_path, data_dir)?;
    let manifest = archive.manifest.clone();
    let mut incoming = Connection::open_with_flags(db.path(), OpenFlags::SQLITE_OPEN_READ_WRITE)?;

    // The running app keeps its connection and its prepared idea of the schema, so the
    // board it is given must already have this build's schema: the normal migrations run
    // on the copy before it goes in, never on the live file afterwards.
    let from = user_version(&incoming)?;
    let migrated_from = (from < migrations::latest_version()).then_some(from);
    if migrated_from.is_some() {
        migrations::migrate(&mut incoming).map_err(|e| BackupError::Migrate(e.to_string()))?;
    }
    match_page_size(live, &incoming)?;
    // In the same copy as the board, so no process ever sees the new board unmarked.
    incoming.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [super::RESTORED_AT_SETTING, now.to_rfc3339().as_str()],
    )?;

    let recordings = unpack_recordings(&mut archive, &incoming, data_dir)?;

    let kept_aside = if has_user_data(live)? {
        let aside = aside_path(data_dir, now);
        snapshot_to_file(live, &aside)?;
        tracing::info!(path = %aside.display(), "kept the replaced database");
        Some(aside.display().to_string())
    } else {
        None
    };

    copy_database(&incoming, live)?;
    let tasks: i64 = live.query_row("SELECT COUNT(*) FROM tasks", [], |r| r.get(0))?;
    tracing::info!(archive = %archive_path.display(), tasks, "restored a backup");
    Ok(BackupRestored {
        archive: archive_path.display().to_string(),
        manifest,
        kept_aside,
        migrated_from,
        recordings,
        tasks,
    })
}

/// The backup API cannot change the page size of a database in WAL mode, so a backup made
/// with another page size is rebuilt with the live one first.
fn match_page_size(live: &Connection, incoming: &Connection) -> BackupResult<()> {
    let page_size = |c: &Connection| c.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0));
    let want = page_size(live)?;
    if page_size(incoming)? != want {
        incoming.execute_batch(&format!("PRAGMA page_size = {want}; VACUUM;"))?;
    }
    Ok(())
}

/// Writes the archive's recordings into the audio folder and points the transcripts at
/// them when the backup came from another data dir.
fn unpack_recordings(
    archive: &mut Archive,
    incoming: &Connection,
    data_dir: &Path,
) -> BackupResult<usize> {
    let entries: Vec<_> = archive
        .manifest
        .files
        .iter()
        .filter(|f| f.path.starts_with(RECORDINGS_PREFIX))
        .cloned()
        .collect();
    if entries.is_empty() {
        return Ok(0);
    }
    let audio_dir = data_dir.join("audio");
    std::fs::create_dir_all(&audio_dir).map_err(|e| BackupError::io("create", &audio_dir, &e))?;
    let old_dir = archive.manifest.audio_dir.clone().map(PathBuf::from);
    let mut written = 0;
    for entry in entries {
        let name = &entry.path[RECORDINGS_PREFIX.len()..];
        let target = audio_dir.join(name);
        if !target.exists() {
            let partial = audio_dir.join(format!(".{name}.restoring"));
            let _ = std::fs::remove_file(&partial);
            archive.check_entry(&entry, Some(&partial))?;
            std::fs::rename(&partial, &target)
                .map_err(|e| BackupError::io("write", &target, &e))?;
            written += 1;
        }
        if let Some(old_dir) = old_dir.as_ref().filter(|d| **d != audio_dir) {
            incoming.execute(
                "UPDATE transcripts SET audio_path = ?1 WHERE audio_path = ?2",
                [
                    target.display().to_string(),
                    old_dir.join(name).display().to_string(),
                ],
            )?;
        }
    }
    Ok(written)
}

/// `utter.db.before-restore-20260314-093000` beside the live file (`…-2` if taken).
fn aside_path(data_dir: &Path, now: DateTime<Utc>) -> PathBuf {
    let stamp = now.with_timezone(&Local).format("%Y%m%d-%H%M%S");
    let base = format!("{}.before-restore-{stamp}", crate::paths::DB_FILE);
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .map(|name| data_dir.join(name))
        .find(|p| !p.exists())
        .unwrap_or_else(|| data_dir.join(base))
}
