use serde::{Deserialize, Serialize};

use super::SAMPLE_RATE;

/// earshot works on 16 ms frames at 16 kHz.
const FRAME: usize = 256;

/// Where to cut a recording into utterances.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct VadConfig {
    /// earshot score (0–1) at or above which a frame counts as voice.
    pub threshold: f32,
    /// A pause this long ends a segment. Long enough not to split inside a sentence's
    /// natural hesitations, short enough that a segment is ready while the user goes on.
    pub min_silence_ms: u32,
    /// Voiced stretches shorter than this (a cough, a click) are dropped, not transcribed:
    /// Whisper tends to invent words for them.
    pub min_speech_ms: u32,
    /// Longest segment; Whisper's window is 30 s, and shorter segments keep latency low.
    pub max_segment_ms: u32,
    /// Audio kept before the first and after the last voiced frame, so soft onsets and
    /// endings ("…Friday") are not clipped.
    pub pad_ms: u32,
    /// A pause this long offers the unfinished segment for transcription ahead (see
    /// [`Segmenter::pending`]). earshot already counts ~110 ms after the last word as voice,
    /// so this is silence on top of that.
    #[serde(default = "default_ahead_ms")]
    pub ahead_ms: u32,
}

fn default_ahead_ms() -> u32 {
    60
}

impl Default for VadConfig {
    fn default() -> Self {
        Self {
            threshold: 0.5,
            min_silence_ms: 600,
            min_speech_ms: 200,
            max_segment_ms: 20_000,
            pad_ms: 250,
            ahead_ms: default_ahead_ms(),
        }
    }
}

/// A stretch of speech, 16 kHz mono, with its position in the recording.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeechSegment {
    /// Index of the first sample in the whole recording.
    pub start_sample: u64,
    pub samples: Vec<f32>,
    /// Samples up to the end of the last voiced frame; the rest is the trailing pad.
    pub voiced_len: usize,
}

impl SpeechSegment {
    /// Which speech the segment holds: `(start_sample, voiced_len)`. Two segments with the
    /// same key hold the same words, whatever their trailing silence.
    pub fn speech_key(&self) -> (u64, usize) {
        (self.start_sample, self.voiced_len)
    }

    pub fn start_ms(&self) -> u64 {
        self.start_sample * 1000 / u64::from(SAMPLE_RATE)
    }

    pub fn duration_ms(&self) -> u64 {
        self.samples.len() as u64 * 1000 / u64::from(SAMPLE_RATE)
    }
}

/// Cuts a live 16 kHz stream into speech segments at pauses, using earshot's VAD (pure Rust,
/// no model download, ~3000× real time).
pub struct Segmenter {
    cfg: VadConfig,
    detector: Box<earshot::Detector>,
    /// Samples not yet making a whole frame.
    partial: Vec<f32>,
    /// Frame-aligned audio since the last cut, and whether each frame was voiced.
    buf: Vec<f32>,
    voiced: Vec<bool>,
    buf_start: u64,
    voiced_frames: usize,
}

impl Segmenter {
    pub fn new(cfg: VadConfig) -> Self {
        Self {
            cfg,
            detector: earshot::Detector::default_boxed(),
            partial: Vec::with_capacity(FRAME),
            buf: Vec::new(),
            voiced: Vec::new(),
            buf_start: 0,
            voiced_frames: 0,
        }
    }

    fn frames(ms: u32) -> usize {
        (ms as usize * SAMPLE_RATE as usize / 1000).div_ceil(FRAME)
    }

    /// Feeds 16 kHz mono samples; returns the segments completed by this input.
    pub fn push(&mut self, samples: &[f32]) -> Vec<SpeechSegment> {
        let mut done = Vec::new();
        for &s in samples {
            // earshot expects [-1, 1]; clipping is the honest reading of an overdriven mic.
            self.partial.push(s.clamp(-1.0, 1.0));
            if self.partial.len() == FRAME {
                let score = self.detector.predict_f32(&self.partial);
                let frame = std::mem::take(&mut self.partial);
                self.partial.reserve(FRAME);
                if let Some(seg) = self.push_frame(&frame, score >= self.cfg.threshold) {
                    done.push(seg);
                }
            }
        }
        done
    }

