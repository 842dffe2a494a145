//! Offline transcript -> tasks extraction: rules over words, no model and no network.
//!
//! The pipeline: clean the text, cut it into sentences and clauses, classify each clause
//! (command, statement, take-back, bare date...), then resolve what clauses say about their
//! neighbours: a date said once for several items, "that's urgent" after an item, "no wait,
//! Friday", "forget the onboarding doc", "set that up" pointing at the clause before.

mod category;
mod classify;
mod clauses;
pub mod dates;
mod filler;
mod lexicon;
mod numbers;
mod outcomes;
mod priority;
mod requests;
mod resolve;
pub(crate) mod run_on;
mod sentences;
mod shapes;
mod spoken;
pub(crate) mod title;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Category, Due, Priority};

pub use dates::resolve_due;
pub(crate) use lexicon::{is_common_word, is_verb};
pub(crate) use spoken::DAYS_AND_MONTHS;

/// What the extractor needs besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions<'a> {
    /// Relative dates ("tomorrow", "Friday") resolve against this local time.
    pub now: chrono::NaiveDateTime,
    /// The user's categories; a task only ever gets one of these names.
    pub categories: &'a [Category],
    /// The text is what speech recognition heard, not what someone typed: Whisper writes a
    /// full stop at a pause where a typed dump has a comma, so a sentence that does not
    /// open a new thought is read as one more clause of the one before.
    pub heard: bool,
}

/// A task found in a transcript, before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedTask {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
}

/// A task while the transcript is still being read: later clauses may still change or drop it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub title: String,
    pub description: Vec<String>,
    pub priority: Option<Priority>,
    pub due: Option<Due>,
    pub sentence: usize,
}

/// State carried from one sentence to the next.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    pub drafts: Vec<Draft>,
    /// A "no wait" / "sorry" was just said: the next item replaces the previous one.
    pub correcting: bool,
    /// A header sentence ("Three things for tomorrow.") gave a date to the list after it.
    pub scene: Option<chrono::NaiveDate>,
    /// "Did I ever send the W-9 to Contoso?": what was asked about, for an "if not, send it"
    /// in the next sentence.
    pub asked: Option<String>,
    /// The last date said in the sentence before, in a task or not: "The plumber's coming
    /// Thursday. Call him the day after" counts from Thursday.
    pub said_day: Option<(usize, chrono::NaiveDate)>,
    /// Things said with a date ("the gig on the 20th"), newest last, for a later "two days
    /// before the gig".
    pub events: Vec<(String, chrono::NaiveDate)>,
}

/// The sentences of a transcript as the extractor reads them (a long run-on left without
/// commas: the reconciler puts back its own), each with whether it was asked as a question.
pub(crate) fn split_into_sentences(text: &str) -> Vec<(String, bool)> {
    sentences::split_sentences(&spoken::repair_keeping_run_ons(&sentences::normalize(text)))
        .into_iter()
        .map(|s| (s.text, s.question))
        .collect()
}

/// Turns a transcript into tasks. Never fails: text with nothing actionable gives an empty list.
pub fn extract(text: &str, opts: &ExtractOptions) -> Vec<ExtractedTask> {
    let normalized = spoken::repair(&sentences::normalize(text), opts.heard);
    let mut reader = Reader::default();
    for (i, s) in sentences::split_sentences(&normalized).iter().enumerate() {
        resolve::read_sentence(i, s, opts.now, &mut reader);
    }
    finish(reader.drafts, opts.categories)
}

/// Only this many earlier tasks are searched when a later sentence refers back to one (a
/// take-back, a thing named again), which keeps a megabyte transcript linear.
pub(crate) const LOOKBACK: usize = 12;

/// The earlier task, among the last `LOOKBACK`, whose title holds every thing-word of
/// `title` (a title with no verb before it, like "Deposit" or "The incident report has to
/// go out").
fn named_before(title: &str, out: &[ExtractedTask]) -> Option<usize> {
    let from = out.len().saturating_sub(LOOKBACK);
    out[from..]
        .iter()
        .position(|t| names_same_thing(title, &t.title))
        .map(|k| from + k)
}

