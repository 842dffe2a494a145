//! Settings → Data: the backups in the data dir, "Back up now" and "Restore". The work is
//! the core's; a restore is announced to the board like any outside change.

use tauri::State;
use utter::backup::{BackupCreated, BackupInfo, BackupRestored};

use crate::AppState;
use crate::commands::with_service;
use crate::error::{CmdResult, CommandError};
use utter::service::ErrorCode;

#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> CmdResult<Vec<BackupInfo>> {
    with_service(state, |s| s.list_backups()).await
}

#[tauri::command]
#[specta::specta]
pub async fn backup_now(state: State<'_, AppState>) -> CmdResult<BackupCreated> {
    with_service(state, |s| s.backup_now(None, false)).await
}

/// Only archives from the backups list are restored from here (the UI confirms first).
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> CmdResult<BackupRestored> {
    with_service(state, move |s| {
        let listed = s.list_backups()?;
        if !listed.iter().any(|b| b.path == path) {
            return Err(utter::service::ServiceError::Invalid(format!(
                "{path} is not one of the backups in the data dir"
            )));
        }
        s.restore_backup(std::path::Path::new(&path))
    })
    .await
}

/// The archive the user picked in the native file dialog, waiting for their yes. Restoring
/// from any file goes through this slot, so the page can only restore a file the user chose
/// on this machine (or one of the listed backups), never a path it made up.
#[derive(Default)]
pub struct ChosenBackup(pub std::sync::Mutex<Option<std::path::PathBuf>>);

/// Opens the native file dialog for a backup archive; `None` when the user cancelled. The
/// picked archive is described (date, cards, schema) for the confirmation, and remembered.
#[tauri::command]
#[specta::specta]
pub async fn choose_backup_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenBackup>,
) -> CmdResult<Option<BackupInfo>> {
    use tauri_plugin_dialog::DialogExt;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Restore Utter from a backup")
            .add_filter("Utter backup", &[utter::backup::schedule::EXTENSION])
            .blocking_pick_file()
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, format!("the file dialog failed: {e}")))?;
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let info = with_service(state, {
        let path = path.clone();
        move |s| s.describe_backup(&path)
    })
    .await?;
    *chosen.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    Ok(Some(info))
}

/// Restores the archive last picked with `choose_backup_file` (the UI confirms first).
#[tauri::command]
#[specta::specta]
pub async fn restore_chosen_backup(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenBackup>,
) -> CmdResult<BackupRestored> {
    let path = chosen
        .0
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .ok_or_else(|| {
            utter::service::ServiceError::Invalid(
                "no backup file was chosen; pick one with \"Restore from a file…\"".into(),
            )
        })?;
    with_service(state, move |s| s.restore_backup(&path)).await
}
