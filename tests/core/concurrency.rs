use std::collections::BTreeSet;
use std::process::Command;

use tempfile::tempdir;

use super::support::service;

/// Two real processes hammer the same file at once; every write must land.
#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempdir().unwrap();
    // Create the schema first so both writers start from the same state.
    drop(service(dir.path()));
    let per_proc = 25;
    let script = |tag: &str| {
        let bin = env!("CARGO_BIN_EXE_utter");
        let d = dir.path().display();
        format!(
            "for i in $(seq 1 {per_proc}); do {bin} --data-dir '{d}' tasks add \"{tag} $i\" || exit 1; done"
        )
    };
    let mut a = Command::new("sh")
        .arg("-c")
        .arg(script("alpha"))
        .spawn()
        .unwrap();
    let mut b = Command::new("sh")
        .arg("-c")
        .arg(script("beta"))
        .spawn()
        .unwrap();
    // And this process writes too, through its own connection.
    let svc = service(dir.path());
    for i in 0..per_proc {
        svc.create_task(super::support::new_task(&format!("gamma {i}")))
            .unwrap();
    }
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let titles: BTreeSet<String> = svc
        .list_tasks(&Default::default())
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(titles.len(), per_proc * 3, "{titles:?}");
    for i in 1..=per_proc {
        assert!(titles.contains(&format!("alpha {i}")));
        assert!(titles.contains(&format!("beta {i}")));
    }
    // Positions in the column are distinct, so the order is well defined.
    let positions: BTreeSet<u64> = svc
        .list_tasks(&Default::default())
        .unwrap()
        .into_iter()
        .map(|t| t.position.to_bits())
        .collect();
    assert_eq!(positions.len(), per_proc * 3);
}
