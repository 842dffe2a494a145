//! Reading one sentence: classify its clauses, then settle dates, priorities, pronouns,
//! corrections and take-backs between them.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use super::classify::{Kind, classify};
use super::clauses::{Clause, split_clauses};
use super::dates::{DateHit, find_dates};
use super::filler::strip_lead;
use super::lexicon::{bare, is_determiner, is_event_noun, is_particle, is_verb};
use super::priority::{cue, cue_spans};
use super::sentences::Sentence;
use super::title::{Titled, make_title, pronoun_only, replace_pronoun, tidy};
use super::{Draft, Reader};
use crate::model::{Due, Priority};

/// Only this many earlier tasks are searched when something is taken back, which keeps a
/// megabyte transcript linear.
const LOOKBACK: usize = 12;

static REQUEST_START: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:so|and|also|oh|okay|ok|hey|um|uh)\W+)*(?:(?:can|could|would|will)\s+(?:you|u)\b|(?:please\s+)?remind\s+me)").ok()
});
static LIST_HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:list|buy|shopping|grocer(?:y|ies)|to-?dos?|things|stuff|errands|tasks|items|need|get|pick\s+up)\b").ok()
});
static HEADER_VERB: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\bto\s+(\w+)").ok());
static SHOPPING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:grocer(?:y|ies)|shopping|buy|store|supermarket)\b").ok()
});
static INDEFINITE_NP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|an)\s+(\w+(?:\s+(?:for|with|about|of|on)\s+\w+)?(?:\s+\w+)?)").ok()
});
static COPULA: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)(?:is|are|was|were|'s|needs|need|wants|has)\s").ok());

/// Openers after which a clause names no thing to point "it" at.
const NOT_A_SUBJECT: &[&str] = &[
    "if", "when", "because", "not", "so", "unless", "i", "we", "they", "he", "she", "you", "who",
    "what", "why", "how",
];

struct Item {
    clause: Clause,
    kind: Kind,
    day: Option<NaiveDate>,
    time: Option<NaiveTime>,
    anaphoric: bool,
    cue: Option<Priority>,
    titled: Option<Titled>,
    due: Option<Due>,
    priority: Option<Priority>,
    dropped: bool,
    /// Opens with "and" / "also" / "plus": adds to what was said before.
    addition: bool,
    /// The date comes before the command ("Tomorrow call Bob"): it sets the scene.
    leading_date: bool,
}

impl Item {
    fn is_task(&self) -> bool {
        matches!(self.kind, Kind::Task { .. }) && !self.dropped
    }
    fn dated(&self) -> bool {
        self.day.is_some()
    }
}

pub(crate) fn read(index: usize, s: &Sentence, now: NaiveDateTime, reader: &mut Reader) {
    let text = s.text.as_str();
    let hits = find_dates(text, now);
    let masked = mask(text, &hits);
    let masked = mask_cues(&masked);
    let question = s.question && !REQUEST_START.as_ref().is_some_and(|re| re.is_match(text));
    let mut items: Vec<Item> = split_clauses(text, &masked)
        .into_iter()
        .map(|c| {
            let own: Vec<&DateHit> = hits
                .iter()
                .filter(|h| h.start >= c.start && h.end <= c.end)
                .collect();
            let orig = &text[c.start..c.end];
            Item {
                clause: c,
                kind: classify(orig, &masked[c.start..c.end], !own.is_empty(), question),
                day: own.iter().find_map(|h| h.day),
                time: own.iter().find_map(|h| h.time),
                anaphoric: own.iter().any(|h| h.anaphoric),
                cue: cue(orig),
                titled: None,
                due: None,
                priority: None,
                dropped: false,
                addition: starts_with_addition(orig.trim()),
                leading_date: {
                    let m = &masked[c.start..c.end];
                    let pos = strip_lead(m);
                    let lead = c.start + pos + (m[pos..].len() - m[pos..].trim_start().len());
                    own.iter().any(|h| h.start < lead)
                },
            }
        })
        .collect();

    expand_lists(&mut items, text);
    fill_ellipses(&mut items);
    promote_events(&mut items);
    make_titles(&mut items, now);
    settle_dates(&mut items, now);
    settle_priorities(&mut items);
    emit(index, &items, reader, now);
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

/// "Grocery list, bread, coffee" -> "Buy eggs, bread, coffee";
/// "Calls to make: ..." -> one task per item with the header's verb.
fn expand_lists(items: &mut [Item], text: &str) {
    let mut i = 0;
    while i < items.len() {
        let header_text = &text[items[i].clause.start..items[i].clause.end];
        let is_header = items[i].clause.header
            && !items[i].is_task()
            && LIST_HEADER
                .as_ref()
                .is_some_and(|re| re.is_match(header_text));
        if !is_header {
            i += 1;
            continue;
        }
        let end = (i + 1..items.len())
            .find(|&j| !matches!(items[j].kind, Kind::Phrase(_)))
            .unwrap_or(items.len());
        if end == i + 1 {
            i += 1;
            continue;
        }
        let verb = HEADER_VERB
            .as_ref()
            .and_then(|re| re.captures(header_text))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_lowercase())
            .filter(|v| is_verb(v))
            .or_else(|| {
                SHOPPING
                    .as_ref()
                    .filter(|re| re.is_match(header_text))
                    .map(|_| "buy".to_string())
            });
        let phrases: Vec<String> = items[i + 1..end]
            .iter()
            .filter_map(|it| match &it.kind {
                Kind::Phrase(p) => Some(strip_conjunction(p)),
                _ => None,
            })
            .collect();
        match verb.as_deref() {
            Some("buy") | Some("get") | Some("pick") => {
                items[i + 1].kind = Kind::Task {
                    text: format!("buy {}", phrases.join(", ")),
                    due_statement: false,
                };
                for it in &mut items[i + 2..end] {
                    it.kind = Kind::Filler;
                }
            }
            Some(v) => {
                for (it, p) in items[i + 1..end].iter_mut().zip(phrases) {
                    it.kind = Kind::Task {
                        text: format!("{v} {p}"),
                        due_statement: false,
                    };
                }
            }
            None => {
                for (it, p) in items[i + 1..end].iter_mut().zip(phrases) {
                    it.kind = Kind::Task {
                        text: p,
                        due_statement: false,
                    };
                }
            }
        }
        i = end;
    }
}

fn starts_with_addition(p: &str) -> bool {
    p.split_whitespace()
        .next()
        .map(bare)
        .is_some_and(|w| matches!(w.as_str(), "and" | "also" | "plus" | "oh"))
}

fn strip_conjunction(p: &str) -> String {
    let mut words: Vec<&str> = p.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        matches!(
            bare(w).as_str(),
            "and" | "or" | "but" | "also" | "plus" | "oh" | "then"
        )
    }) {
        words.remove(0);
    }
    words.join(" ")
}

