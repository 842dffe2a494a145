//! Dates counted from a thing ("the day before the gig on the 20th", "two days before the
//! gig"), what a sentence dates for later, and ordinals that count things instead of days.

use chrono::NaiveDate;

use super::{DateHit, Patterns, is_date_word};
use crate::extract::lexicon::{
    bare, bare_noun, is_determiner, is_finite, is_particle, is_preposition, is_pronoun, is_verb,
};

/// "[the day before] the gig on the 20th": the index of the date hit that dates the thing
/// named right after `from`.
pub(super) fn event_said_after(text: &str, from: usize, hits: &[DateHit]) -> Option<usize> {
    let k = hits
        .iter()
        .position(|h| h.start >= from && !h.anaphoric && h.day.is_some())?;
    let between = text.get(from..hits[k].start)?;
    // "the day before the event, which is the 4th of Feb".
    let between = [", which is", ", which's", ", that's", ", which will be"]
        .iter()
        .find_map(|tail| between.trim_end().strip_suffix(tail))
        .unwrap_or(between);
    let words: Vec<&str> = between.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 6
        && !between.contains([',', '.', ';', '!', '?'])
        && (is_determiner(words[0]) || words[0].ends_with("'s"));
    named.then_some(k)
}

/// "[two days before] the gig", with "gig" among `events`: its date, and where the name ends.
pub(super) fn known_event(
    text: &str,
    from: usize,
    events: &[(String, NaiveDate)],
) -> Option<(NaiveDate, usize)> {
    let rest = text.get(from..)?;
    let mut pos = from;
    let mut seen_det = false;
    for (k, word) in rest.split_whitespace().take(5).enumerate() {
        let at = text[pos..].find(word)? + pos;
        pos = at + word.len();
        if k == 0 && (is_determiner(word) || word.ends_with("'s")) {
            seen_det = true;
            continue;
        }
        if !seen_det {
            return None;
        }
        let w = bare_noun(word);
        if let Some((_, day)) = events.iter().rev().find(|(e, _)| *e == w) {
            return Some((
                *day,
                pos - (word.len() - word.trim_end_matches(|c: char| !c.is_alphanumeric()).len()),
            ));
        }
        if word.ends_with([',', '.', ';', '!', '?']) {
            return None;
        }
    }
    None
}

/// What a sentence dates: "the gig on the 20th", "the vendor demo is on Monday" ->
/// ("gig", 20th), ("vendor", Monday), ("demo", Monday): the words of the thing before each
/// date, for a later "the day after the demo".
pub(crate) fn dated_things(text: &str, hits: &[DateHit]) -> Vec<(String, NaiveDate)> {
    let mut out = Vec::new();
    for h in hits.iter().filter(|h| !h.anaphoric && !h.possessive) {
        let Some(day) = h.day else { continue };
        // The words just before the date; a long stretch without a comma is not read back.
        let mut from = h.start.saturating_sub(200);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let before = &text[from..h.start];
        let clause = before
            .rsplit([',', '.', ';', '!', '?'])
            .next()
            .unwrap_or(before);
        let words: Vec<&str> = clause.split_whitespace().collect();
        let tail = &words[words.len().saturating_sub(6)..];
        let Some(det) = tail
            .iter()
            .rposition(|w| is_determiner(w) || w.ends_with("'s"))
        else {
            continue;
        };
        for w in &tail[det + 1..] {
            let b = bare_noun(w);
            if b.len() > 2
                && b.chars().all(char::is_alphabetic)
                && !is_finite(&b)
                && !is_preposition(&b)
                && !is_determiner(&b)
                && !is_pronoun(&b)
                && !is_date_word(&b)
                && !matches!(
                    b.as_str(),
                    "and" | "due" | "set" | "booked" | "moved" | "coming"
                )
            {
                out.push((b, day));
            }
        }
    }
    out
}

/// "on the second floor", "for the third time": an ordinal with a noun after it counts
/// things, it is no day of the month.
/// The word right after a date phrase, when one follows it after a space.
pub(super) fn word_after(after: &str) -> Option<&str> {
    after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next())
}

pub(super) fn names_a_thing(p: &Patterns, phrase: &str, after: &str) -> bool {
    let ends_ordinal = phrase
        .split_whitespace()
        .last()
        .is_some_and(|w| p.ordinal.find(w).is_some_and(|m| m.len() == w.len()));
    if !ends_ordinal || p.month_day.is_match(phrase) || p.day_month.is_match(phrase) {
        return false;
    }
    let Some(next) = word_after(after) else {
        return false;
    };
    let w = bare(next);
    w.chars().all(char::is_alphabetic)
        && w.len() > 2
        && !is_date_word(&w)
        && !is_determiner(&w)
        && !is_pronoun(&w)
        && !is_particle(&w)
        && !is_finite(&w)
        // "On the 2nd call grandma": a command starts after the date.
        && !is_verb(&w)
        && !matches!(
            w.as_str(),
            "and" | "then" | "but" | "for" | "at" | "of" | "or" | "so" | "by" | "to" | "from"
                | "as" | "if" | "morning" | "afternoon" | "evening" | "night" | "lunchtime"
                | "noon" | "please" | "latest" | "ideally" | "instead" | "too"
                | "which" | "when" | "because" | "before" | "after" | "until" | "till" | "with"
                | "not" | "sorry" | "wait" | "actually" | "maybe" | "you" | "they" | "she" | "once"
                | "since" | "also" | "anyway" | "though" | "either" | "okay"
                // "by the 17th now", "the 3rd again": when the date stands, not a thing.
                | "now" | "again" | "already" | "yet" | "tops" | "sharp" | "earliest"
        )
}
