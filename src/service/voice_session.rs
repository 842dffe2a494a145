//! One push-to-talk recording at a time, as the desktop's hotkey, tray and overlay drive it:
//! start → level + partial events → stop → transcript → tasks (or cancel, which discards).
//! Lives in the core so the CLI tests and the app share the exact path.

use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
use specta::Type;

use super::{DumpResult, Refinement, Service, ServiceError, ServiceResult, VoiceChoice};
use crate::audio::Level;
use crate::model::Task;
use crate::voice::Recording;

/// What the recorder is doing; the tray icon and the overlay show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum VoiceState {
    #[default]
    Idle,
    Recording,
    Transcribing,
}

/// Sent to every window as the `voice` event.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VoiceEvent {
    State {
        state: VoiceState,
    },
    /// Input level scaled to 0..1 for a meter (−60 dBFS → 0, 0 dBFS → 1).
    Level {
        #[specta(type = crate::model::FiniteNumber)]
        level: f32,
    },
    Partial {
        text: String,
    },
    Done {
        text: String,
        transcript_id: i64,
        /// The new cards.
        task_ids: Vec<i64>,
        titles: Vec<String>,
        /// Cards already on the board that the dump changed: "Book the dentist: due 2026-12-11".
        changed: Vec<String>,
        /// Questions asked in the dump, answered from the board.
        answers: Vec<crate::reconcile::Answer>,
    },
    /// The dump was read again — the final pass over the whole recording, or the language
    /// model — and these are its cards now (replacing `Done`'s).
    Refined {
        task_ids: Vec<i64>,
        titles: Vec<String>,
    },
    Cancelled,
    Error {
        message: String,
    },
}

type Emit = Arc<dyn Fn(VoiceEvent) + Send + Sync>;

pub struct VoiceSession {
    service: Arc<Service>,
    emit: Emit,
    /// Whether a configured language model rereads each dump; off leaves voice dumps to the
    /// offline engine.
    with_llm: bool,
    inner: Mutex<Inner>,
    level_test: Mutex<Option<Recording>>,
    /// The final passes (and model rereads) still running, for [`VoiceSession::settle`].
    background: Mutex<Vec<std::thread::JoinHandle<()>>>,
}

#[derive(Default)]
struct Inner {
    state: VoiceState,
    recording: Option<Recording>,
}

/// What a finished recording produced.
#[derive(Debug, Clone)]
pub struct VoiceOutcome {
    pub text: String,
    /// Everything the dump did: new cards, cards it changed, questions answered.
    pub result: DumpResult,
    pub tasks: Vec<Task>,
    pub transcript_id: i64,
    /// From key release to the tasks being saved.
    pub stop_to_saved_ms: u64,
}

impl VoiceSession {
    pub fn new(service: Arc<Service>, emit: impl Fn(VoiceEvent) + Send + Sync + 'static) -> Self {
        Self {
            service,
            emit: Arc::new(emit),
            with_llm: false,
            inner: Mutex::new(Inner::default()),
            level_test: Mutex::new(None),
            background: Mutex::new(Vec::new()),
        }
    }

    /// After each dump, a configured language model rereads the transcript and refines the
    /// cards in place (in the background; `Refined` says when).
    pub fn with_llm(mut self) -> Self {
        self.with_llm = true;
        self
    }

    pub fn state(&self) -> VoiceState {
        self.lock().state
    }

    /// Starts recording from the configured microphone. Already recording: nothing happens.
    pub fn start(&self) -> ServiceResult<()> {
        let mut inner = self.lock();
        match inner.state {
            VoiceState::Recording => return Ok(()),
            VoiceState::Transcribing => {
                return Err(self.fail(ServiceError::Busy(
                    "still transcribing the last recording; try again in a moment".into(),
                )));
            }
            VoiceState::Idle => {}
        }
        let level_emit = Arc::clone(&self.emit);
        let partial_emit = Arc::clone(&self.emit);
        let recording = self
            .service
            .start_recording(
                &VoiceChoice::default(),
                None,
                move |l: Level| {
                    level_emit(VoiceEvent::Level {
                        level: meter_level(l),
                    })
                },
                move |p: &crate::stt::Partial| {
                    partial_emit(VoiceEvent::Partial {
                        text: p.text.clone(),
                    })
                },
            )
            .map_err(|e| self.fail(e))?;
        inner.recording = Some(recording);
        inner.state = VoiceState::Recording;
        drop(inner);
        (self.emit)(VoiceEvent::State {
            state: VoiceState::Recording,
        });
        Ok(())
    }

