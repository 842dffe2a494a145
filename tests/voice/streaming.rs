//! Transcription while the user speaks: VAD segments → partial text → small tail on stop.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use utter::audio::{VadConfig, read_wav_16k_mono};
use utter::stt::{EngineOptions, Partial, PendingEngine, StreamingTranscriber};
use utter::voice::{Recorder, RecorderOptions};

use super::capture::Pulse;
use super::support::{
    assert_words, engine, espeak, exclusive, helper_command, helper_result, is_helper, model_path,
    say, words,
};

pub const DUMP: [&str; 4] = [
    "call Joe tomorrow about the renewal",
    "the Henderson proposal is due on Friday",
    "remind me to book flights to Berlin",
    "buy milk and eggs on the way home",
];

/// A ~10 s brain dump: four sentences with a 0.9 s pause after each (16 kHz mono).
pub fn dump_wav(dir: &Path) -> PathBuf {
    let mut parts = Vec::new();
    for (i, s) in DUMP.iter().enumerate() {
        let raw = espeak(dir, &format!("s{i}.wav"), s);
        let padded = dir.join(format!("p{i}.wav"));
        // sox takes effects (pad) after the output file.
        let status = std::process::Command::new("sox")
            .arg(&raw)
            .args(["-r", "16000", "-c", "1", "-b", "16"])
            .arg(&padded)
            .args(["pad", "0", "0.9"])
            .status()
            .unwrap();
        assert!(status.success());
        parts.push(padded);
    }
    let out = dir.join("dump.wav");
    let status = std::process::Command::new("sox")
        .args(&parts)
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    out
}

/// Words the base model gets right on these espeak sentences (it hears "flights to Berlin"
/// as "Flite Stubberlin" and "milk and eggs" as "I will, and…").
const EXPECTED: [&str; 6] = ["joe", "renewal", "henderson", "friday", "remind", "home"];

/// Unpaced: the whole pipeline without a device, fed in 20 ms chunks.
#[test]
fn streaming_transcriber_emits_partials_per_sentence() {
    let _cpu = exclusive();
    let Some(engine) = engine() else { return };
    let dir = tempfile::tempdir().unwrap();
    let samples = read_wav_16k_mono(&dump_wav(dir.path())).unwrap();
    let partials = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&partials);
    let mut st = StreamingTranscriber::new(engine, VadConfig::default(), move |p| {
        sink.lock().unwrap().push(p.clone());
    })
    .unwrap();
    for chunk in samples.chunks(320) {
        st.push(chunk).unwrap();
    }
    let t = st.finish().unwrap();
    let partials = partials.lock().unwrap();
    eprintln!("{} partials; final: {:?}", partials.len(), t.text);
    // Fed faster than real time, queued segments are merged into fewer Whisper calls, so
    // count segments, not partial events.
    let cut = partials.last().map_or(0, |p| p.segments_done);
    assert!(cut >= 3, "cut at the pauses: {partials:?}");
    assert_words(&t.text, &EXPECTED);
    // Segment timestamps are positions in the whole recording, in order.
    assert!(
        t.segments
            .windows(2)
            .all(|w| w[0].start_ms <= w[1].start_ms)
    );
    // Merged segments may come back as one Whisper segment (it is prompted with the text
    // before, and decides its own cuts); its end is still in recording time.
    assert!(
        t.segments.last().unwrap().end_ms > 9_000,
        "{:?}",
        t.segments
    );
}

/// After an idle unload the next key press records at once while the model loads beside
/// it: audio pushed before the load finishes is queued, not lost — the first sentence
/// ("call Joe…") must be in the text.
#[test]
fn audio_pushed_while_the_model_loads_is_transcribed() {
    let _cpu = exclusive();
    let Some(path) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let samples = read_wav_16k_mono(&dump_wav(dir.path())).unwrap();
    let opts = EngineOptions {
        language: Some("en".into()),
        ..EngineOptions::default()
    };
    let pending = PendingEngine::load(&path, opts);
    let mut st = StreamingTranscriber::new(pending.clone(), VadConfig::default(), |_| {}).unwrap();
    // Loading base takes ~0.2 s or more; pushing 10 s of audio takes a few ms.
    for chunk in samples.chunks(320) {
        st.push(chunk).unwrap();
    }
    assert!(
        !pending.is_loaded(),
        "the audio was queued before the model was there"
    );
    let t = st.finish().unwrap();
    assert_words(&t.text, &EXPECTED);
}

