//! Splitting long secrets over several keychain entries.
//!
//! Windows' Credential Manager caps a secret at 2560 bytes of UTF-16, i.e. 1280 code units;
//! OAuth access tokens (JWTs) can be longer. Rather than refusing them, a long value is stored
//! as numbered chunk entries plus a small head entry under the real key that says how many
//! chunks there are. Values under the limit are stored as-is, so short API keys stay readable
//! with the OS's own keychain tools.

use super::{Secret, SecretError, SecretStore};

/// Windows Credential Manager's limit for one secret, in UTF-16 code units.
pub const WINDOWS_MAX_SECRET_UTF16: usize = 1280;

/// Starts with a control character so no real API key or token can look like a head entry.
const HEAD_PREFIX: &str = "\u{1}utter-chunked:v1:";

/// A guard against a damaged head entry asking for millions of reads.
const MAX_CHUNKS: usize = 256;

fn chunk_key(key: &str, i: usize) -> String {
    format!("{key}#chunk{i}")
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// How many chunks `head` says there are, or `None` when it is a plain value.
fn chunk_count(key: &str, head: &Secret) -> Result<Option<usize>, SecretError> {
    let Some(rest) = head.expose().strip_prefix(HEAD_PREFIX) else {
        return Ok(None);
    };
    match rest.parse::<usize>() {
        Ok(n) if (1..=MAX_CHUNKS).contains(&n) => Ok(Some(n)),
        _ => Err(SecretError::Corrupt {
            key: key.to_string(),
            reason: "bad chunk header".into(),
        }),
    }
}

/// Cuts `value` into pieces of at most `max` UTF-16 units, never inside a character.
fn split(value: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0;
    for ch in value.chars() {
        let n = ch.len_utf16();
        if cur_len + n > max && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            cur_len = 0;
        }
        cur.push(ch);
        cur_len += n;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

pub(crate) fn get(raw: &dyn SecretStore, key: &str) -> Result<Option<Secret>, SecretError> {
    let Some(head) = raw.get(key)? else {
        return Ok(None);
    };
    let Some(n) = chunk_count(key, &head)? else {
        return Ok(Some(head));
    };
    let mut value = String::new();
    for i in 1..=n {
        match raw.get(&chunk_key(key, i))? {
            Some(part) => value.push_str(part.expose()),
            None => {
                return Err(SecretError::Corrupt {
                    key: key.to_string(),
                    reason: format!("chunk {i} of {n} is missing"),
                });
            }
        }
    }
    Ok(Some(Secret::new(value)))
}

pub(crate) fn set(
    raw: &dyn SecretStore,
    key: &str,
    value: &Secret,
    max: usize,
) -> Result<(), SecretError> {
    let old_chunks = match raw.get(key) {
        Ok(Some(head)) => chunk_count(key, &head).ok().flatten().unwrap_or(0),
        _ => 0,
    };
    let len = utf16_len(value.expose());
    let new_chunks = if len <= max {
        raw.set(key, value)?;
        0
    } else {
        let parts = split(value.expose(), max);
        if parts.len() > MAX_CHUNKS {
            return Err(SecretError::TooLong {
                key: key.to_string(),
                len,
                max: max * MAX_CHUNKS,
            });
        }
        // Chunks first, head last: a reader never finds a head whose chunks are not written.
        for (i, part) in parts.iter().enumerate() {
            raw.set(&chunk_key(key, i + 1), &Secret::new(part.as_str()))?;
        }
        raw.set(key, &Secret::new(format!("{HEAD_PREFIX}{}", parts.len())))?;
        parts.len()
    };
    for i in (new_chunks + 1)..=old_chunks {
        raw.delete(&chunk_key(key, i))?;
    }
    Ok(())
}

pub(crate) fn delete(raw: &dyn SecretStore, key: &str) -> Result<(), SecretError> {
    let chunks = match raw.get(key) {
        Ok(Some(head)) => chunk_count(key, &head).ok().flatten().unwrap_or(0),
        _ => 0,
    };
    raw.delete(key)?;
    for i in 1..=chunks {
        raw.delete(&chunk_key(key, i))?;
    }
    Ok(())
}

/// Wraps any store so values longer than `max` UTF-16 units are chunked.
#[derive(Debug)]
pub struct Chunked<S> {
    inner: S,
    max: usize,
}

impl<S: SecretStore> Chunked<S> {
    pub fn new(inner: S, max: usize) -> Self {
        Chunked {
            inner,
            max: max.max(1),
        }
    }

    pub fn inner(&self) -> &S {
        &self.inner
    }
}

impl<S: SecretStore> SecretStore for Chunked<S> {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretError> {
        get(&self.inner, key)
    }

    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretError> {
        set(&self.inner, key, value, self.max)
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        delete(&self.inner, key)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::secrets::MemoryStore;

    #[test]
    fn short_values_are_stored_plainly() {
        let s = Chunked::new(MemoryStore::new(), 10);
        s.set("k", &Secret::new("short")).unwrap();
        assert_eq!(s.inner().len(), 1);
        assert_eq!(s.inner().get("k").unwrap().unwrap().expose(), "short");
    }

    #[test]
    fn long_values_round_trip_and_shrink_cleanly() {
        let s = Chunked::new(MemoryStore::new(), 4);
        // Multi-unit characters (emoji are 2 UTF-16 units) must not be cut in half.
        let long = "abcdefghij😀klmnop€";
        s.set("tok", &Secret::new(long)).unwrap();
        assert!(s.inner().len() > 2);
        assert_eq!(s.get("tok").unwrap().unwrap().expose(), long);
        for i in 1..s.inner().len() {
            let part = s.inner().get(&chunk_key("tok", i)).unwrap().unwrap();
            assert!(utf16_len(part.expose()) <= 4);
        }
        // Replacing with a short value removes the old chunks.
        s.set("tok", &Secret::new("x")).unwrap();
        assert_eq!(s.inner().len(), 1);
        assert_eq!(s.get("tok").unwrap().unwrap().expose(), "x");
        s.set("tok", &Secret::new(long)).unwrap();
        s.delete("tok").unwrap();
        assert!(s.inner().is_empty());
        assert_eq!(s.get("tok").unwrap(), None);
    }

    #[test]
    fn windows_sized_token() {
        let s = Chunked::new(MemoryStore::new(), WINDOWS_MAX_SECRET_UTF16);
        let token = "x".repeat(4000);
        s.set("oauth", &Secret::new(token.clone())).unwrap();
        assert_eq!(s.inner().len(), 5); // head + 4 chunks
        assert_eq!(s.get("oauth").unwrap().unwrap().expose(), token);
    }

    #[test]
    fn missing_chunk_is_reported_without_the_value() {
        let s = Chunked::new(MemoryStore::new(), 3);
        s.set("k", &Secret::new("secret-value")).unwrap();
        s.inner().delete(&chunk_key("k", 2)).unwrap();
        let err = s.get("k").unwrap_err().to_string();
        assert!(err.contains("chunk 2"), "{err}");
        assert!(!err.contains("secret"), "{err}");
    }
}
