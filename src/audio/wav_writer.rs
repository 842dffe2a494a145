use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use super::{AudioError, SAMPLE_RATE};

/// How often the header is rewritten and buffers pushed to the OS. A `kill -9` loses at most
/// this much audio plus one write buffer; the OS keeps what was written even if we die.
const FLUSH_EVERY: Duration = Duration::from_millis(500);

/// Records 16 kHz mono 16-bit PCM to a WAV file that stays readable if the process dies.
///
/// hound's `flush` rewrites the RIFF/data sizes for everything written so far, so between
/// flushes the file on disk is a complete WAV up to the last flush. Anything written after it
/// is recovered by [`repair_wav`], which trusts the file length over the header.
pub struct CrashSafeWavWriter {
    writer: Option<hound::WavWriter<BufWriter<File>>>,
    path: PathBuf,
    samples: u64,
    samples_at_flush: u64,
    last_flush: Instant,
}

impl CrashSafeWavWriter {
    /// Creates `dir` if needed and a new, uniquely named recording in it.
    pub fn create_in(dir: &Path) -> Result<Self, AudioError> {
        std::fs::create_dir_all(dir).map_err(|e| AudioError::io(dir, e))?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        // create_new + a counter: two recordings in the same millisecond never share a file.
        for n in 0..1000u32 {
            let name = if n == 0 {
                format!("utter-{stamp}.wav")
            } else {
                format!("utter-{stamp}-{n}.wav")
            };
            let path = dir.join(name);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => return Self::from_file(file, path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(AudioError::io(path, e)),
            }
        }
        Err(AudioError::io(
            dir,
            std::io::Error::new(std::io::ErrorKind::AlreadyExists, "no free file name"),
        ))
    }

    /// Creates (or truncates) the recording at `path`.
    pub fn create(path: &Path) -> Result<Self, AudioError> {
        let file = File::create(path).map_err(|e| AudioError::io(path, e))?;
        Self::from_file(file, path.to_path_buf())
    }

    fn from_file(file: File, path: PathBuf) -> Result<Self, AudioError> {
        let writer = hound::WavWriter::new(BufWriter::new(file), SPEC).map_err(|source| {
            AudioError::WavWrite {
                path: path.clone(),
                source,
            }
        })?;
        let mut this = Self {
            writer: Some(writer),
            path,
            samples: 0,
            samples_at_flush: 0,
            last_flush: Instant::now(),
        };
        // A valid (empty) WAV exists from the first moment on.
        this.flush()?;
        Ok(this)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn samples_written(&self) -> u64 {
        self.samples
    }

    pub fn duration_ms(&self) -> u64 {
        self.samples * 1000 / u64::from(SAMPLE_RATE)
    }

    /// Appends 16 kHz mono samples in [-1, 1]; flushes when [`FLUSH_EVERY`] of wall time or
    /// of audio has passed since the last flush (whichever first: an unpaced source would
    /// otherwise write minutes between flushes).
    pub fn write(&mut self, samples: &[f32]) -> Result<(), AudioError> {
        let Some(writer) = self.writer.as_mut() else {
            return Ok(());
        };
        for &s in samples {
            writer
                .write_sample(to_i16(s))
                .map_err(|source| AudioError::WavWrite {
                    path: self.path.clone(),
                    source,
                })?;
        }
        self.samples += samples.len() as u64;
        let audio_since = self.samples - self.samples_at_flush;
        let flush_samples = u64::from(SAMPLE_RATE) * FLUSH_EVERY.as_millis() as u64 / 1000;
        if audio_since >= flush_samples || self.last_flush.elapsed() >= FLUSH_EVERY {
            self.flush()?;
        }
        Ok(())
    }

    /// Makes everything written so far a valid WAV on disk.
    pub fn flush(&mut self) -> Result<(), AudioError> {
        if let Some(writer) = self.writer.as_mut() {
            writer.flush().map_err(|source| AudioError::WavWrite {
                path: self.path.clone(),
                source,
            })?;
        }
        self.samples_at_flush = self.samples;
        self.last_flush = Instant::now();
        Ok(())
    }

    /// Writes the final header and closes the file.
    pub fn finalize(mut self) -> Result<PathBuf, AudioError> {
        if let Some(writer) = self.writer.take() {
            writer.finalize().map_err(|source| AudioError::WavWrite {
                path: self.path.clone(),
                source,
            })?;
        }
        Ok(self.path.clone())
    }

    /// Closes and deletes the recording (cancel).
    pub fn discard(mut self) -> Result<(), AudioError> {
        drop(self.writer.take());
        std::fs::remove_file(&self.path).map_err(|e| AudioError::io(&self.path, e))
    }
}

/// What [`repair_wav`] found and did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepairReport {
    /// Whether the header (or a trailing partial frame) had to be fixed.
    pub repaired: bool,
    pub data_bytes: u64,
    pub duration_ms: u64,
}

