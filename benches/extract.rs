//! Offline extraction speed: `cargo bench --bench extract`. Goal (issue #5): < 5 ms per dump.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDateTime;
use criterion::Criterion;
use utter::extract::{ExtractOptions, extract};

fn main() {
    let gold: serde_json::Value =
        serde_json::from_str(include_str!("../tests/fixtures/extraction_gold.json")).unwrap();
    let dumps: Vec<String> = gold["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect();
    let longest = dumps.iter().max_by_key(|d| d.len()).unwrap().clone();
    let categories = utter::model::default_categories();
    let now = NaiveDateTime::parse_from_str("2026-12-02T14:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
    let opts = ExtractOptions {
        now,
        categories: &categories,
        heard: false,
    };
    let mut c = Criterion::default().configure_from_args();
    c.bench_function(&format!("extract/all {} gold dumps", dumps.len()), |b| {
        b.iter(|| {
            for d in &dumps {
                black_box(extract(d, &opts));
            }
        })
    });
    c.bench_function(
        &format!("extract/longest dump ({} chars)", longest.len()),
        |b| b.iter(|| black_box(extract(&longest, &opts))),
    );
    // Whisper can write minutes of speech with no punctuation at all: one sentence, many
    // "and then"s. Twice the length should take twice the time.
    let mut group = c.benchmark_group("extract/no punctuation");
    group.sample_size(10);
    // Two shapes: "and then"s that split, and "and"s that join nouns and split nothing
    // (each of those was once counted again from the last split: quadratic).
    let shapes: [(&str, &[&str]); 2] = [
        (
            "and then",
            &[
                "call", "bob", "and", "then", "send", "the", "invoice", "tomorrow", "um", "so",
            ],
        ),
        (
            "joining and",
            &[
                "the", "boiler", "service", "forget", "it", "i", "need", "to", "call", "joe",
                "about", "the", "renewal", "and", "the", "dentist", "got", "it", "done",
            ],
        ),
    ];
    for (shape, words) in shapes {
        for kb in [100usize, 200] {
            let mut text = String::new();
            let mut i = 0;
            while text.len() < kb * 1000 {
                text.push_str(words[i % words.len()]);
                text.push(' ');
                i += 1;
            }
            group.bench_function(format!("{shape} {kb} KB"), |b| {
                b.iter(|| black_box(extract(&text, &opts)))
            });
        }
    }
    group.finish();
    c.final_summary();
}
