//! Versioned schema migrations keyed on SQLite's `user_version`.
//!
//! Each entry upgrades the schema by exactly one version and runs in its own transaction.
//! Never edit a shipped migration: append a new one. Tests migrate from an empty file and from
//! every earlier version with data in it.

use rusqlite::Connection;

use super::{StoreError, StoreResult};

/// Migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // v1: the board.
    r#"
    CREATE TABLE categories (
        name     TEXT PRIMARY KEY COLLATE NOCASE,
        color    TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE transcripts (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        text               TEXT NOT NULL,
        audio_path         TEXT,
        duration_ms        INTEGER,
        model              TEXT,
        language           TEXT,
        created_at         TEXT NOT NULL,
        extracted_task_ids TEXT NOT NULL DEFAULT '[]'
    );
    -- AUTOINCREMENT so that a deleted task's id is never handed to a new task: undo of a
    -- delete re-inserts the old id.
    CREATE TABLE tasks (
        id                   INTEGER PRIMARY KEY AUTOINCREMENT,
        title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
        description          TEXT,
        category             TEXT REFERENCES categories(name) ON UPDATE CASCADE ON DELETE SET NULL,
        priority             TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('low','medium','high')),
        status               TEXT NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending','in_progress','completed','blocked')),
        due                  TEXT,
        assigned_agent       TEXT,
        position             REAL NOT NULL,
        source_transcript_id INTEGER REFERENCES transcripts(id) ON DELETE SET NULL,
        agent_output         TEXT,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
    );
    CREATE INDEX tasks_by_column ON tasks(status, position);
    CREATE INDEX tasks_by_transcript ON tasks(source_transcript_id);
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO categories (name, color, position) VALUES
        ('Meetings',    '#4f7cff', 0),
        ('Sales',       '#18a058', 1),
        ('Research',    '#8a5cf6', 2),
        ('Writing',     '#e0a100', 3),
        ('Development', '#0ea5b7', 4),
        ('Admin',       '#8b8f98', 5),
        ('Personal',    '#e8590c', 6);
    "#,
    // v2: full-text search over task title/description and transcript text, kept in sync by
    // triggers (external-content FTS5, so the text is stored once).
    r#"
    CREATE VIRTUAL TABLE tasks_fts USING fts5(
        title, description,
        content='tasks', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
        INSERT INTO tasks_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
    END;
    CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
        INSERT INTO tasks_fts(tasks_fts, rowid, title, description)
        VALUES ('delete', old.id, old.title, old.description);
    END;
    -- Only text edits touch the index, so moving a card stays cheap.
    CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, description ON tasks BEGIN
        INSERT INTO tasks_fts(tasks_fts, rowid, title, description)
        VALUES ('delete', old.id, old.title, old.description);
        INSERT INTO tasks_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
    END;
    CREATE VIRTUAL TABLE transcripts_fts USING fts5(
        text,
        content='transcripts', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER transcripts_fts_insert AFTER INSERT ON transcripts BEGIN
        INSERT INTO transcripts_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER transcripts_fts_delete AFTER DELETE ON transcripts BEGIN
        INSERT INTO transcripts_fts(transcripts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER transcripts_fts_update AFTER UPDATE OF text ON transcripts BEGIN
        INSERT INTO transcripts_fts(transcripts_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO transcripts_fts(rowid, text) VALUES (new.id, new.text);
    END;
    -- Index what an older schema already holds.
    INSERT INTO tasks_fts(tasks_fts) VALUES ('rebuild');
    INSERT INTO transcripts_fts(transcripts_fts) VALUES ('rebuild');
    "#,
    // v3: MCP servers. `spec` is the server's JSON with every env and header *value* blanked:
    // those values (API keys, tokens) live in the OS keychain only.
    r#"
    CREATE TABLE mcp_servers (
        name       TEXT PRIMARY KEY,
        spec       TEXT NOT NULL,
        enabled    INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    "#,
    // v4: agents and their runs. Built-in agents live in code; a row here is the user's
    // edit of one (reset = delete the row) or an agent the user made. Every step of a run is
    // its own row, so a killed run resumes from the last finished step.
    r#"
    CREATE TABLE agents (
        name       TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    ALTER TABLE tasks ADD COLUMN agent_reason TEXT;
    CREATE TABLE runs (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        agent         TEXT NOT NULL,
        task_id       INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
        status        TEXT NOT NULL
                      CHECK (status IN ('running','waiting_approval','completed','failed','cancelled')),
        prompt        TEXT NOT NULL,
        output        TEXT,
        tokens_in     INTEGER NOT NULL DEFAULT 0,
        tokens_out    INTEGER NOT NULL DEFAULT 0,
        execution_ms  INTEGER NOT NULL DEFAULT 0,
        error         TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX runs_by_task ON runs(task_id);
    CREATE TABLE run_steps (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('model','tool')),
        status      TEXT NOT NULL
                    CHECK (status IN ('started','done','failed','denied','waiting_approval')),
        tool        TEXT,
        call_id     TEXT,
        arguments   TEXT,
        content     TEXT NOT NULL DEFAULT '',
        error       TEXT,
        tokens_in   INTEGER NOT NULL DEFAULT 0,
        tokens_out  INTEGER NOT NULL DEFAULT 0,
        ms          INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX run_steps_by_run ON run_steps(run_id, id);
    CREATE TABLE approvals (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        step_id     INTEGER NOT NULL REFERENCES run_steps(id) ON DELETE CASCADE,
        tool        TEXT NOT NULL,
        arguments   TEXT NOT NULL,
        reason      TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','denied')),
        created_at  TEXT NOT NULL,
        decided_at  TEXT
    );
    CREATE INDEX approvals_pending ON approvals(status);
    "#,
    // v5: workflows, a sequence of agents over one task where a step that answers FAIL sends
    // the work back one step (a bounded number of times). One ships: research, draft, check.
    r#"
    CREATE TABLE workflows (
        name       TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    INSERT INTO workflows (name, definition, updated_at) VALUES (
        'Proposal pipeline',
        '{"name":"Proposal pipeline","agents":["Research","Proposal Generator","QA Verifier"],"max_retries":2}',
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    );
    CREATE TABLE workflow_runs (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        workflow    TEXT NOT NULL,
        task_id     INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
        definition  TEXT NOT NULL,
        status      TEXT NOT NULL
                    CHECK (status IN ('running','waiting_approval','completed','failed')),
        position    INTEGER NOT NULL DEFAULT 0,
        retries     INTEGER NOT NULL DEFAULT 0,
        current_run INTEGER REFERENCES runs(id) ON DELETE SET NULL,
        run_ids     TEXT NOT NULL DEFAULT '[]',
        error       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    -- A run inside a workflow leaves the task's column alone; the workflow moves it at the end.
    ALTER TABLE runs ADD COLUMN workflow_run INTEGER REFERENCES workflow_runs(id) ON DELETE SET NULL;
    "#,
    // v6: the side chat. One conversation for the whole board (task_id NULL) and one per task,
    // which goes when its task does.
    r#"
    CREATE TABLE chats (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id    INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX chats_one_per_scope ON chats(ifnull(task_id, 0));
    CREATE TABLE chat_messages (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id     INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        role        TEXT NOT NULL CHECK (role IN ('user','assistant','tool')),
        content     TEXT NOT NULL DEFAULT '',
        tool_calls  TEXT NOT NULL DEFAULT '[]',
        call_id     TEXT,
        tool        TEXT,
        is_error    INTEGER NOT NULL DEFAULT 0,
        tokens_in   INTEGER NOT NULL DEFAULT 0,
        tokens_out  INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX chat_messages_by_chat ON chat_messages(chat_id, id);
    "#,
    // v7: the user's vocabulary: words Whisper should spell their way (given to it as the
    // initial prompt) and, with `replace_from`, what it hears instead ("k8s" → "Kubernetes").
    r#"
    CREATE TABLE vocabulary (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        word         TEXT NOT NULL CHECK (length(trim(word)) > 0),
        replace_from TEXT,
        created_at   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX vocabulary_unique
        ON vocabulary(lower(word), lower(ifnull(replace_from, '')));
    "#,
    // v8: the voice journal. A dump's timed segments, and for each card it made: the
    // seconds of audio it came from and the card as the dump left it (so "extract again"
    // can tell a card the user changed since, and leave it alone).
    r#"
    CREATE TABLE transcript_segments (
        transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
        idx           INTEGER NOT NULL,
        start_ms      INTEGER NOT NULL,
        end_ms        INTEGER NOT NULL,
        text          TEXT NOT NULL,
        PRIMARY KEY (transcript_id, idx)
    );
    CREATE TABLE dump_cards (
        task_id       INTEGER PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
        transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
        start_ms      INTEGER,
        end_ms        INTEGER,
        saved         TEXT NOT NULL
    );
    CREATE INDEX dump_cards_by_transcript ON dump_cards(transcript_id);
    "#,
    // v9: dumps that know the board. A cancelled card is kept but off the board; every item
    // of a dump is recorded with what it did (new card, same as a card, update to a card,
    // possibly the same as a card) and the card as it was before, for the dump's one undo.
    r#"
    ALTER TABLE tasks ADD COLUMN cancelled_at TEXT;
    CREATE TABLE dump_changes (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
        task_id       INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        outcome       TEXT NOT NULL CHECK (outcome IN ('new','same','update','unsure')),
        said          TEXT NOT NULL,
        changes       TEXT NOT NULL DEFAULT '[]',
        before        TEXT,
        possible_id   INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
        resolved      INTEGER NOT NULL DEFAULT 0,
        undone        INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX dump_changes_by_transcript ON dump_changes(transcript_id);
    CREATE INDEX dump_changes_open_unsure ON dump_changes(outcome, resolved);
    "#,
    // v10: search by meaning. One vector per card from the sentence-embedding model, with
    // the text it was made from, so an edited card is known to need a new one.
    r#"
    CREATE TABLE task_vectors (
        task_id INTEGER PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
        model   TEXT NOT NULL,
        source  TEXT NOT NULL,
        vector  BLOB NOT NULL
    );
    "#,
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn current_version(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the schema to the latest version.
pub fn migrate(conn: &mut Connection) -> StoreResult<()> {
    migrate_to(conn, latest_version())
}

/// Brings the schema to `target` (tests use this to build every earlier version).
pub fn migrate_to(conn: &mut Connection, target: i64) -> StoreResult<()> {
    let found = current_version(conn)?;
    if found > latest_version() {
        return Err(StoreError::NewerSchema {
            path: Default::default(),
            found,
            known: latest_version(),
        });
    }
    for version in found..target.min(latest_version()) {
        let Some(sql) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            break;
        };
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > version {
            tx.commit()?;
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
        tracing::info!(version = version + 1, "migrated database schema");
    }
    Ok(())
}
