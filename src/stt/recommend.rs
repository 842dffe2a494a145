//! "Choose for me": the Whisper model this machine runs well, from its cores, its memory and
//! whether whisper.cpp was built with a GPU backend.

use serde::Serialize;

use super::catalog::{ModelInfo, ModelLanguage};

/// The GPU backend compiled into whisper.cpp, if any. Apple Silicon builds get Metal;
/// CUDA and Vulkan are opt-in cargo features (`--features utter/cuda`, `utter/vulkan`).
pub const ACCELERATOR: Option<&str> = if cfg!(any(
    feature = "metal",
    all(target_os = "macos", target_arch = "aarch64")
)) {
    Some("metal")
} else if cfg!(feature = "cuda") {
    Some("cuda")
} else if cfg!(feature = "vulkan") {
    Some("vulkan")
} else {
    None
};

/// What the choice depends on. [`MachineProfile::detect`] reads this machine; tests build
/// profiles of machines they do not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MachineProfile {
    pub cores: usize,
    pub memory_mb: u64,
    /// A GPU backend is compiled in (whisper.cpp uses it when a device is there).
    pub gpu: bool,
}

impl MachineProfile {
    /// The model leaves at least half the memory to everything else (unknown sizes fit).
    pub fn fits(&self, m: &ModelInfo) -> bool {
        m.memory_mb == 0 || m.memory_mb.saturating_mul(2) <= self.memory_mb.max(1)
    }

    pub fn detect() -> Self {
        let mut sys = sysinfo::System::new();
        sys.refresh_memory();
        Self {
            cores: std::thread::available_parallelism().map_or(2, usize::from),
            memory_mb: sys.total_memory() / 1_000_000,
            gpu: ACCELERATOR.is_some(),
        }
    }
}

/// The model picked for a machine, and why (shown to the user as is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    pub name: String,
    pub reason: String,
}

/// The file within a tier that suits a machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quant {
    /// 8-bit: on a CPU as accurate as full precision and the fastest (README, model
    /// benchmark: base q8_0 0.25 s per clip vs q5_1 0.38 s, word error rate within 0.2).
    Q8,
    /// 5-bit: the least memory, for machines short of it, and turbo on a GPU.
    Q5,
}

/// Which model family (by catalog tier) a machine runs in real time with room to spare,
/// and which quantization. The thresholds come from the model benchmark (README): base
/// takes ~0.3 s per clip on 2 cores, small about three times that, turbo is only quick on a
/// GPU; a dump is transcribed twice when the user has a vocabulary, so the CPU tiers are
/// conservative.
fn tier_for(p: &MachineProfile) -> (u8, Quant) {
    let gb = p.memory_mb / 1000;
    if p.memory_mb < 2_000 || p.cores < 2 {
        (1, Quant::Q8)
    } else if p.gpu && gb >= 8 {
        (4, Quant::Q5)
    } else if p.cores >= 8 && gb >= 8 {
        (3, Quant::Q8)
    } else if gb >= 4 {
        (2, Quant::Q8)
    } else {
        (2, Quant::Q5)
    }
}

fn quant_of(m: &ModelInfo) -> Option<Quant> {
    if m.name.contains("-q8") {
        Some(Quant::Q8)
    } else if m.name.contains("-q5") {
        Some(Quant::Q5)
    } else {
        None
    }
}

/// The catalog model for `profile`. `english`: the user speaks English (the `.en` models are
/// better there); otherwise a multilingual one. A tier with no model here falls back to the
/// next lower one.
pub fn recommend(
    catalog: &[ModelInfo],
    profile: &MachineProfile,
    english: bool,
) -> Option<Recommendation> {
    let (tier, quant) = tier_for(profile);
    for t in (1..=tier).rev() {
        let in_tier: Vec<&ModelInfo> = catalog
            .iter()
            .filter(|m| m.quality == t)
            .filter(|m| profile.fits(m))
            .collect();
        let speaks = |lang: ModelLanguage| -> Vec<&ModelInfo> {
            in_tier
                .iter()
                .copied()
                .filter(|m| m.language == lang)
                .collect()
        };
        // English speakers take a multilingual file only in a tier without `.en` files
        // (large-v3-turbo has none).
        let candidates = match (english, speaks(ModelLanguage::En)) {
            (true, en) if !en.is_empty() => en,
            _ => speaks(ModelLanguage::Multi),
        };
        // The wanted quantization, else full precision, else whatever the tier has.
        let pick = candidates
            .iter()
            .find(|m| quant_of(m) == Some(quant))
            .or_else(|| candidates.iter().find(|m| quant_of(m).is_none()))
            .or_else(|| candidates.first())
            .copied();
        if let Some(m) = pick {
            return Some(Recommendation {
                name: m.name.clone(),
                reason: reason(profile, m, t < tier),
            });
        }
    }
    None
}

