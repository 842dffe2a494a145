//! Reading one sentence: classify its clauses, then settle dates, priorities, pronouns,
//! corrections and take-backs between them.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use super::classify::{Kind, QUANTIFIERS, classify};
use super::clauses::{Clause, split_clauses};
use super::dates::{DateHit, find_dates};
use super::filler::strip_lead;
use super::lexicon::{bare, is_determiner, is_event_noun, is_particle, is_verb, verb_from_gerund};
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
/// "Did I ever send the Q3 deck to Priya?": the object of a yes/no question about a to-do.
static ASKED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|so|actually|oh|um|uh|wait|hmm)\W+)*did\s+(?:i|we)\s+(?:ever\s+|already\s+|actually\s+|even\s+)*(?:\w+)\s+((?:the|my|our|that|this|those|these|a|an)\s+[^,]+)$").ok()
});
/// "like sorting out the garage": an example of what is meant, said as a gerund.
static EXAMPLE_LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|or|um+|uh+)\W+)*(?:like|such\s+as|including|e\.?g\.?|say)\W")
        .ok()
});
static VAGUE_OBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:something|anything|stuff|things)(?:\s+(?:like\s+(?:that|this|it)|similar|else|different))?(?:\s+again)?(?:\s+sometime)?$").ok()
});
static SAME_FOR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:and\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:for|with)\s+(\S+(?:\s+\S+)?)$")
        .ok()
});
static NOUN_AND: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i),?\s+and\s+(?:also\s+)?(?:the|my|our|your|his|her|their)\s+").ok()
});
static COPULA: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)(?:is|are|was|were|'s|needs|need|wants|has)\s").ok());

/// Openers after which a clause names no thing to point "it" at.
const NOT_A_SUBJECT: &[&str] = &[
    "if", "when", "because", "not", "so", "unless", "i", "we", "they", "he", "she", "you", "who",
    "what", "why", "how",
];

#[derive(Clone)]
struct Item {
    clause: Clause,
    kind: Kind,
    day: Option<NaiveDate>,
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
                offset: own.iter().find(|h| h.anaphoric).map_or(0, |h| h.offset),
                cue: cue(orig),
                titled: None,
                due: None,
                priority: None,
                dropped: false,
                addition: starts_with_addition(orig.trim()),
                shared: {
                    let m = &masked[c.start..c.end];
                    m[strip_lead(m)..].chars().any(char::is_alphanumeric)
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
    let prev_day = prev.and_then(|d| d.due).map(Due::date);
    let prev_title = prev.map(|d| d.title.clone());
    expand_lists(&mut items, text);
    let mut items = gerund_examples(items, text);
    appositions(&mut items);
    same_for(&mut items, prev_title.as_deref(), prev_day);
    fill_ellipses(&mut items);
    continue_previous(&mut items, prev_verb.as_deref(), reader.correcting);
    cue_phrases(&mut items);
    let mut items = split_noun_pairs(items);
    promote_events(&mut items);
    let asked = reader.asked.take();
    make_titles(&mut items, now, asked.as_deref());
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
    settle_dates(&mut items, now, prev_day, scene);
    settle_priorities(&mut items);
    reader.scene = if header {
        items.iter().find_map(|it| it.day)
    } else {
        scene
    };
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

/// "Everything else can wait, like sorting out the garage and replying to Tom": examples
/// said as gerunds are to-dos, as is each gerund listed after one.
fn gerund_examples(items: Vec<Item>, text: &str) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    let mut listing = false;
    for it in items {
        let p = match &it.kind {
            Kind::Phrase(p) | Kind::Statement(p) => strip_conjunction(p),
            Kind::Filler => {
                out.push(it);
                continue;
            }
            _ => {
                listing = false;
                out.push(it);
                continue;
            }
        };
        let orig = &text[it.clause.start..it.clause.end];
        let lead = EXAMPLE_LEAD.as_ref().is_some_and(|re| re.is_match(orig));
        let first = p.split_whitespace().next().unwrap_or_default();
        if verb_from_gerund(first).is_none() || !(lead || listing) {
            listing = listing && verb_from_gerund(first).is_some();
            out.push(it);
            continue;
        }
        // "tidying the shed and emptying the gutters": one to-do per gerund.
        let mut parts: Vec<Vec<&str>> = Vec::new();
        let words: Vec<&str> = p.split_whitespace().collect();
        for (k, w) in words.iter().enumerate() {
            let starts = k == 0
                || (verb_from_gerund(w).is_some()
                    && matches!(bare(words[k - 1]).as_str(), "and" | "or"));
            if starts {
                if let Some(last) = parts.last_mut() {
                    last.pop();
                }
                parts.push(Vec::new());
            }
            if let Some(last) = parts.last_mut() {
                last.push(w);
            }
        }
        for part in parts {
            let Some((g, rest)) = part.split_first() else {
                continue;
            };
            let Some(verb) = verb_from_gerund(g) else {
                continue;
            };
            let mut copy = it.clone();
            copy.kind = Kind::Task {
                text: format!("{verb} {}", strip_trailing_conjunction(&rest.join(" "))),
                due_statement: false,
            };
            out.push(copy);
        }
        listing = true;
    }
    out
}

fn strip_trailing_conjunction(p: &str) -> String {
    let mut words: Vec<&str> = p.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| matches!(bare(w).as_str(), "and" | "or" | "plus"))
    {
        words.pop();
    }
    words.join(" ")
}

/// "Check in with the new hire, Tomasz, next week": a name said right after the person it
/// names belongs to that item, not a new one.
fn appositions(items: &mut [Item]) {
    for i in 1..items.len() {
        let Kind::Phrase(p) = &items[i].kind else {
            continue;
        };
        let Kind::Task { text, .. } = &items[i - 1].kind else {
            continue;
        };
        let name: Vec<&str> = p.split_whitespace().collect();
        let is_name = !name.is_empty()
            && name.len() <= 2
            && name
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_determiner(w));
        // The item ends in a person said with "the"/"my": "the new hire", "my accountant".
        let words: Vec<&str> = text.split_whitespace().collect();
        let described = words.len() >= 3
            && words[words.len().saturating_sub(4)..]
                .iter()
                .any(|w| matches!(bare(w).as_str(), "the" | "my" | "our" | "your"))
            && words
                .last()
                .is_some_and(|w| w.chars().all(|c| !c.is_uppercase()));
        let list_follows = items[i + 1..]
            .iter()
            .find(|it| !matches!(it.kind, Kind::Filler | Kind::DateOnly))
            .is_some_and(|it| matches!(it.kind, Kind::Phrase(_)));
        if is_name && described && !list_follows && !items[i].addition && !items[i].clause.and_link
        {
            let merged = format!("{text}, {}", name.join(" "));
            items[i - 1].kind = Kind::Task {
                text: merged,
                due_statement: false,
            };
            if items[i].day.is_some() {
                items[i].kind = Kind::DateOnly;
            } else {
                items[i].kind = Kind::Filler;
            }
        }
    }
}

