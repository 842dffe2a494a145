//! Secrets written inline in a server's URL (`?api_key=…`, `https://user:pass@host`) or its
//! command line (`--token VALUE`, `--api-key=VALUE`). They are taken out when a server is
//! added, filed in the keychain under a slot name, and the stored config keeps
//! [`PLACEHOLDER`] in their place until the moment of connecting.
//!
//! Query values are kept exactly as the user wrote them (still percent-encoded), so that
//! filling them back gives the server the same bytes.

use super::config::McpTransport;
use super::secret::is_secret_flag;

/// What the stored config holds where a secret was.
pub const PLACEHOLDER: &str = "__keychain__";

/// One secret taken out: the slot it is filed under and its value.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Inline {
    pub slot: String,
    pub value: String,
}

/// Whether a query parameter's name says its value is a credential.
fn is_secret_param(name: &str) -> bool {
    const WORDS: [&str; 9] = [
        "key",
        "token",
        "secret",
        "password",
        "passwd",
        "auth",
        "signature",
        "sig",
        "credential",
    ];
    let lower = name.to_ascii_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a URL carries a credential (user info, or a query parameter named like one).
pub(crate) fn url_has_credentials(url: &str) -> bool {
    let mut copy = url.to_string();
    !take_from_url(&mut copy).is_empty()
}

/// Replaces inline secrets in `t` with [`PLACEHOLDER`] and returns them.
pub(crate) fn take(t: &mut McpTransport) -> Vec<Inline> {
    match t {
        McpTransport::Http { url, .. } => take_from_url(url),
        McpTransport::Stdio { args, .. } => take_from_args(args),
    }
}

/// The slots `t` (as stored) has placeholders for.
pub(crate) fn slots(t: &McpTransport) -> Vec<String> {
    match t {
        McpTransport::Http { url, .. } => url_slots(url),
        McpTransport::Stdio { args, .. } => arg_slots(args),
    }
}

/// Puts the secrets back: `lookup(slot)` gives the value for each placeholder.
pub(crate) fn fill<E>(
    t: &mut McpTransport,
    mut lookup: impl FnMut(&str) -> Result<String, E>,
) -> Result<(), E> {
    match t {
        McpTransport::Http { url, .. } => {
            let mut filled = url.clone();
            for slot in url_slots(url) {
                let value = lookup(&slot)?;
                filled = fill_url_slot(&filled, &slot, &value);
            }
            *url = filled;
        }
        McpTransport::Stdio { args, .. } => {
            for slot in arg_slots(args) {
                let value = lookup(&slot)?;
                let Some(i) = slot
                    .strip_prefix("arg:")
                    .and_then(|n| n.parse::<usize>().ok())
                else {
                    continue;
                };
                if let Some(arg) = args.get_mut(i) {
                    *arg = arg.replacen(PLACEHOLDER, &value, 1);
                }
            }
        }
    }
    Ok(())
}

fn take_from_url(url: &mut String) -> Vec<Inline> {
    let mut taken = Vec::new();
    let Ok(mut parsed) = reqwest::Url::parse(url) else {
        return taken;
    };
    let user = parsed.username().to_string();
    if !user.is_empty() && user != PLACEHOLDER {
        taken.push(Inline {
            slot: "url-user".into(),
            value: user,
        });
        let _ = parsed.set_username(PLACEHOLDER);
    }
    if let Some(password) = parsed.password().map(str::to_string)
        && password != PLACEHOLDER
        && !password.is_empty()
    {
        taken.push(Inline {
            slot: "url-password".into(),
            value: password,
        });
        let _ = parsed.set_password(Some(PLACEHOLDER));
    }
    if let Some(query) = parsed.query().map(str::to_string) {
        let mut pieces = Vec::new();
        for piece in query.split('&') {
            match piece.split_once('=') {
                Some((name, value))
                    if is_secret_param(&decode(name))
                        && !value.is_empty()
                        && value != PLACEHOLDER =>
                {
                    taken.push(Inline {
                        slot: format!("url-query:{}", decode(name)),
                        value: value.to_string(),
                    });
                    pieces.push(format!("{name}={PLACEHOLDER}"));
                }
                _ => pieces.push(piece.to_string()),
            }
        }
        parsed.set_query(Some(&pieces.join("&")));
    }
    if !taken.is_empty() {
        *url = parsed.to_string();
    }
    taken
}

fn url_slots(url: &str) -> Vec<String> {
    let mut slots = Vec::new();
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return slots;
    };
    if parsed.username() == PLACEHOLDER {
        slots.push("url-user".into());
    }
    if parsed.password() == Some(PLACEHOLDER) {
        slots.push("url-password".into());
    }
    for piece in parsed.query().unwrap_or_default().split('&') {
        if let Some((name, PLACEHOLDER)) = piece.split_once('=') {
            slots.push(format!("url-query:{}", decode(name)));
        }
    }
    slots
}

