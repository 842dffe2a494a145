//! The user's vocabulary for speech: words Whisper is told about, and replacements for what
//! it hears instead. The prompt also carries the names already on the board.

use super::{ChangeEvent, Service, ServiceError, ServiceResult};
use crate::model::{VocabularyEntry, default_categories};
use crate::stt::{Vocabulary, VocabularySources};

/// What [`ChangeEvent::SettingChanged`] names when the vocabulary changes.
pub const VOCABULARY_KEY: &str = "vocabulary";
/// Longest word or phrase accepted: a vocabulary entry is a name, not a paragraph.
const MAX_ENTRY_CHARS: usize = 80;
/// Titles scanned for names: the most recently changed ones are what the user talks about.
const TITLES_SCANNED: usize = 500;

impl Service {
    pub fn list_vocabulary(&self) -> ServiceResult<Vec<VocabularyEntry>> {
        Ok(self.store().list_vocabulary()?)
    }

    /// Adds `word` (the spelling to use); with `replace_from`, what Whisper writes instead
    /// is replaced by it after transcription.
    pub fn add_vocabulary(
        &self,
        word: &str,
        replace_from: Option<&str>,
    ) -> ServiceResult<VocabularyEntry> {
        let word = clean_entry(word, "the word")?;
        let from = replace_from
            .map(|f| clean_entry(f, "the word to replace"))
            .transpose()?;
        if from.as_deref().is_some_and(|f| f == word) {
            return Err(ServiceError::BadVocabulary(format!(
                "'{word}' would replace itself; give the word Whisper writes instead after --replace"
            )));
        }
        let entry = self.store().add_vocabulary(&word, from.as_deref())?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: VOCABULARY_KEY.into(),
        });
        Ok(entry)
    }

    /// Removes every entry for `word` (as the word or as the text it replaces).
    pub fn remove_vocabulary(&self, word: &str) -> ServiceResult<Vec<VocabularyEntry>> {
        let removed = self.store().remove_vocabulary(word.trim())?;
        if removed.is_empty() {
            return Err(ServiceError::BadVocabulary(format!(
                "'{}' is not in the vocabulary (see `utter vocabulary list`)",
                word.trim()
            )));
        }
        self.feed.emit(ChangeEvent::SettingChanged {
            key: VOCABULARY_KEY.into(),
        });
        Ok(removed)
    }

    /// The prompt and replacements for the next transcription: the user's words, the names
    /// on the board, and the categories the user made.
    pub fn vocabulary(&self) -> ServiceResult<Vocabulary> {
        let store = self.store();
        let entries = store.list_vocabulary()?;
        let titles = store.recent_task_titles(TITLES_SCANNED)?;
        let builtin: Vec<String> = default_categories().into_iter().map(|c| c.name).collect();
        let categories: Vec<String> = store
            .list_categories()?
            .into_iter()
            .map(|c| c.name)
            .filter(|n| !builtin.contains(n))
            .collect();
        Ok(Vocabulary::build(VocabularySources {
            entries: &entries,
            titles: &titles,
            categories: &categories,
        }))
    }
}

fn clean_entry(text: &str, what: &str) -> ServiceResult<String> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(ServiceError::BadVocabulary(format!("{what} is empty")));
    }
    if t.chars().count() > MAX_ENTRY_CHARS {
        return Err(ServiceError::BadVocabulary(format!(
            "{what} is longer than {MAX_ENTRY_CHARS} characters; add names and terms one at a time"
        )));
    }
    if !t.chars().any(char::is_alphanumeric) {
        return Err(ServiceError::BadVocabulary(format!(
            "{what} '{t}' has no letters or digits"
        )));
    }
    Ok(t)
}
