//! Reading one sentence: classify its clauses, then settle dates, priorities, pronouns,
//! corrections and take-backs between them. The steps, in the order `read_sentence` runs
//! them: `lists` and `phrases` turn bare phrases into to-dos, `pronouns` builds the titles,
//! `settle` gives dates and priorities, `drafts` applies take-backs and hands the drafts on.

mod drafts;
mod lists;
mod outcome_lists;
mod phrases;
mod pronouns;
mod settle;
mod words;

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use super::Reader;
use super::classify::{Kind, QUANTIFIERS, classify};
use super::clauses::{Clause, split_clauses};
use super::dates::{Counting, DateHit, dated_things, find_dates_with};
use super::filler::{inner_lead, strip_lead};
use super::lexicon::bare;
use super::lexicon::opens_command;
use super::priority::{cue, cue_spans};
use super::sentences::Sentence;
use super::title::Titled;
use crate::model::{Due, Priority};
use drafts::emit;
use lists::{
    LIST_HEADER, expand_lists, gerund_examples, list_headers, note_contents, split_noun_pairs,
};
use phrases::{
    appositions, continue_previous, cue_phrases, dated_topics, errands_on_the_way, fill_ellipses,
    left_to_others, promote_events, same_for, taken_on,
};
use pronouns::make_titles;
use settle::{settle_dates, settle_priorities};
pub(crate) use words::done_by_others;
use words::{leading_verb, starts_with_addition};

static REQUEST_START: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:so|and|also|oh|okay|ok|hey|um|uh)\W+)*(?:(?:can|could|would|will)\s+(?:you|u)\b|(?:please\s+)?remind\s+me)").ok()
});

/// "Did I ever send the Q3 deck to Priya?": the object of a yes/no question about a to-do.
static ASKED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|so|actually|oh|um|uh|wait|hmm)\W+)*did\s+(?:i|we)\s+(?:ever\s+|already\s+|actually\s+|even\s+)*(?:\w+)\s+((?:the|my|our|that|this|those|these|a|an)\s+[^,]+)$").ok()
});

/// One clause while the sentence is read: what it is, and what the steps in `resolve/` give it.
#[derive(Clone)]
struct Item {
    clause: Clause,
    kind: Kind,
    day: Option<NaiveDate>,
    /// The soonest of its days still to come: "Easter's the 28th so let's have it done by
    /// the 20th" is said to be done by the 20th.
    soonest: Option<NaiveDate>,
    time: Option<NaiveTime>,
    anaphoric: bool,
    /// Days from the date said before, for "two days before".
    offset: i64,
    cue: Option<Priority>,
    titled: Option<Titled>,
    due: Option<Due>,
    priority: Option<Priority>,
    dropped: bool,
    /// Opens with "and" / "also" / "plus": adds to what was said before.
    addition: bool,
    /// The date comes before the command ("Tomorrow call Bob"): it sets the scene.
    leading_date: bool,
    /// A date said for several items at once: "both by Friday".
    shared: bool,
}

/// The item said last before `items[i]` that says something: not padding, not a bare date.
fn said_before(items: &[Item], i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .find(|&j| !matches!(items[j].kind, Kind::Filler | Kind::DateOnly))
}

impl Item {
    fn is_task(&self) -> bool {
        matches!(self.kind, Kind::Task { .. }) && !self.dropped
    }
    fn dated(&self) -> bool {
        self.day.is_some()
    }
    /// The item was said of the one before it: its words are used up, and only a date it
    /// carries still counts (for that item).
    fn fold_into_previous(&mut self) {
        self.kind = if self.dated() {
            Kind::DateOnly
        } else {
            Kind::Filler
        };
    }
}

