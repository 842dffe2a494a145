//! Arguments of `utter llm`, and the extraction engine that `extract`, `dump` and `dumps again`
//! choose.

use clap::Subcommand;

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
