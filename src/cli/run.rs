use std::io::{Read, Write};

use chrono::{Local, NaiveDateTime, NaiveTime};

use super::args::{CategoriesCmd, Cli, Command, EditArgs, EngineArg, TasksCmd, VocabularyCmd};
use super::render;
use crate::error::{Error, Result};
use crate::extract::{ExtractOptions, ExtractedTask, extract};
use crate::llm::EngineUsed;
use crate::model::{Due, NewTask, NewTranscript, TaskFilter, TaskPatch};
use crate::service::{Engine, Service, ServiceError};
use std::sync::Arc;

pub fn run(cli: Cli) -> Result<()> {
    let data_dir = crate::paths::resolve_data_dir(cli.data_dir.as_deref()).ok_or_else(|| {
        Error::Usage("cannot find a home directory for the data; pass --data-dir DIR".into())
    })?;
    match cli.command {
        Command::Where => return out(&format!("{}", crate::paths::db_path(&data_dir).display())),
        Command::Devices { json } => return super::voice::devices(json),
        Command::Extract {
            now,
            engine,
            heard,
            json,
        } => {
            return extract_cmd(&data_dir, now.as_deref(), engine, heard, json);
        }
        // Before opening the store: a restore is also the way out of a damaged database.
        Command::Restore { file, yes, json } => {
            return super::backup::restore(&data_dir, &file, yes, json);
        }
        _ => {}
    }
    let svc = Service::open(&data_dir)?;
    super::backup::daily(&svc);
    match cli.command {
        Command::Tasks(cmd) => tasks(&svc, cmd),
        Command::Search {
            query,
            mode,
            limit,
            json,
        } => super::search::search(&svc, &query, mode, limit, json),
        Command::Embeddings(cmd) => super::search::embeddings(&svc, cmd),
        Command::Categories(CategoriesCmd::List { json }) => {
            let cats = svc.list_categories()?;
            if json {
                out_json(&cats)
            } else {
                out(&render::categories(&cats))
            }
        }
        Command::Vocabulary(cmd) => vocabulary(&svc, cmd),
        Command::Dumps(cmd) => super::dumps::dumps(&svc, cmd),
        Command::Llm(cmd) => super::llm::run(&svc, cmd),
        Command::Mcp(cmd) => super::mcp::run(&svc, cmd),
        Command::Agents(cmd) => super::agents::run(&svc, cmd),
        Command::Runs(cmd) => super::agents::runs(&svc, cmd),
        Command::Approvals(cmd) => super::agents::approvals(&svc, cmd),
        Command::Workflows(cmd) => super::workflows::run(&svc, cmd),
        Command::Chat(args) => super::chat::run(&svc, args),
        Command::Dump {
            file: Some(file),
            voice,
            now,
            engine,
            json,
            ..
        } => super::voice::dump_file(&svc, &file, voice, now.as_deref(), engine, json),
        Command::Dump {
            text,
            now,
            engine,
            json,
            ..
        } => {
            let text = match text.as_deref() {
                Some("-") => read_stdin()?,
                Some(t) => t.to_owned(),
                None => return Err(Error::Usage("give a WAV file or --text".into())),
            };
            let now = parse_now(now.as_deref())?;
            let found = extract_reporting(&svc, &text, now, engine, false)?;
            let result = svc.dump_found(
                NewTranscript {
                    text,
                    ..Default::default()
                },
                found,
                &[],
                now,
            )?;
            if json {
                out_json(&result)
            } else {
                out(&render::dump_outcome(&result))
            }
        }
        Command::Models(cmd) => super::voice::models(&svc, cmd),
        Command::Transcribe { file, voice, json } => {
            super::voice::transcribe(&svc, &file, voice, json)
        }
        Command::Record(args) => super::voice::record(&svc, args),
        Command::Settings(cmd) => super::voice::settings(&svc, cmd),
        Command::Prune => super::voice::prune(&svc),
        Command::Export(args) => super::transfer::export(&svc, args),
        Command::Import(args) => super::transfer::import(&svc, args),
        Command::Backup(args) => super::backup::backup(&svc, args),
        Command::Backups(cmd) => super::backup::backups(&svc, cmd),
        Command::Where
        | Command::Extract { .. }
        | Command::Devices { .. }
        | Command::Restore { .. } => Ok(()),
    }
}

