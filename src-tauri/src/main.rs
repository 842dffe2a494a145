//! Utter's desktop shell. Windows, tray and hotkey live here; every command is a thin
//! wrapper over `utter::Service`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod agent_commands;
mod agent_watch;
mod backup_commands;
mod chat_commands;
mod commands;
mod data_commands;
mod dump_commands;
mod error;
mod events;
mod hotkey;
mod ipc;
mod live;
mod mcp_commands;
mod menu;
mod overlay;
mod recording;
mod reminders;
mod scheduler;
mod settings_commands;
mod tray;
mod updates;
mod vocabulary_commands;
mod voice_commands;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use tauri::{Manager, WindowEvent};
use utter::Service;
use utter::service::VoiceSession;

/// How often the app looks for writes by other processes (the CLI, the scheduler).
const EXTERNAL_POLL: Duration = Duration::from_millis(50);

pub struct AppState {
    pub service: Arc<Service>,
    /// When the process started, for the start-up time logged on the first paint.
    pub started: Instant,
    pub painted: AtomicBool,
    pub voice: Arc<VoiceSession>,
    pub hotkey: hotkey::HotkeyCell,
    /// A tray host shows our icon; only then does closing the window keep Utter running.
    pub tray: bool,
    _watch: utter::service::ExternalWatch,
}

const RETENTION_EVERY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
/// How often the app looks whether a day has passed since the last daily backup.
const DAILY_BACKUP_CHECK: Duration = Duration::from_secs(60 * 60);

fn main() {
    let started = Instant::now();
    init_tracing();
    let data_dir = match utter::paths::resolve_data_dir(None) {
        Some(d) => d,
        None => fail("cannot find a home directory for Utter's data; set UTTER_DATA_DIR"),
    };
    let service = match Service::open(&data_dir) {
        Ok(s) => s,
        Err(e) => fail(&e.to_string()),
    };
    let watch = match service.watch_external(EXTERNAL_POLL) {
        Ok(w) => w,
        Err(e) => fail(&format!("cannot start the database watcher: {e}")),
    };
    // Recordings older than audio.retention_days go at start and then daily.
    if let Err(e) = utter::service::spawn_audio_retention(&service, RETENTION_EVERY) {
        tracing::warn!("cannot start audio retention: {e}");
    }
    // A backup a day in the data dir (the last seven kept), unless backup.daily is off.
    if let Err(e) = utter::service::spawn_daily_backups(&service, DAILY_BACKUP_CHECK) {
        tracing::warn!("cannot start daily backups: {e}");
    }
    // The speech model leaves memory after voice.unload_after_minutes without recording.
    if let Err(e) = utter::service::spawn_engine_unloader(&service, Duration::from_secs(30)) {
        tracing::warn!("cannot start the idle model unloader: {e}");
    }
    // Cards get their meaning-search vectors in the background once the model is installed.
    utter::service::spawn_embedder(&service);
    let update_source = updates::Source::from_env();
    let ipc = ipc::builder();
    let invoke_handler = ipc.invoke_handler();
    let mut context = tauri::generate_context!();
    updates::allow_test_server(&mut context, update_source.as_ref());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            // A second launch brings the running window forward instead of opening a second
            // app on the same database.
            tray::open_view(app, "board");
        }))
        .plugin(hotkey::plugin())
        .plugin(updates::plugin())
        .plugin(tauri_plugin_dialog::init())
        .manage(updates::Updates::default())
        .manage(backup_commands::ChosenBackup::default())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        .setup(move |app| {
            ipc.mount_events(app);
            let handle = app.handle().clone();
            let emit_to = handle.clone();
            let voice = Arc::new(
                VoiceSession::new(service.clone(), move |ev| {
                    recording::on_event(&emit_to, &ev)
                })
                .with_llm(),
            );
            // Without a tray host (or if the tray fails) the app still runs: closing the
            // window then quits instead of hiding into nothing.
            let tray = match tray::create(&handle, &service) {
                Ok(shown) => shown,
                Err(e) => {
                    tracing::warn!("no tray icon: {e}");
                    false
                }
            };
            if !tray {
                tracing::info!("no tray host: closing the window quits Utter");
            }
            app.manage(mcp_commands::SignInPages::default());
            app.manage(mcp_commands::SignInTasks::default());
            app.manage(AppState {
                service: service.clone(),
                started,
                painted: AtomicBool::new(false),
                voice,
                hotkey: Default::default(),
                tray,
                _watch: watch,
            });
            if let Err(e) = menu::attach(&handle) {
                tracing::warn!("no menu: {e}");
            }
            if let Err(e) = overlay::create(&handle) {
                tracing::warn!("no recording overlay: {e}");
            }
            let shortcut = service
                .app_settings()
                .map(|s| s.hotkey)
                .unwrap_or_else(|_| utter::service::DEFAULT_HOTKEY.to_owned());
            if let Err(e) = hotkey::apply(&handle, &shortcut) {
                recording::notify_error(&service, &e);
            }
            if let Err(e) = utter::notify::server_info() {
                tracing::info!("{e}");
            }
            live::forward_changes(handle.clone(), service.subscribe());
            reminders::spawn(handle.clone(), service.clone());
            agent_watch::spawn(handle.clone(), service.clone());
            scheduler::spawn(handle.clone(), service.clone());
            updates::spawn(handle, update_source);
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event
                && window.label() == "main"
                && window.try_state::<AppState>().is_some_and(|s| s.tray)
            {
                api.prevent_close();
                let _ = window.hide();
            }
        })
        .invoke_handler(invoke_handler)
        .build(context);
    match result {
        Ok(app) => app.run(|app, event| {
            // Quitting right after a dump lets its final pass finish (well under a second for
            // a short dump) instead of cutting it off.
            if let tauri::RunEvent::Exit = event
                && let Some(state) = app.try_state::<AppState>()
            {
                state.voice.settle();
            }
        }),
        Err(e) => fail(&format!("the desktop app stopped: {e}")),
    }
}

fn fail(msg: &str) -> ! {
    tracing::error!("{msg}");
    eprintln!("error: {}", utter::secrets::redact::scrub(msg));
    std::process::exit(1)
}

fn init_tracing() {
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let filter = tracing_subscriber::EnvFilter::try_from_env("UTTER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(utter::secrets::redact::RedactedStderr { plain: !ansi })
        .with_ansi(ansi)
        .try_init();
}
