//! Arguments of the voice commands: `record`, `models`, `vocabulary`, `dumps`, `settings`.

use clap::{Args, Subcommand};

use super::llm::EngineArg;

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
