//! Todoist's project CSV export: `TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,
//! RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,…`, one row per task, section or note.
//!
//! Mapping: a task row is a card; a section row names the category of the tasks under it,
//! and an `@label` in the task's text overrides it; a note row is appended to the previous
//! card's description; a task indented under another (INDENT > 1) says so in its
//! description. Todoist's PRIORITY counts backwards (4 = p1, the highest): p1 → high,
//! p2 → medium, p3 → low, p4 (Todoist's "no priority") → Utter's default, medium. The
//! export holds only open tasks, so every card is pending.

use chrono::{NaiveDate, NaiveDateTime};

use super::{ImportedCard, TransferError};
use crate::extract::dates::resolve_due;
use crate::model::{Due, NewTask, Priority, Status};

const SOURCE: &str = "Todoist CSV";
const REQUIRED: &[&str] = &["TYPE", "CONTENT", "PRIORITY", "DATE"];

pub fn parse_todoist(text: &str, now: NaiveDateTime) -> Result<Vec<ImportedCard>, TransferError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| TransferError::at(SOURCE, "line 1", e.to_string()))?
        .iter()
        .map(|h| h.trim().to_ascii_uppercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    if let Some(missing) = REQUIRED.iter().find(|c| col(c).is_none()) {
        return Err(TransferError::at(
            SOURCE,
            "line 1 (header)",
            format!(
                "no {missing} column; a Todoist export starts with TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,… (found: {})",
                header.join(",")
            ),
        ));
    }
    let (c_type, c_content, c_prio, c_date) = (
        col("TYPE").unwrap_or_default(),
        col("CONTENT").unwrap_or_default(),
        col("PRIORITY").unwrap_or_default(),
        col("DATE").unwrap_or_default(),
    );
    let (c_desc, c_indent) = (col("DESCRIPTION"), col("INDENT"));

    let mut cards: Vec<ImportedCard> = Vec::new();
    let mut section: Option<String> = None;
    // (indent, title) of the cards above, for "subtask of".
    let mut parents: Vec<(u32, String)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            TransferError::at(SOURCE, format!("line {line}"), e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let at = |field: &str| format!("line {line}, {field}");
        let get = |i: usize| record.get(i).unwrap_or_default().trim();
        let kind = get(c_type).to_ascii_lowercase();
        match kind.as_str() {
            "" if record.iter().all(|f| f.trim().is_empty()) => continue,
            "section" => {
                let name = get(c_content);
                section = (!name.is_empty()).then(|| name.trim_end_matches(':').to_string());
                parents.clear();
            }
            "note" => {
                let note = get(c_content);
                let Some(card) = cards.last_mut() else {
                    return Err(TransferError::at(
                        SOURCE,
                        at("TYPE"),
                        "a note before any task",
                    ));
                };
                if !note.is_empty() {
                    let desc = card.task.description.get_or_insert_with(String::new);
                    if !desc.is_empty() {
                        desc.push_str("\n\n");
                    }
                    desc.push_str(note);
                }
            }
            "task" => {
                let (title, label) = split_labels(get(c_content));
                if title.is_empty() {
                    return Err(TransferError::at(
                        SOURCE,
                        at("CONTENT"),
                        "a task with no text",
                    ));
                }
                let priority = priority(get(c_prio))
                    .map_err(|m| TransferError::at(SOURCE, at("PRIORITY"), m))?;
                let due =
                    due(get(c_date), now).map_err(|m| TransferError::at(SOURCE, at("DATE"), m))?;
                let indent: u32 = match c_indent.map(get).filter(|s| !s.is_empty()) {
                    None => 1,
                    Some(s) => s.parse().map_err(|_| {
                        TransferError::at(
                            SOURCE,
                            at("INDENT"),
                            format!("expected a number, found '{s}'"),
                        )
                    })?,
                };
                parents.retain(|(i, _)| *i < indent);
                let mut description: Vec<String> = Vec::new();
                if let Some(d) = c_desc.map(get).filter(|d| !d.is_empty()) {
                    description.push(d.to_string());
                }
                if let Some((_, parent)) = parents.last() {
                    description.push(format!("Subtask of: {parent}"));
                }
                parents.push((indent, title.clone()));
                cards.push(ImportedCard {
                    task: NewTask {
                        title,
                        description: (!description.is_empty()).then(|| description.join("\n\n")),
                        category: label.or_else(|| section.clone()),
                        priority: Some(priority),
                        status: Some(Status::Pending),
                        due,
                        ..Default::default()
                    },
                    category_color: None,
                });
            }
            other => {
                return Err(TransferError::at(
                    SOURCE,
                    at("TYPE"),
                    format!("unknown row type '{other}' (expected task, section or note)"),
                ));
            }
        }
    }
    if cards.is_empty() {
        return Err(TransferError::invalid(SOURCE, "no task rows found"));
    }
    Ok(cards)
}

/// The text without its `@labels`, and the first label.
fn split_labels(content: &str) -> (String, Option<String>) {
    let mut label = None;
    let mut words = Vec::new();
    for w in content.split_whitespace() {
        match w.strip_prefix('@') {
            Some(l) if l.chars().next().is_some_and(char::is_alphabetic) => {
                label.get_or_insert_with(|| l.to_string());
            }
            _ => words.push(w),
        }
    }
    (words.join(" "), label)
}

fn priority(s: &str) -> Result<Priority, String> {
    match s {
        "4" => Ok(Priority::High),
        "3" | "1" | "" => Ok(Priority::Medium),
        "2" => Ok(Priority::Low),
        other => Err(format!(
            "expected 1 to 4 (4 is p1, the highest), found '{other}'"
        )),
    }
}

/// Todoist writes the date as the user typed or saw it: ISO, "Mar 14 2026", "14 Mar 2026
/// 15:00", "tomorrow", "every monday". ISO and the common written forms are read exactly;
/// the rest goes through Utter's own date parser (a repeating date becomes its next day).
fn due(s: &str, now: NaiveDateTime) -> Result<Option<Due>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    if let Ok(d) = s.parse::<Due>() {
        return Ok(Some(d));
    }
    for f in [
        "%Y-%m-%d %H:%M",
        "%b %d %Y %H:%M",
        "%d %b %Y %H:%M",
        "%B %d %Y %H:%M",
        "%d %B %Y %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Ok(Some(Due::DateTime(dt)));
        }
    }
    for f in [
        "%b %d %Y",
        "%d %b %Y",
        "%B %d %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%B %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Ok(Some(Due::Date(d)));
        }
    }
    let phrase = s.strip_prefix("every ").unwrap_or(s);
    resolve_due(phrase, now)
        .map(Some)
        .ok_or_else(|| format!("cannot read '{s}' as a date"))
}