fn fill_url_slot(url: &str, slot: &str, value: &str) -> String {
    let Ok(mut parsed) = reqwest::Url::parse(url) else {
        return url.to_string();
    };
    match slot {
        "url-user" => {
            let _ = parsed.set_username(value);
        }
        "url-password" => {
            let _ = parsed.set_password(Some(value));
        }
        _ => {
            let Some(param) = slot.strip_prefix("url-query:") else {
                return url.to_string();
            };
            let query = parsed.query().unwrap_or_default();
            let pieces: Vec<String> = query
                .split('&')
                .map(|piece| match piece.split_once('=') {
                    Some((name, PLACEHOLDER)) if decode(name) == param => {
                        format!("{name}={value}")
                    }
                    _ => piece.to_string(),
                })
                .collect();
            parsed.set_query(Some(&pieces.join("&")));
        }
    }
    parsed.to_string()
}

fn take_from_args(args: &mut [String]) -> Vec<Inline> {
    let mut taken = Vec::new();
    let mut secret_next = false;
    for (i, arg) in args.iter_mut().enumerate() {
        if secret_next {
            secret_next = false;
            if arg != PLACEHOLDER && !arg.is_empty() {
                taken.push(Inline {
                    slot: format!("arg:{i}"),
                    value: std::mem::replace(arg, PLACEHOLDER.to_string()),
                });
            }
            continue;
        }
        match arg.split_once('=') {
            Some((flag, value)) if is_secret_flag(flag) => {
                if value != PLACEHOLDER && !value.is_empty() {
                    taken.push(Inline {
                        slot: format!("arg:{i}"),
                        value: value.to_string(),
                    });
                    *arg = format!("{flag}={PLACEHOLDER}");
                }
            }
            Some(_) => {}
            None => secret_next = is_secret_flag(arg),
        }
    }
    taken
}

fn arg_slots(args: &[String]) -> Vec<String> {
    args.iter()
        .enumerate()
        .filter(|(_, a)| *a == PLACEHOLDER || a.ends_with(&format!("={PLACEHOLDER}")))
        .map(|(i, _)| format!("arg:{i}"))
        .collect()
}

/// A query parameter's name as the server reads it (`api%5Fkey` is `api_key`).
fn decode(name: &str) -> String {
    form_urlencoded::parse(name.as_bytes())
        .next()
        .map(|(k, _)| k.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::{BTreeMap, HashMap};

    use super::*;

    fn http(url: &str) -> McpTransport {
        McpTransport::Http {
            url: url.into(),
            headers: BTreeMap::new(),
        }
    }

    fn round_trip(mut t: McpTransport) -> (McpTransport, Vec<String>) {
        let original = t.clone();
        let taken = take(&mut t);
        let stored = t.clone();
        let vault: HashMap<String, String> = taken.into_iter().map(|i| (i.slot, i.value)).collect();
        let mut filled = t;
        fill(&mut filled, |slot| {
            vault.get(slot).cloned().ok_or_else(|| slot.to_string())
        })
        .unwrap();
        assert_eq!(filled, original, "filling back gives the same config");
        let slots = slots(&stored);
        let mut names: Vec<String> = vault.keys().cloned().collect();
        names.sort();
        let mut sorted = slots.clone();
        sorted.sort();
        assert_eq!(sorted, names);
        (stored, slots)
    }

    #[test]
    fn url_credentials_and_secret_query_values_are_taken_out() {
        let (stored, _) = round_trip(http(
            "https://me:pa%40ss@mcp.example.com/mcp?api_key=K%2B1y&region=eu&access_token=t0k",
        ));
        let McpTransport::Http { url, .. } = stored else {
            panic!()
        };
        assert_eq!(
            url,
            "https://__keychain__:__keychain__@mcp.example.com/mcp?api_key=__keychain__&region=eu&access_token=__keychain__"
        );
        // Nothing to take: stays as written.
        let (stored, slots) = round_trip(http("http://127.0.0.1:3001/mcp?page=2"));
        assert!(slots.is_empty());
        assert_eq!(stored, http("http://127.0.0.1:3001/mcp?page=2"));
    }

    #[test]
    fn credential_arguments_are_taken_out() {
        let t = McpTransport::Stdio {
            command: "npx".into(),
            args: [
                "-y",
                "pkg",
                "--api-key",
                "AAA",
                "--token=BBB",
                "--port",
                "80",
            ]
            .map(String::from)
            .to_vec(),
            env: BTreeMap::new(),
            cwd: None,
        };
        let (stored, slots) = round_trip(t);
        let McpTransport::Stdio { args, .. } = stored else {
            panic!()
        };
        assert_eq!(
            args,
            [
                "-y",
                "pkg",
                "--api-key",
                PLACEHOLDER,
                "--token=__keychain__",
                "--port",
                "80"
            ]
        );
        assert_eq!(slots, ["arg:3", "arg:4"]);
    }
}
