//! Turns agent activity into the tray icon and notifications: "approval needed" (Review
//! opens the inbox), "<agent> finished" (Open shows the task) and "sign in again" (opens
//! the MCP servers page). Checked on every change
//! event, including writes by the CLI in another process.

use std::sync::{Arc, Mutex};

use tauri::{AppHandle, Runtime};
use tokio::sync::broadcast::error::RecvError;
use utter::notify::NoticeKind;
use utter::service::{AgentTray, AgentWatch, ChangeEvent, OPEN_ACTION, Service};

use crate::tray::{self, TrayState};

pub fn spawn<R: Runtime>(app: AppHandle<R>, service: Arc<Service>) {
    let watch = match AgentWatch::new(&service) {
        Ok(w) => Arc::new(Mutex::new(w.with_sign_in_check())),
        Err(e) => {
            tracing::warn!("agent notifications are off: {e}");
            return;
        }
    };
    let mut rx = service.subscribe();
    check(&app, &service, &watch);
    tauri::async_runtime::spawn(async move {
        loop {
            match rx.recv().await {
                Ok(
                    ChangeEvent::RunUpdated { .. }
                    | ChangeEvent::ApprovalCreated { .. }
                    | ChangeEvent::ApprovalDecided { .. }
                    | ChangeEvent::External,
                )
                | Err(RecvError::Lagged(_)) => check(&app, &service, &watch),
                Ok(_) => {}
                Err(RecvError::Closed) => return,
            }
        }
    });
}

fn check<R: Runtime>(app: &AppHandle<R>, service: &Arc<Service>, watch: &Mutex<AgentWatch>) {
    let update = {
        let mut w = watch.lock().unwrap_or_else(|p| p.into_inner());
        w.poll(service)
    };
    let update = match update {
        Ok(u) => u,
        Err(e) => {
            tracing::warn!("checking agent activity: {e}");
            return;
        }
    };
    tray::set_agent_state(
        app,
        match update.tray {
            AgentTray::Idle => TrayState::Idle,
            AgentTray::Running => TrayState::AgentRunning,
            AgentTray::ApprovalWaiting => TrayState::ApprovalWaiting,
        },
    );
    for (notice, task) in update.notices {
        let app = app.clone();
        let view = match (notice.kind, task) {
            (NoticeKind::SignInNeeded, _) => "mcp".to_owned(),
            (NoticeKind::ApprovalNeeded, _) | (_, None) => "approvals".to_owned(),
            (_, Some(id)) => format!("task:{id}"),
        };
        let sent = service.notify(&notice, move |action| {
            if action == OPEN_ACTION || action == "default" {
                tray::open_view(&app, &view);
            }
        });
        if let Err(e) = sent {
            tracing::info!("{e}");
        }
    }
}
