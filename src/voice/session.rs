use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::VoiceError;
use crate::audio::{
    AudioError, Capture, CaptureEvent, CrashSafeWavWriter, Level, LevelMeter, MonoResampler,
    Received, SAMPLE_RATE, VadConfig, downmix,
};
use crate::stt::{Partial, PendingEngine, Segment, StreamingTranscriber, Vocabulary};

/// How a recording is made.
#[derive(Debug, Clone)]
pub struct RecorderOptions {
    /// Input device name or id; `None` = system default.
    pub device: Option<String>,
    /// Directory for the WAV recording (created if missing).
    pub out_dir: PathBuf,
    /// Where the stream is cut into utterances for transcription.
    pub vad: VadConfig,
    /// Level meter window.
    pub level_window_ms: u32,
    /// The words Whisper should know (prompt) and the replacements for what it hears.
    pub vocabulary: Vocabulary,
}

impl RecorderOptions {
    pub fn new(out_dir: impl Into<PathBuf>) -> Self {
        Self {
            device: None,
            out_dir: out_dir.into(),
            vad: VadConfig::default(),
            level_window_ms: 50,
            vocabulary: Vocabulary::default(),
        }
    }
}

/// The result of a recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FinalTranscript {
    pub text: String,
    pub segments: Vec<Segment>,
    pub audio_path: PathBuf,
    pub duration_ms: u64,
    /// Model name; empty when recorded without an engine.
    pub model: String,
    pub language: Option<String>,
    /// Time from `stop()` to the final text: what the user waits after releasing the key.
    pub stop_to_text_ms: u64,
    /// Set when the device failed mid-recording (e.g. unplugged): the audio up to that
    /// point is kept and transcribed, and this says why it ended early.
    pub device_error: Option<String>,
}

enum Control {
    Stop,
    Cancel,
}

/// Entry point: `Recorder::start(...)` → [`Recording`] → `stop()` / `cancel()`.
pub struct Recorder;

impl Recorder {
    /// Starts recording. Device and file errors are returned here, before anything runs.
    ///
    /// `engine: None` records audio only (the transcript is empty); `on_level` gets the input
    /// level every `level_window_ms`; `on_partial` gets the text so far after each pause.
    /// Both callbacks run on the session's threads and must not block for long.
    pub fn start(
        engine: Option<PendingEngine>,
        opts: RecorderOptions,
        on_level: impl FnMut(Level) + Send + 'static,
        on_partial: impl FnMut(&Partial) + Send + 'static,
    ) -> Result<Recording, VoiceError> {
        let capture = Capture::start(opts.device.as_deref())?;
        let format = capture.format();
        let writer = CrashSafeWavWriter::create_in(&opts.out_dir)?;
        let audio_path = writer.path().to_path_buf();
        let resampler = MonoResampler::new(format.sample_rate)?;
        let model = engine
            .as_ref()
            .map(PendingEngine::model_name)
            .unwrap_or_default();
        let streaming = match engine {
            Some(engine) => Some(StreamingTranscriber::with_vocabulary(
                engine,
                opts.vad,
                opts.vocabulary,
                on_partial,
            )?),
            None => None,
        };
        tracing::info!(device = capture.device_name(), path = %audio_path.display(), "recording started");

        let recorded = Arc::new(AtomicU64::new(0));
        let (control_tx, control_rx) = mpsc::channel();
        let worker = Worker {
            capture: Some(capture),
            channels: format.channels,
            resampler,
            meter: LevelMeter::new(SAMPLE_RATE, opts.level_window_ms),
            on_level: Box::new(on_level),
            writer: Some(writer),
            streaming,
            recorded: Arc::clone(&recorded),
            device_error: None,
            buf: Vec::with_capacity(4096),
        };
        let thread = std::thread::Builder::new()
            .name("utter-recorder".into())
            .spawn(move || worker.run(control_rx, model))
            .map_err(|_| VoiceError::ThreadGone)?;
        Ok(Recording {
            control: control_tx,
            thread: Some(thread),
            audio_path,
            recorded,
        })
    }
}

/// A running recording. Dropping it without `stop()` cancels it.
pub struct Recording {
    control: Sender<Control>,
    thread: Option<JoinHandle<Result<Option<FinalTranscript>, VoiceError>>>,
    audio_path: PathBuf,
    recorded: Arc<AtomicU64>,
}

impl Recording {
    /// The WAV being written (valid on disk at every moment, up to ~0.5 s behind).
    pub fn audio_path(&self) -> &Path {
        &self.audio_path
    }

    /// 16 kHz samples written to the WAV so far.
    pub fn samples_recorded(&self) -> u64 {
        self.recorded.load(Ordering::Relaxed)
    }

