//! Arguments of `utter export`, `import`, `backup` and `backups`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Write here instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormatArg {
    Json,
    Markdown,
    Csv,
    Ics,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    /// What the file is; detected from its content and extension when left out.
    #[arg(long, value_enum)]
    pub from: Option<ImportFromArg>,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Resolve relative dates ("tomorrow") against this local time; default: now.
    #[arg(long)]
    pub now: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ImportFromArg {
    Todoist,
    Trello,
    Markdown,
    Utter,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the archive (default: <data dir>/backups/utter-YYYYMMDD-HHMMSS.zip).
    pub file: Option<PathBuf>,
    /// Also put the recordings (audio/*.wav) in the archive.
    #[arg(long)]
    pub with_recordings: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum BackupsCmd {
    /// Newest first, with date, kind, size, schema and task count.
    #[command(alias = "ls")]
    List {
        #[arg(long)]
        json: bool,
    },
}
