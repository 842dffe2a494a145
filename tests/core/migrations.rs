use rusqlite::Connection;
use tempfile::tempdir;
use utter::model::{Status, TaskFilter};
use utter::store::migrations::{current_version, latest_version, migrate_to};
use utter::store::{Store, StoreError};

fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn fresh_file_gets_latest_schema_and_seeded_categories() {
    let dir = tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let conn = Connection::open(store.path()).unwrap();
    assert_eq!(current_version(&conn).unwrap(), latest_version());
    let t = tables(&conn);
    for want in [
        "tasks",
        "categories",
        "transcripts",
        "settings",
        "tasks_fts",
        "transcripts_fts",
        "tasks_fts_update",
    ] {
        assert!(t.iter().any(|n| n == want), "missing {want} in {t:?}");
    }
    let cats = store.list_categories().unwrap();
    assert_eq!(
        cats,
        utter::model::default_categories(),
        "seed and defaults agree"
    );
    assert!(
        cats.iter()
            .all(|c| c.color.starts_with('#') && c.color.len() == 7)
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

/// Builds a database at every earlier version, fills it the way that version could, and
/// checks that opening it upgrades without losing anything and indexes old rows.
#[test]
fn upgrades_from_every_earlier_version_keep_data() {
    for from in 0..latest_version() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("utter.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate_to(&mut conn, from).unwrap();
            assert_eq!(current_version(&conn).unwrap(), from);
            if from >= 1 {
                conn.execute_batch(
                    "INSERT INTO transcripts (text, created_at) VALUES ('call the plumber about the leak', '2026-01-01T00:00:00Z');
                     INSERT INTO tasks (title, description, category, priority, status, position, source_transcript_id, created_at, updated_at)
                     VALUES ('Call the plumber', 'kitchen leak', 'Personal', 'high', 'blocked', 1024, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
                )
                .unwrap();
            }
        }
        let store = Store::open(&path).unwrap();
        let conn = Connection::open(&path).unwrap();
        assert_eq!(
            current_version(&conn).unwrap(),
            latest_version(),
            "from v{from}"
        );
        if from >= 1 {
            let tasks = store.list_tasks(&TaskFilter::default()).unwrap();
            assert_eq!(tasks.len(), 1, "from v{from}");
            assert_eq!(tasks[0].status, Status::Blocked);
            assert_eq!(tasks[0].source_transcript_id, Some(1));
            assert_eq!(
                store.search("plumber", 10).unwrap().len(),
                2,
                "old rows indexed (from v{from})"
            );
            assert_eq!(
                store.search("leak", 10).unwrap().len(),
                2,
                "description and transcript indexed"
            );
        }
    }
}

#[test]
fn reopening_is_idempotent() {
    let dir = tempdir().unwrap();
    let mut s = Store::open_in(dir.path()).unwrap();
    s.insert_task(&utter::model::NewTask {
        title: "x".into(),
        ..Default::default()
    })
    .unwrap();
    drop(s);
    let s = Store::open_in(dir.path()).unwrap();
    assert_eq!(s.count_tasks().unwrap(), 1);
    assert_eq!(s.list_categories().unwrap().len(), 7);
}

#[test]
fn newer_schema_is_refused_and_left_alone() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("utter.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 5)
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err:?}");
    assert!(err.to_string().contains("utter.db"), "{err}");
    let conn = Connection::open(&path).unwrap();
    assert_eq!(current_version(&conn).unwrap(), latest_version() + 5);
}

#[test]
fn corrupt_file_is_reported_with_its_path_and_not_overwritten() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("utter.db");
    let garbage =
        b"this is not sqlite at all, just some bytes that happen to be here\n".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}
