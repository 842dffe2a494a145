//! SQLite persistence: one database file in the data dir, WAL, foreign keys on, a busy
//! timeout so that the app, the CLI and the scheduler can write at the same time.

mod agents;
mod categories;
mod chats;
mod dump_cards;
mod dump_changes;
mod error;
mod mcp_servers;
pub mod migrations;
mod runs;
mod search;
mod settings;
pub mod snapshot;
mod tasks;
mod transcripts;
mod vectors;
mod vocabulary;
mod workflows;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use chats::NewChatMessage;
pub use dump_cards::DumpCard;
pub use dump_changes::{CardEdit, ItemCard, ItemRecord, ItemRow, Undone};
pub use error::StoreError;
pub use runs::NewStep;
pub use tasks::POSITION_STEP;

pub type StoreResult<T> = Result<T, StoreError>;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and brings its schema up to date.
    pub fn open_in(data_dir: &Path) -> StoreResult<Store> {
        ensure_writable_dir(data_dir)?;
        Store::open(&crate::paths::db_path(data_dir))
    }

    /// Opens the database file at `path`. A file that is not a database is reported, never
    /// overwritten.
    pub fn open(path: &Path) -> StoreResult<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_open(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.configure().map_err(|e| e.at_open(path))?;
        // An upgrade rewrites the user's file; a copy from before it comes first, and no
        // copy means no upgrade.
        crate::backup::before_migration(&store.conn, path).map_err(|e| {
            StoreError::PreMigrationBackup {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        })?;
        migrations::migrate(&mut store.conn).map_err(|e| e.at_open(path))?;
        Ok(store)
    }

    fn configure(&self) -> StoreResult<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // The first statement that reads the header is where a corrupt file shows up.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(mode, "could not switch the database to WAL");
        }
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA synchronous = NORMAL;
             PRAGMA temp_store = MEMORY;",
        )?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection itself, for whole-file operations (backup, restore) that go through
    /// SQLite rather than through the store's queries.
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// SQLite's counter that changes when *another* connection commits to this file;
    /// the service polls it to notice the CLI or a second process writing.
    pub fn data_version(&self) -> StoreResult<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in an IMMEDIATE transaction: taking the write lock up front means a second
    /// process waits on the busy timeout instead of failing with SQLITE_BUSY mid-transaction.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Creates the data dir and proves it is writable, so that a read-only location gets a clear
/// message instead of SQLite's "unable to open database file".
fn ensure_writable_dir(dir: &Path) -> StoreResult<()> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::data_dir(dir, &e))?;
    let probe = dir.join(format!(".utter-write-test-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(StoreError::data_dir(dir, &e)),
    }
}

pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
