//! Due-date reminders: once a minute, tasks whose reminder time passed get a notification
//! (the core decides which and remembers how far it got, so a restart does not repeat them).

use std::sync::Arc;
use std::time::Duration;

use tauri::{AppHandle, Runtime};
use utter::service::{Service, reminder_notice};

use crate::tray;

const EVERY: Duration = Duration::from_secs(30);

pub fn spawn<R: Runtime>(app: AppHandle<R>, service: Arc<Service>) {
    let spawned = std::thread::Builder::new()
        .name("utter-reminders".into())
        .spawn(move || {
            loop {
                tick(&app, &service);
                std::thread::sleep(EVERY);
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("due-date reminders are off: {e}");
    }
}

fn tick<R: Runtime>(app: &AppHandle<R>, service: &Service) {
    let now = chrono::Local::now().naive_local();
    let due = match service.due_reminders(now) {
        Ok(d) => d,
        Err(e) => {
            tracing::warn!("checking due dates: {e}");
            return;
        }
    };
    let Some(notice) = reminder_notice(&due) else {
        return;
    };
    let app = app.clone();
    if let Err(e) = service.notify(&notice, move |action| {
        if action == "open" || action == "default" {
            tray::open_view(&app, "board");
        }
    }) {
        tracing::info!("{e}");
    }
}
