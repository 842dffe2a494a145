//! Agent runs end to end in the service: a scripted model on 127.0.0.1 speaking the
//! OpenAI wire format, real MCP servers from npm, a real SQLite file. Tools, scope, failures,
//! limits and schedules; approvals and workflows have files of their own.

use std::time::{Duration, Instant};

use serde_json::json;
use utter::Service;
use utter::agents::{Permission, RunStatus, StepKind, StepStatus};
use utter::mcp::McpServerSpec;
use utter::model::Status;

use super::common::{
    agent, answer, calls, fake, filesystem, fixtures, memory_keychain, offered, setup, task,
    tool_messages,
};
use super::fake_server::Reply;
use super::http::HttpServer;

#[tokio::test]
async fn agent_reads_a_file_and_its_answer_lands_on_the_task() {
    let Some(fx) = fixtures() else { return };
    let root = tempfile::tempdir().unwrap();
    let notes = root.path().join("acme.md");
    std::fs::write(&notes, "Acme renewal: Joe wants a 10% discount.").unwrap();
    let s = setup(vec![
        calls(&[("call_1", "files__read_text_file", json!({"path": notes}))]),
        answer("Joe (Acme) wants a 10% discount on the renewal."),
    ])
    .await;
    s.svc
        .mcp_add(filesystem(&fx, "files", root.path()))
        .unwrap();
    s.svc.save_agent(agent("Prep", &["files"], &[])).unwrap();
    let id = task(&s.svc, "Prep for the Acme call");

    let d = s.svc.run_agent("prep", id).await.unwrap();

    assert_eq!(d.run.status, RunStatus::Completed, "{:?}", d.run.error);
    let kinds: Vec<_> = d.steps.iter().map(|st| (st.kind, st.status)).collect();
    assert_eq!(
        kinds,
        [
            (StepKind::Model, StepStatus::Done),
            (StepKind::Tool, StepStatus::Done),
            (StepKind::Model, StepStatus::Done)
        ]
    );
    assert_eq!(d.steps[1].tool.as_deref(), Some("files/read_text_file"));
    assert!(d.steps[1].content.contains("10% discount"));
    assert_eq!((d.run.tokens_in, d.run.tokens_out), (300, 30));
    let t = s.svc.get_task(id).unwrap();
    assert_eq!(t.status, Status::Completed);
    assert_eq!(
        t.agent_output.as_deref(),
        Some("Joe (Acme) wants a 10% discount on the renewal.")
    );
    assert_eq!(t.assigned_agent.as_deref(), Some("Prep"));

    let reqs = s.llm.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].body["messages"][0]["role"], "system");
    assert!(
        reqs[0].body["messages"][1]["content"]
            .as_str()
            .unwrap()
            .contains("Prep for the Acme call")
    );
    let tools = offered(&reqs[0].body);
    assert!(
        tools.contains(&"files__read_text_file".to_owned()),
        "{tools:?}"
    );
    let results = tool_messages(&reqs[1].body);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["tool_call_id"], "call_1");
    assert!(
        results[0]["content"]
            .as_str()
            .unwrap()
            .contains("10% discount")
    );
}

/// A server that echoes its credential in a tool result: the run log keeps the result without
/// it, in the database file as well as in what the service hands back.
#[tokio::test]
async fn a_credential_echoed_by_a_server_is_not_stored() {
    let secret = "sk-echoed-back-31337";
    let s = setup(vec![
        calls(&[("c1", "leaky__whoami", json!({}))]),
        answer("Done."),
    ])
    .await;
    s.svc
        .mcp_add(fake("leaky", &[]).with_env("FAKE_SECRET", secret))
        .unwrap();
    s.svc
        .save_agent(agent("Ops", &["leaky"], &[("leaky/*", Permission::Allow)]))
        .unwrap();
    let id = task(&s.svc, "Check the server");
    let d = s.svc.run_agent("Ops", id).await.unwrap();
    assert_eq!(d.run.status, RunStatus::Completed, "{:?}", d.run.error);
    let step = d
        .steps
        .iter()
        .find(|st| st.tool.as_deref() == Some("leaky/whoami"))
        .unwrap();
    assert!(
        step.content.contains("configured with key [redacted]"),
        "{}",
        step.content
    );
    // The model's next request did not get it either.
    assert!(
        !serde_json::to_string(&s.llm.requests()[1].body)
            .unwrap()
            .contains(secret)
    );
    crate::cli::assert_no_file_holds(s.svc.data_dir(), secret);
}

