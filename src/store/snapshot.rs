//! Whole-board copies for export and import: every row of the user's tables as
//! column → JSON value, read in one snapshot and written back in one transaction.
//!
//! Rows are kept generic (column names from the table itself) so a column added by a later
//! migration is exported without anyone remembering to add it here.

use std::collections::BTreeMap;

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Transaction, params_from_iter};
use serde_json::{Map, Value};

use super::{Store, StoreError, StoreResult, tasks};
use crate::model::{Category, NewTask, Task};

/// One row: column name → value (text, number, null; a blob as `{"blob_hex": "…"}`).
pub type Row = Map<String, Value>;

/// The tables a board is made of, parents before children so that foreign keys resolve in
/// this order. Left out on purpose: `mcp_servers` (their configs may carry credentials in
/// URLs and arguments) and `task_vectors` (derived; `utter embeddings reindex` rebuilds them).
pub const BOARD_TABLES: &[&str] = &[
    "categories",
    "settings",
    "vocabulary",
    "agents",
    "workflows",
    "transcripts",
    "transcript_segments",
    "tasks",
    "dump_cards",
    "dump_changes",
    "workflow_runs",
    "runs",
    "run_steps",
    "approvals",
    "chats",
    "chat_messages",
];

/// Tables whose rows are the user's history; a board with none of them is empty, and only
/// an empty board takes a full restore (ids and links kept as they were).
const HISTORY_TABLES: &[&str] = &["tasks", "transcripts", "runs", "workflow_runs", "chats"];

/// Tables a fresh data dir already fills with defaults; a restore replaces those rows.
const KEYED_TABLES: &[&str] = &["settings", "agents", "workflows", "vocabulary"];

fn to_json(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        // SQLite stores no NaN or infinity (it turns them into NULL), so this is total.
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
            let mut m = Map::new();
            m.insert("blob_hex".into(), Value::String(hex));
            Value::Object(m)
        }
    }
}

fn to_sql(table: &str, index: usize, column: &str, v: &Value) -> StoreResult<SqlValue> {
    let bad = |why: &str| StoreError::Malformed(format!("{table}[{index}].{column}: {why}"));
    Ok(match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => SqlValue::Integer(i),
            (None, Some(f)) => SqlValue::Real(f),
            (None, None) => return Err(bad("number out of range")),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(m) => match m.get("blob_hex").and_then(Value::as_str) {
            Some(hex) if m.len() == 1 => {
                SqlValue::Blob(decode_hex(hex).ok_or_else(|| bad("blob_hex is not hex"))?)
            }
            _ => return Err(bad("expected text, a number or null, found an object")),
        },
        Value::Array(_) => return Err(bad("expected text, a number or null, found an array")),
    })
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect()
}

fn columns(conn: &rusqlite::Connection, table: &str) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let cols = stmt.query_map([], |r| r.get::<_, String>(1))?;
    Ok(cols.collect::<Result<_, _>>()?)
}

fn is_board_table(table: &str) -> bool {
    BOARD_TABLES.contains(&table)
}

fn count_rows(conn: &rusqlite::Connection, tables: &[&str]) -> StoreResult<i64> {
    let mut total = 0;
    for table in tables {
        total += conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })?;
    }
    Ok(total)
}

