use std::path::Path;
use std::process::{Command, Output};
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

/// Runs the real `utter` binary against `data_dir`.
pub fn utter(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_utter"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("UTTER_DATA_DIR")
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