    /// Stops, transcribes the tail, extracts and saves the tasks. `Ok(None)` when nothing
    /// was recording.
    pub fn stop(&self, now: chrono::NaiveDateTime) -> ServiceResult<Option<VoiceOutcome>> {
        let recording = {
            let mut inner = self.lock();
            let Some(rec) = inner.recording.take() else {
                return Ok(None);
            };
            inner.state = VoiceState::Transcribing;
            rec
        };
        (self.emit)(VoiceEvent::State {
            state: VoiceState::Transcribing,
        });
        let started = std::time::Instant::now();
        let result = recording
            .stop()
            .map_err(ServiceError::from)
            .and_then(|fin| {
                if let Some(why) = &fin.device_error {
                    tracing::warn!("the microphone stopped early: {why}");
                }
                self.service.dump_recording(&fin, now)
            });
        // The idle clock for unloading the model starts when the user stops talking.
        self.service.touch_engine();
        self.set_idle();
        match result {
            Ok(result) => {
                let outcome = VoiceOutcome {
                    text: result.transcript.text.clone(),
                    transcript_id: result.transcript.id,
                    tasks: result.tasks.clone(),
                    result,
                    stop_to_saved_ms: started.elapsed().as_millis() as u64,
                };
                tracing::info!(
                    ms = outcome.stop_to_saved_ms,
                    tasks = outcome.tasks.len(),
                    "recording saved"
                );
                (self.emit)(VoiceEvent::Done {
                    text: outcome.text.clone(),
                    transcript_id: outcome.transcript_id,
                    task_ids: outcome.tasks.iter().map(|t| t.id).collect(),
                    titles: outcome.tasks.iter().map(|t| t.title.clone()).collect(),
                    changed: outcome
                        .result
                        .changed()
                        .map(|i| format!("{}: {}", i.task.title, i.changes.join(", ")))
                        .collect(),
                    answers: outcome.result.answers.clone(),
                });
                self.refine_in_background(&outcome, now);
                Ok(Some(outcome))
            }
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Stops and discards the recording (Esc in the overlay).
    pub fn cancel(&self) -> ServiceResult<()> {
        let recording = {
            let mut inner = self.lock();
            let Some(rec) = inner.recording.take() else {
                return Ok(());
            };
            rec
        };
        let result = recording.cancel().map_err(ServiceError::from);
        self.set_idle();
        (self.emit)(VoiceEvent::Cancelled);
        result
    }

    /// Shows the microphone's level (as `Level` events) without recording anything; a
    /// second call switches the device.
    pub fn start_level_test(&self, device: Option<String>) -> ServiceResult<()> {
        self.stop_level_test();
        let emit = Arc::clone(&self.emit);
        let rec = self
            .service
            .start_level_meter(device, move |l: Level| {
                emit(VoiceEvent::Level {
                    level: meter_level(l),
                })
            })
            .map_err(|e| self.fail(e))?;
        *self.level_test.lock().unwrap_or_else(|p| p.into_inner()) = Some(rec);
        Ok(())
    }

    pub fn stop_level_test(&self) {
        let rec = self
            .level_test
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(rec) = rec
            && let Err(e) = rec.cancel()
        {
            tracing::debug!("level test ended with: {e}");
        }
    }

    /// After the cards from the live text are on the board: the final pass over the whole
    /// recording (see [`Service::final_pass`]), then, when a language model is configured,
    /// its reading of the dump. Each updates the same cards in place and says so with
    /// `Refined`; a failure in either leaves the cards as they are.
    fn refine_in_background(&self, outcome: &VoiceOutcome, now: chrono::NaiveDateTime) {
        let with_llm = self.with_llm;
        let service = Arc::clone(&self.service);
        let emit = Arc::clone(&self.emit);
        let (id, mut cards) = (outcome.transcript_id, outcome.tasks.clone());
        let spawned = std::thread::Builder::new()
            .name("utter-refine".into())
            .spawn(move || {
                let refined = |tasks: &[Task]| VoiceEvent::Refined {
                    task_ids: tasks.iter().map(|t| t.id).collect(),
                    titles: tasks.iter().map(|t| t.title.clone()).collect(),
                };
                match service.final_pass(id, now) {
                    Ok(Some(Refinement::Refined {
                        tasks,
                        updated,
                        added,
                        removed,
                    })) => {
                        if updated + added + removed > 0 {
                            emit(refined(&tasks));
                        }
                        cards = tasks;
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!("the final pass over the dump failed: {e}"),
                }
                service.touch_engine();
                if !with_llm {
                    return;
                }
                let rt = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => return tracing::warn!("cannot refine the dump: {e}"),
                };
                match rt.block_on(service.refine_dump(id, &cards, now)) {
                    Ok(Refinement::Refined { tasks, .. }) => emit(refined(&tasks)),
                    Ok(Refinement::NoModel) => {}
                    Ok(Refinement::Failed { reason }) => {
                        tracing::warn!(
                            "the language model failed ({reason}); the offline cards stay"
                        )
                    }
                    Err(e) => tracing::warn!("refining the dump failed: {e}"),
                }
            });
        match spawned {
            Ok(handle) => {
                let mut running = self.background.lock().unwrap_or_else(|p| p.into_inner());
                running.retain(|h| !h.is_finished());
                running.push(handle);
            }
            Err(e) => tracing::warn!("cannot refine the dump: {e}"),
        }
    }

    /// Waits for the dumps' final passes and model rereads still running, so that a process
    /// about to exit (a test, the CLI) does not cut one off half-way.
    pub fn settle(&self) {
        let running =
            std::mem::take(&mut *self.background.lock().unwrap_or_else(|p| p.into_inner()));
        for handle in running {
            if handle.join().is_err() {
                tracing::warn!("a dump's background reread panicked");
            }
        }
    }

    fn set_idle(&self) {
        self.lock().state = VoiceState::Idle;
        (self.emit)(VoiceEvent::State {
            state: VoiceState::Idle,
        });
    }

    /// Reports an error to the windows and hands it back.
    fn fail(&self, e: ServiceError) -> ServiceError {
        (self.emit)(VoiceEvent::Error {
            message: e.to_string(),
        });
        e
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding this lock leaves plain data behind; keep going with it.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// dBFS → 0..1 for a meter: −60 dBFS and below is silence, 0 dBFS is full.
pub fn meter_level(l: Level) -> f32 {
    ((l.rms_dbfs + 60.0) / 60.0).clamp(0.0, 1.0)
}