/// "Book Mum's dinner for the 11th. Same for Dad's.": the item before, for someone else.
fn same_for(items: &mut [Item], prev_title: Option<&str>, prev_day: Option<NaiveDate>) {
    let Some(title) = prev_title else {
        return;
    };
    let Some(i) = items.iter().position(|it| !matches!(it.kind, Kind::Filler)) else {
        return;
    };
    let Kind::Phrase(p) = &items[i].kind else {
        return;
    };
    let Some(who) = SAME_FOR
        .as_ref()
        .and_then(|re| re.captures(p))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
    else {
        return;
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    let possessive = who.ends_with("'s") || who.ends_with("s'");
    let slot = (1..words.len()).find(|&k| {
        let w = words[k];
        if possessive {
            w.ends_with("'s") || w.ends_with("s'")
        } else {
            w.chars().next().is_some_and(char::is_uppercase)
        }
    });
    let Some(k) = slot else {
        return;
    };
    let mut out: Vec<&str> = words.clone();
    out[k] = &who;
    items[i].kind = Kind::Task {
        text: out.join(" "),
        due_statement: false,
    };
    if !items.iter().any(Item::dated) {
        items[i].day = prev_day;
    }
}

/// "Cancel Netflix. Spotify as well." / "Oh and the gas bill too, same day.": a bare object
/// that adds to the item just said borrows its verb.
fn continue_previous(items: &mut [Item], prev_verb: Option<&str>, correcting: bool) {
    let Some(v) = prev_verb else {
        return;
    };
    if correcting || items.iter().any(Item::is_task) {
        return;
    }
    let Some(i) = items.iter().position(|it| !matches!(it.kind, Kind::Filler)) else {
        return;
    };
    let Kind::Phrase(p) = &items[i].kind else {
        return;
    };
    let p = strip_conjunction(p);
    let words: Vec<String> = p.split_whitespace().map(bare).collect();
    let n = words.len();
    let marked = items[i].addition
        || words.last().is_some_and(|w| w == "too" || w == "also")
        || (n >= 2 && words[n - 2..] == ["as", "well"]);
    if marked
        && n <= 6
        && !words
            .iter()
            .any(|w| QUANTIFIERS.contains(&w.as_str()) && w != "the")
    {
        items[i].kind = Kind::Task {
            text: format!("{v} {}", lowercase_first(&p)),
            due_statement: false,
        };
    }
}

/// "The blog post and the newsletter, no rush.": a thing named with a priority and nothing
/// else to do is itself the to-do.
fn cue_phrases(items: &mut [Item]) {
    if items.iter().any(Item::is_task) {
        return;
    }
    let has_cue = items.iter().any(|it| it.cue.is_some());
    for it in items.iter_mut() {
        let Kind::Phrase(p) = &it.kind else {
            continue;
        };
        let p = strip_conjunction(p);
        let words: Vec<String> = p.split_whitespace().map(bare).collect();
        let named = words.len() >= 2
            && matches!(
                words[0].as_str(),
                "the" | "my" | "our" | "your" | "his" | "her" | "their"
            )
            && !words[1..].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "rest" | "others" | "other" | "thing" | "things" | "stuff" | "one" | "ones"
                )
            });
        if has_cue && named {
            it.kind = Kind::Task {
                text: strip_article(&p),
                due_statement: false,
            };
        }
    }
}

