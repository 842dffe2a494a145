//! `utter backup`, `utter backups list`, `utter restore`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use chrono::{DateTime, Local, Utc};

use super::args::{BackupArgs, BackupsCmd};
use super::run::{out, out_json};
use crate::backup::{self, BackupInfo, Manifest};
use crate::error::{Error, Result};
use crate::service::{Service, ServiceError};
use crate::store::StoreError;

/// The daily backup rides on whichever command opens the store first that day; a failure
/// is worth a warning, never the command.
pub fn daily(svc: &Service) {
    match svc.daily_backup_if_due(Utc::now()) {
        Ok(Some(made)) => tracing::info!(path = %made.path, "took the daily backup"),
        Ok(None) => {}
        Err(e) => eprintln!("warning: the daily backup failed: {e}"),
    }
}

pub fn backup(svc: &Service, args: BackupArgs) -> Result<()> {
    let made = svc.backup_now(args.file.as_deref(), args.with_recordings)?;
    if args.json {
        return out_json(&made);
    }
    let recordings = match made.manifest.recordings() {
        0 if args.with_recordings => ", no recordings".to_string(),
        0 => String::new(),
        1 => ", 1 recording".to_string(),
        n => format!(", {n} recordings"),
    };
    out(&format!(
        "Backed up {}{recordings} to {} ({})",
        contents(&made.manifest),
        made.path,
        size(made.bytes)
    ))
}

pub fn backups(svc: &Service, cmd: BackupsCmd) -> Result<()> {
    match cmd {
        BackupsCmd::List { json } => {
            let list = svc.list_backups()?;
            if json {
                return out_json(&list);
            }
            if list.is_empty() {
                return out(&format!(
                    "no backups in {} yet; make one with `utter backup`",
                    backup::backups_dir(svc.data_dir()).display()
                ));
            }
            let lines: Vec<String> = list.iter().map(line).collect();
            out(&lines.join("\n"))
        }
    }
}

fn line(b: &BackupInfo) -> String {
    let when = b.created_at.map(local).unwrap_or_else(|| "?".into());
    let kind = b.kind.map(|k| k.as_str()).unwrap_or("?");
    let detail = match (&b.problem, b.schema_version, b.tasks) {
        (Some(p), _, _) => format!("unreadable: {p}"),
        (None, Some(s), Some(t)) => format!("schema {s}  {t:>5} tasks"),
        (None, Some(s), None) => format!("schema {s}"),
        _ => String::new(),
    };
    let rec = match b.recordings {
        0 => String::new(),
        n => format!("  +{n} recordings"),
    };
    format!(
        "{when}  {kind:<13} {:>9}  {detail}{rec}  {}",
        size(b.bytes),
        b.file_name
    )
}

pub fn restore(data_dir: &Path, file: &Path, yes: bool, json: bool) -> Result<()> {
    // Read before anything else: a backup from a newer Utter is refused before a prompt.
    let manifest = backup::read_manifest(file)?;
    let known = crate::store::migrations::latest_version();
    if manifest.schema_version > known {
        return Err(backup::BackupError::NewerSchema {
            found: manifest.schema_version,
            known,
        }
        .into());
    }
    let svc = open_for_restore(data_dir)?;
    if !yes {
        confirm(&svc, &manifest)?;
    }
    let r = svc.restore_backup(file)?;
    if json {
        return out_json(&r);
    }
    let mut lines = vec![format!(
        "Restored {} from {} (made {})",
        contents(&r.manifest),
        r.archive,
        local(r.manifest.created_at)
    )];
    if let Some(from) = r.migrated_from {
        lines.push(format!(
            "The backup's schema {from} was brought up to date ({known})."
        ));
    }
    if r.recordings > 0 {
        lines.push(format!(
            "{} recordings written to {}",
            r.recordings,
            data_dir.join("audio").display()
        ));
    }
    match &r.kept_aside {
        Some(p) => lines.push(format!("The replaced database is kept at {p}")),
        None => lines.push("The replaced database held nothing; it was not kept.".into()),
    }
    out(&lines.join("\n"))
}

/// Opens the store to restore into. A database too damaged to open is moved aside (with its
/// -wal/-shm) and a new one made, since restoring is how one gets out of that.
fn open_for_restore(data_dir: &Path) -> Result<std::sync::Arc<Service>> {
    match Service::open(data_dir) {
        Ok(s) => Ok(s),
        Err(ServiceError::Store(StoreError::Corrupt { path })) => {
            let stamp = Local::now().format("%Y%m%d-%H%M%S");
            let aside = path.with_file_name(format!("{}.damaged-{stamp}", crate::paths::DB_FILE));
            for suffix in ["", "-wal", "-shm"] {
                let from = append(&path, suffix);
                if from.exists() {
                    std::fs::rename(&from, append(&aside, suffix)).map_err(|e| {
                        Error::Io(format!("cannot move {} aside: {e}", from.display()))
                    })?;
                }
            }
            eprintln!(
                "note: the current database could not be read; it was moved to {}",
                aside.display()
            );
            Ok(Service::open(data_dir)?)
        }
        Err(e) => Err(e.into()),
    }
}

fn append(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    p.into()
}

fn confirm(svc: &Service, m: &Manifest) -> Result<()> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::Usage(
            "restore replaces the whole board; pass --yes to confirm".into(),
        ));
    }
    let now = svc.store().count_tasks().map_err(ServiceError::from)?;
    eprint!(
        "Replace the board ({now} tasks) with the backup from {} ({})? The current database is kept aside. [y/N] ",
        local(m.created_at),
        contents(m)
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Error::Io(format!("cannot read the answer: {e}")))?;
    if matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
        Ok(())
    } else {
        Err(Error::Usage("not restored".into()))
    }
}

fn contents(m: &Manifest) -> String {
    let n = |t: &str| m.count(t).unwrap_or(0);
    format!(
        "{} tasks, {} transcripts, {} runs (schema {})",
        n("tasks"),
        n("transcripts"),
        n("runs"),
        m.schema_version
    )
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1000.0 && unit < UNITS.len() - 1 {
        v /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}
