//! The voice commands as a user runs them: `utter transcribe`, `utter dump FILE.wav`,
//! `utter record` on a virtual microphone, `utter models`, `utter settings`, retention.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

use super::capture::Pulse;
use super::download::{body, serve, sha};
use super::streaming::dump_wav;
use super::support::{PHRASE, assert_words, espeak, exclusive, model_path};

/// `utter` against `data`, without the caller's model choice (each test picks its own).
pub(super) fn utter(data: &Path) -> Command {
    let mut c = crate::cli::command(data);
    c.env_remove("UTTER_MODEL")
        .env_remove("UTTER_MODEL_CATALOG");
    c
}

pub(super) fn ok(out: Output) -> String {
    crate::cli::ok(&out)
}

fn fail(out: Output) -> String {
    crate::cli::err(&out)
}

#[test]
fn transcribe_prints_text_and_timestamped_segments() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let wav = espeak(dir.path(), "a.wav", PHRASE);
    let out = ok(utter(&dir.path().join("data"))
        .args(["transcribe", "--json", "--language", "en", "--model"])
        .arg(&model)
        .arg(&wav)
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_words(
        v["text"].as_str().unwrap(),
        &["call", "joe", "tomorrow", "renewal"],
    );
    assert_eq!(v["model"], "base");
    let segs = v["segments"].as_array().unwrap();
    assert!(!segs.is_empty());
    let end = segs.last().unwrap()["end_ms"].as_u64().unwrap();
    assert!(
        end > 1_000 && end <= 4_000,
        "segment end {end} ms for a ~2.5 s clip"
    );
    // Transcribing saves nothing.
    assert!(
        !dir.path().join("data").join("utter.db").exists() || {
            let list = ok(utter(&dir.path().join("data"))
                .args(["tasks", "list", "--json"])
                .output()
                .unwrap());
            list.trim() == "[]"
        }
    );
}

#[test]
fn dump_wav_puts_tasks_on_the_board_with_audio_metadata() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let wav = dump_wav(dir.path());
    let out = ok(utter(&data)
        .env("UTTER_MODEL", &model)
        .args([
            "dump",
            "--json",
            "--language",
            "en",
            "--now",
            "2026-11-23T09:00",
        ])
        .arg(&wav)
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let t = &v["transcript"];
    assert_eq!(t["audio_path"].as_str().unwrap(), wav.to_str().unwrap());
    let ms = t["duration_ms"].as_i64().unwrap();
    assert!((9_000..20_000).contains(&ms), "duration {ms} ms");
    assert_eq!(t["model"], "base");
    let titles: Vec<String> = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(
        titles.len() >= 3,
        "tasks from a four-sentence dump: {titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("joe")), "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("henderson")), "{titles:?}");
    let joe = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["title"].as_str().unwrap().to_lowercase().contains("joe"))
        .unwrap();
    assert_eq!(joe["due"], "2026-11-24", "'tomorrow' from the spoken dump");

    // On the board, linked to the transcript.
    let board = ok(utter(&data)
        .args(["tasks", "list", "--json"])
        .output()
        .unwrap());
    let board: serde_json::Value = serde_json::from_str(&board).unwrap();
    assert_eq!(board.as_array().unwrap().len(), titles.len());
    assert!(
        board
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["source_transcript_id"] == t["source_transcript_id"])
    );
}

