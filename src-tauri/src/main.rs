//! Utter's desktop shell. Windows, tray and hotkey live here; every command is a thin
//! wrapper over `utter::Service`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod live;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use tauri::Manager;
use utter::Service;

/// How often the app looks for writes by other processes (the CLI, the scheduler).
const EXTERNAL_POLL: Duration = Duration::from_millis(50);

pub struct AppState {
    pub service: Arc<Service>,
    /// When the process started, for the start-up time logged on the first paint.
    pub started: Instant,
    pub painted: AtomicBool,
    _watch: utter::service::ExternalWatch,
}

const RETENTION_EVERY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

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
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            // A second launch brings the running window forward instead of opening a second
            // app on the same database.
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .manage(AppState {
            service: service.clone(),
            started,
            painted: AtomicBool::new(false),
            _watch: watch,
        })
        .setup(move |app| {
            live::forward_changes(app.handle().clone(), service.subscribe());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_tasks,
            commands::get_task,
            commands::create_task,
            commands::quick_add,
            commands::update_task,
            commands::move_task,
            commands::delete_task,
            commands::restore_task,
            commands::list_categories,
            commands::get_transcript,
            commands::search,
            commands::board_painted,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        fail(&format!("the desktop app stopped: {e}"));
    }
}

fn fail(msg: &str) -> ! {
    tracing::error!("{msg}");
    eprintln!("error: {msg}");
    std::process::exit(1)
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("UTTER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}
