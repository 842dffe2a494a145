//! The settings a user changes by hand (`utter settings`, the settings page): each key is
//! validated here so a typo is refused at once instead of breaking the next recording.

use super::agent_schedule::AGENTS_PAUSED_SETTING;
use super::app_settings::{
    AUTOSTART_SETTING, DND_SETTING, HOTKEY_MODE_SETTING, HOTKEY_SETTING, ONBOARDING_SETTING,
    THEME_SETTING, check_hotkey,
};
use super::backup::DAILY_BACKUP_SETTING;
use super::mcp_sign_in::CLIENT_METADATA_URL_SETTING;
use super::voice::{DEVICE_SETTING, LANGUAGE_SETTING, MODEL_SETTING, RETENTION_SETTING};
use super::warm_engine::UNLOAD_SETTING;
use super::{ChangeEvent, LLM_SETTING, RECONCILE_SETTING, Service, ServiceError, ServiceResult};

/// Keys `set_user_setting` accepts, with what each holds.
pub const USER_SETTINGS: &[(&str, &str)] = &[
    (
        MODEL_SETTING,
        "Whisper model: auto (chosen for this machine), a name from `utter models list` or a path to a ggml .bin file",
    ),
    (
        LANGUAGE_SETTING,
        "spoken language: auto, or a code such as en, de, fr",
    ),
    (
        UNLOAD_SETTING,
        "minutes without recording before the speech model leaves memory; 0 keeps it (default 5)",
    ),
    (
        DEVICE_SETTING,
        "input device name from `utter devices` (unset = system default)",
    ),
    (
        RETENTION_SETTING,
        "days to keep recordings; 0 keeps them forever (default 30)",
    ),
    (
        HOTKEY_SETTING,
        "global shortcut that records, e.g. CommandOrControl+Shift+Space (the default)",
    ),
    (
        HOTKEY_MODE_SETTING,
        "hold (push-to-talk, the default) or toggle (press to start, press to stop)",
    ),
    (
        DND_SETTING,
        "do not disturb: on silences notifications except errors (default off)",
    ),
    (THEME_SETTING, "system (default), light or dark"),
    (
        RECONCILE_SETTING,
        "on (default) matches each dump against the open cards (repeats and updates change the card instead of adding one); off adds every item as a new card",
    ),
    (
        AGENTS_PAUSED_SETTING,
        "on holds scheduled agent runs (the tray's Pause agents; default off)",
    ),
    (
        AUTOSTART_SETTING,
        "on starts the desktop app at login (default off)",
    ),
    (
        ONBOARDING_SETTING,
        "on once first-run setup is done or skipped",
    ),
    (
        DAILY_BACKUP_SETTING,
        "on (default) keeps a daily backup in the data dir's backups folder (the last 7); off stops them",
    ),
    (
        CLIENT_METADATA_URL_SETTING,
        "https URL of a published OAuth Client ID Metadata Document, used as the client id with remote MCP servers that accept one (unset = register with each server)",
    ),
];

impl Service {
    /// Every stored setting, sorted by key. Secrets are never settings (they live in the
    /// OS keychain), so everything here is safe to show.
    pub fn list_settings(&self) -> ServiceResult<Vec<(String, String)>> {
        Ok(self.store().list_settings()?)
    }

