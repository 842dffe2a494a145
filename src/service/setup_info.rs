//! What the settings page and first-run setup list: microphones, models, and what the
//! desktop is missing (tray host, notification daemon, microphone, model).

use serde::Serialize;
use specta::Type;

use super::voice_session::VoiceState;
use super::{Service, ServiceResult};

const NULL_DEVICE_ID: &str = "alsa:null";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct InputDevice {
    pub name: String,
    pub is_default: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ModelEntry {
    pub name: String,
    pub description: String,
    pub size: u64,
    pub multilingual: bool,
    pub installed: bool,
    pub partial_download: bool,
    pub bytes_on_disk: u64,
    /// Peak memory while transcribing on the CPU, in MB (0 = unknown).
    pub memory_mb: u64,
    /// "Choose for me" picks this model for this machine; `reason` says why.
    pub recommended: bool,
    pub reason: Option<String>,
    /// The model `auto` runs right now (the recommended one, or the best installed one
    /// until it is downloaded).
    pub auto_in_use: bool,
}

/// Progress of `download_model`, sent as the `model-download` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DownloadEvent {
    pub name: String,
    pub downloaded: u64,
    pub total: Option<u64>,
    pub done: bool,
    pub error: Option<String>,
}

/// What works and what is missing on this desktop, each with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DesktopStatus {
    pub hotkey: String,
    pub hotkey_registered: bool,
    pub hotkey_error: Option<String>,
    /// False when no tray host is running: closing the window then quits.
    pub tray: bool,
    pub notifications: bool,
    pub notifications_error: Option<String>,
    pub microphone: bool,
    pub microphone_error: Option<String>,
    /// The selected Whisper model is on disk.
    pub model_installed: bool,
    pub voice: VoiceState,
}

impl Service {
    /// Input devices; an empty list when there is no audio system at all.
    pub fn input_devices(&self) -> ServiceResult<Vec<InputDevice>> {
        let devices = crate::audio::list_input_devices().map_err(crate::voice::VoiceError::from)?;
        Ok(devices
            .into_iter()
            // ALSA's `null` device records silence forever: offering it as a microphone on a
            // machine without one would hide the real problem.
            .filter(|d| d.id.as_deref() != Some(NULL_DEVICE_ID))
            .map(|d| InputDevice {
                name: d.name,
                is_default: d.is_default,
            })
            .collect())
    }

    pub fn model_entries(&self) -> ServiceResult<Vec<ModelEntry>> {
        let auto = self.auto_model()?;
        Ok(self
            .models()?
            .list()
            .into_iter()
            .map(|m| ModelEntry {
                multilingual: m.info.language == crate::stt::ModelLanguage::Multi,
                recommended: m.info.name == auto.recommended.name,
                reason: (m.info.name == auto.recommended.name)
                    .then(|| auto.recommended.reason.clone()),
                auto_in_use: auto.in_use.as_deref() == Some(m.info.name.as_str()),
                memory_mb: m.info.memory_mb,
                name: m.info.name,
                description: m.info.description,
                size: m.info.size,
                installed: m.installed,
                partial_download: m.partial_download,
                bytes_on_disk: m.bytes_on_disk,
            })
            .collect())
    }

    /// The selected model is usable without a download.
    pub fn model_installed(&self) -> bool {
        self.model_path(None).is_ok()
    }

    /// Why recording would fail right now (no input device), or `None` when a microphone
    /// is there.
    pub fn microphone_problem(&self) -> Option<String> {
        match self.input_devices() {
            Ok(d) if d.is_empty() => Some(
                "no microphone found: plug one in or enable it in the system's sound settings"
                    .into(),
            ),
            Ok(_) => None,
            Err(e) => Some(e.to_string()),
        }
    }
}
