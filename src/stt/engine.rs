use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::Instant;

use serde::Serialize;
use whisper_rs::{
    FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters, WhisperState,
};

use super::SttError;
use super::repetition::looks_looped;
use crate::audio::{SAMPLE_RATE, read_wav_16k_mono};

/// Whisper refuses clips under a second; shorter ones are padded with silence.
const MIN_SAMPLES: usize = SAMPLE_RATE as usize * 11 / 10;
/// Whisper's encoder sees 30 s as 1500 positions: 50 per second.
const CTX_PER_SECOND: f64 = 50.0;
const FULL_AUDIO_CTX: i32 = 1500;
/// Extra encoder positions beyond the audio itself. Without headroom the decoder sees the
/// clip end abruptly and tends to drop the last word or repeat itself.
const AUDIO_CTX_HEADROOM: i32 = 128;
/// See [`EngineOptions::min_audio_ctx`]: ~5 s. Below that the encoder is cheap anyway, and a
/// floor keeps one-word clips from being judged on a sliver of context.
pub const DEFAULT_MIN_AUDIO_CTX: u32 = 256;

/// How the engine runs. `Default` is what the app uses: all cores (capped), language auto
/// for multilingual models, the encoder window sized to the clip (see `short_audio_ctx`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngineOptions {
    /// Worker threads; `None` = [`default_threads`].
    pub threads: Option<usize>,
    /// `None` or `"auto"` detects the language (multilingual models); English-only models
    /// always use `"en"`.
    pub language: Option<String>,
    /// Shrink Whisper's encoder window (`audio_ctx`) to the clip length plus headroom for
    /// clips under 30 s. The encoder otherwise always processes 30 s, which is most of the
    /// time of a short dictation: with the base model on 2 cores a 3 s clip takes ~2.2 s
    /// with the full window and ~0.4 s with its own. The price is about one word error in a
    /// hundred: `scripts/bench-wer.sh` (60 sentences, four synthetic voices) measured 16.0 %
    /// vs 17.9 % with the base model; a floor of 512 positions cost half that and 1.7× the
    /// time. On by default; off for whisper.cpp's reference behaviour.
    pub short_audio_ctx: bool,
    /// Smallest encoder window used by `short_audio_ctx`, in encoder positions (50 per
    /// second).
    pub min_audio_ctx: u32,
    /// Flash attention in the CPU kernels. Off: with short windows it raised the word error
    /// rate of a set like the one above by a third and was not faster.
    pub flash_attn: bool,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self {
            threads: None,
            language: None,
            short_audio_ctx: true,
            min_audio_ctx: DEFAULT_MIN_AUDIO_CTX,
            flash_attn: false,
        }
    }
}

/// All cores, capped at 8: whisper.cpp stops scaling around there and the UI needs a core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(4)
        .clamp(1, 8)
}

/// A stretch of text with its position in the audio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub start_ms: u64,
    pub end_ms: u64,
    pub text: String,
}

/// The result of transcribing one clip.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Transcript {
    pub text: String,
    pub segments: Vec<Segment>,
    /// Detected or fixed language code.
    pub language: Option<String>,
}

