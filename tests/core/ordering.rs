use tempfile::tempdir;
use utter::model::{Status, TaskFilter};

use super::support::{new_task, service};

fn column(svc: &utter::Service, status: Status) -> Vec<i64> {
    svc.list_tasks(&TaskFilter {
        status: Some(status),
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .map(|t| t.id)
    .collect()
}

#[test]
fn moves_land_at_the_requested_index_and_order_is_stable() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let ids: Vec<i64> = (0..5)
        .map(|i| svc.create_task(new_task(&format!("t{i}"))).unwrap().id)
        .collect();
    assert_eq!(
        column(&svc, Status::Pending),
        ids,
        "new tasks append in order"
    );

    svc.move_task(ids[4], Status::Pending, Some(0)).unwrap();
    assert_eq!(
        column(&svc, Status::Pending),
        vec![ids[4], ids[0], ids[1], ids[2], ids[3]]
    );
    svc.move_task(ids[4], Status::Pending, Some(2)).unwrap();
    assert_eq!(
        column(&svc, Status::Pending),
        vec![ids[0], ids[1], ids[4], ids[2], ids[3]]
    );
    svc.move_task(ids[1], Status::InProgress, None).unwrap();
    svc.move_task(ids[2], Status::InProgress, Some(0)).unwrap();
    assert_eq!(column(&svc, Status::InProgress), vec![ids[2], ids[1]]);
    assert_eq!(column(&svc, Status::Pending), vec![ids[0], ids[4], ids[3]]);
    // An index past the end means the end.
    svc.move_task(ids[0], Status::InProgress, Some(99)).unwrap();
    assert_eq!(
        column(&svc, Status::InProgress),
        vec![ids[2], ids[1], ids[0]]
    );
    // Reading twice gives the same order.
    assert_eq!(
        column(&svc, Status::InProgress),
        column(&svc, Status::InProgress)
    );
}

/// Random moves checked against a plain Vec model, including long runs of inserts at the
/// same spot that exhaust the gaps and force a renumbering.
#[test]
fn random_moves_match_a_simple_model() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let mut model: Vec<Vec<i64>> = vec![Vec::new(); 4];
    for i in 0..40 {
        let id = svc.create_task(new_task(&format!("card {i}"))).unwrap().id;
        model[0].push(id);
    }
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for step in 0..400 {
        let all: Vec<i64> = model.iter().flatten().copied().collect();
        let id = all[next(all.len())];
        let to = next(4);
        for col in model.iter_mut() {
            col.retain(|x| *x != id);
        }
        // Half the time hammer index 1 so that gaps between neighbours run out.
        let index = if step % 2 == 0 {
            1.min(model[to].len())
        } else {
            next(model[to].len() + 1)
        };
        model[to].insert(index, id);
        svc.move_task(id, Status::ALL[to], Some(index)).unwrap();
        if step % 50 == 0 {
            for (c, status) in Status::ALL.iter().enumerate() {
                assert_eq!(
                    column(&svc, *status),
                    model[c],
                    "step {step} column {status}"
                );
            }
        }
    }
    for (c, status) in Status::ALL.iter().enumerate() {
        assert_eq!(column(&svc, *status), model[c], "final column {status}");
    }
}
