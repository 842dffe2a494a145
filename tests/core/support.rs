use std::path::Path;
use std::sync::Arc;

use utter::Service;
use utter::model::NewTask;
use utter::secrets::MemoryStore;
use utter::service::Dependencies;

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

pub use crate::cli::{run as utter, run_stdin as utter_stdin, stderr, stdout};
