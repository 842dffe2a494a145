//! Transcript → tasks on the board: extraction plus an atomic save.

use chrono::NaiveDateTime;

use super::{DumpResult, Service, ServiceResult};
use crate::extract::{ExtractOptions, ExtractedTask, extract};
use crate::model::{NewTask, NewTranscript};

impl Service {
    /// Tasks found in typed `text`, using this database's categories; nothing is saved.
    pub fn extract(&self, text: &str, now: NaiveDateTime) -> ServiceResult<Vec<ExtractedTask>> {
        self.extract_said(text, now, false)
    }

    /// Tasks found in `text`; `heard`: it is what speech recognition wrote down.
    pub fn extract_said(
        &self,
        text: &str,
        now: NaiveDateTime,
        heard: bool,
    ) -> ServiceResult<Vec<ExtractedTask>> {
        let categories = self.list_categories()?;
        Ok(extract(
            text,
            &ExtractOptions {
                now,
                categories: &categories,
                heard,
            },
        ))
    }

    /// Saves the transcript and what was found in it, reconciled with the board.
    pub fn dump_text(
        &self,
        transcript: NewTranscript,
        now: NaiveDateTime,
    ) -> ServiceResult<DumpResult> {
        let found = self.extract(&transcript.text, now)?;
        self.dump_found(transcript, found, &[], now)
    }
}

pub fn new_task_from(t: ExtractedTask) -> NewTask {
    NewTask {
        title: t.title,
        description: t.description,
        category: t.category,
        priority: Some(t.priority),
        status: None,
        due: t.due,
        source_transcript_id: None,
    }
}
