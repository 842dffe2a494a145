//! Arguments of `utter mcp`.

use clap::Subcommand;

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
