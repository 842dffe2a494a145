//! WAV input of every common shape → 16 kHz mono, and clear errors for bad input.

use std::path::Path;

use utter::audio::{AudioError, read_wav_16k_mono, repair_wav};

use super::support::{PHRASE, espeak, sox};

fn rms(x: &[f32]) -> f32 {
    (x.iter().map(|v| v * v).sum::<f32>() / x.len().max(1) as f32).sqrt()
}

/// Every supported layout decodes to the same 16 kHz signal as sox's own conversion.
#[test]
fn rates_channels_and_bit_depths_resample_to_16k_mono() {
    let dir = tempfile::tempdir().unwrap();
    let src = espeak(dir.path(), "src.wav", PHRASE);
    let reference_path = dir.path().join("ref16.wav");
    sox(
        &src,
        &["-r", "16000", "-c", "1", "-b", "16"],
        &reference_path,
    );
    let reference = read_wav_16k_mono(&reference_path).unwrap();
    let ref_rms = rms(&reference);
    assert!(ref_rms > 0.01);

    let cases: &[(&str, &[&str])] = &[
        (
            "s16_44k_stereo.wav",
            &["-r", "44100", "-c", "2", "-b", "16"],
        ),
        (
            "s16_48k_stereo.wav",
            &["-r", "48000", "-c", "2", "-b", "16"],
        ),
        (
            "f32_48k_stereo.wav",
            &["-r", "48000", "-c", "2", "-e", "floating-point", "-b", "32"],
        ),
        ("s24_96k_mono.wav", &["-r", "96000", "-c", "1", "-b", "24"]),
        ("s32_22k_mono.wav", &["-r", "22050", "-c", "1", "-b", "32"]),
        (
            "u8_8k_mono.wav",
            &["-r", "8000", "-c", "1", "-b", "8", "-e", "unsigned-integer"],
        ),
        ("s16_16k_6ch.wav", &["-r", "16000", "-c", "6", "-b", "16"]),
    ];
    for (name, args) in cases {
        let p = dir.path().join(name);
        sox(&src, args, &p);
        let got = read_wav_16k_mono(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        let len_diff = (got.len() as i64 - reference.len() as i64).abs();
        assert!(
            len_diff <= 16,
            "{name}: {} vs {} samples",
            got.len(),
            reference.len()
        );
        let r = rms(&got);
        assert!(
            (r / ref_rms - 1.0).abs() < 0.15,
            "{name}: rms {r} vs {ref_rms}"
        );
        // Same waveform, not just the same loudness: normalised correlation with sox's result.
        let n = got.len().min(reference.len());
        let dot: f32 = got[..n]
            .iter()
            .zip(&reference[..n])
            .map(|(a, b)| a * b)
            .sum();
        let corr = dot / (rms(&got[..n]) * rms(&reference[..n]) * n as f32);
        // 8 kHz input has lost everything above 4 kHz, so it correlates less.
        let min_corr = if name.contains("8k") { 0.6 } else { 0.9 };
        assert!(corr > min_corr, "{name}: correlation {corr}");
    }
}

fn expect_err(path: &Path) -> AudioError {
    match read_wav_16k_mono(path) {
        Ok(v) => panic!(
            "{}: expected an error, got {} samples",
            path.display(),
            v.len()
        ),
        Err(e) => {
            // Every error names the file.
            assert!(e.to_string().contains(&*path.to_string_lossy()), "{e}");
            e
        }
    }
}

#[test]
fn empty_corrupt_truncated_and_non_wav_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let src = espeak(d, "src.wav", PHRASE);
    let good = std::fs::read(&src).unwrap();

    let empty = d.join("empty.wav");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(expect_err(&empty), AudioError::EmptyWav { .. }));

    let text = d.join("notes.wav");
    std::fs::write(&text, b"call Joe tomorrow, this is a text file").unwrap();
    assert!(matches!(expect_err(&text), AudioError::NotWav { .. }));

    let mp3ish = d.join("song.wav");
    std::fs::write(&mp3ish, b"ID3\x04\0\0\0\0\0\0\xff\xfb\x90\x64").unwrap();
    assert!(matches!(expect_err(&mp3ish), AudioError::NotWav { .. }));

    let header_only = d.join("header_only.wav");
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 16_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    hound::WavWriter::create(&header_only, spec)
        .unwrap()
        .finalize()
        .unwrap();
    assert!(matches!(
        expect_err(&header_only),
        AudioError::EmptyWav { .. }
    ));

    let truncated = d.join("truncated.wav");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();
    let err = expect_err(&truncated);
    assert!(matches!(err, AudioError::CorruptWav { .. }), "{err}");
    assert!(err.to_string().contains("repair"), "{err}");
    // …and after repair the first half is readable.
    let report = repair_wav(&truncated).unwrap();
    assert!(report.repaired);
    assert!(read_wav_16k_mono(&truncated).unwrap().len() > 10_000);

    let garbage_fmt = d.join("garbage_fmt.wav");
    let mut g = good.clone();
    for b in &mut g[20..36] {
        *b = 0xAB;
    }
    std::fs::write(&garbage_fmt, &g).unwrap();
    let err = expect_err(&garbage_fmt);
    assert!(
        matches!(
            err,
            AudioError::CorruptWav { .. } | AudioError::UnsupportedWav { .. }
        ),
        "{err}"
    );

    let missing = d.join("missing.wav");
    assert!(matches!(expect_err(&missing), AudioError::Io { .. }));
}

/// No prefix of a valid file and no single-byte header corruption makes the reader panic.
#[test]
fn mangled_headers_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let src = espeak(dir.path(), "src.wav", "hello");
    let good = std::fs::read(&src).unwrap();
    let p = dir.path().join("m.wav");
    for cut in 0..80.min(good.len()) {
        std::fs::write(&p, &good[..cut]).unwrap();
        let _ = read_wav_16k_mono(&p);
        let _ = repair_wav(&p);
    }
    for i in 0..60 {
        for v in [0x00, 0xff, 0x7f, 0x80] {
            let mut b = good.clone();
            b[i] = v;
            std::fs::write(&p, &b).unwrap();
            let _ = read_wav_16k_mono(&p);
        }
    }
}
