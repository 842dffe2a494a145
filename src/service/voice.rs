//! Voice on top of the board: which Whisper model and language to use, a warm engine,
//! audio file → transcript → tasks, microphone recordings, and audio retention.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::{DumpResult, Service, ServiceError, ServiceResult};
use crate::audio::{AudioError, Segmenter, VadConfig, prune_audio};
use crate::model::NewTranscript;
use crate::settings::{AUDIO_RETENTION_DAYS, VOICE_DEVICE};
use crate::stt::{self, ModelManager};
use crate::voice::{FinalTranscript, Recorder, RecorderOptions, Recording};

/// Overrides the model setting for one process (a catalog name or a ggml file path).
pub const MODEL_ENV: &str = "UTTER_MODEL";
/// A catalog file to use instead of the built-in one (mirrors, custom models).
pub const CATALOG_ENV: &str = "UTTER_MODEL_CATALOG";

/// Which model and language a transcription uses; `None` = settings, then defaults.
#[derive(Debug, Clone, Default)]
pub struct VoiceChoice {
    pub model: Option<String>,
    pub language: Option<String>,
}

impl Service {
    /// Recordings made by Utter live here (and only these are pruned by retention).
    pub fn audio_dir(&self) -> PathBuf {
        self.data_dir.join("audio")
    }

    /// The model manager over `<data dir>/models/` and the built-in catalog (or
    /// `UTTER_MODEL_CATALOG`).
    pub fn models(&self) -> ServiceResult<ModelManager> {
        let dir = self.data_dir.join("models");
        match std::env::var_os(CATALOG_ENV).filter(|v| !v.is_empty()) {
            Some(file) => {
                let catalog = stt::catalog_from_file(Path::new(&file))?;
                Ok(ModelManager::with_catalog(dir, catalog)?)
            }
            None => Ok(ModelManager::new(&self.data_dir)?),
        }
    }

    /// The ggml file for `choice`: an existing path is used as is, anything else is a
    /// catalog name that must be downloaded.
    pub fn model_path(&self, choice: Option<&str>) -> ServiceResult<PathBuf> {
        let name = match choice.map(str::to_owned) {
            Some(c) => c,
            None => match std::env::var(MODEL_ENV)
                .ok()
                .filter(|v| !v.trim().is_empty())
            {
                Some(env) => env,
                None => self.model_setting()?,
            },
        };
        let name = self.concrete_model(name)?;
        let as_path = Path::new(&name);
        if as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        if name.ends_with(".bin") || name.contains(std::path::MAIN_SEPARATOR) {
            return Err(stt::SttError::ModelMissing {
                path: as_path.to_path_buf(),
            }
            .into());
        }
        Ok(self.models()?.installed_path(&name)?)
    }

    /// Transcribes an audio file (WAV of any rate, channels and sample format) with the
    /// vocabulary.
    pub fn transcribe_file(
        &self,
        path: &Path,
        choice: &VoiceChoice,
    ) -> ServiceResult<(stt::Transcript, Arc<stt::Engine>)> {
        let samples = crate::audio::read_wav_16k_mono(path)?;
        let engine = self.stt_engine(choice)?;
        let transcript = self.transcribe_samples(&engine, &samples)?;
        Ok((transcript, engine))
    }

    /// A whole clip with the vocabulary (a plain and a prompted pass, merged; see
    /// [`stt::Vocabulary::transcribe`]) and its replacements. A clip without speech is not
    /// sent to Whisper: given a prompt and silence, it tends to read the prompt back.
    fn transcribe_samples(
        &self,
        engine: &stt::Engine,
        samples: &[f32],
    ) -> ServiceResult<stt::Transcript> {
        if !Segmenter::has_speech(samples, VadConfig::default()) {
            tracing::info!("no speech in the audio; Whisper not called");
            return Ok(stt::Transcript::default());
        }
        let vocabulary = self.vocabulary()?;
        Ok(vocabulary.transcribe(vocabulary.prompt(), |p| {
            engine.transcribe_with_prompt(samples, p)
        })?)
    }

    /// Audio file → transcript → tasks, saved together. The transcript records the file's
    /// absolute path, its duration and the model.
    pub fn dump_audio(
        &self,
        path: &Path,
        choice: &VoiceChoice,
        now: NaiveDateTime,
    ) -> ServiceResult<DumpResult> {
        let samples = crate::audio::read_wav_16k_mono(path)?;
        let engine = self.stt_engine(choice)?;
        let text = self.transcribe_samples(&engine, &samples)?;
        let duration_ms = samples.len() as u64 * 1000 / u64::from(crate::audio::SAMPLE_RATE);
        let audio_path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.dump_transcript(
            &text,
            Some(&audio_path),
            duration_ms,
            engine.model_name(),
            now,
        )
    }

