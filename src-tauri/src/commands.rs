//! Tauri commands: argument plumbing only; the work happens in `utter::Service`, on a
//! blocking thread so SQLite never stalls the UI's event loop.

use std::sync::Arc;

use tauri::State;
use utter::Service;
use utter::model::{Category, NewTask, SearchHit, Status, Task, TaskFilter, TaskPatch, Transcript};

use crate::AppState;
use crate::error::{CmdResult, CommandError};
use utter::service::ErrorCode;

pub(crate) async fn with_service<T: Send + 'static>(
    state: State<'_, AppState>,
    f: impl FnOnce(&Service) -> Result<T, utter::service::ServiceError> + Send + 'static,
) -> CmdResult<T> {
    let svc: Arc<Service> = state.service.clone();
    tauri::async_runtime::spawn_blocking(move || f(&svc))
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("internal error: {e}")))?
        .map_err(CommandError::from)
}

#[tauri::command]
#[specta::specta]
pub async fn list_tasks(
    state: State<'_, AppState>,
    filter: Option<TaskFilter>,
) -> CmdResult<Vec<Task>> {
    with_service(state, move |s| s.list_tasks(&filter.unwrap_or_default())).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_task(state: State<'_, AppState>, id: i64) -> CmdResult<Task> {
    with_service(state, move |s| s.get_task(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_task(state: State<'_, AppState>, task: NewTask) -> CmdResult<Task> {
    with_service(state, move |s| s.create_task(task)).await
}

#[tauri::command]
#[specta::specta]
pub async fn quick_add(state: State<'_, AppState>, text: String) -> CmdResult<Task> {
    let now = chrono::Local::now().naive_local();
    with_service(state, move |s| s.quick_add(&text, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_task(state: State<'_, AppState>, id: i64, patch: TaskPatch) -> CmdResult<Task> {
    with_service(state, move |s| s.update_task(id, patch)).await
}

#[tauri::command]
#[specta::specta]
pub async fn move_task(
    state: State<'_, AppState>,
    id: i64,
    status: Status,
    index: Option<usize>,
) -> CmdResult<Task> {
    with_service(state, move |s| s.move_task(id, status, index)).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_task(state: State<'_, AppState>, id: i64) -> CmdResult<Task> {
    with_service(state, move |s| s.delete_task(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_task(state: State<'_, AppState>, task: Task) -> CmdResult<Task> {
    with_service(state, move |s| s.restore_task(&task)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_categories(state: State<'_, AppState>) -> CmdResult<Vec<Category>> {
    with_service(state, |s| s.list_categories()).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_transcript(state: State<'_, AppState>, id: i64) -> CmdResult<Transcript> {
    with_service(state, move |s| s.get_transcript(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn search(state: State<'_, AppState>, query: String) -> CmdResult<Vec<SearchHit>> {
    // Words and meaning fused once the meaning-search model is installed; words until then.
    with_service(state, move |s| s.search_smart(&query, 50)).await
}

/// The UI's first paint of a loaded board; logged once as the start-up time.
#[tauri::command]
#[specta::specta]
pub fn board_painted(state: State<'_, AppState>, cards: usize) {
    if !state
        .painted
        .swap(true, std::sync::atomic::Ordering::Relaxed)
    {
        let ms = state.started.elapsed().as_millis();
        tracing::info!(ms, cards, "board painted");
    }
}
