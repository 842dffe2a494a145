//! Finding and resolving spoken due dates ("tomorrow at 3pm", "the first of January", "in two weeks").
//!
//! Choices where English is ambiguous (tests pin each one):
//! - A bare weekday, "next <weekday>" and "coming <weekday>" mean the first such day strictly after
//!   today, so "Monday" said on a Monday is next week's Monday. "this <weekday>" may be today.
//!   "<weekday> next week" / "next week <weekday>" mean that day in the following Monday-Sunday week.
//! - "next week" is next Monday; "this week", "end of the week" are this Friday (today on a weekend);
//!   "this weekend" is Saturday (today on a Saturday or Sunday); "next weekend" is next week's Saturday.
//! - "next month" / "next year" are their first day; "end of (the) month/year" their last day.
//! - "the 31st" is the next day numbered 31 on or after today, skipping months that lack it.
//! - A month and day without a year is this year, or next year once it has passed
//!   (Feb 29 waits for the next leap year).
//! - A time alone ("at 3pm") is today if still ahead, else tomorrow. A bare hour after "at"
//!   ("at 3", "at nine") is read as 08:00-19:00. "midnight", "morning", "tonight" give a date only.
//! - Numeric dates are US month/day ("12/15").

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

mod events;
mod iso;
mod words;

pub(crate) use events::dated_things;
use events::{event_said_after, known_event, names_a_thing};
use iso::add_iso_dates;
use regex::Regex;
use words::holiday;
pub(crate) use words::is_date_word;

use super::numbers::{cardinal_alternation, ordinal_alternation, parse_number};
use crate::model::Due;

const WEEKDAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|weds";
const WEEKDAYS_LOOSE: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|tue|thurs|thur|thu|weds|wed|mon|fri|sat|sun";
const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const HOUR_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
const PREPS: &str = r"by|on|before|until|till|due|for|from|at|around|sometime|no\s+later\s+than";

/// A date phrase found in a clause, with what it resolved to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateHit {
    pub start: usize,
    pub end: usize,
    pub day: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    /// "tomorrow's workshop": the date names the object, so the words stay in the title.
    pub possessive: bool,
    /// "by then": the date is the one said just before.
    pub anaphoric: bool,
    /// For an anaphoric date, days from the date said before ("two days before": -2).
    pub offset: i64,
}

impl DateHit {
    /// The due date this phrase gives, borrowing `context` when only a time was said.
    pub fn due(&self, now: NaiveDateTime, context: Option<NaiveDate>) -> Option<Due> {
        finish(self.day.or(context), self.time, now)
    }
}

struct Patterns {
    find: Regex,
    then: Regex,
    relative: Regex,
    day_after: Regex,
    end_of: Regex,
    end_of_month: Regex,
    abbrev_end: Regex,
    wd_day: Regex,
    week_wd: Regex,
    wd_week: Regex,
    weekday: Regex,
    period: Regex,
    weekend: Regex,
    today: Regex,
    tomorrow: Regex,
    in_n: Regex,
    from_now: Regex,
    month_day: Regex,
    day_month: Regex,
    numeric: Regex,
    ordinal: Regex,
    t_ampm: Regex,
    t_colon: Regex,
    t_noon: Regex,
    t_bare: Regex,
    t_oclock: Regex,
    later_part: Regex,
}

