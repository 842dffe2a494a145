//! Notices commits made by other connections (the CLI in another terminal, a second
//! process) by polling SQLite's `PRAGMA data_version` on the service's own connection,
//! which changes only when someone else commits.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{ChangeEvent, Service};

/// Stops the watcher thread when dropped.
#[derive(Debug)]
pub struct ExternalWatch {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Drop for ExternalWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

impl Service {
    /// Starts polling for other processes' writes every `interval`; each one is announced
    /// as [`ChangeEvent::External`].
    pub fn watch_external(self: &Arc<Self>, interval: Duration) -> std::io::Result<ExternalWatch> {
        let stop = Arc::new(AtomicBool::new(false));
        let weak: Weak<Service> = Arc::downgrade(self);
        let flag = stop.clone();
        let handle = std::thread::Builder::new()
            .name("utter-db-watch".into())
            .spawn(move || poll(weak, flag, interval))?;
        Ok(ExternalWatch {
            stop,
            handle: Some(handle),
        })
    }
}

fn poll(service: Weak<Service>, stop: Arc<AtomicBool>, interval: Duration) {
    let mut last: Option<i64> = None;
    let mut restored_at: Option<String> = None;
    while !stop.load(Ordering::Relaxed) {
        let Some(svc) = service.upgrade() else { return };
        // Bound first: the store's lock must be released before the match takes it again.
        let version = svc.store().data_version();
        match version {
            Ok(v) if last != Some(v) => {
                let marker = svc
                    .get_setting(crate::backup::RESTORED_AT_SETTING)
                    .ok()
                    .flatten();
                if last.is_some() {
                    // Another process restored a backup: what this one holds in memory
                    // belongs to the old board.
                    if marker != restored_at {
                        svc.forget_board_caches();
                    }
                    svc.feed.emit(ChangeEvent::External);
                }
                restored_at = marker;
                last = Some(v);
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not poll the database for changes"),
        }
        drop(svc);
        std::thread::sleep(interval);
    }
}