/// Fixes the RIFF and data sizes of a WAV whose writer died (e.g. `kill -9`, power loss) so
/// that it covers all the audio that reached the disk, and cuts a trailing partial frame.
///
/// Assumes `data` is the last chunk, which holds for files this module writes and for almost
/// every recorder; audio after a stale header is kept, not discarded.
pub fn repair_wav(path: &Path) -> Result<RepairReport, AudioError> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| AudioError::io(path, e))?;
    let len = file.metadata().map_err(|e| AudioError::io(path, e))?.len();
    let corrupt = |detail: &str| AudioError::CorruptWav {
        path: path.to_path_buf(),
        detail: detail.to_owned(),
    };

    let mut riff = [0u8; 12];
    if len < 12 || file.read_exact(&mut riff).is_err() {
        return Err(AudioError::NotWav {
            path: path.to_path_buf(),
            detail: "shorter than a RIFF header".into(),
        });
    }
    if &riff[0..4] != b"RIFF" || &riff[8..12] != b"WAVE" {
        return Err(AudioError::NotWav {
            path: path.to_path_buf(),
            detail: "no RIFF/WAVE signature".into(),
        });
    }

    let mut pos = 12u64;
    let mut block_align: Option<u64> = None;
    let mut byte_rate: Option<u64> = None;
    let data = loop {
        if pos + 8 > len {
            return Err(corrupt("no data chunk"));
        }
        let mut head = [0u8; 8];
        file.seek(SeekFrom::Start(pos))
            .and_then(|_| file.read_exact(&mut head))
            .map_err(|e| AudioError::io(path, e))?;
        let size = u64::from(u32::from_le_bytes([head[4], head[5], head[6], head[7]]));
        match &head[0..4] {
            b"fmt " => {
                let mut fmt = [0u8; 16];
                file.read_exact(&mut fmt)
                    .map_err(|_| corrupt("fmt chunk cut short"))?;
                byte_rate = Some(u64::from(u32::from_le_bytes([
                    fmt[8], fmt[9], fmt[10], fmt[11],
                ])));
                block_align = Some(u64::from(u16::from_le_bytes([fmt[12], fmt[13]])));
            }
            b"data" => break pos,
            _ => {}
        }
        // Chunks are padded to an even size.
        pos += 8 + size + (size & 1);
    };
    let block_align = block_align
        .filter(|b| *b > 0)
        .ok_or_else(|| corrupt("no fmt chunk before data"))?;
    let byte_rate = byte_rate
        .filter(|b| *b > 0)
        .ok_or_else(|| corrupt("zero byte rate"))?;

    let data_start = data + 8;
    let available = len.saturating_sub(data_start);
    let data_bytes = available - available % block_align;
    let data_bytes_u32 =
        u32::try_from(data_bytes).map_err(|_| corrupt("data larger than 4 GiB"))?;
    let new_len = data_start + data_bytes;
    let riff_size = u32::try_from(new_len - 8).map_err(|_| corrupt("file larger than 4 GiB"))?;

    let mut old = [0u8; 4];
    file.seek(SeekFrom::Start(data + 4))
        .and_then(|_| file.read_exact(&mut old))
        .map_err(|e| AudioError::io(path, e))?;
    let old_data = u32::from_le_bytes(old);
    let old_riff = u32::from_le_bytes([riff[4], riff[5], riff[6], riff[7]]);
    let repaired = old_data != data_bytes_u32 || old_riff != riff_size || new_len != len;
    if repaired {
        tracing::info!(path = %path.display(), old_data, data_bytes, "repairing WAV header");
        file.set_len(new_len).map_err(|e| AudioError::io(path, e))?;
        file.seek(SeekFrom::Start(4))
            .and_then(|_| file.write_all(&riff_size.to_le_bytes()))
            .and_then(|_| file.seek(SeekFrom::Start(data + 4)))
            .and_then(|_| file.write_all(&data_bytes_u32.to_le_bytes()))
            .and_then(|_| file.sync_all())
            .map_err(|e| AudioError::io(path, e))?;
    }
    Ok(RepairReport {
        repaired,
        data_bytes,
        duration_ms: data_bytes * 1000 / byte_rate,
    })
}

