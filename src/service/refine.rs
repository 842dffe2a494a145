//! A voice dump's cards, refined by the language model in place. The offline engine puts
//! cards on the board at once; when a model is configured its reading of the same transcript
//! then updates those cards (matched by what they say), adds what the rules missed and takes
//! back what the model did not see as a task. A model that fails or is slow changes nothing.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::{ChangeEvent, Service, ServiceResult, new_task_from};
use crate::extract::ExtractedTask;
use crate::llm::extract_with_llm;
use crate::model::{Task, TaskPatch};
use crate::reconcile::Decision;

/// What refining a dump did.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Refinement {
    /// No language model is configured: the offline cards are the result.
    NoModel,
    /// The model failed; the offline cards stay as they were.
    Failed { reason: String },
    /// The dump's cards now, with how many were changed, added and removed.
    Refined {
        tasks: Vec<Task>,
        updated: usize,
        added: usize,
        removed: usize,
    },
}

impl Service {
    /// Runs the configured model over transcript `transcript_id` and makes `offline` (the
    /// cards the rule engine saved for it) match the model's tasks. A card the user changed
    /// in the meantime is left alone.
    pub async fn refine_dump(
        &self,
        transcript_id: i64,
        offline: &[Task],
        now: NaiveDateTime,
    ) -> ServiceResult<Refinement> {
        let client = match self.llm_client() {
            Ok(Some(c)) => c,
            Ok(None) => return Ok(Refinement::NoModel),
            Err(e) => {
                return Ok(Refinement::Failed {
                    reason: e.to_string(),
                });
            }
        };
        let transcript = self.store().get_transcript(transcript_id)?;
        let categories = self.list_categories()?;
        let found = match extract_with_llm(&client, &transcript.text, now, &categories).await {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(error = %e, "the language model failed; the offline cards stay");
                return Ok(Refinement::Failed {
                    reason: e.to_string(),
                });
            }
        };
        self.apply_refinement(transcript_id, offline, found, now)
    }

    /// The model's items minus what the board already has: a repeat of an open card, an
    /// item the dump said as an update or a question. The offline pass made those changes
    /// (or chose not to); the model must not add them back as new cards.
    fn new_work_only(
        &self,
        transcript_id: i64,
        offline: &[Task],
        found: Vec<ExtractedTask>,
        now: NaiveDateTime,
    ) -> ServiceResult<Vec<ExtractedTask>> {
        if !self.reconcile_enabled()? {
            return Ok(found);
        }
        let text = self.store().get_transcript(transcript_id)?.text;
        let board: Vec<Task> = self
            .list_tasks(&Default::default())?
            .into_iter()
            .filter(|t| {
                t.source_transcript_id != Some(transcript_id)
                    && !offline.iter().any(|o| o.id == t.id)
            })
            .collect();
        Ok(crate::reconcile::plan(&text, found, &board, now)
            .decisions
            .into_iter()
            .filter_map(|d| match d {
                Decision::New(item) | Decision::Unsure { item, .. } => Some(item),
                Decision::Same { .. } | Decision::Update { .. } => None,
            })
            .collect())
    }

    pub(super) fn apply_refinement(
        &self,
        transcript_id: i64,
        offline: &[Task],
        found: Vec<ExtractedTask>,
        now: NaiveDateTime,
    ) -> ServiceResult<Refinement> {
        let found = self.new_work_only(transcript_id, offline, found, now)?;
        let pairs = pair_up(offline, &found);
        let mut kept: Vec<Task> = Vec::new();
        // The dump's own snapshot of each card: what it wrote now, or (for a card the user
        // changed meanwhile) what it wrote before — so the user's edit stays theirs.
        let mut snapshots: Vec<Task> = Vec::new();
        let (mut updated, mut added, mut removed) = (0, 0, 0);
        for (new, card_idx) in found.iter().zip(&pairs) {
            let Some(ci) = card_idx else {
                let mut task = new_task_from(new.clone());
                task.source_transcript_id = Some(transcript_id);
                let created = self.create_task(task)?;
                // Recorded as the dump's, so that its undo takes this card back too.
                self.store()
                    .record_new_item(transcript_id, created.id, &created.title)?;
                snapshots.push(created.clone());
                kept.push(created);
                added += 1;
                continue;
            };
            let card = &offline[*ci];
            match self.current(card.id)? {
                Some(now) if unchanged(&now, card) => {
                    let patch = patch_to(&now, new);
                    let written = if patch.is_empty() {
                        now
                    } else {
                        updated += 1;
                        self.update_task(now.id, patch)?
                    };
                    snapshots.push(written.clone());
                    kept.push(written);
                }
                // The user changed it already: theirs now, still from this dump.
                Some(theirs) => {
                    snapshots.push(card.clone());
                    kept.push(theirs);
                }
                None => {}
            }
        }
        let paired: HashSet<usize> = pairs.iter().flatten().copied().collect();
        for (ci, card) in offline.iter().enumerate() {
            if paired.contains(&ci) {
                continue;
            }
            match self.current(card.id)? {
                Some(now) if unchanged(&now, card) => {
                    self.delete_task(card.id)?;
                    removed += 1;
                }
                // A card the user moved or edited already is theirs now.
                Some(theirs) => {
                    snapshots.push(card.clone());
                    kept.push(theirs);
                }
                None => {}
            }
        }
        let ids: Vec<i64> = kept.iter().map(|t| t.id).collect();
        self.store().set_transcript_tasks(transcript_id, &ids)?;
        self.record_dump_cards(transcript_id, &snapshots)?;
        self.feed
            .emit(ChangeEvent::TranscriptCreated { id: transcript_id });
        tracing::info!(updated, added, removed, "dump read again");
        Ok(Refinement::Refined {
            tasks: kept,
            updated,
            added,
            removed,
        })
    }

    /// The card as it is now; `None` when the user deleted it meanwhile.
    fn current(&self, id: i64) -> ServiceResult<Option<Task>> {
        match self.get_task(id) {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// True when the card still is what the dump saved (not edited or moved by the user since).
fn unchanged(now: &Task, saved: &Task) -> bool {
    now.title == saved.title
        && now.status == saved.status
        && now.due == saved.due
        && now.priority == saved.priority
        && now.category == saved.category
        && now.description == saved.description
}

fn patch_to(card: &Task, new: &ExtractedTask) -> TaskPatch {
    let mut p = TaskPatch::default();
    if card.title != new.title {
        p.title = Some(new.title.clone());
    }
    if card.description != new.description {
        p.description = Some(new.description.clone());
    }
    // The model may know no category where the rules found one: keep the rules' then.
    if new.category.is_some() && card.category != new.category {
        p.category = Some(new.category.clone());
    }
    if card.priority != new.priority {
        p.priority = Some(new.priority);
    }
    if new.due.is_some() && card.due != new.due {
        p.due = Some(new.due);
    }
    p
}

/// For each of the model's tasks, the offline card it replaces (or `None`: a new card).
/// Cards are matched by the words their titles share, best match first; what is left is
/// matched in order, since both engines read the transcript front to back.
fn pair_up(cards: &[Task], found: &[ExtractedTask]) -> Vec<Option<usize>> {
    let card_words: Vec<HashSet<String>> = cards.iter().map(|c| content_words(&c.title)).collect();
    let mut scored = Vec::new();
    for (fi, f) in found.iter().enumerate() {
        let fw = content_words(&f.title);
        for (ci, cw) in card_words.iter().enumerate() {
            let shared = fw.intersection(cw).count();
            let union = fw.union(cw).count().max(1);
            let score = shared as f64 / union as f64;
            if score > 0.0 {
                scored.push((score, fi, ci));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut pairs = vec![None; found.len()];
    let mut taken = vec![false; cards.len()];
    for (_, fi, ci) in scored {
        if pairs[fi].is_none() && !taken[ci] {
            pairs[fi] = Some(ci);
            taken[ci] = true;
        }
    }
    let mut free = (0..cards.len()).filter(|ci| !taken[*ci]);
    for p in pairs.iter_mut().filter(|p| p.is_none()) {
        match free.next() {
            Some(ci) => *p = Some(ci),
            None => break,
        }
    }
    pairs
}

/// The words of a title that carry its meaning, stemmed with spoken synonyms folded, as the
/// reconciler compares them (one notion of "the same words" everywhere).
pub(super) fn content_words(title: &str) -> HashSet<String> {
    crate::reconcile::similarity::content_tokens(title)
        .into_iter()
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::Priority;

    fn card(id: i64, title: &str) -> Task {
        Task::sample(id, title)
    }

    fn found(title: &str) -> ExtractedTask {
        ExtractedTask {
            title: title.into(),
            description: None,
            category: None,
            priority: Priority::Medium,
            due: None,
        }
    }

    #[test]
    fn cards_pair_by_shared_words_then_in_order() {
        let cards = [
            card(1, "Buy milk"),
            card(2, "Call Joe renewal"),
            card(3, "Um so"),
        ];
        let f = [
            found("Call Joe about the renewal"),
            found("Book flights to Berlin"),
            found("Buy oat milk"),
        ];
        // Joe ↔ 2, milk ↔ 1 by words; Berlin takes the card left over (3).
        assert_eq!(pair_up(&cards, &f), [Some(1), Some(2), Some(0)]);
        // More tasks than cards: the rest are new.
        let f2 = [found("Buy milk"), found("A"), found("B"), found("C")];
        assert_eq!(pair_up(&cards[..1], &f2), [Some(0), None, None, None]);
    }
}
