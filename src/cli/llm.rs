//! `utter llm set|show|test|clear`.

use std::io::{IsTerminal, Read};
use std::time::Instant;

use super::args::{LlmCmd, ProviderArg};
use super::{out, out_json, runtime};
use crate::error::{Error, Result};
use crate::llm::{LlmClient, ProviderConfig, ProviderKind};
use crate::secrets::Secret;
use crate::service::Service;

pub fn run(svc: &Service, cmd: LlmCmd) -> Result<()> {
    match cmd {
        LlmCmd::Set {
            provider,
            base_url,
            model,
            api_key,
            timeout,
            rpm,
        } => {
            let kind = match provider {
                ProviderArg::Openai => ProviderKind::OpenAiCompatible,
                ProviderArg::Anthropic => ProviderKind::Anthropic,
            };
            let base_url = base_url.unwrap_or_else(|| default_base_url(kind).to_string());
            let mut config = ProviderConfig::new(kind, base_url, model);
            if let Some(t) = timeout {
                config.timeout_secs = t;
            }
            config.rate_limit_rpm = rpm.filter(|n| *n > 0);
            let key = if api_key { Some(read_key()?) } else { None };
            let saved = svc.set_llm_config(config, key)?;
            out(&format!(
                "Using {} model {}{}",
                saved.display_name(),
                saved.model,
                if saved.api_key_ref.is_some() {
                    " (API key in the OS keychain)"
                } else {
                    ""
                }
            ))
        }
        LlmCmd::Show { json } => {
            let cfg = svc.llm_config()?;
            if json {
                return out_json(&cfg);
            }
            match cfg {
                None => out(
                    "No language model configured: extraction runs offline. Set one with `utter llm set`.",
                ),
                Some(c) => out(&format!(
                    "provider: {}\nbase url: {}\nmodel:    {}\napi key:  {}\ntimeout:  {} s\nlimit:    {}",
                    c.display_name(),
                    c.base_url,
                    c.model,
                    if c.api_key_ref.is_some() {
                        "in the OS keychain"
                    } else {
                        "none"
                    },
                    c.timeout_secs,
                    c.rate_limit_rpm
                        .map_or("none".to_owned(), |n| format!("{n} requests per minute"))
                )),
            }
        }
        LlmCmd::Test => {
            let client: LlmClient = svc
                .llm_client()?
                .ok_or(crate::service::ServiceError::NoLlmConfigured)?;
            let started = Instant::now();
            let reply = runtime()?
                .block_on(client.ping())
                .map_err(crate::service::ServiceError::from)?;
            out(&format!(
                "OK in {} ms: {}",
                started.elapsed().as_millis(),
                reply.trim()
            ))
        }
        LlmCmd::Clear => {
            svc.clear_llm_config()?;
            out("Language model settings and key removed; extraction runs offline.")
        }
    }
}

fn default_base_url(kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::OpenAiCompatible => "http://127.0.0.1:11434/v1",
        ProviderKind::Anthropic => "https://api.anthropic.com",
    }
}

fn read_key() -> Result<Secret> {
    read_secret("API key")
}

/// A secret never goes on the command line, where shell history and `ps` would see it: it
/// is prompted for without echo on a terminal, else read from stdin.
pub(super) fn read_secret(what: &str) -> Result<Secret> {
    let key = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("{what}: "))
            .map_err(|e| Error::Io(format!("cannot read the {what}: {e}")))?
    } else {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Error::Io(format!("cannot read the {what} from stdin: {e}")))?;
        s
    };
    let key = key.trim().to_string();
    if key.is_empty() {
        return Err(Error::Usage(format!("the {what} was empty")));
    }
    Ok(Secret::new(key))
}