    /// Stops capturing and returns the final transcript (only the tail after the last pause
    /// is still to transcribe at this point).
    pub fn stop(mut self) -> Result<FinalTranscript, VoiceError> {
        let _ = self.control.send(Control::Stop);
        let thread = self.thread.take().ok_or(VoiceError::ThreadGone)?;
        thread
            .join()
            .map_err(|_| VoiceError::ThreadGone)??
            .ok_or(VoiceError::ThreadGone)
    }

    /// Stops capturing and deletes the recording; nothing is transcribed.
    pub fn cancel(mut self) -> Result<(), VoiceError> {
        let _ = self.control.send(Control::Cancel);
        match self.thread.take() {
            Some(thread) => thread
                .join()
                .map_err(|_| VoiceError::ThreadGone)?
                .map(|_| ()),
            None => Ok(()),
        }
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        if self.thread.is_some() {
            let _ = self.control.send(Control::Cancel);
        }
    }
}

struct Worker {
    capture: Option<Capture>,
    channels: u16,
    resampler: MonoResampler,
    meter: LevelMeter,
    on_level: Box<dyn FnMut(Level) + Send>,
    writer: Option<CrashSafeWavWriter>,
    streaming: Option<StreamingTranscriber>,
    recorded: Arc<AtomicU64>,
    device_error: Option<AudioError>,
    buf: Vec<f32>,
}

impl Worker {
    fn run(
        mut self,
        control: Receiver<Control>,
        model: String,
    ) -> Result<Option<FinalTranscript>, VoiceError> {
        let cancel = loop {
            match control.try_recv() {
                Ok(Control::Stop) => break false,
                Ok(Control::Cancel) | Err(TryRecvError::Disconnected) => break true,
                Err(TryRecvError::Empty) => {}
            }
            let Some(capture) = self.capture.as_ref() else {
                // The device died: wait for the caller to stop or cancel.
                match control.recv() {
                    Ok(Control::Stop) => break false,
                    _ => break true,
                }
            };
            match capture.recv_timeout(Duration::from_millis(20)) {
                Received::Event(CaptureEvent::Samples(raw)) => self.process(&raw)?,
                Received::Event(CaptureEvent::Error(err)) => {
                    tracing::warn!(error = %err, "input device failed; keeping what was recorded");
                    self.device_error = Some(err);
                    if let Some(c) = self.capture.take() {
                        for ev in c.stop() {
                            if let CaptureEvent::Samples(raw) = ev {
                                self.process(&raw)?;
                            }
                        }
                    }
                }
                Received::Timeout => {}
                Received::Closed => {
                    self.capture = None;
                }
            }
        };

        if cancel {
            drop(self.capture.take());
            drop(self.streaming.take());
            if let Some(w) = self.writer.take() {
                w.discard()?;
            }
            tracing::info!("recording cancelled");
            return Ok(None);
        }

        let stopped = Instant::now();
        if let Some(c) = self.capture.take() {
            for ev in c.stop() {
                if let CaptureEvent::Samples(raw) = ev {
                    self.process(&raw)?;
                }
            }
        }
        let mut tail = Vec::new();
        self.resampler.finish(&mut tail)?;
        self.consume(&tail)?;
        let writer = self.writer.take().ok_or(VoiceError::ThreadGone)?;
        let duration_ms = writer.duration_ms();
        let audio_path = writer.finalize()?;
        let transcript = match self.streaming.take() {
            Some(s) => Some(s.finish()?),
            None => None,
        };
        let stop_to_text_ms = stopped.elapsed().as_millis() as u64;
        tracing::info!(duration_ms, stop_to_text_ms, "recording finished");
        let (text, segments, language) = transcript
            .map(|t| (t.text, t.segments, t.language))
            .unwrap_or_default();
        Ok(Some(FinalTranscript {
            text,
            segments,
            audio_path,
            duration_ms,
            model,
            language,
            stop_to_text_ms,
            device_error: self.device_error.map(|e| e.to_string()),
        }))
    }

    /// Device-format audio → 16 kHz mono → meter, WAV, transcriber.
    fn process(&mut self, raw: &[f32]) -> Result<(), VoiceError> {
        let mono = downmix(raw, self.channels);
        let mut out = std::mem::take(&mut self.buf);
        out.clear();
        self.resampler.process(&mono, &mut out)?;
        let result = self.consume(&out);
        self.buf = out;
        result
    }

    fn consume(&mut self, samples: &[f32]) -> Result<(), VoiceError> {
        if samples.is_empty() {
            return Ok(());
        }
        let on_level = &mut self.on_level;
        self.meter.push(samples, on_level);
        if let Some(w) = self.writer.as_mut() {
            w.write(samples)?;
            self.recorded.store(w.samples_written(), Ordering::Relaxed);
        }
        if let Some(s) = self.streaming.as_mut() {
            s.push(samples)?;
        }
        Ok(())
    }
}