pub(crate) fn read_sentence(index: usize, s: &Sentence, now: NaiveDateTime, reader: &mut Reader) {
    let text = s.text.as_str();
    // Twice: "the day before the gig on the 20th, and the setlist two days before the gig"
    // counts from a thing dated in the same sentence.
    reader.events.extend(dated_things(
        text,
        &find_dates_with(text, now, Counting::Plain),
    ));
    let hits = find_dates_with(text, now, Counting::Said(&reader.events));
    let drop = reader
        .events
        .len()
        .saturating_sub(crate::extract::LOOKBACK * 2);
    reader.events.drain(..drop);
    let masked = mask(text, &hits);
    let masked = mask_cues(&masked);
    let question = s.question && !REQUEST_START.as_ref().is_some_and(|re| re.is_match(text));
    let clauses = split_clauses(text, &masked);
    // "Send the speaker packs by next Monday, that's the 18th, wait, is next Monday the
    // 18th?": the question is the part that starts asking; what came before still counts.
    let asked_from = if question {
        let k = clauses
            .iter()
            .position(|c| asks(&text[c.start..c.end]))
            .unwrap_or(0);
        // "And the van insurance, is that March?": a thing asked about, no to-do before it.
        let commands_before = clauses[..k].iter().any(|c| {
            let m = &masked[c.start..c.end];
            opens_command(&m[strip_lead(m)..]) || inner_lead(m).is_some()
        });
        if commands_before { k } else { 0 }
    } else {
        clauses.len()
    };
    let mut items: Vec<Item> = clauses
        .into_iter()
        .enumerate()
        .map(|(k, c)| {
            let question = question && k >= asked_from;
            let own: Vec<&DateHit> = hits
                .iter()
                .filter(|h| h.start >= c.start && h.end <= c.end)
                .collect();
            let orig = &text[c.start..c.end];
            Item {
                clause: c,
                kind: classify(orig, &masked[c.start..c.end], !own.is_empty(), question),
                day: deadline_of(&own, text),
                soonest: own
                    .iter()
                    .filter_map(|h| h.day)
                    .filter(|&day| day >= now.date())
                    .min(),
                time: own.iter().find_map(|h| h.time),
                anaphoric: own.iter().any(|h| h.anaphoric),
                offset: own.iter().find(|h| h.anaphoric).map_or(0, |h| h.offset),
                cue: (!crate::extract::classify::is_wish(orig))
                    .then(|| cue(orig))
                    .flatten(),
                titled: None,
                due: None,
                priority: None,
                dropped: false,
                addition: starts_with_addition(orig.trim()),
                // "both by Friday", "all of them by Monday", not "Thursday at the latest".
                shared: {
                    let m = &masked[c.start..c.end];
                    m[strip_lead(m)..].split_whitespace().any(|w| {
                        let w = bare(w);
                        QUANTIFIERS.contains(&w.as_str()) && !matches!(w.as_str(), "the" | "of")
                    })
                },
                leading_date: {
                    let m = &masked[c.start..c.end];
                    let pos = strip_lead(m);
                    let lead = c.start + pos + (m[pos..].len() - m[pos..].trim_start().len());
                    own.iter().any(|h| h.start < lead)
                },
            }
        })
        .collect();
    for it in &mut items {
        it.shared = it.shared && matches!(it.kind, Kind::DateOnly);
    }

    let prev = reader.drafts.last().filter(|d| d.sentence + 1 >= index);
    let prev_verb = prev.and_then(|d| leading_verb(&d.title));
    let said = reader
        .said_day
        .filter(|&(sentence, _)| sentence + 1 == index)
        .map(|(_, day)| day);
    let prev_day = said.or(prev.and_then(|d| d.due).map(Due::date));
    let prev_title = prev.map(|d| d.title.clone());
    let mut items = outcome_lists::outcome_lists(items, text, &masked);
    expand_lists(&mut items, text);
    let mut items = gerund_examples(items, text);
    appositions(&mut items, text);
    taken_on(&mut items);
    left_to_others(&mut items);
    same_for(&mut items, prev_title.as_deref(), prev_day);
    fill_ellipses(&mut items, text);
    dated_topics(&mut items, text);
    continue_previous(&mut items, prev_verb.as_deref(), reader.correcting);
    cue_phrases(&mut items, text);
    let mut items = split_noun_pairs(items);
    promote_events(&mut items, text);
    let asked = reader.asked.take();
    make_titles(
        &mut items,
        now,
        asked.as_deref(),
        prev_title.as_deref(),
        &reader.events,
    );
    errands_on_the_way(&mut items);
    note_contents(&mut items, text);
    list_headers(&mut items);
    if question {
        reader.asked = ASKED
            .as_ref()
            .and_then(|re| re.captures(text))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_string());
    }
    let header = !question
        && !items.iter().any(Item::is_task)
        && text.split_whitespace().count() <= 8
        && LIST_HEADER.as_ref().is_some_and(|re| re.is_match(text));
    let scene = if items.iter().any(Item::is_task) {
        reader.scene
    } else {
        None
    };
    settle_dates(&mut items, text, now, prev_day, scene);
    settle_priorities(&mut items);
    if let Some(day) = items
        .iter()
        .rev()
        .find_map(|it| it.due.map(Due::date).or(it.day))
    {
        reader.said_day = Some((index, day));
    }
    reader.scene = if header {
        items.iter().find_map(|it| it.day)
    } else {
        scene
    };
    emit(index, &items, reader, now);
}

/// The day a clause is due: its first date, unless that one only names which thing ("the
/// milk order for Friday has to go tonight") and another date follows.
fn deadline_of(own: &[&DateHit], text: &str) -> Option<NaiveDate> {
    let names_thing = |h: &DateHit| {
        let before = text[..h.start].trim_end();
        let phrase = text[h.start..h.end].to_lowercase();
        (phrase.starts_with("for ") || before.ends_with(" for")) && !before.ends_with(" due")
    };
    let dated: Vec<&&DateHit> = own.iter().filter(|h| h.day.is_some()).collect();
    dated
        .iter()
        .find(|h| dated.len() < 2 || !names_thing(h))
        .or(dated.first())
        .and_then(|h| h.day)
}

/// Whether a clause opens the way a question does ("is next Monday the 18th", "did I",
/// "what's due").
fn asks(clause: &str) -> bool {
    let rest = &clause[strip_lead(clause)..];
    rest.split_whitespace().next().map(bare).is_some_and(|w| {
        matches!(
            w.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "do"
                | "does"
                | "did"
                | "can"
                | "could"
                | "should"
                | "will"
                | "would"
                | "have"
                | "has"
                | "what"
                | "what's"
                | "when"
                | "where"
                | "who"
                | "why"
                | "how"
                | "which"
                | "isn't"
                | "aren't"
                | "didn't"
                | "right"
        )
    })
}

/// Blanks out date phrases (keeping byte offsets) so they do not disturb clause rules.
/// Possessive dates stay: "tomorrow's workshop" is part of the object.
fn mask(text: &str, hits: &[DateHit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for h in hits.iter().filter(|h| !h.possessive) {
        for b in &mut bytes[h.start..h.end] {
            *b = b' ';
        }
    }
    // Whole char-aligned ranges were replaced by ASCII, so the result is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// Blanks out priority cues too: "At some point reorganize the garage" is a command.
fn mask_cues(masked: &str) -> String {
    let mut bytes = masked.as_bytes().to_vec();
    for (s, e) in cue_spans(masked) {
        for b in &mut bytes[s..e] {
            *b = b' ';
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| masked.to_string())
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("resolve.rs"),
            &[
                ("REQUEST_START", super::REQUEST_START.is_some()),
                ("ASKED", super::ASKED.is_some()),
            ],
        );
    }
}
