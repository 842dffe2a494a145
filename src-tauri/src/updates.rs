//! Auto-update: a signed manifest is checked at start and then daily; a newer version is
//! downloaded and its minisign signature verified (by `tauri-plugin-updater`, with the public
//! key from tauri.conf.json), and the UI offers "Update ready — restart". Installing waits
//! while a recording or an agent run is under way. What counts as newer and when a restart
//! is allowed are decided in `utter::update`.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime, State, Url};
use tauri_plugin_updater::{Update, UpdaterExt};
use utter::update::{Activity, UpdateError, UpdateStatus, check_due, install_allowed, is_offered};

use crate::AppState;
use crate::error::{CmdResult, CommandError};
use crate::events;
use utter::service::ErrorCode;

/// Where updates come from when not the configured release endpoint and key.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub endpoint: Option<Url>,
    pub pubkey: Option<String>,
}

impl Source {
    /// The release build checks the endpoint in tauri.conf.json. A debug build (a source
    /// checkout, the tests) checks nothing unless UTTER_UPDATE_ENDPOINT (and optionally
    /// UTTER_UPDATE_PUBKEY) point it at a test server — never in a release build, where the
    /// configured key is the only one trusted. UTTER_UPDATES=off turns checks off anywhere.
    pub fn from_env() -> Option<Source> {
        if std::env::var("UTTER_UPDATES").is_ok_and(|v| v == "off") {
            return None;
        }
        if !cfg!(debug_assertions) {
            return Some(Source::default());
        }
        let endpoint = std::env::var("UTTER_UPDATE_ENDPOINT").ok()?;
        let endpoint = match Url::parse(&endpoint) {
            Ok(u) => u,
            Err(e) => {
                tracing::warn!("UTTER_UPDATE_ENDPOINT is not a URL: {e}");
                return None;
            }
        };
        Some(Source {
            endpoint: Some(endpoint),
            pubkey: std::env::var("UTTER_UPDATE_PUBKEY").ok(),
        })
    }
}

/// A test release server speaks plain http on 127.0.0.1, which the release config refuses
/// (https only). A debug build pointed at one by UTTER_UPDATE_ENDPOINT allows exactly that;
/// a release build never does.
pub fn allow_test_server<R: Runtime>(context: &mut tauri::Context<R>, source: Option<&Source>) {
    if !cfg!(debug_assertions) {
        return;
    }
    let Some(url) = source.and_then(|s| s.endpoint.as_ref()) else {
        return;
    };
    if url.scheme() != "http" || url.host_str() != Some("127.0.0.1") {
        return;
    }
    if let Some(serde_json::Value::Object(updater)) =
        context.config_mut().plugins.0.get_mut("updater")
    {
        updater.insert("dangerousInsecureTransportProtocol".into(), true.into());
    }
}

/// The update the user can install with a restart, and what the UI is told.
#[derive(Default)]
pub struct Updates {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    status: Option<UpdateStatus>,
    ready: Option<(Update, Vec<u8>)>,
}

