//! Quick add: one line typed into the board, with inline markers —
//! `Call Joe tomorrow !high #sales` → title "Call Joe", due tomorrow, high, Sales.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Weekday};

use super::{Service, ServiceResult};
use crate::model::{Due, NewTask, Priority, Task};

/// What the markers in a quick-add line say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuickAdd {
    pub title: String,
    pub priority: Option<Priority>,
    pub category: Option<String>,
    pub due: Option<Due>,
}

impl Service {
    pub fn quick_add(&self, text: &str, now: NaiveDateTime) -> ServiceResult<Task> {
        let known: Vec<String> = self
            .list_categories()?
            .into_iter()
            .map(|c| c.name)
            .collect();
        let q = parse_quick_add(text, now.date(), &known);
        self.create_task(NewTask {
            title: q.title,
            priority: q.priority,
            category: q.category,
            due: q.due,
            ..Default::default()
        })
    }
}

pub fn parse_quick_add(text: &str, today: NaiveDate, categories: &[String]) -> QuickAdd {
    let mut out = QuickAdd::default();
    let mut words: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        if let Some(p) = word.strip_prefix('!') {
            let prio = match p.to_ascii_lowercase().as_str() {
                "" | "!" | "!!" | "high" | "h" | "urgent" => Some(Priority::High),
                "low" | "l" => Some(Priority::Low),
                "medium" | "med" | "m" => Some(Priority::Medium),
                _ => None,
            };
            if prio.is_some() {
                out.priority = prio;
                continue;
            }
        }
        if let Some(name) = word
            .strip_prefix('#')
            .and_then(|c| categories.iter().find(|k| k.eq_ignore_ascii_case(c)))
        {
            out.category = Some(name.clone());
            continue;
        }
        words.push(word);
    }
    // A date said at the end: "… tomorrow", "… on friday", "… 2026-12-01".
    if let Some(due) = words.last().and_then(|last| date_word(last, today)) {
        out.due = Some(due);
        words.pop();
        if words
            .last()
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "on" | "by" | "due"))
        {
            words.pop();
        }
    }
    out.title = words.join(" ");
    out
}

fn date_word(word: &str, today: NaiveDate) -> Option<Due> {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    match w.as_str() {
        "today" | "tonight" | "eod" => return Some(Due::Date(today)),
        "tomorrow" | "tmrw" => return today.checked_add_days(Days::new(1)).map(Due::Date),
        _ => {}
    }
    if let Ok(wd) = w.parse::<Weekday>() {
        // The next such day; today's weekday means a week from today.
        let ahead = (7 + wd.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return today
            .checked_add_days(Days::new(u64::from(ahead)))
            .map(Due::Date);
    }
    w.parse::<Due>().ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn markers_are_lifted_out_of_the_title() {
        let cats = vec!["Sales".to_string(), "Meetings".to_string()];
        let q = parse_quick_add(
            "Call Joe about the renewal tomorrow !high #sales",
            d("2026-11-23"),
            &cats,
        );
        assert_eq!(q.title, "Call Joe about the renewal");
        assert_eq!(q.priority, Some(Priority::High));
        assert_eq!(q.category.as_deref(), Some("Sales"));
        assert_eq!(q.due, Some(Due::Date(d("2026-11-24"))));
    }

    #[test]
    fn weekday_and_plain_text() {
        // 2026-11-23 is a Monday: "monday" means next week's.
        let q = parse_quick_add("Send deck on monday", d("2026-11-23"), &[]);
        assert_eq!(
            (q.title.as_str(), q.due),
            ("Send deck", Some(Due::Date(d("2026-11-30"))))
        );
        let q = parse_quick_add("Plan #hashtag party !wow", d("2026-11-23"), &[]);
        assert_eq!(
            q,
            QuickAdd {
                title: "Plan #hashtag party !wow".into(),
                ..Default::default()
            }
        );
    }
}
