//! Undo of "extract again": the dump's transcript and cards as they were just before it.
//! Kept in memory for the running app (its toast's Undo), one per dump, and spent by the
//! undo or replaced by the next "extract again" of the same dump.

use std::collections::HashMap;

use super::{ChangeEvent, Service, ServiceError, ServiceResult};
use crate::model::{Task, TaskPatch};
use crate::stt::Segment;

/// What "extract again" is about to replace.
#[derive(Debug, Clone)]
pub(crate) struct DumpBefore {
    text: String,
    segments: Vec<Segment>,
    task_ids: Vec<i64>,
    /// The dump's cards as they were on the board.
    cards: Vec<Task>,
    /// The journal's snapshots of them (what tells a user's edit from the dump's).
    snapshots: Vec<Task>,
}

#[derive(Debug, Default)]
pub(crate) struct DumpUndos(std::sync::Mutex<HashMap<i64, DumpBefore>>);

impl DumpUndos {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, DumpBefore>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What the undo put back.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct AgainUndone {
    /// Cards given their earlier fields back (or brought back after extract again removed them).
    pub restored: usize,
    /// Cards extract again had added, removed again.
    pub removed: usize,
}

impl Service {
    /// Remembers dump `id` as it is now, for [`Service::undo_extract_again`].
    pub(crate) fn remember_dump_before(&self, id: i64) -> ServiceResult<()> {
        let t = self.store().get_transcript(id)?;
        let segments = self.store().transcript_segments(id)?;
        let snapshots: Vec<Task> = self
            .store()
            .dump_cards(id)?
            .into_iter()
            .map(|c| c.saved)
            .collect();
        let mut cards = Vec::new();
        for task_id in &t.extracted_task_ids {
            match self.get_task(*task_id) {
                Ok(task) => cards.push(task),
                Err(e) if e.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        self.dump_undos.lock().insert(
            id,
            DumpBefore {
                text: t.text,
                segments,
                task_ids: t.extracted_task_ids,
                cards,
                snapshots,
            },
        );
        Ok(())
    }

    /// Takes back the last "extract again" of dump `id`: its text and segments, and its
    /// cards as they were (fields back, removed ones back, added ones gone).
    pub fn undo_extract_again(&self, id: i64) -> ServiceResult<AgainUndone> {
        let before = self.dump_undos.lock().remove(&id).ok_or_else(|| {
            ServiceError::Invalid(format!(
                "dump {id} has no \"extract again\" to undo in this session"
            ))
        })?;
        self.store()
            .set_transcript_text(id, &before.text, &before.segments)?;
        let now_ids = self.store().get_transcript(id)?.extracted_task_ids;
        let mut removed = 0;
        for task_id in now_ids.iter().filter(|t| !before.task_ids.contains(t)) {
            match self.delete_task(*task_id) {
                Ok(_) => removed += 1,
                Err(e) if e.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        let mut restored = 0;
        for card in &before.cards {
            let now = match self.get_task(card.id) {
                Ok(now) => now,
                Err(e) if e.is_not_found() => {
                    self.restore_task(card)?;
                    restored += 1;
                    continue;
                }
                Err(e) => return Err(e),
            };
            let patch = TaskPatch {
                title: (now.title != card.title).then(|| card.title.clone()),
                description: (now.description != card.description)
                    .then(|| card.description.clone()),
                category: (now.category != card.category).then(|| card.category.clone()),
                priority: (now.priority != card.priority).then_some(card.priority),
                due: (now.due != card.due).then_some(card.due),
                ..TaskPatch::default()
            };
            if !patch.is_empty() {
                self.update_task(card.id, patch)?;
                restored += 1;
            }
        }
        self.store().set_transcript_tasks(id, &before.task_ids)?;
        self.record_dump_cards(id, &before.snapshots)?;
        self.feed.emit(ChangeEvent::TranscriptCreated { id });
        Ok(AgainUndone { restored, removed })
    }
}
