use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Fft, FixedSync, Resampler};

use super::{AudioError, SAMPLE_RATE};

/// Input frames per resampler call: ~20 ms at 48 kHz, small enough that the 16 kHz stream
/// (and so the level meter and VAD) follows the microphone closely.
const CHUNK: usize = 1024;

/// Averages interleaved channels into one. Whisper is mono; averaging (rather than taking
/// the left channel) keeps a voice that is panned or on one channel of a headset.
pub fn downmix(interleaved: &[f32], channels: u16) -> Vec<f32> {
    let channels = usize::from(channels.max(1));
    if channels == 1 {
        return interleaved.to_vec();
    }
    let scale = 1.0 / channels as f32;
    interleaved
        .chunks_exact(channels)
        .map(|frame| frame.iter().sum::<f32>() * scale)
        .collect()
}

/// Streaming conversion of a mono signal at the device rate to 16 kHz.
///
/// Uses rubato's synchronous FFT resampler: the ratio is fixed for a recording, and it is both
/// the fastest and the cleanest of rubato's resamplers. The resampler's start-up delay is
/// trimmed and [`finish`](Self::finish) pads the end, so the output has exactly
/// `round(input_len * 16000 / rate)` samples, aligned with the input.
pub struct MonoResampler {
    inner: Option<Fft<f32>>,
    ratio: f64,
    pending: Vec<f32>,
    out_buf: Vec<f32>,
    to_trim: usize,
    total_in: u64,
    total_out: u64,
}

impl MonoResampler {
    pub fn new(input_rate: u32) -> Result<Self, AudioError> {
        if input_rate == 0 {
            return Err(AudioError::Resample("input sample rate is 0".into()));
        }
        let inner = if input_rate == SAMPLE_RATE {
            None
        } else {
            Some(
                Fft::<f32>::new(
                    input_rate as usize,
                    SAMPLE_RATE as usize,
                    CHUNK,
                    1,
                    FixedSync::Input,
                )
                .map_err(|e| AudioError::Resample(e.to_string()))?,
            )
        };
        let (out_len, to_trim) = inner
            .as_ref()
            .map(|r| (r.output_frames_max(), r.output_delay()))
            .unwrap_or((0, 0));
        Ok(Self {
            inner,
            ratio: f64::from(SAMPLE_RATE) / f64::from(input_rate),
            pending: Vec::new(),
            out_buf: vec![0.0; out_len],
            to_trim,
            total_in: 0,
            total_out: 0,
        })
    }

    /// Feeds `mono` and appends whatever 16 kHz output is ready to `out`.
    pub fn process(&mut self, mono: &[f32], out: &mut Vec<f32>) -> Result<(), AudioError> {
        self.total_in += mono.len() as u64;
        if self.inner.is_none() {
            out.extend_from_slice(mono);
            self.total_out += mono.len() as u64;
            return Ok(());
        }
        self.pending.extend_from_slice(mono);
        loop {
            let need = self.input_frames_next();
            if self.pending.len() < need {
                return Ok(());
            }
            self.run_chunk(need, out)?;
            self.pending.drain(..need);
        }
    }

    /// Flushes the tail (padding with silence) so that every input sample has its output.
    pub fn finish(&mut self, out: &mut Vec<f32>) -> Result<(), AudioError> {
        if self.inner.is_none() {
            return Ok(());
        }
        let expected = (self.total_in as f64 * self.ratio).round() as u64;
        let start = out.len();
        // Bounded: each round yields output once the delay is trimmed; the cap only guards
        // against a resampler that stops producing.
        for _ in 0..64 {
            if self.total_out >= expected {
                break;
            }
            let need = self.input_frames_next();
            self.pending.resize(need.max(self.pending.len()), 0.0);
            self.run_chunk(need, out)?;
            self.pending.drain(..need);
        }
        let excess = self.total_out.saturating_sub(expected) as usize;
        let keep = out.len().saturating_sub(excess).max(start);
        out.truncate(keep);
        self.total_out = self.total_out.min(expected);
        self.pending.clear();
        Ok(())
    }

    fn input_frames_next(&self) -> usize {
        self.inner.as_ref().map_or(CHUNK, |r| r.input_frames_next())
    }

