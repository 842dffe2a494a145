//! Auto-update decisions. The desktop shell fetches the signed manifest and installs through
//! `tauri-plugin-updater`; what to accept and when it is safe to restart is decided here,
//! headless, so tests cover it without a window:
//! - [`is_offered`]: which manifest versions count as an update (the plugin's comparator);
//! - [`install_allowed`]: never while a recording or an agent run is under way;
//! - [`Refusal`]: why a downloaded package was not accepted (a bad signature above all).

mod error;
mod gate;
mod offer;

pub use error::UpdateError;
pub use gate::{Activity, install_allowed};
pub use offer::{CHECK_EVERY, check_due, is_offered};

/// How the shell tells the UI where an update stands (the `update` event and
/// `update_status` command).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UpdateStatus {
    /// Nothing newer, or not checked yet.
    Idle,
    /// A newer version was downloaded and its signature verified; a restart installs it.
    Ready {
        version: String,
        notes: Option<String>,
    },
    /// The last check or download failed; the next daily check tries again.
    Failed { reason: String },
}
