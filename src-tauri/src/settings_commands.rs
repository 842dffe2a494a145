//! Commands behind the settings page and first-run setup. Validation lives in the core;
//! what only the shell can do (register the hotkey, start at login) happens here.

use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;
use utter::llm::ProviderConfig;
use utter::secrets::Secret;
use utter::service::{
    AUTOSTART_SETTING, AppSettings, DEFAULT_HOTKEY, DesktopStatus, DownloadEvent, EmbeddingStatus,
    HOTKEY_SETTING, InputDevice, ModelEntry,
};

use crate::AppState;
use crate::commands::with_service;
use crate::error::{CmdResult, CommandError};
use crate::events;
use crate::hotkey;
use utter::service::ErrorCode;

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> CmdResult<AppSettings> {
    with_service(state, |s| s.app_settings()).await
}

/// Sets (or with `value: null` resets) one setting. A hotkey is registered before it is
/// saved, so a taken one is refused and the old one keeps working.
#[tauri::command]
#[specta::specta]
pub async fn set_setting(
    app: AppHandle,
    state: State<'_, AppState>,
    key: String,
    value: Option<String>,
) -> CmdResult<AppSettings> {
    // The registry's check first, so a bad value has no side effect below.
    if let Some(v) = &value {
        utter::settings::validate(&key, v).map_err(|e| message(e.to_string()))?;
    }
    if key == HOTKEY_SETTING {
        let text = value.clone().unwrap_or_else(|| DEFAULT_HOTKEY.to_owned());
        hotkey::apply(&app, &text).map_err(message)?;
    }
    if key == AUTOSTART_SETTING {
        let on = value.as_deref() == Some("on");
        let launcher = app.autolaunch();
        let result = if on {
            launcher.enable()
        } else {
            launcher.disable()
        };
        result.map_err(|e| message(format!("cannot change start at login: {e}")))?;
    }
    with_service(state, move |s| {
        match value {
            Some(v) => s.set_user_setting(&key, &v)?,
            None => s.unset_user_setting(&key)?,
        }
        s.app_settings()
    })
    .await
}

/// Every setting from the core's registry with its stored value (`null`: the default holds).
#[tauri::command]
#[specta::specta]
pub async fn list_settings(
    state: State<'_, AppState>,
) -> CmdResult<Vec<utter::settings::SettingEntry>> {
    with_service(state, |s| s.user_settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn desktop_status(state: State<'_, AppState>) -> CmdResult<DesktopStatus> {
    let (hotkey, hotkey_registered, hotkey_error) = {
        let h = state.hotkey.lock().unwrap_or_else(|p| p.into_inner());
        (h.text.clone(), h.current.is_some(), h.error.clone())
    };
    let tray = state.tray;
    let voice = state.voice.state();
    with_service(state, move |s| {
        let notifications = utter::notify::server_info();
        let microphone_error = s.microphone_problem();
        Ok(DesktopStatus {
            hotkey,
            hotkey_registered,
            hotkey_error,
            tray,
            notifications: notifications.is_ok(),
            notifications_error: notifications.err().map(|e| e.to_string()),
            microphone: microphone_error.is_none(),
            microphone_error,
            model_installed: s.model_installed(),
            voice,
        })
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_input_devices(state: State<'_, AppState>) -> CmdResult<Vec<InputDevice>> {
    with_service(state, |s| s.input_devices()).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_models(state: State<'_, AppState>) -> CmdResult<Vec<ModelEntry>> {
    with_service(state, |s| s.model_entries()).await
}

/// Downloads a catalog model, reporting progress as `model-download` events (at most every
/// 1 %) and a final event with `done` or `error`.
#[tauri::command]
#[specta::specta]
pub async fn download_model(
    app: AppHandle,
    state: State<'_, AppState>,
    name: String,
) -> CmdResult<()> {
    let models = state.service.models().map_err(CommandError::from)?;
    let (send, mut on_progress) = download_events(app, &name);
    let result = models.download(&name, &mut on_progress).await;
    let (bytes, error) = match &result {
        Ok(path) => (std::fs::metadata(path).map(|m| m.len()).unwrap_or(0), None),
        Err(e) => (0, Some(e.to_string())),
    };
    send(DownloadEvent {
        name: name.clone(),
        downloaded: bytes,
        total: Some(bytes).filter(|b| *b > 0),
        done: error.is_none(),
        error,
    });
    result.map(|_| ()).map_err(|e| message(e.to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn set_llm_provider(
    state: State<'_, AppState>,
    config: ProviderConfig,
    api_key: Option<String>,
) -> CmdResult<ProviderConfig> {
    with_service(state, move |s| {
        let key = api_key.filter(|k| !k.trim().is_empty()).map(Secret::from);
        s.set_llm_config(config, key)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn clear_llm_provider(state: State<'_, AppState>) -> CmdResult<()> {
    with_service(state, move |s| s.clear_llm_config()).await
}

fn message(m: impl Into<String>) -> CommandError {
    CommandError::new(ErrorCode::Invalid, m.into())
}

/// Whether the meaning-search model is installed, and how many cards wait for a vector.
#[tauri::command]
#[specta::specta]
pub async fn embedding_status(state: State<'_, AppState>) -> CmdResult<EmbeddingStatus> {
    with_service(state, |s| s.embedding_status()).await
}

/// Downloads the meaning-search model (progress as `model-download` events named after it),
/// then indexes the board in the background.
#[tauri::command]
#[specta::specta]
pub async fn download_embedding_model(app: AppHandle, state: State<'_, AppState>) -> CmdResult<()> {
    let name = utter::embed::MODEL_NAME.to_string();
    let (send, mut on_progress) = download_events(app, &name);
    let service = state.service.clone();
    let result = service
        .download_embedding_model(None, &mut on_progress)
        .await;
    send(DownloadEvent {
        name,
        downloaded: 0,
        total: None,
        done: result.is_ok(),
        error: result.as_ref().err().map(|e| e.to_string()),
    });
    result.map_err(CommandError::from)?;
    let indexer = service.clone();
    std::thread::spawn(move || {
        if let Err(e) = indexer.embed_missing(&mut |_, _| {}) {
            tracing::warn!("indexing the board for meaning search failed: {e}");
        }
    });
    Ok(())
}

/// The `model-download` event sender and a progress callback that sends at most one event
/// per percent (per MiB when the size is unknown).
fn download_events(
    app: AppHandle,
    name: &str,
) -> (
    impl Fn(DownloadEvent) + Clone + Send + 'static,
    impl FnMut(utter::stt::DownloadProgress) + Send + 'static,
) {
    let send = move |ev: DownloadEvent| {
        if let Err(e) = events::emit(&app, events::ModelDownload(ev)) {
            tracing::debug!("download progress not delivered: {e}");
        }
    };
    let mut last_pct = u64::MAX;
    let progress_send = send.clone();
    let progress_name = name.to_string();
    let on_progress = move |p: utter::stt::DownloadProgress| {
        let pct = p
            .total
            .map(|t| p.downloaded * 100 / t.max(1))
            .unwrap_or(p.downloaded >> 20);
        if pct != last_pct {
            last_pct = pct;
            progress_send(DownloadEvent {
                name: progress_name.clone(),
                downloaded: p.downloaded,
                total: p.total,
                done: false,
                error: None,
            });
        }
    };
    (send, on_progress)
}
