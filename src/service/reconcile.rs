//! Dumps that know the board: each item is reconciled with the open cards before it is
//! saved (see `crate::reconcile`), every change is recorded with the card as it was, and
//! the whole dump can be undone at once. Possible repeats are flagged for a one-click merge
//! (`reconcile/duplicates.rs`).

use chrono::NaiveDateTime;
use serde::Serialize;
use specta::Type;

use super::{ChangeEvent, Service, ServiceResult, new_task_from};
use crate::extract::ExtractedTask;
use crate::model::{NewTask, NewTranscript, Task, Transcript};
use crate::reconcile::similarity::names;
use crate::reconcile::{Answer, Change, Decision, Outcome, Plan, plan};
use crate::store::{CardEdit, ItemCard, ItemRecord};

mod duplicates;

pub use duplicates::{Merged, PossibleDuplicate};

/// One item of a dump, as the user sees it in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DumpItem {
    pub outcome: Outcome,
    /// What was said (the item's title, or the words of an update).
    pub said: String,
    /// The card it made or changed, as it is now.
    pub task: Task,
    /// What changed on an existing card: "due 2026-12-11", "completed".
    pub changes: Vec<String>,
    /// For `unsure`: the card this may repeat.
    pub possible: Option<i64>,
    pub undone: bool,
}

/// Everything one dump did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DumpResult {
    pub transcript: Transcript,
    /// The new cards (new and unsure items).
    pub tasks: Vec<Task>,
    pub items: Vec<DumpItem>,
    /// Questions asked in the dump, answered from the board; they saved nothing.
    pub answers: Vec<Answer>,
}

impl DumpResult {
    /// Cards already on the board that the dump changed.
    pub fn changed(&self) -> impl Iterator<Item = &DumpItem> {
        self.items
            .iter()
            .filter(|i| matches!(i.outcome, Outcome::Same | Outcome::Update))
    }
}

/// What undoing a dump did.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DumpUndone {
    pub removed: Vec<i64>,
    pub restored: Vec<i64>,
}

/// An extracted item with what saving it would do (`utter extract --json`; nothing saved).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewItem {
    #[serde(flatten)]
    pub task: ExtractedTask,
    /// new, same, update, unsure — or question (answered, never saved).
    pub outcome: &'static str,
    /// The card it would repeat, change or be flagged against.
    pub card: Option<i64>,
}

impl Service {
    /// What `found` would do to the board if the dump were saved; nothing is saved.
    pub fn preview_dump(
        &self,
        text: &str,
        found: Vec<ExtractedTask>,
        now: NaiveDateTime,
    ) -> ServiceResult<Vec<PreviewItem>> {
        let plan = self.plan_dump(text, found.clone(), now)?;
        let updates: Vec<(Vec<String>, i64)> = plan
            .decisions
            .iter()
            .filter_map(|d| match d {
                Decision::Update { said, card, .. } => {
                    Some((crate::reconcile::similarity::content_tokens(said), *card))
                }
                _ => None,
            })
            .collect();
        Ok(found
            .into_iter()
            .map(|task| {
                let decided = plan.decisions.iter().find_map(|d| match d {
                    Decision::New(i) if i.title == task.title => Some(("new", None)),
                    Decision::Unsure { item, possible } if item.title == task.title => {
                        Some(("unsure", Some(*possible)))
                    }
                    Decision::Same { item, card, .. } if item.title == task.title => {
                        Some(("same", Some(*card)))
                    }
                    _ => None,
                });
                let (outcome, card) = decided.unwrap_or_else(|| {
                    // Not planned as an item: its words were an update or a question.
                    let words = crate::reconcile::similarity::content_tokens(&task.title);
                    updates
                        .iter()
                        .find(|(said, _)| words.iter().all(|w| said.contains(w)))
                        .map_or(("question", None), |(_, card)| ("update", Some(*card)))
                });
                PreviewItem {
                    task,
                    outcome,
                    card,
                }
            })
            .collect())
    }

    pub fn reconcile_enabled(&self) -> ServiceResult<bool> {
        self.flag(&crate::settings::DUMPS_RECONCILE)
    }

    /// What saving `found` (read from `text`) would do to the board; nothing is saved.
    pub fn plan_dump(
        &self,
        text: &str,
        found: Vec<ExtractedTask>,
        now: NaiveDateTime,
    ) -> ServiceResult<Plan> {
        Ok(self.plan_against_board(text, found, now)?.0)
    }

