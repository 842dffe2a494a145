use std::path::PathBuf;

/// Everything that can go wrong between the microphone (or a WAV file) and a 16 kHz buffer.
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error("no audio input device found: connect a microphone or check the system sound settings")]
    NoInputDevice,

    #[error(
        "audio input device {name:?} was not found (unplugged?); available devices: {available}"
    )]
    DeviceNotFound { name: String, available: String },

    #[error("audio input device {name:?} is not available any more (unplugged?): {detail}")]
    DeviceUnavailable { name: String, detail: String },

    #[error("{}", permission_hint())]
    PermissionDenied,

    #[error("audio system unavailable: {0}")]
    HostUnavailable(String),

    #[error("audio input device {name:?} does not support sample format {format}")]
    UnsupportedFormat { name: String, format: String },

    #[error("audio input device {name:?}: {detail}")]
    Device { name: String, detail: String },

    #[error("resampling failed: {0}")]
    Resample(String),

    #[error("{}: not a WAV file ({detail})", path.display())]
    NotWav { path: PathBuf, detail: String },

    #[error("{}: the WAV file holds no audio", path.display())]
    EmptyWav { path: PathBuf },

    #[error("{}: the WAV file is truncated or corrupt ({detail}); if a recording was interrupted, repair it first", path.display())]
    CorruptWav { path: PathBuf, detail: String },

    #[error("{}: unsupported WAV format ({detail})", path.display())]
    UnsupportedWav { path: PathBuf, detail: String },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}: writing the recording failed: {source}", path.display())]
    WavWrite {
        path: PathBuf,
        #[source]
        source: hound::Error,
    },
}

impl AudioError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    /// Maps cpal's error kinds onto the messages a user can act on.
    pub(crate) fn from_cpal(device: &str, err: cpal::Error) -> Self {
        use cpal::ErrorKind as K;
        let name = device.to_owned();
        match err.kind() {
            K::PermissionDenied => Self::PermissionDenied,
            K::DeviceNotAvailable | K::StreamInvalidated | K::DeviceChanged => {
                Self::DeviceUnavailable {
                    name,
                    detail: err.to_string(),
                }
            }
            K::HostUnavailable => Self::HostUnavailable(err.to_string()),
            _ => Self::Device {
                name,
                detail: err.to_string(),
            },
        }
    }
}

/// The message for a denied microphone: on macOS the fix lives in one specific place, so say
/// where instead of a generic "permission denied".
fn permission_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "microphone access was denied: allow Utter in System Settings → Privacy & Security → \
         Microphone, then start the recording again"
    } else if cfg!(target_os = "windows") {
        "microphone access was denied: allow it in Settings → Privacy & security → Microphone \
         (\"Let desktop apps access your microphone\"), then start the recording again"
    } else {
        "microphone access was denied by the operating system: check the sound settings and \
         that your user may use audio devices (e.g. the `audio` group), then try again"
    }
}