/// Two servers are configured; the agent has one. The other's tools are never offered, and
/// a call to one anyway is refused.
#[tokio::test]
async fn agent_cannot_see_or_call_a_server_outside_its_scope() {
    let Some(fx) = fixtures() else { return };
    let root = tempfile::tempdir().unwrap();
    let s = setup(vec![
        calls(&[("x1", "everything__echo", json!({"message": "hi"}))]),
        answer("Done."),
    ])
    .await;
    s.svc
        .mcp_add(filesystem(&fx, "files", root.path()))
        .unwrap();
    s.svc
        .mcp_add(super::common::everything(&fx, "everything"))
        .unwrap();
    s.svc.save_agent(agent("Scoped", &["files"], &[])).unwrap();
    let id = task(&s.svc, "Anything");

    let d = s.svc.run_agent("Scoped", id).await.unwrap();

    let tools = offered(&s.llm.requests()[0].body);
    assert!(!tools.is_empty());
    assert!(tools.iter().all(|t| t.starts_with("files__")), "{tools:?}");
    let step = &d.steps[1];
    assert_eq!(step.status, StepStatus::Failed);
    assert!(
        step.content.contains("no tool named everything__echo"),
        "{}",
        step.content
    );
    assert_eq!(d.run.status, RunStatus::Completed);
}

#[tokio::test]
async fn denied_tools_are_never_offered() {
    let Some(fx) = fixtures() else { return };
    let root = tempfile::tempdir().unwrap();
    let s = setup(vec![answer("Nothing to do.")]).await;
    s.svc
        .mcp_add(filesystem(&fx, "files", root.path()))
        .unwrap();
    s.svc
        .save_agent(agent(
            "Reader",
            &["files"],
            &[
                ("files/*", Permission::Deny),
                ("files/read_*", Permission::Allow),
            ],
        ))
        .unwrap();
    let id = task(&s.svc, "Read");
    s.svc.run_agent("Reader", id).await.unwrap();
    let tools = offered(&s.llm.requests()[0].body);
    assert!(!tools.is_empty());
    assert!(
        tools.iter().all(|t| t.starts_with("files__read_")),
        "{tools:?}"
    );
}

/// The server dies during the call: the run log says so and the run goes on.
#[tokio::test]
async fn server_crash_mid_call_is_an_error_in_the_run_log_not_a_hang() {
    let Some(_fx) = fixtures() else { return };
    let s = setup(vec![
        calls(&[("k1", "flaky__crash", json!({}))]),
        answer("The tool crashed; nothing was done."),
    ])
    .await;
    s.svc.mcp_add(fake("flaky", &[])).unwrap();
    s.svc
        .save_agent(agent(
            "Crashy",
            &["flaky"],
            &[("flaky/*", Permission::Allow)],
        ))
        .unwrap();
    let id = task(&s.svc, "Use the flaky tool");

    let started = Instant::now();
    let d = tokio::time::timeout(Duration::from_secs(60), s.svc.run_agent("Crashy", id))
        .await
        .expect("the run hung")
        .unwrap();

    assert!(started.elapsed() < Duration::from_secs(60));
    let step = &d.steps[1];
    assert_eq!(step.status, StepStatus::Failed);
    assert!(
        step.error.as_deref().is_some_and(|e| !e.is_empty()),
        "{step:?}"
    );
    assert_eq!(d.run.status, RunStatus::Completed);
    let results = tool_messages(&s.llm.requests()[1].body);
    assert!(
        results[0]["content"]
            .as_str()
            .unwrap()
            .starts_with("Error:")
    );
}

#[tokio::test]
async fn tools_over_streamable_http() {
    let Some(fx) = fixtures() else { return };
    let http = HttpServer::start(&fx).await;
    let s = setup(vec![
        calls(&[("e1", "web__echo", json!({"message": "ping over http"}))]),
        answer("pong"),
    ])
    .await;
    let mut web = McpServerSpec::http("web", http.url());
    web.trusted = true;
    s.svc.mcp_add(web).unwrap();
    s.svc.save_agent(agent("Web", &["web"], &[])).unwrap();
    let id = task(&s.svc, "Echo");

    let d = s.svc.run_agent("Web", id).await.unwrap();

    assert_eq!(d.run.status, RunStatus::Completed, "{:?}", d.run.error);
    assert_eq!(d.steps[1].status, StepStatus::Done);
    assert!(
        d.steps[1].content.contains("ping over http"),
        "{}",
        d.steps[1].content
    );
}

