//! Export the board to a file and import cards from other apps: the entry points the CLI
//! and the desktop app share. Parsing and rendering live in [`crate::transfer`]; this layer
//! reads the store, checks the cards against the board and writes them in one transaction.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{ChangeEvent, Service, ServiceError, ServiceResult, clean_title};
use crate::mcp::McpTransport;
use crate::model::{Category, NewTask, Status};
use crate::store::StoreError;
use crate::transfer::{
    self, EXPORT_FORMAT, ExportFormat, FORMAT_VERSION, ImportSource, ImportedCard, McpServerNote,
    TransferError, UtterExport,
};

/// The name the board goes by in the Markdown heading and the calendar.
const BOARD_NAME: &str = "Utter board";

/// What an export holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ExportSummary {
    pub format: ExportFormat,
    pub tasks: usize,
    pub categories: usize,
    pub transcripts: usize,
    pub runs: usize,
    pub bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// New cards added to the board (and the categories they need).
    Cards,
    /// An Utter export put into an empty board whole: ids, links and history as they were.
    Restore,
}

/// What an import did, or with `dry_run` would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ImportReport {
    pub source: ImportSource,
    pub mode: ImportMode,
    pub dry_run: bool,
    pub tasks: usize,
    pub open: usize,
    pub done: usize,
    pub categories_new: Vec<String>,
    pub categories_existing: Vec<String>,
    /// Restore only: transcripts, agent runs and chats brought along.
    pub transcripts: usize,
    pub runs: usize,
    pub chats: usize,
}

/// An export the app wrote for the user: where it went and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ExportedFile {
    pub path: String,
    pub summary: ExportSummary,
}

