use crate::audio::AudioError;
use crate::stt::SttError;

/// Failures of a recording session.
#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error(transparent)]
    Audio(#[from] AudioError),

    #[error(transparent)]
    Stt(#[from] SttError),

    #[error("the recording thread stopped unexpectedly")]
    ThreadGone,
}
