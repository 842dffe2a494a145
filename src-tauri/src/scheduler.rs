//! Scheduled agents: every half minute the core says which agents' daily time has come
//! (and marks it done for the day); each of their open tasks gets a run in the background.

use std::sync::Arc;
use std::time::Duration;

use tauri::{AppHandle, Runtime};
use utter::service::Service;

use crate::agent_commands;

const EVERY: Duration = Duration::from_secs(30);

pub fn spawn<R: Runtime>(app: AppHandle<R>, service: Arc<Service>) {
    let spawned = std::thread::Builder::new()
        .name("utter-scheduler".into())
        .spawn(move || {
            loop {
                tick(&app, &service);
                std::thread::sleep(EVERY);
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("scheduled agents are off: {e}");
    }
}

fn tick<R: Runtime>(app: &AppHandle<R>, service: &Service) {
    let now = chrono::Local::now().naive_local();
    let due = match service.due_scheduled(now) {
        Ok(d) => d,
        Err(e) => {
            tracing::warn!("checking agent schedules: {e}");
            return;
        }
    };
    for (agent, task) in due {
        agent_commands::start_in_background(app, &agent, task);
    }
}