    /// Sets a user-facing setting after checking its value.
    pub fn set_user_setting(&self, key: &str, value: &str) -> ServiceResult<()> {
        let value = value.trim();
        let invalid = |reason: String| ServiceError::BadSettingValue {
            key: key.to_owned(),
            reason,
        };
        match key {
            RETENTION_SETTING => {
                value
                    .parse::<u32>()
                    .map_err(|_| invalid(format!("{value:?} is not a whole number of days")))?;
            }
            UNLOAD_SETTING => {
                value.parse::<u32>().map_err(|_| {
                    invalid(format!(
                        "{value:?} is not a whole number of minutes (0 keeps the model loaded)"
                    ))
                })?;
            }
            LANGUAGE_SETTING => {
                let ok = value == "auto"
                    || (value.len() <= 16
                        && value.chars().all(|c| c.is_ascii_alphabetic())
                        && whisper_rs::get_lang_id(&value.to_ascii_lowercase()).is_some());
                if !ok {
                    return Err(invalid(format!(
                        "{value:?} is not a Whisper language; use auto or a code such as en, de, fr"
                    )));
                }
            }
            MODEL_SETTING => {
                if value != super::AUTO_MODEL && !std::path::Path::new(value).is_file() {
                    self.models()?.info(value)?;
                }
            }
            DEVICE_SETTING => {
                if value.is_empty() {
                    return Err(invalid(
                        "give a device name, or unset it for the default".into(),
                    ));
                }
            }
            HOTKEY_SETTING => check_hotkey(value).map_err(invalid)?,
            HOTKEY_MODE_SETTING => one_of(value, &["hold", "toggle"]).map_err(invalid)?,
            THEME_SETTING => one_of(value, &["system", "light", "dark"]).map_err(invalid)?,
            DND_SETTING
            | AUTOSTART_SETTING
            | ONBOARDING_SETTING
            | AGENTS_PAUSED_SETTING
            | DAILY_BACKUP_SETTING
            | RECONCILE_SETTING => {
                one_of(value, &["on", "off"]).map_err(invalid)?;
            }
            CLIENT_METADATA_URL_SETTING => {
                // CIMD client ids are https URLs with a path (draft-ietf-oauth-client-id-metadata-document).
                let ok = url::Url::parse(value)
                    .is_ok_and(|u| u.scheme() == "https" && u.path().len() > 1);
                if !ok {
                    return Err(invalid(format!(
                        "{value:?} is not an https URL with a path, e.g. https://example.com/oauth/client.json"
                    )));
                }
            }
            LLM_SETTING => {
                return Err(invalid(
                    "use `utter llm set` (it also stores the key)".into(),
                ));
            }
            _ => return Err(unknown_key(key)),
        }
        self.set_setting(key, value)
    }

    /// Removes a user-facing setting, so its default applies again.
    /// A setting's stored value (`None`: unset, so its default holds). A key that is neither a
    /// user setting nor stored is a typo, and is refused like one.
    pub fn get_user_setting(&self, key: &str) -> ServiceResult<Option<String>> {
        let value = self.store().get_setting(key)?;
        if value.is_none() && !USER_SETTINGS.iter().any(|(k, _)| *k == key) {
            return Err(unknown_key(key));
        }
        Ok(value)
    }

    pub fn unset_user_setting(&self, key: &str) -> ServiceResult<()> {
        if !USER_SETTINGS.iter().any(|(k, _)| *k == key) {
            return Err(unknown_key(key));
        }
        self.store().delete_setting(key)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: key.to_owned(),
        });
        Ok(())
    }
}

fn one_of(value: &str, allowed: &[&str]) -> Result<(), String> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(format!("{value:?} is not one of {}", allowed.join(", ")))
    }
}

fn unknown_key(key: &str) -> ServiceError {
    ServiceError::UnknownSetting {
        key: key.to_owned(),
        known: USER_SETTINGS
            .iter()
            .map(|(k, _)| *k)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::USER_SETTINGS;

    /// The UI's `SettingKey` is written from [`USER_SETTINGS`] (with `cargo test
    /// export_bindings`, beside the generated IPC bindings), so a key added here cannot be
    /// missing there; `make test` fails when the committed file is stale.
    #[test]
    fn export_bindings_setting_keys() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/bindings");
        let mut ts = String::from(
            "// Written by `cargo test export_bindings` from USER_SETTINGS in \
             src/service/user_settings.rs. Do not edit.\n\n\
             /** Setting keys `setSetting` accepts, each with what it holds. */\n\
             export type SettingKey =\n",
        );
        for (i, (key, what)) in USER_SETTINGS.iter().enumerate() {
            let end = if i + 1 == USER_SETTINGS.len() {
                ";"
            } else {
                ""
            };
            let what = what.replace(['\n', '*'], " ");
            ts.push_str(&format!("  /** {what} */\n  | \"{key}\"{end}\n"));
        }
        std::fs::write(std::path::Path::new(&dir).join("SettingKey.ts"), ts).unwrap();
    }
}
