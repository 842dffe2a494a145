//! The events the shell sends the web UI. Each is a type registered in `ipc.rs`, so the UI
//! listens through the generated `events.*` instead of naming a string. The wire names are
//! the ones the UI has always used.

use serde::Serialize;
use specta::Type;
use tauri::{Emitter, EventTarget, Runtime};
use tauri_specta::Event;
use utter::chat::ChatEvent;
use utter::service::{ChangeEvent, DownloadEvent, SignInPage, VoiceEvent};
use utter::update::UpdateStatus;

/// After every write to the store, by this app, the CLI, an agent or another process.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[tauri_specta(event_name = "store-changed")]
pub struct StoreChanged(pub ChangeEvent);

/// Recording progress, to every window (the overlay, the main window).
#[derive(Debug, Clone, Serialize, Type, Event)]
#[tauri_specta(event_name = "voice")]
pub struct Voice(pub VoiceEvent);

/// Streamed pieces of a chat reply.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[tauri_specta(event_name = "chat")]
pub struct Chat(pub ChatEvent);

/// Progress of a model download (speech or meaning search).
#[derive(Debug, Clone, Serialize, Type, Event)]
#[tauri_specta(event_name = "model-download")]
pub struct ModelDownload(pub DownloadEvent);

/// A sign-in opened the browser on this page.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[tauri_specta(event_name = "mcp_sign_in")]
pub struct McpSignIn(pub SignInPage);

/// Where the updater stands.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[tauri_specta(event_name = "update")]
pub struct Update(pub UpdateStatus);

/// The tray (or a notification) asks the main window to show a view: `board`, `settings`,
/// `approvals`, ... or `task:ID`.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[tauri_specta(event_name = "open-view")]
pub struct ViewRequested(pub String);

/// Sends `event` to every window. Not `Event::emit`: that looks the name up in state that
/// `mount_events` fills and panics in an app that never did (the mock-runtime tests).
pub fn emit<R: Runtime, E: Event + Serialize + Clone>(
    app: &impl Emitter<R>,
    event: E,
) -> tauri::Result<()> {
    app.emit(E::NAME, event)
}

/// Sends `event` to one window (or webview).
pub fn emit_to<R: Runtime, E: Event + Serialize + Clone>(
    app: &impl Emitter<R>,
    target: impl Into<EventTarget>,
    event: E,
) -> tauri::Result<()> {
    app.emit_to(target, E::NAME, event)
}
