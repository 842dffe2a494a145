//! Properties of the store under any sequence of add / edit / move / delete / undo, checked
//! against a model of the board after every step:
//! - search (FTS5, kept in sync by triggers) finds exactly the cards whose title or
//!   description holds the word, and FTS5's own integrity check agrees with the tasks table;
//! - each column lists its cards in the order the moves asked for (a move to index `i` puts
//!   the card at `i`, or at the end past it; new and restored cards keep their place), with
//!   strictly increasing, finite positions — the gaps are not kept even (`POSITION_STEP`
//!   apart only until moves take midpoints), but a column squeezed past what midpoints can
//!   split is renumbered rather than left with ties.
//!
//! 64 sequences by default; `PROPTEST_CASES=2000 cargo test --test core store_properties`
//! runs more.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rusqlite::{Connection, OpenFlags};
use tempfile::tempdir;
use utter::Service;
use utter::model::{NewTask, SearchHit, Status, Task, TaskFilter, TaskPatch};

use super::support::service;

/// Words whose Porter stems are not prefixes of each other, so a prefix search for one
/// never finds another.
const WORDS: &[&str] = &[
    "apple", "brick", "cloud", "delta", "ember", "frost", "grape", "hazel",
];

#[derive(Debug, Clone)]
enum Op {
    Add {
        title: Vec<usize>,
        description: Option<Vec<usize>>,
        status: Status,
    },
    Edit {
        card: usize,
        title: Option<Vec<usize>>,
        description: Option<Option<Vec<usize>>>,
    },
    Move {
        card: usize,
        status: Status,
        index: Option<usize>,
    },
    /// Many moves into the same slot: the gap there halves each time until the column has
    /// to be renumbered.
    Squeeze {
        status: Status,
        moves: usize,
    },
    Delete {
        card: usize,
    },
    /// Undo of the last delete.
    Restore,
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn words() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..WORDS.len(), 1..4)
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (words(), prop::option::of(words()), status()).prop_map(|(title, description, status)| {
            Op::Add { title, description, status }
        }),
        2 => (any::<usize>(), prop::option::of(words()), prop::option::of(prop::option::of(words())))
            .prop_map(|(card, title, description)| Op::Edit { card, title, description }),
        4 => (any::<usize>(), status(), prop::option::of(0usize..6))
            .prop_map(|(card, status, index)| Op::Move { card, status, index }),
        1 => (status(), 20usize..80).prop_map(|(status, moves)| Op::Squeeze { status, moves }),
        2 => any::<usize>().prop_map(|card| Op::Delete { card }),
        1 => Just(Op::Restore),
    ]
}

