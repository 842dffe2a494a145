//! Copies between SQLite databases with the online backup API: a consistent copy of a file
//! that other processes keep writing, and a restore into the live file that every open
//! connection sees.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{BackupError, BackupResult};

/// How long a copy waits on locks held by other processes before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(30);

/// Tables counted in a manifest; those missing from an older schema are left out.
const COUNTED: &[&str] = &[
    "tasks",
    "categories",
    "transcripts",
    "runs",
    "run_steps",
    "approvals",
    "chats",
    "chat_messages",
    "agents",
    "workflows",
    "mcp_servers",
    "vocabulary",
    "settings",
];

/// Tables the first migrations fill by themselves; rows there alone are not the user's data.
const SEEDED: &[&str] = &["categories", "workflows"];

/// Copies every page of `src` into `dst`. All pages go in one step, which reads `src`
/// inside one read transaction: writers in other processes carry on (WAL) and the copy is
/// the database as of one commit.
pub(crate) fn copy_database(src: &Connection, dst: &mut Connection) -> BackupResult<()> {
    let backup = Backup::new(src, dst)?;
    let started = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => {
                if started.elapsed() > LOCK_WAIT {
                    return Err(BackupError::Busy {
                        secs: LOCK_WAIT.as_secs(),
                    });
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// Writes a consistent copy of `src` to a new file at `dest`, as a self-contained file in
/// rollback-journal mode (no -wal/-shm to carry along).
pub(crate) fn snapshot_to_file(src: &Connection, dest: &Path) -> BackupResult<()> {
    let mut out = Connection::open_with_flags(
        dest,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    )?;
    copy_database(src, &mut out)?;
    // The copied header says WAL when the source is; a file at rest travels better without.
    let _: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    out.close().map_err(|(_, e)| BackupError::from(e))?;
    Ok(())
}

pub(crate) fn table_exists(conn: &Connection, table: &str) -> BackupResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [table],
        |r| r.get(0),
    )?)
}

pub(crate) fn counts(conn: &Connection) -> BackupResult<BTreeMap<String, i64>> {
    let mut out = BTreeMap::new();
    for table in COUNTED {
        if table_exists(conn, table)? {
            // Names come from the constant list above, never from input.
            let n: i64 = conn.query_row(&format!("SELECT COUNT(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })?;
            out.insert((*table).to_owned(), n);
        }
    }
    Ok(out)
}

/// Whether the user has put anything in the database (a file only holding the seeded
/// categories and workflow is as good as new).
pub(crate) fn has_user_data(conn: &Connection) -> BackupResult<bool> {
    Ok(counts(conn)?
        .iter()
        .any(|(table, n)| *n > 0 && !SEEDED.contains(&table.as_str())))
}

pub(crate) fn user_version(conn: &Connection) -> BackupResult<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// `PRAGMA integrity_check`: `Ok(())` or the first problems it reports.
pub(crate) fn integrity(conn: &Connection) -> BackupResult<Result<(), String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check(5)")?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    if lines.len() == 1 && lines[0] == "ok" {
        Ok(Ok(()))
    } else {
        Ok(Err(lines.join("; ")))
    }
}
