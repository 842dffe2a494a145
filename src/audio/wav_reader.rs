use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use super::{AudioError, to_16k_mono};

/// Rates outside this range are not audio a microphone produced; refusing them early gives
/// a clear error instead of a resampler failure (or a gigantic allocation).
const RATE_RANGE: std::ops::RangeInclusive<u32> = 1_000..=768_000;

/// Reads a WAV file of any rate, channel count and sample format hound supports (8/16/24/32-bit
/// integer PCM, 32-bit float) and returns it as 16 kHz mono `f32`.
///
/// Empty, truncated, corrupt and non-WAV input are errors that say which of those it is.
pub fn read_wav_16k_mono(path: &Path) -> Result<Vec<f32>, AudioError> {
    let file = File::open(path).map_err(|e| AudioError::io(path, e))?;
    let file_len = file.metadata().map_err(|e| AudioError::io(path, e))?.len();
    read_wav_from(file, file_len, path)
}

/// [`read_wav_16k_mono`] for a WAV file already in memory; `name` is what errors call it.
pub fn decode_wav_16k_mono(bytes: &[u8], name: &Path) -> Result<Vec<f32>, AudioError> {
    read_wav_from(Cursor::new(bytes), bytes.len() as u64, name)
}

fn read_wav_from(
    mut source: impl Read + Seek,
    file_len: u64,
    path: &Path,
) -> Result<Vec<f32>, AudioError> {
    if file_len == 0 {
        return Err(AudioError::EmptyWav {
            path: path.to_path_buf(),
        });
    }
    let mut magic = [0u8; 12];
    let got = read_up_to(&mut source, &mut magic).map_err(|e| AudioError::io(path, e))?;
    if got < 12 || &magic[0..4] != b"RIFF" || &magic[8..12] != b"WAVE" {
        return Err(AudioError::NotWav {
            path: path.to_path_buf(),
            detail: "no RIFF/WAVE signature".into(),
        });
    }
    // Back to the start: hound wants to see the signature itself.
    source
        .seek(SeekFrom::Start(0))
        .map_err(|e| AudioError::io(path, e))?;
    let mut wav = hound::WavReader::new(BufReader::new(source)).map_err(|e| match e {
        hound::Error::Unsupported => AudioError::UnsupportedWav {
            path: path.to_path_buf(),
            detail: "encoding other than integer PCM or 32-bit float".into(),
        },
        hound::Error::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            AudioError::CorruptWav {
                path: path.to_path_buf(),
                detail: "header cut short".into(),
            }
        }
        other => AudioError::CorruptWav {
            path: path.to_path_buf(),
            detail: other.to_string(),
        },
    })?;
    let spec = wav.spec();
    if spec.channels == 0 || !RATE_RANGE.contains(&spec.sample_rate) {
        return Err(AudioError::UnsupportedWav {
            path: path.to_path_buf(),
            detail: format!("{} channels at {} Hz", spec.channels, spec.sample_rate),
        });
    }
    let samples = u64::from(wav.len());
    if samples == 0 {
        return Err(AudioError::EmptyWav {
            path: path.to_path_buf(),
        });
    }
    // The header's length must fit in the file; otherwise the file was cut (and trusting the
    // header would also mean allocating whatever it claims).
    let bytes_per_sample = u64::from(spec.bits_per_sample).div_ceil(8);
    if samples * bytes_per_sample > file_len {
        return Err(AudioError::CorruptWav {
            path: path.to_path_buf(),
            detail: format!(
                "header announces {} bytes of audio but the file has only {file_len} bytes",
                samples * bytes_per_sample
            ),
        });
    }

    let truncated = |e: hound::Error| AudioError::CorruptWav {
        path: path.to_path_buf(),
        detail: format!("audio data cut short: {e}"),
    };
    let interleaved: Vec<f32> = match (spec.sample_format, spec.bits_per_sample) {
        (hound::SampleFormat::Float, 32) => wav
            .samples::<f32>()
            .map(|s| {
                s.map(|v| {
                    if v.is_finite() {
                        v.clamp(-1.0, 1.0)
                    } else {
                        0.0
                    }
                })
            })
            .collect::<Result<_, _>>()
            .map_err(truncated)?,
        (hound::SampleFormat::Int, bits @ 1..=32) => {
            let scale = 1.0 / (1u64 << (bits - 1)) as f32;
            if bits <= 16 {
                wav.samples::<i16>()
                    .map(|s| s.map(|v| f32::from(v) * scale))
                    .collect::<Result<_, _>>()
                    .map_err(truncated)?
            } else {
                wav.samples::<i32>()
                    .map(|s| s.map(|v| v as f32 * scale))
                    .collect::<Result<_, _>>()
                    .map_err(truncated)?
            }
        }
        (format, bits) => {
            return Err(AudioError::UnsupportedWav {
                path: path.to_path_buf(),
                detail: format!("{bits}-bit {format:?} samples"),
            });
        }
    };
    to_16k_mono(&interleaved, spec.channels, spec.sample_rate)
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}