    /// The plan, and the board it was made against (`None` when reconciling is off).
    fn plan_against_board(
        &self,
        text: &str,
        found: Vec<ExtractedTask>,
        now: NaiveDateTime,
    ) -> ServiceResult<(Plan, Option<Vec<Task>>)> {
        if !self.reconcile_enabled()? {
            return Ok((Plan::all_new(found), None));
        }
        let board = self.list_tasks(&Default::default())?;
        let plan = self.flag_alike_in_meaning(plan(text, found, &board, now), &board);
        Ok((plan, Some(board)))
    }

    /// "Grab a gift for Ava's party" beside "Buy present for Ava's party": new work whose
    /// words differ from a card's but whose meaning is close is flagged *unsure* (saved,
    /// with Merge / Keep both), never merged: a wrong merge loses what was said. Needs the
    /// meaning-search model; without it, or if it fails, the plan stays as the words made it.
    fn flag_alike_in_meaning(&self, mut plan: Plan, board: &[Task]) -> Plan {
        let open: std::collections::HashSet<i64> = board
            .iter()
            .filter(|t| t.status != crate::model::Status::Completed && t.cancelled_at.is_none())
            .map(|t| t.id)
            .collect();
        let new: Vec<usize> = plan
            .decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| matches!(d, Decision::New(_)))
            .map(|(i, _)| i)
            .collect();
        let titles: Vec<&str> = new
            .iter()
            .filter_map(|&i| match &plan.decisions[i] {
                Decision::New(item) => Some(item.title.as_str()),
                _ => None,
            })
            .collect();
        let closest = match self.closest_cards(&titles, &open, crate::reconcile::UNSURE_COSINE) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "meaning search unavailable while reconciling");
                return plan;
            }
        };
        for (&i, found) in new.iter().zip(closest) {
            let Some((card, _)) = found else { continue };
            let Some(task) = board.iter().find(|t| t.id == card) else {
                continue;
            };
            let Decision::New(item) = &plan.decisions[i] else {
                continue;
            };
            // Different people or companies named: different work, however alike.
            let (a, b) = (names(&item.title), names(&task.title));
            if !a.is_empty() && !b.is_empty() && a.is_disjoint(&b) {
                continue;
            }
            let item = item.clone();
            plan.decisions[i] = Decision::Unsure {
                item,
                possible: card,
            };
        }
        plan
    }

    /// Reconciles what was found in a transcript with the board and saves it all at once.
    pub fn dump_found(
        &self,
        transcript: NewTranscript,
        found: Vec<ExtractedTask>,
        segments: &[crate::stt::Segment],
        now: NaiveDateTime,
    ) -> ServiceResult<DumpResult> {
        if transcript.text.trim().is_empty() {
            return Err(super::ServiceError::EmptyDump);
        }
        let (plan, board) = self.plan_against_board(&transcript.text, found, now)?;
        self.save_plan(transcript, plan, board, segments, now)
    }

    fn save_plan(
        &self,
        transcript: NewTranscript,
        plan: Plan,
        board: Option<Vec<Task>>,
        segments: &[crate::stt::Segment],
        now: NaiveDateTime,
    ) -> ServiceResult<DumpResult> {
        let mut new_cards: Vec<NewTask> = Vec::new();
        let mut records: Vec<ItemRecord> = Vec::new();
        for d in plan.decisions {
            records.push(match d {
                Decision::New(item) => self.made_record(&mut new_cards, item, None)?,
                Decision::Unsure { item, possible } => {
                    self.made_record(&mut new_cards, item, Some(possible))?
                }
                Decision::Same {
                    item,
                    card,
                    changes,
                } => self.edit_record(Outcome::Same, item.title, card, &changes)?,
                Decision::Update {
                    said,
                    card,
                    changes,
                } => self.edit_record(Outcome::Update, said, card, &changes)?,
            });
        }
        let (transcript, saved) =
            self.store()
                .insert_reconciled_dump(&transcript, &new_cards, &records)?;
        let saved = self.dump_saved(transcript.id, saved, segments)?;
        for r in &records {
            if let ItemCard::Edited(id, _) = r.card {
                self.feed.emit(ChangeEvent::TaskUpdated { id });
            }
        }
        let items = self.dump_items(transcript.id)?;
        // Questions are answered from the board as this dump left it ("push the dentist to
        // Friday … what's due Friday?" counts the dentist).
        let answers = if plan.answers.is_empty() {
            Vec::new()
        } else {
            let board = match board {
                // The board read for planning, brought up to date with what this dump did:
                // cheaper than reading ten thousand cards again.
                Some(mut board) => {
                    for r in &records {
                        if let ItemCard::Edited(id, _) = r.card
                            && let Some(slot) = board.iter_mut().find(|t| t.id == id)
                        {
                            *slot = self.get_task(id)?;
                        }
                    }
                    board.extend(saved.iter().cloned());
                    board.retain(|t| t.cancelled_at.is_none());
                    board
                }
                None => self.list_tasks(&Default::default())?,
            };
            plan.answers
                .iter()
                .map(|a| crate::reconcile::questions::answer(&a.question, &board, now))
                .collect()
        };
        tracing::info!(
            new = saved.len(),
            changed = items.len() - saved.len(),
            questions = answers.len(),
            "dump saved"
        );
        Ok(DumpResult {
            transcript,
            tasks: saved,
            items,
            answers,
        })
    }

    /// The record of a new card (flagged "possibly the same as" `possible`, if given), which
    /// is queued in `new_cards`.
    fn made_record(
        &self,
        new_cards: &mut Vec<NewTask>,
        item: ExtractedTask,
        possible: Option<i64>,
    ) -> ServiceResult<ItemRecord> {
        let said = item.title.clone();
        new_cards.push(self.validate_new(new_task_from(item))?);
        Ok(ItemRecord {
            outcome: if possible.is_some() {
                Outcome::Unsure
            } else {
                Outcome::New
            },
            said,
            card: ItemCard::Made(new_cards.len() - 1),
            changes: vec![],
            possible,
        })
    }

    /// The record of an edit to card `id`, with the edit itself worked out against the card
    /// as it is now (so a repeat does not lower a priority or clear a date).
    fn edit_record(
        &self,
        outcome: Outcome,
        said: String,
        id: i64,
        changes: &[Change],
    ) -> ServiceResult<ItemRecord> {
        let card = self.get_task(id)?;
        let mut edit = CardEdit::default();
        let mut lines: Vec<String> = Vec::new();
        for change in changes {
            match change {
                Change::Status(s) => {
                    edit.status = Some(*s);
                    lines.push(s.label().to_lowercase());
                }
                Change::Blocked(why) => {
                    edit.status = Some(crate::model::Status::Blocked);
                    lines.push("blocked".into());
                    if let Some(why) = why {
                        let note = format!("Blocked on {why}");
                        edit.patch.description = Some(Some(appended(&card, &note)));
                        lines.push(format!("note: {note}"));
                    }
                }
                Change::Cancel => {
                    edit.cancel = true;
                    lines.push("cancelled".into());
                }
                Change::Due(due) => {
                    edit.patch.due = Some(Some(*due));
                    lines.push(format!("due {due}"));
                }
                Change::Priority(p) => {
                    edit.patch.priority = Some(*p);
                    lines.push(format!("{p} priority"));
                }
                Change::Note(note) => {
                    edit.patch.description = Some(Some(appended(&card, note)));
                    lines.push(format!("note: {note}"));
                }
            }
        }
        Ok(ItemRecord {
            outcome,
            said,
            card: ItemCard::Edited(id, edit),
            changes: lines,
            possible: None,
        })
    }

    /// The items of a past dump (empty for dumps saved before reconciling existed).
    pub fn dump_items(&self, transcript_id: i64) -> ServiceResult<Vec<DumpItem>> {
        Ok(self
            .store()
            .dump_items(transcript_id)?
            .into_iter()
            .map(|r| DumpItem {
                outcome: r.outcome,
                said: r.said,
                task: r.task,
                changes: r.changes,
                possible: r.possible,
                undone: r.undone,
            })
            .collect())
    }

    /// Takes back everything dump `transcript_id` did: its new cards go, changed cards get
    /// their earlier fields back. Nothing else on the board is touched.
    pub fn undo_dump_items(&self, transcript_id: i64) -> ServiceResult<DumpUndone> {
        self.store().get_transcript(transcript_id)?;
        let done = self.store().undo_dump_items(transcript_id)?;
        for id in &done.removed {
            self.feed.emit(ChangeEvent::TaskDeleted { id: *id });
        }
        for id in &done.restored {
            self.feed.emit(ChangeEvent::TaskUpdated { id: *id });
        }
        Ok(DumpUndone {
            removed: done.removed,
            restored: done.restored,
        })
    }

    /// Cancelled cards: kept, but off the board.
    pub fn cancelled_tasks(&self) -> ServiceResult<Vec<Task>> {
        Ok(self.store().cancelled_tasks()?)
    }
}

/// The card's description with `note` added on a line of its own.
fn appended(card: &Task, note: &str) -> String {
    match card.description.as_deref() {
        Some(d) if !d.trim().is_empty() => format!("{d}\n{note}"),
        _ => note.to_string(),
    }
}
