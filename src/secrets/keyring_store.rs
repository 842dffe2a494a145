//! The OS keychain through the `keyring` crate.

use super::chunked::{self, WINDOWS_MAX_SECRET_UTF16};
use super::{SERVICE, Secret, SecretError, SecretStore};

/// Secrets in the OS keychain under service [`SERVICE`], one entry per key name.
///
/// On Windows, values longer than [`WINDOWS_MAX_SECRET_UTF16`] are split over several
/// entries (see `chunked`); elsewhere the platform stores them whole.
#[derive(Debug, Clone)]
pub struct KeyringStore {
    service: String,
    chunk_limit: Option<usize>,
}

impl Default for KeyringStore {
    fn default() -> Self {
        Self::new()
    }
}

impl KeyringStore {
    pub fn new() -> Self {
        KeyringStore {
            service: SERVICE.to_string(),
            chunk_limit: cfg!(windows).then_some(WINDOWS_MAX_SECRET_UTF16),
        }
    }

    /// A store under another service name, so tests never touch the user's real entries.
    pub fn with_service(service: impl Into<String>) -> Self {
        KeyringStore {
            service: service.into(),
            ..Self::new()
        }
    }

    /// Forces chunking above `limit` UTF-16 units on any platform (tests exercise the
    /// Windows path against a real Secret Service this way); `None` stores values whole.
    pub fn with_chunk_limit(mut self, limit: Option<usize>) -> Self {
        self.chunk_limit = limit;
        self
    }

    fn raw(&self) -> Raw<'_> {
        Raw {
            service: &self.service,
        }
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretError> {
        match self.chunk_limit {
            Some(_) => chunked::get(&self.raw(), key),
            None => self.raw().get(key),
        }
    }

    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretError> {
        match self.chunk_limit {
            Some(max) => chunked::set(&self.raw(), key, value, max),
            None => self.raw().set(key, value),
        }
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        match self.chunk_limit {
            Some(_) => chunked::delete(&self.raw(), key),
            None => self.raw().delete(key),
        }
    }
}

/// One keychain entry per key, no chunking.
struct Raw<'a> {
    service: &'a str,
}

impl Raw<'_> {
    fn entry(&self, key: &str) -> Result<keyring::Entry, SecretError> {
        if key.trim().is_empty() {
            return Err(SecretError::InvalidKey {
                key: key.to_string(),
                reason: "empty".into(),
            });
        }
        keyring::Entry::new(self.service, key).map_err(|e| map_err(key, e))
    }
}

impl SecretStore for Raw<'_> {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretError> {
        match self.entry(key)?.get_password() {
            Ok(v) => Ok(Some(Secret::new(v))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_err(key, e)),
        }
    }

    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretError> {
        self.entry(key)?
            .set_password(value.expose())
            .map_err(|e| match e {
                keyring::Error::TooLong(_, max) => SecretError::TooLong {
                    key: key.to_string(),
                    len: value.expose().encode_utf16().count(),
                    max: max as usize,
                },
                e => map_err(key, e),
            })
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_err(key, e)),
        }
    }
}

/// Maps keyring's errors by hand: some of its variants carry the secret's bytes
/// (`BadEncoding`) or whole credentials (`Ambiguous`), which must not reach a message.
fn map_err(key: &str, e: keyring::Error) -> SecretError {
    let key = key.to_string();
    match e {
        keyring::Error::NoStorageAccess(inner) => SecretError::Unavailable(one_line(&inner)),
        keyring::Error::PlatformFailure(inner) => SecretError::Platform {
            key,
            message: one_line(&inner),
        },
        keyring::Error::BadEncoding(_) => SecretError::BadEncoding { key },
        keyring::Error::TooLong(_, max) => SecretError::TooLong {
            key,
            len: 0,
            max: max as usize,
        },
        keyring::Error::Invalid(attr, reason) => SecretError::InvalidKey {
            key,
            reason: format!("{attr}: {reason}"),
        },
        keyring::Error::Ambiguous(items) => SecretError::Platform {
            key,
            message: format!("{} entries match; remove the duplicates", items.len()),
        },
        keyring::Error::NoEntry => SecretError::Platform {
            key,
            message: "no entry".into(),
        },
        // keyring::Error is non_exhaustive.
        other => SecretError::Platform {
            key,
            message: one_line(&other),
        },
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string().replace(['\n', '\r'], " ")
}
