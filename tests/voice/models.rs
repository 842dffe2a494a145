//! Which Whisper model runs: "choose for me" (`auto`, the default) as a user meets it in
//! `utter models recommend` / `transcribe`, and the warm model leaving memory when idle.

use std::path::Path;
use std::time::Duration;

use utter::service::VoiceChoice;

use super::cli::{ok, utter};
use super::support::{espeak, exclusive, model_path};

fn recommend(data: &Path, args: &[&str]) -> serde_json::Value {
    let out = ok(utter(data)
        .args(["models", "recommend", "--json"])
        .args(args)
        .output()
        .unwrap());
    serde_json::from_str(&out).unwrap()
}

/// Puts the test model where the catalog's `name` would be downloaded.
fn install_as(data: &Path, model: &Path, name: &str) {
    let dir = data.join("models");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(model, dir.join(format!("ggml-{name}.bin"))).unwrap();
}

#[test]
fn auto_recommends_by_machine_and_runs_the_best_installed_model() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();

    // Nothing downloaded: the recommendation for the machine described, and no model yet.
    let small = recommend(data, &["--cores", "2", "--memory-gb", "4"]);
    assert_eq!(small["recommended"]["name"], "base.en-q8_0");
    assert!(small["in_use"].is_null());
    let desktop = recommend(data, &["--cores", "8", "--memory-gb", "16"]);
    assert_eq!(desktop["recommended"]["name"], "small.en-q8_0");
    let gpu = recommend(data, &["--cores", "8", "--memory-gb", "16", "--gpu"]);
    assert_eq!(gpu["recommended"]["name"], "large-v3-turbo-q5_0");
    assert!(
        gpu["recommended"]["reason"]
            .as_str()
            .unwrap()
            .contains("GPU"),
        "{gpu}"
    );
    let wav = espeak(data, "call.wav", "call Joe tomorrow about the renewal");
    let out = utter(data).arg("transcribe").arg(&wav).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("utter models download"),
        "says what to do: {err}"
    );

    // base.en downloaded, the recommended base.en-q8_0 not: auto runs base.en meanwhile.
    install_as(data, &model, "base.en");
    let small = recommend(data, &["--cores", "2", "--memory-gb", "4"]);
    assert_eq!(small["in_use"], "base.en");
    let list = ok(utter(data).args(["models", "list"]).output().unwrap());
    assert!(list.contains("recommended for this machine"), "{list}");
    let out = ok(utter(data)
        .args(["transcribe", "--json", "--language", "en"])
        .arg(&wav)
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["model"], "base.en");
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("renewal")
    );

    // A German speaker is recommended a multilingual model.
    ok(utter(data)
        .args(["settings", "set", "voice.language", "de"])
        .output()
        .unwrap());
    let de = recommend(data, &["--cores", "4", "--memory-gb", "8"]);
    assert_eq!(de["recommended"]["name"], "base-q8_0");
    // `auto` is a valid setting; a model name that is not in the catalog is not.
    ok(utter(data)
        .args(["settings", "set", "voice.model", "auto"])
        .output()
        .unwrap());
    let out = utter(data)
        .args(["settings", "set", "voice.model", "huge-v9"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn an_idle_model_is_unloaded_and_loads_again_on_use() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let svc = utter::Service::open(dir.path()).unwrap();
    let choice = VoiceChoice {
        model: Some(model.to_string_lossy().into_owned()),
        language: Some("en".into()),
    };
    assert_eq!(
        svc.unload_after().unwrap(),
        Some(Duration::from_secs(5 * 60))
    );
    let first = svc.stt_engine(&choice).unwrap();
    assert!(svc.engine_loaded());
    assert!(!svc.unload_engine_if_idle(Duration::from_secs(3600)));
    let again = svc.stt_engine(&choice).unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again), "kept warm");
    drop((first, again));
    assert!(svc.unload_engine_if_idle(Duration::ZERO));
    assert!(!svc.engine_loaded());
    let wav = espeak(dir.path(), "a.wav", "call Joe tomorrow about the renewal");
    let (t, _) = svc.transcribe_file(&wav, &choice).unwrap();
    assert!(t.text.to_lowercase().contains("renewal"), "{}", t.text);
    assert!(svc.engine_loaded());

    svc.set_user_setting("voice.unload_after_minutes", "0")
        .unwrap();
    assert_eq!(svc.unload_after().unwrap(), None);
    let err = svc
        .set_user_setting("voice.unload_after_minutes", "soon")
        .unwrap_err();
    assert!(err.to_string().contains("minutes"), "{err}");
}
