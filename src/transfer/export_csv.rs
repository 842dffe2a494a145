//! One row per card (cancelled ones too, marked in `cancelled_at`), with a header row, for a
//! spreadsheet. The file starts with a UTF-8 byte-order mark: without it Excel reads the
//! text as the local code page and "café" arrives as "cafÃ©"; LibreOffice, Numbers and
//! Google Sheets skip the mark.

use super::TransferError;
use crate::model::Task;

const HEADER: &[&str] = &[
    "id",
    "title",
    "status",
    "priority",
    "category",
    "due",
    "description",
    "assigned_agent",
    "created_at",
    "updated_at",
    "cancelled_at",
];

pub fn to_csv(tasks: &[Task]) -> Result<String, TransferError> {
    let render = |e: &dyn std::fmt::Display| TransferError::Render {
        format: "csv",
        reason: e.to_string(),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(|e| render(&e))?;
    for t in tasks {
        let due = t.due.map(|d| d.to_string()).unwrap_or_default();
        w.write_record([
            t.id.to_string().as_str(),
            &cell(&t.title),
            t.status.as_str(),
            t.priority.as_str(),
            &cell(t.category.as_deref().unwrap_or_default()),
            &due,
            &cell(t.description.as_deref().unwrap_or_default()),
            &cell(t.assigned_agent.as_deref().unwrap_or_default()),
            &t.created_at,
            &t.updated_at,
            t.cancelled_at.as_deref().unwrap_or_default(),
        ])
        .map_err(|e| render(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| render(&e))?;
    let text = String::from_utf8(bytes).map_err(|e| render(&e))?;
    Ok(format!("\u{feff}{text}"))
}

/// Spreadsheets run a cell that starts with `=`, `+`, `@` (or a tab/CR before one) as a
/// formula; a card title must never become one, so such text gets a leading apostrophe, which
/// spreadsheets show as plain text. (`-` is left alone: "- call Joe" is a common title.)
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}
