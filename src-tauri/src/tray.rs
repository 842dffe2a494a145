//! The tray icon: its picture says what Utter is doing (idle, recording, agent running,
//! approval waiting) and its menu reaches the main actions without the window.

use std::sync::atomic::{AtomicU8, Ordering};

use tauri::image::Image;
use tauri::menu::{CheckMenuItem, Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};
use utter::service::VoiceState;
use utter::settings::AGENTS_PAUSED;

use crate::events;
use crate::{AppState, recording};

const TRAY_ID: &str = "utter";

const ICON_IDLE: &[u8] = include_bytes!("../../assets/tray-idle.png");
const ICON_RECORDING: &[u8] = include_bytes!("../../assets/tray-recording.png");
const ICON_AGENT: &[u8] = include_bytes!("../../assets/tray-agent.png");
const ICON_APPROVAL: &[u8] = include_bytes!("../../assets/tray-approval.png");

/// What the icon shows, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum TrayState {
    Idle = 0,
    AgentRunning = 1,
    ApprovalWaiting = 2,
    Recording = 3,
}

static VOICE: AtomicU8 = AtomicU8::new(TrayState::Idle as u8);
/// Set by the agent runner: running / waiting for an approval.
static AGENTS: AtomicU8 = AtomicU8::new(TrayState::Idle as u8);

/// Builds the tray. Returns whether a tray host will show it (Linux needs a StatusNotifier
/// host; without one the window must not hide into an invisible tray).
pub fn create<R: Runtime>(app: &AppHandle<R>, service: &utter::Service) -> tauri::Result<bool> {
    let record = MenuItem::with_id(app, "record", "Start recording", true, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", "Open board", true, None::<&str>)?;
    let approvals = MenuItem::with_id(app, "approvals", "Pending approvals", true, None::<&str>)?;
    let paused = service.flag(&AGENTS_PAUSED).unwrap_or(false);
    let pause = CheckMenuItem::with_id(app, "pause", "Pause agents", true, paused, None::<&str>)?;
    let settings = MenuItem::with_id(app, "settings", "Settings…", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Utter", true, None::<&str>)?;
    let sep = PredefinedMenuItem::separator(app)?;
    let sep2 = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(
        app,
        &[
            &record, &open, &approvals, &sep, &pause, &settings, &sep2, &quit,
        ],
    )?;
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(Image::from_bytes(ICON_IDLE)?)
        .tooltip("Utter")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(move |app, event| match event.id().as_ref() {
            "record" => recording::toggle(app),
            "open" => open_view(app, "board"),
            "approvals" => open_view(app, "approvals"),
            "settings" => open_view(app, "settings"),
            "pause" => toggle_pause(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .build(app)?;
    // Keep the menu item to relabel it as recording starts and stops.
    app.manage(RecordItem(record));
    Ok(host_available())
}

struct RecordItem<R: Runtime>(MenuItem<R>);

/// Brings the main window forward and tells the UI which view to show.
pub fn open_view<R: Runtime>(app: &AppHandle<R>, view: &str) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
    if let Err(e) = events::emit_to(app, "main", events::ViewRequested(view.to_owned())) {
        tracing::debug!("open-view not delivered: {e}");
    }
}

fn toggle_pause<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let now_paused = !state.service.flag(&AGENTS_PAUSED).unwrap_or(false);
    let value = if now_paused { "on" } else { "off" };
    if let Err(e) = state.service.set_user_setting(AGENTS_PAUSED.key, value) {
        tracing::warn!("cannot pause agents: {e}");
    }
}

pub fn set_voice_state<R: Runtime>(app: &AppHandle<R>, state: VoiceState) {
    let t = if state == VoiceState::Idle {
        TrayState::Idle
    } else {
        TrayState::Recording
    };
    VOICE.store(t as u8, Ordering::SeqCst);
    if let Some(item) = app.try_state::<RecordItem<R>>() {
        let label = match state {
            VoiceState::Idle => "Start recording",
            VoiceState::Recording => "Stop recording",
            VoiceState::Transcribing => "Transcribing…",
        };
        let _ = item.0.set_text(label);
        let _ = item.0.set_enabled(state != VoiceState::Transcribing);
    }
    refresh(app);
}

/// For the agent runner: an agent started/finished, or an approval is waiting.
pub fn set_agent_state<R: Runtime>(app: &AppHandle<R>, state: TrayState) {
    AGENTS.store(state as u8, Ordering::SeqCst);
    refresh(app);
}

/// The icon for the most urgent of voice and agent state.
pub fn current() -> TrayState {
    match VOICE
        .load(Ordering::SeqCst)
        .max(AGENTS.load(Ordering::SeqCst))
    {
        3 => TrayState::Recording,
        2 => TrayState::ApprovalWaiting,
        1 => TrayState::AgentRunning,
        _ => TrayState::Idle,
    }
}

fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let (bytes, tip) = match current() {
        TrayState::Idle => (ICON_IDLE, "Utter"),
        TrayState::Recording => (ICON_RECORDING, "Utter — recording"),
        TrayState::AgentRunning => (ICON_AGENT, "Utter — an agent is working"),
        TrayState::ApprovalWaiting => (ICON_APPROVAL, "Utter — an approval is waiting"),
    };
    match Image::from_bytes(bytes) {
        Ok(img) => {
            let _ = tray.set_icon(Some(img));
            let _ = tray.set_tooltip(Some(tip));
        }
        Err(e) => tracing::warn!("tray icon: {e}"),
    }
}

/// Linux shows tray icons through a StatusNotifier host (GNOME needs an extension, bare
/// window managers have none); macOS and Windows always have a tray.
#[cfg(target_os = "linux")]
fn host_available() -> bool {
    let check = async {
        let conn = zbus::Connection::session().await?;
        let dbus = zbus::fdo::DBusProxy::new(&conn).await?;
        let name = zbus::names::BusName::try_from("org.kde.StatusNotifierWatcher")?;
        dbus.name_has_owner(name).await.map_err(zbus::Error::from)
    };
    match tauri::async_runtime::block_on(async {
        tokio::time::timeout(std::time::Duration::from_secs(2), check).await
    }) {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            tracing::info!("no session bus to look for a tray host: {e}");
            false
        }
        Err(_) => false,
    }
}

#[cfg(not(target_os = "linux"))]
fn host_available() -> bool {
    true
}
