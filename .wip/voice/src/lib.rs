//! Utter's voice layer: microphone capture, voice-activity segmentation and local Whisper
//! speech-to-text. Developed as a scratch crate whose modules are copied verbatim into the
//! core crate (`utter`), hence the lib name.

pub mod audio;
pub mod stt;
pub mod voice;
