//! The Vocabulary section of the settings page: words Whisper should spell the user's way.

use tauri::State;
use utter::model::VocabularyEntry;

use crate::AppState;
use crate::commands::with_service;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_vocabulary(state: State<'_, AppState>) -> CmdResult<Vec<VocabularyEntry>> {
    with_service(state, |s| s.list_vocabulary()).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_vocabulary(
    state: State<'_, AppState>,
    word: String,
    replace_from: Option<String>,
) -> CmdResult<VocabularyEntry> {
    with_service(state, move |s| {
        let from = replace_from.filter(|f| !f.trim().is_empty());
        s.add_vocabulary(&word, from.as_deref())
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_vocabulary(
    state: State<'_, AppState>,
    word: String,
) -> CmdResult<Vec<VocabularyEntry>> {
    with_service(state, move |s| s.remove_vocabulary(&word)).await
}

/// The words the next recording tells Whisper about (the user's, then names on the board),
/// so the page can show what it listens for.
#[tauri::command]
#[specta::specta]
pub async fn vocabulary_terms(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    with_service(state, |s| Ok(s.vocabulary()?.terms().to_vec())).await
}
