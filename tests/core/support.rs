use std::path::Path;
use std::sync::Arc;

use utter::Service;
use utter::model::NewTask;

pub fn service(dir: &Path) -> Arc<Service> {
    Service::open(dir).unwrap()
}

pub fn new_task(title: &str) -> NewTask {
    NewTask {
        title: title.into(),
        ..Default::default()
    }
}

pub use crate::cli::{run as utter, run_stdin as utter_stdin, stderr, stdout};
