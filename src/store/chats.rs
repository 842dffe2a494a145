//! Rows of `chats` and `chat_messages`: one conversation per scope (the board, or a task).

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::runs::parsed;
use super::{Store, StoreResult, now_rfc3339};
use crate::chat::{ChatMessage, ChatRole, ChatToolCall};

const MESSAGE_COLUMNS: &str = "id, chat_id, role, content, tool_calls, call_id, tool, is_error, \
     tokens_in, tokens_out, created_at";

/// A message to save.
#[derive(Debug, Clone, Default)]
pub struct NewChatMessage<'a> {
    pub content: &'a str,
    pub tool_calls: &'a [ChatToolCall],
    pub call_id: Option<&'a str>,
    pub tool: Option<&'a str>,
    pub is_error: bool,
    pub tokens: (i64, i64),
}

fn message_from_row(r: &Row<'_>) -> rusqlite::Result<ChatMessage> {
    let calls: String = r.get(4)?;
    Ok(ChatMessage {
        id: r.get(0)?,
        chat_id: r.get(1)?,
        role: parsed::<ChatRole>(r, 2)?,
        content: r.get(3)?,
        // Written by us from the same type; an unreadable list only hides the calls.
        tool_calls: serde_json::from_str(&calls).unwrap_or_default(),
        call_id: r.get(5)?,
        tool: r.get(6)?,
        is_error: r.get(7)?,
        tokens_in: r.get(8)?,
        tokens_out: r.get(9)?,
        created_at: r.get(10)?,
    })
}

fn chat_in(conn: &Connection, task: Option<i64>) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT id FROM chats WHERE ifnull(task_id, 0) = ifnull(?1, 0)",
        params![task],
        |r| r.get(0),
    )
    .optional()
}

impl Store {
    /// The conversation for a scope (`None` = the board's), if one was started.
    pub fn chat_id(&self, task: Option<i64>) -> StoreResult<Option<i64>> {
        Ok(chat_in(&self.conn, task)?)
    }

    /// The conversation for a scope, started if there is none yet.
    pub fn ensure_chat(&mut self, task: Option<i64>) -> StoreResult<i64> {
        self.write(|tx| {
            if let Some(id) = chat_in(tx, task)? {
                return Ok(id);
            }
            let now = now_rfc3339();
            tx.execute(
                "INSERT INTO chats (task_id, created_at, updated_at) VALUES (?1, ?2, ?2)",
                params![task, now],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    pub fn insert_chat_message(
        &mut self,
        chat_id: i64,
        role: ChatRole,
        m: &NewChatMessage<'_>,
    ) -> StoreResult<ChatMessage> {
        let calls = serde_json::to_string(m.tool_calls).unwrap_or_else(|_| "[]".into());
        // A server or model that echoes a credential must not put it in the database.
        let calls = crate::secrets::redact::scrub_known(&calls).into_owned();
        let content = crate::secrets::redact::scrub_known(m.content);
        let now = now_rfc3339();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO chat_messages
                 (chat_id, role, content, tool_calls, call_id, tool, is_error, tokens_in, tokens_out, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    chat_id,
                    role.as_str(),
                    content.as_ref(),
                    calls,
                    m.call_id,
                    m.tool,
                    m.is_error,
                    m.tokens.0,
                    m.tokens.1,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "UPDATE chats SET updated_at = ?2 WHERE id = ?1",
                params![chat_id, now],
            )?;
            Ok(tx.query_row(
                &format!("SELECT {MESSAGE_COLUMNS} FROM chat_messages WHERE id = ?1"),
                params![id],
                message_from_row,
            )?)
        })
    }

    /// The last `limit` messages of a conversation, oldest first.
    pub fn chat_messages(&self, chat_id: i64, limit: usize) -> StoreResult<Vec<ChatMessage>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT * FROM (SELECT {MESSAGE_COLUMNS} FROM chat_messages WHERE chat_id = ?1
             ORDER BY id DESC LIMIT ?2) ORDER BY id"
        ))?;
        let rows = stmt.query_map(params![chat_id, limit as i64], message_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets a conversation; returns how many messages went with it.
    pub fn delete_chat(&mut self, task: Option<i64>) -> StoreResult<usize> {
        self.write(|tx| {
            let Some(id) = chat_in(tx, task)? else {
                return Ok(0);
            };
            let n = tx.execute("DELETE FROM chat_messages WHERE chat_id = ?1", params![id])?;
            tx.execute("DELETE FROM chats WHERE id = ?1", params![id])?;
            Ok(n)
        })
    }
}