impl Service {
    /// Writes the export where people look for files (the Downloads folder, else the data
    /// dir's `exports/`), named by date, never over an earlier export.
    pub fn export_to_downloads(
        &self,
        format: ExportFormat,
        now: NaiveDateTime,
    ) -> ServiceResult<ExportedFile> {
        let dir = directories::UserDirs::new()
            .and_then(|u| u.download_dir().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| self.data_dir().join("exports"));
        std::fs::create_dir_all(&dir).map_err(|e| TransferError::Write {
            path: dir.clone(),
            reason: e.to_string(),
        })?;
        let stem = format!("utter-board-{}", now.format("%Y-%m-%d"));
        let ext = format.extension();
        let mut path = dir.join(format!("{stem}.{ext}"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{stem}-{n}.{ext}"));
            n += 1;
        }
        let summary = self.export_to(format, &path)?;
        Ok(ExportedFile {
            path: path.display().to_string(),
            summary,
        })
    }

    /// Imports a file the user picked in the app, given its name (for the format, when
    /// `from` is not given) and its text.
    pub fn import_named(
        &self,
        name: &str,
        text: &str,
        from: Option<ImportSource>,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> ServiceResult<ImportReport> {
        let source = match from {
            Some(s) => s,
            None => transfer::detect(Path::new(name), text)?,
        };
        self.import_text(text, source, dry_run, now)
    }

    /// The board rendered in `format`, with what it holds.
    pub fn export(&self, format: ExportFormat) -> ServiceResult<(String, ExportSummary)> {
        let (text, tasks, categories, transcripts, runs) = match format {
            ExportFormat::Json => {
                let export = self.export_document()?;
                let text = export.to_json()?;
                (
                    text,
                    export.rows("tasks").len(),
                    export.rows("categories").len(),
                    export.rows("transcripts").len(),
                    export.rows("runs").len(),
                )
            }
            _ => {
                let (tasks, categories) = {
                    let store = self.store();
                    (store.all_tasks()?, store.list_categories()?.len())
                };
                let text = match format {
                    ExportFormat::Markdown => transfer::to_markdown(BOARD_NAME, &tasks),
                    ExportFormat::Csv => transfer::to_csv(&tasks)?,
                    _ => transfer::to_ics(BOARD_NAME, &tasks),
                };
                let shown = match format {
                    ExportFormat::Csv => tasks.len(),
                    ExportFormat::Ics => tasks
                        .iter()
                        .filter(|t| t.due.is_some() && t.cancelled_at.is_none())
                        .count(),
                    _ => tasks.iter().filter(|t| t.cancelled_at.is_none()).count(),
                };
                (text, shown, categories, 0, 0)
            }
        };
        let summary = ExportSummary {
            format,
            tasks,
            categories,
            transcripts,
            runs,
            bytes: text.len(),
        };
        tracing::info!(?summary, "exported the board");
        Ok((text, summary))
    }

    /// Writes the export to `path` through a temporary file beside it, so that a failed
    /// write never leaves half a file where a good one was.
    pub fn export_to(&self, format: ExportFormat, path: &Path) -> ServiceResult<ExportSummary> {
        let (text, summary) = self.export(format)?;
        let write_err = |e: std::io::Error| TransferError::Write {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".part");
        let tmp = std::path::PathBuf::from(tmp);
        std::fs::write(&tmp, text.as_bytes()).map_err(write_err)?;
        if let Err(e) = std::fs::rename(&tmp, path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(write_err(e).into());
        }
        Ok(summary)
    }

    fn export_document(&self) -> ServiceResult<UtterExport> {
        let (mut tables, schema_version) = {
            let store = self.store();
            (store.snapshot()?, store.schema_version()?)
        };
        if let Some(settings) = tables.get_mut("settings") {
            transfer::scrub_settings(settings);
        }
        let mcp_servers = self
            .mcp_list()?
            .into_iter()
            .map(|s| McpServerNote {
                transport: match s.transport {
                    McpTransport::Stdio { .. } => "stdio",
                    McpTransport::Http { .. } => "http",
                }
                .into(),
                name: s.name,
                enabled: s.enabled,
            })
            .collect();
        Ok(UtterExport {
            format: EXPORT_FORMAT.into(),
            format_version: FORMAT_VERSION,
            schema_version,
            app_version: env!("CARGO_PKG_VERSION").into(),
            exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            mcp_servers,
            tables,
        })
    }

    /// Reads `path` and imports it (see [`Service::import_text`]).
    pub fn import_file(
        &self,
        path: &Path,
        from: Option<ImportSource>,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> ServiceResult<ImportReport> {
        let read_err = |reason: String| TransferError::Read {
            path: path.to_path_buf(),
            reason,
        };
        let bytes = std::fs::read(path).map_err(|e| read_err(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            read_err(format!(
                "not UTF-8 text (bad byte at offset {}); save it as UTF-8",
                e.utf8_error().valid_up_to()
            ))
        })?;
        let source = match from {
            Some(s) => s,
            None => transfer::detect(path, &text)?,
        };
        self.import_text(&text, source, dry_run, now)
    }

    /// Imports `text` read as `source`, all or nothing. An Utter export goes into an empty
    /// board whole (ids and history kept); into a board with cards, only its cards come (new
    /// ids, appended). `now` resolves relative dates ("tomorrow") in Markdown and Todoist.
    pub fn import_text(
        &self,
        text: &str,
        source: ImportSource,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> ServiceResult<ImportReport> {
        let known: Vec<String> = self
            .list_categories()?
            .into_iter()
            .map(|c| c.name)
            .collect();
        let cards = match source {
            ImportSource::Todoist => transfer::parse_todoist(text, now)?,
            ImportSource::Trello => transfer::parse_trello(text)?,
            ImportSource::Markdown => transfer::parse_markdown(text, now, &known)?,
            ImportSource::Utter => {
                let export =
                    transfer::parse_utter(text, crate::store::migrations::latest_version())?;
                if self.store().board_is_empty()? {
                    return self.restore(&export, dry_run);
                }
                transfer::cards_of(&export)
            }
        };
        self.import_cards(source, cards, dry_run)
    }

    fn restore(&self, export: &UtterExport, dry_run: bool) -> ServiceResult<ImportReport> {
        let tasks = export.rows("tasks");
        let done = tasks
            .iter()
            .filter(|r| {
                r.get("status").and_then(|s| s.as_str()) == Some(Status::Completed.as_str())
            })
            .count();
        let known: Vec<String> = self
            .list_categories()?
            .into_iter()
            .map(|c| c.name)
            .collect();
        let (mut categories_new, mut categories_existing) = (Vec::new(), Vec::new());
        for row in export.rows("categories") {
            let Some(name) = row.get("name").and_then(|n| n.as_str()) else {
                continue;
            };
            if known.iter().any(|k| k.eq_ignore_ascii_case(name)) {
                categories_existing.push(name.to_string());
            } else {
                categories_new.push(name.to_string());
            }
        }
        let report = ImportReport {
            source: ImportSource::Utter,
            mode: ImportMode::Restore,
            dry_run,
            tasks: tasks.len(),
            open: tasks.len() - done,
            done,
            categories_new,
            categories_existing,
            transcripts: export.rows("transcripts").len(),
            runs: export.rows("runs").len(),
            chats: export.rows("chats").len(),
        };
        if dry_run {
            return Ok(report);
        }
        self.store()
            .restore_snapshot(&export.tables)
            .map_err(|e| match e {
                StoreError::Malformed(m) => TransferError::invalid("Utter export", m).into(),
                StoreError::Sqlite(e) => ServiceError::from(TransferError::invalid(
                    "Utter export",
                    format!("its rows do not fit together ({e})"),
                )),
                other => ServiceError::Store(other),
            })?;
        tracing::info!(tasks = report.tasks, "restored an Utter export");
        self.feed.emit(ChangeEvent::External);
        Ok(report)
    }

    fn import_cards(
        &self,
        source: ImportSource,
        cards: Vec<ImportedCard>,
        dry_run: bool,
    ) -> ServiceResult<ImportReport> {
        // Category names as the board spells them (case-insensitive), new ones made once.
        let mut resolved: BTreeMap<String, String> = BTreeMap::new();
        let (mut categories_new, mut categories_existing) = (Vec::<Category>::new(), Vec::new());
        let existing_count = self.list_categories()?.len();
        let mut tasks: Vec<NewTask> = Vec::with_capacity(cards.len());
        for (i, card) in cards.into_iter().enumerate() {
            let mut task = card.task;
            let short: String = task.title.chars().take(40).collect();
            let which = || format!("card {} ('{short}')", i + 1);
            task.title = clean_title(&task.title).map_err(|e| {
                TransferError::invalid(source_label(source), format!("{}: {e}", which()))
            })?;
            task.description = task
                .description
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty());
            if let Some(name) = task
                .category
                .take()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
            {
                let key = name.to_lowercase();
                let canonical = match resolved.get(&key) {
                    Some(c) => c.clone(),
                    None => {
                        let c = match self.store().find_category(&name)? {
                            Some(found) => {
                                categories_existing.push(found.clone());
                                found
                            }
                            None => {
                                if name.chars().count() > 40 {
                                    return Err(TransferError::invalid(
                                        source_label(source),
                                        format!(
                                            "{}: category name longer than 40 characters",
                                            which()
                                        ),
                                    )
                                    .into());
                                }
                                let made = crate::extract::title::capitalize(&name);
                                let n = existing_count + categories_new.len();
                                let color = card.category_color.clone().unwrap_or_else(|| {
                                    super::quick_add::NEW_CATEGORY_COLORS
                                        [n % super::quick_add::NEW_CATEGORY_COLORS.len()]
                                    .to_string()
                                });
                                categories_new.push(Category {
                                    name: made.clone(),
                                    color,
                                });
                                made
                            }
                        };
                        resolved.insert(key, c.clone());
                        c
                    }
                };
                task.category = Some(canonical);
            }
            tasks.push(task);
        }
        let done = tasks
            .iter()
            .filter(|t| t.status == Some(Status::Completed))
            .count();
        let report = ImportReport {
            source,
            mode: ImportMode::Cards,
            dry_run,
            tasks: tasks.len(),
            open: tasks.len() - done,
            done,
            categories_new: categories_new.iter().map(|c| c.name.clone()).collect(),
            categories_existing,
            transcripts: 0,
            runs: 0,
            chats: 0,
        };
        if dry_run {
            return Ok(report);
        }
        let saved = self.store().import_cards(&categories_new, &tasks)?;
        let saved = self.route_new_tasks(saved);
        tracing::info!(
            source = source.as_str(),
            tasks = saved.len(),
            "imported cards"
        );
        if !categories_new.is_empty() {
            self.feed.emit(ChangeEvent::SettingChanged {
                key: "categories".into(),
            });
        }
        for t in &saved {
            self.feed.emit(ChangeEvent::TaskCreated { id: t.id });
        }
        Ok(report)
    }
}

fn source_label(source: ImportSource) -> &'static str {
    match source {
        ImportSource::Todoist => "Todoist CSV",
        ImportSource::Trello => "Trello JSON",
        ImportSource::Markdown => "Markdown",
        ImportSource::Utter => "Utter export",
    }
}
