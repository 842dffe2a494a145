//! The one API that the CLI and the Tauri commands call. Every write goes through here and
//! is announced on the change feed; writes by other processes are detected by polling
//! SQLite's `data_version` (see [`Service::watch_external`]).

mod agent_activity;
mod agent_runs;
mod agent_schedule;
mod agents;
mod app_settings;
mod backup;
mod change_feed;
mod chat;
mod dependencies;
mod dump;
mod dump_spans;
mod dump_undo;
mod dumps;
mod error;
mod external_watch;
mod llm_setup;
mod mcp_servers;
mod mcp_sign_in;
mod mcp_view;
mod model_choice;
mod notifications;
mod quick_add;
mod reconcile;
mod refine;
mod semantic;
mod setup_info;
mod transfer;
mod user_settings;
mod vocabulary;
mod voice;
mod voice_session;
mod warm_engine;
mod workflows;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

pub use agent_activity::{AgentTray, AgentUpdate, AgentWatch, OPEN_ACTION};
pub use app_settings::{
    AUTOSTART_SETTING, AppSettings, DEFAULT_HOTKEY, HOTKEY_SETTING, HotkeyMode, Theme,
};
pub use backup::spawn_daily_backups;
pub use change_feed::{ChangeEvent, ChangeFeed};
pub use dependencies::Dependencies;
pub use dump::new_task_from;
pub use dump_undo::AgainUndone;
pub use dumps::{DumpCardView, DumpEntry, ExtractedAgain, TaskAudio};
pub use error::{ErrorCode, ServiceError};
pub use external_watch::ExternalWatch;
pub use llm_setup::{Engine, LLM_KEY_REF, LLM_SETTING};
pub use mcp_servers::McpImport;
pub use mcp_sign_in::{OnSignInUrl, SignInPage};
pub use mcp_view::{McpServerView, McpToolView, NewMcpServer};
pub use model_choice::{AUTO_MODEL, AutoModel};
pub use notifications::{
    DATE_ONLY_REMINDER_HOUR, REMINDER_CURSOR_SETTING, REMINDER_LEAD_MINUTES, reminder_notice,
    reminder_time,
};
pub use quick_add::{QuickAdd, parse_quick_add};
pub use reconcile::{DumpItem, DumpResult, DumpUndone, Merged, PossibleDuplicate, PreviewItem};
pub use refine::Refinement;
pub use semantic::{EmbeddingStatus, RankedHit, SearchMode, spawn_embedder};
pub use setup_info::{DesktopStatus, DownloadEvent, InputDevice, ModelEntry};
pub use transfer::{ExportSummary, ExportedFile, ImportMode, ImportReport};
pub use vocabulary::VOCABULARY_KEY;
pub use voice::{CATALOG_ENV, MODEL_ENV, VoiceChoice, spawn_audio_retention};
pub use voice_session::{VoiceEvent, VoiceOutcome, VoiceSession, VoiceState, meter_level};
pub use warm_engine::spawn_engine_unloader;

use tokio_util::sync::CancellationToken;

use crate::model::{
    Category, NewTask, NewTranscript, SearchHit, Status, Task, TaskFilter, TaskPatch, Transcript,
};
use crate::notify::Notifier;
use crate::secrets::SecretStore;
use crate::store::Store;

pub type ServiceResult<T> = Result<T, ServiceError>;

/// Longest title we accept; longer text belongs in the description.
pub const MAX_TITLE_CHARS: usize = 500;

pub struct Service {
    store: Mutex<Store>,
    feed: ChangeFeed,
    data_dir: PathBuf,
    /// The Whisper model kept warm, keyed by (file, language).
    engine: Mutex<Option<warm_engine::WarmEngine>>,
    /// The sentence-embedding model, loaded on first use.
    embedder: Mutex<Option<Arc<crate::embed::Embedder>>>,
    /// The cards' vectors, loaded on the first search by meaning.
    vectors: Mutex<Option<semantic::VectorCache>>,
    /// Chats answering right now, by scope (`None` = the board's), with what stops them.
    chats_busy: Mutex<std::collections::HashMap<Option<i64>, CancellationToken>>,
    /// What each dump's last "extract again" replaced, for its Undo.
    dump_undos: dump_undo::DumpUndos,
    /// The keychain (or a stand-in): every secret the service reads or writes goes here.
    secrets: Arc<dyn SecretStore>,
    notifier: Notifier,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("data_dir", &self.data_dir)
            .finish()
    }
}

