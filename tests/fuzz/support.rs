use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};

/// Random inputs each target gets in a plain `cargo test` run, on top of its corpus
/// (`BOLERO_RANDOM_ITERATIONS` overrides it).
pub const ITERATIONS: usize = 1000;

/// The moments relative dates are read against: an ordinary Monday morning, the last
/// second of a leap day, and late on New Year's Eve (rolls into next year).
pub fn nows() -> [NaiveDateTime; 3] {
    let at = |y, m, d, h, min, s| {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, s))
            .unwrap()
    };
    [
        at(2026, 11, 23, 9, 0, 0),
        at(2028, 2, 29, 23, 59, 59),
        at(2026, 12, 31, 23, 30, 0),
    ]
}

/// The fuzzer's bytes as the text a user could have typed or pasted.
pub fn text(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}
