//! Cards with a due date as an iCalendar (RFC 5545) file of VTODOs.
//!
//! VTODO with DUE is what iCalendar has for a task, and Apple Reminders/Calendar,
//! Thunderbird, Outlook and most CalDAV clients import it as one. Some calendars (Google
//! Calendar's file import among them) skip VTODOs; an all-day VEVENT copy of every card would
//! show there but doubles every card in the apps that read both, so this file carries VTODOs
//! only.
//!
//! Deterministic on purpose: UID from the card's id and creation time, DTSTAMP from its last
//! change (RFC 5545 §3.8.7.2: without METHOD, DTSTAMP is when the information was last
//! revised), so an unchanged board exports byte-identical files.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, EventLike, Property, Todo, TodoStatus};

use crate::model::{Due, Priority, Status, Task};

pub fn to_ics(calendar_name: &str, tasks: &[Task]) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Utter//Utter board//EN"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("X-WR-CALNAME", calendar_name));
    for task in tasks.iter().filter(|t| t.cancelled_at.is_none()) {
        if let Some(due) = task.due {
            cal.push(todo(task, due));
        }
    }
    cal.to_string()
}

fn todo(task: &Task, due: Due) -> Todo {
    let created = parse_utc(&task.created_at);
    let updated = parse_utc(&task.updated_at).or(created);
    let mut t = Todo::new();
    t.uid(&uid(task, created));
    // A card whose stored time is unreadable still needs a DTSTAMP; the epoch keeps the file
    // reproducible where "now" would not.
    t.timestamp(updated.unwrap_or(DateTime::UNIX_EPOCH));
    if let Some(c) = created {
        t.created(c);
    }
    if let Some(u) = updated {
        t.last_modified(u);
    }
    t.summary(&task.title);
    if let Some(desc) = &task.description {
        t.description(desc);
    }
    match due {
        Due::Date(d) => t.due(d),
        // Utter's times are local wall-clock times with no zone: iCalendar's floating time.
        Due::DateTime(dt) => t.due(CalendarDateTime::Floating(dt)),
    };
    t.priority(match task.priority {
        Priority::High => 1,
        Priority::Medium => 5,
        Priority::Low => 9,
    });
    if let Some(cat) = &task.category {
        t.categories([cat.as_str()]);
    }
    match task.status {
        Status::Completed => {
            t.status(TodoStatus::Completed);
            if let Some(u) = updated {
                t.completed(u);
            }
        }
        Status::InProgress => {
            t.status(TodoStatus::InProcess);
        }
        Status::Pending | Status::Blocked => {
            t.status(TodoStatus::NeedsAction);
        }
    }
    t.done()
}

fn parse_utc(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// Stable across exports of the same board, and distinct between two boards whose card ids
/// overlap (the creation time differs).
fn uid(task: &Task, created: Option<DateTime<Utc>>) -> String {
    let stamp = created.map_or(0, |c| c.timestamp_millis());
    format!("task-{}-{stamp}@utter", task.id)
}
