//! A Markdown checklist: `- [ ] …` open, `- [x] …` done, each line read by the quick-add
//! parser (`Call Joe friday !high #sales`). A heading that names a column (`## In progress`,
//! `## Blocked`, `## Done`) puts the open items under it in that column; indented lines under
//! an item are its description. Utter's own Markdown export reads back this way.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::Regex;

use super::{ImportedCard, TransferError};
use crate::model::{Due, NewTask, Status};
use crate::service::parse_quick_add;

const SOURCE: &str = "Markdown";

/// A list item with a box: its indent, the character in the box, and the text after it.
pub(crate) struct Checkbox<'a> {
    pub mark: char,
    pub text: &'a str,
}

pub(crate) fn checkbox(line: &str) -> Option<Checkbox<'_>> {
    let trimmed = line.trim_start();
    let rest = if let Some(r) = trimmed.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if digits == 0 {
            return None;
        }
        trimmed[digits..].strip_prefix(['.', ')'])?
    };
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start().strip_prefix('[')?;
    let mut chars = rest.chars();
    let mark = chars.next()?;
    let after = chars.as_str().strip_prefix(']')?;
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    Some(Checkbox {
        mark,
        text: after.trim(),
    })
}

fn heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let text = t.trim_start_matches('#');
    (t.starts_with('#') && text.starts_with(' ')).then(|| text.trim())
}

/// The column a heading names, if it names one.
fn heading_status(text: &str) -> Option<Status> {
    let norm = text.trim().trim_end_matches(':').to_ascii_lowercase();
    match norm.as_str() {
        "pending" | "todo" | "to do" | "to-do" | "open" | "backlog" => Some(Status::Pending),
        "in progress" | "in-progress" | "doing" | "wip" | "started" => Some(Status::InProgress),
        "blocked" | "waiting" | "on hold" => Some(Status::Blocked),
        "completed" | "complete" | "done" | "finished" => Some(Status::Completed),
        _ => None,
    }
}

/// An ISO date, with an optional time, and the word before it: `due 2026-03-14 at 15:00`.
static ISO_DUE: LazyLock<Result<Regex, regex::Error>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:due|on|by)\s+)?\b(\d{4}-\d{2}-\d{2})(?:(?:T|\s+at\s+|\s+)(\d{1,2}:\d{2})(?::\d{2})?)?\b",
    )
});

/// The quick-add parser reads spoken dates ("friday at 3pm") but not ISO ones, which is what
/// files hold (and what Utter's Markdown export writes); the last ISO date is lifted out here
/// first. A date that looks ISO but is no day ("2026-02-30") is an error, not a title word.
fn lift_iso_due(text: &str) -> Result<(String, Option<Due>), String> {
    let Ok(re) = ISO_DUE.as_ref() else {
        return Ok((text.to_string(), None));
    };
    let Some(m) = re.captures_iter(text).last() else {
        return Ok((text.to_string(), None));
    };
    let (Some(whole), Some(day)) = (m.get(0), m.get(1)) else {
        return Ok((text.to_string(), None));
    };
    let stamp = match m.get(2) {
        Some(time) => format!("{}T{:0>5}", day.as_str(), time.as_str()),
        None => day.as_str().to_string(),
    };
    let due = stamp
        .parse::<Due>()
        .map_err(|_| format!("'{}' is not a date", whole.as_str().trim()))?;
    let rest = format!("{} {}", &text[..whole.start()], &text[whole.end()..]);
    Ok((
        rest.split_whitespace().collect::<Vec<_>>().join(" "),
        Some(due),
    ))
}

/// A tag cannot hold a space, so the export writes "Q1 planning" as `#Q1-planning`; it
/// reads back as the category it came from.
fn known_category(tag: &str, categories: &[String]) -> String {
    let spaced = tag.replace(['-', '_'], " ");
    categories
        .iter()
        .find(|c| c.eq_ignore_ascii_case(&spaced))
        .cloned()
        .unwrap_or_else(|| tag.to_string())
}

