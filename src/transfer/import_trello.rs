//! A Trello board's JSON export (Board menu → Print, export and share → Export as JSON).
//!
//! Mapping: a list's name picks the column ("Doing"/"In progress" → in progress,
//! "Blocked"/"Waiting" → blocked, "Done"/"Complete" → completed, anything else → pending);
//! a card marked complete, or archived (`closed`, or in an archived list), is completed —
//! archiving is how most boards put finished cards away. The first named label is the
//! category and brings its color (a label named "Urgent"/"High"/"Low" sets the priority
//! instead); the due time (UTC in Trello) becomes local time. Cards go
//! in list order, then card order.

use chrono::{DateTime, Local};
use serde::Deserialize;
use serde_json::Value;

use super::{ImportedCard, TransferError};
use crate::model::{Due, NewTask, Priority, Status};

const SOURCE: &str = "Trello JSON";

#[derive(Debug, Deserialize)]
struct List {
    id: String,
    name: String,
    #[serde(default)]
    closed: bool,
    #[serde(default)]
    pos: f64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Card {
    name: String,
    #[serde(default)]
    desc: String,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    due_complete: bool,
    #[serde(default)]
    closed: bool,
    id_list: String,
    #[serde(default)]
    labels: Vec<Label>,
    #[serde(default)]
    pos: f64,
}

#[derive(Debug, Deserialize)]
struct Label {
    #[serde(default)]
    name: String,
    #[serde(default)]
    color: Option<String>,
}

pub fn parse_trello(text: &str) -> Result<Vec<ImportedCard>, TransferError> {
    let board: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| TransferError::json(SOURCE, &e))?;
    let field = |name: &str| -> Result<&Vec<Value>, TransferError> {
        board.get(name).and_then(Value::as_array).ok_or_else(|| {
            TransferError::at(
                SOURCE,
                name,
                format!("missing; a Trello board export has a '{name}' array"),
            )
        })
    };
    let mut lists = Vec::new();
    for (i, v) in field("lists")?.iter().enumerate() {
        let list: List = serde_json::from_value(v.clone())
            .map_err(|e| TransferError::at(SOURCE, format!("lists[{i}]"), e.to_string()))?;
        lists.push(list);
    }
    let mut cards = Vec::new();
    for (i, v) in field("cards")?.iter().enumerate() {
        let card: Card = serde_json::from_value(v.clone())
            .map_err(|e| TransferError::at(SOURCE, format!("cards[{i}]"), e.to_string()))?;
        cards.push((i, card));
    }
    lists.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let list_index = |id: &str| lists.iter().position(|l| l.id == id);
    for (i, card) in &cards {
        if list_index(&card.id_list).is_none() {
            return Err(TransferError::at(
                SOURCE,
                format!("cards[{i}].idList"),
                format!("no list has id '{}'", card.id_list),
            ));
        }
    }
    cards.sort_by(|(_, a), (_, b)| {
        list_index(&a.id_list)
            .cmp(&list_index(&b.id_list))
            .then(a.pos.total_cmp(&b.pos))
    });
    let mut out = Vec::new();
    for (i, card) in cards {
        let Some(list) = list_index(&card.id_list).and_then(|l| lists.get(l)) else {
            continue;
        };
        let title = card.name.trim().to_string();
        if title.is_empty() {
            return Err(TransferError::at(
                SOURCE,
                format!("cards[{i}].name"),
                "a card with no name",
            ));
        }
        let due = match card.due.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => Some(
                DateTime::parse_from_rfc3339(d)
                    .map(|dt| Due::DateTime(dt.with_timezone(&Local).naive_local()))
                    .map_err(|_| {
                        TransferError::at(
                            SOURCE,
                            format!("cards[{i}].due"),
                            format!("cannot read '{d}' as a date (expected ISO 8601, e.g. 2026-03-14T12:00:00.000Z)"),
                        )
                    })?,
            ),
        };
        let status = if card.due_complete || card.closed || list.closed {
            Status::Completed
        } else {
            list_status(&list.name)
        };
        let priority = card.labels.iter().find_map(|l| label_priority(&l.name));
        let label = card
            .labels
            .iter()
            .find(|l| !l.name.trim().is_empty() && label_priority(&l.name).is_none());
        out.push(ImportedCard {
            task: NewTask {
                title,
                description: Some(card.desc.trim().to_string()).filter(|d| !d.is_empty()),
                category: label.map(|l| l.name.trim().to_string()),
                status: Some(status),
                priority,
                due,
                ..Default::default()
            },
            category_color: label.and_then(|l| l.color.as_deref()).and_then(label_color),
        });
    }
    if out.is_empty() {
        return Err(TransferError::invalid(SOURCE, "the board has no cards"));
    }
    Ok(out)
}

/// Boards often mark priority with a label ("Urgent", "High priority", "Low").
fn label_priority(name: &str) -> Option<Priority> {
    match name.trim().to_ascii_lowercase().as_str() {
        "urgent" | "high" | "high priority" | "priority: high" => Some(Priority::High),
        "low" | "low priority" | "priority: low" => Some(Priority::Low),
        _ => None,
    }
}

fn list_status(name: &str) -> Status {
    let n = name.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&["done", "complete", "finished", "shipped", "closed"]) {
        Status::Completed
    } else if has(&["blocked", "waiting", "on hold", "stuck"]) {
        Status::Blocked
    } else if has(&["doing", "progress", "wip", "working", "started", "review"]) {
        Status::InProgress
    } else {
        Status::Pending
    }
}

/// Trello's named label colors as the hex Utter's categories use.
fn label_color(name: &str) -> Option<String> {
    let hex = match name.split('_').next().unwrap_or(name) {
        "green" => "#61bd4f",
        "yellow" => "#f2d600",
        "orange" => "#ff9f1a",
        "red" => "#eb5a46",
        "purple" => "#c377e0",
        "blue" => "#0079bf",
        "sky" => "#00c2e0",
        "lime" => "#51e898",
        "pink" => "#ff78cb",
        "black" => "#344563",
        _ => return None,
    };
    Some(hex.to_string())
}
