//! Pushes the core's change feed to the web UI as `store-changed` events, so the board
//! updates without a reload when the CLI, an agent or another window writes.

use tauri::AppHandle;

use crate::events;
use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::RecvError;
use utter::service::ChangeEvent;

pub fn forward_changes(app: AppHandle, mut rx: Receiver<ChangeEvent>) {
    tauri::async_runtime::spawn(async move {
        loop {
            let event = match rx.recv().await {
                Ok(e) => e,
                // Fell behind: the UI reloads everything on `External` anyway.
                Err(RecvError::Lagged(_)) => ChangeEvent::External,
                Err(RecvError::Closed) => return,
            };
            if let Err(e) = events::emit(&app, events::StoreChanged(event)) {
                tracing::warn!(error = %e, "could not push a change to the UI");
            }
        }
    });
}