impl Transcript {
    /// Joins segment texts the way a reader expects: single spaces, no leading blank.
    pub(crate) fn join(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| s.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A loaded Whisper model, kept warm for the life of the app.
///
/// Loading takes 0.1–0.5 s and a state allocates its buffers once, so the state (which holds
/// the model) is kept; calls are serialised on it (whisper.cpp uses all threads per call).
pub struct Engine {
    state: Mutex<WhisperState>,
    model_name: String,
    model_path: PathBuf,
    threads: usize,
    multilingual: bool,
    language: Option<String>,
    short_audio_ctx: bool,
    min_audio_ctx: i32,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("model", &self.model_name)
            .field("threads", &self.threads)
            .field("multilingual", &self.multilingual)
            .finish_non_exhaustive()
    }
}

static LOG_HOOKS: Once = Once::new();

impl Engine {
    /// Loads a ggml model file. The model name defaults to the file name without the
    /// `ggml-` prefix and `.bin` suffix (`ggml-base.en.bin` → `base.en`).
    pub fn load(path: &Path, opts: EngineOptions) -> Result<Self, SttError> {
        // whisper.cpp prints to stderr by default; route it into tracing instead.
        LOG_HOOKS.call_once(whisper_rs::install_logging_hooks);
        if !path.is_file() {
            return Err(SttError::ModelMissing {
                path: path.to_path_buf(),
            });
        }
        let started = Instant::now();
        let mut params = WhisperContextParameters::default();
        // A GPU backend is only compiled in where it is there to use (Metal on Apple
        // Silicon, or a cuda/vulkan build); whisper.cpp falls back to the CPU without one.
        params
            .use_gpu(super::ACCELERATOR.is_some())
            .flash_attn(opts.flash_attn);
        let load_err = |detail: String| SttError::ModelLoad {
            path: path.to_path_buf(),
            detail,
        };
        let ctx =
            WhisperContext::new_with_params(path, params).map_err(|e| load_err(e.to_string()))?;
        let state = ctx.create_state().map_err(|e| load_err(e.to_string()))?;
        let multilingual = ctx.is_multilingual();
        let model_name = model_name_from_path(path);

        let language = match opts.language.as_deref().map(str::trim) {
            None | Some("") | Some("auto") => None,
            Some(lang) => {
                let lang = lang.to_ascii_lowercase();
                // Validate before whisper-rs sees it: it panics on interior NULs.
                if !lang.chars().all(|c| c.is_ascii_alphabetic()) || lang.len() > 16 {
                    return Err(SttError::UnknownLanguage(lang));
                }
                if whisper_rs::get_lang_id(&lang).is_none() {
                    return Err(SttError::UnknownLanguage(lang));
                }
                if !multilingual && lang != "en" {
                    return Err(SttError::EnglishOnlyModel {
                        model: model_name,
                        language: lang,
                    });
                }
                Some(lang)
            }
        };
        let threads = opts.threads.unwrap_or_else(default_threads).max(1);
        tracing::info!(model = %model_name, multilingual, threads,
            ms = started.elapsed().as_millis() as u64, "whisper model loaded");
        Ok(Self {
            state: Mutex::new(state),
            model_name,
            model_path: path.to_path_buf(),
            threads,
            multilingual,
            language,
            short_audio_ctx: opts.short_audio_ctx,
            min_audio_ctx: i32::try_from(opts.min_audio_ctx).unwrap_or(FULL_AUDIO_CTX),
        })
    }

    pub fn model_name(&self) -> &str {
        &self.model_name
    }

    pub fn model_path(&self) -> &Path {
        &self.model_path
    }

    pub fn is_multilingual(&self) -> bool {
        self.multilingual
    }

    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Transcribes a WAV file (any rate, channels, bit depth).
    pub fn transcribe_file(&self, path: &Path) -> Result<Transcript, SttError> {
        let samples = read_wav_16k_mono(path)?;
        self.transcribe(&samples)
    }

    /// Transcribes 16 kHz mono samples in [-1, 1].
    pub fn transcribe(&self, samples: &[f32]) -> Result<Transcript, SttError> {
        self.transcribe_with_prompt(samples, None)
    }

    /// Transcribes one speech segment of a live recording with the encoder window sized to
    /// the segment (never below `min_audio_ctx`), whatever `short_audio_ctx` says: this is
    /// the call the user waits for after letting go of the key.
    ///
    /// `language` (a code Whisper reported for an earlier segment) overrides automatic
    /// detection on multilingual models: detection is a second encoder pass per call, and
    /// one recording is in one language.
    ///
    /// `prompt` is the user's vocabulary and the text said before this segment, so names
    /// are spelled the same way throughout (see [`Vocabulary`](super::Vocabulary)).
    pub fn transcribe_segment(
        &self,
        samples: &[f32],
        language: Option<&str>,
        prompt: Option<&str>,
    ) -> Result<Transcript, SttError> {
        self.run(
            samples,
            prompt,
            true,
            Call {
                language,
                cancel: None,
            },
        )
    }

    /// Like [`transcribe_segment`](Self::transcribe_segment), but gives up with
    /// [`SttError::Cancelled`] soon after `cancel` is set (whisper.cpp checks between the
    /// steps of its compute graph): a guess that turned out wrong must not hold up the
    /// segment the user is waiting for.
    pub fn transcribe_segment_cancellable(
        &self,
        samples: &[f32],
        language: Option<&str>,
        prompt: Option<&str>,
        cancel: &Arc<AtomicBool>,
    ) -> Result<Transcript, SttError> {
        let cancel = Some(cancel);
        self.run(samples, prompt, true, Call { language, cancel })
    }