fn build() -> Option<Patterns> {
    let card = cardinal_alternation();
    let ord = ordinal_alternation();
    let ordn = format!(r"\d{{1,2}}(?:st|nd|rd|th)|{ord}");
    let daynum = format!(r"\d{{1,2}}(?:st|nd|rd|th)?|{ord}");
    let qty = format!(r"\d{{1,3}}|{card}|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|a|an");
    let wd = WEEKDAYS;
    let mon = MONTHS;
    let day = [
        r"(?:the\s+)?day\s+after\s+tomorrow".to_string(),
        // Fixed-date holidays; "Christmas" alone is a season more often than a deadline.
        r"christmas\s+(?:eve|day)|boxing\s+day|new\s+year'?s\s+(?:eve|day)|halloween|valentine'?s\s+day|st\.?\s+patrick'?s\s+day".into(),
        // "by end of day tomorrow": the end of tomorrow, not of today.
        r"(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:day|business)|eod|cob)\s+tomorrow".into(),
        r"(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+|next\s+)?(?:week|month|year|day|business)".into(),
        // "till end of May": the month's last day.
        format!(r"(?:the\s+)?end\s+of\s+(?:{mon})"),
        r"eod|eow|eom|cob".into(),
        // "year-end update" is an adjective; only "by year end" is a date.
        r"(?:by|at|before|until|till)\s+(?:the\s+)?(?:month|year)[- ]end".into(),
        format!(r"next\s+week(?:'s)?\s+(?:{wd})|(?:{wd})(?:'s)?\s+next\s+week"),
        // "Thursday week", "a week on Thursday": the coming Thursday and seven days.
        format!(r"(?:{wd})\s+week\b|a\s+week\s+on\s+(?:{wd})"),
        // "Friday the 11th", "Friday 11th December": the day's number says which Friday.
        format!(r"(?:{wd}),?\s+(?:the\s+)?(?:(?:{ordn})(?:\s+(?:of\s+)?(?:{mon}))?|\d{{1,2}}\s+(?:of\s+)?(?:{mon}))"),
        // Not a bare "coming": in "Mum's coming Saturday" it is her coming ("for coming
        // Saturday" is the day's). The day is the same either way.
        format!(r"(?:(?:this\s+coming|this|next)\s+|(?:for|on)\s+coming\s+)?(?:{wd})(?:'s)?"),
        r"(?:early\s+|later\s+|late\s+)?(?:this|next)\s+(?:weekend|week|month|year)(?:'s)?".into(),
        r"(?:over\s+)?the\s+weekend".into(),
        r"(?:tomorrow|tmrw|today|tonight)(?:'s)?".into(),
        r"this\s+(?:morning|afternoon|evening)".into(),
        format!(r"in\s+(?:{qty})\s+(?:days?|weeks?|fortnights?|months?|years?)"),
        format!(r"(?:{qty})\s+(?:days?|weeks?|months?)\s+from\s+(?:now|today|tomorrow)"),
        format!(r"(?:{mon})\.?\s+(?:the\s+)?(?:{daynum})(?:,?\s+\d{{4}})?"),
        format!(r"(?:the\s+)?(?:{ordn}|\d{{1,2}})\s+(?:of\s+)?(?:{mon})(?:,?\s+\d{{4}})?"),
        r"\d{4}-\d{2}-\d{2}".into(),
        r"\d{1,2}/\d{1,2}(?:/\d{2,4})?".into(),
        format!(r"(?:on|by|before|until|till|for|due|from|after)\s+the\s+(?:{ordn})"),
        r"the\s+\d{1,2}(?:st|nd|rd|th)".into(),
        // "due on 18th", "pay by 15th", "last date is 20th": the day's number without "the",
        // as many say it ("deadline is" is `DEADLINE_RE`'s)
        // ("on 2nd floor" names a thing: `names_a_thing`).
        r"(?:on|by|before|until|till|due)\s+\d{1,2}(?:st|nd|rd|th)".into(),
        format!(r"(?:the\s+)?(?:last|due|closing)\s+date\s+is\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)(?:\s+(?:of\s+)?(?:{mon}))?"),
    ]
    .join("|");
    let part = r"(?:\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night|midnight))?";
    let time_core = r"\d{1,2}(?::\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2}|noon|midday|midnight|lunchtime";
    let time_bare = format!(
        r"(?:at|around|by)\s+(?:\d{{1,2}}|{HOUR_WORDS})(?:\s+o'?clock)?(?:\s+(?:thirty|fifteen|forty[- ]five))?"
    );
    let time_oclock = format!(r"(?:{HOUR_WORDS}|\d{{1,2}})\s+o'?clock");
    let time = format!(
        r"(?:(?:at|around|by)\s+)?(?:{time_core})|{time_bare}|(?:(?:at|around|by)\s+)?(?:{time_oclock})"
    );
    let find = format!(
        r"(?i)\b(?:(?:{PREPS})\s+)?(?:(?:{day}){part}(?:\s*,?\s+(?:{time}))?|(?:{time})(?:\s+(?:on\s+)?(?:{day}))?)\b"
    );
    let wdl = WEEKDAYS_LOOSE;
    Some(Patterns {
        find: Regex::new(&find).ok()?,
        then: Regex::new(r"(?i)\b(?:(?:by|before|until|till)\s+then|before\s+that|by\s+that\s+(?:time|point|day)|(?:on\s+|by\s+)?(?:the\s+)?same\s+(?:day|date|deadline)|(?:on\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night))\b").ok()?,
        relative: Regex::new(&format!(r"(?i)\b(?:the\s+)?(?:({qty})\s+)?(day|night|morning|evening|week)s?\s+(before|earlier|prior|after|later)(\s+tomorrow)?(?:\s+that\b|\s+(?:we|i|they)\s+(?:leave|go|fly|travel|head\s+off|get\s+back|set\s+off|arrive))?")).ok()?,
        day_after: Regex::new(r"\bday\s+after\s+tomorrow\b").ok()?,
        end_of: Regex::new(r"\b(?:end|close)\s+of\s+(?:the\s+)?(this\s+|next\s+)?(week|month|year|day|business)\b").ok()?,
        end_of_month: Regex::new(&format!(r"\bend\s+of\s+({mon})\b")).ok()?,
        abbrev_end: Regex::new(r"\b(eod|eow|eom|cob|month[- ]end|year[- ]end)\b").ok()?,
        wd_day: Regex::new(&format!(r"\b(?:{wdl}),?\s+(?:the\s+)?(?:({ordn})(?:\s+(?:of\s+)?({mon}))?|(\d{{1,2}})\s+(?:of\s+)?({mon}))\b")).ok()?,
        wd_week: Regex::new(&format!(r"\b({wdl})\s+week\b|\ba\s+week\s+on\s+({wdl})\b")).ok()?,
        week_wd: Regex::new(&format!(r"\bnext\s+week(?:'s)?\s+({wdl})\b|\b({wdl})(?:'s)?\s+next\s+week\b")).ok()?,
        weekday: Regex::new(&format!(r"\b(?:(this\s+coming|this|next|coming|last)\s+)?({wdl})\b")).ok()?,
        period: Regex::new(r"\b(early\s+|later\s+|late\s+)?(this|next)\s+(weekend|week|month|year)\b").ok()?,
        weekend: Regex::new(r"\bweekend\b").ok()?,
        today: Regex::new(r"\b(today|tonight|now|this\s+(?:morning|afternoon|evening))\b").ok()?,
        tomorrow: Regex::new(r"\b(tomorrow|tmrw|tmr)\b").ok()?,
        in_n: Regex::new(&format!(r"\bin\s+({qty})\s+(day|week|fortnight|month|year)s?\b")).ok()?,
        from_now: Regex::new(&format!(r"\b({qty})\s+(day|week|month)s?\s+from\s+(now|today|tomorrow)\b")).ok()?,
        month_day: Regex::new(&format!(r"\b({mon})\.?\s+(?:the\s+)?({daynum})\b(?:,?\s+(\d{{4}}))?")).ok()?,
        day_month: Regex::new(&format!(r"\b(?:the\s+)?({daynum})\s+(?:of\s+)?({mon})\b(?:,?\s+(\d{{4}}))?")).ok()?,
        numeric: Regex::new(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b").ok()?,
        ordinal: Regex::new(&format!(r"\b({ordn})\b")).ok()?,
        t_ampm: Regex::new(r"\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b").ok()?,
        t_colon: Regex::new(r"\b(\d{1,2}):(\d{2})\b").ok()?,
        t_noon: Regex::new(r"\b(noon|midday|lunchtime)\b").ok()?,
        t_bare: Regex::new(&format!(r"\b(?:at|around|by)\s+(\d{{1,2}}|{HOUR_WORDS})(?:\s+o'?clock)?(?:\s+(thirty|fifteen|forty[- ]five))?\b")).ok()?,
        t_oclock: Regex::new(&format!(r"\b({HOUR_WORDS}|\d{{1,2}})\s+o'?clock\b")).ok()?,
        later_part: Regex::new(r"\b(afternoon|evening|night|tonight)\b").ok()?,
    })
}

static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(build);

/// Resolves a date phrase ("next Friday at 3pm", "2026-12-10", "the 3rd") against `now`.
/// Returns `None` for anything that is not recognisably a date.
pub fn resolve_due(phrase: &str, now: NaiveDateTime) -> Option<Due> {
    let trimmed = phrase.trim();
    if trimmed.is_empty() || trimmed.len() > 200 {
        return None;
    }
    if let Ok(due) = trimmed.parse::<Due>() {
        return Some(due);
    }
    let p = PATTERNS.as_ref()?;
    let lower = normalize_phrase(trimmed);
    let day = parse_day(p, &lower, now);
    let time = parse_time(p, &lower);
    if day.is_none() && time.is_none() {
        return fallback(trimmed, &lower, now);
    }
    finish(day, time, now)
}

/// Every date phrase in `text`, in order. Offsets are byte offsets into `text`.
pub(crate) fn find_dates(text: &str, now: NaiveDateTime) -> Vec<DateHit> {
    find_dates_with(text, now, Counting::Said(&[]))
}

/// "at 19 Linden Avenue", "at 22 Baker Street": a bare number before a name is a house, not
/// an hour.
fn an_address(said: &str, after: &str) -> bool {
    let last = said.split_whitespace().last().unwrap_or_default();
    if last.is_empty() || !last.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let Some(next) = events::word_after(after) else {
        return false;
    };
    let word = next.trim_matches(|c: char| !c.is_alphanumeric());
    word.len() > 1
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && !is_date_word(&word.to_lowercase())
}

/// How "the day before the gig" is read.
#[derive(Clone, Copy)]
pub(crate) enum Counting<'a> {
    /// Not at all: "the gig on the 20th" stays a date of its own (to learn what is dated).
    Plain,
    /// From the gig's date said right there ("the day before the gig on the 20th"), or
    /// from one of these things said earlier with their dates.
    Said(&'a [(String, NaiveDate)]),
}

/// `find_dates`, choosing how a date counted from a named thing is read.
pub(crate) fn find_dates_with(text: &str, now: NaiveDateTime, counting: Counting) -> Vec<DateHit> {
    let Some(p) = PATTERNS.as_ref() else {
        return Vec::new();
    };
    let mut hits: Vec<DateHit> = Vec::new();
    for m in p.find.find_iter(text) {
        let lower = normalize_phrase(m.as_str());
        let day = parse_day(p, &lower, now);
        let time = parse_time(p, &lower);
        if day.is_none() && time.is_none() && !lower.contains("midnight") {
            continue;
        }
        if names_a_thing(p, &lower, &text[m.end()..]) || an_address(m.as_str(), &text[m.end()..]) {
            continue;
        }
        hits.push(DateHit {
            start: m.start(),
            end: m.end(),
            day,
            time,
            possessive: lower.ends_with("'s"),
            anaphoric: false,
            offset: 0,
        });
    }
    for m in p.then.find_iter(text) {
        hits.push(DateHit {
            start: m.start(),
            end: m.end(),
            day: None,
            time: None,
            possessive: false,
            anaphoric: true,
            offset: 0,
        });
    }
    // "two days before", "the day after", "a week later": counted from the date said before.
    for c in p.relative.captures_iter(text) {
        let (Some(m), Some(unit), Some(dir)) = (c.get(0), c.get(2), c.get(3)) else {
            continue;
        };
        // "a week before the deadline": "before" starts a phrase of its own, not a date.
        let next = text[m.end()..]
            .split_whitespace()
            .next()
            .unwrap_or_default();
        let next = next
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let followed = !next.is_empty()
            && !text[m.end()..]
                .trim_start()
                .starts_with([',', '.', ';', '!', '?'])
            && !matches!(
                next.as_str(),
                "and" | "then" | "that" | "it" | "so" | "but" | "or" | "to" | "we" | "i"
            );
        let n = match c.get(1) {
            Some(q) => parse_number(&q.as_str().to_lowercase()).map_or(0, i64::from),
            None => 1,
        };
        let days = if unit.as_str().eq_ignore_ascii_case("week") {
            n * 7
        } else {
            n
        };
        let sign = if matches!(dir.as_str().to_lowercase().as_str(), "after" | "later") {
            1
        } else {
            -1
        };
        if let Counting::Said(events) = counting
            && followed
            && c.get(4).is_none()
            && days != 0
        {
            // "the day before the gig on the 20th", "two days before the gig": counted from
            // the date of the thing named.
            let counted = event_said_after(text, m.end(), &hits)
                .and_then(|k| Some((k, hits[k].day?, hits[k].end)))
                .map(|(k, day, end)| (Some(k), day, end))
                .or_else(|| known_event(text, m.end(), events).map(|(d, e)| (None, d, e)));
            if let Some((k, day, end)) = counted
                && let Some(day) = day.checked_add_signed(chrono::TimeDelta::days(sign * days))
            {
                if let Some(k) = k {
                    hits.remove(k);
                }
                hits.push(DateHit {
                    start: m.start(),
                    end,
                    day: Some(day),
                    time: None,
                    possessive: false,
                    anaphoric: false,
                    offset: 0,
                });
            }
            continue;
        }
        // "a week after that" holds the "after that" the pass above found: the longer wins.
        let inside = |h: &DateHit| h.anaphoric && h.start >= m.start() && h.end <= m.end();
        if c.get(4).is_some()
            || followed
            || hits
                .iter()
                .any(|h| !inside(h) && h.start < m.end() && m.start() < h.end)
        {
            continue;
        }
        hits.retain(|h| !inside(h));
        if days == 0 {
            continue;
        }
        hits.push(DateHit {
            start: m.start(),
            end: m.end(),
            day: None,
            time: None,
            possessive: false,
            anaphoric: true,
            offset: sign * days,
        });
    }
    add_iso_dates(text, &mut hits);
    hits.sort_by_key(|h| h.start);
    hits
}

fn normalize_phrase(s: &str) -> String {
    let s = s
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace("a.m.", "am")
        .replace("p.m.", "pm");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn finish(day: Option<NaiveDate>, time: Option<NaiveTime>, now: NaiveDateTime) -> Option<Due> {
    match (day, time) {
        (Some(d), Some(t)) => Some(Due::DateTime(d.and_time(t))),
        (Some(d), None) => Some(Due::Date(d)),
        (None, Some(t)) => {
            let today = now.date();
            let d = if t > now.time() {
                today
            } else {
                today.checked_add_days(Days::new(1))?
            };
            Some(Due::DateTime(d.and_time(t)))
        }
        (None, None) => None,
    }
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.get(..3)?;
    Some(match w {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.get(..3)?;
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == w)?;
    u32::try_from(i + 1).ok()
}

fn add_days(d: NaiveDate, n: u64) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(n))
}

/// First `wd` strictly after `d` (1..=7 days ahead).
fn next_weekday(d: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    add_days(d, u64::from(if ahead == 0 { 7 } else { ahead }))
}

/// `wd` today or later this week (0..=6 days ahead).
fn this_weekday(d: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    add_days(d, u64::from(ahead))
}

fn next_monday(d: NaiveDate) -> Option<NaiveDate> {
    next_weekday(d, Weekday::Mon)
}

/// This week's Friday, or today when the week's Friday is already behind us.
fn end_of_week(d: NaiveDate) -> Option<NaiveDate> {
    if d.weekday().num_days_from_monday() > 4 {
        return Some(d);
    }
    this_weekday(d, Weekday::Fri)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn first_of_next_month(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?.checked_add_months(Months::new(1))
}

/// Next date numbered `day` on or after `today`, skipping months that lack it.
fn next_day_numbered(today: NaiveDate, day: u32) -> Option<NaiveDate> {
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut first = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?;
    for _ in 0..13 {
        if let Some(d) = NaiveDate::from_ymd_opt(first.year(), first.month(), day)
            && d >= today
        {
            return Some(d);
        }
        first = first.checked_add_months(Months::new(1))?;
    }
    None
}

/// Month/day in the given year, else this year or the next one that has it once passed.
fn month_day(today: NaiveDate, month: u32, day: u32, year: Option<i32>) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    (today.year()..today.year() + 9)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= today)
}

