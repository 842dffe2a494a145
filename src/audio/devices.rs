use cpal::traits::{DeviceTrait, HostTrait};
use serde::Serialize;

use super::AudioError;

/// An input device as the settings screen and `utter record --device` see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputDeviceInfo {
    /// Human-readable name; also what [`crate::voice::RecorderOptions::device`] matches.
    pub name: String,
    /// The host's stable id, where it has one (survives reboots and re-plugging).
    pub id: Option<String>,
    pub is_default: bool,
    /// The native format capture will run at (converted to 16 kHz mono afterwards).
    pub sample_rate: u32,
    pub channels: u16,
    pub sample_format: String,
}

/// Lists the input devices of the default audio host.
///
/// Devices whose configuration cannot be queried are skipped (a half-removed USB device often
/// shows up like that) rather than failing the whole listing.
pub fn list_input_devices() -> Result<Vec<InputDeviceInfo>, AudioError> {
    let host = cpal::default_host();
    let default = host.default_input_device();
    let devices = host
        .input_devices()
        .map_err(|e| AudioError::from_cpal("(listing)", e))?;
    let mut out = Vec::new();
    for device in devices {
        let name = device.to_string();
        let config = match device.default_input_config() {
            Ok(c) => c,
            Err(err) => {
                tracing::debug!(%name, %err, "skipping input device without a usable config");
                continue;
            }
        };
        out.push(InputDeviceInfo {
            id: device.id().ok().map(|id| id.to_string()),
            is_default: default.as_ref() == Some(&device),
            name,
            sample_rate: config.sample_rate(),
            channels: config.channels(),
            sample_format: config.sample_format().to_string(),
        });
    }
    Ok(out)
}

/// Finds the device to record from: `None` is the system default; a name matches the
/// display name or the stable id. A missing device is an error naming the ones that exist, so
/// the user sees at once that the headset is unplugged rather than a silent recording.
pub(crate) fn find_input_device(name: Option<&str>) -> Result<cpal::Device, AudioError> {
    let host = cpal::default_host();
    let Some(wanted) = name else {
        return host.default_input_device().ok_or(AudioError::NoInputDevice);
    };
    let devices = host
        .input_devices()
        .map_err(|e| AudioError::from_cpal(wanted, e))?;
    let mut available = Vec::new();
    for device in devices {
        let display = device.to_string();
        let id = device.id().ok().map(|id| id.to_string());
        if display == wanted || id.as_deref() == Some(wanted) {
            return Ok(device);
        }
        available.push(display);
    }
    Err(AudioError::DeviceNotFound {
        name: wanted.to_owned(),
        available: if available.is_empty() {
            "none".to_owned()
        } else {
            available.join(", ")
        },
    })
}
