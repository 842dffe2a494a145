//! Recording from the UI (overlay buttons, first-run "try it", the settings meter). The
//! hotkey and tray call the same functions in `recording`.

use tauri::{AppHandle, State};

use crate::AppState;
use crate::commands::with_service;
use crate::error::CmdResult;
use crate::recording;

#[tauri::command]
#[specta::specta]
pub fn start_recording(app: AppHandle) {
    recording::start(&app);
}

#[tauri::command]
#[specta::specta]
pub fn stop_recording(app: AppHandle) {
    recording::stop(&app);
}

#[tauri::command]
#[specta::specta]
pub fn cancel_recording(app: AppHandle) {
    recording::cancel(&app);
}

#[tauri::command]
#[specta::specta]
pub async fn start_level_test(state: State<'_, AppState>, device: Option<String>) -> CmdResult<()> {
    let voice = state.voice.clone();
    with_service(state, move |_| voice.start_level_test(device)).await
}

#[tauri::command]
#[specta::specta]
pub fn stop_level_test(state: State<'_, AppState>) {
    state.voice.stop_level_test();
}

/// Deletes the tasks a recording just added (the Undo on "3 tasks added").
#[tauri::command]
#[specta::specta]
pub async fn undo_dump(state: State<'_, AppState>, task_ids: Vec<i64>) -> CmdResult<usize> {
    with_service(state, move |s| s.undo_dump(&task_ids)).await
}