fn parse_year(s: Option<regex::Match<'_>>) -> Option<i32> {
    let s = s?.as_str();
    let y: i32 = s.parse().ok()?;
    Some(if s.len() == 2 { 2000 + y } else { y })
}

fn parse_day(p: &Patterns, s: &str, now: NaiveDateTime) -> Option<NaiveDate> {
    let today = now.date();
    if p.day_after.is_match(s) {
        return add_days(today, 2);
    }
    if let Some(day) = holiday(s, today) {
        return Some(day);
    }
    if s.ends_with("tomorrow") && (s.contains(" of ") || s.contains("eod") || s.contains("cob")) {
        return add_days(today, 1);
    }
    if let Some(c) = p.end_of_month.captures(s) {
        let m = month_of(c.get(1)?.as_str())?;
        let first = month_day(today, m, 1, None).filter(|d| d.month() == m);
        // The month we are in ends this month, not next year.
        let year = if today.month() == m {
            today.year()
        } else {
            first.map_or(today.year(), |d| d.year())
        };
        return last_of_month(year, m);
    }
    if let Some(c) = p.end_of.captures(s) {
        let next = c.get(1).is_some_and(|m| m.as_str().trim() == "next");
        return match c.get(2).map(|m| m.as_str()) {
            Some("week") if next => add_days(next_monday(today)?, 4),
            Some("week") => end_of_week(today),
            Some("month") if next => {
                let n = first_of_next_month(today)?;
                last_of_month(n.year(), n.month())
            }
            Some("month") => last_of_month(today.year(), today.month()),
            Some("year") if next => NaiveDate::from_ymd_opt(today.year() + 1, 12, 31),
            Some("year") => NaiveDate::from_ymd_opt(today.year(), 12, 31),
            _ => Some(today),
        };
    }
    if let Some(c) = p.abbrev_end.captures(s) {
        return match c.get(1).map(|m| m.as_str()).unwrap_or_default() {
            "eow" => end_of_week(today),
            "eom" | "month end" | "month-end" => last_of_month(today.year(), today.month()),
            "year end" | "year-end" => NaiveDate::from_ymd_opt(today.year(), 12, 31),
            _ => Some(today),
        };
    }
    if let Some(c) = p.wd_day.captures(s) {
        let d = parse_number(c.get(1).or(c.get(3))?.as_str())?;
        return match c.get(2).or(c.get(4)) {
            Some(m) => month_day(today, month_of(m.as_str())?, d, None),
            None => next_day_numbered(today, d),
        };
    }
    if let Some(c) = p.wd_week.captures(s) {
        let wd = weekday_of(c.get(1).or(c.get(2))?.as_str())?;
        // Said on a Thursday, "Thursday week" is a week today.
        let coming = if today.weekday() == wd {
            today
        } else {
            next_weekday(today, wd)?
        };
        return add_days(coming, 7);
    }
    if let Some(c) = p.week_wd.captures(s) {
        let wd = weekday_of(c.get(1).or(c.get(2))?.as_str())?;
        return add_days(next_monday(today)?, u64::from(wd.num_days_from_monday()));
    }
    if let Some(c) = p.weekday.captures(s) {
        let wd = weekday_of(c.get(2)?.as_str())?;
        return match c.get(1).map(|m| m.as_str()) {
            Some("this") => this_weekday(today, wd),
            Some("last") => None,
            // "next Thursday" said on a Wednesday is next week's, not tomorrow.
            Some("next") => {
                let coming = next_weekday(today, wd)?;
                if coming < next_monday(today)? {
                    add_days(coming, 7)
                } else {
                    Some(coming)
                }
            }
            _ => next_weekday(today, wd),
        };
    }
    if let Some(c) = p.in_n.captures(s).or_else(|| p.from_now.captures(s)) {
        let n = parse_number(c.get(1)?.as_str())?;
        let base = if c.get(3).is_some_and(|m| m.as_str() == "tomorrow") {
            add_days(today, 1)?
        } else {
            today
        };
        return match c.get(2)?.as_str() {
            "day" => add_days(base, u64::from(n)),
            "week" => add_days(base, u64::from(n) * 7),
            "fortnight" => add_days(base, u64::from(n) * 14),
            "month" => base.checked_add_months(Months::new(n)),
            _ => base.checked_add_months(Months::new(n.checked_mul(12)?)),
        };
    }
    if let Some(c) = p.period.captures(s) {
        let next = c.get(2).is_some_and(|m| m.as_str() == "next");
        return match (c.get(3).map(|m| m.as_str()), next) {
            (Some("weekend"), true) => add_days(next_monday(today)?, 5),
            (Some("weekend"), false) => this_weekend(today),
            (Some("week"), true) => next_monday(today),
            (Some("week"), false) => end_of_week(today),
            (Some("month"), true) => first_of_next_month(today),
            (Some("month"), false) => last_of_month(today.year(), today.month()),
            (Some("year"), true) => NaiveDate::from_ymd_opt(today.year() + 1, 1, 1),
            _ => NaiveDate::from_ymd_opt(today.year(), 12, 31),
        };
    }
    if p.weekend.is_match(s) {
        return this_weekend(today);
    }
    if p.tomorrow.is_match(s) {
        return add_days(today, 1);
    }
    if p.today.is_match(s) {
        return Some(today);
    }
    if let Some(c) = p.month_day.captures(s) {
        let m = month_of(c.get(1)?.as_str())?;
        let d = parse_number(c.get(2)?.as_str())?;
        return month_day(today, m, d, parse_year(c.get(3)));
    }
    if let Some(c) = p.day_month.captures(s) {
        let d = parse_number(c.get(1)?.as_str())?;
        let m = month_of(c.get(2)?.as_str())?;
        return month_day(today, m, d, parse_year(c.get(3)));
    }
    if let Some(c) = p.numeric.captures(s) {
        let m: u32 = c.get(1)?.as_str().parse().ok()?;
        let d: u32 = c.get(2)?.as_str().parse().ok()?;
        return month_day(today, m, d, parse_year(c.get(3)));
    }
    if let Some(c) = p.ordinal.captures(s) {
        return next_day_numbered(today, parse_number(c.get(1)?.as_str())?);
    }
    None
}