    /// Like [`transcribe`](Self::transcribe), with the text said just before as context
    /// (keeps spelling of names consistent across streaming segments).
    pub fn transcribe_with_prompt(
        &self,
        samples: &[f32],
        prompt: Option<&str>,
    ) -> Result<Transcript, SttError> {
        self.run(samples, prompt, self.short_audio_ctx, Call::default())
    }

    fn run(
        &self,
        samples: &[f32],
        prompt: Option<&str>,
        short_audio_ctx: bool,
        call: Call<'_>,
    ) -> Result<Transcript, SttError> {
        let first = self.decode(samples, prompt, short_audio_ctx, call)?;
        let was_short = self
            .audio_ctx_for(samples.len().max(MIN_SAMPLES), short_audio_ctx)
            .is_some();
        if was_short && looks_looped(&first.text) {
            tracing::info!(text = %first.text, "the decoder repeated itself; transcribing again with the full window");
            return self.decode(samples, prompt, false, call);
        }
        Ok(first)
    }

    fn decode(
        &self,
        samples: &[f32],
        prompt: Option<&str>,
        short_audio_ctx: bool,
        call: Call<'_>,
    ) -> Result<Transcript, SttError> {
        let cancel = call.cancel;
        if samples.is_empty() {
            return Ok(Transcript {
                language: self.language.clone(),
                ..Transcript::default()
            });
        }
        let started = Instant::now();
        let padded;
        let audio: &[f32] = if samples.len() < MIN_SAMPLES {
            let mut p = samples.to_vec();
            p.resize(MIN_SAMPLES, 0.0);
            padded = p;
            &padded
        } else {
            samples
        };

        let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
        params.set_n_threads(i32::try_from(self.threads).unwrap_or(4));
        params.set_translate(false);
        params.set_print_special(false);
        params.set_print_progress(false);
        params.set_print_realtime(false);
        params.set_print_timestamps(false);
        params.set_suppress_blank(true);
        // Each call is one utterance; carrying decoder context across calls is what makes
        // Whisper loop on repeated phrases.
        params.set_no_context(true);
        let language = if self.multilingual {
            call.language
                .filter(|l| whisper_rs::get_lang_id(l).is_some())
                .or(self.language.as_deref())
                .unwrap_or("auto")
        } else {
            "en"
        };
        params.set_language(Some(language));
        let prompt = prompt.map(sanitize_prompt).filter(|p| !p.is_empty());
        if let Some(p) = prompt.as_deref() {
            params.set_initial_prompt(p);
        }
        let audio_ctx = self.audio_ctx_for(audio.len(), short_audio_ctx);
        if let Some(ctx) = audio_ctx {
            params.set_audio_ctx(ctx);
        }
        if let Some(flag) = cancel {
            params.set_abort_callback_safe(abort_when_set(flag));
        }

        let mut state = self.state.lock().map_err(|_| {
            SttError::Transcribe("engine state poisoned by an earlier panic".into())
        })?;
        if let Err(e) = state.full(params, audio) {
            if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                return Err(SttError::Cancelled);
            }
            return Err(SttError::Transcribe(e.to_string()));
        }

        let clip_ms = samples.len() as u64 * 1000 / u64::from(SAMPLE_RATE);
        let mut segments = Vec::new();
        for seg in state.as_iter() {
            let text = seg
                .to_str_lossy()
                .map_err(|e| SttError::Transcribe(e.to_string()))?
                .trim()
                .to_owned();
            if text.is_empty() || is_non_speech_tag(&text) {
                continue;
            }
            // Timestamps are in 10 ms units; clamp to the real clip (not the padding).
            let start_ms = (seg.start_timestamp().max(0) as u64 * 10).min(clip_ms);
            let end_ms = (seg.end_timestamp().max(0) as u64 * 10).clamp(start_ms, clip_ms);
            segments.push(Segment {
                start_ms,
                end_ms,
                text,
            });
        }
        let detected = whisper_rs::get_lang_str(state.full_lang_id_from_state()).map(str::to_owned);
        let text = Transcript::join(&segments);
        tracing::debug!(audio_ms = clip_ms, ms = started.elapsed().as_millis() as u64,
            audio_ctx = audio_ctx.unwrap_or(FULL_AUDIO_CTX), %text, "transcribed");
        Ok(Transcript {
            text,
            segments,
            language: detected.or_else(|| Some(language.to_owned())),
        })
    }

