//! Words that are dates on their own: weekday and month names, ordinals, and the holidays
//! that fall on one day every year.

use chrono::{Datelike, NaiveDate};

/// "wednesday", "tomorrow", "14th": a word that is part of a date.
pub(crate) fn is_date_word(w: &str) -> bool {
    let w = w.to_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    matches!(
        w.as_str(),
        "fourteenth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "tomorrow"
            | "tonight"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "morning"
            | "afternoon"
            | "evening"
            | "noon"
            | "midnight"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "next"
            | "end"
    ) || (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
}

/// The next Christmas Eve, New Year's Eve, … on or after `today`.
pub(super) fn holiday(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let s = s.replace('\'', "");
    let (month, day) = [
        ("christmas eve", (12, 24)),
        ("christmas day", (12, 25)),
        ("boxing day", (12, 26)),
        ("new years eve", (12, 31)),
        ("new years day", (1, 1)),
        ("halloween", (10, 31)),
        ("valentines day", (2, 14)),
        ("patricks day", (3, 17)),
    ]
    .into_iter()
    .find(|(name, _)| s.contains(name))?
    .1;
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day)?;
    if this_year >= today {
        Some(this_year)
    } else {
        NaiveDate::from_ymd_opt(today.year() + 1, month, day)
    }
}
