//! The settings a user changes by hand (`utter settings`, the settings page), over the one
//! registry in [`crate::settings`]: every setter checks the value there, so a typo is refused
//! at once instead of breaking the next recording, and every getter reads through it, so a
//! default lives only in its declaration.

use serde::de::DeserializeOwned;

use super::{ChangeEvent, LLM_SETTING, Service, ServiceError, ServiceResult};
use crate::settings::{self, Kind, Setting, SettingEntry, SettingError, VOICE_MODEL, Value};

impl From<SettingError> for ServiceError {
    fn from(e: SettingError) -> Self {
        match e {
            SettingError::Unknown { key, known } => ServiceError::UnknownSetting { key, known },
            SettingError::Invalid { key, reason } => ServiceError::BadSettingValue {
                key: key.to_owned(),
                reason,
            },
        }
    }
}

impl Service {
    /// Every stored row of the settings table, sorted by key: the user's settings and
    /// Utter's own bookkeeping. Secrets are never settings (they live in the OS keychain),
    /// so everything here is safe to show.
    pub fn list_settings(&self) -> ServiceResult<Vec<(String, String)>> {
        Ok(self.store().list_settings()?)
    }

    /// Every declared setting with its stored value, in the registry's order: what `utter
    /// settings list` and the `list_settings` command show.
    pub fn user_settings(&self) -> ServiceResult<Vec<SettingEntry>> {
        settings::ALL
            .iter()
            .map(|s| {
                Ok(SettingEntry {
                    info: s.info(),
                    value: self.get_setting(s.key)?,
                })
            })
            .collect()
    }

    /// Sets a user-facing setting after checking its value; the value is stored as the
    /// registry reads it back (trimmed, numbers without leading zeros).
    pub fn set_user_setting(&self, key: &str, value: &str) -> ServiceResult<()> {
        if key == LLM_SETTING {
            return Err(ServiceError::BadSettingValue {
                key: key.to_owned(),
                reason: "use `utter llm set` (it also stores the key)".into(),
            });
        }
        let typed = settings::validate(key, value)?;
        if key == VOICE_MODEL.key {
            // Which names exist is the catalog's to say.
            let name = typed.to_stored();
            if name != super::AUTO_MODEL && !std::path::Path::new(&name).is_file() {
                self.models()?.info(&name)?;
            }
        }
        self.set_setting(key, &typed.to_stored())
    }

    /// A setting's stored value (`None`: unset, so its default holds). A key that is neither
    /// a user setting nor stored is a typo, and is refused like one.
    pub fn get_user_setting(&self, key: &str) -> ServiceResult<Option<String>> {
        let value = self.store().get_setting(key)?;
        if value.is_none() && settings::find(key).is_none() {
            return Err(settings::unknown(key).into());
        }
        Ok(value)
    }

    /// Removes a user-facing setting, so its default applies again.
    pub fn unset_user_setting(&self, key: &str) -> ServiceResult<()> {
        if settings::find(key).is_none() {
            return Err(settings::unknown(key).into());
        }
        self.store().delete_setting(key)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: key.to_owned(),
        });
        Ok(())
    }

    /// The setting's value: as stored, else its default (`None` for one without a default).
    ///
    /// A stored value the registry refuses (written by an older version, a restore or by
    /// hand): an on/off, choice or text setting falls back to its default, as the code
    /// reading it always did; a whole number outside the range gives the nearest end; any
    /// other number is an error, because guessing one could delete recordings the user
    /// meant to keep.
    pub fn setting_value(&self, s: &Setting) -> ServiceResult<Option<Value>> {
        let Some(stored) = self.get_setting(s.key)? else {
            return Ok(s.default_value());
        };
        match s.parse(&stored) {
            Ok(v) => Ok(Some(v)),
            Err(reason) => match s.kind {
                // Versions before the ranges took any whole number: the nearest end holds.
                Kind::Number { min, max, .. } => match stored.trim().parse::<u32>() {
                    Ok(n) => Ok(Some(Value::Number(n.clamp(min, max)))),
                    Err(_) => Err(ServiceError::InvalidSetting { key: s.key, reason }),
                },
                _ => {
                    tracing::warn!(key = s.key, %reason, "stored setting ignored; its default holds");
                    Ok(s.default_value())
                }
            },
        }
    }

    /// An on/off setting.
    pub fn flag(&self, s: &Setting) -> ServiceResult<bool> {
        match self.setting_value(s)? {
            Some(Value::Flag(on)) => Ok(on),
            _ => Err(misread(s, "an on/off setting")),
        }
    }

    /// A number setting.
    pub fn number(&self, s: &Setting) -> ServiceResult<u32> {
        match self.setting_value(s)? {
            Some(Value::Number(n)) => Ok(n),
            _ => Err(misread(s, "a number setting")),
        }
    }

    /// A choice setting, as the enum whose serde names are its words.
    pub fn choice<T: DeserializeOwned>(&self, s: &Setting) -> ServiceResult<T> {
        match self.setting_value(s)? {
            Some(Value::Choice(word)) => {
                serde_json::from_value(serde_json::Value::String(word.to_owned()))
                    .map_err(|e| misread(s, &format!("readable as its enum ({e})")))
            }
            _ => Err(misread(s, "a choice setting")),
        }
    }

    /// A text setting; `None` while one without a default is unset.
    pub fn text(&self, s: &Setting) -> ServiceResult<Option<String>> {
        match self.setting_value(s)? {
            Some(Value::Text(t)) => Ok(Some(t)),
            None if matches!(s.kind, Kind::Text { .. }) => Ok(None),
            _ => Err(misread(s, "a text setting")),
        }
    }
}

/// A getter used on a setting of another kind: a bug, reported rather than guessed around.
fn misread(s: &Setting, expected: &str) -> ServiceError {
    ServiceError::InvalidSetting {
        key: s.key,
        reason: format!("it is read as {expected}, which it is not declared as"),
    }
}
