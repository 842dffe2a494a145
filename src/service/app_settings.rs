//! The desktop's settings (hotkey, notifications, theme, start at login, first run) and the
//! one struct the settings page reads. Each is declared (default, values) in
//! [`crate::settings`] and read through it.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Service, ServiceResult};
use crate::llm::ProviderConfig;
use crate::settings::{
    APP_AUTOSTART, AUDIO_RETENTION_DAYS, BACKUP_DAILY, DUMPS_RECONCILE, HOTKEY_MODE,
    HOTKEY_SHORTCUT, NOTIFY_DND, ONBOARDING_DONE, UI_THEME, VOICE_DEVICE, VOICE_LANGUAGE,
    VOICE_MODEL,
};

// The desktop shell's names for what it handles itself (src-tauri/src/settings_commands.rs:
// it registers the shortcut and writes the login entry); declared in the registry.
pub const HOTKEY_SETTING: &str = HOTKEY_SHORTCUT.key;
pub const AUTOSTART_SETTING: &str = APP_AUTOSTART.key;
pub const DEFAULT_HOTKEY: &str = HOTKEY_SHORTCUT.default_text();

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
        Ok(AppSettings {
            // Both have a default, so they are never `None`.
            hotkey: self.text(&HOTKEY_SHORTCUT)?.unwrap_or_default(),
            hotkey_mode: self.hotkey_mode()?,
            device: self.text(&VOICE_DEVICE)?,
            model: self.text(&VOICE_MODEL)?.unwrap_or_default(),
            language: self.text(&VOICE_LANGUAGE)?.unwrap_or_default(),
            retention_days: self.number(&AUDIO_RETENTION_DAYS)?,
            dnd: self.flag(&NOTIFY_DND)?,
            theme: self.choice(&UI_THEME)?,
            autostart: self.flag(&APP_AUTOSTART)?,
            onboarding_done: self.flag(&ONBOARDING_DONE)?,
            llm: self.llm_config()?,
            reconcile: self.flag(&DUMPS_RECONCILE)?,
            daily_backup: self.flag(&BACKUP_DAILY)?,
        })
    }

    pub fn hotkey_mode(&self) -> ServiceResult<HotkeyMode> {
        self.choice(&HOTKEY_MODE)
    }
}
