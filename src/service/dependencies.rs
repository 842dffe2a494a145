//! What a [`Service`](super::Service) works through besides its data dir, chosen once when it
//! is opened: the CLI and the app get a `Service` and never build these themselves.

use std::sync::Arc;

use crate::notify::Notifier;
use crate::secrets::{KeyringStore, SecretStore};

/// The service's outside parts. `Default` is the real machine's: the OS keychain and the
/// desktop's notifications. Tests and embedders replace what they need:
/// `Dependencies::default().with_secrets(MemoryStore::new())`.
///
/// There is no clock here: calls whose outcome depends on the date (extraction, reminders,
/// schedules, the daily backup) take a `now` argument, which tests set.
pub struct Dependencies {
    /// Where API keys, MCP secrets and sign-in tokens live.
    pub secrets: Arc<dyn SecretStore>,
    /// How notices reach the user (the service decides whether, see `Service::notify`).
    pub notifier: Notifier,
}

impl Default for Dependencies {
    fn default() -> Self {
        Self {
            secrets: Arc::new(KeyringStore::new()),
            notifier: Notifier::default(),
        }
    }
}

impl Dependencies {
    /// The same, with secrets kept in `secrets` instead of the OS keychain.
    pub fn with_secrets(mut self, secrets: impl SecretStore + 'static) -> Self {
        self.secrets = Arc::new(secrets);
        self
    }
}

impl std::fmt::Debug for Dependencies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dependencies")
            .field("notifier", &self.notifier)
            .finish_non_exhaustive()
    }
}