/// "Friday, demo prep with Chen": an event said right after its date is a to-do.
fn promote_events(items: &mut [Item]) {
    for i in 0..items.len() {
        let Kind::Phrase(p) = &items[i].kind else {
            continue;
        };
        let after_date = (0..i)
            .rev()
            .find(|&j| !matches!(items[j].kind, Kind::Filler))
            .is_some_and(|j| matches!(items[j].kind, Kind::DateOnly));
        let first = p.split_whitespace().next().map(bare).unwrap_or_default();
        let about = matches!(
            first.as_str(),
            "for" | "about" | "regarding" | "re" | "on" | "after" | "before" | "during"
        );
        if !about
            && !items[i].clause.header
            && (after_date || items[i].dated())
            && p.split_whitespace().any(is_event_noun)
        {
            items[i].kind = Kind::Task {
                text: strip_conjunction(p),
                due_statement: false,
            };
        }
    }
}

/// "Send Kevin the contract, the NDA and the invoice": objects after a command borrow its verb.
fn fill_ellipses(items: &mut [Item]) {
    let mut verb: Option<String> = None;
    for it in items.iter_mut() {
        match &it.kind {
            Kind::Task { text, .. } => verb = leading_verb(text),
            Kind::Phrase(p) => {
                let p = strip_conjunction(p);
                if let Some(v) = &verb
                    && looks_like_object(&p)
                {
                    it.kind = Kind::Task {
                        text: format!("{v} {p}"),
                        due_statement: false,
                    };
                }
            }
            Kind::Filler | Kind::DateOnly => {}
            _ => verb = None,
        }
    }
}

