//! Reconciling a dump with the board: `cargo bench --bench reconcile`.
//! Target (issue #18): < 50 ms per dump at 10k open cards. Printed beside the same dump
//! saved without reconciling (every item new), on the same machine, so the cost is visible.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDateTime;
use utter::Service;
use utter::model::{NewTask, NewTranscript};

#[path = "common/board.rs"]
mod board;

const VERBS: &[&str] = &[
    "Call", "Email", "Review", "Send", "Book", "Draft", "Fix", "Plan", "Pay", "Order",
];
const THINGS: &[&str] = &[
    "the renewal",
    "the proposal",
    "the invoice",
    "the contract",
    "the slides",
    "the budget",
    "the roadmap",
    "the offsite",
    "the audit",
    "the launch plan",
    "the pricing page",
    "the report",
];
const NAMES: &[&str] = &[
    "Joe",
    "Priya",
    "Kevin",
    "Lisa",
    "Marco",
    "Acme",
    "Globex",
    "Henderson",
    "Initech",
    "Hooli",
];

const DUMP: &str = "Okay so, ring Joe about the renewal tomorrow, that's urgent. Push the dentist to Friday. \
    I finished the Henderson proposal. The Acme audit is blocked on legal. Buy milk and eggs. \
    What's due tomorrow? Email Priya the slides before Thursday.";

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05T10:00:00", "%Y-%m-%dT%H:%M:%S").unwrap()
}

fn board(n: usize) -> (tempfile::TempDir, std::sync::Arc<Service>) {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(dir.path()).unwrap();
    let mut tasks: Vec<NewTask> = (0..n)
        .map(|i| NewTask {
            title: format!(
                "{} {} {} {}",
                VERBS[i % VERBS.len()],
                NAMES[(i / 7) % NAMES.len()],
                THINGS[(i / 3) % THINGS.len()],
                i
            ),
            ..Default::default()
        })
        .collect();
    tasks.push(NewTask {
        title: "Book the dentist".into(),
        ..Default::default()
    });
    svc.import_tasks(tasks).unwrap();
    (dir, svc)
}

/// A transcript of `repeats` copies of the dump with a take-back each: every take-back is
/// checked against what was said before it, which must stay linear in the length.
fn long_transcript(repeats: usize) -> String {
    let mut text = String::new();
    for _ in 0..repeats {
        text.push_str(DUMP);
        text.push_str(" Forget the invoice. ");
    }
    text
}

/// The same, said in one breath: no punctuation, so commas are put back and every "forget
/// it" looks back for its topic inside one long sentence.
fn run_on_transcript(repeats: usize) -> String {
    let said = "the boiler service forget it i need to call joe about the renewal and the dentist got it done ";
    said.repeat(repeats)
}

fn main() {
    {
        let (_dir, svc) = board(1_000);
        for (shape, text) in [500usize, 1_000, 2_000]
            .into_iter()
            .map(|n| ("transcript", long_transcript(n)))
            .chain(
                [1_000usize, 2_000]
                    .into_iter()
                    .map(|n| ("run-on", run_on_transcript(n))),
            )
        {
            let found = svc.extract(&text, now()).unwrap();
            let mut runs = Vec::new();
            for _ in 0..3 {
                let t = Instant::now();
                black_box(svc.plan_dump(&text, found.clone(), now()).unwrap());
                runs.push(t.elapsed());
            }
            board::print_percentiles(
                &format!("plan a {} KB {shape} @1000 open cards", text.len() / 1024),
                runs,
            );
        }
    }
    for n in [1_000usize, 10_000] {
        let (_dir, svc) = board(n);
        let found = svc.extract(DUMP, now()).unwrap();
        // Planning only: what a dump would do, nothing saved.
        let mut plan = Vec::new();
        for _ in 0..30 {
            let t = Instant::now();
            black_box(svc.plan_dump(DUMP, found.clone(), now()).unwrap());
            plan.push(t.elapsed());
        }
        board::print_percentiles(&format!("plan a 7-sentence dump @{n} open cards"), plan);
        // The whole save, reconciled and not; each round undone so the board stays the same.
        for reconcile in ["on", "off"] {
            svc.set_setting("dumps.reconcile", reconcile).unwrap();
            let mut saved = Vec::new();
            for _ in 0..20 {
                let t = Instant::now();
                let r = svc
                    .dump_found(
                        NewTranscript {
                            text: DUMP.into(),
                            ..Default::default()
                        },
                        found.clone(),
                        &[],
                        now(),
                    )
                    .unwrap();
                saved.push(t.elapsed());
                svc.undo_dump_items(r.transcript.id).unwrap();
            }
            board::print_percentiles(
                &format!("save the dump @{n} open cards, reconcile {reconcile}"),
                saved,
            );
        }
    }
}
