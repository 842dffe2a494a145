//! Questions asked in a dump ("what's due tomorrow?", "did I call Joe?") are answered from
//! the board and save nothing.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use regex::Regex;
use serde::Serialize;
use specta::Type;

use super::similarity::{Weights, content_tokens};
use crate::extract::resolve_due;
use crate::model::{Priority, Status, Task};

/// A question from a dump with its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Answer {
    pub question: String,
    pub answer: String,
    /// The cards the answer is about.
    pub task_ids: Vec<i64>,
}

static ASKS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:so\s+|and\s+|oh\s+|um\s+|also\s+)*(?:what(?:'s|\s+is|\s+are|\s+do|\s+have|\s+did)?|when(?:'s|\s+is|\s+are)?|did\s+(?:i|we)|have\s+(?:i|we)|has\s+|is\s+there|are\s+there|do\s+(?:i|we)\s+(?:have|still)|how\s+many|which)\b").ok()
});
static DONE_ASK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:did|have|has)\s+(?:i|we|\w+)\s+(?:already\s+|ever\s+)?(?P<rest>.+)$").ok()
});
static WHEN_ASK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwhen(?:'s|\s+is|\s+are|\s+do\s+i\s+need\s+to|\s+should\s+i)\s+(?P<rest>.+?)(?:\s+due)?$")
        .ok()
});

/// Whether a sentence is a question to the board rather than work to do.
pub fn is_question(sentence: &str, marked: bool) -> bool {
    marked || ASKS.as_ref().is_some_and(|r| r.is_match(sentence.trim()))
}

/// Answers `question` from `tasks` (the board, cancelled cards left out).
pub fn answer(question: &str, tasks: &[Task], now: NaiveDateTime) -> Answer {
    let q = question.trim().trim_end_matches(['?', '.', '!']).trim();
    let lower = q.to_lowercase();
    let today = now.date();
    let open = |t: &&Task| t.status != Status::Completed;
    let (answer, ids) = if lower.contains("overdue") || lower.contains("late") {
        let late: Vec<&Task> = tasks
            .iter()
            .filter(open)
            .filter(|t| t.due.is_some_and(|d| d.date() < today))
            .collect();
        list("overdue", &late)
    } else if lower.contains("urgent")
        || lower.contains("high priority")
        || lower.contains("important")
    {
        let high: Vec<&Task> = tasks
            .iter()
            .filter(open)
            .filter(|t| t.priority == Priority::High)
            .collect();
        list("high priority", &high)
    } else if let Some((from, to, label)) = asked_days(&lower, now) {
        let due: Vec<&Task> = tasks
            .iter()
            .filter(open)
            .filter(|t| t.due.is_some_and(|d| d.date() >= from && d.date() <= to))
            .collect();
        list(&format!("due {label}"), &due)
    } else if let Some(rest) = capture(&WHEN_ASK, q) {
        match best_card(&rest, tasks) {
            Some(t) => (
                match t.due {
                    Some(d) => format!("\"{}\" is due {d}.", t.title),
                    None => format!("\"{}\" has no due date.", t.title),
                },
                vec![t.id],
            ),
            None => (format!("I can't find a card about \"{rest}\"."), vec![]),
        }
    } else if let Some(rest) = capture(&DONE_ASK, q) {
        match best_card(&rest, tasks) {
            Some(t) if t.status == Status::Completed => {
                (format!("Yes — \"{}\" is done.", t.title), vec![t.id])
            }
            Some(t) => (
                format!(
                    "Not yet — \"{}\" is {}{}.",
                    t.title,
                    t.status.label().to_lowercase(),
                    t.due.map(|d| format!(", due {d}")).unwrap_or_default()
                ),
                vec![t.id],
            ),
            None => (format!("I can't find a card about \"{rest}\"."), vec![]),
        }
    } else {
        let open_cards: Vec<&Task> = tasks.iter().filter(open).collect();
        let due_today = open_cards
            .iter()
            .filter(|t| t.due.is_some_and(|d| d.date() <= today))
            .count();
        (
            format!(
                "{} open cards, {} due today or earlier.",
                open_cards.len(),
                due_today
            ),
            vec![],
        )
    };
    Answer {
        question: q.to_string(),
        answer,
        task_ids: ids,
    }
}

