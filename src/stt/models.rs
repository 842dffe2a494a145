use std::path::{Path, PathBuf};

use serde::Serialize;

use super::ModelError;
use super::catalog::{self, ModelInfo};
use super::download::{DownloadProgress, Expected, download_verified, part_path};

/// A catalog model and whether it is on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelStatus {
    #[serde(flatten)]
    pub info: ModelInfo,
    pub installed: bool,
    pub path: PathBuf,
    /// Bytes on disk (installed file, or the `.part` of an interrupted download).
    pub bytes_on_disk: u64,
    pub partial_download: bool,
}

/// Lists, downloads and removes Whisper models in `<data_dir>/models/`.
#[derive(Debug, Clone)]
pub struct ModelManager {
    dir: PathBuf,
    catalog: Vec<ModelInfo>,
    client: reqwest::Client,
}

impl ModelManager {
    /// Manager over the built-in catalog, storing models in `<data_dir>/models/`.
    pub fn new(data_dir: &Path) -> Result<Self, ModelError> {
        Self::with_catalog(data_dir.join("models"), catalog::catalog()?)
    }

    /// Manager over a custom catalog in `models_dir` (tests; a user's extra models).
    pub fn with_catalog(models_dir: PathBuf, catalog: Vec<ModelInfo>) -> Result<Self, ModelError> {
        for m in &catalog {
            catalog::validate(m)?;
        }
        let client = super::download::download_client()?;
        Ok(Self {
            dir: models_dir,
            catalog,
            client,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn info(&self, name: &str) -> Result<&ModelInfo, ModelError> {
        self.catalog
            .iter()
            .find(|m| m.name == name)
            .ok_or_else(|| ModelError::UnknownModel {
                name: name.to_owned(),
                known: self
                    .catalog
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// Where model `name` lives (whether or not it is installed).
    pub fn path(&self, name: &str) -> Result<PathBuf, ModelError> {
        Ok(self.dir.join(&self.info(name)?.file))
    }

    /// The path of an installed model, or [`ModelError::NotInstalled`].
    pub fn installed_path(&self, name: &str) -> Result<PathBuf, ModelError> {
        let path = self.path(name)?;
        if path.is_file() {
            Ok(path)
        } else {
            Err(ModelError::NotInstalled(name.to_owned()))
        }
    }

    pub fn list(&self) -> Vec<ModelStatus> {
        self.catalog
            .iter()
            .map(|info| {
                let path = self.dir.join(&info.file);
                let installed = std::fs::metadata(&path).ok().filter(|m| m.is_file());
                let part = std::fs::metadata(part_path(&path)).ok();
                ModelStatus {
                    installed: installed.is_some(),
                    bytes_on_disk: installed
                        .as_ref()
                        .or(part.as_ref())
                        .map_or(0, std::fs::Metadata::len),
                    partial_download: installed.is_none() && part.is_some(),
                    path,
                    info: info.clone(),
                }
            })
            .collect()
    }

    /// Downloads model `name` (resuming an interrupted download) and returns its path.
    /// An installed model is returned as is.
    pub async fn download(
        &self,
        name: &str,
        on_progress: &mut (dyn FnMut(DownloadProgress) + Send),
    ) -> Result<PathBuf, ModelError> {
        let info = self.info(name)?.clone();
        let dest = self.dir.join(&info.file);
        if dest.is_file() {
            return Ok(dest);
        }
        let expected = Expected {
            name: &info.name,
            size: (info.size > 0).then_some(info.size),
            sha256: info.sha256.as_deref(),
        };
        if expected.sha256.is_none() {
            tracing::warn!(model = %info.name, "no sha256 in the catalog; download is not verified");
        }
        download_verified(&self.client, &info.url, &dest, &expected, on_progress).await?;
        Ok(dest)
    }

    /// Removes model `name` and any partial download of it. Returns whether anything was
    /// deleted.
    pub fn remove(&self, name: &str) -> Result<bool, ModelError> {
        let path = self.path(name)?;
        let mut removed = false;
        for p in [part_path(&path), path] {
            match std::fs::remove_file(&p) {
                Ok(()) => removed = true,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(ModelError::io(p, e)),
            }
        }
        Ok(removed)
    }
}
