//! The desktop's settings (hotkey, notifications, theme, start at login, first run) and the
//! one struct the settings page reads. Values are validated in `user_settings`.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::voice::{DEFAULT_MODEL, DEVICE_SETTING, LANGUAGE_SETTING, MODEL_SETTING};
use super::{Service, ServiceResult};
use crate::llm::ProviderConfig;

pub const HOTKEY_SETTING: &str = "hotkey.shortcut";
pub const HOTKEY_MODE_SETTING: &str = "hotkey.mode";
pub const DND_SETTING: &str = "notify.dnd";
pub const THEME_SETTING: &str = "ui.theme";
pub const AUTOSTART_SETTING: &str = "app.autostart";
pub const ONBOARDING_SETTING: &str = "onboarding.done";
/// Ctrl+Shift+Space (Cmd on macOS): free in the common desktops and reachable with one hand.
pub const DEFAULT_HOTKEY: &str = "CommandOrControl+Shift+Space";

/// Push-to-talk or press-to-start / press-to-stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HotkeyMode {
    #[default]
    Hold,
    Toggle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Everything the settings page shows, with defaults filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AppSettings {
    /// Accelerator such as `CommandOrControl+Shift+Space`.
    pub hotkey: String,
    pub hotkey_mode: HotkeyMode,
    /// Input device name; `None` = the system default.
    pub device: Option<String>,
    pub model: String,
    /// `auto` or a language code.
    pub language: String,
    pub retention_days: u32,
    /// Do not disturb: no notifications except errors.
    pub dnd: bool,
    pub theme: Theme,
    pub autostart: bool,
    pub onboarding_done: bool,
    pub llm: Option<ProviderConfig>,
    /// Dumps are matched against the open cards (`dumps.reconcile`, on by default).
    pub reconcile: bool,
    /// A backup a day in the data dir (`backup.daily`, on by default).
    pub daily_backup: bool,
}

impl Service {
    pub fn app_settings(&self) -> ServiceResult<AppSettings> {
        let get = |k| self.get_setting(k);
        Ok(AppSettings {
            hotkey: get(HOTKEY_SETTING)?.unwrap_or_else(|| DEFAULT_HOTKEY.to_owned()),
            hotkey_mode: self.hotkey_mode()?,
            device: get(DEVICE_SETTING)?,
            model: get(MODEL_SETTING)?.unwrap_or_else(|| DEFAULT_MODEL.to_owned()),
            language: get(LANGUAGE_SETTING)?.unwrap_or_else(|| "auto".to_owned()),
            retention_days: self.retention_days()?,
            dnd: self.flag(DND_SETTING)?,
            theme: match get(THEME_SETTING)?.as_deref() {
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                _ => Theme::System,
            },
            autostart: self.flag(AUTOSTART_SETTING)?,
            onboarding_done: self.flag(ONBOARDING_SETTING)?,
            llm: self.llm_config()?,
            reconcile: self.reconcile_enabled()?,
            daily_backup: get(super::DAILY_BACKUP_SETTING)?.as_deref() != Some("off"),
        })
    }

    pub fn hotkey_mode(&self) -> ServiceResult<HotkeyMode> {
        Ok(match self.get_setting(HOTKEY_MODE_SETTING)?.as_deref() {
            Some("toggle") => HotkeyMode::Toggle,
            _ => HotkeyMode::Hold,
        })
    }

    /// An on/off setting; anything but `on` is off.
    pub fn flag(&self, key: &str) -> ServiceResult<bool> {
        Ok(self.get_setting(key)?.as_deref() == Some("on"))
    }
}

/// Checks an accelerator's shape (`Mods+Key`) so a typo is refused when saved, not at the
/// next start. Whether the OS lets us have it is only known when registering.
pub fn check_hotkey(value: &str) -> Result<(), String> {
    const MODS: &[&str] = &[
        "commandorcontrol",
        "cmdorctrl",
        "commandorctrl",
        "cmdorcontrol",
        "control",
        "ctrl",
        "shift",
        "alt",
        "option",
        "super",
        "meta",
        "command",
        "cmd",
    ];
    let parts: Vec<&str> = value.split('+').map(str::trim).collect();
    let Some((key, mods)) = parts.split_last() else {
        return Err("empty shortcut".into());
    };
    if key.is_empty() || MODS.contains(&key.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "{value:?} has no key after the modifiers (e.g. Ctrl+Shift+Space)"
        ));
    }
    if let Some(bad) = mods
        .iter()
        .find(|m| !MODS.contains(&m.to_ascii_lowercase().as_str()))
    {
        return Err(format!(
            "{bad:?} is not a modifier; use Ctrl, Shift, Alt, Super or CommandOrControl"
        ));
    }
    if mods.is_empty() && !key.to_ascii_uppercase().starts_with('F') {
        // A bare letter would fire while typing anywhere.
        return Err(format!(
            "{value:?} needs a modifier such as Ctrl or Alt (function keys may go alone)"
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::check_hotkey;

    #[test]
    fn hotkeys_are_checked_for_shape() {
        assert!(check_hotkey("CommandOrControl+Shift+Space").is_ok());
        assert!(check_hotkey("Alt+F9").is_ok());
        assert!(check_hotkey("F8").is_ok());
        assert!(check_hotkey("A").unwrap_err().contains("needs a modifier"));
        assert!(check_hotkey("Ctrl+Shift").unwrap_err().contains("no key"));
        assert!(
            check_hotkey("Hyper+K")
                .unwrap_err()
                .contains("not a modifier")
        );
        assert!(check_hotkey("").is_err());
    }
}
