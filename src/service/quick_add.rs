//! Quick add: one line typed into the board, with inline markers —
//! `Call Joe tomorrow !high #sales` → title "Call Joe", due tomorrow, high, Sales.

use chrono::NaiveDateTime;

use super::{Service, ServiceResult};
use crate::extract::{dates, title};
use crate::model::{Due, NewTask, Priority, Task};

/// What the markers in a quick-add line say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuickAdd {
    pub title: String,
    pub priority: Option<Priority>,
    pub category: Option<String>,
    pub due: Option<Due>,
}

/// Colors a category made from quick add gets, in turn.
pub(crate) const NEW_CATEGORY_COLORS: &[&str] = &[
    "#d6336c", "#2f9e44", "#1c7ed6", "#f08c00", "#7048e8", "#0c8599",
];

impl Service {
    pub fn quick_add(&self, text: &str, now: NaiveDateTime) -> ServiceResult<Task> {
        let known: Vec<String> = self
            .list_categories()?
            .into_iter()
            .map(|c| c.name)
            .collect();
        let q = parse_quick_add(text, now, &known);
        let category = match q.category {
            Some(name) => Some(self.ensure_category(&name)?),
            None => None,
        };
        self.create_task(NewTask {
            title: q.title,
            priority: q.priority,
            category,
            due: q.due,
            ..Default::default()
        })
    }

    /// The category called `name` (any case), made when there is none yet.
    pub fn ensure_category(&self, name: &str) -> ServiceResult<String> {
        let name = name.trim();
        if let Some(found) = self.store().find_category(name)? {
            return Ok(found);
        }
        if name.is_empty() || name.chars().count() > 40 {
            return Err(super::ServiceError::Invalid(format!(
                "a category name needs 1 to 40 characters, not {name:?}"
            )));
        }
        let count = self.list_categories()?.len();
        let made = self.store().upsert_category(&crate::model::Category {
            name: title::capitalize(name),
            color: NEW_CATEGORY_COLORS[count % NEW_CATEGORY_COLORS.len()].to_string(),
        })?;
        self.feed.emit(super::ChangeEvent::SettingChanged {
            key: "categories".into(),
        });
        Ok(made.name)
    }
}

/// Reads a quick-add line: `!high`/`!low`/`!!` set the priority and `#name` the category
/// (a new name makes a new category), wherever they sit; a date said anywhere in it
/// ("friday", "tomorrow at 3pm", "on the 18th") is read by the same parser as a dump's and
/// lifted out of the title.
pub fn parse_quick_add(text: &str, now: NaiveDateTime, categories: &[String]) -> QuickAdd {
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
        if let Some(tag) = word.strip_prefix('#')
            && is_tag(tag)
        {
            out.category = Some(
                categories
                    .iter()
                    .find(|k| k.eq_ignore_ascii_case(tag))
                    .cloned()
                    .unwrap_or_else(|| tag.to_string()),
            );
            continue;
        }
        words.push(word);
    }
    let rest = words.join(" ");
    let (title, due) = lift_date(&rest, now);
    out.title = title;
    out.due = due;
    out
}

/// A category tag: letters, digits, '-' and '_' ("#errands", "#q4-planning"), not "#1".
fn is_tag(tag: &str) -> bool {
    tag.chars().next().is_some_and(char::is_alphabetic)
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The last date phrase in `text` as the due date, and the text without it (and without the
/// "on"/"by"/"due" before it).
fn lift_date(text: &str, now: NaiveDateTime) -> (String, Option<Due>) {
    let hits = dates::find_dates(text, now);
    let Some(hit) = hits
        .iter()
        .rev()
        .find(|h| !h.possessive && !h.anaphoric && (h.day.is_some() || h.time.is_some()))
    else {
        return (text.to_string(), None);
    };
    let Some(due) = hit.due(now, None) else {
        return (text.to_string(), None);
    };
    let before = text[..hit.start].trim_end();
    let before = ["on", "by", "due", "for", "before"]
        .iter()
        .find_map(|p| {
            before
                .strip_suffix(p)
                .filter(|b| b.is_empty() || b.ends_with(' '))
        })
        .unwrap_or(before);
    let title = format!("{} {}", before.trim_end(), &text[hit.end..])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",");
    let title = title.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    (title.to_string(), Some(due))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn d(s: &str) -> Option<Due> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn markers_are_lifted_out_of_the_title() {
        let cats = vec!["Sales".to_string(), "Meetings".to_string()];
        let q = parse_quick_add(
            "Call Joe about the renewal tomorrow !high #sales",
            at("2026-11-23"),
            &cats,
        );
        assert_eq!(q.title, "Call Joe about the renewal");
        assert_eq!(q.priority, Some(Priority::High));
        assert_eq!(q.category.as_deref(), Some("Sales"));
        assert_eq!(q.due, d("2026-11-24"));
    }

    #[test]
    fn typed_iso_dates_are_read() {
        let q = parse_quick_add("Ship it due 2026-03-05 !high", at("2026-03-01"), &[]);
        assert_eq!(q.title, "Ship it");
        assert_eq!(q.due, d("2026-03-05"));
        let q = parse_quick_add("Board review 2026-03-14 at 15:00", at("2026-03-01"), &[]);
        assert_eq!(q.title, "Board review");
        assert_eq!(q.due, d("2026-03-14T15:00"));
        let q = parse_quick_add("Board review 2026-03-14T09:30 #work", at("2026-03-01"), &[]);
        assert_eq!(q.due, d("2026-03-14T09:30"));
        // Not a date: left in the title.
        let q = parse_quick_add("Order part 2026-13-45", at("2026-03-01"), &[]);
        assert_eq!(q.title, "Order part 2026-13-45");
        assert_eq!(q.due, None);
    }

    #[test]
    fn the_date_is_read_wherever_it_sits() {
        // 2026-12-05 is a Saturday.
        let q = parse_quick_add(
            "Renew passport friday !high #errands",
            at("2026-12-05"),
            &[],
        );
        assert_eq!(q.title, "Renew passport");
        assert_eq!(q.due, d("2026-12-11"));
        assert_eq!(q.priority, Some(Priority::High));
        assert_eq!(
            q.category.as_deref(),
            Some("errands"),
            "an unknown tag is a new category"
        );
        let q = parse_quick_add(
            "Dentist on the 18th at 3pm, bring the forms",
            at("2026-12-05"),
            &[],
        );
        assert_eq!(q.title, "Dentist, bring the forms");
        assert_eq!(q.due, d("2026-12-18T15:00:00"));
    }

    #[test]
    fn weekday_and_plain_text() {
        // 2026-11-23 is a Monday: "monday" means next week's.
        let q = parse_quick_add("Send deck on monday", at("2026-11-23"), &[]);
        assert_eq!((q.title.as_str(), q.due), ("Send deck", d("2026-11-30")));
        let q = parse_quick_add("Plan party #1 !wow", at("2026-11-23"), &[]);
        assert_eq!(
            q,
            QuickAdd {
                title: "Plan party #1 !wow".into(),
                ..Default::default()
            }
        );
    }
}