    fn audio_ctx_for(&self, samples: usize, short: bool) -> Option<i32> {
        if !short {
            return None;
        }
        let secs = samples as f64 / f64::from(SAMPLE_RATE);
        let ctx =
            ((secs * CTX_PER_SECOND).ceil() as i32 + AUDIO_CTX_HEADROOM).max(self.min_audio_ctx);
        (ctx < FULL_AUDIO_CTX).then_some(ctx)
    }
}

/// Per-call choices of the streaming path.
#[derive(Default, Clone, Copy)]
struct Call<'a> {
    /// Overrides the engine's language on multilingual models.
    language: Option<&'a str>,
    cancel: Option<&'a Arc<AtomicBool>>,
}

/// whisper.cpp's abort callback, polled between the steps of its compute graph.
///
/// whisper-rs 0.16 stores the closure as a `Box<dyn FnMut>` but its C trampoline reads the
/// pointer as the closure's own type; the two agree only when that type is itself a
/// `Box<dyn FnMut() -> bool>`, hence the box. whisper-rs never frees it: an `Arc` and two
/// boxes' worth per cancellable call.
fn abort_when_set(flag: &Arc<AtomicBool>) -> Box<dyn FnMut() -> bool> {
    let flag = Arc::clone(flag);
    Box::new(move || flag.load(Ordering::Relaxed))
}

/// Longest prompt passed on: whisper.cpp keeps 224 prompt tokens (the tail) and a vocabulary
/// plus the sentence before fits in this.
const MAX_PROMPT_CHARS: usize = 600;

/// whisper-rs panics on interior NULs; a prompt is only a hint, so drop them (and keep the
/// prompt short: only its tail matters and long prompts slow decoding).
fn sanitize_prompt(p: &str) -> String {
    let clean: String = p.chars().filter(|c| *c != '\0').collect();
    let chars: Vec<char> = clean.chars().collect();
    let start = chars.len().saturating_sub(MAX_PROMPT_CHARS);
    chars[start..].iter().collect::<String>().trim().to_owned()
}

/// Whisper labels noise and silence with tags like `[Music]`, `[BLANK_AUDIO]` or `(wind)`;
/// they are not words the user said and must not become tasks.
fn is_non_speech_tag(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '.');
    (t.starts_with('[') && t.ends_with(']'))
        || (t.starts_with('(') && t.ends_with(')'))
        || t.starts_with('♪')
}

pub(crate) fn model_name_from_path(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = file.strip_suffix(".bin").unwrap_or(&file);
    stem.strip_prefix("ggml-").unwrap_or(stem).to_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn model_names_from_file_names() {
        assert_eq!(
            model_name_from_path(Path::new("/m/ggml-base.en.bin")),
            "base.en"
        );
        assert_eq!(model_name_from_path(Path::new("custom.bin")), "custom");
    }

    #[test]
    fn missing_model_is_a_clear_error() {
        let err = Engine::load(
            Path::new("/nonexistent/ggml-x.bin"),
            EngineOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, SttError::ModelMissing { .. }));
        assert!(err.to_string().contains("utter models download"));
    }

    #[test]
    fn garbage_model_fails_to_load_without_panicking() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ggml-bad.bin");
        std::fs::write(&p, b"definitely not a ggml file").unwrap();
        let err = Engine::load(&p, EngineOptions::default()).unwrap_err();
        assert!(matches!(err, SttError::ModelLoad { .. }), "{err}");
    }

    #[test]
    fn non_speech_tags_are_dropped() {
        for t in ["[Music]", "[BLANK_AUDIO]", " (wind blowing) ", "♪ la la ♪"] {
            assert!(is_non_speech_tag(t), "{t}");
        }
        assert!(!is_non_speech_tag("Call Joe [tomorrow]"));
    }

    #[test]
    fn prompt_is_sanitized() {
        assert_eq!(sanitize_prompt("a\0b "), "ab");
        assert_eq!(sanitize_prompt(&"x".repeat(900)).len(), MAX_PROMPT_CHARS);
    }
}
