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
mod priority;
mod sentence;
mod sentences;
pub(crate) mod title;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Category, Due, Priority};

pub use dates::resolve_due;
pub(crate) use lexicon::{is_common_word, is_verb};

/// What the extractor needs besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions<'a> {
    /// Relative dates ("tomorrow", "Friday") resolve against this local time.
    pub now: chrono::NaiveDateTime,
    /// The user's categories; a task only ever gets one of these names.
    pub categories: &'a [Category],
}

/// A task found in a transcript, before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExtractedTask {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub category: Option<String>,
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
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
}

/// The sentences of a transcript as the extractor reads them, each with whether it was
/// asked as a question.
pub(crate) fn split_into_sentences(text: &str) -> Vec<(String, bool)> {
    sentences::split_sentences(&sentences::normalize(text))
        .into_iter()
        .map(|s| (s.text, s.question))
        .collect()
}

/// Turns a transcript into tasks. Never fails: text with nothing actionable gives an empty list.
pub fn extract(text: &str, opts: &ExtractOptions) -> Vec<ExtractedTask> {
    let normalized = sentences::normalize(text);
    let mut reader = Reader::default();
    for (i, s) in sentences::split_sentences(&normalized).iter().enumerate() {
        sentence::read(i, s, opts.now, &mut reader);
    }
    finish(reader.drafts, opts.categories)
}

/// Merges repeats ("call the plumber ... yeah, definitely call the plumber") and fills defaults.
fn finish(drafts: Vec<Draft>, categories: &[Category]) -> Vec<ExtractedTask> {
    let mut out: Vec<ExtractedTask> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in drafts {
        let title = d.title.trim().to_string();
        let words = title.split_whitespace().count();
        if !title.chars().any(char::is_alphabetic) || (words == 1 && lexicon::is_verb(&title)) {
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
        if let Some(&i) = seen.get(&key) {
            let t = &mut out[i];
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
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use chrono::NaiveDateTime;

    fn run(text: &str) -> Vec<ExtractedTask> {
        let now =
            NaiveDateTime::parse_from_str("2026-12-02T14:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
        let cats: Vec<Category> = [
            "Meetings",
            "Sales",
            "Admin",
            "Personal",
            "Development",
            "Writing",
            "Research",
        ]
        .iter()
        .map(|n| Category {
            name: (*n).to_string(),
            color: "#888".into(),
        })
        .collect();
        extract(
            text,
            &ExtractOptions {
                now,
                categories: &cats,
            },
        )
    }

    fn titles(text: &str) -> Vec<String> {
        run(text).into_iter().map(|t| t.title).collect()
    }

    #[test]
    fn the_issue_example() {
        let t = run(
            "okay so, call Joe from Acme tomorrow about the renewal, that's urgent, and send Kevin the contract and the NDA",
        );
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].title, "Call Joe from Acme about the renewal");
        assert_eq!(t[0].priority, Priority::High);
        assert_eq!(
            t[0].due.map(|d| d.to_string()).as_deref(),
            Some("2026-12-03")
        );
        assert_eq!(t[1].title, "Send Kevin the contract and the NDA");
        assert_eq!(t[1].priority, Priority::Medium);
        assert_eq!(t[1].due, None);
    }

    #[test]
    fn take_backs_and_corrections() {
        assert_eq!(
            titles("Update the onboarding doc, no wait, forget the onboarding doc. Review the PR."),
            vec!["Review the PR"]
        );
        assert_eq!(
            titles("Buy a new monitor. Never mind. Book a haircut."),
            vec!["Book a haircut"]
        );
        assert_eq!(
            titles("Order business cards. Actually don't, we're rebranding."),
            Vec::<String>::new()
        );
        let t = run("Send the deck to Rachel on Thursday, no wait, Friday.");
        assert_eq!(
            t[0].due.map(|d| d.to_string()).as_deref(),
            Some("2026-12-04")
        );
        assert_eq!(
            titles("Buy milk. No, oat milk. And bananas."),
            vec!["Buy oat milk", "Buy bananas"]
        );
        // A take-back of a musing does not eat the task before it.
        assert_eq!(
            titles("Rewrite the hero copy. And I need to sleep more, but that's not a task."),
            vec!["Rewrite the hero copy"]
        );
    }

    #[test]
    fn drops_musings_and_facts() {
        assert!(run("The quarterly numbers look better. Marketing did a good job.").is_empty());
        assert!(run("Ugh, the meeting ran long again. Just venting.").is_empty());
        assert!(run("I wonder if we should switch to a four-day week.").is_empty());
    }

    #[test]
    fn priority_from_neighbours() {
        let t = run("Sign the NDA from Initech. It's blocking the whole deal.");
        assert_eq!(t[0].priority, Priority::High);
        let t = run(
            "Low priority, clean up the old feature flags. Then, whenever, sort out the receipts.",
        );
        assert!(t.iter().all(|t| t.priority == Priority::Low));
    }

    #[test]
    fn pronouns_point_back() {
        assert_eq!(
            titles("Also the rent is due on the first of January, set that up."),
            vec!["Set up rent"]
        );
        assert_eq!(
            titles("Fabrikam wants a demo, set one up for Tuesday."),
            vec!["Set up demo for Fabrikam"]
        );
        assert!(run("They charge on the 5th so do it before then.").is_empty());
    }

    #[test]
    fn dates_stay_with_their_item() {
        let t = run("Things for tomorrow: call the vet, email Professor Liu.");
        assert!(
            t.iter()
                .all(|t| t.due.map(|d| d.to_string()).as_deref() == Some("2026-12-03"))
        );
        let t = run("Don't forget to water the plants and feed the fish before Friday.");
        assert!(
            t.iter()
                .all(|t| t.due.map(|d| d.to_string()).as_deref() == Some("2026-12-04"))
        );
    }

    #[test]
    fn categories_only_from_options() {
        let now =
            NaiveDateTime::parse_from_str("2026-12-02T14:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
        let cats = vec![Category {
            name: "personal".into(),
            color: "#fff".into(),
        }];
        let t = extract(
            "Fix the login bug. Call mom.",
            &ExtractOptions {
                now,
                categories: &cats,
            },
        );
        assert_eq!(t[0].category, None);
        assert_eq!(t[1].category.as_deref(), Some("personal"));
    }
}
