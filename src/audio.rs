//! Audio input: device discovery, capture at the device's native format, conversion to the
//! 16 kHz mono `f32` stream Whisper wants, level metering, voice-activity segmentation and a
//! crash-safe WAV recording.

mod capture;
mod devices;
mod error;
mod level;
mod resample;
mod retention;
mod vad;
mod wav_reader;
mod wav_writer;

pub use capture::{Capture, CaptureEvent, CaptureFormat, Received};
pub use devices::{InputDeviceInfo, list_input_devices};
pub use error::AudioError;
pub use level::{Level, LevelMeter};
pub use resample::{MonoResampler, downmix, to_16k_mono};
pub use retention::prune_audio;
pub use vad::{Segmenter, SpeechSegment, VadConfig};
pub use wav_reader::{decode_wav_16k_mono, read_wav_16k_mono};
pub use wav_writer::{CrashSafeWavWriter, RepairReport, repair_wav, wav_bytes};

/// The sample rate everything downstream of capture works at (Whisper's native rate).
pub const SAMPLE_RATE: u32 = 16_000;
