//! Workflows: agents one after another on a task, QA sending work back, and approvals inside
//! a workflow.

use serde_json::json;
use utter::agents::{ApprovalStatus, RunStatus};
use utter::model::Status;

use super::common::{agent, answer, calls, filesystem, fixtures, setup, task};

/// Research → Proposal → QA; QA fails the first draft, the drafter gets the feedback and its
/// draft back, QA passes the second: the task gets the passed draft with QA's note.
#[tokio::test]
async fn workflow_sends_failed_work_back_once_then_completes() {
    let s = setup(vec![
        answer("Henderson wants 3 sites; budget 40k."),
        answer("Draft v1: 3 sites."),
        answer("FAIL\nThe price is missing."),
        answer("Draft v2: 3 sites for 38k."),
        answer("PASS\nPrice and scope match the research."),
    ])
    .await;
    let id = task(&s.svc, "Henderson proposal");

    let w = s.svc.run_workflow("proposal pipeline", id).await.unwrap();

    assert_eq!(w.status, RunStatus::Completed, "{:?}", w.error);
    assert_eq!(w.retries, 1);
    let agents: Vec<String> = w
        .run_ids
        .iter()
        .map(|r| s.svc.get_run_detail(*r).unwrap().run.agent)
        .collect();
    assert_eq!(
        agents,
        [
            "Research",
            "Proposal Generator",
            "QA Verifier",
            "Proposal Generator",
            "QA Verifier"
        ]
    );
    let reqs = s.llm.requests();
    let prompt = |i: usize| {
        reqs[i].body["messages"][1]["content"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        prompt(1).contains("Henderson wants 3 sites"),
        "{}",
        prompt(1)
    );
    assert!(prompt(2).contains("Draft v1"));
    assert!(prompt(3).contains("The price is missing."), "{}", prompt(3));
    assert!(
        prompt(3).contains("Your previous version:\nDraft v1"),
        "{}",
        prompt(3)
    );
    let t = s.svc.get_task(id).unwrap();
    assert_eq!(t.status, Status::Completed);
    let out = t.agent_output.unwrap();
    assert!(out.starts_with("Draft v2: 3 sites for 38k."), "{out}");
    assert!(out.contains("**QA Verifier:** PASS"), "{out}");
}

#[tokio::test]
async fn workflow_gives_up_after_its_retries() {
    let s = setup(vec![
        answer("Draft v1."),
        answer("FAIL: no price."),
        answer("Draft v2."),
        answer("FAIL: still no price."),
    ])
    .await;
    s.svc
        .save_workflow(utter::agents::WorkflowDef {
            name: "Draft and check".into(),
            agents: vec!["proposal generator".into(), "QA Verifier".into()],
            max_retries: 1,
        })
        .unwrap();
    let id = task(&s.svc, "Acme quote");

    let w = s.svc.run_workflow("Draft and check", id).await.unwrap();

    assert_eq!(w.status, RunStatus::Failed);
    let err = w.error.unwrap();
    assert!(
        err.contains("QA Verifier sent the work back 1 time(s)"),
        "{err}"
    );
    assert!(err.contains("still no price"), "{err}");
    assert_eq!(s.svc.get_task(id).unwrap().status, Status::Blocked);
    assert_eq!(s.llm.requests().len(), 4);
    let err = s
        .svc
        .save_workflow(utter::agents::WorkflowDef {
            name: "Bad".into(),
            agents: vec!["Nobody".into()],
            max_retries: 0,
        })
        .unwrap_err();
    assert!(err.to_string().contains("no agent named 'Nobody'"), "{err}");
}

/// An approval inside a workflow: approving it (as the app and `utter approvals approve`
/// do, through `continue_run`) carries the workflow on to its next agent.
#[tokio::test]
async fn approving_a_call_inside_a_workflow_continues_the_workflow() {
    let Some(fx) = fixtures() else { return };
    let root = tempfile::tempdir().unwrap();
    let draft = root.path().join("draft.md");
    let s = setup(vec![
        calls(&[(
            "w1",
            "files__write_file",
            json!({"path": draft, "content": "Draft v1"}),
        )]),
        answer("Saved the draft."),
        answer("PASS\nThe draft exists."),
    ])
    .await;
    s.svc
        .mcp_add(filesystem(&fx, "files", root.path()))
        .unwrap();
    s.svc.save_agent(agent("Writer", &["files"], &[])).unwrap();
    s.svc.save_agent(agent("Checker", &[], &[])).unwrap();
    s.svc
        .save_workflow(utter::agents::WorkflowDef {
            name: "Write and check".into(),
            agents: vec!["Writer".into(), "Checker".into()],
            max_retries: 0,
        })
        .unwrap();
    let id = task(&s.svc, "Write the draft");

    let w = s.svc.run_workflow("Write and check", id).await.unwrap();
    assert_eq!(w.status, RunStatus::WaitingApproval);
    let approval = s.svc.list_approvals(Some(ApprovalStatus::Pending)).unwrap();
    assert_eq!(approval.len(), 1);
    s.svc.decide_approval(approval[0].id, true).unwrap();

    let d = s.svc.continue_run(approval[0].run_id).await.unwrap();
    assert_eq!(d.run.status, RunStatus::Completed);
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), "Draft v1");
    let after = s.svc.list_workflow_runs(5).unwrap();
    assert_eq!(
        after[0].status,
        RunStatus::Completed,
        "{:?}",
        after[0].error
    );
    assert_eq!(after[0].run_ids.len(), 2, "the checker ran too");
    assert_eq!(s.svc.get_task(id).unwrap().status, Status::Completed);
}
