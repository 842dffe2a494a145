//! Small word helpers the steps share: conjunctions and articles trimmed, a leading verb.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{bare, is_any_verb, is_determiner, is_particle};

/// "someone has to grit the path": a job with nobody on it yet, the speaker's once they take
/// it on ("I'll do it myself", "probably me").
pub(super) static SOMEONE_HAS_TO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|so|but|oh|um+|uh+|also)\W+)*(?:someone|somebody)\s+(?:has|needs|ought|will\s+have|'ll\s+have|should\s+probably|should)\s+(?:to\s+)?(.+)$").ok()
});

/// "probably me", "I suppose that's me", "i.e. me": the speaker taking on the job just said.
pub(super) static THATS_ME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:probably|i\s+suppose|i\s+guess|so|which\s+is|i\.?e\.?|that'?s|that\s+is|well|ok|okay|and|but|which\s+means)\W+)*(?:me|myself)\W*(?:then|really|again)?\W*$").ok()
});

/// "Dana's handling that", "Nick said he'd take it in", "Coach Amara already locked that
/// in", "Ben's doing the Thompson hedges": someone named takes the job, not the speaker.
pub(crate) static OTHERS_DO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\W*(?i:(?:and|oh|so|um+|uh+|but|also|well)[\s,]+)*(?P<who>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*)?)(?i:'s|\s+is|\s+has|\s+will|'ll|\s+said\s+(?:he|she|they)(?:'d|'ll|\s+would|\s+will)|\s+says\s+(?:he|she|they)(?:'ll|'d|\s+will|'s)|\s+already|\s+just)\s+(?i:already\s+|just\s+|kindly\s+)?(?i:going\s+to\s+|gonna\s+)?(?i:doing|handling|taking|sorting|covering|dealing|looking\s+after|do|handle|take|sort|cover|deal|look\s+after|locked|booked|sorted|done|did|handled|taken|covered|dealt|picked|fixed)\b(?P<what>.*)$").ok()
});

/// Who [`OTHERS_DO`] names, when it is someone else: not "We", "They", "Someone".
pub(crate) fn done_by_others(clause: &str) -> Option<String> {
    let c = OTHERS_DO.as_ref()?.captures(clause)?;
    let who = c.name("who")?.as_str();
    let first = who
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if matches!(
        first.as_str(),
        "we" | "they"
            | "he"
            | "she"
            | "it"
            | "this"
            | "that"
            | "there"
            | "someone"
            | "somebody"
            | "you"
            | "everyone"
            | "nobody"
    ) {
        return None;
    }
    Some(c.name("what").map_or("", |m| m.as_str()).trim().to_string())
}

pub(super) fn starts_with_addition(p: &str) -> bool {
    p.split_whitespace()
        .next()
        .map(bare)
        .is_some_and(|w| matches!(w.as_str(), "and" | "also" | "plus" | "oh"))
}

/// "sleep more", "relax a bit": a verb of its own with only an adverb after it, not one
/// more object for the verb before ("And I really should sleep more").
pub(super) fn own_verb_phrase(p: &str) -> bool {
    let words: Vec<String> = strip_conjunction(p).split_whitespace().map(bare).collect();
    words.first().is_some_and(|w| {
        is_any_verb(w)
            || matches!(
                w.as_str(),
                "sleep"
                    | "exercise"
                    | "relax"
                    | "rest"
                    | "eat"
                    | "drink"
                    | "meditate"
                    | "stretch"
                    | "worry"
                    | "chill"
                    | "unwind"
            )
    }) && words[1..].iter().all(|w| {
        matches!(
            w.as_str(),
            "more" | "less" | "often" | "a" | "bit" | "lot" | "better" | "properly" | "earlier"
        )
    })
}

pub(super) fn strip_conjunction(p: &str) -> String {
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

pub(super) fn strip_trailing_conjunction(p: &str) -> String {
    let mut words: Vec<&str> = p.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| matches!(bare(w).as_str(), "and" | "or" | "plus"))
    {
        words.pop();
    }
    words.join(" ")
}

/// "the NDA", "Kevin's contract": a noun phrase that can be the object of a verb.
pub(super) fn looks_like_object(p: &str) -> bool {
    let p = strip_conjunction(p);
    let words: Vec<&str> = p.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    // "Happy Paws fill up really fast": a verb with its particle says what they do.
    let says_what_happens = words.windows(2).skip(1).any(|w| {
        crate::extract::lexicon::is_verb(w[0])
            && (is_particle(w[1]) || matches!(bare(w[1]).as_str(), "really" | "very" | "so"))
    });
    !says_what_happens
        && (is_determiner(first) || first.chars().next().is_some_and(char::is_uppercase))
}

pub(super) fn leading_verb(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let v = words.next()?;
    if !is_any_verb(v) {
        return None;
    }
    Some(match words.next() {
        Some(p) if is_particle(p) => format!("{v} {p}"),
        _ => v.to_string(),
    })
}

/// "the blog post" -> "blog post"; "my notes" stays.
pub(super) fn strip_article(s: &str) -> String {
    let s = s.trim();
    match s.split_once(' ') {
        Some((first, rest)) if matches!(bare(first).as_str(), "the" | "a" | "an") => {
            rest.to_string()
        }
        _ => s.to_string(),
    }
}

pub(super) fn lowercase_first(s: &str) -> String {
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

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("words.rs"),
            &[
                ("SOMEONE_HAS_TO", super::SOMEONE_HAS_TO.is_some()),
                ("THATS_ME", super::THATS_ME.is_some()),
                ("OTHERS_DO", super::OTHERS_DO.is_some()),
            ],
        );
    }
}
