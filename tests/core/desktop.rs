//! The desktop's settings, due-date reminders, do-not-disturb and undo of a dump, on a real
//! SQLite file. (Notifications reaching a real daemon: tests/notify.rs.)

use chrono::NaiveDate;
use utter::model::{Due, NewTask, Status};
use utter::notify::{Notice, NoticeKind};
use utter::service::{HotkeyMode, Theme};

use super::support::{new_task, service, stdout, utter};

fn at(d: u32, h: u32, m: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

#[test]
fn app_settings_have_defaults_and_reflect_what_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(dir.path());
    let s = svc.app_settings().unwrap();
    assert_eq!(s.hotkey, "CommandOrControl+Shift+Space");
    assert_eq!(s.hotkey_mode, HotkeyMode::Hold);
    assert_eq!(s.theme, Theme::System);
    assert_eq!(s.retention_days, 30);
    assert!(!s.dnd && !s.autostart && !s.onboarding_done);
    assert_eq!(s.model, "auto", "choose for me is the default");

    svc.set_user_setting("hotkey.shortcut", "Alt+F9").unwrap();
    svc.set_user_setting("hotkey.mode", "toggle").unwrap();
    svc.set_user_setting("ui.theme", "dark").unwrap();
    svc.set_user_setting("notify.dnd", "on").unwrap();
    svc.set_user_setting("onboarding.done", "on").unwrap();
    let s = svc.app_settings().unwrap();
    assert_eq!(s.hotkey, "Alt+F9");
    assert_eq!(s.hotkey_mode, HotkeyMode::Toggle);
    assert_eq!(s.theme, Theme::Dark);
    assert!(s.dnd && s.onboarding_done);

    svc.unset_user_setting("hotkey.mode").unwrap();
    assert_eq!(svc.app_settings().unwrap().hotkey_mode, HotkeyMode::Hold);
}

#[test]
fn bad_desktop_settings_are_refused_with_the_reason_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(dir.path());
    for (key, value, why) in [
        ("hotkey.shortcut", "K", "needs a modifier"),
        ("hotkey.shortcut", "Ctrl+Shift", "no key"),
        ("hotkey.mode", "sometimes", "hold, toggle"),
        ("ui.theme", "purple", "system, light, dark"),
        ("notify.dnd", "yes", "on, off"),
    ] {
        let err = svc.set_user_setting(key, value).unwrap_err().to_string();
        assert!(err.contains(why), "{key}={value}: {err}");
    }
    assert_eq!(
        svc.app_settings().unwrap(),
        service(tempfile::tempdir().unwrap().path())
            .app_settings()
            .unwrap()
    );
    // The CLI goes through the same check.
    let out = utter(dir.path(), &["settings", "set", "hotkey.shortcut", "Q"]);
    assert_eq!(out.status.code(), Some(1));
    let out = utter(dir.path(), &["settings", "set", "hotkey.mode", "toggle"]);
    assert!(out.status.success());
    let out = utter(dir.path(), &["settings", "get", "hotkey.mode"]);
    assert_eq!(stdout(&out).trim(), "toggle");
}

#[test]
fn reminders_fire_once_when_their_time_passes_and_skip_done_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(dir.path());
    let mk = |title: &str, due: Due| {
        svc.create_task(NewTask {
            due: Some(due),
            ..new_task(title)
        })
        .unwrap()
    };
    let meeting = mk("Meeting with Joe", Due::DateTime(at(23, 14, 0)));
    let proposal = mk(
        "Send the proposal",
        Due::Date(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()),
    );
    let done = mk("Already done", Due::DateTime(at(23, 13, 50)));
    svc.move_task(done.id, Status::Completed, None).unwrap();
    mk("Long overdue", Due::DateTime(at(1, 9, 0)));

    // The first check only starts the clock: nothing overdue floods in.
    assert!(svc.due_reminders(at(23, 12, 0)).unwrap().is_empty());
    assert!(svc.due_reminders(at(23, 13, 40)).unwrap().is_empty());
    // 15 minutes before 14:00.
    let due = svc.due_reminders(at(23, 13, 46)).unwrap();
    assert_eq!(
        due.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![meeting.id]
    );
    // Never twice.
    assert!(svc.due_reminders(at(23, 14, 30)).unwrap().is_empty());
    // A task due on a day is announced at 09:00 that day.
    assert!(svc.due_reminders(at(24, 8, 59)).unwrap().is_empty());
    let due = svc.due_reminders(at(24, 9, 0)).unwrap();
    assert_eq!(
        due.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![proposal.id]
    );

    let notice = utter::service::reminder_notice(&due).unwrap();
    assert_eq!(notice.title, "Due: Send the proposal");
    assert_eq!(notice.kind, NoticeKind::Reminder);
    // The cursor survives a restart.
    drop(svc);
    let svc = service(dir.path());
    assert!(svc.due_reminders(at(24, 9, 5)).unwrap().is_empty());
}

#[test]
fn undo_of_a_dump_deletes_exactly_its_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(dir.path());
    let keep = svc.create_task(new_task("Older task")).unwrap();
    let added = svc
        .dump_text(
            utter::model::NewTranscript {
                text: "call Joe tomorrow and send the Henderson proposal on Friday".into(),
                ..Default::default()
            },
            at(23, 9, 0),
        )
        .unwrap()
        .tasks;
    assert!(added.len() >= 2, "{added:?}");
    let ids: Vec<i64> = added.iter().map(|t| t.id).collect();
    // One of them already deleted by hand: skipped, not an error.
    svc.delete_task(ids[0]).unwrap();
    assert_eq!(svc.undo_dump(&ids).unwrap(), ids.len() - 1);
    let left: Vec<i64> = svc
        .list_tasks(&Default::default())
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(left, vec![keep.id]);
}

#[test]
fn do_not_disturb_holds_back_all_but_errors() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(dir.path());
    svc.set_user_setting("notify.dnd", "on").unwrap();
    // Held back before any D-Bus call: this passes with no notification daemon at all.
    let sent = svc
        .notify(&Notice::tasks_added(["Call Joe"]), |_| {})
        .unwrap();
    assert!(!sent);
    // Errors are the exception (sending them is tests/notify.rs, against a real daemon).
    assert!(NoticeKind::Error.shows_in_dnd());
}
