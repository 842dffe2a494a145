//! The user's words in speech recognition, as a user meets them: `utter vocabulary`, names
//! already on the board spelled right in `utter transcribe` / `utter dump`, replacements,
//! and silence that stays silent although Whisper is given a prompt.

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

use utter::audio::VadConfig;
use utter::model::VocabularyEntry;
use utter::stt::{StreamingTranscriber, Vocabulary, VocabularySources};

use super::cli::{ok, utter};
use super::support::{engine, espeak, exclusive, model_path, words};

fn run(data: &Path, args: &[&str]) -> String {
    ok(utter(data).args(args).output().unwrap())
}

fn transcribe(data: &Path, model: &Path, wav: &Path) -> String {
    let out = ok(utter(data)
        .args(["transcribe", "--json", "--language", "en", "--model"])
        .arg(model)
        .arg(wav)
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["text"].as_str().unwrap().to_owned()
}

#[test]
fn vocabulary_cli_adds_lists_and_removes_with_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(run(data, &["vocabulary", "list"]).contains("vocabulary is empty"));
    assert!(
        run(
            data,
            &["vocabulary", "add", "Kubernetes", "--replace", "k8s"]
        )
        .contains("Kubernetes")
    );
    run(data, &["vocabulary", "add", "Initech"]);
    // The same word again (other case) is one entry, with the newest spelling.
    run(data, &["vocabulary", "add", "initech"]);
    let list: Vec<VocabularyEntry> =
        serde_json::from_str(&run(data, &["vocabulary", "list", "--json"])).unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list[0].word, "Kubernetes");
    assert_eq!(list[0].replace_from.as_deref(), Some("k8s"));
    assert_eq!(list[1].word, "initech");

    // Board names join the user's words in the prompt.
    run(
        data,
        &["tasks", "add", "Email Priya at Globex about the contract"],
    );
    let prompt = run(data, &["vocabulary", "prompt"]);
    assert_eq!(
        prompt.trim(),
        "I talked with Kubernetes, initech, Priya, Globex."
    );

    // A replacement is removed by the text it replaces, too.
    assert!(run(data, &["vocabulary", "rm", "k8s"]).contains("removed Kubernetes"));
    let out = utter(data)
        .args(["vocabulary", "rm", "k8s"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not in the vocabulary"));
    for bad in [
        &["vocabulary", "add", "  "][..],
        &["vocabulary", "add", "!!"],
        &["vocabulary", "add", "Jira", "--replace", "Jira"],
    ] {
        let out = utter(data).args(bad).output().unwrap();
        assert!(!out.status.success(), "{bad:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("error: ") && err.lines().count() == 1,
            "{err}"
        );
    }
}

/// The names on the board and the user's words reach Whisper: the same clip, transcribed
/// before and after the board knows them, comes back with the names spelled right.
#[test]
fn names_on_the_board_and_added_words_come_back_spelled_right() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let wav = espeak(
        dir.path(),
        "names.wav",
        "Ask Siobhan about the Zendesk migration.",
    );
    let before = transcribe(&data, &model, &wav);
    run(&data, &["tasks", "add", "Lunch with Siobhan"]);
    run(&data, &["tasks", "add", "Renew the Zendesk licence"]);
    let after = transcribe(&data, &model, &wav);
    // Without the board the base model hears "Ask she phone about her men's migration".
    eprintln!("without the board: {before:?}\nwith the board: {after:?}");
    assert!(
        after.contains("Siobhan") && after.contains("Zendesk"),
        "names on the board not spelled right: {after:?}"
    );

    // A replacement rewrites what Whisper writes, whole words only, and it lands in the
    // saved transcript and the task.
    let wav = espeak(dir.path(), "joe.wav", "call Joe tomorrow about the renewal");
    let data = dir.path().join("data2");
    run(&data, &["vocabulary", "add", "Joseph", "--replace", "Joe"]);
    let out = ok(utter(&data)
        .args([
            "dump",
            "--json",
            "--language",
            "en",
            "--engine",
            "offline",
            "--now",
            "2026-12-02T09:00",
            "--model",
        ])
        .arg(&model)
        .arg(&wav)
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = v["transcript"]["text"].as_str().unwrap();
    assert!(words(text).contains(&"joseph".to_owned()), "{text:?}");
    assert!(!words(text).contains(&"joe".to_owned()), "{text:?}");
    assert!(
        v["tasks"][0]["title"].as_str().unwrap().contains("Joseph"),
        "{v}"
    );
}

#[test]
fn silence_with_a_prompt_gives_no_text() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    run(&data, &["vocabulary", "add", "Initech"]);
    run(&data, &["vocabulary", "add", "Kubernetes"]);
    run(&data, &["tasks", "add", "Call Ahmed at Globex"]);
    for (name, effect) in [
        ("silence.wav", vec!["trim", "0", "4"]),
        ("hum.wav", vec!["synth", "4", "brownnoise", "vol", "0.01"]),
    ] {
        let wav = dir.path().join(name);
        let status = Command::new("sox")
            .args(["-n", "-r", "16000", "-c", "1", "-b", "16"])
            .arg(&wav)
            .args(&effect)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(transcribe(&data, &model, &wav), "", "{name}");
        let out = utter(&data)
            .args(["dump", "--language", "en", "--model"])
            .arg(&model)
            .arg(&wav)
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no speech"),
            "{name}"
        );
    }
    let tasks: serde_json::Value =
        serde_json::from_str(&run(&data, &["tasks", "list", "--json"])).unwrap();
    assert_eq!(
        tasks.as_array().unwrap().len(),
        1,
        "silence added tasks: {tasks}"
    );
}

/// The live path: every segment gets the vocabulary as its prompt (the names come back
/// right) and silence between words never turns into the prompt's text.
#[test]
fn streaming_segments_use_the_vocabulary() {
    let _cpu = exclusive();
    let Some(engine) = engine() else { return };
    let dir = tempfile::tempdir().unwrap();
    let wav = espeak(
        dir.path(),
        "live.wav",
        "Call Raj at Hooli about the Globex renewal.",
    );
    let speech = utter::audio::read_wav_16k_mono(&wav).unwrap();
    let entries: Vec<VocabularyEntry> = ["Raj", "Hooli", "Globex"]
        .iter()
        .enumerate()
        .map(|(i, w)| VocabularyEntry {
            id: i as i64,
            word: (*w).into(),
            replace_from: None,
            created_at: String::new(),
        })
        .collect();
    let vocabulary = Vocabulary::build(VocabularySources {
        entries: &entries,
        ..Default::default()
    });
    let partials = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&partials);
    let mut st = StreamingTranscriber::with_vocabulary(
        Arc::clone(&engine),
        VadConfig::default(),
        vocabulary,
        move |p| sink.lock().unwrap().push(p.text.clone()),
    )
    .unwrap();
    let silence = vec![0.0f32; 16_000 * 2];
    for chunk in silence.chunks(1600) {
        st.push(chunk).unwrap();
    }
    for chunk in speech.chunks(1600) {
        st.push(chunk).unwrap();
    }
    for chunk in silence.chunks(1600) {
        st.push(chunk).unwrap();
    }
    let t = st.finish().unwrap();
    // Without a prompt: "Call Rajat, who leaps out the romance renewal."
    for name in ["Raj", "Hooli", "Globex"] {
        assert_eq!(t.text.matches(name).count(), 1, "{name}: {:?}", t.text);
    }
}
