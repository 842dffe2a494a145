//! The final pass of a live dump: the text saved at key release is what the streaming path
//! stitched together segment by segment; the whole recording in one pass then has the last
//! word, and the dump's cards follow it in place — no second set of cards.

use chrono::NaiveDateTime;
use utter::Service;
use utter::model::TaskFilter;
use utter::service::Refinement;
use utter::voice::FinalTranscript;

use super::streaming::dump_wav;
use super::support::{assert_words, exclusive, model_path};

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-02T09:00:00", "%Y-%m-%dT%H:%M:%S").unwrap()
}

#[test]
fn the_one_pass_text_replaces_the_stitched_one_and_its_cards_update_in_place() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(&dir.path().join("data")).unwrap();
    svc.set_user_setting("voice.model", &model.to_string_lossy())
        .unwrap();
    svc.set_user_setting("voice.language", "en").unwrap();
    let wav = dump_wav(dir.path());
    // What a live recording can save when a segment was cut mid-word: the same recording,
    // misheard in one sentence.
    let live = FinalTranscript {
        text: "Call Joe tomorrow about the renewal. The Henderson proposal is due on Friday. \
               Remind me to book flight sterling. Buy milk and eggs on the way home."
            .into(),
        segments: Vec::new(),
        audio_path: wav.clone(),
        duration_ms: 12_000,
        model: "base".into(),
        language: Some("en".into()),
        stop_to_text_ms: 200,
        device_error: None,
    };
    let dumped = svc.dump_recording(&live, now()).unwrap();
    let before: Vec<i64> = dumped.tasks.iter().map(|t| t.id).collect();
    assert!(
        dumped.tasks.iter().any(|t| t.title.contains("sterling")),
        "{:?}",
        dumped.tasks
    );

    let Some(Refinement::Refined { tasks, .. }) =
        svc.final_pass(dumped.transcript.id, now()).unwrap()
    else {
        panic!("the one-pass text differs from the stitched one, so the cards must be read again")
    };
    // The saved text is now exactly what a batch pass over the recording gives.
    let (batch, _) = svc
        .transcribe_file(&wav, &utter::service::VoiceChoice::default())
        .unwrap();
    let saved = svc.get_dump(dumped.transcript.id).unwrap().text;
    assert_eq!(saved, batch.text);
    assert_words(&saved, &["joe", "renewal", "henderson"]);
    assert!(!saved.contains("sterling"), "{saved}");
    // Same cards, updated: the misheard one is gone or corrected, and nothing is doubled.
    let board = svc.list_tasks(&TaskFilter::default()).unwrap();
    assert!(
        board.iter().all(|t| !t.title.contains("sterling")),
        "{board:?}"
    );
    assert_eq!(board.len(), tasks.len(), "{board:?}");
    let joe: Vec<_> = board.iter().filter(|t| t.title.contains("Joe")).collect();
    assert_eq!(joe.len(), 1, "{board:?}");
    assert!(
        before.contains(&joe[0].id),
        "the Joe card is the one the live text made"
    );

    // Run again: the text is the one-pass text now, so there is nothing left to correct.
    assert!(
        svc.final_pass(dumped.transcript.id, now())
            .unwrap()
            .is_none()
    );
}
