//! Commands behind Settings → Data: export the board to a file, and import one (a preview
//! with counts first, then all or nothing).

use tauri::State;
use utter::service::{ExportedFile, ImportReport};
use utter::transfer::{ExportFormat, ImportSource};

use crate::AppState;
use crate::commands::with_service;
use crate::error::CmdResult;

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

#[tauri::command]
#[specta::specta]
pub async fn export_board(
    state: State<'_, AppState>,
    format: ExportFormat,
) -> CmdResult<ExportedFile> {
    with_service(state, move |s| s.export_to_downloads(format, now())).await
}

/// `apply: false` only says what the import would do.
#[tauri::command]
#[specta::specta]
pub async fn import_board(
    state: State<'_, AppState>,
    name: String,
    text: String,
    from: Option<ImportSource>,
    apply: bool,
) -> CmdResult<ImportReport> {
    with_service(state, move |s| {
        s.import_named(&name, &text, from, !apply, now())
    })
    .await
}
