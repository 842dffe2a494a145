//! Requests per minute per provider, shared by everything in this process that talks to the
//! same endpoint (extraction, agent runs, the chat), so a busy agent cannot push the chat
//! into the provider's 429s. Requests are spread evenly: at most one every 60/N seconds.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, LazyLock, Mutex};

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

type Limiters = HashMap<(String, u32), Arc<DefaultDirectRateLimiter>>;

static LIMITERS: LazyLock<Mutex<Limiters>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The limiter for `endpoint` at `rpm` requests per minute; `None` when unlimited.
pub(crate) fn limiter(endpoint: &str, rpm: Option<u32>) -> Option<Arc<DefaultDirectRateLimiter>> {
    let per_minute = NonZeroU32::new(rpm?)?;
    let mut all = LIMITERS.lock().ok()?;
    let entry = all
        .entry((endpoint.to_owned(), per_minute.get()))
        .or_insert_with(|| {
            // One request at a time, evenly spaced: bursts are what providers punish.
            Arc::new(RateLimiter::direct(
                Quota::per_minute(per_minute).allow_burst(NonZeroU32::MIN),
            ))
        });
    Some(Arc::clone(entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_limiter_per_endpoint_and_rate() {
        assert!(limiter("http://a/v1", None).is_none());
        assert!(limiter("http://a/v1", Some(0)).is_none());
        let a = limiter("http://a/v1", Some(60));
        let b = limiter("http://a/v1", Some(60));
        let c = limiter("http://b/v1", Some(60));
        match (a, b, c) {
            (Some(a), Some(b), Some(c)) => {
                assert!(Arc::ptr_eq(&a, &b));
                assert!(!Arc::ptr_eq(&a, &c));
                // The first request goes at once, the second must wait its turn.
                assert!(a.check().is_ok());
                assert!(b.check().is_err());
                assert!(c.check().is_ok());
            }
            _ => panic!("limiters missing"),
        }
    }
}