fn vocabulary(svc: &Service, cmd: VocabularyCmd) -> Result<()> {
    match cmd {
        VocabularyCmd::Add { word, replace_from } => {
            let e = svc.add_vocabulary(&word, replace_from.as_deref())?;
            out(&format!("added {}", render::vocabulary_line(&e)))
        }
        VocabularyCmd::List { json } => {
            let list = svc.list_vocabulary()?;
            if json {
                out_json(&list)
            } else if list.is_empty() {
                out("the vocabulary is empty; add a name with `utter vocabulary add NAME`")
            } else {
                let lines: Vec<String> = list.iter().map(render::vocabulary_line).collect();
                out(&lines.join("\n"))
            }
        }
        VocabularyCmd::Rm { word } => {
            let removed = svc.remove_vocabulary(&word)?;
            let lines: Vec<String> = removed
                .iter()
                .map(|e| format!("removed {}", render::vocabulary_line(e)))
                .collect();
            out(&lines.join("\n"))
        }
        VocabularyCmd::Prompt => out(svc.vocabulary()?.prompt().unwrap_or("")),
    }
}

/// `utter extract` saves nothing, so it does not create a database: it uses the existing
/// one's categories, or the defaults.
fn extract_cmd(
    data_dir: &std::path::Path,
    now: Option<&str>,
    engine: EngineArg,
    heard: bool,
    json: bool,
) -> Result<()> {
    let text = read_stdin()?;
    let now = parse_now(now)?;
    let tasks = if crate::paths::db_path(data_dir).exists() {
        let svc = Service::open(data_dir)?;
        let found = extract_reporting(&svc, &text, now, engine, heard)?;
        // With a board, each item also says what saving it would do (same as #3, update…).
        let preview = svc.preview_dump(&text, found, now)?;
        return if json {
            out_json(&preview)
        } else {
            out(&render::previewed(&preview))
        };
    } else {
        // No database yet means no model configured either.
        if matches!(engine, EngineArg::Llm) {
            return Err(ServiceError::NoLlmConfigured.into());
        }
        let categories = crate::model::default_categories();
        extract(
            &text,
            &ExtractOptions {
                now,
                categories: &categories,
                heard,
            },
        )
    };
    if json {
        out_json(&tasks)
    } else {
        out(&render::extracted(&tasks))
    }
}

impl From<EngineArg> for Engine {
    fn from(e: EngineArg) -> Self {
        match e {
            EngineArg::Auto => Engine::Auto,
            EngineArg::Offline => Engine::Offline,
            EngineArg::Llm => Engine::Llm,
        }
    }
}

/// Extraction with the chosen engine. A model that failed is worth a line on stderr: the
/// tasks then came from the rule engine.
fn extract_reporting(
    svc: &Service,
    text: &str,
    now: NaiveDateTime,
    engine: EngineArg,
    heard: bool,
) -> Result<Vec<ExtractedTask>> {
    let (tasks, used) =
        super::runtime()?.block_on(svc.extract_with(text, now, engine.into(), heard))?;
    if let EngineUsed::OfflineFallback { reason } = used {
        eprintln!(
            "warning: the language model failed ({}); used the offline engine instead",
            super::safe_line(&reason)
        );
    }
    Ok(tasks)
}

pub(super) fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Io(format!("cannot read stdin: {e}")))?;
    // Invalid UTF-8 (a binary piped in by mistake) is read as text, not refused.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `--now`: a local date or date-time; default the current local time.
pub(super) fn parse_now(now: Option<&str>) -> Result<NaiveDateTime> {
    let Some(s) = now else {
        return Ok(Local::now().naive_local());
    };
    match s.parse::<Due>() {
        Ok(Due::DateTime(dt)) => Ok(dt),
        Ok(Due::Date(d)) => Ok(d.and_time(NaiveTime::MIN)),
        Err(_) => chrono::DateTime::parse_from_rfc3339(s)
            .map(|dt| dt.naive_local())
            .map_err(|_| Error::Usage(format!("cannot read --now '{s}' (accepted: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], RFC 3339)"))),
    }
}