/// "the NDA", "Kevin's contract": a noun phrase that can be the object of a verb.
fn looks_like_object(p: &str) -> bool {
    let p = strip_conjunction(p);
    let first = p.split_whitespace().next().unwrap_or_default();
    is_determiner(first) || first.chars().next().is_some_and(char::is_uppercase)
}

fn leading_verb(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let v = words.next()?;
    if !is_verb(v) {
        return None;
    }
    Some(match words.next() {
        Some(p) if is_particle(p) => format!("{v} {p}"),
        _ => v.to_string(),
    })
}

/// Builds titles, resolving "do it" / "set that up" against the clause before.
fn make_titles(items: &mut [Item], now: NaiveDateTime) {
    for i in 0..items.len() {
        let Kind::Task { text, .. } = &items[i].kind else {
            continue;
        };
        let titled = make_title(text, now);
        if !pronoun_only(&titled.title) {
            items[i].titled = Some(titled);
            continue;
        }
        let wants_indefinite = titled.title.split_whitespace().any(|w| bare(w) == "one");
        let source = (0..i)
            .rev()
            .find(|&j| !matches!(items[j].kind, Kind::Filler | Kind::DateOnly));
        let np = source.and_then(|j| match &items[j].kind {
            Kind::Statement(s) => noun_phrase(s, wants_indefinite, now),
            Kind::Phrase(s) if looks_like_object(s) => noun_phrase(s, wants_indefinite, now),
            Kind::Task {
                text,
                due_statement: true,
            } => Some(text.clone()),
            _ => None,
        });
        match (np, source) {
            (Some(np), Some(j)) => {
                if matches!(
                    items[j].kind,
                    Kind::Task {
                        due_statement: true,
                        ..
                    }
                ) {
                    items[j].dropped = true;
                }
                items[i].titled = Some(Titled {
                    title: replace_pronoun(&titled.title, &np),
                    rest: titled.rest,
                });
            }
            _ => items[i].dropped = true,
        }
    }
}

/// The thing a statement is about: its subject, or what follows the verb when the subject
/// is only a date or a priority ("Top priority today is the outage postmortem").
fn noun_phrase(statement: &str, indefinite: bool, now: NaiveDateTime) -> Option<String> {
    let start = strip_lead(statement);
    let cleaned = make_title(&statement[start..], now).title;
    let cleaned = cleaned.trim();
    let first = cleaned
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    if NOT_A_SUBJECT.contains(&first.as_str()) {
        return None;
    }
    if indefinite && let Some(c) = INDEFINITE_NP.as_ref().and_then(|re| re.captures(cleaned)) {
        return c.get(0).map(|m| m.as_str().to_lowercase());
    }
    let (subject, complement) = match COPULA.as_ref().and_then(|re| re.find(cleaned)) {
        Some(m) => (&cleaned[..m.start()], Some(&cleaned[m.end()..])),
        None => (cleaned, None),
    };
    let subject = tidy(subject);
    let content_words = subject
        .split_whitespace()
        .filter(|w| {
            !matches!(
                bare(w).as_str(),
                "it" | "that" | "this" | "they" | "there" | "he" | "she" | "we" | "i"
            )
        })
        .count();
    let pick = if content_words > 0 && subject.split_whitespace().count() <= 6 {
        subject
    } else {
        tidy(complement?)
    };
    let pick = lowercase_first(&pick);
    (!pick.is_empty()).then_some(pick)
}

fn lowercase_first(s: &str) -> String {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return String::new();
    };
    // Keep names and acronyms ("NDA", "Contoso"); lowercase only plain capitalized words.
    let first = if is_determiner(first) {
        first.to_lowercase()
    } else {
        first.to_string()
    };
    std::iter::once(first)
        .chain(words.map(str::to_string))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Own date, else the date said earlier in the sentence, else one shared through "and".
