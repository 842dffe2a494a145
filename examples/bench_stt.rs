//! Transcription benchmark: `cargo run --release --example bench_stt -- MODEL CLIP.wav... [--dump DUMP.wav]`
//!
//! Prints one JSON line per measurement: model load, per-clip transcription (full 30 s window
//! vs short `audio_ctx`, best of 3 after a warm-up), the streaming path's key-release → text
//! latency for a dump fed in real time (`BENCH_RUNS` times, default 5; p50 and max), and peak
//! RSS. Used by `scripts/bench-stt.sh`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use utter::audio::{VadConfig, read_wav_16k_mono};
use utter::stt::{Engine, EngineOptions, Partial, StreamingTranscriber};

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().position(|a| a == "--dump").map(|i| {
        let p = PathBuf::from(args[i + 1].clone());
        args.drain(i..=i + 1);
        p
    });
    let threads = std::env::var("BENCH_THREADS")
        .ok()
        .and_then(|t| t.parse().ok());
    let flash = std::env::var("BENCH_FLASH_ATTN").is_ok_and(|v| v == "1");
    // Unset = auto: a multilingual model then runs language detection, a second encoder pass
    // per call.
    let language = std::env::var("BENCH_LANGUAGE").ok();
    let model = PathBuf::from(&args[0]);
    for clip in &args[1..] {
        let samples = read_wav_16k_mono(clip.as_ref()).unwrap();
        let secs = samples.len() as f64 / 16_000.0;
        for short in [false, true] {
            let t0 = Instant::now();
            let engine = Engine::load(
                &model,
                EngineOptions {
                    short_audio_ctx: short,
                    threads,
                    flash_attn: flash,
                    language: language.clone(),
                    ..EngineOptions::default()
                },
            )
            .unwrap();
            let load_s = t0.elapsed().as_secs_f64();
            let _ = engine.transcribe(&samples).unwrap();
            let mut best = f64::MAX;
            let mut text = String::new();
            for _ in 0..3 {
                let t = Instant::now();
                text = engine.transcribe(&samples).unwrap().text;
                best = best.min(t.elapsed().as_secs_f64());
            }
            println!(
                "{}",
                serde_json::json!({"bench": "transcribe", "clip": clip, "clip_s": secs,
                    "short_audio_ctx": short, "threads": engine.threads(), "flash_attn": flash,
                    "load_s": load_s, "best_s": best, "text": text})
            );
        }
    }
    if let Some(dump) = dump {
        let engine = Arc::new(
            Engine::load(
                &model,
                EngineOptions {
                    threads,
                    flash_attn: flash,
                    language: language.clone(),
                    ..EngineOptions::default()
                },
            )
            .unwrap(),
        );
        let samples = read_wav_16k_mono(&dump).unwrap();
        let runs: usize = std::env::var("BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(5);
        let mut latencies = Vec::new();
        let mut text = String::new();
        let mut from_ahead = Vec::new();
        for _ in 0..runs {
            let last = Arc::new(Mutex::new(None::<Partial>));
            let sink = Arc::clone(&last);
            let mut st =
                StreamingTranscriber::new(Arc::clone(&engine), VadConfig::default(), move |p| {
                    *sink.lock().unwrap() = Some(p.clone());
                })
                .unwrap();
            // Feed in real time, 20 ms at a time, like a microphone.
            let start = Instant::now();
            for (i, chunk) in samples.chunks(320).enumerate() {
                st.push(chunk).unwrap();
                let due = Duration::from_millis(20 * (i as u64 + 1));
                if let Some(wait) = due.checked_sub(start.elapsed()) {
                    std::thread::sleep(wait);
                }
            }
            let released = Instant::now();
            let t = st.finish().unwrap();
            latencies.push(released.elapsed().as_secs_f64());
            text = t.text;
            let last = last.lock().unwrap().clone().unwrap();
            from_ahead.push(format!("{}/{}", last.taken_from_ahead, last.segments_done));
            // A pause between runs, as between two dumps.
            std::thread::sleep(Duration::from_millis(500));
        }
        let mut sorted = latencies.clone();
        sorted.sort_by(f64::total_cmp);
        let t0 = Instant::now();
        let batch = engine.transcribe(&samples).unwrap();
        let batch_s = t0.elapsed().as_secs_f64();
        println!(
            "{}",
            serde_json::json!({"bench": "streaming", "clip": dump, "clip_s": samples.len() as f64 / 16_000.0,
                "runs": runs, "release_to_text_p50_s": sorted[sorted.len() / 2],
                "release_to_text_max_s": sorted[sorted.len() - 1], "release_to_text_s": latencies,
                "segments_taken_from_ahead": from_ahead,
                "batch_after_release_s": batch_s, "text": text, "batch_text": batch.text})
        );
    }
    println!(
        "{}",
        serde_json::json!({"bench": "peak_rss_mb", "value": peak_rss_mb()})
    );
}
