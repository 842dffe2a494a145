use std::path::{Path, PathBuf};
use std::sync::Arc;

use utter::Service;
use utter::model::{Due, NewTask, Task};
use utter::secrets::MemoryStore;
use utter::service::Dependencies;
use utter::store::Store;

pub fn service(dir: &Path) -> Arc<Service> {
    Service::open(dir).unwrap()
}

/// A service whose secrets stay in memory: the test never touches the OS keychain.
pub fn service_with_memory_keychain(dir: &Path) -> Arc<Service> {
    Service::open_with(
        dir,
        Dependencies::default().with_secrets(MemoryStore::new()),
    )
    .unwrap()
}

pub fn new_task(title: &str) -> NewTask {
    NewTask {
        title: title.into(),
        ..Default::default()
    }
}

pub use crate::cli::{ok, run as utter, run_stdin as utter_stdin, stderr, stdout};

// ---- export and import ----

/// A file in `tests/fixtures/transfer` (export and import fixtures).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transfer")
        .join(name)
}

pub fn all_tasks(dir: &Path) -> Vec<Task> {
    Store::open_in(dir).unwrap().all_tasks().unwrap()
}

pub fn category_names(dir: &Path) -> Vec<String> {
    service(dir)
        .list_categories()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect()
}

pub fn due(s: &str) -> Option<Due> {
    Some(s.parse().unwrap())
}

pub fn by_title<'a>(tasks: &'a [Task], title: &str) -> &'a Task {
    tasks.iter().find(|t| t.title == title).unwrap_or_else(|| {
        panic!(
            "no card '{title}' in {:#?}",
            tasks.iter().map(|t| &t.title).collect::<Vec<_>>()
        )
    })
}
