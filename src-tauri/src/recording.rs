//! What the hotkey, tray and overlay do with the core's `VoiceSession`: each action runs on
//! its own thread (transcribing takes a while) and results reach the user as `voice` events,
//! the tray icon and a "tasks added" notification with Undo.

use std::sync::Arc;

use tauri::{AppHandle, Manager, Runtime};
use utter::notify::{Notice, NoticeKind, UNDO_ACTION};
use utter::service::{Service, VoiceEvent, VoiceState};

use crate::events;
use crate::{AppState, hotkey, overlay, tray};

/// Fans a session event out to the windows, the tray and the overlay.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, ev: &VoiceEvent) {
    if let Err(e) = events::emit(app, events::Voice(ev.clone())) {
        tracing::debug!("voice event not delivered: {e}");
    }
    match ev {
        VoiceEvent::State { state } => {
            tray::set_voice_state(app, *state);
            hotkey::grab_cancel(app, *state == VoiceState::Recording);
            if *state == VoiceState::Recording {
                overlay::show(app);
            }
        }
        VoiceEvent::Done { .. } | VoiceEvent::Error { .. } => overlay::hide_after(app, 2500),
        VoiceEvent::Cancelled => overlay::hide_after(app, 0),
        VoiceEvent::Level { .. } | VoiceEvent::Partial { .. } | VoiceEvent::Refined { .. } => {}
    }
}

fn in_background<R: Runtime>(
    app: &AppHandle<R>,
    name: &str,
    f: impl FnOnce(&AppState) + Send + 'static,
) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            if let Some(state) = app.try_state::<AppState>() {
                f(&state);
            }
        });
    if let Err(e) = spawned {
        tracing::error!("cannot start {name}: {e}");
    }
}

pub fn start<R: Runtime>(app: &AppHandle<R>) {
    in_background(app, "utter-record-start", |state| {
        if let Err(e) = state.voice.start() {
            // The overlay and main window already got the error event; the notification is
            // for when neither is in view.
            notify_error(&state.service, &format!("Recording did not start: {e}"));
        }
    });
}

pub fn stop<R: Runtime>(app: &AppHandle<R>) {
    in_background(app, "utter-record-stop", |state| {
        let now = chrono::Local::now().naive_local();
        match state.voice.stop(now) {
            Ok(Some(outcome)) => {
                notify_added(&state.service, &outcome.tasks, outcome.transcript_id)
            }
            Ok(None) => {}
            Err(e) => notify_error(&state.service, &format!("Nothing was saved: {e}")),
        }
    });
}

pub fn toggle<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    match state.voice.state() {
        VoiceState::Idle => start(app),
        VoiceState::Recording => stop(app),
        VoiceState::Transcribing => {}
    }
}

pub fn cancel<R: Runtime>(app: &AppHandle<R>) {
    in_background(app, "utter-record-cancel", |state| {
        if let Err(e) = state.voice.cancel() {
            tracing::warn!("cancelling the recording: {e}");
        }
    });
}

fn notify_added(service: &Arc<Service>, tasks: &[utter::model::Task], transcript_id: i64) {
    if tasks.is_empty() {
        return;
    }
    let notice = Notice::tasks_added(tasks.iter().map(|t| t.title.as_str()));
    let svc = Arc::clone(service);
    let result = service.notify(&notice, move |action| {
        if action == UNDO_ACTION {
            // The whole dump: its new cards and what it changed on older ones.
            match svc.undo_dump_items(transcript_id) {
                Ok(n) => tracing::info!(
                    removed = n.removed.len(),
                    restored = n.restored.len(),
                    "dump undone from its notification"
                ),
                Err(e) => tracing::warn!("undo from the notification failed: {e}"),
            }
        }
    });
    if let Err(e) = result {
        tracing::info!("{e}");
    }
}

pub fn notify_error(service: &Service, message: &str) {
    let notice = Notice::new(NoticeKind::Error, "Utter", message);
    if let Err(e) = service.notify(&notice, |_| {}) {
        tracing::info!("{e}");
    }
}
