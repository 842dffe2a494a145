//! Notifications against a real notification daemon (dunst on a private D-Bus session under
//! Xvfb) and with none at all. Run by `scripts/test-notify.sh`, which sets
//! `UTTER_TEST_NOTIFY=daemon` or `=none`; a plain `cargo test` skips these.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::time::{Duration, Instant};

use utter::notify::{Notice, NoticeKind, server_info};

fn mode() -> Option<String> {
    let m = std::env::var("UTTER_TEST_NOTIFY").ok();
    if m.is_none() {
        eprintln!(
            "NOTICE: run through scripts/test-notify.sh (needs a notification daemon); skipping"
        );
    }
    m
}

/// Summaries and bodies in dunst's history (newest first).
fn history() -> Vec<(String, String)> {
    let out = Command::new("dunstctl").arg("history").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["data"][0]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["summary"]["data"].as_str().unwrap_or("").to_owned(),
                n["body"]["data"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// Waits until dunst shows `summary`, then moves everything to its history.
fn wait_shown(summary: &str) -> (String, String) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // Shown notifications reach the history when closed.
        let _ = Command::new("dunstctl").arg("close-all").status();
        if let Some(found) = history().into_iter().find(|(s, _)| s == summary) {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "{summary:?} never reached the daemon: {:?}",
            history()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn with_daemon_tasks_added_reaches_it_with_titles_and_dnd_holds_it_back() {
    if mode().as_deref() != Some("daemon") {
        return;
    }
    assert!(server_info().unwrap().to_lowercase().contains("dunst"));
    let dir = tempfile::tempdir().unwrap();
    let svc = utter::Service::open(dir.path()).unwrap();

    let sent = svc
        .notify(
            &Notice::tasks_added(["Call Joe", "Send the Henderson proposal"]),
            |_| {},
        )
        .unwrap();
    assert!(sent);
    let (_, body) = wait_shown("2 tasks added");
    assert!(
        body.contains("Call Joe") && body.contains("Henderson"),
        "{body}"
    );

    svc.set_user_setting("notify.dnd", "on").unwrap();
    assert!(
        !svc.notify(&Notice::tasks_added(["Quiet task"]), |_| {})
            .unwrap()
    );
    let err = Notice::new(NoticeKind::Error, "Recording failed", "No microphone found");
    assert!(svc.notify(&err, |_| {}).unwrap());
    wait_shown("Recording failed");
    assert!(
        !history().iter().any(|(s, _)| s == "1 task added"),
        "do-not-disturb let a notification through"
    );
}

#[test]
fn without_daemon_sending_fails_with_what_to_do() {
    if mode().as_deref() != Some("none") {
        return;
    }
    let err = server_info().unwrap_err().to_string();
    assert!(err.contains("no notification service is running"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let svc = utter::Service::open(dir.path()).unwrap();
    let err = svc
        .notify(&Notice::tasks_added(["Call Joe"]), |_| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("start one"), "{err}");
}
