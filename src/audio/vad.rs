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
}

impl Default for VadConfig {
    fn default() -> Self {
        Self {
            threshold: 0.5,
            min_silence_ms: 600,
            min_speech_ms: 200,
            max_segment_ms: 20_000,
            pad_ms: 250,
        }
    }
}

/// A stretch of speech, 16 kHz mono, with its position in the recording.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeechSegment {
    /// Index of the first sample in the whole recording.
    pub start_sample: u64,
    pub samples: Vec<f32>,
}

impl SpeechSegment {
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
        let samples: Vec<f32> = self.buf.drain(..end * FRAME).collect();
        let seg = SpeechSegment {
            start_sample: self.buf_start,
            samples,
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

    /// Ends the stream: returns the unfinished segment if it holds any speech (key released
    /// mid-sentence), without its trailing silence beyond the pad.
    pub fn finish(&mut self) -> Option<SpeechSegment> {
        let pad = Self::frames(self.cfg.pad_ms);
        let had_voice = self.voiced_frames > 0;
        // The partial frame is too short for the VAD but may hold the end of the last word.
        let mut samples = std::mem::take(&mut self.buf);
        samples.append(&mut self.partial);
        let trailing = self.voiced.iter().rev().take_while(|v| !**v).count();
        let keep = (self.voiced.len() - trailing + pad) * FRAME;
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
