use thiserror::Error;

#[derive(Debug, Error)]
pub enum NotifyError {
    /// No notification daemon answered (Linux without a desktop session, a bare window
    /// manager, a headless box).
    #[error(
        "notifications are unavailable: no notification service is running ({0}); \
         start one (e.g. dunst, or your desktop's) to get notifications"
    )]
    Unavailable(String),
}
