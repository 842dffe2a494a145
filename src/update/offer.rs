use std::time::{Duration, SystemTime};

use semver::Version;

/// The app checks at start and then this often.
pub const CHECK_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// Whether a check is due: never checked, a day since the last one, or the clock went back.
/// Measured on the wall clock, which (unlike a sleeping timer) counts the hours a laptop
/// spent suspended.
pub fn check_due(last: Option<SystemTime>, now: SystemTime) -> bool {
    match last {
        None => true,
        Some(t) => now.duration_since(t).map_or(true, |d| d >= CHECK_EVERY),
    }
}

/// Whether `remote` (from the signed release manifest) is an update for `current`: strictly
/// newer, and a pre-release only for someone already on a pre-release, so a stable user is
/// never moved onto a beta. Never a downgrade, whatever the manifest says.
pub fn is_offered(current: &Version, remote: &Version) -> bool {
    if remote <= current {
        return false;
    }
    remote.pre.is_empty() || !current.pre.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn only_strictly_newer_versions_are_offered() {
        assert!(is_offered(&v("0.1.0"), &v("0.2.0")));
        assert!(is_offered(&v("0.1.9"), &v("0.1.10")));
        assert!(!is_offered(&v("0.2.0"), &v("0.2.0")));
        assert!(!is_offered(&v("0.2.0"), &v("0.1.0")));
    }

    #[test]
    fn a_check_is_due_at_start_and_then_daily() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        assert!(check_due(None, t0));
        assert!(!check_due(Some(t0), t0 + Duration::from_secs(23 * 3600)));
        assert!(check_due(Some(t0), t0 + CHECK_EVERY));
        // The clock was set back: check rather than wait a day past the old time.
        assert!(check_due(Some(t0), t0 - Duration::from_secs(60)));
    }

    #[test]
    fn betas_only_reach_beta_users() {
        assert!(!is_offered(&v("0.1.0"), &v("0.2.0-beta.1")));
        assert!(is_offered(&v("0.2.0-beta.1"), &v("0.2.0-beta.2")));
        assert!(is_offered(&v("0.2.0-beta.2"), &v("0.2.0")));
    }
}
