//! A secret this process knows (a key, a token) that a model or tool echoes never reaches the
//! database: not in steps, approvals, a run's output or error.

use utter::agents::{RunStatus, StepKind, StepStatus};
use utter::store::{NewStep, Store};

#[test]
fn known_secrets_are_redacted_in_everything_a_run_stores() {
    let secret = "tok-RUN-REDACT-5e8d1c";
    utter::secrets::redact::remember(secret);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let run = store.insert_run("Research", None, "look", None).unwrap();
    let echoed = format!(r#"{{"token":"{secret}"}}"#);
    let ask = store
        .insert_step(
            run.id,
            StepKind::Tool,
            StepStatus::WaitingApproval,
            &NewStep {
                tool: Some("crm.update"),
                call_id: Some("c1"),
                arguments: Some(&echoed),
                content: "",
            },
        )
        .unwrap();
    let approval = store
        .insert_approval(run.id, ask, "crm.update", &echoed, "writes")
        .unwrap();
    assert!(
        !approval.arguments.contains(secret),
        "{}",
        approval.arguments
    );
    let done = store
        .set_run_status(
            run.id,
            RunStatus::Failed,
            Some(&format!("the key was {secret}")),
            Some(&format!("401 for {secret}")),
        )
        .unwrap();
    assert!(!format!("{done:?}").contains(secret));
    drop(store);
    crate::cli::assert_no_file_holds(dir.path(), secret);
}
