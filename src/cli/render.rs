//! Plain-text views for the terminal.

use chrono::NaiveDate;

use crate::extract::ExtractedTask;
use crate::model::{Category, SearchHit, Status, Task};

pub fn task_line(t: &Task) -> String {
    let mut s = format!("#{} {}", t.id, t.title);
    let mut tags = vec![t.priority.as_str().to_string()];
    if let Some(due) = t.due {
        tags.push(format!("due {due}"));
    }
    if let Some(c) = &t.category {
        tags.push(c.clone());
    }
    s.push_str(&format!("  [{}]", tags.join(", ")));
    s
}

/// The board as columns stacked vertically, each with its count.
pub fn board(tasks: &[Task], today: NaiveDate) -> String {
    let mut out = String::new();
    for status in Status::ALL {
        let col: Vec<&Task> = tasks.iter().filter(|t| t.status == status).collect();
        out.push_str(&format!("{} ({})\n", status.label(), col.len()));
        for t in col {
            let overdue = t.due.is_some_and(|d| d.date() < today) && status != Status::Completed;
            out.push_str(&format!(
                "  {}{}\n",
                task_line(t),
                if overdue { "  OVERDUE" } else { "" }
            ));
        }
    }
    if tasks.is_empty() {
        out.push_str("\nNo tasks yet. Add one: utter tasks add \"Call Joe about the renewal\" --due tomorrow\n");
    }
    out.trim_end().to_string()
}

pub fn task_detail(t: &Task) -> String {
    let mut lines = vec![
        format!("#{} {}", t.id, t.title),
        format!("status:    {}", t.status),
        format!("priority:  {}", t.priority),
    ];
    let opt = |label: &str, v: Option<String>| v.map(|v| format!("{label}{v}"));
    lines.extend(opt("due:       ", t.due.map(|d| d.to_string())));
    lines.extend(opt("category:  ", t.category.clone()));
    lines.extend(opt("agent:     ", t.assigned_agent.clone()));
    lines.extend(opt(
        "from transcript #",
        t.source_transcript_id.map(|i| i.to_string()),
    ));
    lines.push(format!("created:   {}", t.created_at));
    lines.push(format!("updated:   {}", t.updated_at));
    if let Some(d) = &t.description {
        lines.push(String::new());
        lines.push(d.clone());
    }
    if let Some(o) = &t.agent_output {
        lines.push(String::new());
        lines.push("Agent output:".into());
        lines.push(o.clone());
    }
    lines.join("\n")
}

