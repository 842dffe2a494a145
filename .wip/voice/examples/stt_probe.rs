//! Transcribes WAV files once each and prints time + text: `stt_probe MODEL [--full] [--auto] FILE...`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Instant;

use utter::stt::{Engine, EngineOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let full = args.iter().any(|a| a == "--full");
    let auto = args.iter().any(|a| a == "--auto");
    let files: Vec<&String> = args[1..].iter().filter(|a| !a.starts_with("--")).collect();
    let engine = Engine::load(
        &PathBuf::from(&args[0]),
        EngineOptions {
            short_audio_ctx: !full,
            min_audio_ctx: std::env::var("MIN_CTX")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(768),
            language: (!auto).then(|| "en".to_owned()),
            ..EngineOptions::default()
        },
    )
    .unwrap();
    for f in files {
        let t0 = Instant::now();
        let t = engine.transcribe_file(f.as_ref()).unwrap();
        println!(
            "{:.2}s {f}: {} [{:?}]",
            t0.elapsed().as_secs_f64(),
            t.text,
            t.language
        );
    }
}
