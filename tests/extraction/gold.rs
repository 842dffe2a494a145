//! Scores the extractor on the hand-written gold set with the same metrics as
//! shared/eval/score_extraction.py: a predicted task matches a gold task when every keyword
//! occurs (case-insensitively) in its title; "optional" golds are accepted extras.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDateTime;
use serde::Deserialize;
use utter::extract::{ExtractOptions, ExtractedTask, extract};
use utter::model::Category;

#[derive(Deserialize)]
struct Gold {
    now: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    now: Option<String>,
    tasks: Vec<GoldTask>,
    #[serde(default)]
    optional: Vec<GoldTask>,
}

#[derive(Deserialize)]
struct GoldTask {
    kw: Vec<String>,
    due: Option<String>,
    priority: Option<String>,
}

fn matches(t: &ExtractedTask, g: &GoldTask) -> bool {
    let title = t.title.to_lowercase();
    g.kw.iter().all(|k| title.contains(&k.to_lowercase()))
}

struct Score {
    precision: f64,
    recall: f64,
    f1: f64,
    due_acc: f64,
    priority_acc: f64,
    report: String,
}

fn score(path: &str) -> Score {
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let categories: Vec<Category> = utter::model::default_categories();
    let (mut tp_pred, mut n_pred, mut hit_gold, mut n_gold) = (0usize, 0usize, 0usize, 0usize);
    let (mut due_ok, mut due_n, mut pri_ok, mut pri_n) = (0usize, 0usize, 0usize, 0usize);
    let mut report = String::new();
    for case in &gold.cases {
        let now_s = case.now.as_deref().unwrap_or(&gold.now);
        let now = NaiveDateTime::parse_from_str(now_s, "%Y-%m-%dT%H:%M:%S").unwrap();
        let pred = extract(
            &case.text,
            &ExtractOptions {
                now,
                categories: &categories,
                heard: false,
            },
        );
        let acceptable: Vec<&GoldTask> = case.tasks.iter().chain(case.optional.iter()).collect();
        n_pred += pred.len();
        let bad: Vec<&ExtractedTask> = pred
            .iter()
            .filter(|t| !acceptable.iter().any(|g| matches(t, g)))
            .collect();
        tp_pred += pred.len() - bad.len();
        let mut notes = Vec::new();
        for g in &case.tasks {
            n_gold += 1;
            let Some(t) = pred.iter().find(|t| matches(t, g)) else {
                notes.push(format!("missed {:?}", g.kw));
                continue;
            };
            hit_gold += 1;
            if let Some(d) = &g.due {
                due_n += 1;
                let got = t
                    .due
                    .map(|d| d.date().format("%Y-%m-%d").to_string())
                    .unwrap_or_default();
                if &got == d {
                    due_ok += 1;
                } else {
                    notes.push(format!("due {:?}: want {d} got {got:?}", g.kw));
                }
            }
            if let Some(p) = &g.priority {
                pri_n += 1;
                if t.priority.as_str() == p {
                    pri_ok += 1;
                } else {
                    notes.push(format!("priority {:?}: want {p} got {}", g.kw, t.priority));
                }
            }
        }
        for b in &bad {
            notes.push(format!("extra {:?}", b.title));
        }
        if !notes.is_empty() {
            report.push_str(&format!("{}: {}\n", case.id, notes.join("; ")));
        }
    }
    let precision = if n_pred > 0 {
        tp_pred as f64 / n_pred as f64
    } else if n_gold == 0 {
        1.0
    } else {
        0.0
    };
    let recall = if n_gold > 0 {
        hit_gold as f64 / n_gold as f64
    } else {
        1.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let due_acc = if due_n > 0 {
        due_ok as f64 / due_n as f64
    } else {
        1.0
    };
    let priority_acc = if pri_n > 0 {
        pri_ok as f64 / pri_n as f64
    } else {
        1.0
    };
    report.push_str(&format!(
        "precision={precision:.3} recall={recall:.3} f1={f1:.3} due_acc={due_ok}/{due_n} priority_acc={pri_ok}/{pri_n} cases={}\n",
        gold.cases.len()
    ));
    Score {
        precision,
        recall,
        f1,
        due_acc,
        priority_acc,
        report,
    }
}

#[test]
fn gold_set_scores() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extraction_gold.json"
    );
    let s = score(path);
    println!("{}", s.report);
    assert!(
        s.f1 >= 0.85,
        "f1 {:.3} (p {:.3}, r {:.3})\n{}",
        s.f1,
        s.precision,
        s.recall,
        s.report
    );
    assert!(
        s.due_acc >= 0.85,
        "due accuracy {:.3}\n{}",
        s.due_acc,
        s.report
    );
    assert!(
        s.priority_acc >= 0.80,
        "priority accuracy {:.3}\n{}",
        s.priority_acc,
        s.report
    );
}

