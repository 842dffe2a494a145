//! Cards a dump saved as "possibly the same as" another: listed for the user, kept apart,
//! or merged into one (and the merge put back).

use serde::Serialize;
use specta::Type;

use super::appended;
use crate::model::{Task, TaskPatch};
use crate::service::{ChangeEvent, Service, ServiceError, ServiceResult};
use crate::store::CardEdit;

/// A card saved as "possibly the same as" another.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PossibleDuplicate {
    pub task_id: i64,
    pub possible_id: i64,
    pub possible_title: String,
}

/// Two cards merged into one; `before` puts both back.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Merged {
    pub kept: Task,
    /// The other card: cancelled, with a note saying where it went.
    pub merged: Task,
    pub before: Vec<Task>,
}

impl Service {
    /// Cards flagged "possibly the same as" another, still waiting for the user.
    pub fn possible_duplicates(&self) -> ServiceResult<Vec<PossibleDuplicate>> {
        let pairs = self.store().open_possible_duplicates()?;
        let mut out = Vec::with_capacity(pairs.len());
        for (task_id, possible_id) in pairs {
            let other = self.get_task(possible_id)?;
            out.push(PossibleDuplicate {
                task_id,
                possible_id,
                possible_title: other.title,
            });
        }
        Ok(out)
    }

    /// "Not the same": drops the flag on `task_id`.
    pub fn keep_apart(&self, task_id: i64) -> ServiceResult<()> {
        self.store().settle_possible_duplicate(task_id)?;
        self.feed.emit(ChangeEvent::TaskUpdated { id: task_id });
        Ok(())
    }

    /// Merges card `other` into card `keep`: `keep` takes the details it lacks (due date,
    /// category, description, a higher priority), `other` is cancelled with a note saying
    /// where it went. Nothing is deleted; `before` undoes it (see [`Service::put_back`]).
    pub fn merge_tasks(&self, keep: i64, other: i64) -> ServiceResult<Merged> {
        if keep == other {
            return Err(ServiceError::Invalid(
                "a card cannot be merged into itself".into(),
            ));
        }
        let a = self.get_task(keep)?;
        let b = self.get_task(other)?;
        let mut patch = TaskPatch::default();
        if a.due.is_none() && b.due.is_some() {
            patch.due = Some(b.due);
        }
        if a.category.is_none() && b.category.is_some() {
            patch.category = Some(b.category.clone());
        }
        if b.priority > a.priority {
            patch.priority = Some(b.priority);
        }
        if let Some(d) = &b.description
            && a.description.as_deref() != Some(d)
        {
            patch.description = Some(Some(appended(&a, d)));
        }
        let kept_edit = CardEdit {
            patch,
            ..Default::default()
        };
        let merged_edit = CardEdit {
            patch: TaskPatch {
                description: Some(Some(appended(&b, &format!("Merged into #{keep}")))),
                ..Default::default()
            },
            cancel: true,
            ..Default::default()
        };
        let (kept, merged) = self
            .store()
            .merge_cards((keep, &kept_edit), (other, &merged_edit))?;
        self.feed.emit(ChangeEvent::TaskUpdated { id: keep });
        self.feed.emit(ChangeEvent::TaskDeleted { id: other });
        Ok(Merged {
            kept,
            merged,
            before: vec![a, b],
        })
    }

    /// Puts cards back as the snapshots say (the undo of a merge).
    pub fn put_back(&self, before: &[Task]) -> ServiceResult<()> {
        self.store().put_back(before)?;
        for t in before {
            self.feed.emit(ChangeEvent::TaskUpdated { id: t.id });
        }
        Ok(())
    }
}
