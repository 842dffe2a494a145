//! The global record shortcut: hold to talk (or press to start / press to stop), Esc to
//! cancel while recording. Registration problems (a shortcut another app owns) are kept for
//! the settings page and the status banner instead of failing start-up.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{
    Code, GlobalShortcutExt, Shortcut, ShortcutEvent, ShortcutState,
};
use utter::service::HotkeyMode;

use crate::AppState;
use crate::recording;

/// The shortcut in force and why the last registration failed, if it did.
#[derive(Default)]
pub struct HotkeyStatus {
    pub current: Option<Shortcut>,
    pub text: String,
    pub error: Option<String>,
}

pub type HotkeyCell = Mutex<HotkeyStatus>;

pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, shortcut, event| on_shortcut(app, shortcut, event))
        .build()
}

fn on_shortcut<R: Runtime>(app: &AppHandle<R>, shortcut: &Shortcut, event: ShortcutEvent) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    if is_cancel(shortcut) {
        if event.state() == ShortcutState::Pressed {
            recording::cancel(app);
        }
        return;
    }
    let mode = state.service.hotkey_mode().unwrap_or_default();
    match (mode, event.state()) {
        (HotkeyMode::Hold, ShortcutState::Pressed) => recording::start(app),
        (HotkeyMode::Hold, ShortcutState::Released) => recording::stop(app),
        (HotkeyMode::Toggle, ShortcutState::Pressed) => recording::toggle(app),
        (HotkeyMode::Toggle, ShortcutState::Released) => {}
    }
}

fn is_cancel(shortcut: &Shortcut) -> bool {
    shortcut.key == Code::Escape
}

/// Registers `text` as the record shortcut, replacing the current one. On failure the old
/// one stays registered and the error says what to do.
pub fn apply<R: Runtime>(app: &AppHandle<R>, text: &str) -> Result<(), String> {
    let Some(state) = app.try_state::<AppState>() else {
        return Err("the app is still starting".into());
    };
    let new: Shortcut = text
        .parse()
        .map_err(|e| format!("{text:?} is not a shortcut Utter can register ({e})"))?;
    let mut status = state.hotkey.lock().unwrap_or_else(|p| p.into_inner());
    if status.current == Some(new) {
        return Ok(());
    }
    let gs = app.global_shortcut();
    if let Err(e) = gs.register(new) {
        let msg = taken_message(text, &e.to_string());
        if status.current.is_none() {
            status.error = Some(msg.clone());
            status.text = text.to_owned();
        }
        tracing::warn!("{msg}");
        return Err(msg);
    }
    if let Some(old) = status.current.take()
        && let Err(e) = gs.unregister(old)
    {
        tracing::warn!("could not release the previous shortcut: {e}");
    }
    status.current = Some(new);
    status.text = text.to_owned();
    status.error = None;
    tracing::info!(shortcut = text, "record shortcut registered");
    Ok(())
}

fn taken_message(text: &str, err: &str) -> String {
    if err.contains("already registered") || err.contains("AlreadyRegistered") {
        format!("{text} is already taken by another app; choose another shortcut in Settings")
    } else {
        format!("cannot register {text} as a global shortcut ({err}); choose another in Settings")
    }
}

/// Esc cancels only while recording: grabbing it for good would break Esc everywhere. Both
/// plain Esc and Esc with the record shortcut's modifiers (still held in push-to-talk).
pub fn grab_cancel<R: Runtime>(app: &AppHandle<R>, on: bool) {
    let mods = app
        .try_state::<AppState>()
        .and_then(|s| s.hotkey.lock().ok().and_then(|h| h.current.map(|c| c.mods)));
    let mut keys = vec![Shortcut::new(None, Code::Escape)];
    if let Some(m) = mods.filter(|m| !m.is_empty()) {
        keys.push(Shortcut::new(Some(m), Code::Escape));
    }
    let gs = app.global_shortcut();
    for key in keys {
        let result = if on {
            gs.register(key)
        } else if gs.is_registered(key) {
            gs.unregister(key)
        } else {
            Ok(())
        };
        if let Err(e) = result {
            tracing::debug!("Esc as cancel: {e}");
        }
    }
}
