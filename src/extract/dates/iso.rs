//! ISO dates as typed: `2026-03-14`, `2026-03-14T15:00`.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;

use super::DateHit;

/// `2026-03-14` and `2026-03-14T15:00`, as typed (quick add, imported checklists). A time said
/// right after ("2026-03-14 at 3pm") belongs to the date, not to today.
static ISO_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?)?\b").ok()
});

pub(super) fn add_iso_dates(text: &str, hits: &mut Vec<DateHit>) {
    let Some(re) = ISO_DATE.as_ref() else {
        return;
    };
    for c in re.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let num = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<u32>().ok());
        let (Some(y), Some(mo), Some(d)) = (num(1), num(2), num(3)) else {
            continue;
        };
        let Some(day) = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, mo, d))
        else {
            continue;
        };
        let mut time = match (num(4), num(5)) {
            (Some(h), Some(min)) => NaiveTime::from_hms_opt(h, min, 0),
            _ => None,
        };
        let mut end = m.end();
        // Pieces of the date read as something else ("03-14") give way to it, keeping a time
        // the phrase ran on to ("2026-03-14 at 15:00" read as one phrase).
        let overlaps = |h: &DateHit| h.start < m.end() && m.start() < h.end;
        if time.is_none()
            && let Some(h) = hits
                .iter()
                .find(|h| overlaps(h) && h.end > m.end() && h.time.is_some())
        {
            time = h.time;
            end = h.end;
        }
        hits.retain(|h| !overlaps(h));
        if time.is_none()
            && let Some(pos) = hits.iter().position(|h| {
                h.start >= end
                    && h.day.is_none()
                    && h.time.is_some()
                    && !h.anaphoric
                    && matches!(text[end..h.start].trim().to_lowercase().as_str(), "" | "at")
            })
        {
            time = hits[pos].time;
            end = hits[pos].end;
            hits.remove(pos);
        }
        hits.push(DateHit {
            start: m.start(),
            end,
            day: Some(day),
            time,
            possessive: false,
            anaphoric: false,
            offset: 0,
        });
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("iso.rs"),
            &[("ISO_DATE", super::ISO_DATE.is_some())],
        );
    }
}
