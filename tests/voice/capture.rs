//! Capture from virtual devices, in child processes (ALSA reads `~/.asoundrc` once per
//! process, and the crash test needs a process to kill).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use utter::audio::{list_input_devices, read_wav_16k_mono, repair_wav};
use utter::voice::{Recorder, RecorderOptions};

use super::support::{
    PHRASE, engine, espeak, exclusive, helper_command, helper_result, is_helper, model_path, say,
    sox,
};

/// A temp `HOME` whose `.asoundrc` makes ALSA's default capture device read `raw` (48 kHz
/// stereo s16) as fast as it is asked — TESTING.md's unpaced recipe.
fn alsa_file_home(raw: &Path) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let conf = format!(
        "pcm.speechfile {{ type file slave.pcm \"null\" file \"/dev/null\" infile \"{}\" format \"raw\" }}\n\
         pcm.!default {{ type plug slave {{ pcm \"speechfile\" format S16_LE rate 48000 channels 2 }} }}\n",
        raw.display()
    );
    std::fs::write(home.path().join(".asoundrc"), conf).unwrap();
    home
}

fn speech_raw(dir: &Path) -> PathBuf {
    let wav = espeak(dir, "speech.wav", PHRASE);
    let raw = dir.join("speech_48k_s16_stereo.raw");
    sox(
        &wav,
        &[
            "-r",
            "48000",
            "-c",
            "2",
            "-b",
            "16",
            "-e",
            "signed-integer",
            "-t",
            "raw",
        ],
        &raw,
    );
    raw
}

/// Unpaced capture through ALSA's `file` plugin: the 48 kHz stereo S16 device is opened at
/// its native format, converted to 16 kHz mono and recorded, and the recording reaches the
/// transcriber. Words are asserted on the paced PulseAudio device (streaming.rs): with cpal
/// 0.18 this unpaced source skips about a third of the samples (the speech arrives
/// time-compressed), which garbles words — a quirk of the virtual device, not of real mics.
#[test]
fn alsa_capture_reaches_the_transcriber() {
    let _cpu = exclusive();
    let Some(model) = model_path() else { return };
    let dir = tempfile::tempdir().unwrap();
    let raw = speech_raw(dir.path());
    let home = alsa_file_home(&raw);
    let out = dir.path().join("recordings");
    let output = helper_command(
        "voice::capture::helper_record_alsa",
        &[
            ("HOME", home.path()),
            ("UTTER_TEST_MODEL", &model),
            ("UTTER_HELPER_OUT", &out),
        ],
    )
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "helper failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let r = helper_result(&stdout);
    eprintln!("transcript via unpaced ALSA: {:?}", r["text"]);
    assert_eq!(r["model"], "base");
    let audio = PathBuf::from(r["audio_path"].as_str().unwrap());
    assert!(audio.starts_with(&out));
    let samples = read_wav_16k_mono(&audio).unwrap();
    let clip_s = std::fs::metadata(&raw).unwrap().len() as f64 / (48_000.0 * 4.0);
    assert!(
        samples.len() as f64 >= clip_s * 16_000.0,
        "recording covers the clip"
    );
    let head = &samples[..32_000];
    let rms = (head.iter().map(|x| x * x).sum::<f32>() / head.len() as f32).sqrt();
    assert!(rms > 0.02, "speech reached the recording (rms {rms})");
    assert!(
        r["devices"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == "default")
    );
}

#[test]
#[ignore = "helper: run in a child process by alsa_capture_reaches_the_transcriber"]
fn helper_record_alsa() {
    if !is_helper("helper_record_alsa") {
        return;
    }
    let devices = list_input_devices().unwrap();
    let out = PathBuf::from(std::env::var_os("UTTER_HELPER_OUT").unwrap());
    let rec = Recorder::start(
        engine().map(Into::into),
        RecorderOptions::new(&out),
        |_| {},
        |_| {},
    )
    .unwrap();
    // Unpaced: the clip (~2.5 s) arrives within moments; wait for it plus a second of the
    // silence that follows so the VAD closes the segment.
    let deadline = Instant::now() + Duration::from_secs(20);
    while rec.samples_recorded() < 16_000 * 5 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let t = rec.stop().unwrap();
    let mut v = serde_json::to_value(&t).unwrap();
    v["devices"] = serde_json::to_value(&devices).unwrap();
    say(&format!("RESULT:{v}"));
}

#[test]
fn a_missing_device_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("x.raw");
    std::fs::write(&raw, [0u8; 64]).unwrap();
    let home = alsa_file_home(&raw);
    let output = helper_command(
        "voice::capture::helper_missing_device",
        &[("HOME", home.path())],
    )
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let r = helper_result(&stdout);
    let msg = r["error"].as_str().unwrap();
    assert!(
        msg.contains("USB Headset 3000") && msg.contains("not found"),
        "{msg}"
    );
}

