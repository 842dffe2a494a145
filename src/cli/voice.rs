//! `utter models`, `transcribe`, `record`, `devices`, `settings`, `prune` and `dump FILE`.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use indicatif::{ProgressBar, ProgressStyle};

use super::args::{EngineArg, ModelsCmd, RecordArgs, SettingsCmd, VoiceArgs};
use super::run::{out, out_json, parse_now};
use super::{render, runtime};
use crate::error::{Error, Result};
use crate::service::{DumpResult, Refinement, Service, ServiceError, VoiceChoice};

impl From<VoiceArgs> for VoiceChoice {
    fn from(a: VoiceArgs) -> Self {
        VoiceChoice {
            model: a.model,
            language: a.language,
        }
    }
}

pub fn models(svc: &Service, cmd: ModelsCmd) -> Result<()> {
    let manager = svc.models()?;
    match cmd {
        ModelsCmd::List { json } => {
            let list = manager.list();
            if json {
                out_json(&list)
            } else {
                let auto = svc.auto_model()?;
                out(&render::models(&list, &auto))
            }
        }
        ModelsCmd::Recommend {
            json,
            cores,
            memory_gb,
            gpu,
        } => {
            let here = crate::stt::MachineProfile::detect();
            let machine = crate::stt::MachineProfile {
                cores: cores.unwrap_or(here.cores),
                memory_mb: memory_gb.map_or(here.memory_mb, |g| g * 1000),
                gpu: gpu || here.gpu,
            };
            let auto = svc.auto_model_for(machine)?;
            if json {
                out_json(&auto)
            } else {
                out(&render::auto_model(&auto))
            }
        }
        ModelsCmd::Download { name } => {
            let name = match name {
                Some(n) => n,
                None => svc.auto_model()?.recommended.name,
            };
            let info = manager.info(&name)?.clone();
            let bar = download_bar(&info.name, info.size);
            let result = runtime()?.block_on(manager.download(&name, &mut |p| {
                if let Some(total) = p.total {
                    bar.set_length(total);
                }
                bar.set_position(p.downloaded);
            }));
            bar.finish_and_clear();
            let path = result?;
            out(&format!("{} ready at {}", info.name, path.display()))
        }
        ModelsCmd::Rm { name } => {
            if manager.remove(&name)? {
                out(&format!("removed {name}"))
            } else {
                out(&format!("{name} was not downloaded"))
            }
        }
    }
}

/// A byte progress bar on stderr; hidden when stderr is not a terminal (logs, CI).
pub(super) fn download_bar(name: &str, size: u64) -> ProgressBar {
    progress_bar(
        size,
        "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        &format!("downloading {name}"),
    )
}

/// A progress bar on stderr drawn with `template`; hidden when stderr is not a terminal.
pub(super) fn progress_bar(len: u64, template: &str, msg: &str) -> ProgressBar {
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(len)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(msg.to_string());
    bar
}

pub fn transcribe(svc: &Service, file: &Path, voice: VoiceArgs, json: bool) -> Result<()> {
    let (transcript, engine) = svc.transcribe_file(file, &voice.into())?;
    if json {
        out_json(&serde_json::json!({
            "text": transcript.text,
            "language": transcript.language,
            "model": engine.model_name(),
            "segments": transcript.segments,
        }))
    } else {
        out(&transcript.text)
    }
}

pub fn dump_file(
    svc: &Service,
    file: &Path,
    voice: VoiceArgs,
    now: Option<&str>,
    engine: EngineArg,
    json: bool,
) -> Result<()> {
    let now = parse_now(now)?;
    if matches!(engine, EngineArg::Llm) && svc.llm_config()?.is_none() {
        return Err(ServiceError::NoLlmConfigured.into());
    }
    prune_quietly(svc);
    let mut result = svc.dump_audio(file, &voice.into(), now)?;
    if !matches!(engine, EngineArg::Offline) {
        refined(svc, &mut result, now)?;
    }
    if json {
        out_json(&result)
    } else {
        out(&format!(
            "{}\n{}",
            result.transcript.text,
            render::dump_outcome(&result)
        ))
    }
}

