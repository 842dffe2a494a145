//! Commands behind the MCP servers page: list, add, import, remove, a server's tools, and
//! signing in to remote servers.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tauri::{AppHandle, State};
use utter::service::{McpImport, McpServerView, McpToolView, NewMcpServer, SignInPage};

use crate::AppState;
use crate::commands::with_service;
use crate::error::{CmdResult, CommandError};
use crate::events;
use utter::service::ErrorCode;

#[tauri::command]
#[specta::specta]
pub async fn list_mcp_servers(state: State<'_, AppState>) -> CmdResult<Vec<McpServerView>> {
    with_service(state, move |s| s.mcp_views()).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_mcp_server(state: State<'_, AppState>, server: NewMcpServer) -> CmdResult<()> {
    with_service(state, move |s| s.mcp_add_new(server)).await
}

/// Imports Claude Desktop's config (its usual place when `path` is empty).
#[tauri::command]
#[specta::specta]
pub async fn import_mcp_servers(
    state: State<'_, AppState>,
    path: Option<String>,
) -> CmdResult<McpImport> {
    let path = path
        .filter(|p| !p.trim().is_empty())
        .map(std::path::PathBuf::from)
        .or_else(utter::mcp::claude_desktop_config_path)
        .ok_or_else(|| {
            CommandError::new(
                ErrorCode::NotFound,
                "no Claude Desktop config found; give the file's path",
            )
        })?;
    with_service(state, move |s| s.mcp_import(&path)).await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_mcp_server(state: State<'_, AppState>, name: String) -> CmdResult<bool> {
    with_service(state, move |s| s.mcp_remove(&name)).await
}

/// Whether agents may call the server's read-only tools without asking.
#[tauri::command]
#[specta::specta]
pub async fn set_mcp_server_trusted(
    state: State<'_, AppState>,
    name: String,
    trusted: bool,
) -> CmdResult<()> {
    with_service(state, move |s| s.mcp_set_trusted(&name, trusted)).await
}

/// Starts the server to list its tools (and so shows whether it starts at all).
#[tauri::command]
#[specta::specta]
pub async fn mcp_server_tools(
    state: State<'_, AppState>,
    name: String,
) -> CmdResult<Vec<McpToolView>> {
    let service = state.service.clone();
    service
        .mcp_tool_views(&name)
        .await
        .map_err(CommandError::from)
}

/// The sign-in page of each sign-in still waiting for the browser, by server. Kept here so
/// "open it again" can only open a page a sign-in asked for, not any URL the window names.
#[derive(Default, Clone)]
pub struct SignInPages(Arc<Mutex<HashMap<String, String>>>);

/// The sign-ins under way, by server, so Cancel can stop one (its loopback listener closes).
#[derive(Default, Clone)]
pub struct SignInTasks(Arc<Mutex<HashMap<String, tokio::task::AbortHandle>>>);

impl SignInTasks {
    fn set(&self, server: &str, task: Option<tokio::task::AbortHandle>) {
        let mut tasks = self.0.lock().unwrap_or_else(|p| p.into_inner());
        match task {
            Some(task) => tasks.insert(server.to_owned(), task),
            None => tasks.remove(server),
        };
    }

    fn cancel(&self, server: &str) -> bool {
        let mut tasks = self.0.lock().unwrap_or_else(|p| p.into_inner());
        tasks.remove(server).map(|t| t.abort()).is_some()
    }
}

impl SignInPages {
    fn set(&self, server: &str, url: Option<&str>) {
        let mut pages = self.0.lock().unwrap_or_else(|p| p.into_inner());
        match url {
            Some(url) => pages.insert(server.to_owned(), url.to_owned()),
            None => pages.remove(server),
        };
    }

    fn get(&self, server: &str) -> Option<String> {
        let pages = self.0.lock().unwrap_or_else(|p| p.into_inner());
        pages.get(server).cloned()
    }
}

/// Signs in to an HTTP server in the browser; resolves once the tokens are in the keychain
/// (or with why the sign-in failed).
#[tauri::command]
#[specta::specta]
pub async fn mcp_login(
    app: AppHandle,
    state: State<'_, AppState>,
    pages: State<'_, SignInPages>,
    tasks: State<'_, SignInTasks>,
    name: String,
) -> CmdResult<()> {
    let service = state.service.clone();
    let waiting = pages.inner().clone();
    let on_url = {
        let waiting = waiting.clone();
        Arc::new(move |server: &str, url: &str| {
            waiting.set(server, Some(url));
            let page = SignInPage {
                server: server.to_owned(),
                url: url.to_owned(),
            };
            if let Err(e) = events::emit(&app, events::McpSignIn(page)) {
                tracing::warn!("sign-in event not delivered: {e}");
            }
        })
    };
    let server = name.clone();
    let task = tokio::spawn(async move { service.mcp_login(&server, on_url).await.map(|_| ()) });
    tasks.set(&name, Some(task.abort_handle()));
    let result = task.await;
    tasks.set(&name, None);
    waiting.set(&name, None);
    match result {
        Ok(done) => done.map_err(CommandError::from),
        Err(e) if e.is_cancelled() => {
            Err(CommandError::new(ErrorCode::Cancelled, "sign-in cancelled"))
        }
        Err(e) => Err(CommandError::new(
            ErrorCode::Internal,
            format!("the sign-in stopped: {e}"),
        )),
    }
}

/// Stops a sign-in that is waiting for the browser.
#[tauri::command]
#[specta::specta]
pub async fn mcp_cancel_sign_in(
    tasks: State<'_, SignInTasks>,
    pages: State<'_, SignInPages>,
    name: String,
) -> CmdResult<bool> {
    pages.set(&name, None);
    Ok(tasks.cancel(&name))
}

/// Opens the page of a sign-in still waiting for the browser again (a closed tab).
#[tauri::command]
#[specta::specta]
pub async fn mcp_open_sign_in_page(pages: State<'_, SignInPages>, name: String) -> CmdResult<()> {
    let url = pages.get(&name).ok_or_else(|| {
        CommandError::new(
            ErrorCode::NotFound,
            format!("no sign-in to {name} is waiting"),
        )
    })?;
    utter::mcp::oauth::open_sign_in_page(&url).map_err(|e| {
        CommandError::new(
            ErrorCode::Internal,
            format!("cannot open the browser ({e}); open the link shown instead"),
        )
    })
}

/// "Sign out and forget": the server's tokens and this machine's registration with it.
#[tauri::command]
#[specta::specta]
pub async fn mcp_logout(state: State<'_, AppState>, name: String) -> CmdResult<()> {
    with_service(state, move |s| s.mcp_logout(&name)).await
}
