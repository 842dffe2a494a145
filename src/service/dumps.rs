//! The voice journal (the Dumps view, `utter dumps`): each dump with its transcript, its
//! recording while it is kept, the cards it made with the seconds each was said in, and
//! "extract again" after the user added vocabulary or a language model.

use std::path::Path;

use chrono::NaiveDateTime;

use serde::Serialize;
use specta::Type;

use super::dump_spans::card_span;
use super::llm_setup::Engine;
use super::voice::VoiceChoice;
use super::{Refinement, Service, ServiceError, ServiceResult};
use crate::model::{Status, Task};

/// A card a dump made, as the journal shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DumpCardView {
    pub task_id: i64,
    /// The card's title now (as the dump saved it when the card was deleted since).
    pub title: String,
    /// `None`: the card was deleted since.
    pub status: Option<Status>,
    /// Where in the recording it was said, in ms.
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
}

/// One dump in the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DumpEntry {
    pub id: i64,
    pub text: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub duration_ms: Option<i64>,
    pub model: Option<String>,
    /// The recording, while it is kept (see `audio.retention_days`).
    pub audio_path: Option<String>,
    pub cards: Vec<DumpCardView>,
}

/// A card's own seconds of audio, for "play what you said".
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TaskAudio {
    pub transcript_id: i64,
    pub audio_path: String,
    pub start_ms: u64,
    pub end_ms: u64,
}

/// What "extract again" did.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ExtractedAgain {
    /// The recording was transcribed again (it is kept, and the text changed).
    pub retranscribed: bool,
    /// Why the recording was not transcribed again (no speech model, or it is not kept).
    pub note: Option<String>,
    pub text: String,
    pub refinement: Refinement,
}

fn kept_audio(path: Option<&str>) -> Option<String> {
    path.filter(|p| Path::new(p).is_file()).map(str::to_owned)
}

impl Service {
    /// Remembers `cards` as dump `transcript_id`'s, each with the seconds it was said in
    /// and a snapshot of it as saved now.
    pub(crate) fn record_dump_cards(
        &self,
        transcript_id: i64,
        cards: &[Task],
    ) -> ServiceResult<()> {
        let segments = self.store().transcript_segments(transcript_id)?;
        let rows: Vec<(Task, Option<(u64, u64)>)> = cards
            .iter()
            .map(|t| {
                let span = card_span(&t.title, t.description.as_deref(), &segments);
                (t.clone(), span)
            })
            .collect();
        Ok(self.store().set_dump_cards(transcript_id, &rows)?)
    }

    /// The newest `limit` dumps, newest first.
    pub fn list_dumps(&self, limit: usize) -> ServiceResult<Vec<DumpEntry>> {
        let transcripts = self.store().list_transcripts(limit)?;
        transcripts
            .into_iter()
            .map(|t| self.dump_entry(t))
            .collect()
    }

    pub fn get_dump(&self, id: i64) -> ServiceResult<DumpEntry> {
        let t = self.store().get_transcript(id)?;
        self.dump_entry(t)
    }

    fn dump_entry(&self, t: crate::model::Transcript) -> ServiceResult<DumpEntry> {
        let recorded = self.store().dump_cards(t.id)?;
        let mut cards = Vec::new();
        for task_id in &t.extracted_task_ids {
            let card = recorded.iter().find(|c| c.task_id == *task_id);
            let now = match self.get_task(*task_id) {
                Ok(task) => Some(task),
                Err(e) if e.is_not_found() => None,
                Err(e) => return Err(e),
            };
            let title = match (&now, card) {
                (Some(task), _) => task.title.clone(),
                (None, Some(c)) => c.saved.title.clone(),
                (None, None) => continue,
            };
            let span = card.and_then(|c| c.span);
            cards.push(DumpCardView {
                task_id: *task_id,
                title,
                status: now.map(|t| t.status),
                start_ms: span.map(|s| s.0),
                end_ms: span.map(|s| s.1),
            });
        }
        Ok(DumpEntry {
            id: t.id,
            audio_path: kept_audio(t.audio_path.as_deref()),
            text: t.text,
            created_at: t.created_at,
            duration_ms: t.duration_ms,
            model: t.model,
            cards,
        })
    }

    /// The seconds of recording task `task_id` was said in, while the recording is kept.
    pub fn task_audio(&self, task_id: i64) -> ServiceResult<Option<TaskAudio>> {
        let Some(card) = self.store().dump_card(task_id)? else {
            return Ok(None);
        };
        let Some((start_ms, end_ms)) = card.span else {
            return Ok(None);
        };
        let t = self.store().get_transcript(card.transcript_id)?;
        Ok(
            kept_audio(t.audio_path.as_deref()).map(|audio_path| TaskAudio {
                transcript_id: t.id,
                audio_path,
                start_ms,
                end_ms,
            }),
        )
    }

