//! Secrets (API keys, OAuth tokens) live in the OS keychain, never in SQLite or config files.
//!
//! Everything goes through [`SecretStore`] so the rest of the core can be tested with
//! [`MemoryStore`]; [`KeyringStore`] is the real one (macOS Keychain, Windows Credential
//! Manager, Secret Service on Linux) under the service name [`SERVICE`].
//!
//! The keychain calls block (D-Bus round trips on Linux, a possible unlock prompt on macOS):
//! call them from `tokio::task::spawn_blocking` when inside async code.

mod chunked;
mod keyring_store;
mod memory;
pub mod redact;

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

pub use chunked::{Chunked, WINDOWS_MAX_SECRET_UTF16};
pub use keyring_store::KeyringStore;
pub use memory::MemoryStore;

/// The keychain service name every Utter secret is filed under.
pub const SERVICE: &str = "utter";

/// A secret value. Its `Debug` and `Display` print `***`, it has no `Serialize`, and its
/// memory is zeroed on drop, so it cannot end up in logs, errors or JSON by accident.
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        redact::remember(&value);
        Secret(SecretString::from(value))
    }

    /// The plain value. Call it only where the secret leaves the process on purpose
    /// (an HTTP header, the keychain).
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Errors from a secret store. Messages name the key, never the value.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "the OS keychain is not available: {0}; on Linux start a Secret Service (e.g. gnome-keyring) and unlock it"
    )]
    Unavailable(String),
    #[error("the OS keychain failed on '{key}': {message}")]
    Platform { key: String, message: String },
    #[error("the keychain entry '{key}' is not valid UTF-8 text; delete it and set it again")]
    BadEncoding { key: String },
    #[error("the secret for '{key}' is {len} UTF-16 units; this keychain stores at most {max}")]
    TooLong { key: String, len: usize, max: usize },
    #[error("the keychain entry '{key}' is damaged ({reason}); delete it and set it again")]
    Corrupt { key: String, reason: String },
    #[error("invalid keychain key name '{key}': {reason}")]
    InvalidKey { key: String, reason: String },
}

/// One interface over the keychain. The service owns the one it uses (`Dependencies`), as an
/// `Arc<dyn SecretStore>` that MCP connections also hold to refresh tokens.
pub trait SecretStore: Send + Sync {
    /// The secret stored under `key`, or `None` when there is none.
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretError>;
    /// Stores (or replaces) the secret under `key`.
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretError>;
    /// Removes the secret under `key`; removing a missing key is not an error.
    fn delete(&self, key: &str) -> Result<(), SecretError>;
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn secret_never_prints_its_value() {
        let s = Secret::new("sk-live-1234567890");
        assert_eq!(format!("{s:?}"), "***");
        assert_eq!(format!("{s}"), "***");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some(***)");
        assert_eq!(s.expose(), "sk-live-1234567890");
    }
}