/// A model that cannot load does not stop the recording: pushing goes on, and `finish`
/// says what failed.
#[test]
fn a_model_that_fails_to_load_is_reported_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("ggml-broken.bin");
    std::fs::write(&bad, b"not a model").unwrap();
    let pending = PendingEngine::load(&bad, EngineOptions::default());
    let mut st = StreamingTranscriber::new(pending, VadConfig::default(), |_| {}).unwrap();
    let speechlike: Vec<f32> = (0..16_000 * 3)
        .map(|i| ((i as f32) * 0.05).sin() * 0.3)
        .collect();
    for chunk in speechlike.chunks(320) {
        st.push(chunk).unwrap();
    }
    let err = st.finish().unwrap_err().to_string();
    assert!(err.contains("ggml-broken.bin"), "{err}");
}

/// Real time through a virtual microphone: the 10 s dump is played into a PulseAudio null
/// sink while recording; on "key release" only the tail is left to transcribe.
#[test]
fn key_release_to_text_latency_on_a_paced_device() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let Some(pulse) = Pulse::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let dump = dump_wav(dir.path());
    let out = dir.path().join("recordings");
    let mut envs = pulse.envs();
    envs.push(("UTTER_TEST_MODEL", &model));
    envs.push(("UTTER_HELPER_OUT", &out));
    let mut child = helper_command("voice::streaming::helper_record_until_stop", &envs)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        if line.unwrap().contains("STARTED") {
            break;
        }
    }
    let played = Instant::now();
    let status = pulse
        .cmd("paplay")
        .args(["-d", "virt"])
        .arg(&dump)
        .status()
        .unwrap();
    assert!(status.success());
    // The user lets go of the key right after the last word (+ playback latency).
    std::thread::sleep(Duration::from_millis(300));
    eprintln!("played {:?}", played.elapsed());
    writeln!(stdin, "stop").unwrap();
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    let _ = child.wait();
    let stdout = rest.join("\n");
    let r = helper_result(&stdout);
    eprintln!("{stdout}");
    assert_words(r["text"].as_str().unwrap(), &EXPECTED);
    let partials_before_stop = r["partials_before_stop"].as_u64().unwrap();
    assert!(
        partials_before_stop >= 1,
        "segments were transcribed while talking"
    );
    let latency = r["stop_to_text_ms"].as_u64().unwrap();
    let batch = r["batch_ms"].as_u64().unwrap();
    eprintln!(
        "key release → final text: {latency} ms; transcribing the whole recording after release instead: {batch} ms (partials before stop: {partials_before_stop})"
    );
    // How fast is a benchmark's business (scripts/bench-stt.sh), not a test's: this test
    // checks that the streaming path works on a real-time device and reports the numbers.
    assert!(latency > 0 && batch > 0);
}

#[test]
#[ignore = "helper: run in a child process by key_release_to_text_latency_on_a_paced_device"]
fn helper_record_until_stop() {
    if !is_helper("helper_record_until_stop") {
        return;
    }
    let out = PathBuf::from(std::env::var_os("UTTER_HELPER_OUT").unwrap());
    let engine = engine();
    let engine_for_batch = {
        let e = engine.clone().unwrap();
        move || e.clone()
    };
    let partials = Arc::new(Mutex::new(0u64));
    let count = Arc::clone(&partials);
    let started = Instant::now();
    let rec = Recorder::start(
        engine.map(Into::into),
        RecorderOptions::new(&out),
        |_| {},
        move |p| {
            *count.lock().unwrap() += 1;
            say(&format!(
                "PARTIAL:{:.1}s {}",
                started.elapsed().as_secs_f32(),
                p.text
            ));
        },
    )
    .unwrap();
    say("STARTED");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).unwrap();
    let before = *partials.lock().unwrap();
    let t = rec.stop().unwrap();
    // The alternative without streaming: transcribe the whole recording after release.
    let samples = read_wav_16k_mono(&t.audio_path).unwrap();
    let t0 = Instant::now();
    let _ = engine_for_batch().transcribe(&samples).unwrap();
    let batch_ms = t0.elapsed().as_millis() as u64;
    let mut v = serde_json::to_value(&t).unwrap();
    v["partials_before_stop"] = before.into();
    v["batch_ms"] = batch_ms.into();
    say(&format!("RESULT:{v}"));
}

