//! The voice journal as a user meets it: each dump's cards know the seconds they were said
//! in, the recording (or a card's part of it) plays back, and "extract again" updates the
//! dump's cards in place, leaving alone a card the user changed since.

#![allow(clippy::await_holding_lock)]

use chrono::NaiveDateTime;
use serde_json::json;
use utter::model::{TaskFilter, TaskPatch};
use utter::service::{Engine, Refinement, Service, VoiceChoice};

use super::cli::{ok, utter};
use super::refine::{completion, setup};
use super::streaming::dump_wav;
use super::support::{exclusive, model_path};
use crate::fake_server::{FakeServer, Reply};

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-02T09:00:00", "%Y-%m-%dT%H:%M:%S").unwrap()
}

fn choice() -> VoiceChoice {
    VoiceChoice {
        model: model_path().map(|p| p.to_string_lossy().into_owned()),
        language: Some("en".into()),
    }
}

/// The card whose title has `word`.
fn card<'a>(cards: &'a [serde_json::Value], word: &str) -> &'a serde_json::Value {
    cards
        .iter()
        .find(|c| c["title"].as_str().unwrap().to_lowercase().contains(word))
        .unwrap_or_else(|| panic!("no card with {word:?}: {cards:?}"))
}

#[test]
fn each_card_knows_when_it_was_said_and_plays_back() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Four sentences with pauses: "call Joe…", "the Henderson proposal…", "remind me to book
    // flights…", "buy milk…".
    let wav = dump_wav(dir.path());
    ok(utter(&data)
        .args([
            "dump",
            "--engine",
            "offline",
            "--language",
            "en",
            "--now",
            "2026-12-02T09:00",
            "--model",
        ])
        .arg(&model)
        .arg(&wav)
        .output()
        .unwrap());
    let out = ok(utter(&data)
        .args(["dumps", "list", "--json"])
        .output()
        .unwrap());
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(list.len(), 1);
    let dump = &list[0];
    assert!(dump["audio_path"].as_str().unwrap().ends_with("dump.wav"));
    let cards = dump["cards"].as_array().unwrap();
    assert!(cards.len() >= 3, "{cards:?}");
    let span = |c: &serde_json::Value| {
        (
            c["start_ms"].as_u64().unwrap(),
            c["end_ms"].as_u64().unwrap(),
        )
    };
    let joe = span(card(cards, "joe"));
    let henderson = span(card(cards, "henderson"));
    let duration = dump["duration_ms"].as_u64().unwrap();
    // Joe was said first, the Henderson proposal after: their seconds say so.
    assert!(
        joe.0 < joe.1 && joe.1 <= henderson.0 + 500,
        "{joe:?} {henderson:?}"
    );
    assert!(
        henderson.1 <= duration + 100,
        "{henderson:?} within {duration}"
    );
    assert!(
        joe.1 - joe.0 < duration / 2,
        "a card's seconds, not the whole dump: {joe:?}"
    );

    let text = ok(utter(&data).args(["dumps", "show", "1"]).output().unwrap());
    assert!(
        text.contains("recording: ") && text.contains("[0:0"),
        "{text}"
    );

    // Playback: the whole recording, and just one card's seconds (padded a quarter second).
    let svc = Service::open(&data).unwrap();
    let whole = svc.dump_audio_wav(1, None).unwrap();
    assert_eq!(whole, std::fs::read(&wav).unwrap());
    let joe_id = card(cards, "joe")["task_id"].as_i64().unwrap();
    let part = svc.dump_audio_wav(1, Some(joe_id)).unwrap();
    let samples = (part.len() - 44) / 2;
    let expected = ((joe.1 - joe.0 + 500) * 16) as usize;
    assert!(
        samples.abs_diff(expected) < 16 * 300,
        "{samples} samples, ~{expected} expected"
    );
    let audio = svc.task_audio(joe_id).unwrap().unwrap();
    assert_eq!((audio.start_ms, audio.end_ms), joe);

    // Once retention deleted the recording, the journal says so and playback explains why.
    std::fs::remove_file(&wav).unwrap();
    let d = svc.get_dump(1).unwrap();
    assert!(d.audio_path.is_none());
    assert!(svc.task_audio(joe_id).unwrap().is_none());
    let err = svc.dump_audio_wav(1, None).unwrap_err().to_string();
    assert!(err.contains("not kept any more"), "{err}");
}