#[test]
#[ignore = "helper: run in a child process by a_missing_device_is_a_clear_error"]
fn helper_missing_device() {
    if !is_helper("helper_missing_device") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut opts = RecorderOptions::new(dir.path());
    opts.device = Some("USB Headset 3000".into());
    let err = Recorder::start(None, opts, |_| {}, |_| {}).err().unwrap();
    // Nothing may be left behind for a recording that never started.
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
    say(&format!(
        "RESULT:{}",
        serde_json::json!({ "error": err.to_string() })
    ));
}

/// A PulseAudio daemon with a null sink whose monitor is the default source: real-time
/// paced capture (TESTING.md). Stopped on drop.
pub struct Pulse {
    pub home: tempfile::TempDir,
    pub runtime: tempfile::TempDir,
}

impl Pulse {
    pub fn start() -> Option<Self> {
        if Command::new("pulseaudio")
            .arg("--version")
            .output()
            .is_err()
        {
            assert!(
                std::env::var_os("CI").is_none(),
                "pulseaudio is missing under CI; `make test` installs it (scripts/deps.sh)"
            );
            eprintln!(
                "NOTICE: pulseaudio not installed (apt pulseaudio pulseaudio-utils libasound2-plugins); skipping"
            );
            return None;
        }
        let home = tempfile::tempdir().unwrap();
        let runtime = tempfile::tempdir().unwrap();
        let p = Self { home, runtime };
        let status = p
            .cmd("pulseaudio")
            .args([
                "-D",
                "--exit-idle-time=-1",
                "-n",
                "--load=module-null-sink sink_name=virt",
                "--load=module-native-protocol-unix",
            ])
            .status()
            .unwrap();
        assert!(status.success(), "pulseaudio failed to start");
        let ok = p
            .cmd("pactl")
            .args(["set-default-source", "virt.monitor"])
            .status()
            .unwrap();
        assert!(ok.success());
        Some(p)
    }

    pub fn cmd(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.env("HOME", self.home.path())
            .env("XDG_RUNTIME_DIR", self.runtime.path());
        c
    }

    pub fn envs(&self) -> Vec<(&'static str, &Path)> {
        vec![
            ("HOME", self.home.path()),
            ("XDG_RUNTIME_DIR", self.runtime.path()),
        ]
    }
}

impl Drop for Pulse {
    fn drop(&mut self) {
        let _ = self.cmd("pactl").arg("exit").status();
    }
}

/// `kill -9` during a recording loses at most about a second: the WAV is repaired and its
/// length matches what the recorder had reported.
#[test]
fn wav_survives_kill_9_of_the_recording_process() {
    let Some(pulse) = Pulse::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let src = espeak(
        dir.path(),
        "speech.wav",
        &format!("{PHRASE}. {PHRASE}. {PHRASE}."),
    );
    let out = dir.path().join("recordings");
    let mut envs = pulse.envs();
    envs.push(("UTTER_HELPER_OUT", &out));
    let mut child = helper_command("voice::capture::helper_record_forever", &envs)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut path = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        // libtest prints "test … ... " without a newline before the helper's first line.
        if let Some(i) = line.find("PATH:") {
            path = Some(PathBuf::from(&line[i + 5..]));
            break;
        }
    }
    let path = path.expect("helper started recording");
    let mut player = pulse
        .cmd("paplay")
        .args(["-d", "virt"])
        .arg(&src)
        .spawn()
        .unwrap();

    // Read progress for ~3 s of recording, then kill without warning.
    let mut last_ms = 0u64;
    let started = Instant::now();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(ms) = line.strip_prefix("RECORDED_MS:") {
            last_ms = ms.parse().unwrap();
            if last_ms >= 3_000 || started.elapsed() > Duration::from_secs(15) {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let _ = child.wait();
    let _ = player.kill();
    let _ = player.wait();
    assert!(last_ms >= 2_000, "recorder made progress: {last_ms} ms");

    let report = repair_wav(&path).unwrap();
    let samples = read_wav_16k_mono(&path).unwrap();
    let file_ms = samples.len() as u64 * 1000 / 16_000;
    eprintln!("last reported {last_ms} ms, file after repair {file_ms} ms ({report:?})");
    assert!(
        file_ms + 1_000 >= last_ms,
        "lost more than 1 s: file {file_ms} ms vs {last_ms} ms"
    );
    assert!(
        file_ms <= last_ms + 1_000,
        "file longer than recorded: {file_ms} vs {last_ms}"
    );
    // Real audio, not zeros: the speech played into the sink is in the file.
    assert!(samples.iter().any(|s| s.abs() > 0.05));
}

#[test]
#[ignore = "helper: run in a child process by wav_survives_kill_9_of_the_recording_process"]
fn helper_record_forever() {
    if !is_helper("helper_record_forever") {
        return;
    }
    let out = PathBuf::from(std::env::var_os("UTTER_HELPER_OUT").unwrap());
    let rec = Recorder::start(None, RecorderOptions::new(&out), |_| {}, |_| {}).unwrap();
    say(&format!("PATH:{}", rec.audio_path().display()));
    loop {
        std::thread::sleep(Duration::from_millis(100));
        say(&format!("RECORDED_MS:{}", rec.samples_recorded() / 16));
    }
}
