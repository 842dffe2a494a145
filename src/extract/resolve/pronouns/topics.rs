//! A topic said first and what to do about it said after, with words that name no thing:
//! "the water bill, last date is the 15th, pay online", "the FA course, book a refresher",
//! "the engagement survey results, pull together a summary". Finding the topic, naming it,
//! and putting it into the to-do's title.

use chrono::NaiveDateTime;

use super::super::Item;
use super::{lowercase_first, phrase_np};
use crate::extract::classify::Kind;
use crate::extract::lexicon::{bare, contracted_verb, is_any_verb, is_particle};
use crate::extract::resolve::words::{leading_verb, looks_like_object};

/// "the dosette boxes": a thing said as many (its last word ends in "s", not "'s").
pub(super) fn is_plural(np: &str) -> bool {
    np.split_whitespace().last().map(bare).is_some_and(|w| {
        w.len() > 3 && w.ends_with('s') && !w.ends_with("'s") && !w.ends_with("ss")
    })
}

/// Things arranged for something else: "book a refresher", "schedule a meeting".
const ARRANGED: &[&str] = &[
    "meeting",
    "call",
    "refresher",
    "reminder",
    "session",
    "appointment",
    "slot",
    "quote",
    "estimate",
    "catch-up",
    "chat",
    "review",
    "inspection",
    "visit",
    "demo",
    "viewing",
    "consultation",
    "follow-up",
    "go/no-go",
    "service",
    "repair",
    "check-up",
    "checkup",
    "clean",
];

/// Things written about something: "a summary of the survey results".
const OF_THING: &[&str] = &[
    "summary",
    "report",
    "overview",
    "breakdown",
    "analysis",
    "write-up",
    "recap",
    "digest",
];

/// "Book a refresher" + "the FA safeguarding course" -> "Book a refresher for the FA
/// safeguarding course"; "Send a reminder on the WhatsApp group" + "the subs" -> "Send a
/// reminder about the subs on the WhatsApp group".
pub(super) fn arranged_for(title: &str, np: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    // The verb ("Book", "Pull together"), "a", up to two words naming what is arranged,
    // then at most a place, or who a summary is for.
    let a = words
        .iter()
        .position(|w| matches!(bare(w).as_str(), "a" | "an"))
        .filter(|&a| {
            a == 1 || (a == 2 && (is_particle(words[1]) || bare(words[1]) == "together"))
        })?;
    let noun = (a + 1..words.len().min(a + 3)).rev().find(|&k| {
        let w = bare(words[k]);
        ARRANGED.contains(&w.as_str()) || OF_THING.contains(&w.as_str())
    })?;
    let of_thing = OF_THING.contains(&bare(words[noun]).as_str());
    let rest = &words[noun + 1..];
    let placed = rest.is_empty()
        || (rest.len() <= 4
            && (matches!(bare(rest[0]).as_str(), "on" | "in" | "via" | "with")
                || (of_thing && matches!(bare(rest[0]).as_str(), "for" | "to"))));
    let said: Vec<String> = np.split_whitespace().map(bare).collect();
    let named = said
        .iter()
        .any(|w| w.len() > 3 && words.iter().any(|t| bare(t) == *w));
    if !placed || named || said.len() > 8 || !is_any_verb(&bare(words[0])) {
        return None;
    }
    let about = if bare(words[noun]) == "reminder" {
        "about"
    } else if of_thing {
        "of"
    } else {
        "for"
    };
    let head = words[..=noun].join(" ");
    Some(
        format!("{head} {about} {np} {}", rest.join(" "))
            .trim_end()
            .to_string(),
    )
}

/// Ways of doing a thing that are no thing to act on: "pay online", "book it in person".
const MANNER: &[&str] = &[
    "online", "upfront", "up-front", "today", "now", "asap", "first", "early", "again", "direct",
    "directly",
];

