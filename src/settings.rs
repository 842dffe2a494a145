//! The settings a user changes by hand, each declared once in [`registry`]: key, label,
//! kind (what values it takes), default and description. Everything else is derived from
//! that table: the check every setter runs ([`validate`]), the typed getters the service
//! reads through (`Service::flag`, `number`, `choice`, `text`), `utter settings`, the Tauri
//! settings commands, the UI's generated `ui/src/bindings/settings.ts` and the README's
//! settings table ([`docs`]).
//!
//! Secrets are never settings: API keys and tokens live in the OS keychain, so every value
//! here is safe to list, export and show. Utter's own bookkeeping in the settings table
//! (the language model's provider, reminder and schedule cursors) is not declared here: it
//! is written by the code that owns it, not by hand.

mod checks;
pub mod docs;
mod registry;

use serde::Serialize;
use specta::Type;

pub use registry::*;

/// One setting, as declared in [`registry`].
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// The key in the settings table and on the command line, `area.name`.
    pub key: &'static str,
    /// Its name on the settings page (a few words, no full stop).
    pub label: &'static str,
    pub kind: Kind,
    pub default: DefaultValue,
    /// What it does, in a sentence or two that read well on the settings page and in the
    /// terminal alike. The values it takes and its default are added from `kind` and
    /// `default` wherever it is shown, so they are not repeated here.
    pub description: &'static str,
}

/// What values a setting takes.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// `on` or `off`.
    Flag,
    /// A whole number from `min` to `max`, counted in `unit` (plural: "days").
    Number {
        min: u32,
        max: u32,
        unit: &'static str,
    },
    /// One of these words.
    Choice(&'static [&'static str]),
    /// Free text that `check` accepts; `takes` says what that is, for people.
    Text {
        takes: &'static str,
        check: fn(&str) -> Result<(), String>,
    },
}

/// What holds while a setting is unset.
#[derive(Debug, Clone, Copy)]
pub enum DefaultValue {
    /// This value (which its own kind accepts; a test checks every one).
    Is(&'static str),
    /// No value; the text says what that means ("the system default").
    Unset(&'static str),
}

/// A setting's value, checked and typed by its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Flag(bool),
    Number(u32),
    /// One of the kind's words (the registry's own `&'static str`, so callers can match).
    Choice(&'static str),
    Text(String),
}

impl Value {
    /// The value as `utter settings set` takes it and the settings table stores it.
    pub fn to_stored(&self) -> String {
        match self {
            Value::Flag(true) => "on".into(),
            Value::Flag(false) => "off".into(),
            Value::Number(n) => n.to_string(),
            Value::Choice(c) => (*c).to_owned(),
            Value::Text(t) => t.clone(),
        }
    }
}

/// A key that is not a setting, or a value the setting does not take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    #[error("unknown setting '{key}'; known: {known} (see `utter settings list`)")]
    Unknown { key: String, known: String },
    #[error("cannot set {key}: {reason}")]
    Invalid { key: &'static str, reason: String },
}

const FLAG_WORDS: &[&str] = &["on", "off"];

impl Setting {
    /// Checks `value` (surrounding spaces ignored) and types it. The reason says what the
    /// setting takes instead.
    pub fn parse(&self, value: &str) -> Result<Value, String> {
        let value = value.trim();
        match self.kind {
            Kind::Flag => match value {
                "on" => Ok(Value::Flag(true)),
                "off" => Ok(Value::Flag(false)),
                _ => Err(self.refusal(value)),
            },
            Kind::Number { min, max, .. } => match value.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Value::Number(n)),
                _ => Err(self.refusal(value)),
            },
            Kind::Choice(words) => words
                .iter()
                .find(|w| **w == value)
                .map(|w| Value::Choice(w))
                .ok_or_else(|| self.refusal(value)),
            Kind::Text { check, .. } => {
                check(value)?;
                Ok(Value::Text(value.to_owned()))
            }
        }
    }

    /// The value while unset (`None` for a setting with no default).
    pub fn default_value(&self) -> Option<Value> {
        match self.default {
            // Every default parses: `every_default_is_a_value_of_its_own_kind` checks it.
            DefaultValue::Is(v) => self.parse(v).ok(),
            DefaultValue::Unset(_) => None,
        }
    }