fn tasks(svc: &Arc<Service>, cmd: TasksCmd) -> Result<()> {
    match cmd {
        TasksCmd::Add(a) => {
            let task = svc.create_task(NewTask {
                title: a.title,
                description: a.description,
                category: a.category,
                priority: a.priority,
                status: a.status,
                due: a.due.as_deref().map(parse_due).transpose()?,
                source_transcript_id: None,
            })?;
            if a.json {
                out_json(&task)
            } else {
                out(&format!("Added {}", render::task_line(&task)))
            }
        }
        TasksCmd::Quick { text, now, json } => {
            let task = svc.quick_add(&text, parse_now(now.as_deref())?)?;
            if json {
                out_json(&task)
            } else {
                out(&format!("Added {}", render::task_line(&task)))
            }
        }
        TasksCmd::List(a) if a.cancelled => {
            let tasks = svc.cancelled_tasks()?;
            if a.json {
                out_json(&tasks)
            } else if tasks.is_empty() {
                out("no cancelled cards")
            } else {
                let lines: Vec<String> = tasks.iter().map(render::task_line).collect();
                out(&lines.join("\n"))
            }
        }
        TasksCmd::List(a) => {
            let tasks = svc.list_tasks(&TaskFilter {
                status: a.status,
                category: a.category,
                priority: a.priority,
            })?;
            if a.json {
                out_json(&tasks)
            } else {
                out(&render::board(&tasks, Local::now().date_naive()))
            }
        }
        TasksCmd::Show { id, json } => {
            let task = svc.get_task(id)?;
            if json {
                out_json(&task)
            } else {
                out(&render::task_detail(&task))
            }
        }
        TasksCmd::Move {
            id,
            status,
            index,
            json,
        } => {
            let task = svc.move_task(id, status, index)?;
            if json {
                out_json(&task)
            } else {
                out(&format!(
                    "Moved to {}: {}",
                    status.label(),
                    render::task_line(&task)
                ))
            }
        }
        TasksCmd::Edit(a) => {
            let json = a.json;
            let id = a.id;
            let patch = edit_patch(a)?;
            if patch.is_empty() {
                return Err(Error::Usage(
                    "nothing to change: pass --title, --description, --category, --priority or --due".into(),
                ));
            }
            let task = svc.update_task(id, patch)?;
            if json {
                out_json(&task)
            } else {
                out(&format!("Updated {}", render::task_line(&task)))
            }
        }
        TasksCmd::Import { file, json } => {
            let text = if file.as_os_str() == "-" {
                read_stdin()?
            } else {
                std::fs::read_to_string(&file)
                    .map_err(|e| Error::Io(format!("cannot read {}: {e}", file.display())))?
            };
            let tasks: Vec<NewTask> = serde_json::from_str(&text).map_err(|e| {
                Error::Usage(format!(
                    "{} is not a JSON array of tasks: {e}",
                    file.display()
                ))
            })?;
            let saved = svc.import_tasks(tasks)?;
            if json {
                out_json(&saved)
            } else {
                out(&format!("Imported {} tasks", saved.len()))
            }
        }
        TasksCmd::Rm { id, json } => {
            let task = svc.delete_task(id)?;
            if json {
                out_json(&task)
            } else {
                out(&format!("Deleted {}", render::task_line(&task)))
            }
        }
        TasksCmd::Merge { keep, other, json } => {
            let m = svc.merge_tasks(keep, other)?;
            if json {
                out_json(&m)
            } else {
                out(&format!(
                    "Merged #{other} into {}\n#{other} is cancelled (kept, off the board: `utter tasks list --cancelled`)",
                    render::task_line(&m.kept)
                ))
            }
        }
        TasksCmd::KeepApart { id } => {
            svc.keep_apart(id)?;
            out(&format!("#{id} stays its own card"))
        }
        TasksCmd::Duplicates { json } => {
            let list = svc.possible_duplicates()?;
            if json {
                out_json(&list)
            } else if list.is_empty() {
                out("no cards waiting to be merged")
            } else {
                let lines: Vec<String> = list
                    .iter()
                    .map(|d| {
                        format!(
                            "#{} may be the same as #{} \"{}\": `utter tasks merge {} {}` or `utter tasks keep-apart {}`",
                            d.task_id, d.possible_id, d.possible_title, d.possible_id, d.task_id, d.task_id
                        )
                    })
                    .collect();
                out(&lines.join("\n"))
            }
        }
    }
}

fn edit_patch(a: EditArgs) -> Result<TaskPatch> {
    Ok(TaskPatch {
        title: a.title,
        description: if a.no_description {
            Some(None)
        } else {
            a.description.map(Some)
        },
        category: if a.no_category {
            Some(None)
        } else {
            a.category.map(Some)
        },
        priority: a.priority,
        due: if a.no_due {
            Some(None)
        } else {
            a.due.as_deref().map(parse_due).transpose()?.map(Some)
        },
        assigned_agent: None,
        agent_output: None,
        agent_reason: None,
    })
}

/// Dates on the command line: ISO forms, plus the two words people type most.
fn parse_due(s: &str) -> Result<Due> {
    let today = Local::now().date_naive();
    match s.trim().to_ascii_lowercase().as_str() {
        "today" => return Ok(Due::Date(today)),
        "tomorrow" => {
            if let Some(d) = today.succ_opt() {
                return Ok(Due::Date(d));
            }
        }
        _ => {}
    }
    s.parse::<Due>().map_err(|e| Error::Usage(e.to_string()))
}

pub(super) fn out(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`utter tasks list | head`) is not an error worth a message.
    match writeln!(stdout, "{}", super::safe_line(text)) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Io(e.to_string())),
        Ok(()) => Ok(()),
    }
}

/// A file's content to stdout, byte for byte (`utter export` without `--out`).
pub(super) fn out_raw(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Io(e.to_string())),
        Ok(()) => Ok(()),
    }
}

pub(super) fn out_json<T: serde::Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Io(e.to_string()))?;
    out(&text)
}