fn reason(p: &MachineProfile, m: &ModelInfo, fell_back: bool) -> String {
    let machine = format!(
        "{} cores, {:.0} GB of memory{}",
        p.cores,
        p.memory_mb as f64 / 1000.0,
        if p.gpu { ", a GPU backend" } else { "" }
    );
    let why = match m.quality {
        1 => "the smallest model: this machine has little memory or one core",
        2 if quant_of(m) == Some(Quant::Q5) => "base, 5-bit: real time in the least memory",
        2 => "base: real time on 2–4 cores (8-bit is the fastest on a CPU)",
        3 => "small: more accurate, and 8 cores keep it real time",
        _ => "large-v3-turbo: the most accurate, quick on a GPU",
    };
    let fallback = if fell_back {
        " (a bigger model is not available)"
    } else {
        ""
    };
    format!("{machine}: {why}{fallback}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::stt::catalog;

    fn pick(cores: usize, memory_gb: u64, gpu: bool, english: bool) -> String {
        let p = MachineProfile {
            cores,
            memory_mb: memory_gb * 1000,
            gpu,
        };
        recommend(&catalog().unwrap(), &p, english).unwrap().name
    }

    #[test]
    fn picks_by_cores_memory_and_gpu() {
        // A 2-core CI box or an old laptop: base, 8-bit (the fastest on a CPU).
        assert_eq!(pick(2, 4, false, true), "base.en-q8_0");
        // A 4-core, 8 GB laptop: the same.
        assert_eq!(pick(4, 8, false, true), "base.en-q8_0");
        // Short of memory: the smallest base.
        assert_eq!(pick(4, 3, false, true), "base.en-q5_1");
        // An 8-core, 16 GB desktop: small.
        assert_eq!(pick(8, 16, false, true), "small.en-q8_0");
        // Many cores but little memory stays on base.
        assert_eq!(pick(16, 4, false, true), "base.en-q8_0");
        // Apple Silicon / a CUDA build with 16 GB: turbo (multilingual only).
        assert_eq!(pick(8, 16, true, true), "large-v3-turbo-q5_0");
        // A GPU build on a 4 GB machine cannot hold turbo next to everything else.
        assert_eq!(pick(4, 4, true, true), "base.en-q8_0");
        // A tiny VM: tiny.
        assert_eq!(pick(1, 1, false, true), "tiny.en");
    }

    #[test]
    fn non_english_speakers_get_multilingual_models() {
        assert_eq!(pick(2, 4, false, false), "base-q8_0");
        assert_eq!(pick(4, 3, false, false), "base-q5_1");
        assert_eq!(pick(4, 8, false, false), "base-q8_0");
        assert_eq!(pick(8, 16, false, false), "small-q8_0");
        assert_eq!(pick(8, 16, true, false), "large-v3-turbo-q5_0");
        assert_eq!(pick(1, 1, false, false), "tiny");
    }

    #[test]
    fn a_catalog_without_the_tier_falls_back_and_says_so() {
        let only_base: Vec<ModelInfo> = catalog()
            .unwrap()
            .into_iter()
            .filter(|m| m.name == "base.en")
            .collect();
        let p = MachineProfile {
            cores: 16,
            memory_mb: 32_000,
            gpu: true,
        };
        let r = recommend(&only_base, &p, true).unwrap();
        assert_eq!(r.name, "base.en");
        assert!(r.reason.contains("not available"), "{}", r.reason);
        assert!(r.reason.starts_with("16 cores, 32 GB"), "{}", r.reason);
        assert!(recommend(&[], &p, true).is_none());
    }

    #[test]
    fn detect_reads_this_machine() {
        let p = MachineProfile::detect();
        assert!(p.cores >= 1);
        assert!(p.memory_mb > 100, "{p:?}");
    }
}