fn this_weekend(today: NaiveDate) -> Option<NaiveDate> {
    if today.weekday() == Weekday::Sun {
        return Some(today);
    }
    this_weekday(today, Weekday::Sat)
}

fn parse_time(p: &Patterns, s: &str) -> Option<NaiveTime> {
    if let Some(c) = p.t_ampm.captures(s) {
        let h: u32 = c.get(1)?.as_str().parse().ok()?;
        let m: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        if !(1..=12).contains(&h) {
            return None;
        }
        let h = match (c.get(3)?.as_str(), h) {
            ("am", 12) => 0,
            ("pm", h) if h < 12 => h + 12,
            (_, h) => h,
        };
        return NaiveTime::from_hms_opt(h, m, 0);
    }
    if let Some(c) = p.t_colon.captures(s) {
        let h: u32 = c.get(1)?.as_str().parse().ok()?;
        let m: u32 = c.get(2)?.as_str().parse().ok()?;
        return NaiveTime::from_hms_opt(h, m, 0);
    }
    if p.t_noon.is_match(s) {
        return NaiveTime::from_hms_opt(12, 0, 0);
    }
    let (hour, minutes) = if let Some(c) = p.t_bare.captures(s) {
        let minutes = match c.get(2).map(|m| m.as_str()) {
            Some("thirty") => 30,
            Some("fifteen") => 15,
            Some(_) => 45,
            None => 0,
        };
        (parse_number(c.get(1)?.as_str())?, minutes)
    } else if let Some(c) = p.t_oclock.captures(s) {
        (parse_number(c.get(1)?.as_str())?, 0)
    } else {
        return None;
    };
    if !(1..=12).contains(&hour) {
        return NaiveTime::from_hms_opt(hour, minutes, 0);
    }
    // Nobody schedules tasks at 3 in the night: small bare hours mean the afternoon.
    let pm = hour < 8 || (hour < 12 && p.later_part.is_match(s));
    NaiveTime::from_hms_opt(if pm { hour + 12 } else { hour }, minutes, 0)
}

