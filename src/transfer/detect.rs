//! Which importer a file needs, from its content first and its extension second (a Trello
//! board saved as `.txt` is still JSON; a Todoist CSV renamed still starts with `TYPE,`).

use std::path::Path;

use super::{ImportSource, TransferError};

pub fn detect(path: &Path, text: &str) -> Result<ImportSource, TransferError> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        // Only a peek: a cut-short file still gets its importer, which then says where the
        // JSON breaks.
        let head: String = body.chars().take(4096).collect();
        if head.contains(super::EXPORT_FORMAT) {
            return Ok(ImportSource::Utter);
        }
        if body.contains("\"idList\"") || head.contains("\"cards\"") || head.contains("\"lists\"") {
            return Ok(ImportSource::Trello);
        }
        if body.contains(super::EXPORT_FORMAT) {
            return Ok(ImportSource::Utter);
        }
    }
    let first_line = body.lines().next().unwrap_or_default().to_ascii_uppercase();
    if first_line.starts_with("TYPE,") || first_line.starts_with("\"TYPE\",") {
        return Ok(ImportSource::Todoist);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => return Ok(ImportSource::Todoist),
        Some("md" | "markdown") => return Ok(ImportSource::Markdown),
        _ => {}
    }
    if body
        .lines()
        .any(|l| super::import_markdown::checkbox(l).is_some())
    {
        return Ok(ImportSource::Markdown);
    }
    Err(TransferError::UnknownFormat {
        path: path.to_path_buf(),
    })
}
