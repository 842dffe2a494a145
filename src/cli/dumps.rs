//! `utter dumps`: the voice journal.

use super::args::DumpsCmd;
use super::run::{out, out_json};
use super::runtime;
use crate::error::Result;
use crate::service::{DumpEntry, Refinement, Service};

pub fn dumps(svc: &Service, cmd: DumpsCmd) -> Result<()> {
    match cmd {
        DumpsCmd::List { limit, json } => {
            let list = svc.list_dumps(limit)?;
            if json {
                out_json(&list)
            } else if list.is_empty() {
                out("no dumps yet: hold the hotkey and talk, or `utter dump FILE.wav`")
            } else {
                out(&list.iter().map(summary).collect::<Vec<_>>().join("\n"))
            }
        }
        DumpsCmd::Show { id, json } => {
            let d = svc.get_dump(id)?;
            if json { out_json(&d) } else { out(&detail(&d)) }
        }
        DumpsCmd::Again { id, engine, json } => {
            let result = runtime()?.block_on(svc.extract_again(id, engine.into()))?;
            if json {
                return out_json(&result);
            }
            let heard = match (&result.note, result.retranscribed) {
                (Some(note), _) => format!("{note}\n"),
                (None, true) => format!("heard again: {}\n", result.text),
                (None, false) => String::new(),
            };
            let what = match &result.refinement {
                Refinement::Refined {
                    updated,
                    added,
                    removed,
                    ..
                } => format!("{updated} card(s) updated, {added} added, {removed} removed"),
                Refinement::NoModel => "nothing changed".into(),
                Refinement::Failed { reason } => format!("the cards stay as they were: {reason}"),
            };
            out(&format!("{heard}dump #{id}: {what}"))
        }
        DumpsCmd::Undo { id, json } => {
            let undone = svc.undo_dump_items(id)?;
            if json {
                out_json(&undone)
            } else if undone.removed.is_empty() && undone.restored.is_empty() {
                out(&format!(
                    "dump #{id} changed nothing that is still there to take back"
                ))
            } else {
                out(&format!(
                    "dump #{id} undone: removed {} new card(s), put back {} changed card(s)",
                    undone.removed.len(),
                    undone.restored.len()
                ))
            }
        }
    }
}

fn seconds(ms: u64) -> String {
    format!("{}:{:04.1}", ms / 60_000, (ms % 60_000) as f64 / 1000.0)
}

fn summary(d: &DumpEntry) -> String {
    let text: String = d.text.chars().take(70).collect();
    let more = if d.text.chars().count() > 70 {
        "…"
    } else {
        ""
    };
    format!(
        "#{:<4} {}  {} card(s){}  {text}{more}",
        d.id,
        d.created_at
            .get(..16)
            .unwrap_or(&d.created_at)
            .replace('T', " "),
        d.cards.len(),
        if d.audio_path.is_some() {
            ", audio"
        } else {
            ""
        },
    )
}

fn detail(d: &DumpEntry) -> String {
    let mut lines = vec![
        format!("dump #{} at {}", d.id, d.created_at),
        format!("said: {}", d.text),
    ];
    match &d.audio_path {
        Some(p) => lines.push(format!("recording: {p}")),
        None => lines.push("recording: not kept".into()),
    }
    for c in &d.cards {
        let when = match (c.start_ms, c.end_ms) {
            (Some(s), Some(e)) => format!(" [{}–{}]", seconds(s), seconds(e)),
            _ => String::new(),
        };
        let state = match &c.status {
            Some(s) => s.as_str().to_owned(),
            None => "deleted".into(),
        };
        lines.push(format!("  #{} {} ({state}){when}", c.task_id, c.title));
    }
    lines.join("\n")
}