fn capture(re: &LazyLock<Option<Regex>>, q: &str) -> Option<String> {
    re.as_ref()?
        .captures(q)?
        .name("rest")
        .map(|m| m.as_str().trim().to_string())
        .filter(|s| !s.is_empty())
}

fn list(what: &str, tasks: &[&Task]) -> (String, Vec<i64>) {
    if tasks.is_empty() {
        return (format!("Nothing {what}."), vec![]);
    }
    let names: Vec<String> = tasks
        .iter()
        .take(8)
        .map(|t| format!("\"{}\"", t.title))
        .collect();
    let more = tasks.len().saturating_sub(8);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    (
        format!("{} {what}: {}{tail}.", tasks.len(), names.join(", ")),
        tasks.iter().map(|t| t.id).collect(),
    )
}

/// The days a question asks about: "tomorrow", "on Friday", "this week", "today".
fn asked_days(lower: &str, now: NaiveDateTime) -> Option<(NaiveDate, NaiveDate, String)> {
    let today = now.date();
    if lower.contains("this week") {
        let left = 6 - today.weekday().num_days_from_monday();
        let end = today.checked_add_days(Days::new(u64::from(left)))?;
        return Some((today, end, "this week".into()));
    }
    if lower.contains("next week") {
        let to_monday = 7 - today.weekday().num_days_from_monday();
        let start = today.checked_add_days(Days::new(u64::from(to_monday)))?;
        let end = start.checked_add_days(Days::new(6))?;
        return Some((start, end, "next week".into()));
    }
    if !(lower.contains("due")
        || lower.contains("have")
        || lower.contains("on ")
        || lower.contains("plate"))
    {
        return None;
    }
    let phrase = lower
        .split_whitespace()
        .skip_while(|w| {
            !matches!(
                *w,
                "today"
                    | "tomorrow"
                    | "tonight"
                    | "on"
                    | "by"
                    | "for"
                    | "this"
                    | "next"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let day = resolve_due(&phrase, now)?.date();
    Some((day, day, format!("on {day}")))
}

fn best_card<'a>(about: &str, tasks: &'a [Task]) -> Option<&'a Task> {
    let want = content_tokens(about);
    if want.is_empty() {
        return None;
    }
    let docs: Vec<Vec<String>> = tasks.iter().map(|t| content_tokens(&t.title)).collect();
    let weights = Weights::from_docs(docs.iter().map(Vec::as_slice));
    let mut scored: Vec<(f64, usize)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (weights.coverage(&want, d), i))
        .filter(|(s, _)| *s >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
    scored.first().and_then(|(_, i)| tasks.get(*i))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn task(id: i64, title: &str, status: Status, due: Option<&str>) -> Task {
        Task {
            status,
            due: due.map(|d| d.parse().unwrap()),
            ..Task::sample(id, title)
        }
    }

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    #[test]
    fn answers_from_the_board() {
        let board = vec![
            task(1, "Call Joe about the renewal", Status::Completed, None),
            task(2, "Book the dentist", Status::Pending, Some("2026-12-06")),
            task(3, "Send the deck", Status::Pending, Some("2026-12-09")),
        ];
        let a = answer("What's due tomorrow?", &board, now());
        assert_eq!(a.task_ids, vec![2], "{a:?}");
        assert!(a.answer.contains("Book the dentist"));
        let a = answer("Did I call Joe?", &board, now());
        assert!(a.answer.starts_with("Yes"), "{a:?}");
        let a = answer("Have I booked the dentist?", &board, now());
        assert!(a.answer.starts_with("Not yet"), "{a:?}");
        let a = answer("When is the deck due?", &board, now());
        assert!(a.answer.contains("2026-12-09"), "{a:?}");
        let a = answer("What's due this week?", &board, now());
        assert_eq!(a.task_ids, vec![2], "{a:?}");
        assert!(is_question("what's due tomorrow", false));
        assert!(!is_question("call Joe tomorrow", false));
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("questions.rs"),
            &[
                ("ASKS", super::ASKS.is_some()),
                ("DONE_ASK", super::DONE_ASK.is_some()),
                ("WHEN_ASK", super::WHEN_ASK.is_some()),
            ],
        );
    }
}
