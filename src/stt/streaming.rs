use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use serde::Serialize;

use super::engine::{Engine, Segment, Transcript};
use super::vocabulary::Vocabulary;
use super::{PendingEngine, SttError};
use crate::audio::{Segmenter, SpeechSegment, VadConfig};

/// Text recognised so far, sent after each finished speech segment and each pause (for the
/// overlay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partial {
    /// Everything recognised so far, joined.
    pub text: String,
    /// The segment just finished, with timestamps relative to the recording's start.
    pub segment: Option<Segment>,
    /// How many speech segments have been transcribed.
    pub segments_done: usize,
    /// The last sentence of `text` was transcribed during a pause and changes if the user
    /// talks on.
    pub ahead: bool,
    /// How many of the `segments_done` took their text from a transcription made ahead
    /// (no Whisper call once the segment was cut).
    pub taken_from_ahead: usize,
}

type WorkerResult = Result<(Vec<Segment>, Option<String>), SttError>;
/// A segment's [`SpeechSegment::speech_key`].
type Key = (u64, usize);

enum Job {
    /// A segment cut at a pause, or the tail at release: its text is final.
    Final(SpeechSegment),
    /// The unfinished segment during a short pause, transcribed ahead in case the user is
    /// done: if the segment finally cut is the same audio, its text is taken as is. The flag
    /// cancels it when the user talks on.
    Ahead(SpeechSegment, Arc<AtomicBool>),
}

/// Transcribes while the user is still talking: a VAD cuts the stream at pauses and each
/// finished segment goes to a worker thread, so on release only the last segment is left —
/// and that one is usually transcribed already, because the worker starts on the unfinished
/// segment as soon as speech pauses (see [`Segmenter::pending`]).
pub struct StreamingTranscriber {
    segmenter: Segmenter,
    jobs: Option<Sender<Job>>,
    worker: Option<JoinHandle<WorkerResult>>,
    /// The speech sent ahead and its cancel flag, while it may still be the final segment.
    ahead: Option<(Key, Arc<AtomicBool>)>,
}

impl StreamingTranscriber {
    pub fn new(
        engine: impl Into<PendingEngine>,
        vad: VadConfig,
        on_partial: impl FnMut(&Partial) + Send + 'static,
    ) -> Result<Self, SttError> {
        Self::with_vocabulary(engine, vad, Vocabulary::default(), on_partial)
    }

