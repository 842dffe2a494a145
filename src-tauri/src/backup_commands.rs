//! Settings → Data: the backups in the data dir, "Back up now" and "Restore". The work is
//! the core's; a restore is announced to the board like any outside change.

use tauri::State;
use utter::backup::{BackupCreated, BackupInfo, BackupRestored};

use crate::AppState;
use crate::commands::with_service;
use crate::error::CmdResult;

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
