//! `utter export` and `utter import`.

use super::args::{ExportArgs, ExportFormatArg, ImportArgs, ImportFromArg};
use super::run::{out, out_json, out_raw, parse_now};
use crate::error::Result;
use crate::service::{ImportMode, ImportReport, Service};
use crate::transfer::{ExportFormat, ImportSource};

pub fn export(svc: &Service, args: ExportArgs) -> Result<()> {
    let format = match args.format {
        ExportFormatArg::Json => ExportFormat::Json,
        ExportFormatArg::Markdown => ExportFormat::Markdown,
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Ics => ExportFormat::Ics,
    };
    let Some(path) = args.out else {
        let (text, _) = svc.export(format)?;
        // The file's bytes exactly as `--out` would write them: the export holds no secrets,
        // and the redaction meant for messages must not change the user's data.
        return out_raw(text.as_bytes());
    };
    let s = svc.export_to(format, &path)?;
    let mut parts = vec![format!("{} task(s)", s.tasks)];
    if format != ExportFormat::Ics {
        parts.push(format!("{} categories", s.categories));
    }
    if format == ExportFormat::Json {
        parts.push(format!("{} transcript(s)", s.transcripts));
        parts.push(format!("{} agent run(s)", s.runs));
    }
    out(&format!(
        "Exported {} to {} ({}, {} bytes)",
        parts.join(", "),
        path.display(),
        format.as_str(),
        s.bytes
    ))
}

pub fn import(svc: &Service, args: ImportArgs) -> Result<()> {
    let from = args.from.map(|f| match f {
        ImportFromArg::Todoist => ImportSource::Todoist,
        ImportFromArg::Trello => ImportSource::Trello,
        ImportFromArg::Markdown => ImportSource::Markdown,
        ImportFromArg::Utter => ImportSource::Utter,
    });
    let now = parse_now(args.now.as_deref())?;
    let report = svc.import_file(&args.file, from, args.dry_run, now)?;
    if args.json {
        out_json(&report)
    } else {
        out(&render(&report))
    }
}

fn render(r: &ImportReport) -> String {
    let verb = if r.dry_run {
        "Would import"
    } else {
        "Imported"
    };
    let mut lines = vec![format!(
        "{verb} {} task(s) from {} ({} open, {} done)",
        r.tasks,
        r.source.as_str(),
        r.open,
        r.done
    )];
    let names = |v: &[String]| {
        if v.is_empty() {
            String::new()
        } else {
            format!(": {}", v.join(", "))
        }
    };
    lines.push(format!(
        "categories: {} new{}; {} existing{}",
        r.categories_new.len(),
        names(&r.categories_new),
        r.categories_existing.len(),
        names(&r.categories_existing)
    ));
    if r.mode == ImportMode::Restore {
        lines.push(format!(
            "restored whole into the empty board: {} transcript(s), {} agent run(s), {} chat(s), ids kept",
            r.transcripts, r.runs, r.chats
        ));
    }
    if r.dry_run {
        lines.push("dry run: nothing was written".into());
    }
    lines.join("\n")
}
