use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use serde::Serialize;

use super::SttError;
use super::engine::{Engine, Segment, Transcript};
use crate::audio::{Segmenter, SpeechSegment, VadConfig};

/// Text recognised so far, sent after each finished speech segment (for the overlay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partial {
    /// Everything recognised so far, joined.
    pub text: String,
    /// The segment just finished, with timestamps relative to the recording's start.
    pub segment: Option<Segment>,
    /// How many speech segments have been transcribed.
    pub segments_done: usize,
}

type WorkerResult = Result<(Vec<Segment>, Option<String>), SttError>;

/// Transcribes while the user is still talking: a VAD cuts the stream at pauses and each
/// finished segment goes to a worker thread, so on release only the last segment is left.
pub struct StreamingTranscriber {
    segmenter: Segmenter,
    jobs: Option<Sender<SpeechSegment>>,
    worker: Option<JoinHandle<WorkerResult>>,
}

impl StreamingTranscriber {
    pub fn new(
        engine: Arc<Engine>,
        vad: VadConfig,
        mut on_partial: impl FnMut(&Partial) + Send + 'static,
    ) -> Result<Self, SttError> {
        let (jobs, rx) = mpsc::channel::<SpeechSegment>();
        let worker = std::thread::Builder::new()
            .name("utter-stt".into())
            .spawn(move || -> WorkerResult {
                let mut all: Vec<Segment> = Vec::new();
                let mut language = None;
                let mut done = 0;
                while let Ok(first) = rx.recv() {
                    // If the model fell behind, take everything queued in one call: one
                    // encoder pass over 20 s costs far less than four over 5 s each.
                    let mut batch = vec![first];
                    while let Ok(more) = rx.try_recv() {
                        batch.push(more);
                    }
                    let merged = Merged::new(&batch);
                    let t = engine.transcribe_segment(&merged.samples)?;
                    language = language.or(t.language);
                    done += batch.len();
                    let mut newest = None;
                    for s in t.segments {
                        let s = Segment {
                            start_ms: merged.to_recording_ms(s.start_ms),
                            end_ms: merged.to_recording_ms(s.end_ms),
                            text: s.text,
                        };
                        newest = Some(s.clone());
                        all.push(s);
                    }
                    on_partial(&Partial {
                        text: Transcript::join(&all),
                        segment: newest,
                        segments_done: done,
                    });
                }
                Ok((all, language))
            })
            .map_err(|e| SttError::Transcribe(format!("cannot start the worker: {e}")))?;
        Ok(Self {
            segmenter: Segmenter::new(vad),
            jobs: Some(jobs),
            worker: Some(worker),
        })
    }

    /// Feeds 16 kHz mono audio; finished segments are queued for transcription at once.
    pub fn push(&mut self, samples: &[f32]) -> Result<(), SttError> {
        for seg in self.segmenter.push(samples) {
            tracing::debug!(
                start_ms = seg.start_ms(),
                ms = seg.duration_ms(),
                "speech segment"
            );
            self.send(seg)?;
        }
        Ok(())
    }

    fn send(&self, seg: SpeechSegment) -> Result<(), SttError> {
        match &self.jobs {
            Some(tx) => tx.send(seg).map_err(|_| SttError::WorkerGone),
            None => Err(SttError::WorkerGone),
        }
    }

    /// Ends the stream: transcribes the unfinished tail and waits for the queue to drain.
    pub fn finish(mut self) -> Result<Transcript, SttError> {
        if let Some(tail) = self.segmenter.finish() {
            tracing::debug!(
                start_ms = tail.start_ms(),
                ms = tail.duration_ms(),
                "tail segment"
            );
            // If the worker already died, its own error (from join below) is the better one.
            let _ = self.send(tail);
        }
        self.jobs = None;
        let worker = self.worker.take().ok_or(SttError::WorkerGone)?;
        let (segments, language) = worker.join().map_err(|_| SttError::WorkerGone)??;
        Ok(Transcript {
            text: Transcript::join(&segments),
            segments,
            language,
        })
    }
}

impl Drop for StreamingTranscriber {
    fn drop(&mut self) {
        // Closing the queue ends the worker after its current segment; not joining keeps a
        // cancel instant.
        self.jobs = None;
    }
}

/// Silence put between merged segments, so Whisper hears them as separate sentences.
const GAP_SAMPLES: usize = 8_000;

/// Several speech segments joined into one clip, with the map back to recording time.
struct Merged {
    samples: Vec<f32>,
    /// (start in the merged clip, start in the recording), in ms, per piece.
    pieces: Vec<(u64, u64)>,
}

impl Merged {
    fn new(batch: &[SpeechSegment]) -> Self {
        let mut samples = Vec::new();
        let mut pieces = Vec::with_capacity(batch.len());
        for (i, seg) in batch.iter().enumerate() {
            if i > 0 {
                samples.resize(samples.len() + GAP_SAMPLES, 0.0);
            }
            pieces.push((samples.len() as u64 * 1000 / 16_000, seg.start_ms()));
            samples.extend_from_slice(&seg.samples);
        }
        Self { samples, pieces }
    }

    fn to_recording_ms(&self, ms: u64) -> u64 {
        let (merged_start, recording_start) = self
            .pieces
            .iter()
            .rev()
            .find(|(m, _)| *m <= ms)
            .copied()
            .unwrap_or((0, 0));
        recording_start + (ms - merged_start)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn merged_segments_map_back_to_recording_time() {
        let a = SpeechSegment {
            start_sample: 16_000,
            samples: vec![0.1; 16_000],
        };
        let b = SpeechSegment {
            start_sample: 80_000,
            samples: vec![0.1; 8_000],
        };
        let m = Merged::new(&[a, b]);
        assert_eq!(m.samples.len(), 16_000 + GAP_SAMPLES + 8_000);
        assert_eq!(m.to_recording_ms(0), 1_000);
        assert_eq!(m.to_recording_ms(900), 1_900);
        // The second piece starts after 1 s of speech + 0.5 s gap, at 5 s in the recording.
        assert_eq!(m.to_recording_ms(1_500), 5_000);
        assert_eq!(m.to_recording_ms(1_700), 5_200);
    }
}