/// The text a card gets: its words, with the case and punctuation a person would type.
fn text(words: &[usize], salt: usize) -> String {
    words
        .iter()
        .enumerate()
        .map(|(i, &w)| match (i + salt) % 3 {
            0 => WORDS[w].to_string(),
            1 => WORDS[w].to_uppercase(),
            _ => format!("{},", WORDS[w]),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the board should be: each column's card ids in order, and each card's text.
#[derive(Default)]
struct Model {
    columns: HashMap<Status, Vec<i64>>,
    text: BTreeMap<i64, (String, Option<String>)>,
    deleted: Option<Task>,
}

impl Model {
    fn ids(&self) -> Vec<i64> {
        self.text.keys().copied().collect()
    }

    fn pick(&self, card: usize) -> Option<i64> {
        let ids = self.ids();
        (!ids.is_empty()).then(|| ids[card % ids.len()])
    }

    fn column_of(&mut self, id: i64) -> (Status, usize) {
        self.columns
            .iter()
            .find_map(|(s, ids)| ids.iter().position(|&i| i == id).map(|p| (*s, p)))
            .expect("card in a column")
    }

    fn place(&mut self, id: i64, status: Status, index: Option<usize>) {
        let (from, at) = self.column_of(id);
        self.columns.get_mut(&from).expect("column").remove(at);
        let column = self.columns.entry(status).or_default();
        let index = index.unwrap_or(column.len()).min(column.len());
        column.insert(index, id);
    }
}

fn apply(svc: &Service, model: &mut Model, op: &Op, step: usize) {
    match op {
        Op::Add {
            title,
            description,
            status,
        } => {
            let title = text(title, step);
            let description = description.as_ref().map(|d| text(d, step + 1));
            let task = svc
                .create_task(NewTask {
                    title: title.clone(),
                    description: description.clone(),
                    status: Some(*status),
                    ..Default::default()
                })
                .unwrap();
            model.columns.entry(*status).or_default().push(task.id);
            model.text.insert(task.id, (title, description));
        }
        Op::Edit {
            card,
            title,
            description,
        } => {
            let Some(id) = model.pick(*card) else { return };
            let patch = TaskPatch {
                title: title.as_ref().map(|t| text(t, step)),
                description: description
                    .as_ref()
                    .map(|d| d.as_ref().map(|d| text(d, step + 2))),
                ..Default::default()
            };
            svc.update_task(id, patch.clone()).unwrap();
            let entry = model.text.get_mut(&id).expect("card");
            if let Some(t) = patch.title {
                entry.0 = t;
            }
            if let Some(d) = patch.description {
                entry.1 = d;
            }
        }
        Op::Move {
            card,
            status,
            index,
        } => {
            let Some(id) = model.pick(*card) else { return };
            svc.move_task(id, *status, *index).unwrap();
            model.place(id, *status, *index);
        }
        Op::Squeeze { status, moves } => {
            let ids = model.ids();
            if ids.len() < 2 {
                return;
            }
            for m in 0..*moves {
                let id = ids[m % 2];
                svc.move_task(id, *status, Some(1)).unwrap();
                model.place(id, *status, Some(1));
            }
        }
        Op::Delete { card } => {
            let Some(id) = model.pick(*card) else { return };
            let task = svc.delete_task(id).unwrap();
            let (from, at) = model.column_of(id);
            model.columns.get_mut(&from).expect("column").remove(at);
            model.text.remove(&id);
            model.deleted = Some(task);
        }
        Op::Restore => {
            let Some(task) = model.deleted.take() else {
                return;
            };
            // Back between the same neighbours: before the cards whose positions are not
            // lower than its own (one may have taken its position meanwhile).
            let column = model.columns.entry(task.status).or_default();
            let positions: Vec<f64> = column
                .iter()
                .map(|&id| svc.get_task(id).unwrap().position)
                .collect();
            let at = positions.iter().filter(|&&p| p < task.position).count();
            let restored = svc.restore_task(&task).unwrap();
            assert_eq!(restored.id, task.id);
            if !positions.contains(&task.position) {
                assert_eq!(
                    restored.position, task.position,
                    "restored in its old place"
                );
            }
            column.insert(at, task.id);
            model
                .text
                .insert(task.id, (task.title.clone(), task.description.clone()));
        }
    }
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

fn check(svc: &Service, db: &Path, model: &Model, step: usize, op: &Op) {
    let ctx = format!("after step {step} ({op:?})");
    // Columns: the model's order, strictly increasing positions.
    for s in Status::ALL {
        let tasks = svc
            .list_tasks(&TaskFilter {
                status: Some(s),
                ..Default::default()
            })
            .unwrap();
        let ids: Vec<i64> = tasks.iter().map(|t| t.id).collect();
        let want = model.columns.get(&s).cloned().unwrap_or_default();
        assert_eq!(ids, want, "{s:?} column order {ctx}");
        for pair in tasks.windows(2) {
            assert!(
                pair[0].position.is_finite() && pair[0].position < pair[1].position,
                "{s:?} positions {} then {} {ctx}",
                pair[0].position,
                pair[1].position
            );
        }
    }
    // Search: exactly the cards holding the word.
    for word in WORDS {
        let mut found: Vec<i64> = svc
            .search(word, 10_000)
            .unwrap()
            .into_iter()
            .filter_map(|h| match h {
                SearchHit::Task { task, .. } => Some(task.id),
                SearchHit::Transcript { .. } => None,
            })
            .collect();
        found.sort_unstable();
        let want: Vec<i64> = model
            .text
            .iter()
            .filter(|(_, (t, d))| {
                has_word(t, word) || d.as_deref().is_some_and(|d| has_word(d, word))
            })
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(found, want, "search {word:?} {ctx}");
    }
    // The index against the table, by FTS5 itself and row by row.
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    conn.execute(
        "INSERT INTO tasks_fts(tasks_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap_or_else(|e| panic!("FTS index out of step with tasks {ctx}: {e}"));
    let ro = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let rows: i64 = ro
        .query_row("SELECT COUNT(*) FROM tasks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows as usize, model.text.len(), "task rows {ctx}");
}

#[test]
fn any_edit_sequence_keeps_search_and_column_order_in_step() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new(Config {
        cases,
        // The sequences are what matters; no regressions file next to the tests.
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&prop::collection::vec(op(), 1..40), |ops| {
            let dir = tempdir().unwrap();
            let svc = service(dir.path());
            let db = utter::paths::db_path(dir.path());
            let mut model = Model::default();
            for (step, op) in ops.iter().enumerate() {
                apply(&svc, &mut model, op, step);
                check(&svc, &db, &model, step, op);
            }
            Ok(())
        })
        .unwrap();
}
