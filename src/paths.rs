//! Where Utter keeps its data: `--data-dir`, else `UTTER_DATA_DIR`, else the OS convention
//! (Linux `~/.local/share/utter`, macOS `~/Library/Application Support/dev.utter.Utter`,
//! Windows `%APPDATA%\utter\Utter\data`).

use std::path::{Path, PathBuf};

pub const DATA_DIR_ENV: &str = "UTTER_DATA_DIR";
pub const DB_FILE: &str = "utter.db";

pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("dev", "utter", "Utter").map(|d| d.data_dir().to_path_buf())
}

/// Resolves the data dir from an explicit choice, the environment, then the OS default.
pub fn resolve_data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    default_data_dir()
}

pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}
