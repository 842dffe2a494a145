//! A voice dump read by the language model too: the offline engine's cards appear first,
//! then the model's reading (a local server speaking the OpenAI chat wire format) updates
//! them in place; a failing model leaves them as they were.

// The CPU guard (tests running Whisper take turns) is a plain mutex held for the whole test
// on purpose, awaits included; nothing else in the test takes it.
#![allow(clippy::await_holding_lock)]

use chrono::NaiveDateTime;
use serde_json::json;
use utter::llm::{ProviderConfig, ProviderKind};
use utter::model::{Priority, TaskFilter};
use utter::secrets::MemoryStore;
use utter::service::{Dependencies, Refinement, Service, VoiceChoice};

use super::support::{espeak, exclusive, model_path};
use crate::fake_server::{FakeServer, Reply};

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-02T09:00:00", "%Y-%m-%dT%H:%M:%S").unwrap()
}

pub(super) fn completion(tasks: serde_json::Value) -> serde_json::Value {
    json!({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop",
            "message": {"role": "assistant", "content": json!({"tasks": tasks}).to_string()}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}
    })
}

fn task(title: &str, priority: &str, due_phrase: Option<&str>) -> serde_json::Value {
    json!({"title": title, "description": null, "category": "Sales", "priority": priority,
           "due_phrase": due_phrase, "due": null})
}

pub(super) fn setup(server: &FakeServer) -> (tempfile::TempDir, std::sync::Arc<Service>) {
    let dir = tempfile::tempdir().unwrap();
    let deps = Dependencies::default().with_secrets(MemoryStore::new());
    let svc = Service::open_with(dir.path(), deps).unwrap();
    let mut cfg = ProviderConfig::new(
        ProviderKind::OpenAiCompatible,
        format!("{}/v1", server.base),
        "m",
    );
    cfg.max_retries = 0;
    svc.set_llm_config(cfg, None).unwrap();
    (dir, svc)
}

fn choice() -> VoiceChoice {
    VoiceChoice {
        model: model_path().map(|p| p.to_string_lossy().into_owned()),
        language: Some("en".into()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_model_refines_a_voice_dump_in_place() {
    let _cpu = exclusive();
    if model_path().is_none() {
        return;
    }
    let server = FakeServer::start(vec![Reply::json(completion(json!([
        task("Call Joe about the renewal", "high", Some("tomorrow")),
        task("Send Joe the pricing sheet", "medium", None),
    ])))])
    .await;
    let (dir, svc) = setup(&server);
    let wav = espeak(dir.path(), "joe.wav", "call Joe tomorrow about the renewal");
    let dumped = svc.dump_audio(&wav, &choice(), now()).unwrap();
    let (transcript, offline) = (dumped.transcript, dumped.tasks);
    assert_eq!(offline.len(), 1, "{offline:?}");
    assert_eq!(offline[0].priority, Priority::Medium);

    let r = svc
        .refine_dump(transcript.id, &offline, now())
        .await
        .unwrap();
    let Refinement::Refined {
        tasks,
        updated,
        added,
        removed,
    } = r
    else {
        panic!("not refined: {r:?}");
    };
    assert_eq!((updated, added, removed), (1, 1, 0));
    // The offline card is the same card, updated; the model's extra task is a new one.
    assert_eq!(tasks[0].id, offline[0].id);
    assert_eq!(tasks[0].title, "Call Joe about the renewal");
    assert_eq!(tasks[0].priority, Priority::High);
    assert_eq!(tasks[0].category.as_deref(), Some("Sales"));
    assert_eq!(
        tasks[0].due.as_ref().map(|d| d.to_string()).as_deref(),
        Some("2026-12-03")
    );
    let board = svc.list_tasks(&TaskFilter::default()).unwrap();
    assert_eq!(board.len(), 2, "duplicated: {board:?}");
    assert!(
        board
            .iter()
            .all(|t| t.source_transcript_id == Some(transcript.id))
    );
    let saved = svc.get_transcript(transcript.id).unwrap();
    assert_eq!(
        saved.extracted_task_ids,
        tasks.iter().map(|t| t.id).collect::<Vec<_>>()
    );

    // The transcript reached the model fenced as data.
    let req = &server.requests()[0];
    let user = req.body["messages"][1]["content"].as_str().unwrap();
    assert!(
        user.starts_with("<transcript>") && user.contains("renewal"),
        "{user}"
    );

    // One undo removes everything the dump made, refined or added.
    let ids: Vec<i64> = tasks.iter().map(|t| t.id).collect();
    assert_eq!(svc.undo_dump(&ids).unwrap(), 2);
    assert!(svc.list_tasks(&TaskFilter::default()).unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_model_leaves_the_offline_cards() {
    let _cpu = exclusive();
    if model_path().is_none() {
        return;
    }
    let server = FakeServer::start(vec![Reply::status(
        400,
        r#"{"error":{"message":"bad model"}}"#,
    )])
    .await;
    let (dir, svc) = setup(&server);
    let wav = espeak(dir.path(), "joe.wav", "call Joe tomorrow about the renewal");
    let dumped = svc.dump_audio(&wav, &choice(), now()).unwrap();
    let (transcript, offline) = (dumped.transcript, dumped.tasks);
    let r = svc
        .refine_dump(transcript.id, &offline, now())
        .await
        .unwrap();
    assert!(matches!(r, Refinement::Failed { .. }), "{r:?}");
    let board = svc.list_tasks(&TaskFilter::default()).unwrap();
    assert_eq!(board, offline);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_card_the_user_changed_meanwhile_is_left_alone() {
    let _cpu = exclusive();
    if model_path().is_none() {
        return;
    }
    let server = FakeServer::start(vec![Reply::json(completion(json!([])))]).await;
    let (dir, svc) = setup(&server);
    let wav = espeak(dir.path(), "joe.wav", "call Joe tomorrow about the renewal");
    let dumped = svc.dump_audio(&wav, &choice(), now()).unwrap();
    let (transcript, offline) = (dumped.transcript, dumped.tasks);
    svc.move_task(offline[0].id, utter::model::Status::InProgress, None)
        .unwrap();
    // The model saw no task; the card would go, but the user has moved it.
    let r = svc
        .refine_dump(transcript.id, &offline, now())
        .await
        .unwrap();
    assert!(matches!(r, Refinement::Refined { removed: 0, .. }), "{r:?}");
    assert_eq!(svc.list_tasks(&TaskFilter::default()).unwrap().len(), 1);
}