    /// The default as text: the value, or what unset means.
    pub const fn default_text(&self) -> &'static str {
        match self.default {
            DefaultValue::Is(v) | DefaultValue::Unset(v) => v,
        }
    }

    /// What the setting takes, as the end of "… is not ___": `one of on, off`, `a whole
    /// number of days from 0 to 36500`, or a text setting's own description.
    pub fn accepts(&self) -> String {
        match self.kind {
            Kind::Flag => format!("one of {}", FLAG_WORDS.join(", ")),
            Kind::Choice(words) => format!("one of {}", words.join(", ")),
            Kind::Number { min, max, unit } => {
                format!("a whole number of {unit} from {min} to {max}")
            }
            Kind::Text { takes, .. } => takes.to_owned(),
        }
    }

    /// The values it takes, short: `on, off`, `0 to 36500 days`, or the text description.
    pub fn values(&self) -> String {
        match self.kind {
            Kind::Flag => FLAG_WORDS.join(", "),
            Kind::Choice(words) => words.join(", "),
            Kind::Number { min, max, unit } => format!("{min} to {max} {unit}"),
            Kind::Text { takes, .. } => takes.to_owned(),
        }
    }

    fn refusal(&self, value: &str) -> String {
        format!("{value:?} is not {}", self.accepts())
    }

    /// The setting as the UI, the CLI's `--json` and the docs describe it.
    pub fn info(&self) -> SettingInfo {
        SettingInfo {
            key: self.key.to_owned(),
            label: self.label.to_owned(),
            kind: match self.kind {
                Kind::Flag => SettingKind::Flag,
                Kind::Number { min, max, unit } => SettingKind::Number {
                    min,
                    max,
                    unit: unit.to_owned(),
                },
                Kind::Choice(words) => SettingKind::Choice {
                    values: words.iter().map(|w| (*w).to_owned()).collect(),
                },
                Kind::Text { .. } => SettingKind::Text,
            },
            default: match self.default {
                DefaultValue::Is(v) => Some(v.to_owned()),
                DefaultValue::Unset(_) => None,
            },
            unset_means: match self.default {
                DefaultValue::Is(_) => None,
                DefaultValue::Unset(means) => Some(means.to_owned()),
            },
            accepts: self.accepts(),
            description: self.description.to_owned(),
        }
    }
}

/// The setting declared under `key`.
pub fn find(key: &str) -> Option<&'static Setting> {
    ALL.iter().find(|s| s.key == key)
}

/// Checks `value` for the setting `key` and types it; what every setter runs.
pub fn validate(key: &str, value: &str) -> Result<Value, SettingError> {
    let setting = find(key).ok_or_else(|| unknown(key))?;
    setting
        .parse(value)
        .map_err(|reason| SettingError::Invalid {
            key: setting.key,
            reason,
        })
}

/// The error for a key that is not a setting, listing the ones that are.
pub fn unknown(key: &str) -> SettingError {
    SettingError::Unknown {
        key: key.to_owned(),
        known: ALL.iter().map(|s| s.key).collect::<Vec<_>>().join(", "),
    }
}

/// A setting as the UI and `utter settings list --json` see it: everything but the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SettingInfo {
    pub key: String,
    /// Its name on the settings page.
    pub label: String,
    pub kind: SettingKind,
    /// The value while unset, as stored; `None`: unset means `unset_means`.
    pub default: Option<String>,
    /// What an unset setting without a default means ("the system default").
    pub unset_means: Option<String>,
    /// What it takes, as the end of "… is not ___" (`one of on, off`).
    pub accepts: String,
    pub description: String,
}

/// What values a setting takes (a text setting's check runs in the core only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SettingKind {
    Flag,
    Number { min: u32, max: u32, unit: String },
    Choice { values: Vec<String> },
    Text,
}