    /// Reads dump `id` again: the recording (when kept) is transcribed again with today's
    /// vocabulary and model, then the text goes through `engine` (the language model when
    /// one is configured and `engine` allows) and the dump's cards are updated in place —
    /// a card the user changed since the dump is left alone. Dates are read as of when the
    /// dump was made, so "tomorrow" keeps meaning the day after it.
    pub async fn extract_again(&self, id: i64, engine: Engine) -> ServiceResult<ExtractedAgain> {
        let t = self.store().get_transcript(id)?;
        self.remember_dump_before(id)?;
        let mut text = t.text.clone();
        let mut retranscribed = false;
        let mut note = None;
        match kept_audio(t.audio_path.as_deref()) {
            None if t.audio_path.is_some() => {
                note = Some("the recording is not kept any more; the saved text was read".into());
            }
            None => {}
            Some(audio) => match self.transcribe_file(Path::new(&audio), &VoiceChoice::default()) {
                Ok((again, _)) if !again.text.trim().is_empty() => {
                    retranscribed = again.text != t.text;
                    self.store()
                        .set_transcript_text(id, &again.text, &again.segments)?;
                    text = again.text;
                }
                Ok(_) => {}
                // No usable speech model: the saved text is still worth reading again.
                Err(e @ (ServiceError::Model(_) | ServiceError::Voice(_))) => {
                    tracing::warn!(error = %e, "dump {id} not transcribed again");
                    note = Some(format!("not transcribed again: {e}"));
                }
                Err(e) => return Err(e),
            },
        }
        let said_at = chrono::DateTime::parse_from_rfc3339(&t.created_at)
            .map(|d| d.with_timezone(&chrono::Local).naive_local())
            .map_err(|e| {
                ServiceError::Store(crate::store::StoreError::Malformed(format!(
                    "transcript {id} time {:?}: {e}",
                    t.created_at
                )))
            })?;
        // A dump with a recording or a speech model behind it was heard, not typed.
        let heard = t.audio_path.is_some() || t.model.is_some();
        let (found, _) = self.extract_with(&text, said_at, engine, heard).await?;
        let saved = self.dump_saved_cards(id, &t.extracted_task_ids)?;
        let refinement = self.apply_refinement(id, &saved, found, said_at)?;
        Ok(ExtractedAgain {
            retranscribed,
            note,
            text,
            refinement,
        })
    }

    /// The final pass of a live dump. At key release the text saved is what the streaming
    /// path put together segment by segment, so that cards appear at once; this transcribes
    /// the whole recording again in one pass (the same as `utter dump FILE` would) and, when
    /// that text differs, saves it and updates the dump's cards in place with the offline
    /// engine. A card the user changed meanwhile is left alone. `Ok(None)`: the recording is
    /// gone or the one-pass text is the same, so nothing changed.
    pub fn final_pass(&self, id: i64, now: NaiveDateTime) -> ServiceResult<Option<Refinement>> {
        let t = self.store().get_transcript(id)?;
        let Some(audio) = kept_audio(t.audio_path.as_deref()) else {
            return Ok(None);
        };
        let (again, _) = self.transcribe_file(Path::new(&audio), &VoiceChoice::default())?;
        if again.text.trim().is_empty() || again.text == t.text {
            return Ok(None);
        }
        tracing::info!(live = %t.text, whole = %again.text, "dump {id}: the one-pass text differs");
        self.store()
            .set_transcript_text(id, &again.text, &again.segments)?;
        let found = self.extract_said(&again.text, now, true)?;
        let saved = self.dump_saved_cards(id, &t.extracted_task_ids)?;
        self.apply_refinement(id, &saved, found, now).map(Some)
    }

    /// The cards dump `id` saved, as it saved them.
    fn dump_saved_cards(&self, id: i64, extracted: &[i64]) -> ServiceResult<Vec<Task>> {
        let mut saved: Vec<Task> = self
            .store()
            .dump_cards(id)?
            .into_iter()
            .map(|c| c.saved)
            .collect();
        if saved.is_empty() {
            // A dump from before the journal kept snapshots: its cards as they are now.
            for task_id in extracted {
                if let Ok(task) = self.get_task(*task_id) {
                    saved.push(task);
                }
            }
        }
        Ok(saved)
    }
}

/// Audio around a card's span is padded this much each side: Whisper's segment edges are
/// often a word's onset, and a clipped first syllable sounds broken.
const SPAN_PAD_MS: u64 = 250;

impl Service {
    /// Dump `id`'s recording as WAV bytes, or only the seconds of task `task_id` in it
    /// (padded by a quarter second), for playback in the app.
    pub fn dump_audio_wav(&self, id: i64, task_id: Option<i64>) -> ServiceResult<Vec<u8>> {
        let t = self.store().get_transcript(id)?;
        let path = kept_audio(t.audio_path.as_deref()).ok_or_else(|| {
            crate::audio::AudioError::io(
                t.audio_path
                    .clone()
                    .unwrap_or_else(|| format!("dump #{id}")),
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "the recording is not kept any more (see audio.retention_days)",
                ),
            )
        })?;
        let span = match task_id {
            None => None,
            Some(task) => self
                .store()
                .dump_card(task)?
                .filter(|c| c.transcript_id == id)
                .and_then(|c| c.span),
        };
        let Some((start, end)) = span else {
            return std::fs::read(&path)
                .map_err(|e| crate::audio::AudioError::io(Path::new(&path), e).into());
        };
        let samples = crate::audio::read_wav_16k_mono(Path::new(&path))?;
        let per_ms = u64::from(crate::audio::SAMPLE_RATE) / 1000;
        let from = (start.saturating_sub(SPAN_PAD_MS) * per_ms) as usize;
        let to = (((end + SPAN_PAD_MS) * per_ms) as usize).min(samples.len());
        Ok(crate::audio::wav_bytes(
            samples.get(from..to).unwrap_or_default(),
        )?)
    }
}
