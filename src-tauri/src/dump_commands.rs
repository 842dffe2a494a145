//! The Dumps view (the voice journal) and a card's "play what you said".

use tauri::State;
use tauri::ipc::Response;
use utter::service::{DumpEntry, Engine, ExtractedAgain, TaskAudio};

use crate::AppState;
use crate::commands::with_service;
use crate::error::CmdResult;

#[tauri::command]
pub async fn list_dumps(
    state: State<'_, AppState>,
    limit: Option<usize>,
) -> CmdResult<Vec<DumpEntry>> {
    with_service(state, move |s| s.list_dumps(limit.unwrap_or(50))).await
}

/// Transcribes the dump again (when its recording is kept) and updates its cards in place.
#[tauri::command]
pub async fn extract_again(state: State<'_, AppState>, id: i64) -> CmdResult<ExtractedAgain> {
    let secrets = state.secrets.clone();
    with_service(state, move |s| {
        tauri::async_runtime::block_on(s.extract_again(id, Engine::Auto, secrets.as_ref()))
    })
    .await
}

/// Where in its dump's recording a card was said (`null` when not known or not kept).
#[tauri::command]
pub async fn task_audio(state: State<'_, AppState>, task_id: i64) -> CmdResult<Option<TaskAudio>> {
    with_service(state, move |s| s.task_audio(task_id)).await
}

/// The dump's recording (or one card's seconds of it) as WAV bytes, sent raw: the page
/// plays them from a blob URL, so no file path is opened to the web view.
#[tauri::command]
pub async fn dump_audio(
    state: State<'_, AppState>,
    id: i64,
    task_id: Option<i64>,
) -> CmdResult<Response> {
    let bytes = with_service(state, move |s| s.dump_audio_wav(id, task_id)).await?;
    Ok(Response::new(bytes))
}
