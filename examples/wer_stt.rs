//! Word error rate of the engine's encoder-window choices:
//! `cargo run --release --example wer_stt -- MODEL MANIFEST.tsv`
//!
//! With `--live`, instead: each clip is fed to the streaming transcriber in real time (20 ms
//! chunks, as a microphone would; `BENCH_PACE=2` feeds twice as fast), and the text it stitched
//! from its segments at "key release" is scored beside one pass over the whole clip — the
//! final pass whose text a live dump saves. Prints the WER of both and the times: release →
//! stitched text (the first cards) and the one pass (the final cards follow it).
//!
//! The manifest has one clip per line: `path<TAB>voice<TAB>reference text`. For the full 30 s
//! window and the window sized to the clip (the default), prints one JSON line with the word
//! error rate (in all and per voice) and the per-clip time (p50, mean). Used by
//! `scripts/bench-wer.sh`; `BENCH_LANGUAGE` / `BENCH_THREADS` as in `bench_stt`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Instant;

use utter::audio::read_wav_16k_mono;
use utter::stt::{Engine, EngineOptions};

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('-', " ")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Word-level Levenshtein distance: substitutions + deletions + insertions.
fn edits(reference: &[String], hypothesis: &[String]) -> usize {
    let mut row: Vec<usize> = (0..=hypothesis.len()).collect();
    for (i, r) in reference.iter().enumerate() {
        let mut prev = row.clone();
        std::mem::swap(&mut row, &mut prev);
        row[0] = i + 1;
        for (j, h) in hypothesis.iter().enumerate() {
            row[j + 1] = (prev[j + 1] + 1)
                .min(row[j] + 1)
                .min(prev[j] + usize::from(r != h));
        }
    }
    row[hypothesis.len()]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = &args[0];
    let manifest = std::fs::read_to_string(&args[1]).unwrap();
    let clips: Vec<(String, String, String)> = manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let mut next = || f.next().unwrap().to_owned();
            (next(), next(), next())
        })
        .collect();
    let language = std::env::var("BENCH_LANGUAGE").ok();
    let threads = std::env::var("BENCH_THREADS")
        .ok()
        .and_then(|t| t.parse().ok());
    if args.iter().any(|a| a == "--live") {
        let engine = Engine::load(
            model.as_ref(),
            EngineOptions {
                language,
                threads,
                ..EngineOptions::default()
            },
        )
        .unwrap();
        return live_and_batch(std::sync::Arc::new(engine), &clips);
    }
    for short in [false, true] {
        let engine = Engine::load(
            model.as_ref(),
            EngineOptions {
                short_audio_ctx: short,
                language: language.clone(),
                threads,
                ..EngineOptions::default()
            },
        )
        .unwrap();
        let (mut errors, mut total) = (0, 0);
        let mut per_voice: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut times = Vec::new();
        for (path, voice, reference) in &clips {
            let samples = read_wav_16k_mono(path.as_ref()).unwrap();
            let t0 = Instant::now();
            let text = engine.transcribe(&samples).unwrap().text;
            times.push(t0.elapsed().as_secs_f64());
            let r = words(reference);
            let e = edits(&r, &words(&text));
            errors += e;
            total += r.len();
            let v = per_voice.entry(voice).or_default();
            v.0 += e;
            v.1 += r.len();
        }
        times.sort_by(f64::total_cmp);
        let wer = |e: usize, n: usize| (1000.0 * e as f64 / n.max(1) as f64).round() / 10.0;
        let voices: BTreeMap<&str, f64> = per_voice
            .iter()
            .map(|(v, (e, n))| (*v, wer(*e, *n)))
            .collect();
        println!(
            "{}",
            serde_json::json!({"bench": "wer", "model": model, "short_audio_ctx": short,
                "clips": clips.len(), "words": total, "errors": errors, "wer_pct": wer(errors, total),
                "wer_pct_per_voice": voices, "clip_p50_s": times[times.len() / 2],
                "clip_mean_s": times.iter().sum::<f64>() / times.len().max(1) as f64})
        );
    }
}

/// Live (stitched at release) vs one pass over the same clip, scored against the reference.
fn live_and_batch(engine: std::sync::Arc<Engine>, clips: &[(String, String, String)]) {
    use std::time::Duration;
    use utter::audio::VadConfig;
    use utter::stt::StreamingTranscriber;

    let pace: f64 = std::env::var("BENCH_PACE")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1.0);
    let (mut live_err, mut batch_err, mut total) = (0, 0, 0);
    let (mut release, mut one_pass) = (Vec::new(), Vec::new());
    for (path, _voice, reference) in clips {
        let samples = read_wav_16k_mono(path.as_ref()).unwrap();
        let mut st =
            StreamingTranscriber::new(std::sync::Arc::clone(&engine), VadConfig::default(), |_| {})
                .unwrap();
        let start = Instant::now();
        for (i, chunk) in samples.chunks(320).enumerate() {
            st.push(chunk).unwrap();
            let due = Duration::from_secs_f64(0.02 * (i as f64 + 1.0) / pace);
            if let Some(wait) = due.checked_sub(start.elapsed()) {
                std::thread::sleep(wait);
            }
        }
        let released = Instant::now();
        let live = st.finish().unwrap().text;
        release.push(released.elapsed().as_secs_f64());
        let t0 = Instant::now();
        let batch = engine.transcribe(&samples).unwrap().text;
        one_pass.push(t0.elapsed().as_secs_f64());
        let r = words(reference);
        let (le, be) = (edits(&r, &words(&live)), edits(&r, &words(&batch)));
        if le != be {
            eprintln!("{path}: live {le} / one pass {be} errors\n  live: {live}\n  pass: {batch}");
        }
        live_err += le;
        batch_err += be;
        total += r.len();
    }
    let wer = |e: usize| (1000.0 * e as f64 / total.max(1) as f64).round() / 10.0;
    let p50 = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{}",
        serde_json::json!({"bench": "live_vs_batch", "clips": clips.len(), "words": total,
            "pace": pace, "live_stitched_wer_pct": wer(live_err), "one_pass_wer_pct": wer(batch_err),
            "saved_wer_pct": wer(batch_err),
            "release_to_stitched_p50_s": p50(&mut release), "one_pass_p50_s": p50(&mut one_pass)})
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_word_errors() {
        let r = words("Call Joe tomorrow about the renewal.");
        assert_eq!(edits(&r, &words("call joe tomorrow about the renewal")), 0);
        assert_eq!(edits(&r, &words("I'll show tomorrow about the renewal")), 2);
        assert_eq!(edits(&r, &words("call joe")), 4);
        assert_eq!(edits(&r, &[]), 6);
    }
}