/// "the passport renewal and the visa application" said as one item: two to-dos.
fn split_noun_pairs(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let parts: Vec<String> = match &it.kind {
            Kind::Task { text, .. } if !text.split_whitespace().next().is_some_and(is_verb) => {
                NOUN_AND
                    .as_ref()
                    .map(|re| re.split(text).map(strip_article).collect())
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        };
        if parts.len() < 2 || parts.iter().any(|p| p.split_whitespace().count() == 0) {
            out.push(it);
            continue;
        }
        for part in parts {
            let mut copy = it.clone();
            copy.kind = Kind::Task {
                text: part,
                due_statement: false,
            };
            out.push(copy);
        }
    }
    out
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
fn make_titles(items: &mut [Item], now: NaiveDateTime, asked: Option<&str>) {
    for i in 0..items.len() {
        let Kind::Task { text, .. } = &items[i].kind else {
            continue;
        };
        let titled = make_title(text, now);
        if vague_object(&titled.title) {
            items[i].dropped = true;
            continue;
        }
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
            // "Did I send the W-9? If not, send it today.": the thing asked about.
            (None, _) if asked.is_some() && !items[..i].iter().any(Item::is_task) => {
                let np = asked.unwrap_or_default();
                items[i].titled = Some(Titled {
                    title: replace_pronoun(&titled.title, np),
                    rest: titled.rest,
                });
            }
            _ => items[i].dropped = true,
        }
    }
}

