//! Transcript → tasks on the board: extraction plus an atomic save.

use chrono::NaiveDateTime;

use super::{Service, ServiceResult};
use crate::extract::{ExtractOptions, ExtractedTask, extract};
use crate::model::{NewTask, NewTranscript, Task, Transcript};

impl Service {
    /// Tasks found in `text`, using this database's categories; nothing is saved.
    pub fn extract(&self, text: &str, now: NaiveDateTime) -> ServiceResult<Vec<ExtractedTask>> {
        let categories = self.list_categories()?;
        Ok(extract(
            text,
            &ExtractOptions {
                now,
                categories: &categories,
            },
        ))
    }

    /// Saves the transcript and the tasks found in it, linked both ways.
    pub fn dump_text(
        &self,
        transcript: NewTranscript,
        now: NaiveDateTime,
    ) -> ServiceResult<(Transcript, Vec<Task>)> {
        let found = self.extract(&transcript.text, now)?;
        let tasks = found.into_iter().map(new_task_from).collect();
        self.save_dump(transcript, tasks)
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