/// 16 kHz mono 16-bit PCM: what every recording is written as.
const SPEC: hound::WavSpec = hound::WavSpec {
    channels: 1,
    sample_rate: SAMPLE_RATE,
    bits_per_sample: 16,
    sample_format: hound::SampleFormat::Int,
};

fn to_i16(s: f32) -> i16 {
    (s.clamp(-1.0, 1.0) * f32::from(i16::MAX)).round() as i16
}

/// 16 kHz mono samples as the bytes of a WAV file (a card's seconds, played in the app).
pub fn wav_bytes(samples: &[f32]) -> Result<Vec<u8>, AudioError> {
    let mut out = std::io::Cursor::new(Vec::with_capacity(44 + samples.len() * 2));
    let wav_err = |source| AudioError::WavWrite {
        path: PathBuf::from("(memory)"),
        source,
    };
    let mut writer = hound::WavWriter::new(&mut out, SPEC).map_err(wav_err)?;
    for &s in samples {
        writer.write_sample(to_i16(s)).map_err(wav_err)?;
    }
    writer.finalize().map_err(wav_err)?;
    Ok(out.into_inner())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn tone(n: usize) -> Vec<f32> {
        (0..n).map(|i| ((i as f32) * 0.05).sin() * 0.3).collect()
    }

    #[test]
    fn finalized_recording_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = CrashSafeWavWriter::create_in(dir.path()).unwrap();
        w.write(&tone(16_000)).unwrap();
        assert_eq!(w.duration_ms(), 1000);
        let path = w.finalize().unwrap();
        let r = hound::WavReader::open(&path).unwrap();
        assert_eq!(r.spec().sample_rate, 16_000);
        assert_eq!(r.len(), 16_000);
        assert!(!repair_wav(&path).unwrap().repaired);
    }

    #[test]
    fn file_is_valid_after_each_flush_and_repair_recovers_unflushed_tail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.wav");
        let mut w = CrashSafeWavWriter::create(&path).unwrap();
        w.write(&tone(16_000)).unwrap(); // ≥ 0.5 s of audio → flushed
        let on_disk = hound::WavReader::open(&path).unwrap().len();
        assert!(on_disk >= 8_000, "{on_disk}");
        // Simulate a crash: leak the writer so neither finalize nor Drop touches the header,
        // after pushing more bytes than the header knows about.
        w.write(&tone(3_000)).unwrap();
        if let Some(inner) = w.writer.as_mut() {
            let _ = inner.flush();
        }
        w.write(&tone(100)).unwrap();
        std::mem::forget(w);
        // Append an odd byte, as a write cut mid-sample would.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&[0x7f]).unwrap();
        drop(f);
        let report = repair_wav(&path).unwrap();
        assert!(report.repaired);
        let r = hound::WavReader::open(&path).unwrap();
        assert!(r.len() >= 19_000, "{}", r.len());
        assert_eq!(report.data_bytes, u64::from(r.len()) * 2);
    }

    #[test]
    fn repair_rejects_non_wav() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.wav");
        std::fs::write(&p, b"hello world, not a wav at all").unwrap();
        assert!(matches!(repair_wav(&p), Err(AudioError::NotWav { .. })));
        std::fs::write(&p, b"RIFF\0\0\0\0WAVEjunk").unwrap();
        assert!(matches!(repair_wav(&p), Err(AudioError::CorruptWav { .. })));
    }

    #[test]
    fn discard_removes_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = CrashSafeWavWriter::create_in(dir.path()).unwrap();
        w.write(&tone(100)).unwrap();
        let p = w.path().to_path_buf();
        w.discard().unwrap();
        assert!(!p.exists());
    }
}
