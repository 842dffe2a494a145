use tempfile::tempdir;
use utter::model::{NewTranscript, SearchHit, TaskPatch};

use super::support::{new_task, service};

fn task_ids(hits: &[SearchHit]) -> Vec<i64> {
    hits.iter()
        .filter_map(|h| match h {
            SearchHit::Task { task, .. } => Some(task.id),
            _ => None,
        })
        .collect()
}

#[test]
fn index_follows_create_edit_and_delete() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let t = svc
        .create_task(new_task("Call Joe about the renewal"))
        .unwrap();
    svc.create_task(new_task("Book flights to Lisbon")).unwrap();
    assert_eq!(task_ids(&svc.search("renewal", 10).unwrap()), vec![t.id]);
    assert_eq!(
        task_ids(&svc.search("renew", 10).unwrap()),
        vec![t.id],
        "prefix match"
    );

    svc.update_task(
        t.id,
        TaskPatch {
            title: Some("Email Joe the contract".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        task_ids(&svc.search("renewal", 10).unwrap()).is_empty(),
        "old title gone from index"
    );
    assert_eq!(task_ids(&svc.search("contract", 10).unwrap()), vec![t.id]);

    svc.update_task(
        t.id,
        TaskPatch {
            description: Some(Some("mention the discount".into())),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        task_ids(&svc.search("discount", 10).unwrap()),
        vec![t.id],
        "description indexed"
    );

    // A move does not touch the text index but the hit must still resolve.
    svc.move_task(t.id, utter::model::Status::Completed, None)
        .unwrap();
    assert_eq!(task_ids(&svc.search("contract", 10).unwrap()), vec![t.id]);

    svc.delete_task(t.id).unwrap();
    assert!(
        svc.search("contract", 10).unwrap().is_empty(),
        "deleted task gone from index"
    );
    assert!(svc.search("discount", 10).unwrap().is_empty());
}

#[test]
fn transcripts_are_searchable_and_queries_never_break_fts_syntax() {
    let dir = tempdir().unwrap();
    let svc = service(dir.path());
    let (tr, tasks) = svc
        .save_dump(
            NewTranscript {
                text: "okay so the Henderson proposal is due Friday".into(),
                ..Default::default()
            },
            vec![new_task("Finish the Henderson proposal")],
        )
        .unwrap();
    assert_eq!(tr.extracted_task_ids, vec![tasks[0].id]);
    assert_eq!(tasks[0].source_transcript_id, Some(tr.id));
    let hits = svc.search("henderson", 10).unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().any(
        |h| matches!(h, SearchHit::Transcript { transcript_id, .. } if *transcript_id == tr.id)
    ));
    for q in [
        "\"",
        "henderson\" OR",
        "AND",
        "(",
        "*",
        "-joe",
        "NEAR(a b)",
        "col:val",
        "",
        "   ",
        "😀",
    ] {
        svc.search(q, 10)
            .unwrap_or_else(|e| panic!("query {q:?} failed: {e}"));
    }
    assert_eq!(svc.search("Henderson's (proposal)", 10).unwrap().len(), 2);
}