/// "Pay online" + "the water bill" -> "Pay the water bill online": a verb followed by how
/// only, given the thing it acts on.
pub(super) fn with_its_thing(title: &str, np: &str) -> Option<String> {
    let (verb, rest) = title.split_once(' ')?;
    let how: Vec<String> = rest.split_whitespace().map(bare).collect();
    let manner = match how.as_slice() {
        [w] => MANNER.contains(&w.as_str()),
        [a, b] => matches!(
            (a.as_str(), b.as_str()),
            ("in", "person" | "full" | "cash") | ("by", "card" | "phone" | "cash" | "transfer")
        ),
        _ => false,
    };
    // "look into switching" + "the card machine rental": switching it.
    let gerund = matches!(how.as_slice(), [p, g]
        if matches!(p.as_str(), "into" | "about")
            && crate::extract::lexicon::verb_from_gerund(g).is_some());
    if gerund && np.split_whitespace().count() <= 6 {
        return Some(format!("{title} {np}"));
    }
    (manner && is_any_verb(&bare(verb)) && np.split_whitespace().count() <= 6)
        .then(|| format!("{verb} {np} {rest}"))
}

/// "Broadband renewal" opening a sentence: a thing, not a person — two plain words.
pub(super) fn capitalised_thing(np: &str) -> bool {
    let words: Vec<&str> = np.split_whitespace().collect();
    words.len() == 2
        && words[1].chars().all(|c| c.is_lowercase())
        && PAYABLE.contains(&bare(words[1]).as_str())
}

/// "Water bill" opening a sentence, as it sits in a title: "the water bill".
pub(super) fn as_thing(np: &str) -> String {
    if capitalised_thing(np) {
        format!("the {}", np.to_lowercase())
    } else {
        np.to_string()
    }
}

/// Things that are paid, renewed or booked, and name the topic they head.
const PAYABLE: &[&str] = &[
    "bill",
    "invoice",
    "tax",
    "fee",
    "fees",
    "rent",
    "subscription",
    "renewal",
    "premium",
    "insurance",
    "licence",
    "license",
    "fine",
    "deposit",
    "balance",
    "service",
    "check",
];

/// The thing topic `j` names, with the name said just before it for the same thing: "the
/// invoice for the Hendersons (the bathroom refit)", "electricity bill (TNEB)".
pub(super) fn topic_np(items: &[Item], j: usize, now: NaiveDateTime) -> Option<String> {
    let np = |k: usize| match &items[k].kind {
        Kind::Phrase(s) | Kind::Statement(s) => Some(as_thing(&phrase_np(s, now)?)),
        // As said, not as titled: "electricity bill", not "Electricity bill".
        Kind::Task { text, .. } if text.starts_with(char::is_lowercase) => {
            let mut title = items[k].titled.as_ref()?.title.chars();
            let first = title.next()?;
            Some(as_thing(
                &first.to_lowercase().chain(title).collect::<String>(),
            ))
        }
        _ => Some(as_thing(&lowercase_first(&items[k].titled.as_ref()?.title))),
    };
    let thing = np(j)?;
    Some(
        match super::super::phrases::apposed_head(items, j).and_then(np) {
            Some(head) => super::super::phrases::apposition(&head, &thing),
            None => thing,
        },
    )
}

/// The topic said just before item `i`, with at most two remarks between: a bare thing
/// ("Water bill") read as a to-do, or a noun phrase.
pub(super) fn topic_before(items: &[Item], i: usize) -> Option<usize> {
    let mut remarks = 0;
    for j in (0..i).rev() {
        match &items[j].kind {
            Kind::Filler | Kind::DateOnly => {}
            // "Third, a toolbox talk for the lads on working at height, do that Monday".
            // Not "her GP's changed her dose": a "'s" that is "has" says what happened.
            Kind::Statement(s)
                if super::super::phrases::names_only_a_thing(s)
                    && !s
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .windows(2)
                        .any(|w| contracted_verb(w[0], Some(w[1]))) =>
            {
                return Some(j);
            }
            Kind::Statement(_) if remarks < 2 => remarks += 1,
            // "Third, a toolbox talk…": a count, not a thing.
            Kind::Phrase(s) if super::super::phrases::is_count(s) => {
                return None;
            }
            Kind::Phrase(s) if looks_like_object(s) => return Some(j),
            // "Water bill" read as a command ("water the bill") is still a bill.
            Kind::Task { .. }
                if items[j].is_task()
                    && items[j].titled.as_ref().is_some_and(|t| {
                        leading_verb(&t.title).is_none()
                            || (t.title.split_whitespace().count() <= 3
                                && t.title
                                    .split_whitespace()
                                    .last()
                                    .is_some_and(|w| PAYABLE.contains(&bare(w).as_str())))
                    }) =>
            {
                return Some(j);
            }
            _ => return None,
        }
    }
    None
}