    fn push_frame(&mut self, frame: &[f32], voiced: bool) -> Option<SpeechSegment> {
        self.buf.extend_from_slice(frame);
        self.voiced.push(voiced);
        if voiced {
            self.voiced_frames += 1;
        }
        let pad = Self::frames(self.cfg.pad_ms);
        let trailing_silence = self.voiced.iter().rev().take_while(|v| !**v).count();

        if self.voiced_frames == 0 {
            // Nothing said yet: keep only the pre-roll.
            self.keep_last_frames(pad);
            return None;
        }
        if trailing_silence >= Self::frames(self.cfg.min_silence_ms) {
            if self.voiced_frames >= Self::frames(self.cfg.min_speech_ms) {
                let end = self.voiced.len() - trailing_silence + pad;
                return Some(self.cut(end));
            }
            // A blip followed by a pause: forget it.
            self.voiced_frames = 0;
            self.keep_last_frames(pad);
            return None;
        }
        if self.voiced.len() >= Self::frames(self.cfg.max_segment_ms) {
            // Too long without a real pause: cut at the last unvoiced frame of the final
            // quarter if there is one, so a word is not split in half.
            let n = self.voiced.len();
            let end = (n - n / 4..n)
                .rev()
                .find(|&i| !self.voiced[i])
                .map_or(n, |i| i + 1);
            return Some(self.cut(end));
        }
        None
    }

    /// Emits frames `..end` as a segment; the rest starts the next one (trailing silence
    /// is trimmed to the pre-roll as further frames arrive).
    fn cut(&mut self, end: usize) -> SpeechSegment {
        let end = end.min(self.voiced.len());
        let voiced_frames = self.voiced[..end]
            .iter()
            .rposition(|v| *v)
            .map_or(0, |i| i + 1);
        let samples: Vec<f32> = self.buf.drain(..end * FRAME).collect();
        let seg = SpeechSegment {
            start_sample: self.buf_start,
            samples,
            voiced_len: voiced_frames * FRAME,
        };
        self.voiced.drain(..end);
        self.buf_start += (end * FRAME) as u64;
        self.voiced_frames = self.voiced.iter().filter(|v| **v).count();
        seg
    }

    fn keep_last_frames(&mut self, frames: usize) {
        if self.voiced.len() > frames {
            let drop = self.voiced.len() - frames;
            self.buf.drain(..drop * FRAME);
            self.voiced.drain(..drop);
            self.buf_start += (drop * FRAME) as u64;
        }
    }

    /// The unfinished segment with the speech a cut or [`finish`](Self::finish) would give
    /// if no more speech comes (same [`SpeechSegment::speech_key`]), once speech has paused
    /// for `ahead_ms`, until the pause is long enough to cut. Transcribing it then, while the
    /// user may be done talking, means the text is often ready when the key is released.
    /// Its trailing pad is what has been heard so far, up to `pad_ms`.
    pub fn pending(&self) -> Option<SpeechSegment> {
        let (start_sample, voiced_len) = self.pending_key()?;
        let trailing = self.voiced.iter().rev().take_while(|v| !**v).count();
        let pad = trailing.min(Self::frames(self.cfg.pad_ms)) * FRAME;
        Some(SpeechSegment {
            start_sample,
            samples: self.buf.get(..voiced_len + pad)?.to_vec(),
            voiced_len,
        })
    }

    /// The [`SpeechSegment::speech_key`] of [`pending`](Self::pending), without copying.
    pub fn pending_key(&self) -> Option<(u64, usize)> {
        let trailing = self.voiced.iter().rev().take_while(|v| !**v).count();
        let enough_speech = self.voiced_frames >= Self::frames(self.cfg.min_speech_ms);
        (enough_speech && self.voiced_frames > 0 && trailing >= Self::frames(self.cfg.ahead_ms))
            .then(|| (self.buf_start, (self.voiced.len() - trailing) * FRAME))
    }

    /// True when `samples` (16 kHz mono, a whole clip) hold any speech by this VAD: a file of
    /// silence or noise is not sent to Whisper, which invents words (or repeats its prompt)
    /// when it hears none.
    pub fn has_speech(samples: &[f32], cfg: VadConfig) -> bool {
        let mut seg = Segmenter::new(cfg);
        let min = Self::frames(cfg.min_speech_ms) * FRAME;
        // Fed in pieces the size a capture delivers, as the live path does.
        for chunk in samples.chunks(4096) {
            if !seg.push(chunk).is_empty() {
                return true;
            }
        }
        seg.finish().is_some_and(|s| s.voiced_len >= min)
    }

