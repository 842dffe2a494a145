use std::path::Path;

use bolero::check;
use utter::audio::decode_wav_16k_mono;

use super::support::ITERATIONS;

/// Any bytes: a clear error or samples that are finite. (Not within [-1, 1]: resampling a
/// full-scale 8 kHz file overshoots a little, which is harmless to Whisper.)
#[test]
fn wav_reader() {
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            if let Ok(samples) = decode_wav_16k_mono(bytes, Path::new("fuzz.wav")) {
                assert!(!samples.is_empty(), "an empty WAV must be an error");
                assert!(
                    samples.iter().all(|s| s.is_finite()),
                    "NaN or infinite sample"
                );
            }
        });
}
