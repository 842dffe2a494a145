//! A write that fails because the disk is full leaves the board as it was and says so in
//! words. The data dir lives on a real 1 MiB tmpfs, so SQLite meets a real ENOSPC; mounting
//! needs root, so elsewhere the test says it was skipped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::support::{stderr, stdout, utter};

/// Unmounts on drop, even when an assertion fails.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn mount_small_tmpfs(at: &Path) -> Option<Mounted> {
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(at)
        .output()
        .ok()?
        .status
        .success();
    mounted.then(|| Mounted(at.to_path_buf()))
}

/// Fills the filesystem, then frees `leave` bytes: room to open the database, not to grow it.
fn fill_leaving(dir: &Path, leave: u64) -> PathBuf {
    let filler = dir.join("filler.bin");
    let mut f = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    let mut written = 0u64;
    while f.write_all(&chunk).is_ok() {
        written += chunk.len() as u64;
    }
    let _ = f.flush();
    f.set_len(written.saturating_sub(leave)).unwrap();
    filler
}

#[test]
fn a_full_disk_leaves_the_board_as_it_was() {
    let mnt = tempfile::tempdir().unwrap();
    let Some(_mounted) = mount_small_tmpfs(mnt.path()) else {
        eprintln!("SKIPPED full-disk test: cannot mount a tmpfs here (needs root)");
        return;
    };
    let data = mnt.path().join("data");
    let first = utter(&data, &["tasks", "add", "Call Joe about the renewal"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = stdout(&utter(&data, &["tasks", "list", "--json"]));
    let filler = fill_leaving(mnt.path(), 64 * 1024);

    let long = "budget line ".repeat(10_000);
    let failed = utter(
        &data,
        &["tasks", "add", "Draft the budget", "--description", &long],
    );
    assert!(!failed.status.success());
    let err = stderr(&failed);
    assert!(err.contains("the disk is full"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");

    // Space again: the board is exactly what it was, and the file is sound.
    std::fs::remove_file(filler).unwrap();
    assert_eq!(stdout(&utter(&data, &["tasks", "list", "--json"])), before);
    let db = rusqlite::Connection::open(utter::paths::db_path(&data)).unwrap();
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // And it takes writes again.
    assert!(
        utter(&data, &["tasks", "add", "Draft the budget"])
            .status
            .success()
    );
}
