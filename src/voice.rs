//! The recording session the CLI and the app drive: microphone → 16 kHz → crash-safe WAV +
//! level meter + streaming transcription → final transcript.

mod error;
mod session;

pub use error::VoiceError;
pub use session::{FinalTranscript, Recorder, RecorderOptions, Recording};