pub fn record(svc: &Arc<Service>, a: RecordArgs) -> Result<()> {
    let now = parse_now(a.now.as_deref())?;
    if let Some(s) = a.seconds
        && !(s.is_finite() && s > 0.0 && s <= 3600.0)
    {
        return Err(Error::Usage("--seconds must be between 0 and 3600".into()));
    }
    prune_quietly(svc);
    let tty = std::io::stderr().is_terminal();
    let meter = Arc::new(std::sync::Mutex::new(String::new()));
    let partial_line = Arc::clone(&meter);
    let recording = svc.start_recording(
        &a.voice.into(),
        a.device,
        move |level| {
            if tty {
                let text = partial_line.lock().map(|t| t.clone()).unwrap_or_default();
                eprint!(
                    "\r\x1b[2K{} {}",
                    render::level_bar(level.rms_dbfs),
                    tail(&text, 60)
                );
            }
        },
        move |partial| {
            if let Ok(mut t) = meter.lock() {
                t.clone_from(&partial.text);
            }
            if !tty {
                eprintln!("… {}", partial.text);
            }
        },
    )?;
    match a.seconds {
        Some(s) => {
            eprintln!(
                "recording for {s} s to {}",
                recording.audio_path().display()
            );
            std::thread::sleep(Duration::from_secs_f64(s));
        }
        None => {
            eprintln!(
                "recording to {} — press Enter to stop",
                recording.audio_path().display()
            );
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
        }
    }
    let done = recording.stop()?;
    if tty {
        eprint!("\r\x1b[2K");
    }
    if let Some(why) = &done.device_error {
        eprintln!("warning: the recording ended early: {why}");
    }
    if a.no_save {
        return if a.json {
            out_json(&done)
        } else {
            out(&done.text)
        };
    }
    let mut result = svc.dump_recording(&done, now).map_err(|e| {
        Error::Io(format!(
            "{e} (the audio is kept at {})",
            done.audio_path.display()
        ))
    })?;
    // The cards from the live text are saved; the whole recording in one pass has the last
    // word on the text (see `Service::final_pass`).
    let id = result.transcript.id;
    if let Some(Refinement::Refined { tasks, .. }) = svc.final_pass(id, now)? {
        result.tasks = tasks;
        result.items = svc.dump_items(id)?;
        result.transcript.text = svc.get_dump(id)?.text;
    }
    refined(svc, &mut result, now)?;
    if a.json {
        let mut v = serde_json::to_value(&result).map_err(|e| Error::Io(e.to_string()))?;
        v["stop_to_text_ms"] = serde_json::json!(done.stop_to_text_ms);
        out_json(&v)
    } else {
        out(&format!(
            "{}\n{}",
            result.transcript.text,
            render::dump_outcome(&result)
        ))
    }
}

/// The offline cards are saved already; the model (when there is one) refines them in place.
fn refined(svc: &Service, result: &mut DumpResult, now: NaiveDateTime) -> Result<()> {
    let id = result.transcript.id;
    match runtime()?.block_on(svc.refine_dump(id, &result.tasks, now))? {
        Refinement::Refined { tasks, .. } => {
            result.tasks = tasks;
            result.items = svc.dump_items(id)?;
        }
        Refinement::NoModel => {}
        Refinement::Failed { reason } => {
            eprintln!(
                "warning: the language model failed ({reason}); kept the offline engine's tasks"
            );
        }
    }
    Ok(())
}

fn tail(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.len().saturating_sub(max);
    chars[start..].iter().collect()
}

/// Retention runs before each recording; a failure to prune must not stop one.
fn prune_quietly(svc: &Service) {
    if let Err(e) = svc.prune_audio() {
        tracing::warn!("could not delete old recordings: {e}");
    }
}

pub fn devices(json: bool) -> Result<()> {
    let list = crate::audio::list_input_devices().map_err(crate::service::ServiceError::from)?;
    if json {
        out_json(&list)
    } else if list.is_empty() {
        out("no input devices found; plug in a microphone or check the system's sound settings")
    } else {
        out(&render::devices(&list))
    }
}

pub fn settings(svc: &Service, cmd: SettingsCmd) -> Result<()> {
    match cmd {
        SettingsCmd::List { json } => {
            let entries = svc.user_settings()?;
            if json {
                out_json(&entries)
            } else {
                out(&render::settings(&entries, &svc.list_settings()?))
            }
        }
        SettingsCmd::Get { key } => out(&svc.get_user_setting(&key)?.unwrap_or_default()),
        SettingsCmd::Set { key, value } => svc.set_user_setting(&key, &value).map_err(Into::into),
        SettingsCmd::Unset { key } => svc.unset_user_setting(&key).map_err(Into::into),
    }
}

pub fn prune(svc: &Service) -> Result<()> {
    let days = svc.retention_days()?;
    let n = svc.prune_audio()?;
    if days == 0 {
        out("audio.retention_days is 0: recordings are kept forever")
    } else {
        out(&format!("deleted {n} recording(s) older than {days} days"))
    }
}
