//! Native desktop notifications (notify-rust: D-Bus on Linux, Notification Center on macOS,
//! toasts on Windows). The service decides *whether* to notify (do-not-disturb); this module
//! only talks to the platform.

mod error;
mod notice;
mod sender;

pub use error::NotifyError;
pub use notice::{Notice, NoticeKind, UNDO_ACTION};
pub use sender::{Notifier, server_info};
