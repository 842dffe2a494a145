//! Backup and restore: consistent copies while another process writes, refusal of archives
//! that are newer or damaged (leaving the board alone), the replaced database kept, daily
//! retention, pre-migration backups, and a running process seeing a restored board.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use tempfile::tempdir;
use utter::backup::{BackupKind, Manifest};
use utter::model::{NewTranscript, Status, Task, TaskFilter, TaskPatch};
use utter::service::ChangeEvent;
use utter::store::Store;
use utter::store::migrations::{current_version, latest_version, migrate_to};

use super::support::{new_task, service, stderr, stdout, utter};

fn board(dir: &Path) -> Vec<Task> {
    service(dir).list_tasks(&TaskFilter::default()).unwrap()
}

fn manifest_of(archive: &Path) -> Manifest {
    utter::backup::read_manifest(archive).unwrap()
}

fn integrity(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn count_tasks(db: &Path) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row("SELECT COUNT(*) FROM tasks", [], |r| r.get(0))
        .unwrap()
}

/// Files in the data dir whose name starts with `prefix`.
fn files_starting(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    v.sort();
    v
}

/// A board with a bit of everything on it, and the archive of it made by the CLI.
fn board_with_backup(dir: &Path) -> (Vec<Task>, PathBuf) {
    let svc = service(dir);
    let a = svc
        .create_task(new_task("Call Joe about the renewal"))
        .unwrap();
    let b = svc.create_task(new_task("Henderson proposal")).unwrap();
    svc.create_task(new_task("Book the dentist")).unwrap();
    svc.update_task(
        b.id,
        TaskPatch {
            description: Some(Some("due before the board meeting".into())),
            category: Some(Some("Sales".into())),
            ..Default::default()
        },
    )
    .unwrap();
    svc.move_task(a.id, Status::InProgress, None).unwrap();
    let archive = dir.join("board.zip");
    let o = utter(dir, &["backup", archive.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("board.zip"), "{}", stdout(&o));
    (svc.list_tasks(&TaskFilter::default()).unwrap(), archive)
}

// ---- crafting damaged archives ----

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read_entries(archive: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(archive).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        out.insert(f.name().to_string(), bytes);
    }
    out
}