impl Service {
    /// The service over the board in `data_dir`, with the OS keychain and the desktop's
    /// notifications.
    pub fn open(data_dir: &Path) -> ServiceResult<Arc<Service>> {
        Self::open_with(data_dir, Dependencies::default())
    }

    /// The same, working through `deps` (tests, embedding).
    pub fn open_with(data_dir: &Path, deps: Dependencies) -> ServiceResult<Arc<Service>> {
        let Dependencies { secrets, notifier } = deps;
        let store = Store::open_in(data_dir)?;
        Ok(Arc::new(Service {
            store: Mutex::new(store),
            feed: ChangeFeed::new(),
            data_dir: data_dir.to_path_buf(),
            engine: Mutex::new(None),
            embedder: Mutex::new(None),
            vectors: Mutex::new(None),
            dump_undos: Default::default(),
            chats_busy: Mutex::new(std::collections::HashMap::new()),
            secrets,
            notifier,
        }))
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn feed(&self) -> &ChangeFeed {
        &self.feed
    }

    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<ChangeEvent> {
        self.feed.subscribe()
    }

    /// Where secrets are kept; only the service reads or writes them.
    pub(crate) fn secrets(&self) -> &dyn SecretStore {
        self.secrets.as_ref()
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll
        // back), so the data behind a poisoned lock is still good.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    // ---- tasks ----

    pub fn create_task(&self, new: NewTask) -> ServiceResult<Task> {
        let new = self.validate_new(new)?;
        let task = self.store().insert_task(&new)?;
        let task = self.route_new_task(task);
        self.feed.emit(ChangeEvent::TaskCreated { id: task.id });
        Ok(task)
    }

    /// Adds many tasks at once, all or nothing (e.g. `utter tasks import`).
    pub fn import_tasks(&self, tasks: Vec<NewTask>) -> ServiceResult<Vec<Task>> {
        let tasks = tasks
            .into_iter()
            .map(|t| self.validate_new(t))
            .collect::<ServiceResult<Vec<_>>>()?;
        let saved = self.store().insert_tasks(&tasks)?;
        let saved = self.route_new_tasks(saved);
        for t in &saved {
            self.feed.emit(ChangeEvent::TaskCreated { id: t.id });
        }
        Ok(saved)
    }

    pub fn get_task(&self, id: i64) -> ServiceResult<Task> {
        Ok(self.store().get_task(id)?)
    }

    pub fn list_tasks(&self, filter: &TaskFilter) -> ServiceResult<Vec<Task>> {
        Ok(self.store().list_tasks(filter)?)
    }

    pub fn update_task(&self, id: i64, mut patch: TaskPatch) -> ServiceResult<Task> {
        if let Some(title) = &patch.title {
            patch.title = Some(clean_title(title)?);
        }
        if let Some(Some(cat)) = &patch.category {
            patch.category = Some(Some(self.canonical_category(cat)?));
        }
        if let Some(desc) = &patch.description {
            patch.description = Some(
                desc.as_ref()
                    .map(|d| d.trim().to_string())
                    .filter(|d| !d.is_empty()),
            );
        }
        if patch.is_empty() {
            return self.get_task(id);
        }
        let task = self.store().update_task(id, &patch)?;
        self.feed.emit(ChangeEvent::TaskUpdated { id });
        Ok(task)
    }

    /// Moves a task to `status` at `index` inside that column (end when `None`).
    pub fn move_task(&self, id: i64, status: Status, index: Option<usize>) -> ServiceResult<Task> {
        let task = self.store().move_task(id, status, index)?;
        self.feed.emit(ChangeEvent::TaskMoved { id });
        Ok(task)
    }

    pub fn delete_task(&self, id: i64) -> ServiceResult<Task> {
        let task = self.store().delete_task(id)?;
        self.feed.emit(ChangeEvent::TaskDeleted { id });
        Ok(task)
    }

    /// Undo of [`Service::delete_task`].
    pub fn restore_task(&self, task: &Task) -> ServiceResult<Task> {
        let restored = self.store().restore_task(task)?;
        self.feed.emit(ChangeEvent::TaskCreated { id: restored.id });
        Ok(restored)
    }

    pub fn search(&self, query: &str, limit: usize) -> ServiceResult<Vec<SearchHit>> {
        Ok(self.store().search(query, limit)?)
    }

    // ---- categories ----

    pub fn list_categories(&self) -> ServiceResult<Vec<Category>> {
        Ok(self.store().list_categories()?)
    }

    // ---- transcripts ----

    pub fn get_transcript(&self, id: i64) -> ServiceResult<Transcript> {
        Ok(self.store().get_transcript(id)?)
    }

    pub fn list_transcripts(&self, limit: usize) -> ServiceResult<Vec<Transcript>> {
        Ok(self.store().list_transcripts(limit)?)
    }

    /// Saves a transcript with exactly these tasks, atomically and without matching them
    /// against the board (imports, tests; a dump goes through [`Service::dump_found`]).
    pub fn save_dump(
        &self,
        transcript: NewTranscript,
        tasks: Vec<NewTask>,
    ) -> ServiceResult<(Transcript, Vec<Task>)> {
        let tasks = tasks
            .into_iter()
            .map(|t| self.validate_new(t))
            .collect::<ServiceResult<Vec<_>>>()?;
        let (transcript, saved) = self.store().insert_dump(&transcript, &tasks)?;
        let saved = self.dump_saved(transcript.id, saved, &[])?;
        Ok((transcript, saved))
    }

    /// After a dump's rows are written: route its new cards, keep its timed segments and
    /// each card's seconds, and announce it all on the change feed.
    pub(crate) fn dump_saved(
        &self,
        transcript_id: i64,
        saved: Vec<Task>,
        segments: &[crate::stt::Segment],
    ) -> ServiceResult<Vec<Task>> {
        let saved = self.route_new_tasks(saved);
        if !segments.is_empty() {
            self.store()
                .set_transcript_segments(transcript_id, segments)?;
        }
        self.record_dump_cards(transcript_id, &saved)?;
        self.feed
            .emit(ChangeEvent::TranscriptCreated { id: transcript_id });
        for t in &saved {
            self.feed.emit(ChangeEvent::TaskCreated { id: t.id });
        }
        Ok(saved)
    }

    // ---- settings ----

    pub fn get_setting(&self, key: &str) -> ServiceResult<Option<String>> {
        Ok(self.store().get_setting(key)?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> ServiceResult<()> {
        self.store().set_setting(key, value)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: key.to_string(),
        });
        Ok(())
    }

    // ---- validation ----

    fn validate_new(&self, mut new: NewTask) -> ServiceResult<NewTask> {
        new.title = clean_title(&new.title)?;
        new.description = new
            .description
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty());
        if let Some(cat) = &new.category {
            new.category = Some(self.canonical_category(cat)?);
        }
        Ok(new)
    }

    fn canonical_category(&self, name: &str) -> ServiceResult<String> {
        let store = self.store();
        match store.find_category(name.trim())? {
            Some(found) => Ok(found),
            None => {
                let known: Vec<String> = store
                    .list_categories()?
                    .into_iter()
                    .map(|c| c.name)
                    .collect();
                Err(ServiceError::UnknownCategory {
                    given: name.to_string(),
                    known: known.join(", "),
                })
            }
        }
    }
}

/// Trims a title and rejects the ones that cannot be shown on a card. Bidirectional overrides
/// go too: they make a title read differently on screen from what it says.
pub fn clean_title(title: &str) -> ServiceResult<String> {
    let t: String = title
        .chars()
        .filter(|c| !crate::sanitize::is_bidi_control(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if t.is_empty() {
        return Err(ServiceError::EmptyTitle);
    }
    if t.chars().count() > MAX_TITLE_CHARS {
        return Err(ServiceError::TitleTooLong {
            max: MAX_TITLE_CHARS,
        });
    }
    Ok(t)
}
