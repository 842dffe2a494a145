use std::time::{Duration, Instant};

use tempfile::tempdir;
use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::TryRecvError;
use utter::model::{NewTranscript, Status, TaskPatch};
use utter::service::ChangeEvent;

use super::support::{new_task, service, utter};

fn drain(rx: &mut Receiver<ChangeEvent>) -> Vec<ChangeEvent> {
    let mut out = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(e) => out.push(e),
            Err(TryRecvError::Empty) => return out,
            Err(e) => panic!("{e:?}"),
        }
    }
}

fn wait_for(rx: &mut Receiver<ChangeEvent>, want: &ChangeEvent, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if drain(rx).contains(want) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

#[test]
fn every_write_is_announced() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let mut rx = svc.subscribe();
    let t = svc.create_task(new_task("a")).unwrap();
    assert_eq!(drain(&mut rx), vec![ChangeEvent::TaskCreated { id: t.id }]);
    svc.update_task(
        t.id,
        TaskPatch {
            title: Some("b".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(drain(&mut rx), vec![ChangeEvent::TaskUpdated { id: t.id }]);
    svc.move_task(t.id, Status::Blocked, Some(0)).unwrap();
    assert_eq!(drain(&mut rx), vec![ChangeEvent::TaskMoved { id: t.id }]);
    let gone = svc.delete_task(t.id).unwrap();
    assert_eq!(drain(&mut rx), vec![ChangeEvent::TaskDeleted { id: t.id }]);
    svc.restore_task(&gone).unwrap();
    assert_eq!(drain(&mut rx), vec![ChangeEvent::TaskCreated { id: t.id }]);
    let (tr, tasks) = svc
        .save_dump(
            NewTranscript {
                text: "x".into(),
                ..Default::default()
            },
            vec![new_task("c"), new_task("d")],
        )
        .unwrap();
    assert_eq!(
        drain(&mut rx),
        vec![
            ChangeEvent::TranscriptCreated { id: tr.id },
            ChangeEvent::TaskCreated { id: tasks[0].id },
            ChangeEvent::TaskCreated { id: tasks[1].id }
        ]
    );
    svc.set_setting("theme", "dark").unwrap();
    assert_eq!(
        drain(&mut rx),
        vec![ChangeEvent::SettingChanged {
            key: "theme".into()
        }]
    );
    // Failed writes announce nothing.
    assert!(svc.create_task(new_task(" ")).is_err());
    assert!(svc.delete_task(424242).is_err());
    assert_eq!(drain(&mut rx), vec![]);
}

#[test]
fn own_writes_are_not_reported_as_external() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let _watch = svc.watch_external(Duration::from_millis(10)).unwrap();
    let mut rx = svc.subscribe();
    std::thread::sleep(Duration::from_millis(50));
    svc.create_task(new_task("mine")).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let events = drain(&mut rx);
    assert!(!events.contains(&ChangeEvent::External), "{events:?}");
}

#[test]
fn another_service_on_the_same_file_is_noticed() {
    let dir = tempdir().unwrap();
    let app = service(dir.path());
    let other = service(dir.path());
    let _watch = app.watch_external(Duration::from_millis(20)).unwrap();
    let mut rx = app.subscribe();
    std::thread::sleep(Duration::from_millis(60));
    other.create_task(new_task("from elsewhere")).unwrap();
    assert!(wait_for(
        &mut rx,
        &ChangeEvent::External,
        Duration::from_secs(3)
    ));
}

#[test]
fn a_cli_write_in_another_process_is_noticed() {
    let dir = tempdir().unwrap();
    let app = service(dir.path());
    let _watch = app.watch_external(Duration::from_millis(20)).unwrap();
    let mut rx = app.subscribe();
    std::thread::sleep(Duration::from_millis(60));
    let out = utter(dir.path(), &["tasks", "add", "Added from another terminal"]);
    assert!(out.status.success());
    assert!(wait_for(
        &mut rx,
        &ChangeEvent::External,
        Duration::from_secs(3)
    ));
    let titles: Vec<String> = app
        .list_tasks(&Default::default())
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(titles, vec!["Added from another terminal"]);
    // The watcher stops with its handle.
    drop(_watch);
}