    fn run_chunk(&mut self, need: usize, out: &mut Vec<f32>) -> Result<(), AudioError> {
        let Some(resampler) = self.inner.as_mut() else {
            return Ok(());
        };
        let input = InterleavedSlice::new(&self.pending[..need], 1, need)
            .map_err(|e| AudioError::Resample(e.to_string()))?;
        let out_frames = self.out_buf.len();
        let mut output = InterleavedSlice::new_mut(&mut self.out_buf[..], 1, out_frames)
            .map_err(|e| AudioError::Resample(e.to_string()))?;
        let (_, produced) = resampler
            .process_into_buffer(&input, &mut output, None)
            .map_err(|e| AudioError::Resample(e.to_string()))?;
        let skip = self.to_trim.min(produced);
        self.to_trim -= skip;
        out.extend_from_slice(&self.out_buf[skip..produced]);
        self.total_out += (produced - skip) as u64;
        Ok(())
    }
}

/// One-shot conversion of interleaved audio at any rate to 16 kHz mono.
pub fn to_16k_mono(interleaved: &[f32], channels: u16, rate: u32) -> Result<Vec<f32>, AudioError> {
    let mono = downmix(interleaved, channels);
    let mut resampler = MonoResampler::new(rate)?;
    let mut out = Vec::with_capacity((mono.len() as f64 * resampler.ratio) as usize + 16);
    resampler.process(&mono, &mut out)?;
    resampler.finish(&mut out)?;
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn sine(freq: f32, rate: u32, secs: f32) -> Vec<f32> {
        let n = (rate as f32 * secs) as usize;
        (0..n)
            .map(|i| (2.0 * std::f32::consts::PI * freq * i as f32 / rate as f32).sin() * 0.5)
            .collect()
    }

    /// Frequency estimate from zero crossings: survives any constant delay.
    fn zero_crossing_freq(x: &[f32], rate: u32) -> f32 {
        let crossings = x.windows(2).filter(|w| w[0] < 0.0 && w[1] >= 0.0).count();
        crossings as f32 * rate as f32 / x.len() as f32
    }

    #[test]
    fn resamples_common_rates_to_exact_length_and_pitch() {
        for rate in [8_000, 22_050, 44_100, 48_000, 96_000] {
            let input = sine(440.0, rate, 2.0);
            let out = to_16k_mono(&input, 1, rate).unwrap();
            let expected = (input.len() as f64 * 16_000.0 / f64::from(rate)).round() as usize;
            assert_eq!(out.len(), expected, "rate {rate}");
            let f = zero_crossing_freq(&out[1000..out.len() - 1000], 16_000);
            assert!((f - 440.0).abs() < 3.0, "rate {rate}: {f} Hz");
            // The start-up delay is trimmed: the sine starts at once, not after silence.
            assert!(
                out[..200].iter().any(|s| s.abs() > 0.2),
                "rate {rate}: leading silence"
            );
        }
    }

    #[test]
    fn streaming_in_odd_chunks_matches_one_shot() {
        let input = sine(300.0, 44_100, 1.3);
        let one_shot = to_16k_mono(&input, 1, 44_100).unwrap();
        let mut r = MonoResampler::new(44_100).unwrap();
        let mut out = Vec::new();
        for chunk in input.chunks(441) {
            r.process(chunk, &mut out).unwrap();
        }
        r.finish(&mut out).unwrap();
        assert_eq!(out.len(), one_shot.len());
        let max_diff = out
            .iter()
            .zip(&one_shot)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max);
        assert!(max_diff < 1e-4, "{max_diff}");
    }

    #[test]
    fn downmix_averages_channels() {
        assert_eq!(downmix(&[1.0, 0.0, 0.5, 0.5], 2), vec![0.5, 0.5]);
        assert_eq!(downmix(&[0.25, 0.5], 1), vec![0.25, 0.5]);
    }

    #[test]
    fn passthrough_at_16k_and_empty_input() {
        let input = sine(100.0, 16_000, 0.1);
        assert_eq!(to_16k_mono(&input, 1, 16_000).unwrap(), input);
        assert!(to_16k_mono(&[], 2, 48_000).unwrap().is_empty());
        assert!(MonoResampler::new(0).is_err());
    }
}
