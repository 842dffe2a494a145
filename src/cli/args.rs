//! The command line's clap arguments: `Cli` and its `Command`s here, each command group's
//! argument types in `args/`.

mod agents;
mod llm;
mod mcp;
mod search;
mod tasks;
mod transfer;
mod voice;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use agents::{AgentEditArgs, AgentsCmd, ApprovalsCmd, ChatArgs, RunsCmd, WorkflowsCmd};
pub use llm::{EngineArg, LlmCmd, ProviderArg};
pub use mcp::McpCmd;
pub use search::{EmbeddingsCmd, SearchModeArg};
pub use tasks::{CategoriesCmd, EditArgs, TasksCmd};
pub use transfer::{
    BackupArgs, BackupsCmd, ExportArgs, ExportFormatArg, ImportArgs, ImportFromArg,
};
pub use voice::{DumpsCmd, ModelsCmd, RecordArgs, SettingsCmd, VocabularyCmd, VoiceArgs};

#[derive(Debug, Parser)]
#[command(
    name = "utter",
    version,
    about = "Talk through everything on your mind; get a kanban board of tasks."
)]
pub struct Cli {
    /// Where the database and recordings live (default: the OS data dir).
    #[arg(long, global = true, env = crate::paths::DATA_DIR_ENV, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// More logging on stderr (-v info, -vv debug); or set UTTER_LOG.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, show, move, edit and delete tasks.
    #[command(subcommand)]
    Tasks(TasksCmd),
    /// Search the cards by words and by meaning ("medical appointment" finds "Book the
    /// dentist"); `--mode fts` also lists matching transcripts.
    Search {
        query: String,
        #[arg(long, value_enum, default_value_t = SearchModeArg::Hybrid)]
        mode: SearchModeArg,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// With each hit's score, word rank and cosine.
        #[arg(long)]
        json: bool,
    },
    /// The meaning-search model (all-MiniLM-L6-v2, offline): status, download, reindex.
    #[command(subcommand)]
    Embeddings(EmbeddingsCmd),
    /// Task categories.
    #[command(subcommand)]
    Categories(CategoriesCmd),
    /// Words speech recognition should spell your way (names, companies, jargon).
    #[command(subcommand)]
    Vocabulary(VocabularyCmd),
    /// The voice journal: past dumps with their transcript, recording and cards.
    #[command(subcommand)]
    Dumps(DumpsCmd),
    /// Read a transcript on stdin and print the tasks in it; nothing is saved.
    Extract {
        /// Resolve relative dates against this local time (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]); default: now.
        #[arg(long)]
        now: Option<String>,
        /// offline: rules only; llm: the configured model; auto: the model if one is set (default).
        #[arg(long, value_enum, default_value_t = EngineArg::Auto)]
        engine: EngineArg,
        /// The text is what speech recognition wrote down (as `utter dump FILE.wav` reads it):
        /// a full stop may be only a pause.
        #[arg(long)]
        heard: bool,
        #[arg(long)]
        json: bool,
    },
    /// Configure the language model used for extraction (and agents).
    #[command(subcommand)]
    Llm(LlmCmd),
    /// Save a spoken dump: a WAV file or transcript text; the transcript and the tasks in it go on the board.
    Dump {
        /// A recording (WAV, any rate/channels): transcribed on this machine first.
        #[arg(conflicts_with = "text", required_unless_present = "text")]
        file: Option<PathBuf>,
        /// The transcript text; `-` reads it from stdin.
        #[arg(long)]
        text: Option<String>,
        #[command(flatten)]
        voice: VoiceArgs,
        /// Resolve relative dates against this local time; default: now.
        #[arg(long)]
        now: Option<String>,
        #[arg(long, value_enum, default_value_t = EngineArg::Auto)]
        engine: EngineArg,
        #[arg(long)]
        json: bool,
    },
    /// Whisper speech models: list, download, remove.
    #[command(subcommand)]
    Models(ModelsCmd),
    /// Transcribe a WAV file on this machine and print the text (nothing is saved).
    Transcribe {
        file: PathBuf,
        #[command(flatten)]
        voice: VoiceArgs,
        /// Print text, language and timestamped segments as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record from the microphone, transcribe, and put the tasks on the board.
    Record(RecordArgs),
    /// List microphones and other input devices.
    Devices {
        #[arg(long)]
        json: bool,
    },
    /// Read and change settings (voice.model, hotkey.mode, audio.retention_days, ...; `settings list` shows them all).
    #[command(subcommand, after_long_help = crate::settings::docs::cli_help())]
    Settings(SettingsCmd),
    /// Delete recordings older than audio.retention_days (transcripts stay).
    Prune,
    /// MCP servers that give agents their tools (Claude Desktop's `mcpServers` format).
    #[command(subcommand)]
    Mcp(McpCmd),
    /// Agents that work tasks with MCP tools: list, show, edit, reset, run.
    #[command(subcommand)]
    Agents(AgentsCmd),
    /// Agent runs: list, show the timeline, resume, cancel.
    #[command(subcommand)]
    Runs(RunsCmd),
    /// Tool calls waiting for your yes or no.
    #[command(subcommand)]
    Approvals(ApprovalsCmd),
    /// Agents in sequence on one task (Research → Draft → QA), with send-back on FAIL.
    #[command(subcommand)]
    Workflows(WorkflowsCmd),
    /// Talk to the board's assistant (or, with --task, about one task): it can search,
    /// create, update and move tasks, and use the MCP tools the Chat agent is allowed.
    /// Without a message, prints the conversation.
    Chat(ChatArgs),
    /// Write the whole board to a file: json (complete, re-importable), markdown
    /// (a checklist per column), csv (a spreadsheet, one row per card) or ics (cards with a
    /// due date, as calendar to-dos).
    Export(ExportArgs),
    /// Bring cards in from Todoist (CSV), Trello (board JSON), a Markdown checklist, or an
    /// Utter JSON export (into an empty board: everything, as it was). All or nothing.
    Import(ImportArgs),
    /// Copy the board into one archive: a consistent copy of the database (safe while the
    /// app runs), optionally the recordings, and a manifest with counts and checksums.
    /// Secrets stay in the OS keychain and are not included.
    Backup(BackupArgs),
    /// The backups in the data dir (daily ones, ones made before upgrades, `utter backup`'s).
    #[command(subcommand)]
    Backups(BackupsCmd),
    /// Replace the board with a backup. The archive is checked first (checksums, schema,
    /// integrity) and the current database is kept beside it; a running app shows the
    /// restored board at once.
    Restore {
        file: PathBuf,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Print where the data lives.
    Where,
}
