//! The Whisper model kept in memory between recordings, loaded in the background when a
//! recording starts without it, and unloaded after a few idle minutes (a loaded model is
//! most of the app's memory: ~350 MB for base, ~1.3 GB for turbo q5).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::voice::VoiceChoice;
use super::{Service, ServiceResult};
use crate::settings::{VOICE_LANGUAGE, VOICE_UNLOAD_AFTER_MINUTES};
use crate::stt::{self, EngineOptions, PendingEngine};

pub(crate) struct WarmEngine {
    path: PathBuf,
    language: Option<String>,
    engine: PendingEngine,
    last_used: Instant,
}

impl Service {
    /// The engine for `choice`, loaded now if it is not warm: the same model and language
    /// reuse the engine loaded before (loading costs 0.1–0.5 s and ~300 MB for base).
    pub fn stt_engine(&self, choice: &VoiceChoice) -> ServiceResult<Arc<stt::Engine>> {
        Ok(self.pending_engine(choice)?.wait()?)
    }

    /// The engine for `choice`, maybe still loading: a recording starts on it at once and
    /// its transcriber waits for the load with the audio queued.
    pub fn pending_engine(&self, choice: &VoiceChoice) -> ServiceResult<PendingEngine> {
        let path = self.model_path(choice.model.as_deref())?;
        let language = match &choice.language {
            Some(l) => Some(l.clone()),
            None => self.text(&VOICE_LANGUAGE)?,
        };
        let mut cached = self.engine.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(warm) = cached.as_mut()
            && warm.path == path
            && warm.language == language
            && !warm.engine.failed()
        {
            warm.last_used = Instant::now();
            return Ok(warm.engine.clone());
        }
        // Drop the old model before loading the new one: two in memory can be ~1 GB.
        *cached = None;
        let engine = PendingEngine::load(
            &path,
            EngineOptions {
                language: language.clone(),
                ..EngineOptions::default()
            },
        );
        *cached = Some(WarmEngine {
            path,
            language,
            engine: engine.clone(),
            last_used: Instant::now(),
        });
        Ok(engine)
    }

    /// Marks the warm model as in use now (a recording that ran for minutes).
    pub fn touch_engine(&self) {
        let mut cached = self.engine.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(warm) = cached.as_mut() {
            warm.last_used = Instant::now();
        }
    }

    /// Whether a model is in memory (or loading).
    pub fn engine_loaded(&self) -> bool {
        self.engine
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// How long the model may sit unused ([`VOICE_UNLOAD_AFTER_MINUTES`]); `None` = never unload.
    pub fn unload_after(&self) -> ServiceResult<Option<Duration>> {
        let minutes = u64::from(self.number(&VOICE_UNLOAD_AFTER_MINUTES)?);
        Ok((minutes > 0).then(|| Duration::from_secs(minutes * 60)))
    }

    /// Drops the warm model when it has not been used for `idle`. A recording still
    /// holding it keeps it alive until it ends; the next one loads it again in the
    /// background. Returns whether it was dropped.
    pub fn unload_engine_if_idle(&self, idle: Duration) -> bool {
        let mut cached = self.engine.lock().unwrap_or_else(|p| p.into_inner());
        match cached.as_ref() {
            Some(warm) if warm.last_used.elapsed() >= idle => {
                tracing::info!(
                    model = %warm.path.display(),
                    idle_s = warm.last_used.elapsed().as_secs(),
                    "unloading the idle speech model"
                );
                *cached = None;
                true
            }
            _ => false,
        }
    }
}

/// Checks every `every` whether the warm model has idled past [`VOICE_UNLOAD_AFTER_MINUTES`] and drops
/// it (the desktop app runs this; the CLI exits long before).
pub fn spawn_engine_unloader(
    service: &Arc<Service>,
    every: Duration,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    let weak = Arc::downgrade(service);
    std::thread::Builder::new()
        .name("utter-model-idle".into())
        .spawn(move || {
            loop {
                std::thread::sleep(every);
                let Some(svc) = weak.upgrade() else { break };
                match svc.unload_after() {
                    Ok(Some(idle)) => {
                        svc.unload_engine_if_idle(idle);
                    }
                    Ok(None) => {}
                    Err(e) => tracing::warn!("{e}"),
                }
            }
        })
}