/// What our own grammar misses (bare durations an LLM may hand back: "3 days", "2 weeks", "3h")
/// goes to `interim`. Guarded so that free text without a digit never becomes a date.
fn fallback(original: &str, lower: &str, now: NaiveDateTime) -> Option<Due> {
    // A month name alone is not enough: "may I" is not May 1st.
    if !lower.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // interim 0.2.2 panics on a word after an hour ("9 AM", "0a", "9 somethinglongerthan16")
    // unless it is lowercase ASCII shorter than 16 letters; no date word is that long.
    if original
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 16)
    {
        return None;
    }
    let parsed = interim::parse_date_string(
        &original.to_ascii_lowercase(),
        now.and_utc(),
        interim::Dialect::Us,
    )
    .ok()?;
    let dt = parsed.naive_utc();
    // interim does not roll "2 mar" into next year; a due date in the past is never what was meant.
    if dt.date() < now.date() {
        return None;
    }
    // interim returns midnight for a bare date and keeps the current time for "3 days";
    // any other time was asked for ("3h", "15:00").
    let has_time = dt.time() != NaiveTime::MIN && dt.time() != now.time();
    Some(if has_time {
        Due::DateTime(dt)
    } else {
        Due::Date(dt.date())
    })
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("dates.rs"),
            &[("PATTERNS", super::PATTERNS.is_some())],
        );
    }
}