/// A setting with its stored value: what `utter settings list --json` prints and the
/// `list_settings` command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SettingEntry {
    #[serde(flatten)]
    pub info: SettingInfo,
    /// As stored; `None` while unset (the default holds).
    pub value: Option<String>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn no_key_is_declared_twice() {
        let mut seen = HashSet::new();
        for s in ALL {
            assert!(seen.insert(s.key), "{} is declared twice", s.key);
        }
    }

    #[test]
    fn every_default_is_a_value_of_its_own_kind() {
        for s in ALL {
            if let DefaultValue::Is(v) = s.default {
                let parsed = s.parse(v);
                assert!(parsed.is_ok(), "{}'s default {v:?}: {parsed:?}", s.key);
                assert_eq!(parsed.unwrap().to_stored(), v, "{} round-trips", s.key);
            }
        }
    }

    #[test]
    fn declarations_are_complete_and_hold_no_secret() {
        for s in ALL {
            let (area, name) = s.key.split_once('.').expect("keys are area.name");
            assert!(!area.is_empty() && !name.is_empty(), "{}", s.key);
            assert!(
                s.key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'),
                "{}",
                s.key
            );
            assert!(!s.label.is_empty() && !s.label.ends_with('.'), "{}", s.key);
            assert!(s.description.ends_with('.'), "{}: a sentence", s.key);
            // Credentials go to the keychain, never to the settings table.
            for word in ["password", "secret", "token", "api_key", "apikey"] {
                assert!(!s.key.contains(word), "{} looks like a credential", s.key);
            }
            if let Kind::Number { min, max, .. } = s.kind {
                assert!(min <= max, "{}", s.key);
            }
        }
    }

    /// Each bad value is refused with what the setting takes instead.
    #[test]
    fn an_invalid_value_is_refused_naming_what_is_allowed() {
        let cases = [
            ("notify.dnd", "yes", "\"yes\" is not one of on, off"),
            ("hotkey.mode", "sometimes", "one of hold, toggle"),
            (
                "ui.theme",
                "purple",
                "\"purple\" is not one of system, light, dark",
            ),
            (
                "audio.retention_days",
                "soon",
                "\"soon\" is not a whole number of days from 0 to 36500",
            ),
            ("audio.retention_days", "-1", "whole number of days"),
            (
                "voice.unload_after_minutes",
                "99999",
                "of minutes from 0 to",
            ),
            ("voice.language", "klingon", "use auto or a code such as en"),
            (
                "hotkey.shortcut",
                "K",
                "needs a modifier such as Ctrl or Alt",
            ),
            (
                "mcp.client_metadata_url",
                "http://x.test/a",
                "https URL with a path",
            ),
            ("voice.device", " ", "give a device name"),
        ];
        for (key, value, want) in cases {
            let err = validate(key, value).unwrap_err();
            let text = err.to_string();
            assert!(text.starts_with(&format!("cannot set {key}: ")), "{text}");
            assert!(text.contains(want), "{key}={value:?}: {text}");
        }
        let err = validate("ui.theem", "dark").unwrap_err().to_string();
        assert!(err.contains("unknown setting 'ui.theem'"), "{err}");
        assert!(err.contains("ui.theme"), "lists the known keys: {err}");
    }

    #[test]
    fn values_are_typed_and_trimmed() {
        assert_eq!(validate("notify.dnd", " on "), Ok(Value::Flag(true)));
        assert_eq!(validate("audio.retention_days", "7"), Ok(Value::Number(7)));
        assert_eq!(validate("ui.theme", "dark"), Ok(Value::Choice("dark")));
        assert_eq!(
            validate("voice.language", "de"),
            Ok(Value::Text("de".into()))
        );
        assert_eq!(
            HOTKEY_SHORTCUT.default_text(),
            "CommandOrControl+Shift+Space"
        );
        assert_eq!(VOICE_DEVICE.default_value(), None);
    }

    /// The choice settings read into the app's enums, which serialize to the same words.
    #[test]
    fn choices_match_their_enums() {
        use crate::service::{HotkeyMode, Theme};
        let words = |s: &Setting| match s.kind {
            Kind::Choice(w) => w.to_vec(),
            _ => panic!("{} is a choice", s.key),
        };
        let json = |v: serde_json::Value| v.as_str().unwrap().to_owned();
        let modes: Vec<String> = [HotkeyMode::Hold, HotkeyMode::Toggle]
            .map(|m| json(serde_json::to_value(m).unwrap()))
            .into();
        assert_eq!(modes, words(&HOTKEY_MODE));
        let themes: Vec<String> = [Theme::System, Theme::Light, Theme::Dark]
            .map(|t| json(serde_json::to_value(t).unwrap()))
            .into();
        assert_eq!(themes, words(&UI_THEME));
        assert_eq!(
            json(serde_json::to_value(HotkeyMode::default()).unwrap()),
            HOTKEY_MODE.default_text()
        );
        assert_eq!(
            json(serde_json::to_value(Theme::default()).unwrap()),
            UI_THEME.default_text()
        );
    }
}
