//! Arguments of `utter tasks` and `utter categories`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::model::{Priority, Status};

#[derive(Debug, Subcommand)]
pub enum TasksCmd {
    /// Add a task.
    Add(AddArgs),
    /// Add a task from one line, as the board's quick-add box reads it:
    /// "Renew passport friday !high #errands" → "Renew passport", due Friday, high, Errands
    /// (a new #name makes a new category).
    Quick {
        text: String,
        /// Dates resolve against this local time (default: now).
        #[arg(long)]
        now: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the board, grouped by status.
    #[command(alias = "ls")]
    List(ListArgs),
    /// Show one task.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Move a task to a column (pending, in_progress, completed, blocked).
    #[command(alias = "mv")]
    Move {
        id: i64,
        #[arg(value_parser = parse_status)]
        status: Status,
        /// 0-based place inside the column (default: the end).
        #[arg(long)]
        index: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// Change a task's fields.
    Edit(EditArgs),
    /// Add many tasks from a JSON array of {title, description?, category?, priority?, status?, due?}
    /// (a file, or - for stdin); all or nothing.
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Delete a task.
    #[command(alias = "delete")]
    Rm {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Merge card B into card A: A takes the details it lacks (due date, category,
    /// description, a higher priority); B is cancelled with a note "Merged into #A".
    Merge {
        keep: i64,
        other: i64,
        #[arg(long)]
        json: bool,
    },
    /// Keep a card flagged "possibly the same as" another as its own card.
    KeepApart { id: i64 },
    /// Cards flagged by a dump as possibly the same as another card.
    Duplicates {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub title: String,
    #[arg(short, long)]
    pub description: Option<String>,
    #[arg(short, long)]
    pub category: Option<String>,
    #[arg(short, long, value_parser = parse_priority)]
    pub priority: Option<Priority>,
    /// YYYY-MM-DD, YYYY-MM-DDTHH:MM, today or tomorrow.
    #[arg(long)]
    pub due: Option<String>,
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Only the cancelled cards (kept, but off the board).
    #[arg(long, conflicts_with = "status")]
    pub cancelled: bool,
    #[arg(short, long)]
    pub category: Option<String>,
    #[arg(short, long, value_parser = parse_priority)]
    pub priority: Option<Priority>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub id: i64,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(short, long)]
    pub description: Option<String>,
    #[arg(long, conflicts_with = "description")]
    pub no_description: bool,
    #[arg(short, long)]
    pub category: Option<String>,
    #[arg(long, conflicts_with = "category")]
    pub no_category: bool,
    #[arg(short, long, value_parser = parse_priority)]
    pub priority: Option<Priority>,
    /// YYYY-MM-DD, YYYY-MM-DDTHH:MM, today or tomorrow.
    #[arg(long)]
    pub due: Option<String>,
    #[arg(long, conflicts_with = "due")]
    pub no_due: bool,
    #[arg(long)]
    pub json: bool,
}

fn parse_status(s: &str) -> Result<Status, String> {
    s.parse()
        .map_err(|e: crate::model::ParseEnumError| e.to_string())
}

fn parse_priority(s: &str) -> Result<Priority, String> {
    s.parse()
        .map_err(|e: crate::model::ParseEnumError| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum CategoriesCmd {
    /// List categories with their colors.
    List {
        #[arg(long)]
        json: bool,
    },
}
