//! Backups of the board: one archive (`.zip`) holding a consistent copy of the database,
//! optionally the recordings, and a `manifest.json` with versions, counts and checksums.
//! Made on request, daily (the last seven kept) and before every schema migration; restored
//! into the live database so that a running app picks the board up.
//!
//! Secrets are not in SQLite (they live in the OS keychain), so no backup holds any.

mod archive;
mod error;
pub mod manifest;
mod restore;
pub mod schedule;
mod snapshot;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use specta::Type;

pub use error::{BackupError, BackupResult};
pub use manifest::{BackupKind, FileEntry, Manifest};
pub use restore::BackupRestored;
pub use schedule::{BackupInfo, KEEP_DAILY, backups_dir};

use archive::Source;
use manifest::{DB_ENTRY, FORMAT, RECORDINGS_PREFIX, SECRETS_NOTE};

/// The setting a restore writes into the board it puts in (the time, RFC 3339), so that a
/// process that had the old board open knows its in-memory copies are stale.
pub const RESTORED_AT_SETTING: &str = "backup.restored_at";

/// What `create` wrote.
#[derive(Debug, Clone, Serialize, Type)]
pub struct BackupCreated {
    pub path: String,
    pub bytes: u64,
    pub manifest: Manifest,
}

/// Writes an archive of the database behind `src` (and, with `with_recordings`, the
/// recordings in `data_dir/audio`) to `dest`, or to the backups folder under a name made
/// from `kind` and `now`.
pub fn create(
    src: &Connection,
    data_dir: &Path,
    dest: Option<&Path>,
    kind: BackupKind,
    with_recordings: bool,
    now: DateTime<Utc>,
) -> BackupResult<BackupCreated> {
    let schema = snapshot::user_version(src)?;
    let dest = match dest {
        Some(d) => d.to_path_buf(),
        None => {
            let dir = backups_dir(data_dir);
            std::fs::create_dir_all(&dir).map_err(|e| BackupError::io("create", &dir, &e))?;
            schedule::free_path(&dir, &schedule::file_name(kind, now, schema))
        }
    };
    let work_dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let copy = TempDb::new(&work_dir, "backup");
    snapshot::snapshot_to_file(src, copy.path())?;
    let (schema, counts) = {
        // Counts come from the copy, so the manifest describes exactly what is archived.
        let conn = Connection::open_with_flags(copy.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        (snapshot::user_version(&conn)?, snapshot::counts(&conn)?)
    };
    let audio_dir = data_dir.join("audio");
    let mut sources = vec![Source {
        name: DB_ENTRY.into(),
        path: copy.path().to_path_buf(),
    }];
    if with_recordings {
        sources.extend(recordings(&audio_dir)?);
    }
    let manifest = Manifest {
        format: FORMAT,
        app: "utter".into(),
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: schema,
        created_at: now,
        kind,
        counts,
        files: Vec::new(),
        audio_dir: with_recordings.then(|| audio_dir.display().to_string()),
        secrets: SECRETS_NOTE.into(),
    };
    let (manifest, bytes) = archive::write(&dest, manifest, &sources)?;
    tracing::info!(path = %dest.display(), bytes, kind = kind.as_str(), "wrote a backup");
    Ok(BackupCreated {
        path: dest.display().to_string(),
        bytes,
        manifest,
    })
}

/// The WAV files in the audio folder, oldest name first; a missing folder is none.
fn recordings(audio_dir: &Path) -> BackupResult<Vec<Source>> {
    let entries = match std::fs::read_dir(audio_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(BackupError::io("read", audio_dir, &e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| BackupError::io("read", audio_dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_wav = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("wav"));
        if is_wav && !name.starts_with('.') && entry.file_type().is_ok_and(|t| t.is_file()) {
            out.push(Source {
                name: format!("{RECORDINGS_PREFIX}{name}"),
                path: entry.path(),
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Checks an archive as a restore would (manifest, checksums, schema, integrity) without
/// changing anything.
pub fn verify(archive_path: &Path, work_dir: &Path) -> BackupResult<Manifest> {
    let checked = restore::check(archive_path, work_dir)?;
    Ok(checked.archive.manifest.clone())
}

/// Reads an archive's manifest without checking its files.
pub fn read_manifest(archive_path: &Path) -> BackupResult<Manifest> {
    archive::read_manifest_only(archive_path)
}

/// Replaces the database behind `live` (the one in `data_dir`) with the archive's, keeping
/// the replaced one aside. It goes through SQLite (not a file copy) so that processes with
/// the file open read the restored board at their next query.
pub fn restore_into(
    live: &mut Connection,
    data_dir: &Path,
    archive_path: &Path,
    now: DateTime<Utc>,
) -> BackupResult<BackupRestored> {
    restore::restore_into(live, data_dir, archive_path, now)
}

/// Called by the store on open, before migrating: an existing database with the user's data
/// and an older schema is archived first. A brand-new file is not.
pub(crate) fn before_migration(
    conn: &Connection,
    db_path: &Path,
) -> BackupResult<Option<BackupCreated>> {
    let version = snapshot::user_version(conn)?;
    let latest = crate::store::migrations::latest_version();
    if version == 0 || version >= latest || !snapshot::has_user_data(conn)? {
        return Ok(None);
    }
    let data_dir = match db_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let made = create(
        conn,
        data_dir,
        None,
        BackupKind::PreMigration,
        false,
        Utc::now(),
    )?;
    tracing::info!(path = %made.path, from = version, to = latest, "backed up before migrating");
    Ok(Some(made))
}

/// Takes the daily backup when the newest is a day old and the database holds the user's
/// data, then deletes daily backups beyond [`KEEP_DAILY`].
pub fn daily_if_due(
    src: &Connection,
    data_dir: &Path,
    now: DateTime<Utc>,
) -> BackupResult<Option<BackupCreated>> {
    let dir = backups_dir(data_dir);
    let listed = schedule::list(data_dir).map_err(|e| BackupError::io("read", &dir, &e))?;
    if !schedule::daily_due(&listed, now) || !snapshot::has_user_data(src)? {
        return Ok(None);
    }
    let made = match create(src, data_dir, None, BackupKind::Daily, false, now) {
        Ok(made) => made,
        // Another process (the app beside a CLI call) wrote today's archive between our
        // look at the folder and our write: the day is backed up.
        Err(BackupError::Exists { path }) => {
            tracing::debug!(path = %path.display(), "daily backup already taken");
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    match schedule::prune_daily(data_dir, KEEP_DAILY) {
        Ok(removed) if !removed.is_empty() => {
            tracing::info!(removed = removed.len(), "deleted old daily backups");
        }
        Ok(_) => {}
        Err(e) => tracing::warn!("could not delete old daily backups: {e}"),
    }
    Ok(Some(made))
}

/// A second connection to the database file for reading a backup from, so that copying
/// does not hold the service's own connection (and its lock) any longer than needed.
pub fn open_source(db_path: &Path) -> BackupResult<Connection> {
    let conn = Connection::open_with_flags(
        db_path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(10))?;
    Ok(conn)
}

/// A scratch database file, removed (with any journal) when dropped.
#[derive(Debug)]
pub(crate) struct TempDb(PathBuf);

impl TempDb {
    fn new(dir: &Path, what: &str) -> TempDb {
        let n = fastrand::u64(..);
        TempDb(dir.join(format!(".utter-{what}-{}-{n:016x}.db", std::process::id())))
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}