impl Updates {
    pub fn status(&self) -> UpdateStatus {
        self.lock().status.clone().unwrap_or(UpdateStatus::Idle)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The updater plugin, asking `utter::update` which versions are updates.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R, tauri_plugin_updater::Config> {
    tauri_plugin_updater::Builder::new()
        .default_version_comparator(|current, release| is_offered(&current, &release.version))
        .build()
}

/// How often the app looks whether a daily check is due.
const DUE_POLL: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Checks now and then daily ([`utter::update::CHECK_EVERY`]), for as long as the app runs.
pub fn spawn<R: Runtime>(app: AppHandle<R>, source: Option<Source>) {
    let Some(source) = source else {
        tracing::info!("update checks off (a development build without UTTER_UPDATE_ENDPOINT)");
        return;
    };
    tauri::async_runtime::spawn(async move {
        let mut last = None;
        loop {
            let now = std::time::SystemTime::now();
            if check_due(last, now) {
                last = Some(now);
                let status = check(&app, &source).await;
                tracing::info!(?status, "update check");
            }
            tokio::time::sleep(DUE_POLL).await;
        }
    });
}

/// One check: fetch the manifest, download a newer package, verify its signature. The
/// status is stored and sent to the UI as the `update` event.
pub async fn check<R: Runtime>(app: &AppHandle<R>, source: &Source) -> UpdateStatus {
    let updates = app.state::<Updates>();
    let status = match fetch(app, source, &updates).await {
        Ok(Some((update, bytes))) => {
            let status = UpdateStatus::Ready {
                version: update.version.clone(),
                notes: update.body.clone(),
            };
            updates.lock().ready = Some((update, bytes));
            status
        }
        // Nothing newer, or the one already downloaded: say which.
        Ok(None) => match &updates.lock().ready {
            Some((u, _)) => UpdateStatus::Ready {
                version: u.version.clone(),
                notes: u.body.clone(),
            },
            None => UpdateStatus::Idle,
        },
        Err(e) => {
            tracing::warn!("{e}");
            UpdateStatus::Failed {
                reason: e.to_string(),
            }
        }
    };
    updates.lock().status = Some(status.clone());
    if let Err(e) = events::emit(app, events::Update(status.clone())) {
        tracing::debug!("cannot send the update status: {e}");
    }
    status
}

async fn fetch<R: Runtime>(
    app: &AppHandle<R>,
    source: &Source,
    updates: &Updates,
) -> Result<Option<(Update, Vec<u8>)>, UpdateError> {
    let mut builder = app.updater_builder();
    if let Some(url) = &source.endpoint {
        builder = builder
            .endpoints(vec![url.clone()])
            .map_err(|e| UpdateError::Check(e.to_string()))?;
    }
    if let Some(key) = &source.pubkey {
        builder = builder.pubkey(key.clone());
    }
    let updater = builder
        .build()
        .map_err(|e| UpdateError::Check(e.to_string()))?;
    let Some(update) = updater
        .check()
        .await
        .map_err(|e| UpdateError::Check(e.to_string()))?
    else {
        return Ok(None);
    };
    let already = matches!(&updates.lock().ready, Some((u, _)) if u.version == update.version);
    if already {
        return Ok(None);
    }
    // download() verifies the signature against the public key before returning the bytes.
    match update.download(|_, _| {}, || {}).await {
        Ok(bytes) => Ok(Some((update, bytes))),
        Err(e @ tauri_plugin_updater::Error::Network(_)) => Err(UpdateError::Check(e.to_string())),
        Err(e) => Err(UpdateError::Refused(format!(
            "version {} does not carry a valid signature ({e})",
            update.version
        ))),
    }
}

#[tauri::command]
#[specta::specta]
pub fn update_status(updates: State<'_, Updates>) -> UpdateStatus {
    updates.status()
}

/// Installs the downloaded update and restarts, unless a recording or an agent run would be
/// cut short (then the error says what it waits for, and nothing happens).
#[tauri::command]
#[specta::specta]
pub fn install_update(
    app: AppHandle,
    state: State<'_, AppState>,
    updates: State<'_, Updates>,
) -> CmdResult<()> {
    let activity = Activity {
        recording: state.voice.state() != utter::service::VoiceState::Idle,
        running_agents: state.service.running_agent_runs()?,
    };
    install_allowed(&activity).map_err(update_error)?;
    let Some((update, bytes)) = updates.lock().ready.take() else {
        return Err(update_error(UpdateError::NothingReady));
    };
    // install() checks the signature again before touching the installed app.
    if let Err(e) = update.install(&bytes) {
        tracing::error!("update install failed: {e}");
        // Kept for another try (a cancelled password prompt, say).
        updates.lock().ready = Some((update, bytes));
        return Err(CommandError::new(
            ErrorCode::Internal,
            format!("the update could not be installed: {e}"),
        ));
    }
    tracing::info!(version = update.version, "update installed; restarting");
    app.restart()
}

fn update_error(e: UpdateError) -> CommandError {
    let code = match e {
        UpdateError::Busy(_) => ErrorCode::Busy,
        UpdateError::NothingReady => ErrorCode::NotFound,
        UpdateError::Refused(_) | UpdateError::Check(_) => ErrorCode::Internal,
    };
    CommandError::new(code, e.to_string())
}

#[cfg(test)]
mod tests;
