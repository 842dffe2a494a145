//! FTS5 search. User text never reaches MATCH as syntax: each word becomes a quoted prefix
//! term, so "Joe's 50% (renewal)" is a search, not a parse error.

use rusqlite::params;

use super::tasks::task_from_row;
use super::{Store, StoreResult};
use crate::model::SearchHit;

/// `renew joe` → `"renew"* AND "joe"*`; `None` when the query has no searchable word.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        // "Henderson's" should look for Henderson, not for Henderson AND s*.
        .map(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w)
        })
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

impl Store {
    pub fn search(&self, query: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = limit as i64;
        let mut hits = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT t.id, t.title, t.description, t.category, t.priority, t.status, t.due,
                        t.assigned_agent, t.position, t.source_transcript_id, t.agent_output,
                        t.created_at, t.updated_at, t.agent_reason, t.cancelled_at,
                        snippet(tasks_fts, -1, '[', ']', '…', 12)
                 FROM tasks_fts JOIN tasks t ON t.id = tasks_fts.rowid
                 WHERE tasks_fts MATCH ?1 AND t.cancelled_at IS NULL
                 ORDER BY bm25(tasks_fts, 10.0, 1.0) LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![q, limit], |r| {
                Ok(SearchHit::Task {
                    task: Box::new(task_from_row(r)?),
                    snippet: r.get(15)?,
                })
            })?;
            for row in rows {
                hits.push(row?);
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, snippet(transcripts_fts, 0, '[', ']', '…', 12)
             FROM transcripts_fts WHERE transcripts_fts MATCH ?1
             ORDER BY bm25(transcripts_fts) LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![q, limit], |r| {
            Ok(SearchHit::Transcript {
                transcript_id: r.get(0)?,
                snippet: r.get(1)?,
            })
        })?;
        for row in rows {
            hits.push(row?);
        }
        Ok(hits)
    }
}
