//! Shared by the benches: the synthetic board's words and latency percentiles.
// Each bench includes this file with `#[path]` and uses only some of it.
#![allow(dead_code)]

use std::time::Duration;

pub const WORDS: &[&str] = &[
    "call",
    "email",
    "draft",
    "review",
    "renewal",
    "proposal",
    "invoice",
    "contract",
    "slides",
    "budget",
    "roadmap",
    "meeting",
    "client",
    "report",
    "deploy",
    "bug",
    "design",
    "hiring",
    "offsite",
    "quarterly",
    "launch",
    "pricing",
    "security",
    "audit",
    "partner",
    "feedback",
];
pub const NAMES: &[&str] = &[
    "Joe",
    "Priya",
    "Kevin",
    "Lisa",
    "Marco",
    "Acme",
    "Globex",
    "Henderson",
];

/// The i-th card's word, `k` places along.
pub fn word(i: usize, k: usize) -> &'static str {
    WORDS[(i * 7 + k * 13) % WORDS.len()]
}

/// The i-th synthetic card's title: "review Kevin budget #7".
pub fn title(i: usize) -> String {
    format!(
        "{} {} {} #{i}",
        word(i, 0),
        NAMES[i % NAMES.len()],
        word(i, 1)
    )
}

/// The `q` quantile (0..=1) of `samples`, which it sorts.
pub fn percentile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * q) as usize]
}

/// "label  p50 … ms  p95 … ms  (n runs)".
pub fn print_percentiles(label: &str, mut samples: Vec<Duration>) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (p50, p95) = (
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.95)),
    );
    println!(
        "{label:<58} p50 {p50:>7.2} ms  p95 {p95:>7.2} ms  ({} runs)",
        samples.len()
    );
}
