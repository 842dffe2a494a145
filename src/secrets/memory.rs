//! An in-process store for tests and for running without a keychain.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::{Secret, SecretError, SecretStore};

/// Keeps secrets in memory only; they are gone when the process ends.
/// Clones share their entries.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    // Values are `Secret`, so the derived Debug still prints `***` for each.
    entries: Arc<Mutex<HashMap<String, Secret>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of stored entries (tests check that chunks get cleaned up).
    pub fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretError> {
        // A panic while holding the lock cannot leave a half-written HashMap entry, so a
        // poisoned lock is still safe to use.
        let map = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(map.get(key).cloned())
    }

    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretError> {
        let mut map = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        map.insert(key.to_string(), value.clone());
        Ok(())
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        let mut map = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        map.remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn round_trip_and_idempotent_delete() {
        let s = MemoryStore::new();
        assert_eq!(s.get("k").unwrap(), None);
        s.set("k", &Secret::new("v1")).unwrap();
        s.set("k", &Secret::new("v2")).unwrap();
        assert_eq!(s.get("k").unwrap().unwrap().expose(), "v2");
        s.delete("k").unwrap();
        s.delete("k").unwrap();
        assert_eq!(s.get("k").unwrap(), None);
        assert!(!format!("{s:?}").contains("v2"));
    }
}