    /// Saves a finished recording's transcript and the tasks in it.
    pub fn dump_recording(
        &self,
        rec: &FinalTranscript,
        now: NaiveDateTime,
    ) -> ServiceResult<DumpResult> {
        let said = stt::Transcript {
            text: rec.text.clone(),
            segments: rec.segments.clone(),
            language: rec.language.clone(),
        };
        self.dump_transcript(
            &said,
            Some(&rec.audio_path),
            rec.duration_ms,
            &rec.model,
            now,
        )
    }

    fn dump_transcript(
        &self,
        said: &stt::Transcript,
        audio_path: Option<&Path>,
        duration_ms: u64,
        model: &str,
        now: NaiveDateTime,
    ) -> ServiceResult<DumpResult> {
        if said.text.trim().is_empty() {
            return Err(ServiceError::NoSpeech);
        }
        let found = self.extract_said(&said.text, now, true)?;
        self.dump_found(
            NewTranscript {
                text: said.text.clone(),
                audio_path: audio_path.map(|p| p.to_string_lossy().into_owned()),
                duration_ms: i64::try_from(duration_ms).ok(),
                model: Some(model.to_owned()).filter(|m| !m.is_empty()),
                language: said.language.clone(),
            },
            found,
            &said.segments,
            now,
        )
    }

    /// Starts a microphone recording into the data dir's audio folder, transcribing while
    /// it runs. `device: None` uses the setting, then the system default.
    pub fn start_recording(
        &self,
        choice: &VoiceChoice,
        device: Option<String>,
        on_level: impl FnMut(crate::audio::Level) + Send + 'static,
        on_partial: impl FnMut(&stt::Partial) + Send + 'static,
    ) -> ServiceResult<Recording> {
        let engine = self.pending_engine(choice)?;
        let mut opts = RecorderOptions::new(self.audio_dir());
        opts.device = match device {
            Some(d) => Some(d),
            None => self.text(&VOICE_DEVICE)?,
        };
        opts.vocabulary = self.vocabulary()?;
        Ok(Recorder::start(Some(engine), opts, on_level, on_partial)?)
    }

    /// Opens the microphone for its level only (the settings page's meter): the audio goes to
    /// a scratch file that `cancel()` deletes, and nothing is transcribed.
    pub fn start_level_meter(
        &self,
        device: Option<String>,
        on_level: impl FnMut(crate::audio::Level) + Send + 'static,
    ) -> ServiceResult<Recording> {
        let mut opts = RecorderOptions::new(self.data_dir.join("tmp"));
        opts.device = match device {
            Some(d) => Some(d),
            None => self.text(&VOICE_DEVICE)?,
        };
        Ok(Recorder::start(
            None,
            opts,
            on_level,
            |_: &stt::Partial| {},
        )?)
    }

    /// Days recordings are kept ([`AUDIO_RETENTION_DAYS`]); `0` keeps them forever.
    pub fn retention_days(&self) -> ServiceResult<u32> {
        self.number(&AUDIO_RETENTION_DAYS)
    }

    /// Deletes recordings older than the retention setting; transcripts stay. Returns how
    /// many files were deleted (0 when retention is 0 = keep forever).
    pub fn prune_audio(&self) -> ServiceResult<usize> {
        let days = self.retention_days()?;
        if days == 0 {
            return Ok(0);
        }
        let deleted = prune_audio(&self.audio_dir(), days)?;
        if deleted > 0 {
            tracing::info!(deleted, days, "deleted old recordings");
        }
        Ok(deleted)
    }
}

/// Runs audio retention now and then every `every` (the app uses a day), on a background
/// thread that ends when the service is dropped.
pub fn spawn_audio_retention(
    service: &Arc<Service>,
    every: std::time::Duration,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    let weak = Arc::downgrade(service);
    std::thread::Builder::new()
        .name("utter-retention".into())
        .spawn(move || {
            while let Some(svc) = weak.upgrade() {
                if let Err(e) = svc.prune_audio() {
                    tracing::warn!("could not delete old recordings: {e}");
                }
                drop(svc);
                std::thread::sleep(every);
            }
        })
}

impl From<AudioError> for ServiceError {
    fn from(e: AudioError) -> Self {
        ServiceError::Voice(crate::voice::VoiceError::Audio(e))
    }
}

impl From<stt::SttError> for ServiceError {
    fn from(e: stt::SttError) -> Self {
        ServiceError::Voice(crate::voice::VoiceError::Stt(e))
    }
}
