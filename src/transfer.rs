//! Getting a board out of Utter and cards into it: the export formats (JSON, Markdown, CSV,
//! iCalendar) and the importers (Todoist CSV, Trello JSON, Markdown checklists, Utter's own
//! JSON). Everything here is pure text ↔ data; the service decides what gets written.

mod detect;
mod error;
mod export_csv;
mod export_ics;
mod export_json;
mod export_markdown;
mod import_markdown;
mod import_todoist;
mod import_trello;
mod import_utter;

use serde::{Deserialize, Serialize};
use specta::Type;

pub use detect::detect;
pub use error::TransferError;
pub use export_csv::to_csv;
pub use export_ics::to_ics;
pub use export_json::{EXPORT_FORMAT, FORMAT_VERSION, McpServerNote, UtterExport, scrub_settings};
pub use export_markdown::to_markdown;
pub use import_markdown::parse_markdown;
pub use import_todoist::parse_todoist;
pub use import_trello::parse_trello;
pub(crate) use import_utter::cards_of;
pub use import_utter::parse_utter;

use crate::model::NewTask;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    Markdown,
    Csv,
    Ics,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
        }
    }

    /// The file extension an export in this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    Todoist,
    Trello,
    Markdown,
    Utter,
}

impl ImportSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportSource::Todoist => "todoist",
            ImportSource::Trello => "trello",
            ImportSource::Markdown => "markdown",
            ImportSource::Utter => "utter",
        }
    }
}

/// A card read from another app, before it is checked against the board. `category` is the
/// name as the file spells it; `color` is the file's color for it where it has one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportedCard {
    pub task: NewTask,
    pub category_color: Option<String>,
}
