//! The Dumps view (the voice journal) and a card's "play what you said".

use tauri::State;
use tauri::ipc::{InvokeResponseBody, IpcResponse};
use utter::model::Task;
use utter::service::{
    AgainUndone, DumpEntry, DumpUndone, Engine, ExtractedAgain, Merged, PossibleDuplicate,
    TaskAudio,
};

use crate::AppState;
use crate::commands::with_service;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_dumps(
    state: State<'_, AppState>,
    limit: Option<usize>,
) -> CmdResult<Vec<DumpEntry>> {
    with_service(state, move |s| s.list_dumps(limit.unwrap_or(50))).await
}

/// Transcribes the dump again (when its recording is kept) and updates its cards in place.
#[tauri::command]
#[specta::specta]
pub async fn extract_again(state: State<'_, AppState>, id: i64) -> CmdResult<ExtractedAgain> {
    with_service(state, move |s| {
        tauri::async_runtime::block_on(s.extract_again(id, Engine::Auto))
    })
    .await
}

/// Takes back the last "extract again" of dump `id` (its toast's Undo).
#[tauri::command]
#[specta::specta]
pub async fn undo_extract_again(state: State<'_, AppState>, id: i64) -> CmdResult<AgainUndone> {
    with_service(state, move |s| s.undo_extract_again(id)).await
}

/// Where in its dump's recording a card was said (`null` when not known or not kept).
#[tauri::command]
#[specta::specta]
pub async fn task_audio(state: State<'_, AppState>, task_id: i64) -> CmdResult<Option<TaskAudio>> {
    with_service(state, move |s| s.task_audio(task_id)).await
}

/// The dump's recording (or one card's seconds of it) as WAV bytes, sent raw: the page
/// plays them from a blob URL, so no file path is opened to the web view.
#[tauri::command]
#[specta::specta]
pub async fn dump_audio(
    state: State<'_, AppState>,
    id: i64,
    task_id: Option<i64>,
) -> CmdResult<WavBytes> {
    with_service(state, move |s| s.dump_audio_wav(id, task_id))
        .await
        .map(WavBytes)
}

/// Bytes that reach the page as an `ArrayBuffer`, not as a JSON array of numbers.
pub struct WavBytes(Vec<u8>);

impl IpcResponse for WavBytes {
    fn body(self) -> tauri::Result<InvokeResponseBody> {
        Ok(InvokeResponseBody::Raw(self.0))
    }
}

impl specta::Type for WavBytes {
    fn definition(_: &mut specta::Types) -> specta::datatype::DataType {
        specta_typescript::define("ArrayBuffer").into()
    }
}

/// Takes back everything one dump did: its new cards go, cards it changed get their
/// earlier fields back (the Undo on "2 tasks added, 1 card updated").
#[tauri::command]
#[specta::specta]
pub async fn undo_dump_items(state: State<'_, AppState>, id: i64) -> CmdResult<DumpUndone> {
    with_service(state, move |s| s.undo_dump_items(id)).await
}

/// Cards a dump saved as "possibly the same as" another, waiting for Merge or Keep apart.
#[tauri::command]
#[specta::specta]
pub async fn possible_duplicates(state: State<'_, AppState>) -> CmdResult<Vec<PossibleDuplicate>> {
    with_service(state, |s| s.possible_duplicates()).await
}

/// Merges card `other` into card `keep` (`other` is cancelled, not deleted).
#[tauri::command]
#[specta::specta]
pub async fn merge_tasks(state: State<'_, AppState>, keep: i64, other: i64) -> CmdResult<Merged> {
    with_service(state, move |s| s.merge_tasks(keep, other)).await
}

/// Undo of a merge: both cards as they were.
#[tauri::command]
#[specta::specta]
pub async fn put_back_tasks(state: State<'_, AppState>, before: Vec<Task>) -> CmdResult<()> {
    with_service(state, move |s| s.put_back(&before)).await
}

/// "Not the same": the card keeps its place and loses the flag.
#[tauri::command]
#[specta::specta]
pub async fn keep_apart(state: State<'_, AppState>, task_id: i64) -> CmdResult<()> {
    with_service(state, move |s| s.keep_apart(task_id)).await
}
