//! Titles for the sentence's commands, with "do it" / "set that up" pointed at the thing
//! named before, and commands with nothing named to act on dropped.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::Regex;

use super::Item;
use super::words::{looks_like_object, lowercase_first};
use crate::extract::classify::Kind;
use crate::extract::filler::strip_lead;
use crate::extract::lexicon::{bare, is_particle};
use crate::extract::title::{Titled, make_title, pronoun_only, replace_pronoun, tidy};

static INDEFINITE_NP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|an)\s+(\w+(?:\s+(?:for|with|about|of|on)\s+\w+)?(?:\s+\w+)?)").ok()
});

static VAGUE_OBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:something|anything|stuff|things)(?:\s+(?:like\s+(?:that|this|it)|similar|else|different))?(?:\s+again)?(?:\s+sometime)?$").ok()
});

static COPULA: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)(?:is|are|was|were|'s|needs|need|wants|has)\s").ok());

/// Openers after which a clause names no thing to point "it" at.
const NOT_A_SUBJECT: &[&str] = &[
    "if", "when", "because", "not", "so", "unless", "i", "we", "they", "he", "she", "you", "who",
    "what", "why", "how",
];

/// Builds titles, resolving "do it" / "set that up" against the clause before.
pub(super) fn make_titles(items: &mut [Item], now: NaiveDateTime, asked: Option<&str>) {
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

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("pronouns.rs"),
            &[
                ("INDEFINITE_NP", super::INDEFINITE_NP.is_some()),
                ("VAGUE_OBJECT", super::VAGUE_OBJECT.is_some()),
                ("COPULA", super::COPULA.is_some()),
            ],
        );
    }
}
