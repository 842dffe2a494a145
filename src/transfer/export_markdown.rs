//! The board as one Markdown file: a heading per column, a checklist item per card.
//!
//! Each item is written the way quick add reads it (`Call Joe due 2026-03-14 !high #Sales`)
//! so that the file imports back with `utter import FILE`; the description follows as
//! indented lines. Empty columns are left out; cancelled cards are off the board and so
//! not here (the JSON export keeps them).

use crate::model::{Due, Status, Task};

pub fn to_markdown(board_name: &str, tasks: &[Task]) -> String {
    let mut out = format!("# {board_name}\n");
    for status in Status::ALL {
        let column: Vec<&Task> = tasks
            .iter()
            .filter(|t| t.status == status && t.cancelled_at.is_none())
            .collect();
        if column.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", status.label()));
        for task in column {
            out.push_str(&item(task));
        }
    }
    out
}

fn item(task: &Task) -> String {
    let mark = if task.status == Status::Completed {
        "x"
    } else {
        " "
    };
    let mut line = format!("- [{mark}] {}", task.title);
    if let Some(due) = task.due {
        line.push_str(" due ");
        line.push_str(&due_words(due));
    }
    line.push_str(&format!(" !{}", task.priority));
    if let Some(cat) = &task.category {
        line.push_str(&format!(" #{}", cat.replace(char::is_whitespace, "-")));
    }
    line.push('\n');
    if let Some(desc) = &task.description {
        for l in desc.lines() {
            line.push_str(&format!("  {l}\n"));
        }
    }
    line
}

/// `2026-03-14`, or `2026-03-14 at 15:00` when a time was said: both read back by the
/// quick-add date parser.
fn due_words(due: Due) -> String {
    match due {
        Due::Date(d) => d.format("%Y-%m-%d").to_string(),
        Due::DateTime(dt) => dt.format("%Y-%m-%d at %H:%M").to_string(),
    }
}
