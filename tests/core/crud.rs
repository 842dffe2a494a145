use tempfile::tempdir;
use utter::model::{Due, NewTask, Priority, Status, TaskFilter, TaskPatch};
use utter::service::ServiceError;

use super::support::{new_task, service};

#[test]
fn create_get_list_update_delete_restore() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let t = svc
        .create_task(NewTask {
            title: "  Call Joe\tabout the renewal ".into(),
            description: Some("he asked twice".into()),
            category: Some("sales".into()),
            priority: Some(Priority::High),
            due: Some("2026-11-24".parse().unwrap()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(t.title, "Call Joe about the renewal");
    assert_eq!(
        t.category.as_deref(),
        Some("Sales"),
        "category canonicalized"
    );
    assert_eq!(t.status, Status::Pending);
    assert_eq!(
        t.due,
        Some(Due::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
        ))
    );
    assert_eq!(svc.get_task(t.id).unwrap(), t);

    let edited = svc
        .update_task(
            t.id,
            TaskPatch {
                title: Some("Call Joe from Acme".into()),
                description: Some(None),
                due: Some(Some("2026-11-25T15:00".parse().unwrap())),
                priority: Some(Priority::Low),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(edited.title, "Call Joe from Acme");
    assert_eq!(edited.description, None);
    assert_eq!(edited.due.unwrap().to_string(), "2026-11-25T15:00:00");
    assert_eq!(edited.priority, Priority::Low);
    assert_eq!(
        edited.category.as_deref(),
        Some("Sales"),
        "untouched field kept"
    );

    let other = svc.create_task(new_task("Book flights")).unwrap();
    let high = svc
        .list_tasks(&TaskFilter {
            priority: Some(Priority::Low),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(high.iter().map(|t| t.id).collect::<Vec<_>>(), vec![t.id]);
    let sales = svc
        .list_tasks(&TaskFilter {
            category: Some("SALES".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(sales.len(), 1);

    let deleted = svc.delete_task(t.id).unwrap();
    assert!(svc.get_task(t.id).unwrap_err().is_not_found());
    assert_eq!(svc.list_tasks(&TaskFilter::default()).unwrap().len(), 1);
    // A new task never reuses the deleted id, so undo can put it back.
    let third = svc.create_task(new_task("Third")).unwrap();
    assert!(third.id > other.id && third.id != t.id);
    let restored = svc.restore_task(&deleted).unwrap();
    assert_eq!(restored.id, t.id);
    assert_eq!(restored.position, deleted.position);
    assert_eq!(restored.title, deleted.title);
}

#[test]
fn bad_input_is_rejected_with_clear_errors() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    for title in ["", "   ", "\n\t"] {
        let e = svc.create_task(new_task(title)).unwrap_err();
        assert!(matches!(e, ServiceError::EmptyTitle), "{e:?}");
    }
    let e = svc
        .create_task(NewTask {
            title: "x".into(),
            category: Some("Nope".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("unknown category 'Nope'") && e.to_string().contains("Meetings"),
        "{e}"
    );
    let e = svc.create_task(new_task(&"a".repeat(501))).unwrap_err();
    assert!(matches!(e, ServiceError::TitleTooLong { .. }));
    let t = svc.create_task(new_task("ok")).unwrap();
    let e = svc
        .update_task(
            t.id,
            TaskPatch {
                title: Some(" ".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(matches!(e, ServiceError::EmptyTitle));
    assert_eq!(
        svc.get_task(t.id).unwrap().title,
        "ok",
        "failed edit changed nothing"
    );
    assert!(
        svc.move_task(9999, Status::Completed, None)
            .unwrap_err()
            .is_not_found()
    );
    assert!(svc.delete_task(9999).unwrap_err().is_not_found());
    assert_eq!(
        svc.delete_task(9999).unwrap_err().to_string(),
        "task 9999 not found"
    );
}

#[test]
fn control_characters_and_emoji_survive_a_round_trip() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let t = svc
        .create_task(new_task("Ship 🚀 the\u{0007} release — naïve café"))
        .unwrap();
    assert_eq!(t.title, "Ship 🚀 the release — naïve café");
    assert_eq!(svc.search("cafe", 5).unwrap().len(), 1, "diacritics folded");
}

#[test]
fn due_parsing_names_the_accepted_formats() {
    let e = "next tuesday-ish".parse::<Due>().unwrap_err().to_string();
    assert!(e.contains("YYYY-MM-DD"), "{e}");
    assert!(matches!(
        "2026-12-01 09:30".parse::<Due>().unwrap(),
        Due::DateTime(_)
    ));
    assert!("2026-02-30".parse::<Due>().is_err());
}
