//! A model that may still be loading: recording starts at the key press while the model
//! loads beside it (after an idle unload, or on the first press), and the transcriber
//! waits for it with the audio queued — so the first words are not lost to the load.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::{Engine, EngineOptions, SttError};

/// A shared handle to an [`Engine`] that is loaded or loading.
#[derive(Clone)]
pub struct PendingEngine {
    cell: Arc<OnceLock<Result<Arc<Engine>, Arc<SttError>>>>,
    path: PathBuf,
}

impl std::fmt::Debug for PendingEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingEngine")
            .field("path", &self.path)
            .field("loaded", &self.is_loaded())
            .finish()
    }
}

impl From<Arc<Engine>> for PendingEngine {
    fn from(engine: Arc<Engine>) -> Self {
        let cell = OnceLock::new();
        let path = engine.model_path().to_path_buf();
        let _ = cell.set(Ok(engine));
        Self {
            cell: Arc::new(cell),
            path,
        }
    }
}

impl PendingEngine {
    /// Starts loading `path` on its own thread and returns at once.
    pub fn load(path: &Path, opts: EngineOptions) -> Self {
        let cell: Arc<OnceLock<Result<Arc<Engine>, Arc<SttError>>>> = Arc::new(OnceLock::new());
        let slot = Arc::clone(&cell);
        let owned = path.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("utter-model-load".into())
            .spawn(move || {
                let _ = slot.set(Engine::load(&owned, opts).map(Arc::new).map_err(Arc::new));
            });
        if let Err(e) = spawned {
            let _ = cell.set(Err(Arc::new(SttError::Transcribe(format!(
                "cannot start loading the model: {e}"
            )))));
        }
        Self {
            cell,
            path: path.to_path_buf(),
        }
    }

    /// The model file (known before it is loaded).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The model's short name, as [`Engine::model_name`] gives it once loaded.
    pub fn model_name(&self) -> String {
        super::engine::model_name_from_path(&self.path)
    }

    pub fn is_loaded(&self) -> bool {
        matches!(self.cell.get(), Some(Ok(_)))
    }

    /// Loading finished with an error (a retry needs a new handle).
    pub fn failed(&self) -> bool {
        matches!(self.cell.get(), Some(Err(_)))
    }

    /// Blocks until the model is loaded.
    pub fn wait(&self) -> Result<Arc<Engine>, SttError> {
        match self.cell.wait() {
            Ok(engine) => Ok(Arc::clone(engine)),
            Err(e) => Err(SttError::Shared(Arc::clone(e))),
        }
    }
}