#[test]
fn bad_audio_is_a_clear_error_and_saves_nothing() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let garbage = dir.path().join("notes.wav");
    std::fs::write(&garbage, b"this is not audio at all").unwrap();
    let silent = dir.path().join("silence.wav");
    let status = Command::new("sox")
        .args(["-n", "-r", "16000", "-c", "1", "-b", "16"])
        .arg(&silent)
        .args(["trim", "0", "2"])
        .status()
        .unwrap();
    assert!(status.success());

    let err = fail(
        utter(&data)
            .env("UTTER_MODEL", &model)
            .arg("dump")
            .arg(&garbage)
            .output()
            .unwrap(),
    );
    assert!(err.contains("not a WAV file"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let err = fail(
        utter(&data)
            .env("UTTER_MODEL", &model)
            .arg("dump")
            .arg(&silent)
            .output()
            .unwrap(),
    );
    assert!(err.contains("no speech"), "{err}");
    // Ten minutes of a quiet room: the voice-activity detector finds no speech, so Whisper is
    // never run over it (it cost minutes of CPU when it was).
    let room = dir.path().join("room.wav");
    let status = Command::new("sox")
        .args(["-n", "-r", "16000", "-c", "1", "-b", "16"])
        .arg(&room)
        .args(["synth", "600", "pinknoise", "vol", "0.002"])
        .status()
        .unwrap();
    assert!(status.success());
    let err = fail(
        utter(&data)
            .env("UTTER_MODEL", &model)
            .args(["-v", "dump"])
            .arg(&room)
            .output()
            .unwrap(),
    );
    assert!(err.contains("no speech"), "{err}");
    assert!(err.contains("Whisper not called"), "{err}");
    let err = fail(
        utter(&data)
            .env("UTTER_MODEL", &model)
            .arg("dump")
            .arg(dir.path().join("missing.wav"))
            .output()
            .unwrap(),
    );
    assert!(err.contains("missing.wav"), "{err}");
    let list = ok(utter(&data)
        .args(["tasks", "list", "--json"])
        .output()
        .unwrap());
    assert_eq!(list.trim(), "[]");
}

#[test]
fn a_model_that_is_not_downloaded_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let wav = espeak(dir.path(), "a.wav", PHRASE);
    let err = fail(
        utter(&dir.path().join("data"))
            .arg("transcribe")
            .arg(&wav)
            .output()
            .unwrap(),
    );
    // The model "choose for me" picks for this machine, named so it can be fetched.
    assert!(
        err.contains("is not downloaded yet; run `utter models download "),
        "{err}"
    );
    let err = fail(
        utter(&dir.path().join("data"))
            .args(["transcribe", "--model", "/nonexistent/ggml-x.bin"])
            .arg(&wav)
            .output()
            .unwrap(),
    );
    assert!(err.contains("/nonexistent/ggml-x.bin"), "{err}");
}

