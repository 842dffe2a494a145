//! The `utter` command line. Parsing and printing only: every operation is a service call.

mod agents;
mod args;
mod backup;
mod chat;
mod dumps;
mod llm;
mod mcp;
mod render;
mod run;
mod search;
mod transfer;
mod voice;
mod workflows;

use run::{out, out_json};

use std::process::ExitCode;

use clap::Parser;

use crate::error;
use clap::error::ErrorKind;

pub use args::Cli;

/// Entry point of the `utter` binary: errors become one line on stderr and a non-zero exit.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    init_tracing(cli.verbose);
    match run::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", safe_line(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// A line for the terminal: secrets hidden, escape sequences removed.
pub(crate) fn safe_line(text: &str) -> String {
    let scrubbed = crate::secrets::redact::scrub(text);
    crate::sanitize::terminal_safe(&scrubbed).into_owned()
}

fn init_tracing(verbose: u8) {
    let default = match verbose {
        // rmcp's worker logs an ERROR for every 401 that a sign-in then answers; Utter's
        // own error says what happened when it matters.
        0 => "warn,rmcp::transport::worker=off",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("UTTER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(crate::secrets::redact::RedactedStderr { plain: !ansi })
        .with_ansi(ansi)
        .without_time()
        .try_init();
}

/// Help and version print as usual; a usage mistake prints clap's first line (which names the
/// bad value and what is accepted) instead of a screenful.
fn usage_error(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(if e.use_stderr() { 2 } else { 0 })
        }
        _ => {
            let rendered = e.to_string();
            let line = rendered
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("invalid arguments");
            eprintln!("{line} (see --help)");
            ExitCode::from(2)
        }
    }
}

/// The CLI is synchronous; network calls (LLM providers) run on a small runtime made here.
fn runtime() -> error::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| error::Error::Io(format!("cannot start the async runtime: {e}")))
}