#[tokio::test]
async fn step_limit_stops_a_looping_agent() {
    let Some(fx) = fixtures() else { return };
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("a.txt"), "a").unwrap();
    let path = root.path().join("a.txt");
    let looping: Vec<Reply> = (0..3)
        .map(|i| {
            calls(&[(
                &format!("l{i}"),
                "files__read_text_file",
                json!({"path": path}),
            )])
        })
        .collect();
    let s = setup(looping).await;
    s.svc
        .mcp_add(filesystem(&fx, "files", root.path()))
        .unwrap();
    let mut a = agent("Loop", &["files"], &[]);
    a.max_steps = 3;
    s.svc.save_agent(a).unwrap();
    let id = task(&s.svc, "Loop");

    let d = s.svc.run_agent("Loop", id).await.unwrap();

    assert_eq!(d.run.status, RunStatus::Failed);
    assert!(d.run.error.as_deref().unwrap().contains("step limit"));
    assert_eq!(s.svc.get_task(id).unwrap().status, Status::Blocked);
    assert_eq!(s.llm.requests().len(), 3);
}

#[tokio::test]
async fn missing_model_or_server_is_a_clear_error() {
    let data = tempfile::tempdir().unwrap();
    let svc = Service::open_with(data.path(), memory_keychain()).unwrap();
    let id = task(&svc, "Research the market");
    let err = svc.run_agent("Research", id).await.unwrap_err().to_string();
    assert!(err.contains("utter llm set"), "{err}");
    assert!(svc.list_runs(None, 10).unwrap().is_empty());

    let s = setup(vec![]).await;
    s.svc.save_agent(agent("Ghost", &["nowhere"], &[])).unwrap();
    let id = task(&s.svc, "x");
    let d = s.svc.run_agent("Ghost", id).await.unwrap();
    assert_eq!(d.run.status, RunStatus::Failed);
    assert!(
        d.run.error.as_deref().unwrap().contains("'nowhere'"),
        "{:?}",
        d.run.error
    );
}

/// Two drivers of one run (the app and `utter runs resume`, or a double click) must not
/// both work it: the second is refused while the first holds the run, and a run that
/// finished meanwhile is left alone.
#[tokio::test]
async fn a_run_is_driven_by_one_caller_at_a_time() {
    let s = setup(vec![answer("Done.").delay(Duration::from_millis(1500))]).await;
    s.svc.save_agent(agent("Solo", &[], &[])).unwrap();
    let id = task(&s.svc, "Write the summary");
    let run = s.svc.start_run("Solo", id).unwrap();

    let first = s.svc.resume_run(run.id);
    let second = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        s.svc.resume_run(run.id).await
    };
    let (first, second) = tokio::join!(first, second);

    assert_eq!(first.unwrap().run.status, RunStatus::Completed);
    let err = second.unwrap_err();
    assert!(
        err.to_string().contains("being worked on by another"),
        "{err}"
    );
    // One model call only, and the run is not re-driven once completed.
    assert_eq!(s.llm.requests().len(), 1);
    assert!(s.svc.resume_run(run.id).await.is_err());
    assert_eq!(s.llm.requests().len(), 1);
}

fn at(s: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// A daily agent picks up its open tasks once a day, after its time; pausing holds it.
#[test]
fn scheduled_agent_is_due_once_a_day_after_its_time() {
    let data = tempfile::tempdir().unwrap();
    let svc = Service::open(data.path()).unwrap();
    let mut crm = svc.get_agent("CRM Sync").unwrap();
    crm.schedule = Some("daily 08:00".into());
    svc.save_agent(crm).unwrap();
    let open = task(&svc, "Log the call with Acme in the CRM");
    let done = task(&svc, "Update the deal stage in the CRM");
    let other = task(&svc, "Buy milk");
    assert_eq!(
        svc.get_task(open).unwrap().assigned_agent.as_deref(),
        Some("CRM Sync")
    );
    svc.move_task(done, Status::Completed, None).unwrap();

    assert!(
        svc.due_scheduled(at("2026-11-24T07:59"))
            .unwrap()
            .is_empty()
    );
    let due = svc.due_scheduled(at("2026-11-24T08:01")).unwrap();
    assert_eq!(due, vec![("CRM Sync".to_owned(), open)]);
    assert!(!due.iter().any(|(_, t)| *t == other || *t == done));
    assert!(
        svc.due_scheduled(at("2026-11-24T17:00"))
            .unwrap()
            .is_empty(),
        "twice in a day"
    );

    svc.set_user_setting(utter::settings::AGENTS_PAUSED.key, "on")
        .unwrap();
    assert!(
        svc.due_scheduled(at("2026-11-25T08:05"))
            .unwrap()
            .is_empty(),
        "paused"
    );
    svc.set_user_setting(utter::settings::AGENTS_PAUSED.key, "off")
        .unwrap();
    assert_eq!(svc.due_scheduled(at("2026-11-25T08:06")).unwrap().len(), 1);

    let mut crm = svc.get_agent("CRM Sync").unwrap();
    crm.schedule = Some("at eight".into());
    assert!(
        svc.save_agent(crm)
            .unwrap_err()
            .to_string()
            .contains("daily HH:MM")
    );
}