/// One espeak sentence with its own leading and trailing silence trimmed, 16 kHz mono.
fn trimmed_sentence(dir: &Path, name: &str, text: &str) -> Vec<f32> {
    let raw = espeak(dir, &format!("{name}-raw.wav"), text);
    let out = dir.join(format!("{name}.wav"));
    let status = std::process::Command::new("sox")
        .arg(&raw)
        .args(["-r", "16000", "-c", "1", "-b", "16"])
        .arg(&out)
        .args([
            "silence", "1", "0.05", "0.5%", "reverse", "silence", "1", "0.05",
        ])
        .args(["0.5%", "reverse"])
        .status()
        .unwrap();
    assert!(status.success());
    read_wav_16k_mono(&out).unwrap()
}

/// Says `text`, then pauses for longer than it takes to start transcribing ahead but shorter
/// than a cut (0.6 s).
fn say_and_pause(st: &mut StreamingTranscriber, speech: &[f32]) {
    st.push(speech).unwrap();
    st.push(&vec![0.0; 16_000 * 35 / 100]).unwrap();
}

/// The last partial says one segment was cut and its text came from ahead.
fn assert_one_segment_taken_from_ahead(partials: &[Partial]) {
    let last = partials.last().unwrap();
    assert_eq!(
        (last.segments_done, last.taken_from_ahead, last.ahead),
        (1, 1, false),
        "{last:?}"
    );
}

fn wait_for(partials: &Mutex<Vec<Partial>>, what: impl Fn(&Partial) -> bool) -> Partial {
    let until = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(p) = partials.lock().unwrap().iter().find(|p| what(p)) {
            return p.clone();
        }
        assert!(Instant::now() < until, "no such partial: {partials:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn collecting_transcriber() -> Option<(StreamingTranscriber, Arc<Mutex<Vec<Partial>>>)> {
    let engine = engine()?;
    let partials = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&partials);
    let st = StreamingTranscriber::new(engine, VadConfig::default(), move |p| {
        sink.lock().unwrap().push(p.clone());
    })
    .unwrap();
    Some((st, partials))
}

/// The user stops talking and lets go of the key a moment later: the sentence is transcribed
/// during that moment, and release takes its text instead of calling Whisper again.
#[test]
fn a_pause_before_release_is_transcribed_ahead_and_reused() {
    let _cpu = exclusive();
    let Some((mut st, partials)) = collecting_transcriber() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    say_and_pause(&mut st, &trimmed_sentence(dir.path(), "a", DUMP[1]));
    let guess = wait_for(&partials, |p| p.ahead);
    assert_words(&guess.text, &["henderson", "friday"]);
    assert_eq!(guess.segments_done, 0, "not cut yet: the pause is short");
    let t = st.finish().unwrap();
    assert_eq!(t.text, guess.text, "release kept the text made ahead");
    assert_one_segment_taken_from_ahead(&partials.lock().unwrap());
}

/// A pause in mid-thought starts a transcription ahead; talking on cancels it, and the text
/// that counts is that of the whole sentence.
#[test]
fn talking_on_after_a_pause_replaces_the_text_made_ahead() {
    let _cpu = exclusive();
    let Some((mut st, partials)) = collecting_transcriber() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        trimmed_sentence(dir.path(), "a", DUMP[1]),
        trimmed_sentence(dir.path(), "b", DUMP[0]),
    );
    say_and_pause(&mut st, &a);
    // At once: the first guess is still being transcribed when the user goes on.
    say_and_pause(&mut st, &b);
    let guess = wait_for(&partials, |p| p.ahead);
    assert_words(&guess.text, &["henderson", "friday", "renewal"]);
    let t = st.finish().unwrap();
    assert_words(&t.text, &["henderson", "friday", "renewal"]);
    let partials = partials.lock().unwrap();
    assert!(
        partials
            .iter()
            .all(|p| words(&p.text).contains(&"renewal".to_owned())),
        "the guess made before the user talked on was cancelled, never shown: {partials:?}"
    );
    assert_one_segment_taken_from_ahead(&partials);
}
