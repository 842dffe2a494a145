//! One clause, several to-dos: dictated lists ("Grocery list, bread, coffee"), examples said
//! as gerunds, and two things named with "and".

use std::sync::LazyLock;

use regex::Regex;

use super::Item;
use super::words::{strip_article, strip_conjunction, strip_trailing_conjunction};
use crate::extract::classify::Kind;
use crate::extract::lexicon::{bare, is_verb, opens_command, verb_from_gerund};

pub(super) static LIST_HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:list|buy|shopping|grocer(?:y|ies)|to-?dos?|things|stuff|errands|tasks|items|need|get|pick\s+up|calls|emails|texts|bookings|payments|returns|orders|replies|messages)\b").ok()
});

static HEADER_VERB: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\bto\s+(\w+)").ok());

/// "three calls to make:", "emails to send:": the noun says what to do with each item.
static HEADER_NOUN_VERB: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(call|email|text|e-mail|booking|payment|return|order|repl(?:y|ie)|message)s?\s+(?:to|I\s+(?:need|have|must)\s+to)\s+(?:make|do|send|write|sort|place|chase)\b").ok()
});

/// "Add a note to the staging server: use the new VPN config": what follows the colon is
/// the note, not a to-do of its own.
static NOTE_HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:add|put|leave|write|make)\s+(?:a\s+)?(?:note|comment)\b").ok()
});

static SHOPPING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:grocer(?:y|ies)|shopping|buy|store|supermarket)\b").ok()
});

/// "like sorting out the garage": an example of what is meant, said as a gerund.
static EXAMPLE_LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|or|um+|uh+)\W+)*(?:like|such\s+as|including|e\.?g\.?|say)\W")
        .ok()
});

static NOUN_AND: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i),?\s+and\s+(?:also\s+)?(?:the|my|our|your|his|her|their)\s+").ok()
});

/// "Grocery list, bread, coffee" -> "Buy eggs, bread, coffee";
/// "Calls to make: ..." -> one task per item with the header's verb.
pub(super) fn expand_lists(items: &mut [Item], text: &str) {
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
        let noun_verb = HEADER_NOUN_VERB
            .as_ref()
            .and_then(|re| re.captures(header_text))
            .and_then(|c| c.get(1))
            .map(|m| match m.as_str().to_lowercase().as_str() {
                "booking" => "book".to_string(),
                "payment" => "pay".to_string(),
                "replie" => "reply".to_string(),
                other => other.to_string(),
            });
        let verb = noun_verb
            .or_else(|| {
                HEADER_VERB
                    .as_ref()
                    .and_then(|re| re.captures(header_text))
                    .and_then(|c| c.get(1))
                    .map(|m| m.as_str().to_lowercase())
                    .filter(|v| is_verb(v))
            })
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

/// "Shop jobs:", "Stuff I need to get done:", "I want all of this done today:": a header
/// that only announces the list after it is no item; its date, if any, dates the list.
pub(super) fn list_headers(items: &mut [Item]) {
    for i in 0..items.len() {
        if !items[i].clause.header || !items[i + 1..].iter().any(Item::is_task) {
            continue;
        }
        let vague = match &items[i].kind {
            Kind::Phrase(p) => p.split_whitespace().count() <= 3,
            Kind::Task { .. } => items[i].titled.as_ref().is_some_and(|t| {
                let named_only =
                    !opens_command(&t.title) && t.title.split_whitespace().count() <= 3;
                named_only
                    || t.title
                        .split_whitespace()
                        .skip(1)
                        .all(|w| ANNOUNCING.contains(&bare(w).as_str()))
            }),
            _ => false,
        };
        if vague {
            let text = text_of(&items[i]);
            items[i].kind = Kind::Statement(text);
            items[i].titled = None;
        }
    }
}

/// Words of a header that name no thing: "get all of this done".
const ANNOUNCING: &[&str] = &[
    "get",
    "done",
    "all",
    "of",
    "this",
    "these",
    "that",
    "the",
    "following",
    "stuff",
    "things",
    "sorted",
    "finished",
    "handled",
    "today",
    "down",
    "lot",
    "jobs",
    "tasks",
    "errands",
    "chores",
    "bits",
    "list",
    "todos",
];

fn text_of(it: &Item) -> String {
    match &it.kind {
        Kind::Phrase(p) | Kind::Statement(p) => p.clone(),
        Kind::Task { text, .. } => text.clone(),
        _ => String::new(),
    }
}

/// A note's header ("Add a note to the server:") takes the rest of the sentence as the
/// note: those clauses are no items of their own.
pub(super) fn note_contents(items: &mut [Item], text: &str) {
    let Some(i) = items.iter().position(|it| {
        it.clause.header
            && it.is_task()
            && NOTE_HEADER
                .as_ref()
                .is_some_and(|re| re.is_match(&text[it.clause.start..it.clause.end]))
    }) else {
        return;
    };
    let Some(last) = items.last().map(|it| it.clause.end) else {
        return;
    };
    let Some(first) = items.get(i + 1).map(|it| it.clause.start) else {
        return;
    };
    let note = text[first..last]
        .trim()
        .trim_end_matches(['.', '!'])
        .to_string();
    for it in &mut items[i + 1..] {
        it.dropped = true;
        it.kind = Kind::Filler;
    }
    if let Some(t) = items[i].titled.as_mut()
        && !note.is_empty()
    {
        t.rest = Some(note);
    }
}

/// "Everything else can wait, like sorting out the garage and replying to Tom": examples
/// said as gerunds are to-dos, as is each gerund listed after one.
pub(super) fn gerund_examples(items: Vec<Item>, text: &str) -> Vec<Item> {
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

/// "the passport renewal and the visa application" said as one item: two to-dos.
pub(super) fn split_noun_pairs(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let parts: Vec<String> = match &it.kind {
            Kind::Task { text, .. } if !opens_command(text) => NOUN_AND
                .as_ref()
                .map(|re| re.split(text).map(strip_article).collect())
                .unwrap_or_default(),
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

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("lists.rs"),
            &[
                ("LIST_HEADER", super::LIST_HEADER.is_some()),
                ("HEADER_NOUN_VERB", super::HEADER_NOUN_VERB.is_some()),
                ("NOTE_HEADER", super::NOTE_HEADER.is_some()),
                ("HEADER_VERB", super::HEADER_VERB.is_some()),
                ("SHOPPING", super::SHOPPING.is_some()),
                ("EXAMPLE_LEAD", super::EXAMPLE_LEAD.is_some()),
                ("NOUN_AND", super::NOUN_AND.is_some()),
            ],
        );
    }
}
