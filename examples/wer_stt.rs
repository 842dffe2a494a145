//! Word error rate of the engine's encoder-window choices:
//! `cargo run --release --example wer_stt -- MODEL MANIFEST.tsv`
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
