//! Small word helpers the steps share: conjunctions and articles trimmed, a leading verb.

use crate::extract::lexicon::{bare, is_any_verb, is_determiner, is_particle};

pub(super) fn starts_with_addition(p: &str) -> bool {
    p.split_whitespace()
        .next()
        .map(bare)
        .is_some_and(|w| matches!(w.as_str(), "and" | "also" | "plus" | "oh"))
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
    let first = p.split_whitespace().next().unwrap_or_default();
    is_determiner(first) || first.chars().next().is_some_and(char::is_uppercase)
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
