//! The date resolver over many phrasings against fixed "now" values.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use utter::extract::resolve_due;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
}

fn check(now: &str, cases: &[(&str, &str)]) {
    let now = at(now);
    let mut failures = Vec::new();
    for (phrase, want) in cases {
        let got = resolve_due(phrase, now)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "none".into());
        if got != *want {
            failures.push(format!("{phrase:?}: want {want}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "now {now}:\n{}", failures.join("\n"));
}

/// Wednesday 2 December 2026, 14:30 (the shared sample's "now").
const WED: &str = "2026-12-02T14:30:00";

#[test]
fn relative_days() {
    check(
        WED,
        &[
            ("today", "2026-12-02"),
            ("tonight", "2026-12-02"),
            ("this afternoon", "2026-12-02"),
            ("by EOD", "2026-12-02"),
            ("end of day", "2026-12-02"),
            ("tomorrow", "2026-12-03"),
            ("Tomorrow morning", "2026-12-03"),
            ("tomorrow evening", "2026-12-03"),
            ("day after tomorrow", "2026-12-04"),
            ("the day after tomorrow", "2026-12-04"),
            ("in three days", "2026-12-05"),
            ("in 3 days", "2026-12-05"),
            ("in a couple of days", "2026-12-04"),
            ("in a few days", "2026-12-05"),
            ("in a week", "2026-12-09"),
            ("in two weeks", "2026-12-16"),
            ("in ten days", "2026-12-12"),
            ("a week from today", "2026-12-09"),
            ("two days from tomorrow", "2026-12-05"),
            ("in a month", "2027-01-02"),
            ("in twenty-one days", "2026-12-23"),
        ],
    );
}

#[test]
fn weekdays() {
    check(
        WED,
        &[
            ("Friday", "2026-12-04"),
            ("on Thursday", "2026-12-03"),
            ("by friday", "2026-12-04"),
            ("this Friday", "2026-12-04"),
            ("next Monday", "2026-12-07"),
            ("coming Tuesday", "2026-12-08"),
            ("Saturday", "2026-12-05"),
            ("Sunday", "2026-12-06"),
            // Said on a Wednesday: a bare "Wednesday" is next week's, "this Wednesday" is today.
            ("Wednesday", "2026-12-09"),
            ("next Wednesday", "2026-12-09"),
            // "next" names next week's day even when this week's is still to come.
            ("next Friday", "2026-12-11"),
            ("next Thursday", "2026-12-10"),
            ("this Wednesday", "2026-12-02"),
            ("Monday next week", "2026-12-07"),
            ("next week Friday", "2026-12-11"),
            ("Friday next week", "2026-12-11"),
            ("thurs", "2026-12-03"),
            ("last Friday", "none"),
        ],
    );
}

#[test]
fn monday_said_on_a_monday_is_next_week() {
    check(
        "2026-11-30T08:15:00",
        &[
            ("Monday", "2026-12-07"),
            ("next Monday", "2026-12-07"),
            ("this Monday", "2026-11-30"),
            ("Tuesday", "2026-12-01"),
            ("this week", "2026-12-04"),
            ("end of the week", "2026-12-04"),
            ("next week", "2026-12-07"),
            ("end of month", "2026-11-30"),
            ("end of the month", "2026-11-30"),
            ("the 1st", "2026-12-01"),
            ("the 30th", "2026-11-30"),
        ],
    );
}

#[test]
fn weeks_weekends_months_years() {
    check(
        WED,
        &[
            ("this weekend", "2026-12-05"),
            ("over the weekend", "2026-12-05"),
            ("next weekend", "2026-12-12"),
            ("next week", "2026-12-07"),
            ("this week", "2026-12-04"),
            ("end of the week", "2026-12-04"),
            ("end of next week", "2026-12-11"),
            ("end of month", "2026-12-31"),
            ("by the end of the month", "2026-12-31"),
            ("EOM", "2026-12-31"),
            ("end of next month", "2027-01-31"),
            ("next month", "2027-01-01"),
            ("end of the year", "2026-12-31"),
            ("by year end", "2026-12-31"),
            ("next year", "2027-01-01"),
        ],
    );
    // On a weekend, "this weekend" and "end of the week" are today.
    check(
        "2027-03-13T11:00:00",
        &[
            ("this weekend", "2027-03-13"),
            ("end of the week", "2027-03-13"),
            ("next week", "2027-03-15"),
        ],
    );
    check(
        "2026-12-06T20:00:00",
        &[
            ("this weekend", "2026-12-06"),
            ("Monday", "2026-12-07"),
            ("next Monday", "2026-12-07"),
        ],
    );
}

#[test]
fn calendar_dates_and_rollover() {
    check(
        WED,
        &[
            ("December 10th", "2026-12-10"),
            ("10th of December", "2026-12-10"),
            ("the 10th of December", "2026-12-10"),
            ("Dec 10", "2026-12-10"),
            ("dec. 10", "2026-12-10"),
            ("10 December", "2026-12-10"),
            ("the first of January", "2027-01-01"),
            ("January the first", "2027-01-01"),
            ("January 15th", "2027-01-15"),
            ("November 5", "2027-11-05"),
            ("December 2nd", "2026-12-02"),
            ("March 3rd, 2028", "2028-03-03"),
            ("3 March 2028", "2028-03-03"),
            ("the 3rd", "2026-12-03"),
            ("the 2nd", "2026-12-02"),
            ("the 1st", "2027-01-01"),
            ("the twenty-first", "2026-12-21"),
            ("on the fifteenth", "2026-12-15"),
            ("12/15", "2026-12-15"),
            ("1/5", "2027-01-05"),
            ("1/5/28", "2028-01-05"),
            ("2026-12-10", "2026-12-10"),
            ("2026-12-10T09:00", "2026-12-10T09:00:00"),
            ("2026-12-10 09:00:00", "2026-12-10T09:00:00"),
            ("June 31st", "none"),
            ("13/45", "none"),
        ],
    );
    check(
        "2026-12-31T17:00:00",
        &[
            ("tomorrow", "2027-01-01"),
            ("Monday", "2027-01-04"),
            ("the 5th", "2027-01-05"),
            ("next month", "2027-01-01"),
            ("in two weeks", "2027-01-14"),
            ("end of month", "2026-12-31"),
        ],
    );
}

#[test]
fn month_lengths_and_leap_years() {
    // 2028 is a leap year.
    check(
        "2028-02-28T09:00:00",
        &[
            ("tomorrow", "2028-02-29"),
            ("the 29th", "2028-02-29"),
            ("the 30th", "2028-03-30"),
            ("end of month", "2028-02-29"),
            ("in a month", "2028-03-28"),
            ("Feb 29", "2028-02-29"),
            ("March 2nd", "2028-03-02"),
        ],
    );
    // Not a leap year: Feb 29 waits for 2028, "the 30th" skips to March.
    check(
        "2027-02-26T10:00:00",
        &[
            ("Feb 29", "2028-02-29"),
            ("the 29th", "2027-03-29"),
            ("the 30th", "2027-03-30"),
            ("end of the month", "2027-02-28"),
            ("the 3rd", "2027-03-03"),
            ("Monday", "2027-03-01"),
        ],
    );
    // "the 31st" in a 30-day month means the next month that has a 31st.
    check(
        "2027-04-30T16:45:00",
        &[
            ("the 31st", "2027-05-31"),
            ("the thirty-first", "2027-05-31"),
            ("end of the week", "2027-04-30"),
            ("first of May", "2027-05-01"),
        ],
    );
    check(
        "2027-01-31T18:00:00",
        &[
            ("in a month", "2027-02-28"),
            ("the 31st", "2027-01-31"),
            ("the 30th", "2027-03-30"),
        ],
    );
}

#[test]
fn times() {
    check(
        WED,
        &[
            ("at 3pm", "2026-12-02T15:00:00"),
            ("3 PM", "2026-12-02T15:00:00"),
            ("at 3 p.m.", "2026-12-02T15:00:00"),
            ("at 2pm", "2026-12-03T14:00:00"),
            ("at 15:30", "2026-12-02T15:30:00"),
            ("at noon", "2026-12-03T12:00:00"),
            ("at 3", "2026-12-02T15:00:00"),
            ("at nine", "2026-12-03T09:00:00"),
            ("tomorrow at 3pm", "2026-12-03T15:00:00"),
            ("tomorrow at nine", "2026-12-03T09:00:00"),
            ("tomorrow at nine thirty", "2026-12-03T09:30:00"),
            ("Friday at 2:30pm", "2026-12-04T14:30:00"),
            ("at 9am on Monday", "2026-12-07T09:00:00"),
            ("Monday at 9am", "2026-12-07T09:00:00"),
            ("tomorrow at 12am", "2026-12-03T00:00:00"),
            ("at 7 in the evening", "2026-12-02T19:00:00"),
            ("Thursday midnight", "2026-12-03"),
            ("December 10th at 10am", "2026-12-10T10:00:00"),
            ("ten o'clock", "2026-12-03T10:00:00"),
        ],
    );
}

#[test]
fn interim_fallback_for_bare_durations() {
    // Forms our grammar leaves to `interim` (what an LLM might hand back).
    check(
        WED,
        &[
            ("3 days", "2026-12-05"),
            ("2 weeks", "2026-12-16"),
            ("1 month", "2027-01-02"),
            ("3h", "2026-12-02T17:30:00"),
        ],
    );
}

#[test]
fn rejects_non_dates() {
    let now = at(WED);
    for p in [
        "",
        "   ",
        "the budget",
        "call Bob",
        "Q3",
        "covid-19",
        "24/7 support",
        "may I",
        "a few",
        "😀",
        "\u{0}\u{7}",
        "第三天",
    ] {
        assert_eq!(resolve_due(p, now), None, "{p:?}");
    }
    let long = "tomorrow ".repeat(1000);
    assert_eq!(resolve_due(&long, now), None);
    assert_eq!(
        resolve_due("Tomorrow", now).map(|d| d.date()),
        NaiveDate::from_ymd_opt(2026, 12, 3)
    );
}