#[test]
fn gold_set_is_wide_enough() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extraction_gold.json"
    );
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(gold.cases.len() >= 60);
    let nows: std::collections::HashSet<&str> =
        gold.cases.iter().filter_map(|c| c.now.as_deref()).collect();
    assert!(
        nows.len() >= 5,
        "gold cases should use several 'now' values"
    );
}

/// Dumps written after the first version of the engine and never tuned against: the
/// honest estimate of how it does on speech it has not seen. Lower bar, same metrics.
#[test]
fn holdout_set_scores() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extraction_holdout.json"
    );
    let s = score(path);
    println!("{}", s.report);
    assert!(s.f1 >= 0.75, "f1 {:.3}\n{}", s.f1, s.report);
    assert!(
        s.due_acc >= 0.70,
        "due accuracy {:.3}\n{}",
        s.due_acc,
        s.report
    );
}

/// The hard spoken-style sets in `tests/eval/` (self-corrections, shared dates, take-backs,
/// requests, needs said as outcomes, chatter). Each floor sits a little under what the
/// engine scores, so a rule that breaks another shows up here; `about` in each file says
/// how held out it still is.
#[test]
fn hard_dump_sets_score() {
    // (file, F1 floor, due-date floor)
    let sets = [
        ("hard_dumps.json", 0.95, 0.95),
        ("hard_dumps_holdout.json", 0.95, 0.85),
        ("hard_dumps_2.json", 0.95, 0.80),
        ("hard_dumps_3.json", 0.90, 0.90),
        ("hard_dumps_holdout_4.json", 0.90, 0.92),
        ("hard_dumps_5.json", 0.87, 0.82),
        ("hard_dumps_holdout_7.json", 0.86, 0.76),
        ("hard_dumps_holdout_6.json", 0.83, 0.77),
        ("hard_dumps_holdout_8.json", 0.81, 0.80),
        ("hard_dumps_holdout_9.json", 0.67, 0.74),
        ("hard_dumps_holdout_10.json", 0.74, 0.70),
        ("hard_dumps_holdout_11.json", 0.76, 0.73),
        ("hard_dumps_holdout_12.json", 0.72, 0.77),
        // Never tuned on: the honest number for dumps nobody has seen.
        ("hard_dumps_holdout_13.json", 0.88, 0.80),
        ("hard_dumps_holdout_14.json", 0.80, 0.75),
        ("hard_dumps_holdout_15.json", 0.89, 0.84),
    ];
    let mut failures = Vec::new();
    for (file, f1, due) in sets {
        let path = format!("{}/tests/eval/{file}", env!("CARGO_MANIFEST_DIR"));
        let s = score(&path);
        println!("{file}: f1={:.3} due={:.3}", s.f1, s.due_acc);
        if s.f1 < f1 || s.due_acc < due {
            failures.push(format!(
                "{file}: f1 {:.3} (floor {f1}), due {:.3} (floor {due})\n{}",
                s.f1, s.due_acc, s.report
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