    /// Ends the stream: returns the unfinished segment if it holds any speech (key released
    /// mid-sentence), without its trailing silence beyond the pad.
    pub fn finish(&mut self) -> Option<SpeechSegment> {
        let pad = Self::frames(self.cfg.pad_ms);
        let had_voice = self.voiced_frames > 0;
        // The partial frame is too short for the VAD but may hold the end of the last word.
        let mut samples = std::mem::take(&mut self.buf);
        samples.append(&mut self.partial);
        let trailing = self.voiced.iter().rev().take_while(|v| !**v).count();
        let voiced_end = (self.voiced.len() - trailing) * FRAME;
        let keep = voiced_end + pad * FRAME;
        let start = self.buf_start;
        self.voiced.clear();
        self.voiced_frames = 0;
        if !had_voice {
            self.buf_start += samples.len() as u64;
            return None;
        }
        samples.truncate(keep.max(FRAME).min(samples.len()));
        self.buf_start += samples.len() as u64;
        Some(SpeechSegment {
            start_sample: start,
            voiced_len: voiced_end.min(samples.len()),
            samples,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn silence_yields_no_segment() {
        let mut s = Segmenter::new(VadConfig::default());
        assert!(s.push(&vec![0.0; 16_000 * 5]).is_empty());
        assert!(s.finish().is_none());
    }

    #[test]
    fn forced_voice_is_cut_at_pauses() {
        // Drive the frame logic directly: 1 s voice, 1 s silence, 0.5 s voice.
        let mut s = Segmenter::new(VadConfig::default());
        let frame = [0.1f32; FRAME];
        let mut segs = Vec::new();
        for i in 0..160 {
            let voiced = !(62..124).contains(&i);
            segs.extend(s.push_frame(&frame, voiced));
        }
        assert_eq!(segs.len(), 1, "one cut at the pause");
        assert_eq!(segs[0].start_sample, 0);
        let tail = s.finish().expect("tail segment");
        assert!(tail.start_sample > segs[0].start_sample);
        assert!(tail.start_sample < 124 * FRAME as u64);
    }

    #[test]
    fn pending_segment_holds_the_speech_a_cut_or_finish_would_return() {
        let frame: Vec<f32> = (0..FRAME).map(|i| (i as f32 / 50.0).sin() * 0.1).collect();
        let cfg = VadConfig::default();
        let (ahead, pad) = (
            Segmenter::frames(cfg.ahead_ms),
            Segmenter::frames(cfg.pad_ms),
        );
        let min_silence = Segmenter::frames(cfg.min_silence_ms);
        let talk = |s: &mut Segmenter, frames: usize| {
            for _ in 0..frames {
                assert!(s.push_frame(&frame, true).is_none());
            }
        };
        // 1 s of voice, then silence: pending appears after `ahead_ms` of pause.
        let mut s = Segmenter::new(cfg);
        talk(&mut s, 62);
        assert_eq!(s.pending_key(), None, "no pause yet");
        for i in 1..=ahead {
            assert!(s.push_frame(&frame, false).is_none());
            assert_eq!(
                s.pending_key().is_some(),
                i >= ahead,
                "after {i} silent frames"
            );
        }
        let early = s.pending().unwrap();
        assert_eq!(early.speech_key(), (0, 62 * FRAME));
        assert_eq!(
            early.samples.len(),
            (62 + ahead) * FRAME,
            "pad = the pause so far"
        );
        // More silence keeps the key; the pad grows to `pad_ms`; the cut is the same speech.
        let mut cut = None;
        for _ in ahead..min_silence {
            assert_eq!(s.pending_key(), Some(early.speech_key()));
            cut = cut.or(s.push_frame(&frame, false));
        }
        let cut = cut.expect("cut at the pause");
        assert_eq!(cut.speech_key(), early.speech_key());
        assert_eq!(cut.samples.len(), (62 + pad) * FRAME);
        assert_eq!(cut.samples[..early.samples.len()], early.samples[..]);
        assert_eq!(s.pending_key(), None, "nothing pending after the cut");

        // Released during the pause: finish returns the same speech too.
        let mut s = Segmenter::new(cfg);
        talk(&mut s, 62);
        for _ in 0..ahead + 2 {
            s.push_frame(&frame, false);
        }
        let pending = s.pending().unwrap();
        assert_eq!(s.finish().unwrap().speech_key(), pending.speech_key());

        // Speech resuming after the pause: the unfinished segment grows, so the key changes.
        let mut s = Segmenter::new(cfg);
        talk(&mut s, 62);
        for _ in 0..ahead {
            s.push_frame(&frame, false);
        }
        let first = s.pending_key().unwrap();
        s.push_frame(&frame, true);
        assert_eq!(s.pending_key(), None, "talking again");
        for _ in 0..ahead {
            s.push_frame(&frame, false);
        }
        let second = s.pending_key().unwrap();
        assert_eq!(second.0, first.0);
        assert!(second.1 > first.1);
    }

    #[test]
    fn long_speech_is_capped() {
        let cfg = VadConfig {
            max_segment_ms: 2_000,
            ..VadConfig::default()
        };
        let mut s = Segmenter::new(cfg);
        let frame = [0.1f32; FRAME];
        let mut segs = Vec::new();
        for _ in 0..400 {
            segs.extend(s.push_frame(&frame, true));
        }
        assert!(segs.len() >= 2);
        assert!(segs.iter().all(|seg| seg.duration_ms() <= 2_100));
    }
}