fn settle_dates(items: &mut [Item], now: NaiveDateTime) {
    // A date said inside a command ("call Joe tomorrow, and send Kevin the NDA") stays with
    // it; one said as a header, remark or opener ("Tomorrow: ...") covers what follows.
    let mut context: Option<NaiveDate> = None;
    let mut last_date: Option<NaiveDate> = None;
    for i in 0..items.len() {
        let it = &items[i];
        let shared_by_and = if it.clause.and_link && i > 0 {
            items[i - 1].day
        } else {
            None
        };
        let inherited = context.or(shared_by_and);
        let due = if it.day.is_some() || it.time.is_some() {
            super::dates::DateHit {
                start: 0,
                end: 0,
                day: it.day,
                time: it.time,
                possessive: false,
                anaphoric: false,
            }
            .due(now, inherited)
        } else if it.anaphoric {
            last_date.map(Due::Date)
        } else if inherited.is_some() {
            inherited.map(Due::Date)
        } else {
            let mut j = i + 1;
            let mut found = None;
            while j < items.len() && items[j].clause.and_link {
                if let Some(d) = items[j].day {
                    found = Some(Due::Date(d));
                    break;
                }
                j += 1;
            }
            found
        };
        if it.dated() {
            last_date = it.day;
            let verb_led = it.is_task()
                && matches!(&it.kind, Kind::Task { text, .. } if text.split_whitespace().next().is_some_and(is_verb));
            if !verb_led || it.leading_date {
                context = it.day;
            }
        }
        items[i].due = due;
    }
    // "renew the registration, it expires on January 3rd": a remark about the item just said
    // carries its date back to it.
    for i in 1..items.len() {
        let Kind::Statement(s) = &items[i].kind else {
            continue;
        };
        let refers_back = s
            .split_whitespace()
            .next()
            .map(bare)
            .is_some_and(|w| BACK_REFERENCES.contains(&w.as_str()));
        if refers_back
            && let Some(d) = items[i].day
            && items[i - 1].is_task()
            && items[i - 1].due.is_none()
        {
            items[i - 1].due = Some(Due::Date(d));
        }
    }
}

const BACK_REFERENCES: &[&str] = &[
    "it", "it's", "its", "which", "they", "they're", "that's", "that", "this", "she", "she's",
    "he", "he's",
];

/// A cue inside a task sets it; a cue on its own ("that's urgent") goes to the task before it
/// in the sentence, or to the tasks after it when it opens the sentence ("Low priority: ...").
fn settle_priorities(items: &mut [Item]) {
    for it in items.iter_mut() {
        if it.is_task() {
            it.priority = it.cue;
        }
    }
    for i in 0..items.len() {
        if items[i].is_task() || items[i].dropped {
            continue;
        }
        let Some(p) = items[i].cue else {
            continue;
        };
        if let Some(j) = (0..i).rev().find(|&j| items[j].is_task()) {
            items[j].priority = Some(p);
        } else {
            for it in items[i + 1..]
                .iter_mut()
                .filter(|it| it.is_task() && it.cue.is_none())
            {
                it.priority = Some(p);
            }
        }
    }
}

/// Remarks in the sentence ("the sink is still leaking") become the description of the task
/// they follow, or of the first task after them when none comes before.
fn context_of(items: &[Item]) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); items.len()];
    for (i, it) in items.iter().enumerate() {
        let Kind::Statement(s) = &it.kind else {
            continue;
        };
        if s.split_whitespace().count() < 3 || it.cue.is_some() {
            continue;
        }
        let target = (0..i)
            .rev()
            .find(|&j| items[j].is_task())
            .or_else(|| (i + 1..items.len()).find(|&j| items[j].is_task()));
        if let Some(j) = target {
            out[j].push(tidy(s));
        }
    }
    out
}

