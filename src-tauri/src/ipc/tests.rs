use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context};
use tauri::webview::InvokeRequest;
use utter::Service;
use utter::secrets::MemoryStore;
use utter::service::{Dependencies, VoiceSession};

use super::builder;
use crate::{AppState, commands};

/// Where the generated bindings go, relative to the workspace root.
const BINDINGS: &str = "ui/src/bindings/index.ts";

/// Writes the UI's bindings (only when they changed, so a dev server does not reload);
/// `make test` then fails if the committed file differs.
#[test]
fn export_bindings() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(BINDINGS);
    let tmp = std::env::temp_dir().join(format!("utter-bindings-{}.ts", std::process::id()));
    builder()
        .export(
            specta_typescript::Typescript::default().header(
                "// Generated from the Rust commands, events and types by tauri-specta\n\
                 // (src-tauri/src/ipc.rs; `cargo test -p utter-desktop export_bindings`). Do not edit.",
            ),
            &tmp,
        )
        .unwrap_or_else(|e| panic!("export: {e}"));
    let new = std::fs::read_to_string(&tmp).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_file(&tmp);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(new.as_str()) {
        std::fs::write(&path, &new).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    assert!(
        new.contains("getTask: (id: number)"),
        "ids are numbers, not bigints"
    );
    assert!(new.contains("export type CommandError"));
}

/// A real command on tauri's mock runtime: a missing task rejects with the `CommandError`
/// the bindings declare, `code` and all, which is what the page's `catch` receives.
#[test]
fn a_command_error_reaches_the_page_with_its_code() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = mock_builder()
        .invoke_handler(tauri::generate_handler![
            commands::get_task,
            commands::search
        ])
        .build(mock_context(tauri::test::noop_assets()))
        .unwrap_or_else(|e| panic!("mock app: {e}"));
    app.manage(state(data.path()));
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap_or_else(|e| panic!("webview: {e}"));

    let Err(err) = invoke(&webview, "get_task", json!({ "id": 4242 })) else {
        panic!("task 4242 does not exist")
    };
    assert_eq!(err["code"], "not_found", "{err}");
    assert!(
        err["message"].as_str().is_some_and(|m| m.contains("4242")),
        "{err}"
    );
    assert_eq!(err["hint"], Value::Null, "{err}");
    let keys: Vec<&str> = err
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        keys,
        ["code", "hint", "message"],
        "the shape of the generated CommandError"
    );

    // And a command that succeeds still answers with its value.
    let hits = invoke(&webview, "search", json!({ "query": "nothing here" }));
    assert_eq!(hits.ok(), Some(json!([])));
}

fn invoke(
    webview: &tauri::WebviewWindow<MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost"
            .parse()
            .unwrap_or_else(|e| panic!("{e}")),
        body: InvokeBody::Json(body),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request)
        .map(|r| r.deserialize::<Value>().unwrap_or_else(|e| panic!("{e}")))
}

fn state(dir: &Path) -> AppState {
    let deps = Dependencies::default().with_secrets(MemoryStore::new());
    let service = Service::open_with(dir, deps).unwrap_or_else(|e| panic!("open: {e}"));
    let watch = service
        .watch_external(Duration::from_secs(60))
        .unwrap_or_else(|e| panic!("{e}"));
    AppState {
        voice: Arc::new(VoiceSession::new(service.clone(), |_| {})),
        service,
        started: Instant::now(),
        painted: AtomicBool::new(false),
        hotkey: Default::default(),
        tray: false,
        _watch: watch,
    }
}

/// "Restore from a file…": the page can restore only the archive the user picked in the
/// native dialog (the dialog itself needs a display; the pick lands in `ChosenBackup`), once,
/// and the board is the archive's afterwards.
#[test]
fn a_backup_picked_from_any_folder_restores_once() {
    use crate::backup_commands::{self, ChosenBackup};

    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = mock_builder()
        .invoke_handler(tauri::generate_handler![
            backup_commands::restore_chosen_backup,
            commands::list_tasks
        ])
        .build(mock_context(tauri::test::noop_assets()))
        .unwrap_or_else(|e| panic!("mock app: {e}"));
    let state = state(data.path());
    let add = |title: &str| {
        state
            .service
            .create_task(
                serde_json::from_value(json!({ "title": title })).unwrap_or_else(|e| panic!("{e}")),
            )
            .unwrap_or_else(|e| panic!("{e}"))
    };
    add("Kept in the backup");
    let archive = elsewhere.path().join("from-my-old-laptop.zip");
    state
        .service
        .backup_now(Some(&archive), false)
        .unwrap_or_else(|e| panic!("backup: {e}"));
    add("Made after the backup");
    let info = state
        .service
        .describe_backup(&archive)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(info.tasks, Some(1), "{info:?}");
    assert_eq!(info.problem, None);
    app.manage(state);
    app.manage(ChosenBackup::default());
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap_or_else(|e| panic!("webview: {e}"));

    // Nothing picked: refused, with what to do.
    let Err(err) = invoke(&webview, "restore_chosen_backup", json!({})) else {
        panic!("no file was chosen")
    };
    assert_eq!(err["code"], "invalid", "{err}");

    *app.state::<ChosenBackup>()
        .0
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = Some(archive.clone());
    let restored = invoke(&webview, "restore_chosen_backup", json!({}));
    assert!(restored.is_ok(), "{restored:?}");
    let titles: Vec<String> = invoke(&webview, "list_tasks", json!({}))
        .unwrap_or_else(|e| panic!("{e}"))
        .as_array()
        .map(|a| {
            a.iter()
                .map(|t| t["title"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(titles, ["Kept in the backup"]);
    // The pick is spent: a second restore needs a second pick.
    assert!(invoke(&webview, "restore_chosen_backup", json!({})).is_err());
}