pub fn categories(cats: &[Category]) -> String {
    cats.iter()
        .map(|c| format!("{:<12} {}", c.name, c.color))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn search_hits(hits: &[SearchHit]) -> String {
    if hits.is_empty() {
        return "No matches.".into();
    }
    hits.iter()
        .map(|h| match h {
            SearchHit::Task { task, snippet } => {
                format!("task {}  ({})  {}", task_line(task), task.status, snippet)
            }
            SearchHit::Transcript {
                transcript_id,
                snippet,
            } => format!("transcript #{transcript_id}  {snippet}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn extracted(tasks: &[ExtractedTask]) -> String {
    if tasks.is_empty() {
        return "No tasks found.".into();
    }
    tasks
        .iter()
        .map(|t| {
            let mut tags = vec![t.priority.as_str().to_string()];
            tags.extend(t.due.map(|d| format!("due {d}")));
            tags.extend(t.category.clone());
            format!("- {}  [{}]", t.title, tags.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Extracted items, each with what saving it would do to the board.
pub fn previewed(items: &[crate::service::PreviewItem]) -> String {
    if items.is_empty() {
        return "No tasks found.".into();
    }
    items
        .iter()
        .map(|p| {
            let tasks = std::slice::from_ref(&p.task);
            let line = extracted(tasks);
            match (p.outcome, p.card) {
                ("new", _) => line,
                (o, Some(card)) => format!("{line}  ({o} #{card})"),
                (o, None) => format!("{line}  ({o})"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A dump's result: new cards, cards it changed, possible repeats, questions answered.
pub fn dump_outcome(r: &crate::service::DumpResult) -> String {
    use crate::reconcile::Outcome;
    let count = |o: Outcome| r.items.iter().filter(|i| i.outcome == o).count();
    let (new, same, update, unsure) = (
        count(Outcome::New),
        count(Outcome::Same),
        count(Outcome::Update),
        count(Outcome::Unsure),
    );
    let mut head = format!(
        "Saved transcript #{}; added {} task{}",
        r.transcript.id,
        new + unsure,
        if new + unsure == 1 { "" } else { "s" }
    );
    if same + update > 0 {
        head.push_str(&format!(
            ", changed {} existing card{}",
            same + update,
            if same + update == 1 { "" } else { "s" }
        ));
    }
    let mut out = head;
    if r.items.is_empty() {
        // A dump saved with reconciling off, or before it existed: the cards are the result.
        for t in &r.tasks {
            out.push_str(&format!("\n  {}", task_line(t)));
        }
    }
    for i in &r.items {
        let line = match i.outcome {
            Outcome::New => format!("  + {}", task_line(&i.task)),
            Outcome::Unsure => format!(
                "  ? {}  (possibly the same as #{}; `utter tasks merge {} {}` to merge)",
                task_line(&i.task),
                i.possible.unwrap_or_default(),
                i.possible.unwrap_or_default(),
                i.task.id
            ),
            Outcome::Same => format!(
                "  = #{} {}  (same as said before{})",
                i.task.id,
                i.task.title,
                if i.changes.is_empty() {
                    String::new()
                } else {
                    format!("; {}", i.changes.join(", "))
                }
            ),
            Outcome::Update => format!(
                "  ~ #{} {}  ({}: \"{}\")",
                i.task.id,
                i.task.title,
                i.changes.join(", "),
                i.said
            ),
        };
        out.push_str(&format!("\n{line}"));
    }
    for a in &r.answers {
        out.push_str(&format!("\nQ: {}\nA: {}", a.question, a.answer));
    }
    if !r.items.is_empty() {
        out.push_str(&format!(
            "\nUndo all of it: utter dumps undo {}",
            r.transcript.id
        ));
    }
    out
}

pub fn models(list: &[crate::stt::ModelStatus], auto: &crate::service::AutoModel) -> String {
    let rows = list
        .iter()
        .map(|m| {
            let state = if m.installed {
                "downloaded".to_owned()
            } else if m.partial_download {
                format!("partial ({} MB)", m.bytes_on_disk / 1_000_000)
            } else {
                "-".to_owned()
            };
            let mark = if m.info.name == auto.recommended.name {
                "*"
            } else {
                " "
            };
            format!(
                "{mark} {:<20} {:>5} MB  {:<11} {}",
                m.info.name,
                m.info.size / 1_000_000,
                state,
                m.info.description
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    format!("{rows}\n\n{}", auto_model(auto))
}

/// What `auto` picks, why, and what it runs now.
pub fn auto_model(auto: &crate::service::AutoModel) -> String {
    let now = match &auto.in_use {
        Some(m) if *m == auto.recommended.name => format!("auto uses {m}."),
        Some(m) => format!(
            "auto uses {m} until {} is downloaded (utter models download).",
            auto.recommended.name
        ),
        None => format!(
            "nothing is downloaded yet: utter models download gets {}.",
            auto.recommended.name
        ),
    };
    format!(
        "* recommended for this machine: {} ({})\n{now}",
        auto.recommended.name, auto.recommended.reason
    )
}

pub fn devices(list: &[crate::audio::InputDeviceInfo]) -> String {
    list.iter()
        .map(|d| {
            format!(
                "{} {}  ({} Hz, {} ch, {})",
                if d.is_default { "*" } else { " " },
                d.name,
                d.sample_rate,
                d.channels,
                d.sample_format
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `utter settings list`: each declared setting (value, what it is, what it takes), then
/// anything else stored (Utter's own bookkeeping, e.g. the language model's provider).
pub fn settings(entries: &[crate::settings::SettingEntry], stored: &[(String, String)]) -> String {
    let mut blocks: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            let s = crate::settings::find(&e.info.key)?;
            Some(crate::settings::docs::cli_entry(s, e.value.as_deref()))
        })
        .collect();
    let others: Vec<String> = stored
        .iter()
        .filter(|(k, _)| crate::settings::find(k).is_none())
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    if !others.is_empty() {
        blocks.push(format!(
            "# kept by Utter itself (not set by hand)\n{}",
            others.join("\n")
        ));
    }
    blocks.join("\n\n")
}

/// A 20-cell input meter from -60 dBFS (empty) to 0 dBFS (full).
pub fn level_bar(rms_dbfs: f32) -> String {
    let cells = (((rms_dbfs + 60.0) / 60.0).clamp(0.0, 1.0) * 20.0).round() as usize;
    format!("[{}{}]", "#".repeat(cells), " ".repeat(20 - cells))
}

/// `Kubernetes  (replaces "k8s")` or just the word.
pub fn vocabulary_line(e: &crate::model::VocabularyEntry) -> String {
    match &e.replace_from {
        Some(from) => format!("{}  (replaces \"{from}\")", e.word),
        None => e.word.clone(),
    }
}
