//! Commands behind the MCP servers page: list, add, import, remove, and a server's tools.

use tauri::State;
use utter::service::{McpImport, McpServerView, McpToolView, NewMcpServer};

use crate::AppState;
use crate::commands::with_service;
use crate::error::{CmdResult, CommandError};

#[tauri::command]
pub async fn list_mcp_servers(state: State<'_, AppState>) -> CmdResult<Vec<McpServerView>> {
    with_service(state, |s| s.mcp_views()).await
}

#[tauri::command]
pub async fn add_mcp_server(state: State<'_, AppState>, server: NewMcpServer) -> CmdResult<()> {
    let secrets = state.secrets.clone();
    with_service(state, move |s| s.mcp_add_new(server, secrets.as_ref())).await
}

/// Imports Claude Desktop's config (its usual place when `path` is empty).
#[tauri::command]
pub async fn import_mcp_servers(
    state: State<'_, AppState>,
    path: Option<String>,
) -> CmdResult<McpImport> {
    let secrets = state.secrets.clone();
    let path = path
        .filter(|p| !p.trim().is_empty())
        .map(std::path::PathBuf::from)
        .or_else(utter::mcp::claude_desktop_config_path)
        .ok_or_else(|| {
            CommandError::new("no Claude Desktop config found; give the file's path", true)
        })?;
    with_service(state, move |s| s.mcp_import(&path, secrets.as_ref())).await
}

#[tauri::command]
pub async fn remove_mcp_server(state: State<'_, AppState>, name: String) -> CmdResult<bool> {
    let secrets = state.secrets.clone();
    with_service(state, move |s| s.mcp_remove(&name, secrets.as_ref())).await
}

/// Whether agents may call the server's read-only tools without asking.
#[tauri::command]
pub async fn set_mcp_server_trusted(
    state: State<'_, AppState>,
    name: String,
    trusted: bool,
) -> CmdResult<()> {
    with_service(state, move |s| s.mcp_set_trusted(&name, trusted)).await
}

/// Starts the server to list its tools (and so shows whether it starts at all).
#[tauri::command]
pub async fn mcp_server_tools(
    state: State<'_, AppState>,
    name: String,
) -> CmdResult<Vec<McpToolView>> {
    let service = state.service.clone();
    let secrets = state.secrets.clone();
    service
        .mcp_tool_views(&name, secrets.as_ref())
        .await
        .map_err(CommandError::from)
}
