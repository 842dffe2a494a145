//! Text derived from the registry: the CLI's settings help, the README's settings table, and
//! the UI's generated `bindings/settings.ts` and `bindings/SettingKey.ts`. The tests below
//! write the UI files (with `cargo test export_bindings`, beside the generated IPC bindings)
//! and fail when the README's table is stale (rewriting it, so a second run passes once it
//! is committed).

use super::{ALL, DefaultValue, FLAG_WORDS, Kind, Setting};

/// Where the README's generated table starts and ends.
pub const README_START: &str = "<!-- settings table: written by `cargo test -p utter --lib settings` from src/settings/registry.rs; do not edit -->";
pub const README_END: &str = "<!-- end of settings table -->";

/// The default as the CLI shows it: `hold`, or `(unset: the system default)`.
fn default_line(s: &Setting) -> String {
    match s.default {
        DefaultValue::Is(v) => format!("default {v}"),
        DefaultValue::Unset(means) => format!("unset: {means}"),
    }
}

/// `utter settings set --help`: each key with its values and default.
pub fn cli_help() -> String {
    let width = ALL.iter().map(|s| s.key.len()).max().unwrap_or(0);
    let mut out = String::from("Settings (key: values; default):\n");
    for s in ALL {
        out.push_str(&format!(
            "  {:width$}  {}; {}\n",
            s.key,
            s.values(),
            default_line(s)
        ));
    }
    out.push_str("\n`utter settings list` shows each one's value and what it does.");
    out
}

/// One setting for `utter settings list`: its value, what it is, what it takes.
pub fn cli_entry(s: &Setting, stored: Option<&str>) -> String {
    let value = match (stored, s.default) {
        (Some(v), DefaultValue::Is(d)) if v == d => format!("{v}  (the default)"),
        (Some(v), _) => v.to_owned(),
        (None, DefaultValue::Is(d)) => format!("{d}  (the default)"),
        (None, DefaultValue::Unset(means)) => format!("(unset: {means})"),
    };
    let default = match s.default {
        DefaultValue::Is(d) => format!("; default {d}"),
        DefaultValue::Unset(_) => String::new(),
    };
    format!(
        "{} = {value}\n    {}: {}\n    takes {}{default}",
        s.key,
        s.label,
        s.description,
        s.values()
    )
}

/// The values column: words as code (`on`, `off`), the rest as written.
fn md_values(s: &Setting) -> String {
    let code = |words: &[&str]| {
        words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match s.kind {
        Kind::Flag => code(FLAG_WORDS),
        Kind::Choice(words) => code(words),
        Kind::Number { .. } | Kind::Text { .. } => md_cell(&s.values()),
    }
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The README's settings table (between [`README_START`] and [`README_END`]).
pub fn markdown_table() -> String {
    let mut out = String::from("| setting | default | takes | |\n|---|---|---|---|\n");
    for s in ALL {
        let default = match s.default {
            DefaultValue::Is(v) => format!("`{v}`"),
            DefaultValue::Unset(means) => md_cell(means),
        };
        out.push_str(&format!(
            "| `{}` | {default} | {} | **{}.** {} |\n",
            s.key,
            md_values(s),
            md_cell(s.label),
            md_cell(s.description)
        ));
    }
    out
}

/// `text` with the part between the README markers replaced by the current table; `None`
/// when the markers are missing.
pub fn with_readme_table(text: &str) -> Option<String> {
    let start = text.find(README_START)? + README_START.len();
    let end = start + text[start..].find(README_END)?;
    Some(format!(
        "{}\n\n{}\n{}",
        &text[..start],
        markdown_table(),
        &text[end..]
    ))
}

const HEADER: &str = "// Written by `cargo test export_bindings` from the settings registry \
                      (src/settings/registry.rs). Do not edit.\n";

/// `ui/src/bindings/settings.ts`: every setting's key, label, kind, default, what it takes
/// and description, by key.
pub fn typescript() -> String {
    let mut ts = format!(
        "{HEADER}import type {{ SettingInfo }} from \"./index\";\n\
         import type {{ SettingKey }} from \"./SettingKey\";\n\n\
         /** Every setting a user can change, by key, in the registry's order. */\n\
         export const SETTINGS: Record<SettingKey, SettingInfo> = {{\n"
    );
    for s in ALL {
        // serde_json output is a valid TypeScript object literal.
        let json = serde_json::to_string_pretty(&s.info()).unwrap_or_default();
        ts.push_str(&format!(
            "  \"{}\": {},\n",
            s.key,
            json.replace('\n', "\n  ")
        ));
    }
    ts.push_str("};\n");
    ts
}

/// `ui/src/bindings/SettingKey.ts`: the keys `setSetting` accepts, each with what it holds.
pub fn setting_key_typescript() -> String {
    let mut ts = format!(
        "{HEADER}\n/** Setting keys `setSetting` accepts, each with what it holds. */\n\
         export type SettingKey =\n"
    );
    for (i, s) in ALL.iter().enumerate() {
        let end = if i + 1 == ALL.len() { ";" } else { "" };
        let doc = format!(
            "{}: {} Takes {}; {}.",
            s.label,
            s.description,
            s.values(),
            default_line(s)
        )
        .replace(['\n', '*'], " ");
        ts.push_str(&format!("  /** {doc} */\n  | \"{}\"{end}\n", s.key));
    }
    ts
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The UI's registry files are written from [`ALL`], so a setting added there cannot be
    /// missing in the UI; `make test` fails when the committed files are stale.
    #[test]
    fn export_bindings_settings() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings");
        std::fs::write(dir.join("settings.ts"), typescript()).unwrap();
        std::fs::write(dir.join("SettingKey.ts"), setting_key_typescript()).unwrap();
    }

    /// The README's settings table is the registry's. When it is not, the table is rewritten
    /// and the test fails, so the change shows in `git diff` and is committed.
    #[test]
    fn readme_settings_table_is_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let fresh = with_readme_table(&text).expect("README.md has the settings table markers");
        if fresh != text {
            std::fs::write(&path, &fresh).unwrap();
            panic!("README.md's settings table was stale; it has been rewritten: commit it");
        }
    }

    #[test]
    fn every_setting_is_in_each_text() {
        let help = cli_help();
        let table = markdown_table();
        let ts = typescript();
        let keys = setting_key_typescript();
        for s in ALL {
            assert!(help.contains(s.key), "{}", s.key);
            assert!(table.contains(&format!("`{}`", s.key)), "{}", s.key);
            assert!(ts.contains(&format!("\"key\": \"{}\"", s.key)), "{}", s.key);
            assert!(keys.contains(&format!("| \"{}\"", s.key)), "{}", s.key);
        }
        assert_eq!(table.lines().count(), ALL.len() + 2);
    }
}