#[test]
fn models_download_list_and_rm_through_a_catalog_override() {
    let data_bytes = body(2_500_000);
    let server = serve(data_bytes.clone(), 1, 700_000);
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("catalog.json");
    std::fs::write(
        &catalog,
        serde_json::json!({ "models": [{
            "name": "mini", "file": "ggml-mini.bin", "url": server.url,
            "size": data_bytes.len(), "sha256": sha(&data_bytes),
            "language": "en", "description": "test"
        }]})
        .to_string(),
    )
    .unwrap();
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        utter(&data)
            .env("UTTER_MODEL_CATALOG", &catalog)
            .args(args)
            .output()
            .unwrap()
    };
    // The first response is cut at 700 kB: the download resumes and still verifies.
    let out = ok(run(&["models", "download", "mini"]));
    assert!(out.contains("mini ready"), "{out}");
    let file = data.join("models").join("ggml-mini.bin");
    assert_eq!(std::fs::read(&file).unwrap(), data_bytes);
    assert!(
        server.requests.lock().unwrap().iter().any(Option::is_some),
        "resumed with Range"
    );

    let list: serde_json::Value =
        serde_json::from_str(&ok(run(&["models", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["name"], "mini");
    assert_eq!(list[0]["installed"], true);
    let err = fail(run(&["models", "download", "nosuch"]));
    assert!(
        err.contains("unknown model") && err.contains("mini"),
        "{err}"
    );
    assert!(ok(run(&["models", "rm", "mini"])).contains("removed mini"));
    assert!(!file.exists());
}

#[test]
fn retention_deletes_old_recordings_and_keeps_transcripts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(utter(&data)
        .args(["dump", "--text", "call Joe tomorrow"])
        .output()
        .unwrap());
    let audio = data.join("audio");
    std::fs::create_dir_all(&audio).unwrap();
    let old = audio.join("old.wav");
    let fresh = audio.join("fresh.wav");
    let other = audio.join("notes.txt");
    for p in [&old, &fresh, &other] {
        std::fs::write(p, b"RIFF").unwrap();
    }
    let ten_days = SystemTime::now() - Duration::from_secs(10 * 86_400);
    for p in [&old, &other] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(ten_days)
            .unwrap();
    }
    // Default 30 days keeps a 10-day-old file.
    assert!(ok(utter(&data).arg("prune").output().unwrap()).contains("deleted 0"));
    ok(utter(&data)
        .args(["settings", "set", "audio.retention_days", "7"])
        .output()
        .unwrap());
    assert!(ok(utter(&data).arg("prune").output().unwrap()).contains("deleted 1"));
    assert!(
        !old.exists() && fresh.exists() && other.exists(),
        "only old .wav files go"
    );
    let board = ok(utter(&data)
        .args(["tasks", "list", "--json"])
        .output()
        .unwrap());
    assert!(
        board.contains("Call Joe"),
        "tasks and transcripts stay: {board}"
    );

    let err = fail(
        utter(&data)
            .args(["settings", "set", "audio.retention_days", "soon"])
            .output()
            .unwrap(),
    );
    assert!(err.contains("whole number"), "{err}");
    let err = fail(
        utter(&data)
            .args(["settings", "set", "voice.language", "klingon"])
            .output()
            .unwrap(),
    );
    assert!(err.contains("not a Whisper language"), "{err}");
    let err = fail(
        utter(&data)
            .args(["settings", "set", "no.such", "1"])
            .output()
            .unwrap(),
    );
    assert!(err.contains("unknown setting"), "{err}");
}

/// Microphone → transcript → tasks: speech played into a PulseAudio null sink whose monitor
/// is the default input, recorded by `utter record --seconds`.
#[test]
fn record_from_the_microphone_puts_tasks_on_the_board() {
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
    let mut cmd = utter(&data);
    for (k, v) in pulse.envs() {
        cmd.env(k, v);
    }
    let mut child = cmd
        .env("UTTER_MODEL", &model)
        .args([
            "record",
            "--seconds",
            "9",
            "--language",
            "en",
            "--json",
            "--now",
            "2026-11-23T09:00",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "record exited before recording"
        );
        if line.contains("recording for") {
            break;
        }
    }
    let played = pulse
        .cmd("paplay")
        .args(["-d", "virt"])
        .arg(&wav)
        .status()
        .unwrap();
    assert!(played.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "record failed: {rest}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_words(
        v["transcript"]["text"].as_str().unwrap(),
        &["joe", "renewal", "henderson"],
    );
    let audio = v["transcript"]["audio_path"].as_str().unwrap();
    assert!(Path::new(audio).starts_with(data.join("audio")), "{audio}");
    assert!(Path::new(audio).is_file());
    let titles: Vec<&str> = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert!(titles.iter().any(|t| t.contains("Joe")), "{titles:?}");
    assert!(rest.contains("… "), "partial text while recording: {rest}");
}

/// The app's retention thread prunes at start (and then daily) without anyone asking.
#[test]
fn the_retention_thread_prunes_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let svc = utter::Service::open(dir.path()).unwrap();
    svc.set_user_setting("audio.retention_days", "3").unwrap();
    let audio = svc.audio_dir();
    std::fs::create_dir_all(&audio).unwrap();
    let old = audio.join("old.wav");
    std::fs::write(&old, b"RIFF").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(5 * 86_400))
        .unwrap();
    let _thread = utter::service::spawn_audio_retention(&svc, Duration::from_secs(3600)).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while old.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !old.exists(),
        "old recording pruned by the background thread"
    );
}