impl Store {
    /// Every row of [`BOARD_TABLES`], read inside one transaction so that a writer in another
    /// process cannot leave the copy half old, half new.
    pub fn snapshot(&self) -> StoreResult<BTreeMap<String, Vec<Row>>> {
        let tx = self.conn.unchecked_transaction()?;
        let mut out = BTreeMap::new();
        for table in BOARD_TABLES {
            let mut stmt = tx.prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))?;
            let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
            let mut rows = stmt.query([])?;
            let mut list = Vec::new();
            while let Some(row) = rows.next()? {
                let mut m = Row::new();
                for (i, name) in names.iter().enumerate() {
                    m.insert(name.clone(), to_json(row.get_ref(i)?));
                }
                list.push(m);
            }
            out.insert((*table).to_string(), list);
        }
        tx.commit()?;
        Ok(out)
    }

    /// Every card, cancelled ones too, in board order: by column, then position.
    pub fn all_tasks(&self) -> StoreResult<Vec<Task>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM tasks
             ORDER BY CASE status WHEN 'pending' THEN 0 WHEN 'in_progress' THEN 1
                                  WHEN 'completed' THEN 2 ELSE 3 END,
                      cancelled_at IS NOT NULL, position, id",
            tasks::TASK_COLUMNS
        ))?;
        let rows = stmt.query_map([], tasks::task_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn schema_version(&self) -> StoreResult<i64> {
        super::migrations::current_version(&self.conn)
    }

    /// True when the board holds no tasks, transcripts, runs or chats (a fresh data dir).
    pub fn board_is_empty(&self) -> StoreResult<bool> {
        Ok(count_rows(&self.conn, HISTORY_TABLES)? == 0)
    }

    /// Writes a [`Store::snapshot`] back into an empty board, ids and links as they were, in
    /// one transaction: any bad row and nothing is written. Categories are replaced by the
    /// snapshot's; settings, agents, workflows and vocabulary rows of the same key replace the
    /// defaults a fresh data dir has.
    pub fn restore_snapshot(&mut self, tables: &BTreeMap<String, Vec<Row>>) -> StoreResult<()> {
        if let Some(unknown) = tables.keys().find(|t| !is_board_table(t)) {
            return Err(StoreError::Malformed(format!("unknown table '{unknown}'")));
        }
        self.write(|tx| {
            if count_rows(tx, HISTORY_TABLES)? != 0 {
                return Err(StoreError::Malformed(
                    "the board is not empty; a full restore needs an empty data dir".into(),
                ));
            }
            // Runs and workflow runs point at each other; check every link at commit instead.
            tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
            if tables.contains_key("categories") {
                tx.execute("DELETE FROM categories", [])?;
            }
            for table in BOARD_TABLES {
                if let Some(rows) = tables.get(*table) {
                    insert_rows(tx, table, rows)?;
                }
            }
            Ok(())
        })
    }

    /// New cards (and the categories they need) in one transaction, each at the end of its
    /// column in the order given.
    pub fn import_cards(
        &mut self,
        categories: &[Category],
        cards: &[NewTask],
    ) -> StoreResult<Vec<Task>> {
        self.write(|tx| {
            for c in categories {
                tx.execute(
                    "INSERT INTO categories (name, color, position)
                     VALUES (?1, ?2, (SELECT COALESCE(MAX(position), -1) + 1 FROM categories))
                     ON CONFLICT(name) DO NOTHING",
                    [&c.name, &c.color],
                )?;
            }
            cards.iter().map(|t| tasks::insert_in(tx, t)).collect()
        })
    }
}

fn insert_rows(tx: &Transaction<'_>, table: &str, rows: &[Row]) -> StoreResult<()> {
    let known = columns(tx, table)?;
    let verb = if KEYED_TABLES.contains(&table) {
        "INSERT OR REPLACE"
    } else {
        "INSERT"
    };
    for (index, row) in rows.iter().enumerate() {
        if let Some(bad) = row.keys().find(|c| !known.contains(c)) {
            return Err(StoreError::Malformed(format!(
                "{table}[{index}]: unknown column '{bad}'"
            )));
        }
        // Column names are checked against the table above, so quoting them is enough.
        let cols: Vec<String> = row.keys().map(|c| format!("\"{c}\"")).collect();
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let values = row
            .iter()
            .map(|(c, v)| to_sql(table, index, c, v))
            .collect::<StoreResult<Vec<_>>>()?;
        tx.execute(
            &format!(
                "{verb} INTO {table} ({}) VALUES ({})",
                cols.join(", "),
                marks.join(", ")
            ),
            params_from_iter(values),
        )
        .map_err(|e| match StoreError::from(e) {
            StoreError::Sqlite(e) => StoreError::Malformed(format!("{table}[{index}]: {e}")),
            other => other,
        })?;
    }
    Ok(())
}
