use serde::{Deserialize, Serialize};

use super::ModelError;

/// The catalog ships inside the binary: listing models must work offline.
const CATALOG_JSON: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/catalog.json"));

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelLanguage {
    /// English only (`.en` models): faster and more accurate for English.
    En,
    /// 99 languages, detected automatically.
    Multi,
}

/// A downloadable Whisper model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelInfo {
    pub name: String,
    /// File name inside `<data_dir>/models/`.
    pub file: String,
    pub url: String,
    /// Size in bytes, as published upstream.
    pub size: u64,
    /// Lower-case hex sha256; a download is verified against it when present.
    pub sha256: Option<String>,
    pub language: ModelLanguage,
    pub description: String,
    /// Accuracy tier, 1 (tiny) to 4 (large-v3-turbo); quantized files share their
    /// family's tier. 0 in catalogs that do not say.
    #[serde(default)]
    pub quality: u8,
    /// Peak memory while transcribing on the CPU, in MB (0 = unknown).
    #[serde(default)]
    pub memory_mb: u64,
}

#[derive(Deserialize)]
struct CatalogFile {
    models: Vec<ModelInfo>,
}

/// The built-in model catalog (`models/catalog.json`).
pub fn catalog() -> Result<Vec<ModelInfo>, ModelError> {
    parse(CATALOG_JSON)
}

/// A catalog read from a file in the same shape as `models/catalog.json`.
pub fn catalog_from_file(path: &std::path::Path) -> Result<Vec<ModelInfo>, ModelError> {
    let json = std::fs::read_to_string(path).map_err(|e| ModelError::io(path, e))?;
    parse(&json)
}

pub(crate) fn parse(json: &str) -> Result<Vec<ModelInfo>, ModelError> {
    let file: CatalogFile =
        serde_json::from_str(json).map_err(|e| ModelError::Catalog(e.to_string()))?;
    for m in &file.models {
        validate(m)?;
    }
    Ok(file.models)
}

/// A catalog entry becomes a file name on disk: refuse anything that could escape the
/// models directory, and malformed checksums that would make every download fail.
pub(crate) fn validate(m: &ModelInfo) -> Result<(), ModelError> {
    let bad = |why: &str| Err(ModelError::Catalog(format!("model {:?}: {why}", m.name)));
    if m.name.is_empty() {
        return bad("empty name");
    }
    if m.file.is_empty()
        || m.file.starts_with('.')
        || m.file.contains(['/', '\\', '\0'])
        || m.file.ends_with(".part")
    {
        return bad("file must be a plain file name");
    }
    if let Some(sum) = &m.sha256
        && (sum.len() != 64
            || !sum
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()))
    {
        return bad("sha256 must be 64 lower-case hex digits");
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_has_the_promised_models() {
        let c = catalog().unwrap();
        for name in [
            "tiny.en",
            "base.en",
            "small.en",
            "base",
            "base.en-q5_1",
            "base.en-q8_0",
            "small.en-q8_0",
            "base-q8_0",
            "small.en-q5_1",
            "large-v3-turbo",
            "large-v3-turbo-q8_0",
            "large-v3-turbo-q5_0",
        ] {
            let m = c.iter().find(|m| m.name == name).unwrap();
            assert!(m.sha256.is_some(), "{name} has a checksum");
            assert!(
                m.url
                    .starts_with("https://huggingface.co/ggerganov/whisper.cpp/")
            );
            assert!(m.url.ends_with(&m.file));
            assert!(m.size > 50_000_000);
            assert!((1..=4).contains(&m.quality), "{name} has a tier");
            assert!(
                m.memory_mb * 1_000_000 > m.size,
                "{name}: memory covers the weights"
            );
        }
        let base = c.iter().find(|m| m.name == "base").unwrap();
        assert_eq!(base.language, ModelLanguage::Multi);
    }

    #[test]
    fn rejects_path_escapes_and_bad_sums() {
        let ok = r#"{"models":[{"name":"x","file":"ggml-x.bin","url":"u","size":1,"sha256":null,"language":"en","description":""}]}"#;
        assert!(parse(ok).is_ok());
        assert!(parse(&ok.replace("ggml-x.bin", "../x.bin")).is_err());
        assert!(parse(&ok.replace("null", "\"ABC\"")).is_err());
    }
}
