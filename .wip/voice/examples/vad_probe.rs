//! Prints the VAD segments of WAV files: `vad_probe FILE...`

#![allow(clippy::unwrap_used)]

use utter::audio::{Segmenter, VadConfig, read_wav_16k_mono};

fn main() {
    for f in std::env::args().skip(1) {
        let samples = read_wav_16k_mono(f.as_ref()).unwrap();
        let mut seg = Segmenter::new(VadConfig::default());
        let mut out = Vec::new();
        for c in samples.chunks(320) {
            out.extend(seg.push(c));
        }
        out.extend(seg.finish());
        for s in &out {
            println!(
                "{f}: segment at {} ms, {} ms",
                s.start_ms(),
                s.duration_ms()
            );
        }
        println!(
            "{f}: {} segments, {} ms total",
            out.len(),
            samples.len() / 16
        );
    }
}
