//! Commands behind the side chat. A reply streams to the window as `chat` events while the
//! `chat_send` call waits for its end, so the panel gets either the final message or the
//! error (and keeps the user's text when nothing was sent).

use tauri::{AppHandle, State};
use utter::chat::{ChatMessage, ChatThread};

use crate::AppState;
use crate::commands::with_service;
use crate::error::{CmdResult, CommandError};
use crate::events;

#[tauri::command]
#[specta::specta]
pub async fn chat_thread(state: State<'_, AppState>, task: Option<i64>) -> CmdResult<ChatThread> {
    with_service(state, move |s| s.chat_thread(task)).await
}

#[tauri::command]
#[specta::specta]
pub async fn chat_send(
    app: AppHandle,
    state: State<'_, AppState>,
    task: Option<i64>,
    text: String,
) -> CmdResult<ChatMessage> {
    let service = state.service.clone();
    let emit = move |ev: utter::chat::ChatEvent| {
        if let Err(e) = events::emit(&app, events::Chat(ev)) {
            tracing::warn!("chat event not delivered: {e}");
        }
    };
    service
        .chat_send(task, &text, &emit)
        .await
        .map_err(CommandError::from)
}

#[tauri::command]
#[specta::specta]
pub async fn chat_stop(state: State<'_, AppState>, task: Option<i64>) -> CmdResult<bool> {
    with_service(state, move |s| Ok(s.chat_stop(task))).await
}

#[tauri::command]
#[specta::specta]
pub async fn chat_clear(state: State<'_, AppState>, task: Option<i64>) -> CmdResult<usize> {
    with_service(state, move |s| s.chat_clear(task)).await
}
