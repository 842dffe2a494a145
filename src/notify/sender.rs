use super::{Notice, NotifyError};

/// Sends notices as the app `app_name`.
#[derive(Debug, Clone)]
pub struct Notifier {
    app_name: String,
}

impl Default for Notifier {
    fn default() -> Self {
        Self::new("Utter")
    }
}

impl Notifier {
    pub fn new(app_name: &str) -> Self {
        Self {
            app_name: app_name.to_owned(),
        }
    }

    /// Shows `notice`. When it has buttons, `on_action` gets the id of the one clicked (or
    /// `"__closed"` when dismissed) on a background thread; it is never called where the
    /// platform cannot report clicks.
    pub fn send(
        &self,
        notice: &Notice,
        on_action: impl FnOnce(&str) + Send + 'static,
    ) -> Result<(), NotifyError> {
        let mut n = notify_rust::Notification::new();
        n.appname(&self.app_name)
            .summary(&notice.title)
            .body(&notice.body);
        for (id, label) in &notice.actions {
            n.action(id, label);
        }
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            use super::NoticeKind;
            n.urgency(match notice.kind {
                NoticeKind::Error | NoticeKind::ApprovalNeeded => notify_rust::Urgency::Critical,
                _ => notify_rust::Urgency::Normal,
            });
            // Critical notifications never expire by default on most daemons; an approval
            // should stay, a "tasks added" should not.
            if notice.kind == NoticeKind::TasksAdded {
                n.timeout(notify_rust::Timeout::Milliseconds(8000));
            }
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        let _ = notice.kind;
        let handle = n
            .show()
            .map_err(|e| NotifyError::Unavailable(e.to_string()))?;
        // macOS delivers clicks on the main run loop only: waiting here would park a thread
        // forever, so buttons there just open the app.
        #[cfg(not(target_os = "macos"))]
        if !notice.actions.is_empty() {
            let spawned = std::thread::Builder::new()
                .name("utter-notify-action".into())
                .spawn(move || handle.wait_for_action(on_action));
            if let Err(e) = spawned {
                tracing::warn!("cannot wait for a notification click: {e}");
            }
        }
        #[cfg(target_os = "macos")]
        let _ = (handle, on_action);
        Ok(())
    }
}

/// The running notification server's name (Linux), so the app can say up front that
/// notifications will not show.
pub fn server_info() -> Result<String, NotifyError> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        notify_rust::get_server_information()
            .map(|i| format!("{} {}", i.name, i.version))
            .map_err(|e| NotifyError::Unavailable(e.to_string()))
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        Ok("system notifications".to_owned())
    }
}
