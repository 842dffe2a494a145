//! The desktop's recording path (`VoiceSession`, what the hotkey drives) on a PulseAudio
//! virtual microphone: events while talking, tasks on release, and Esc discarding.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use utter::service::{VoiceEvent, VoiceSession, VoiceState};

use super::capture::Pulse;
use super::support::{
    assert_words, espeak, exclusive, helper_command, helper_result, is_helper, model_path, say,
};

#[test]
fn hotkey_session_turns_speech_into_tasks_and_cancel_discards() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let Some(pulse) = Pulse::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let wav = espeak(
        dir.path(),
        "speech.wav",
        "call Joe tomorrow about the renewal. the Henderson proposal is due on Friday.",
    );
    let mut envs = pulse.envs();
    envs.push(("UTTER_HELPER_OUT", &data));
    envs.push(("UTTER_MODEL", &model));
    let mut child = helper_command("voice::session::helper_voice_session", &envs)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("READY") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "helper ended before recording"
        );
    }
    let played = pulse
        .cmd("paplay")
        .args(["-d", "virt"])
        .arg(&wav)
        .status()
        .unwrap();
    assert!(played.success());
    // Key release.
    writeln!(child.stdin.take().unwrap(), "stop").unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    assert!(child.wait().unwrap().success(), "{rest}");
    let v = helper_result(&rest);

    assert_words(
        v["text"].as_str().unwrap(),
        &["joe", "renewal", "henderson"],
    );
    let titles: Vec<&str> = v["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(titles.iter().any(|t| t.contains("Joe")), "{titles:?}");
    assert_eq!(v["saved_tasks"].as_u64().unwrap() as usize, titles.len());
    let kinds: Vec<&str> = v["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    // The overlay's sequence: recording, levels and partial text, transcribing, done, idle.
    for want in [
        "state:recording",
        "level",
        "partial",
        "state:transcribing",
        "done",
        "state:idle",
        "cancelled",
    ] {
        assert!(kinds.contains(&want), "no {want} event in {kinds:?}");
    }
    let pos = |k: &str| kinds.iter().position(|x| *x == k).unwrap();
    assert!(
        pos("state:recording") < pos("partial") && pos("partial") < pos("done"),
        "{kinds:?}"
    );
    assert!(
        v["max_level"].as_f64().unwrap() > 0.2,
        "speech should move the meter: {v}"
    );
    // Esc: no file and no task left behind.
    assert_eq!(v["wavs_after_cancel"], v["wavs_before_cancel"], "{v}");
    assert_eq!(v["final_state"], "idle");
}

#[test]
#[ignore = "helper: run by hotkey_session_turns_speech_into_tasks_and_cancel_discards"]
fn helper_voice_session() {
    if !is_helper("helper_voice_session") {
        return;
    }
    let data = PathBuf::from(std::env::var_os("UTTER_HELPER_OUT").unwrap());
    let svc = utter::Service::open(&data).unwrap();
    svc.set_user_setting("voice.language", "en").unwrap();
    let events: Arc<Mutex<Vec<VoiceEvent>>> = Arc::default();
    let sink = Arc::clone(&events);
    let session = VoiceSession::new(svc.clone(), move |e| sink.lock().unwrap().push(e));
    session.start().unwrap();
    assert_eq!(session.state(), VoiceState::Recording);
    say("READY");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).unwrap();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let outcome = session.stop(now).unwrap().unwrap();
    let saved = svc.list_tasks(&Default::default()).unwrap().len();

    let wavs = || std::fs::read_dir(svc.audio_dir()).unwrap().count();
    let before = wavs();
    session.start().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    session.cancel().unwrap();
    let after = wavs();
    // The dump's final pass runs in the background; the process must not exit under it.
    session.settle();

    let events = events.lock().unwrap();
    let mut max_level = 0f32;
    let mut titles = Vec::new();
    let kinds: Vec<String> = events
        .iter()
        .map(|e| match e {
            VoiceEvent::State { state } => format!(
                "state:{}",
                serde_json::to_value(state).unwrap().as_str().unwrap()
            ),
            VoiceEvent::Level { level } => {
                max_level = max_level.max(*level);
                "level".into()
            }
            VoiceEvent::Partial { .. } => "partial".into(),
            VoiceEvent::Done { titles: t, .. } => {
                titles = t.clone();
                "done".into()
            }
            VoiceEvent::Refined { .. } => "refined".into(),
            VoiceEvent::Cancelled => "cancelled".into(),
            VoiceEvent::Error { message } => format!("error:{message}"),
        })
        .collect();
    let mut dedup = kinds.clone();
    dedup.dedup();
    say(&format!(
        "RESULT:{}",
        serde_json::json!({
            "text": outcome.text,
            "titles": titles,
            "saved_tasks": saved,
            "kinds": dedup,
            "max_level": max_level,
            "wavs_before_cancel": before,
            "wavs_after_cancel": after,
            "final_state": serde_json::to_value(session.state()).unwrap(),
        })
    ));
}