pub fn parse_markdown(
    text: &str,
    now: NaiveDateTime,
    categories: &[String],
) -> Result<Vec<ImportedCard>, TransferError> {
    let mut cards: Vec<ImportedCard> = Vec::new();
    let mut description: Vec<String> = Vec::new();
    let mut in_item = false;
    let mut column = Status::Pending;
    let flush = |cards: &mut Vec<ImportedCard>, description: &mut Vec<String>| {
        while description.last().is_some_and(|l| l.trim().is_empty()) {
            description.pop();
        }
        if let Some(card) = cards.last_mut()
            && !description.is_empty()
        {
            card.task.description = Some(description.join("\n"));
        }
        description.clear();
    };
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let at = format!("line {}", i + 1);
        if let Some(item) = checkbox(line) {
            flush(&mut cards, &mut description);
            let done = match item.mark {
                ' ' => false,
                'x' | 'X' => true,
                other => {
                    return Err(TransferError::at(
                        SOURCE,
                        at,
                        format!(
                            "unknown checkbox '[{other}]'; use '[ ]' for open or '[x]' for done"
                        ),
                    ));
                }
            };
            let (text, iso_due) =
                lift_iso_due(item.text).map_err(|m| TransferError::at(SOURCE, at.clone(), m))?;
            let q = parse_quick_add(&text, now, categories);
            if q.title.trim().is_empty() {
                return Err(TransferError::at(
                    SOURCE,
                    at,
                    "a checklist item with no text",
                ));
            }
            let status = match (done, column) {
                (true, _) => Status::Completed,
                (false, Status::Completed) => Status::Pending,
                (false, c) => c,
            };
            cards.push(ImportedCard {
                task: NewTask {
                    title: q.title,
                    category: q.category.map(|tag| known_category(&tag, categories)),
                    priority: q.priority,
                    status: Some(status),
                    due: iso_due.or(q.due),
                    ..Default::default()
                },
                category_color: None,
            });
            in_item = true;
        } else if let Some(h) = heading(line) {
            flush(&mut cards, &mut description);
            in_item = false;
            if let Some(s) = heading_status(h) {
                column = s;
            }
        } else if in_item && (line.starts_with("  ") || line.starts_with('\t')) {
            let l = line
                .strip_prefix("  ")
                .or_else(|| line.strip_prefix('\t'))
                .unwrap_or(line);
            description.push(l.to_string());
        } else if in_item && line.trim().is_empty() {
            description.push(String::new());
        } else {
            flush(&mut cards, &mut description);
            in_item = false;
        }
    }
    flush(&mut cards, &mut description);
    if cards.is_empty() {
        return Err(TransferError::invalid(
            SOURCE,
            "no checklist items found (expected lines like '- [ ] Call Joe friday' or '- [x] Done thing')",
        ));
    }
    Ok(cards)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::Priority;

    fn now() -> NaiveDateTime {
        "2026-03-02T09:00:00".parse().unwrap()
    }

    #[test]
    fn the_markdown_export_line_reads_back() {
        let cards = parse_markdown(
            "## In progress\n\n- [ ] Call Joe due 2026-03-14 at 15:00 !high #Sales\n  line one\n\n  line two\n- [x] Ship it due 2026-03-05 !low\n",
            now(),
            &["Sales".into()],
        )
        .unwrap();
        let t = &cards[0].task;
        assert_eq!(t.title, "Call Joe");
        assert_eq!(t.due, Some("2026-03-14T15:00:00".parse::<Due>().unwrap()));
        assert_eq!(t.priority, Some(Priority::High));
        assert_eq!(t.category.as_deref(), Some("Sales"));
        assert_eq!(t.status, Some(Status::InProgress));
        assert_eq!(t.description.as_deref(), Some("line one\n\nline two"));
        assert_eq!(cards[1].task.status, Some(Status::Completed));
        assert_eq!(
            cards[1].task.due,
            Some("2026-03-05".parse::<Due>().unwrap())
        );
    }

    #[test]
    fn iso_dates_are_read_and_bad_ones_refused() {
        let cards =
            parse_markdown("- [ ] =SUM(A1) weird due 2026-03-05 !low\n", now(), &[]).unwrap();
        assert_eq!(cards[0].task.title, "=SUM(A1) weird");
        assert_eq!(
            cards[0].task.due,
            Some("2026-03-05".parse::<Due>().unwrap())
        );
        let e =
            parse_markdown("- [ ] ok\n\n- [ ] Pay rent due 2026-02-30\n", now(), &[]).unwrap_err();
        assert!(
            e.to_string().contains("line 3") && e.to_string().contains("2026-02-30"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_box_names_its_line() {
        let e = parse_markdown("- [ ] ok\n- [y] what\n", now(), &[]).unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }
}
