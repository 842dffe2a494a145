use serde::Serialize;

/// dBFS reported for digital silence, instead of -inf (which JSON cannot carry).
pub const SILENCE_DBFS: f32 = -100.0;

/// Input level of a short window, for the overlay's meter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Level {
    /// Root-mean-square level, dBFS (0 = full scale).
    pub rms_dbfs: f32,
    /// Peak absolute sample, dBFS.
    pub peak_dbfs: f32,
}

impl Level {
    pub fn of(samples: &[f32]) -> Self {
        if samples.is_empty() {
            return Self {
                rms_dbfs: SILENCE_DBFS,
                peak_dbfs: SILENCE_DBFS,
            };
        }
        let (sum_sq, peak) = samples.iter().fold((0.0f64, 0.0f32), |(s, p), &x| {
            (s + f64::from(x) * f64::from(x), p.max(x.abs()))
        });
        let rms = (sum_sq / samples.len() as f64).sqrt() as f32;
        Self {
            rms_dbfs: to_dbfs(rms),
            peak_dbfs: to_dbfs(peak),
        }
    }
}

fn to_dbfs(amplitude: f32) -> f32 {
    if amplitude <= 0.0 {
        SILENCE_DBFS
    } else {
        (20.0 * amplitude.log10()).max(SILENCE_DBFS)
    }
}

/// Cuts a sample stream into fixed windows and reports each window's [`Level`].
///
/// 50 ms windows give a meter that moves at 20 Hz — smooth to the eye, cheap to send over IPC.
pub struct LevelMeter {
    window: usize,
    buf: Vec<f32>,
}

impl LevelMeter {
    pub fn new(sample_rate: u32, window_ms: u32) -> Self {
        let window = (sample_rate as usize * window_ms as usize / 1000).max(1);
        Self {
            window,
            buf: Vec::with_capacity(window),
        }
    }

    /// Feeds samples; calls `emit` once per completed window.
    pub fn push(&mut self, samples: &[f32], mut emit: impl FnMut(Level)) {
        for &s in samples {
            self.buf.push(s);
            if self.buf.len() == self.window {
                emit(Level::of(&self.buf));
                self.buf.clear();
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn full_scale_square_is_0_dbfs_and_half_is_minus_6() {
        let l = Level::of(&[1.0, -1.0, 1.0, -1.0]);
        assert!(l.rms_dbfs.abs() < 0.01 && l.peak_dbfs.abs() < 0.01);
        let l = Level::of(&[0.5, -0.5]);
        assert!((l.peak_dbfs + 6.02).abs() < 0.05);
    }

    #[test]
    fn sine_rms_is_3db_below_peak_and_silence_is_floor() {
        let s: Vec<f32> = (0..1600).map(|i| (i as f32 * 0.1).sin()).collect();
        let l = Level::of(&s);
        assert!((l.peak_dbfs - l.rms_dbfs - 3.01).abs() < 0.1, "{l:?}");
        assert_eq!(Level::of(&[0.0; 10]).rms_dbfs, SILENCE_DBFS);
        assert_eq!(Level::of(&[]).peak_dbfs, SILENCE_DBFS);
    }

    #[test]
    fn meter_emits_once_per_window() {
        let mut m = LevelMeter::new(16_000, 50);
        let mut n = 0;
        m.push(&vec![0.1; 16_000], |_| n += 1);
        assert_eq!(n, 20);
    }
}