/// Whether every thing-word of `phrase` ("The deposit", "The incident report has to go
/// out") is in `title` ("Get the marquee deposit paid").
pub(crate) fn names_same_thing(phrase: &str, title: &str) -> bool {
    // Determiners, pronouns, particles and finite verbs ("has", "needs", "be") name nothing.
    let things: Vec<String> = phrase
        .split_whitespace()
        .map(lexicon::bare_noun)
        .filter(|w| {
            w.len() > 2
                && !lexicon::is_determiner(w)
                && !lexicon::is_pronoun(w)
                && !lexicon::is_particle(w)
                && !lexicon::is_finite(w)
                && !dates::is_date_word(w)
                && !matches!(
                    w.as_str(),
                    "must"
                        | "need"
                        | "latest"
                        | "ideally"
                        | "due"
                        | "and"
                        | "get"
                        | "go"
                        | "going"
                        | "come"
                        | "coming"
                        | "done"
                        | "ready"
                        | "sorted"
                        | "happen"
                )
        })
        .collect();
    let words: Vec<String> = title.split_whitespace().map(lexicon::bare_noun).collect();
    !things.is_empty() && things.iter().all(|w| words.contains(w))
}

/// "Put down:", "Add these:", "Write this down": the speaker talking to the app.
fn dictation_cue(title: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(lexicon::bare).collect();
    // "Put both on the list", "add them to the board".
    let on_the_list = words.len() <= 6
        && words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "put" | "add"))
        && words.get(1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "both" | "them" | "these" | "those" | "it" | "that" | "this"
            )
        })
        && words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "list" | "board" | "todos"));
    on_the_list
        || words.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "put" | "write" | "jot" | "note" | "take" | "add"
            )
        }) && words.len() <= 3
            && words[1..]
                .iter()
                .all(|w| matches!(w.as_str(), "down" | "these" | "this" | "that" | "please"))
}

/// Chores said with no object that are whole to-dos: "I gotta pack Friday night".
const STANDS_ALONE: &[&str] = &[
    "pack",
    "unpack",
    "study",
    "revise",
    "vacuum",
    "hoover",
    "dust",
    "iron",
    "tidy",
    "declutter",
    "exercise",
    "mop",
];

/// Merges repeats ("call the plumber ... yeah, definitely call the plumber") and fills defaults.
fn finish(drafts: Vec<Draft>, categories: &[Category]) -> Vec<ExtractedTask> {
    let mut out: Vec<ExtractedTask> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in drafts {
        let title = d.title.trim().to_string();
        let words = title.split_whitespace().count();
        if !title.chars().any(char::is_alphabetic)
            || (words == 1
                && lexicon::is_verb(&title)
                && (!STANDS_ALONE.contains(&title.to_lowercase().as_str())
                    // "revise for the exam, …, revise Sunday": the one before, said again.
                    || out.iter().any(|t| {
                        t.title.split_whitespace().next() == Some(title.as_str())
                    })))
            || dictation_cue(&title)
        {
            continue;
        }
        let description = {
            let mut parts: Vec<String> = Vec::new();
            for p in d.description {
                if !p.is_empty() && !parts.contains(&p) {
                    parts.push(p);
                }
            }
            (!parts.is_empty()).then(|| title::capitalize(&parts.join("; ")))
        };
        let key = title.to_lowercase();
        // "… write up the incident report. The incident report has to go out by Wednesday.":
        // the thing named again, with a date or priority for the item said before.
        let named_again = (!lexicon::opens_command(&title))
            .then(|| named_before(&title, &out))
            .flatten();
        if let Some(&i) = seen.get(&key).or(named_again.as_ref()) {
            let t = &mut out[i];
            // A deadline said for the thing by name is meant for it.
            if named_again.is_some() && d.due.is_some() {
                t.due = d.due;
            }
            if let Some(p) = d.priority
                && p > t.priority
            {
                t.priority = p;
            }
            if t.due.is_none() {
                t.due = d.due;
            }
            if t.description.is_none() {
                t.description = description;
            }
            continue;
        }
        let category = category::categorize(&title, categories).or_else(|| {
            description
                .as_deref()
                .and_then(|d| category::categorize(d, categories))
        });
        seen.insert(key, out.len());
        out.push(ExtractedTask {
            title,
            description,
            category,
            priority: d.priority.unwrap_or_default(),
            due: d.due,
        });
    }
    out
}

#[cfg(test)]
mod tests;