/// "do something like that again", "get something": a verb with nothing named to act on.
fn vague_object(title: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(bare).collect();
    let mut k = 1;
    while k < words.len() && is_particle(&words[k]) {
        k += 1;
    }
    let object = words.get(k..).unwrap_or_default().join(" ");
    VAGUE_OBJECT.as_ref().is_some_and(|re| re.is_match(&object))
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

/// "the blog post" -> "blog post"; "my notes" stays.
fn strip_article(s: &str) -> String {
    let s = s.trim();
    match s.split_once(' ') {
        Some((first, rest)) if matches!(bare(first).as_str(), "the" | "a" | "an") => {
            rest.to_string()
        }
        _ => s.to_string(),
    }
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
fn settle_dates(
    items: &mut [Item],
    now: NaiveDateTime,
    prev_day: Option<NaiveDate>,
    scene: Option<NaiveDate>,
) {
    // A date said inside a command ("call Joe tomorrow, and send Kevin the NDA") stays with
    // it; one said as a header, remark or opener ("Tomorrow: ...") covers what follows.
    let mut context: Option<NaiveDate> = scene;
    let mut last_date: Option<NaiveDate> = prev_day;
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
                offset: 0,
            }
            .due(now, inherited)
        } else if it.anaphoric {
            last_date
                .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(it.offset)))
                .map(Due::Date)
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
    // "email the landlord, today": a date said after the item, on its own, is the item's;
    // "..., both by Friday" is the date of every item listed before it.
    for i in 0..items.len() {
        if !matches!(items[i].kind, Kind::DateOnly) {
            continue;
        }
        let Some(due) = items[i].due else {
            continue;
        };
        let meaningful = |k: &Kind| !matches!(k, Kind::Filler);
        if items[i].shared {
            for it in items[..i].iter_mut() {
                if it.is_task() && it.due.is_none() {
                    it.due = Some(due);
                }
            }
            continue;
        }
        let next_is_task = (i + 1..items.len())
            .find(|&j| meaningful(&items[j].kind))
            .is_some_and(|j| items[j].is_task());
        if let Some(j) = (0..i).rev().find(|&j| meaningful(&items[j].kind))
            && !next_is_task
            && items[j].is_task()
            && items[j].due.is_none()
        {
            items[j].due = Some(due);
        }
    }
    // "I need to get them done this week": a date said for items named just before.
    for i in 1..items.len() {
        let pronoun = matches!(items[i].kind, Kind::Task { .. })
            && items[i].dropped
            && items[i].day.is_some();
        if !pronoun {
            continue;
        }
        let due = items[i].due;
        for it in items[..i].iter_mut().rev() {
            if !it.is_task() {
                break;
            }
            if it.due.is_none() {
                it.due = due;
            }
        }
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
        // A dropped "make it a priority" still says something about the item before it.
        if items[i].is_task() {
            continue;
        }
        let Some(p) = items[i].cue else {
            continue;
        };
        if let Some(j) = (0..i).rev().find(|&j| items[j].is_task()) {
            // Items split from one phrase ("the blog post and the newsletter") share it.
            let clause = items[j].clause;
            for it in items[..=j]
                .iter_mut()
                .filter(|it| it.is_task() && it.clause == clause)
            {
                it.priority = Some(p);
            }
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
            Kind::Amend(detail) => {
                if let Some(d) = reader.drafts.last_mut().filter(|d| d.sentence + 1 >= index) {
                    if let Some(due) = it.due.or(it.day.map(Due::Date)) {
                        d.due = Some(due);
                    }
                    // "the green ones" names a detail of the item; "oat milk" its object.
                    let ones = detail
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| matches!(bare(w).as_str(), "one" | "ones"));
                    if !detail.is_empty() && (ones || cue(detail).is_none()) {
                        d.title = amend_title(&d.title, detail);
                    }
                }
                reader.correcting = false;
                last_was_task = Some(true);
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
    // A cue only overrides one the item already has when it points back at it ("it's not
    // urgent after all"): "no rush" about something else must not lower a top priority.
    let points_back = items
        .iter()
        .find(|it| !matches!(it.kind, Kind::Filler))
        .is_some_and(|it| match &it.kind {
            Kind::Statement(s) => s
                .split_whitespace()
                .next()
                .map(bare)
                .is_some_and(|w| BACK_REFERENCES.contains(&w.as_str())),
            _ => false,
        });
    if !produced
        && let Some(p) = items
            .iter()
            .filter(|it| !it.is_task())
            .find_map(|it| it.cue)
        && let Some(d) = reader.drafts.last_mut()
        && d.sentence + 1 == index
        && (d.priority.is_none() || points_back)
    {
        d.priority = Some(p);
    }
}

/// "Order the blue cushions" + "the green ones" -> "Order the green cushions";
/// "Buy milk" + "oat milk" -> "Buy oat milk".
fn amend_title(title: &str, detail: &str) -> String {
    let mut words: Vec<&str> = detail.split_whitespace().collect();
    if words.first().is_some_and(|w| is_determiner(w)) {
        words.remove(0);
    }
    let ones = words
        .last()
        .is_some_and(|w| matches!(bare(w).as_str(), "one" | "ones"));
    let t: Vec<&str> = title.split_whitespace().collect();
    if ones {
        words.pop();
        let det = (1..t.len()).find(|&k| is_determiner(t[k]));
        if let Some(k) = det
            && !words.is_empty()
            && k + words.len() < t.len()
        {
            let mut out: Vec<&str> = t[..=k].to_vec();
            out.extend(words.iter().copied());
            out.extend(t[k + 1 + words.len()..].iter().copied());
            return out.join(" ");
        }
        return title.to_string();
    }
    // "Email Jo the slides" + "the handouts": the phrase with the same determiner goes.
    let first = detail.split_whitespace().next().unwrap_or_default();
    if is_determiner(first)
        && let Some(k) = (1..t.len()).rev().find(|&k| bare(t[k]) == bare(first))
    {
        return format!("{} {detail}", t[..k].join(" "));
    }
    match leading_verb(title) {
        Some(v) if !words.is_empty() => super::title::capitalize(&format!("{v} {detail}")),
        _ => title.to_string(),
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("sentence.rs"),
            &[
                ("REQUEST_START", super::REQUEST_START.is_some()),
                ("LIST_HEADER", super::LIST_HEADER.is_some()),
                ("HEADER_VERB", super::HEADER_VERB.is_some()),
                ("SHOPPING", super::SHOPPING.is_some()),
                ("INDEFINITE_NP", super::INDEFINITE_NP.is_some()),
                ("ASKED", super::ASKED.is_some()),
                ("EXAMPLE_LEAD", super::EXAMPLE_LEAD.is_some()),
                ("VAGUE_OBJECT", super::VAGUE_OBJECT.is_some()),
                ("SAME_FOR", super::SAME_FOR.is_some()),
                ("NOUN_AND", super::NOUN_AND.is_some()),
                ("COPULA", super::COPULA.is_some()),
            ],
        );
    }
}