    /// Each segment is transcribed with the vocabulary's prompt plus the text said before
    /// it, and its replacements are applied to every text handed out. A model still
    /// loading is waited for on the worker thread: audio pushed meanwhile is queued.
    pub fn with_vocabulary(
        engine: impl Into<PendingEngine>,
        vad: VadConfig,
        vocabulary: Vocabulary,
        on_partial: impl FnMut(&Partial) + Send + 'static,
    ) -> Result<Self, SttError> {
        let (jobs, rx) = mpsc::channel::<Job>();
        let engine: PendingEngine = engine.into();
        let worker = std::thread::Builder::new()
            .name("utter-stt".into())
            .spawn(move || Worker::new(engine.wait()?, vocabulary, on_partial).run(&rx))
            .map_err(|e| SttError::Transcribe(format!("cannot start the worker: {e}")))?;
        Ok(Self {
            segmenter: Segmenter::new(vad),
            jobs: Some(jobs),
            worker: Some(worker),
            ahead: None,
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
            if self
                .ahead
                .as_ref()
                .is_some_and(|(key, _)| *key == seg.speech_key())
            {
                // The guess was right: the worker keeps (or is making) its text.
                self.ahead = None;
            }
            self.send(Job::Final(seg));
        }
        let pending = self.segmenter.pending_key();
        if let Some((key, cancel)) = &self.ahead
            && pending != Some(*key)
        {
            // The user talked on: that text would be thrown away anyway.
            cancel.store(true, Ordering::Relaxed);
            self.ahead = None;
        }
        if self.ahead.is_none()
            && let Some(seg) = self.segmenter.pending()
        {
            let cancel = Arc::new(AtomicBool::new(false));
            self.ahead = Some((seg.speech_key(), Arc::clone(&cancel)));
            self.send(Job::Ahead(seg, cancel));
        }
        Ok(())
    }

    /// A worker that stopped (its model failed to load, a transcription failed) does not
    /// stop the recording: the audio is still written, and `finish` reports its error.
    fn send(&self, job: Job) {
        if let Some(tx) = &self.jobs
            && tx.send(job).is_err()
        {
            tracing::debug!("the transcription worker has stopped; finish() reports why");
        }
    }

    /// Ends the stream: transcribes the unfinished tail and waits for the queue to drain.
    /// When the tail is the segment already transcribed ahead, this only waits for that.
    pub fn finish(mut self) -> Result<Transcript, SttError> {
        if let Some(tail) = self.segmenter.finish() {
            tracing::debug!(
                start_ms = tail.start_ms(),
                ms = tail.duration_ms(),
                "tail segment"
            );
            if let Some((key, cancel)) = self.ahead.take()
                && key != tail.speech_key()
            {
                cancel.store(true, Ordering::Relaxed);
            }
            self.send(Job::Final(tail));
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
        if let Some((_, cancel)) = self.ahead.take() {
            cancel.store(true, Ordering::Relaxed);
        }
        self.jobs = None;
    }
}

/// A segment's text transcribed ahead, in recording time.
struct AheadText {
    key: Key,
    segments: Vec<Segment>,
}

/// The worker thread's state: the text so far and the latest text transcribed ahead.
struct Worker<F> {
    engine: Arc<Engine>,
    vocabulary: Vocabulary,
    on_partial: F,
    all: Vec<Segment>,
    /// Detected on the first segment and kept for the rest of the recording.
    language: Option<String>,
    done: usize,
    taken_from_ahead: usize,
    ahead: Option<AheadText>,
}

impl<F: FnMut(&Partial)> Worker<F> {
    fn new(engine: Arc<Engine>, vocabulary: Vocabulary, on_partial: F) -> Self {
        Self {
            engine,
            vocabulary,
            on_partial,
            all: Vec::new(),
            language: None,
            done: 0,
            taken_from_ahead: 0,
            ahead: None,
        }
    }

    fn run(mut self, rx: &Receiver<Job>) -> WorkerResult {
        while let Ok(first) = rx.recv() {
            let mut jobs = vec![first];
            while let Ok(more) = rx.try_recv() {
                jobs.push(more);
            }
            // Only a guess that nothing came after can still be right; the finals are what
            // matter, and if the model fell behind they go in one call: one encoder pass over
            // 20 s costs far less than four over 5 s each.
            let mut finals = Vec::new();
            let mut guess = None;
            for job in jobs {
                match job {
                    Job::Final(seg) => {
                        finals.push(seg);
                        guess = None;
                    }
                    Job::Ahead(seg, cancel) => guess = Some((seg, cancel)),
                }
            }
            if !finals.is_empty() {
                self.finals(finals)?;
            }
            if let Some((seg, cancel)) = guess {
                self.guess(&seg, &cancel);
            }
        }
        Ok((self.all, self.language))
    }

    fn finals(&mut self, mut finals: Vec<SpeechSegment>) -> Result<(), SttError> {
        let known = self.ahead.take();
        let mut newest = None;
        if let Some(known) = known.filter(|k| k.key == finals[0].speech_key()) {
            finals.remove(0);
            tracing::debug!(start_ms = known.key.0 / 16, "segment text taken from ahead");
            newest = known.segments.last().cloned();
            self.all.extend(known.segments);
            self.done += 1;
            self.taken_from_ahead += 1;
        }
        if !finals.is_empty() {
            let merged = Merged::new(&finals);
            let prompt = self.prompt();
            let language = self.language.as_deref();
            let t = self.vocabulary.transcribe(prompt.as_deref(), |p| {
                self.engine.transcribe_segment(&merged.samples, language, p)
            })?;
            self.language = self.language.take().or(t.language);
            self.done += finals.len();
            for s in merged.to_recording(t.segments) {
                newest = Some(s.clone());
                self.all.push(s);
            }
        }
        (self.on_partial)(&Partial {
            text: Transcript::join(&self.all),
            segment: newest,
            segments_done: self.done,
            ahead: false,
            taken_from_ahead: self.taken_from_ahead,
        });
        Ok(())
    }

    fn guess(&mut self, seg: &SpeechSegment, cancel: &Arc<AtomicBool>) {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let started = std::time::Instant::now();
        let language = self.language.clone();
        // The same prompt the segment gets once it is cut: then the guess is its final text.
        let prompt = self.prompt();
        let result = self.vocabulary.transcribe(prompt.as_deref(), |p| {
            self.engine
                .transcribe_segment_cancellable(&seg.samples, language.as_deref(), p, cancel)
        });
        match result {
            Ok(t) => {
                // One piece: recording time is clip time plus where the segment starts.
                let start = seg.start_ms();
                let segments: Vec<Segment> = t
                    .segments
                    .into_iter()
                    .map(|s| Segment {
                        start_ms: s.start_ms + start,
                        end_ms: s.end_ms + start,
                        text: s.text,
                    })
                    .collect();
                self.language = self.language.take().or(t.language);
                tracing::debug!(
                    ms = started.elapsed().as_millis() as u64,
                    "transcribed ahead"
                );
                let mut text = self.all.clone();
                text.extend(segments.iter().cloned());
                (self.on_partial)(&Partial {
                    text: Transcript::join(&text),
                    segment: segments.last().cloned(),
                    segments_done: self.done,
                    ahead: true,
                    taken_from_ahead: self.taken_from_ahead,
                });
                self.ahead = Some(AheadText {
                    key: seg.speech_key(),
                    segments,
                });
            }
            Err(SttError::Cancelled) => {
                tracing::debug!(ms = started.elapsed().as_millis() as u64, "guess cancelled");
            }
            // The segment will be transcribed again when it is cut, and fail there for real.
            Err(e) => tracing::debug!(error = %e, "transcribing ahead failed"),
        }
    }
}

impl<F> Worker<F> {
    /// The vocabulary, then the end of what was said so far: Whisper reads a prompt as the
    /// text just before, so names and style carry over from one segment to the next.
    fn prompt(&self) -> Option<String> {
        let before = Transcript::join(&self.all);
        let tail = tail_words(&before, PREVIOUS_TEXT_CHARS);
        // Without a vocabulary no prompt at all, as before vocabularies existed.
        let v = self.vocabulary.prompt()?;
        Some(if tail.is_empty() {
            v.to_owned()
        } else {
            format!("{v} {tail}")
        })
    }
}

/// How much of the text said before goes into a segment's prompt.
const PREVIOUS_TEXT_CHARS: usize = 200;

/// The last whole words of `text` within `max` bytes.
fn tail_words(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let cut = &text[start..];
    match cut.find(' ') {
        Some(i) => cut[i + 1..].trim_start(),
        None => cut,
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

    /// Moves segments from merged-clip time to recording time.
    fn to_recording(&self, segments: Vec<Segment>) -> Vec<Segment> {
        segments
            .into_iter()
            .map(|s| Segment {
                start_ms: self.to_recording_ms(s.start_ms),
                end_ms: self.to_recording_ms(s.end_ms),
                text: s.text,
            })
            .collect()
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
    fn previous_text_is_cut_at_a_word() {
        assert_eq!(tail_words("short", 200), "short");
        assert_eq!(tail_words("call Joe tomorrow", 10), "tomorrow");
        assert_eq!(tail_words("naïve café olé", 5), "olé");
    }

    #[test]
    fn merged_segments_map_back_to_recording_time() {
        let a = SpeechSegment {
            start_sample: 16_000,
            samples: vec![0.1; 16_000],
            voiced_len: 16_000,
        };
        let b = SpeechSegment {
            start_sample: 80_000,
            samples: vec![0.1; 8_000],
            voiced_len: 8_000,
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