fn task(title: &str, priority: &str) -> serde_json::Value {
    json!({"title": title, "description": null, "category": null, "priority": priority,
           "due_phrase": null, "due": null})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extract_again_updates_the_dumps_cards_in_place_and_leaves_the_users_edits() {
    let _cpu = exclusive();
    if model_path().is_none() {
        return;
    }
    let server = FakeServer::start(vec![Reply::json(completion(json!([
        task("Call Joe about the renewal", "high"),
        task("Write the Henderson proposal", "high"),
        task("Book flights to Berlin", "medium"),
        task("Buy milk and eggs", "low"),
    ])))])
    .await;
    // The dump itself is read by the offline engine; the model is only asked again below.
    let (dir, svc) = setup(&server);
    let wav = dump_wav(dir.path());
    let dumped = svc.dump_audio(&wav, &choice(), now()).unwrap();
    let (transcript, offline) = (dumped.transcript, dumped.tasks);
    assert!(offline.len() >= 3, "{offline:?}");
    let henderson = offline
        .iter()
        .find(|t| t.title.to_lowercase().contains("henderson"))
        .unwrap();
    // The user makes the Henderson card their own before extracting again.
    svc.update_task(
        henderson.id,
        TaskPatch {
            title: Some("Henderson proposal v2 (mine)".into()),
            ..TaskPatch::default()
        },
    )
    .unwrap();

    // Re-transcription uses the model setting, as the app would.
    svc.set_user_setting("voice.model", &model_path().unwrap().to_string_lossy())
        .unwrap();
    let again = svc.extract_again(transcript.id, Engine::Llm).await.unwrap();
    let Refinement::Refined { tasks, .. } = &again.refinement else {
        panic!("not refined: {again:?}");
    };
    assert!(again.note.is_none(), "{again:?}");
    assert!(again.text.to_lowercase().contains("henderson"), "{again:?}");
    let board = svc.list_tasks(&TaskFilter::default()).unwrap();
    // Same cards, not copies: every card on the board is one of the dump's.
    assert_eq!(board.len(), tasks.len(), "{board:?}");
    let joe = board.iter().find(|t| t.title.contains("Joe")).unwrap();
    assert_eq!(joe.title, "Call Joe about the renewal");
    assert!(offline.iter().any(|t| t.id == joe.id), "updated in place");
    let mine = svc.get_task(henderson.id).unwrap();
    assert_eq!(
        mine.title, "Henderson proposal v2 (mine)",
        "the user's edit stays"
    );
    // The journal lists the dump's cards as they are now.
    let d = svc.get_dump(transcript.id).unwrap();
    assert!(
        d.cards
            .iter()
            .any(|c| c.title == "Henderson proposal v2 (mine)")
    );
    assert!(d.cards.iter().all(|c| c.status.is_some()));
    // The model was asked with the dump's own date: "tomorrow" means the day after it.
    let req = &server.requests()[0];
    let system = req.body["messages"][0]["content"].as_str().unwrap();
    let said_on = chrono::DateTime::parse_from_rfc3339(&d.created_at)
        .unwrap()
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d")
        .to_string();
    assert!(system.contains(&said_on), "{said_on} in {system}");

    // Undo puts the dump back as it was before "extract again": the offline cards with
    // their titles (the user's own edit included), and nothing the model added.
    let before: Vec<(i64, String)> = {
        let mut v: Vec<(i64, String)> = offline
            .iter()
            .map(|t| {
                let title = if t.id == henderson.id {
                    "Henderson proposal v2 (mine)".to_owned()
                } else {
                    t.title.clone()
                };
                (t.id, title)
            })
            .collect();
        v.sort();
        v
    };
    let undone = svc.undo_extract_again(transcript.id).unwrap();
    assert!(undone.restored + undone.removed > 0, "{undone:?}");
    let mut board: Vec<(i64, String)> = svc
        .list_tasks(&TaskFilter::default())
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.title))
        .collect();
    board.sort();
    assert_eq!(board, before);
    assert_eq!(svc.get_dump(transcript.id).unwrap().text, transcript.text);
    // Spent: a second undo is refused with what happened.
    let err = svc.undo_extract_again(transcript.id).unwrap_err();
    assert!(err.to_string().contains("no \"extract again\""), "{err}");
}