/// Writes a copy of `src` at `dst` with the database changed by `edit_db` and the manifest
/// by `edit_manifest`; with `fix_checksums` the manifest's checksums match the new bytes
/// (so only the deeper checks can catch the change).
fn repack(
    src: &Path,
    dst: &Path,
    edit_db: impl Fn(&mut Vec<u8>),
    fix_checksums: bool,
    edit_manifest: impl Fn(&mut serde_json::Value),
) {
    let mut entries = read_entries(src);
    let db = entries.get_mut("utter.db").unwrap();
    edit_db(db);
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&entries["manifest.json"]).unwrap();
    if fix_checksums {
        for f in manifest["files"].as_array_mut().unwrap() {
            let bytes = &entries[f["path"].as_str().unwrap()];
            f["sha256"] = sha256_hex(bytes).into();
            f["bytes"] = bytes.len().into();
        }
    }
    edit_manifest(&mut manifest);
    entries.insert(
        "manifest.json".into(),
        serde_json::to_vec_pretty(&manifest).unwrap(),
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for (name, bytes) in &entries {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// Runs SQL on database bytes (through a scratch file).
fn with_db(bytes: &mut Vec<u8>, f: impl Fn(&Connection)) {
    let dir = tempdir().unwrap();
    let path = dir.path().join("x.db");
    std::fs::write(&path, &bytes).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        f(&conn);
    }
    *bytes = std::fs::read(&path).unwrap();
}

/// Asserts that `utter restore` refuses `archive` with a message containing `says`, and
/// that the board, the settings and the data dir's files are as they were.
fn assert_refused(dir: &Path, archive: &Path, says: &str) {
    let before = board(dir);
    let o = utter(dir, &["restore", archive.to_str().unwrap(), "--yes"]);
    assert!(
        !o.status.success(),
        "restored a bad archive: {}",
        stdout(&o)
    );
    let err = stderr(&o);
    assert!(err.contains(says), "expected {says:?} in: {err}");
    assert!(err.lines().count() <= 2, "one clear line: {err}");
    assert_eq!(board(dir), before, "the board changed");
    assert!(files_starting(dir, "utter.db.before-restore").is_empty());
    assert!(
        service(dir)
            .get_setting("backup.restored_at")
            .unwrap()
            .is_none()
    );
    // No scratch files left behind.
    assert!(files_starting(dir, ".utter-").is_empty());
}

// ---- the tests ----

#[test]
fn backup_taken_while_another_process_writes_restores_consistently() {
    let dir = tempdir().unwrap();
    let data = dir.path().join("data");
    let svc = service(&data);
    let stop = dir.path().join("stop");
    let writer = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "i=0; while [ ! -f '{}' ]; do i=$((i+1)); '{}' --data-dir '{}' tasks add \"written $i\" -d 'by the other process' >/dev/null || exit 1; done",
            stop.display(),
            env!("CARGO_BIN_EXE_utter"),
            data.display()
        ))
        .spawn()
        .unwrap();
    let wait_for = |n: usize| {
        let started = Instant::now();
        while svc.list_tasks(&TaskFilter::default()).unwrap().len() < n {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "writer stalled"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for(3);
    let mut archives = Vec::new();
    for i in 0..3 {
        // Made by a third process (the CLI) while the writer keeps going.
        let archive = dir.path().join(format!("mid-write-{i}.zip"));
        let o = utter(&data, &["backup", archive.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        archives.push(archive);
        std::thread::sleep(Duration::from_millis(100));
    }
    let last = manifest_of(archives.last().unwrap())
        .count("tasks")
        .unwrap() as usize;
    // The writer was still writing after the last backup.
    wait_for(last + 2);
    std::fs::write(&stop, b"").unwrap();
    let mut writer = writer;
    assert!(writer.wait().unwrap().success());

    for archive in &archives {
        let m = manifest_of(archive);
        assert_eq!(m.kind, BackupKind::Manual);
        assert_eq!(m.schema_version, latest_version());
        let fresh = dir.path().join(format!(
            "restored-{}",
            archive.file_stem().unwrap().to_string_lossy()
        ));
        let o = utter(&fresh, &["restore", archive.to_str().unwrap(), "--yes"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let db = fresh.join("utter.db");
        assert_eq!(integrity(&db), "ok");
        assert_eq!(count_tasks(&db), m.count("tasks").unwrap(), "{archive:?}");
        // Every restored card is whole: the writer's tasks carry both fields.
        let tasks = board(&fresh);
        assert!(
            tasks
                .iter()
                .all(|t| t.description.as_deref() == Some("by the other process"))
        );
    }
}

#[test]
fn restore_refuses_an_archive_from_a_newer_schema() {
    let dir = tempdir().unwrap();
    let (_, archive) = board_with_backup(dir.path());
    let newer = latest_version() + 1;

    // Database and manifest both say newer, checksums consistent.
    let both = dir.path().join("newer.zip");
    repack(
        &archive,
        &both,
        |db| {
            with_db(db, |c| {
                c.pragma_update(None, "user_version", newer).unwrap()
            })
        },
        true,
        |m| m["schema_version"] = newer.into(),
    );
    assert_refused(
        dir.path(),
        &both,
        &format!(
            "this backup is from a newer Utter (schema {newer}, this build knows {}); update Utter first",
            latest_version()
        ),
    );

    // Only the database says newer (the manifest lies): still refused.
    let db_only = dir.path().join("newer-db.zip");
    repack(
        &archive,
        &db_only,
        |db| {
            with_db(db, |c| {
                c.pragma_update(None, "user_version", newer).unwrap()
            })
        },
        true,
        |_| {},
    );
    assert_refused(dir.path(), &db_only, "newer Utter");
}

#[test]
fn restore_refuses_a_corrupted_archive_and_leaves_the_board() {
    let dir = tempdir().unwrap();
    let (_, archive) = board_with_backup(dir.path());

    // Bytes flipped in the database; the manifest's checksum then disagrees.
    let flipped = dir.path().join("flipped.zip");
    repack(
        &archive,
        &flipped,
        |db| {
            let mid = db.len() / 2;
            for b in &mut db[mid..mid + 64] {
                *b ^= 0xA5;
            }
        },
        false,
        |_| {},
    );
    assert_refused(dir.path(), &flipped, "does not match its manifest");

    // The tasks table's page overwritten and the checksum made to fit: the integrity
    // check catches it.
    let mangled = dir.path().join("mangled.zip");
    repack(
        &archive,
        &mangled,
        |db| {
            let (root, page): (i64, i64) = {
                let d = tempdir().unwrap();
                let p = d.path().join("x.db");
                std::fs::write(&p, &db).unwrap();
                let c = Connection::open(&p).unwrap();
                (
                    c.query_row(
                        "SELECT rootpage FROM sqlite_master WHERE name = 'tasks'",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap(),
                    c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap(),
                )
            };
            let start = ((root - 1) * page) as usize;
            for (i, b) in db[start..start + page as usize].iter_mut().enumerate() {
                *b = (i * 31 % 251) as u8;
            }
        },
        true,
        |_| {},
    );
    assert_refused(dir.path(), &mangled, "damaged");

    // A checksum in the manifest that is simply wrong.
    let bad_sum = dir.path().join("bad-sum.zip");
    repack(
        &archive,
        &bad_sum,
        |_| {},
        false,
        |m| m["files"][0]["sha256"] = "00".repeat(32).into(),
    );
    assert_refused(dir.path(), &bad_sum, "does not match its manifest");

    // No manifest at all, and not a zip at all.
    let bare = dir.path().join("bare.zip");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&bare).unwrap());
        zip.start_file("utter.db", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&read_entries(&archive)["utter.db"]).unwrap();
        zip.finish().unwrap();
    }
    assert_refused(dir.path(), &bare, "no manifest.json");
    let text = dir.path().join("notes.zip");
    std::fs::write(&text, "hello").unwrap();
    assert_refused(dir.path(), &text, "not an Utter backup");

    // Truncated half-way (a copy that did not finish).
    let cut = dir.path().join("cut.zip");
    let bytes = std::fs::read(&archive).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert_refused(dir.path(), &cut, "not an Utter backup");
}

#[test]
fn restore_keeps_the_replaced_database_and_brings_back_the_board() {
    let dir = tempdir().unwrap();
    let (backed_up, archive) = board_with_backup(dir.path());
    let m = manifest_of(&archive);
    assert_eq!(m.count("tasks"), Some(backed_up.len() as i64));
    assert!(m.secrets.contains("keychain"), "{}", m.secrets);

    // Life goes on: a card added, one deleted, one edited.
    let svc = service(dir.path());
    svc.create_task(new_task("Added after the backup")).unwrap();
    svc.delete_task(backed_up[0].id).unwrap();
    svc.update_task(
        backed_up[1].id,
        TaskPatch {
            title: Some("Renamed after the backup".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let replaced = svc.list_tasks(&TaskFilter::default()).unwrap();
    drop(svc);

    // Without --yes and without a terminal, nothing happens.
    let o = utter(dir.path(), &["restore", archive.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--yes"), "{}", stderr(&o));
    assert_eq!(board(dir.path()), replaced);

    let o = utter(dir.path(), &["restore", archive.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let aside = files_starting(dir.path(), "utter.db.before-restore-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        stdout(&o).contains(&aside[0].display().to_string()),
        "says where: {}",
        stdout(&o)
    );
    assert_eq!(board(dir.path()), backed_up);
    // The kept database is a whole, standalone file with the board that was replaced.
    assert_eq!(integrity(&aside[0]), "ok");
    let kept = Store::open(&aside[0]).unwrap();
    assert_eq!(kept.list_tasks(&TaskFilter::default()).unwrap(), replaced);
    // The restored board is the normal live file: WAL, and new cards get new ids.
    let svc = service(dir.path());
    let next = svc.create_task(new_task("After the restore")).unwrap();
    assert!(backed_up.iter().all(|t| t.id < next.id));
    let conn = Connection::open(dir.path().join("utter.db")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_running_process_sees_the_restored_board() {
    let dir = tempdir().unwrap();
    let (backed_up, archive) = board_with_backup(dir.path());
    // The "app": its own open store, watching for other processes' writes.
    let app = service(dir.path());
    let _watch = app.watch_external(Duration::from_millis(20)).unwrap();
    let mut events = app.subscribe();
    for i in 0..5 {
        app.create_task(new_task(&format!("made in the app {i}")))
            .unwrap();
    }
    assert_eq!(
        app.list_tasks(&TaskFilter::default()).unwrap().len(),
        backed_up.len() + 5
    );
    while events.try_recv().is_ok() {}

    let o = utter(dir.path(), &["restore", archive.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Same connection, no reopen: the restored board at the next read.
    assert_eq!(app.list_tasks(&TaskFilter::default()).unwrap(), backed_up);
    let started = Instant::now();
    loop {
        match events.try_recv() {
            Ok(ChangeEvent::External) => break,
            Ok(_) => {}
            Err(_) => {
                assert!(
                    started.elapsed() < Duration::from_secs(5),
                    "the app was not told"
                );
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
    // And it keeps working on it.
    let t = app.create_task(new_task("after the restore")).unwrap();
    assert_eq!(app.get_task(t.id).unwrap().title, "after the restore");
    assert_eq!(integrity(&dir.path().join("utter.db")), "ok");
}

#[test]
fn restore_through_the_service_tells_its_own_subscribers() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    svc.create_task(new_task("kept")).unwrap();
    let made = svc.backup_now(None, false).unwrap();
    assert!(made.path.contains("backups"), "{}", made.path);
    svc.create_task(new_task("dropped by the restore")).unwrap();
    let mut events = svc.subscribe();
    let r = svc.restore_backup(Path::new(&made.path)).unwrap();
    assert_eq!(r.tasks, 1);
    assert!(r.kept_aside.is_some());
    assert_eq!(events.try_recv().unwrap(), ChangeEvent::External);
    let titles: Vec<String> = svc
        .list_tasks(&TaskFilter::default())
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(titles, ["kept"]);
}

#[test]
fn recordings_travel_with_the_backup_to_another_data_dir() {
    let dir = tempdir().unwrap();
    let from = dir.path().join("from");
    let svc = service(&from);
    let audio = from.join("audio");
    std::fs::create_dir_all(&audio).unwrap();
    let wav = audio.join("rec-1.wav");
    std::fs::write(&wav, b"RIFF....WAVEfmt pretend audio").unwrap();
    svc.save_dump(
        NewTranscript {
            text: "call the plumber".into(),
            audio_path: Some(wav.display().to_string()),
            ..Default::default()
        },
        vec![new_task("Call the plumber")],
    )
    .unwrap();
    let archive = dir.path().join("with-audio.zip");
    let o = utter(
        &from,
        &["backup", archive.to_str().unwrap(), "--with-recordings"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 recording"), "{}", stdout(&o));
    assert_eq!(manifest_of(&archive).recordings(), 1);

    let to = dir.path().join("to");
    let o = utter(&to, &["restore", archive.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let moved = to.join("audio").join("rec-1.wav");
    assert_eq!(std::fs::read(&moved).unwrap(), std::fs::read(&wav).unwrap());
    let restored = service(&to).list_transcripts(10).unwrap();
    assert_eq!(
        restored[0].audio_path.as_deref(),
        Some(moved.display().to_string().as_str()),
        "the transcript points at its recording's new place"
    );
}

#[test]
fn daily_backups_keep_the_last_seven() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    // A new, empty board is not worth a backup.
    assert!(svc.daily_backup_if_due(t0).unwrap().is_none());
    svc.create_task(new_task("worth keeping")).unwrap();
    let mut made = Vec::new();
    for day in 0..10 {
        let now = t0 + chrono::Duration::hours(25 * day);
        let b = svc.daily_backup_if_due(now).unwrap().expect("due");
        // Not again the same day.
        assert!(
            svc.daily_backup_if_due(now + chrono::Duration::hours(23))
                .unwrap()
                .is_none()
        );
        made.push(b);
    }
    let list = svc.list_backups().unwrap();
    let daily: Vec<_> = list
        .iter()
        .filter(|b| b.kind == Some(BackupKind::Daily))
        .collect();
    assert_eq!(daily.len(), utter::backup::KEEP_DAILY);
    // The newest seven, newest first.
    let want: Vec<_> = made.iter().rev().take(7).map(|b| b.path.clone()).collect();
    let got: Vec<_> = daily.iter().map(|b| b.path.clone()).collect();
    assert_eq!(got, want);
    assert!(daily.iter().all(|b| b.tasks == Some(1)));

    // A manual backup is never pruned.
    let manual = svc.backup_now(None, false).unwrap();
    svc.daily_backup_if_due(t0 + chrono::Duration::days(30))
        .unwrap()
        .expect("due");
    assert!(Path::new(&manual.path).exists());

    // The setting turns them off.
    svc.set_user_setting("backup.daily", "off").unwrap();
    assert!(
        svc.daily_backup_if_due(t0 + chrono::Duration::days(60))
            .unwrap()
            .is_none()
    );

    // `utter backups list` shows them.
    let o = utter(dir.path(), &["backups", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 8, "{}", stdout(&o));
    let o = utter(dir.path(), &["backups", "list", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 8);
}

/// The app and a CLI call can both find the daily backup due in the same second; the one
/// that finds the other's archive already written treats the day as done, not as a failure.
#[test]
fn two_processes_taking_the_same_daily_backup_both_succeed() {
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    for round in 0..6 {
        let dir = tempdir().unwrap();
        service(dir.path())
            .create_task(new_task("worth keeping"))
            .unwrap();
        // Staggered starts: the race bites when one finishes between the other's look at
        // the folder and its write, so some rounds start apart and some together.
        let handles: Vec<_> = (0..4u64)
            .map(|i| {
                let data = dir.path().to_path_buf();
                let svc = service(&data);
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_micros(i * round * 400));
                    svc.daily_backup_if_due(now).map(|b| b.is_some())
                })
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        for r in &results {
            assert!(r.is_ok(), "round {round}: {results:?}");
        }
        assert!(results.iter().any(|r| matches!(r, Ok(true))), "{results:?}");
        let daily = service(dir.path())
            .list_backups()
            .unwrap()
            .into_iter()
            .filter(|b| b.kind == Some(BackupKind::Daily))
            .count();
        assert!(daily >= 1);
    }
}

#[test]
fn a_migration_from_an_older_schema_is_preceded_by_a_backup() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("utter.db");
    let old = latest_version() - 1;
    {
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        migrate_to(&mut conn, old).unwrap();
        conn.execute_batch(
            "INSERT INTO tasks (title, status, position, created_at, updated_at)
             VALUES ('Older than this build', 'pending', 1024, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.count_tasks().unwrap(), 1);
    drop(store);
    let backups = files_starting(&dir.path().join("backups"), "utter-pre-migration-");
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(
        backups[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(&format!("utter-pre-migration-v{old}-"))
    );
    let m = manifest_of(&backups[0]);
    assert_eq!(m.kind, BackupKind::PreMigration);
    assert_eq!(m.schema_version, old);
    assert_eq!(m.count("tasks"), Some(1));
    // It is a good archive of the old file.
    utter::backup::verify(&backups[0], dir.path()).unwrap();

    // Opening again (now current) makes no further backup.
    drop(Store::open_in(dir.path()).unwrap());
    assert_eq!(
        files_starting(&dir.path().join("backups"), "utter-").len(),
        1
    );

    // Restoring the older-schema archive brings it up to date.
    let elsewhere = dir.path().join("elsewhere");
    let o = utter(
        &elsewhere,
        &["restore", backups[0].to_str().unwrap(), "--yes", "--json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["migrated_from"], old);
    let conn = Connection::open(elsewhere.join("utter.db")).unwrap();
    assert_eq!(current_version(&conn).unwrap(), latest_version());
    assert_eq!(board(&elsewhere)[0].title, "Older than this build");
}

#[test]
fn no_backup_of_a_new_or_empty_database() {
    let dir = tempdir().unwrap();
    drop(Store::open_in(dir.path()).unwrap());
    // An older schema with nothing but the seeded categories in it.
    let empty_old = dir.path().join("old");
    std::fs::create_dir_all(&empty_old).unwrap();
    {
        let mut conn = Connection::open(empty_old.join("utter.db")).unwrap();
        migrate_to(&mut conn, latest_version() - 1).unwrap();
    }
    drop(Store::open_in(&empty_old).unwrap());
    let o = utter(dir.path(), &["tasks", "list"]);
    assert!(o.status.success());
    assert!(!dir.path().join("backups").exists());
    assert!(!empty_old.join("backups").exists());
}

#[test]
fn restore_is_the_way_out_of_a_damaged_database() {
    let dir = tempdir().unwrap();
    let (backed_up, archive) = board_with_backup(dir.path());
    let db = dir.path().join("utter.db");
    // Whatever processes had it open are gone; the file is now garbage.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("utter.db{suffix}")));
    }
    std::fs::write(&db, b"not a database at all\n".repeat(200)).unwrap();
    assert!(!utter(dir.path(), &["tasks", "list"]).status.success());

    let o = utter(dir.path(), &["restore", archive.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("moved to"), "{}", stderr(&o));
    let damaged = files_starting(dir.path(), "utter.db.damaged-");
    assert_eq!(damaged.len(), 1, "{damaged:?}");
    assert!(
        std::fs::read(&damaged[0])
            .unwrap()
            .starts_with(b"not a database")
    );
    assert_eq!(board(dir.path()), backed_up);
}
