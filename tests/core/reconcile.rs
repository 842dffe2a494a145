//! Dumps that know the board, end to end through the `utter` binary and a real SQLite file:
//! each outcome (new, same, update, unsure), the dump's one undo, nothing ever deleted,
//! questions answered and not saved, merge, the switch, and quick add.

use std::path::Path;

use serde_json::{Value, json};
use tempfile::tempdir;

use super::support::{stderr, stdout, utter, utter_stdin};

const NOW: &str = "2026-12-05T10:00";

fn json_out(data: &Path, args: &[&str]) -> Value {
    let out = utter(data, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn board(data: &Path, cards: Value) -> Vec<i64> {
    let file = data.join("board.json");
    std::fs::create_dir_all(data).unwrap();
    std::fs::write(&file, cards.to_string()).unwrap();
    json_out(data, &["tasks", "import", file.to_str().unwrap(), "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect()
}

fn dump(data: &Path, text: &str) -> Value {
    json_out(data, &["dump", "--text", text, "--now", NOW, "--json"])
}

fn task(data: &Path, id: i64) -> Value {
    json_out(data, &["tasks", "show", &id.to_string(), "--json"])
}

fn all_ids(data: &Path) -> Vec<i64> {
    let mut ids: Vec<i64> = json_out(data, &["tasks", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .chain(
            json_out(data, &["tasks", "list", "--cancelled", "--json"])
                .as_array()
                .unwrap(),
        )
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

fn outcomes(result: &Value) -> Vec<(String, i64)> {
    result["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["outcome"].as_str().unwrap().to_string(),
                i["task"]["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn each_outcome_and_one_undo() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    let ids = board(
        d,
        json!([
            {"title": "Call Joe about the renewal"},
            {"title": "Book the dentist", "due": "2026-12-08"},
            {"title": "Write the Henderson proposal"},
            {"title": "Sign the Acme contract"},
            {"title": "Book a hotel in Berlin"},
        ]),
    );
    let before = all_ids(d);
    let r = dump(
        d,
        "Ring Joe about the renewal tomorrow. Push the dentist to Friday. I finished the \
         Henderson proposal. The Acme thing is blocked on legal. I no longer need the hotel in \
         Berlin. Email Joe about the renewal. Buy milk.",
    );
    let got = outcomes(&r);
    // The repeat: no new card, the date it lacked is now on it.
    assert!(got.contains(&("same".into(), ids[0])), "{got:?}");
    assert_eq!(task(d, ids[0])["due"], "2026-12-06");
    // The updates, each on its own card.
    assert!(got.contains(&("update".into(), ids[1])), "{got:?}");
    assert_eq!(task(d, ids[1])["due"], "2026-12-11");
    assert_eq!(task(d, ids[2])["status"], "completed");
    let acme = task(d, ids[3]);
    assert_eq!(acme["status"], "blocked");
    assert!(
        acme["description"].as_str().unwrap().contains("legal"),
        "{acme}"
    );
    // Cancelled: kept, off the board.
    let hotel = task(d, ids[4]);
    assert!(hotel["cancelled_at"].is_string(), "{hotel}");
    let on_board: Vec<i64> = json_out(d, &["tasks", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    assert!(!on_board.contains(&ids[4]));
    // Close to the Joe card, but another action: saved, flagged with the card it may repeat.
    let unsure = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["outcome"] == "unsure")
        .expect("an unsure item");
    assert_eq!(unsure["possible"], ids[0]);
    let flagged = json_out(d, &["tasks", "duplicates", "--json"]);
    assert_eq!(flagged[0]["possible_id"], ids[0], "{flagged}");
    // New work is new.
    let new: Vec<&Value> = r["tasks"].as_array().unwrap().iter().collect();
    assert!(new.iter().any(|t| t["title"] == "Buy milk"), "{r}");
    assert_eq!(new.len(), 2, "milk and the unsure Joe email: {r}");
    // Nothing deleted by the dump.
    let after = all_ids(d);
    assert!(
        before.iter().all(|id| after.contains(id)),
        "{before:?} {after:?}"
    );

    // One undo takes all of it back.
    let id = r["transcript"]["id"].as_i64().unwrap().to_string();
    let undone = json_out(d, &["dumps", "undo", &id, "--json"]);
    assert_eq!(undone["removed"].as_array().unwrap().len(), 2, "{undone}");
    assert_eq!(all_ids(d), before);
    assert_eq!(task(d, ids[0])["due"], Value::Null);
    assert_eq!(task(d, ids[1])["due"], "2026-12-08");
    assert_eq!(task(d, ids[2])["status"], "pending");
    assert_eq!(task(d, ids[3])["status"], "pending");
    assert_eq!(task(d, ids[3])["description"], Value::Null);
    assert_eq!(task(d, ids[4])["cancelled_at"], Value::Null);
    // Twice is the same as once.
    let again = json_out(d, &["dumps", "undo", &id, "--json"]);
    assert_eq!(again["removed"].as_array().unwrap().len(), 0);
    assert_eq!(again["restored"].as_array().unwrap().len(), 0);
}

#[test]
fn different_people_and_done_cards_are_new_work() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    let ids = board(
        d,
        json!([
            {"title": "Call Joe about the renewal"},
            {"title": "Pay the rent", "status": "completed"},
        ]),
    );
    let r = dump(d, "Call Sam about the renewal. Pay the rent.");
    let got = outcomes(&r);
    assert!(
        got.iter().all(|(o, id)| o == "new" && !ids.contains(id)),
        "{got:?}"
    );
}

/// A question is answered from the board as the same dump left it: the card it moved away is
/// no longer due tomorrow, and the card it added is.
#[test]
fn questions_see_the_dumps_own_changes() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    let ids = board(
        d,
        json!([
            {"title": "Book the dentist", "due": "2026-12-06"},
            {"title": "Renew the passport", "due": "2026-12-06"},
        ]),
    );
    let r = dump(
        d,
        "Push the dentist to Friday. Buy milk tomorrow. What's due tomorrow?",
    );
    let answers = r["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "{r}");
    let due: Vec<i64> = answers[0]["task_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let milk = r["tasks"][0]["id"].as_i64().unwrap();
    assert!(due.contains(&ids[1]) && due.contains(&milk), "{r}");
    assert!(!due.contains(&ids[0]), "the dentist moved to Friday: {r}");
}

#[test]
fn questions_are_answered_and_save_nothing() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    let ids = board(
        d,
        json!([
            {"title": "Book the dentist", "due": "2026-12-06"},
            {"title": "Call Joe", "status": "completed"},
        ]),
    );
    let r = dump(d, "What's due tomorrow? Did I call Joe?");
    assert!(r["items"].as_array().unwrap().is_empty(), "{r}");
    assert!(r["tasks"].as_array().unwrap().is_empty(), "{r}");
    let answers = r["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 2, "{r}");
    assert_eq!(answers[0]["task_ids"], json!([ids[0]]));
    assert!(
        answers[1]["answer"].as_str().unwrap().starts_with("Yes"),
        "{r}"
    );
    // The plain output answers too.
    let out = utter(d, &["dump", "--text", "What's due tomorrow?", "--now", NOW]);
    assert!(
        stdout(&out).contains("Book the dentist"),
        "{}",
        stdout(&out)
    );
    assert_eq!(all_ids(d), ids, "the board is as it was");
}

#[test]
fn merge_keeps_one_card_and_cancels_the_other() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    let ids = board(
        d,
        json!([
            {"title": "Call Joe about the renewal"},
            {"title": "Phone Joe re renewal", "due": "2026-12-09", "priority": "high"},
        ]),
    );
    let m = json_out(
        d,
        &[
            "tasks",
            "merge",
            &ids[0].to_string(),
            &ids[1].to_string(),
            "--json",
        ],
    );
    assert_eq!(m["kept"]["due"], "2026-12-09");
    assert_eq!(m["kept"]["priority"], "high");
    let other = task(d, ids[1]);
    assert!(other["cancelled_at"].is_string());
    assert!(
        other["description"]
            .as_str()
            .unwrap()
            .contains(&format!("#{}", ids[0]))
    );
    let out = utter(d, &["tasks", "merge", "5", "5"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("itself"), "{}", stderr(&out));
}

#[test]
fn reconciling_can_be_switched_off() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    board(d, json!([{"title": "Call Joe about the renewal"}]));
    let out = utter(d, &["settings", "set", "dumps.reconcile", "off"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r = dump(d, "Call Joe about the renewal.");
    assert_eq!(outcomes(&r)[0].0, "new");
    assert_eq!(r["tasks"].as_array().unwrap().len(), 1);
}

#[test]
fn quick_add_reads_markers_and_dates_anywhere() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    let t = json_out(
        d,
        &[
            "tasks",
            "quick",
            "Renew passport friday !high #errands",
            "--now",
            NOW,
            "--json",
        ],
    );
    assert_eq!(t["title"], "Renew passport");
    assert_eq!(t["due"], "2026-12-11");
    assert_eq!(t["priority"], "high");
    assert_eq!(t["category"], "Errands");
    let cats = json_out(d, &["categories", "list", "--json"]);
    assert!(
        cats.as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "Errands"),
        "{cats}"
    );
}

#[test]
fn extract_says_what_each_item_would_do_and_saves_nothing() {
    let dir = tempdir().unwrap();
    let d = dir.path();
    let ids = board(
        d,
        json!([{"title": "Call Joe about the renewal"}, {"title": "Book the dentist"}]),
    );
    let out = utter_stdin(
        d,
        &["extract", "--now", NOW, "--json"],
        b"Ring Joe about the renewal tomorrow. Push the dentist to Friday. Buy milk.",
    );
    assert!(out.status.success());
    let items: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, Value)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["outcome"].as_str().unwrap().to_string(),
                i["card"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("same".to_string(), json!(ids[0])),
            ("update".to_string(), json!(ids[1])),
            ("new".to_string(), Value::Null),
        ],
        "{items}"
    );
    assert_eq!(task(d, ids[1])["due"], Value::Null, "extract saves nothing");
    assert_eq!(all_ids(d), ids);
}