/// Applies take-backs and corrections, then hands finished drafts to the reader.
fn emit(index: usize, items: &[Item], reader: &mut Reader, now: NaiveDateTime) {
    let context = context_of(items);
    let mut produced = false;
    // What the last meaningful clause of this sentence was: a take-back applies to it.
    let mut last_was_task: Option<bool> = None;
    for (i, it) in items.iter().enumerate() {
        match &it.kind {
            Kind::Correction => reader.correcting = true,
            Kind::RetractPrevious => {
                let applies = match last_was_task {
                    Some(was_task) => was_task,
                    None => reader
                        .drafts
                        .last()
                        .is_some_and(|d| d.sentence + 1 >= index),
                };
                if applies {
                    reader.drafts.pop();
                }
                reader.correcting = false;
                // Said once, a take-back is spent: "scratch that, never mind" drops one item.
                last_was_task = Some(false);
            }
            Kind::RetractObject(obj) => {
                let words: Vec<&str> = obj.split_whitespace().collect();
                let n = reader.drafts.len();
                let hit = (n.saturating_sub(LOOKBACK)..n).rev().find(|&k| {
                    let t = reader.drafts[k].title.to_lowercase();
                    words.iter().all(|w| t.contains(w))
                });
                match hit {
                    Some(k) => {
                        reader.drafts.remove(k);
                    }
                    None if reader.correcting => {
                        reader.drafts.pop();
                    }
                    None => {}
                }
                reader.correcting = false;
                last_was_task = Some(false);
            }
            Kind::DateOnly => {
                if reader.correcting
                    && let Some(d) = reader.drafts.last_mut()
                {
                    d.due = it.due.or(it.day.map(Due::Date));
                }
                reader.correcting = false;
            }
            Kind::Task { .. } if !it.dropped => {
                let Some(t) = &it.titled else { continue };
                if reader.correcting
                    && reader
                        .drafts
                        .last()
                        .is_some_and(|d| d.sentence + 1 >= index)
                {
                    reader.drafts.pop();
                }
                reader.correcting = false;
                let mut description = Vec::new();
                if let Some(r) = &t.rest {
                    description.push(r.clone());
                }
                description.extend(context[i].iter().cloned());
                last_was_task = Some(true);
                reader.drafts.push(Draft {
                    title: t.title.clone(),
                    description,
                    priority: it.priority,
                    due: it.due,
                    sentence: index,
                });
                produced = true;
            }
            Kind::Statement(_) => {
                reader.correcting = false;
                last_was_task = Some(false);
            }
            Kind::Phrase(p) => {
                // "Buy milk. No, oat milk." / "Call Mom. And Dad.": a bare object borrows the
                // previous task's verb, replacing it after a correction.
                let sentence_is_phrase = items
                    .iter()
                    .filter(|x| !matches!(x.kind, Kind::Filler))
                    .count()
                    == 1;
                let verb = reader
                    .drafts
                    .last()
                    .filter(|d| d.sentence + 1 >= index)
                    .and_then(|d| leading_verb(&d.title));
                match verb {
                    Some(v) if reader.correcting || (sentence_is_phrase && it.addition) => {
                        if reader.correcting {
                            reader.drafts.pop();
                        }
                        let t = make_title(&format!("{v} {}", strip_conjunction(p)), now);
                        reader.drafts.push(Draft {
                            title: t.title,
                            description: Vec::new(),
                            priority: it.cue,
                            due: it.due.or(it.day.map(Due::Date)),
                            sentence: index,
                        });
                        produced = true;
                        last_was_task = Some(true);
                    }
                    _ => last_was_task = Some(false),
                }
                reader.correcting = false;
            }
            Kind::Task { .. } => last_was_task = Some(false),
            Kind::Filler => {}
        }
    }
    // A "no wait" only reaches into the next sentence when it ended this one.
    if !matches!(items.last().map(|it| &it.kind), Some(Kind::Correction)) {
        reader.correcting = false;
    }
    // "Sign the NDA. It's blocking the whole deal.": a cue with no task of its own goes back.
    if !produced
        && let Some(p) = items
            .iter()
            .filter(|it| !it.is_task())
            .find_map(|it| it.cue)
        && let Some(d) = reader.drafts.last_mut()
        && d.sentence + 1 == index
    {
        d.priority = Some(p);
    }
}
