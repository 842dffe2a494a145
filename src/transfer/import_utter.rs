//! Utter's own JSON export, checked before anything is written: the document's shape and
//! versions, and each card's fields, with the place of the first problem.

use super::{EXPORT_FORMAT, FORMAT_VERSION, ImportedCard, TransferError, UtterExport};
use crate::model::{Due, NewTask, Priority, Status};
use crate::store::snapshot::{BOARD_TABLES, Row};

const SOURCE: &str = "Utter export";

pub fn parse_utter(text: &str, known_schema: i64) -> Result<UtterExport, TransferError> {
    let export: UtterExport = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| TransferError::json(SOURCE, &e))?;
    if export.format != EXPORT_FORMAT {
        return Err(TransferError::at(
            SOURCE,
            "format",
            format!("expected '{EXPORT_FORMAT}', found '{}'", export.format),
        ));
    }
    if export.format_version > FORMAT_VERSION {
        return Err(TransferError::at(
            SOURCE,
            "format_version",
            format!(
                "version {} is newer than this build reads ({FORMAT_VERSION}); update Utter",
                export.format_version
            ),
        ));
    }
    if export.schema_version > known_schema {
        return Err(TransferError::NewerExport {
            found: export.schema_version,
            known: known_schema,
        });
    }
    if let Some(t) = export
        .tables
        .keys()
        .find(|t| !BOARD_TABLES.contains(&t.as_str()))
    {
        return Err(TransferError::at(
            SOURCE,
            format!("tables.{t}"),
            "not a table Utter exports",
        ));
    }
    for (i, row) in export.rows("tasks").iter().enumerate() {
        card(row).map_err(|(field, m)| {
            TransferError::at(SOURCE, format!("tables.tasks[{i}].{field}"), m)
        })?;
    }
    Ok(export)
}

/// The card a `tasks` row describes, for an import into a board that already has cards
/// (where ids and history cannot be kept); `None` for a cancelled card, which stays behind.
pub(crate) fn cards_of(export: &UtterExport) -> Vec<ImportedCard> {
    let colors: std::collections::HashMap<String, String> = export
        .rows("categories")
        .iter()
        .filter_map(|r| {
            Some((
                text(r, "name")?.to_lowercase(),
                text(r, "color")?.to_string(),
            ))
        })
        .collect();
    export
        .rows("tasks")
        .iter()
        .filter(|r| text(r, "cancelled_at").is_none())
        .filter_map(|r| card(r).ok())
        .map(|task| ImportedCard {
            category_color: task
                .category
                .as_ref()
                .and_then(|c| colors.get(&c.to_lowercase()).cloned()),
            task,
        })
        .collect()
}

fn text<'a>(row: &'a Row, field: &str) -> Option<&'a str> {
    row.get(field).and_then(serde_json::Value::as_str)
}

fn card(row: &Row) -> Result<NewTask, (&'static str, String)> {
    let title = text(row, "title")
        .filter(|t| !t.trim().is_empty())
        .ok_or(("title", "missing or empty".to_string()))?;
    let parse_opt = |field: &'static str| -> Result<Option<&str>, (&'static str, String)> {
        match row.get(field) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s)),
            Some(other) => Err((field, format!("expected text, found {other}"))),
        }
    };
    let status = parse_opt("status")?
        .map(|s| s.parse::<Status>())
        .transpose()
        .map_err(|e| ("status", e.to_string()))?;
    let priority = parse_opt("priority")?
        .map(|s| s.parse::<Priority>())
        .transpose()
        .map_err(|e| ("priority", e.to_string()))?;
    let due = parse_opt("due")?
        .map(|s| s.parse::<Due>())
        .transpose()
        .map_err(|e| ("due", e.to_string()))?;
    Ok(NewTask {
        title: title.to_string(),
        description: parse_opt("description")?.map(str::to_string),
        category: parse_opt("category")?.map(str::to_string),
        priority,
        status,
        due,
        source_transcript_id: None,
    })
}
