//! A recording's transcript is read as speech: Whisper writes a full stop at a pause where a
//! typed dump has a comma, so the voice path reads such a stop as the pause it was, and a
//! typed dump keeps its full stops as meant. No Whisper model needed: the text is what a
//! live recording saved.

use chrono::NaiveDateTime;
use utter::Service;
use utter::model::NewTranscript;
use utter::voice::FinalTranscript;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-02T09:00:00", "%Y-%m-%dT%H:%M:%S").unwrap()
}

const SAID: &str = "Oh, and the cable on the squat rack is frayed. Order a replacement from Rogue.";

#[test]
fn a_recording_is_read_as_heard_and_typed_text_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(&dir.path().join("data")).unwrap();
    let heard = svc
        .dump_recording(
            &FinalTranscript {
                text: SAID.into(),
                segments: Vec::new(),
                audio_path: dir.path().join("gone.wav"),
                duration_ms: 5_000,
                model: "base".into(),
                language: Some("en".into()),
                stop_to_text_ms: 200,
                device_error: None,
            },
            now(),
        )
        .unwrap();
    let titles: Vec<&str> = heard.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Order a replacement for the cable on the squat rack from Rogue"]
    );

    let other = tempfile::tempdir().unwrap();
    let svc = Service::open(&other.path().join("data")).unwrap();
    let typed = svc
        .dump_text(
            NewTranscript {
                text: SAID.into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let titles: Vec<&str> = typed.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, vec!["Order a replacement from Rogue"]);
}
