//! A run stopped by a remote server that wants the user to sign in (again) is told as "sign
//! in again" (opening the servers page), not as a bare failure; other failures stay as they
//! were.

use utter::agents::RunStatus;
use utter::mcp::McpServerSpec;
use utter::notify::NoticeKind;
use utter::service::{AgentWatch, OPEN_ACTION};

use super::common::{agent, setup, task};

#[tokio::test]
async fn a_run_stopped_by_a_server_that_needs_sign_in_says_sign_in_again() {
    let s = setup(vec![]).await;
    // Nothing listens on port 9: the run fails at connecting, and the server is configured
    // with a client id and has no tokens, so it waits for a sign-in.
    let mut remote = McpServerSpec::http("remote", "http://127.0.0.1:9/mcp");
    remote.oauth.client_id = Some("utter-test".into());
    s.svc.mcp_add(remote).unwrap();
    s.svc
        .mcp_add(McpServerSpec::http("plain", "http://127.0.0.1:9/other"))
        .unwrap();
    s.svc.save_agent(agent("Linker", &["remote"], &[])).unwrap();
    s.svc.save_agent(agent("Plain", &["plain"], &[])).unwrap();
    let mut watch = AgentWatch::new(&s.svc).unwrap().with_sign_in_check();

    let id = task(&s.svc, "Link the Acme issue");
    let d = s.svc.run_agent("Linker", id).await.unwrap();
    assert_eq!(d.run.status, RunStatus::Failed);
    let u = watch.poll(&s.svc).unwrap();
    assert_eq!(u.notices.len(), 1, "{:?}", u.notices);
    let (notice, task_id) = &u.notices[0];
    assert_eq!(notice.kind, NoticeKind::SignInNeeded);
    assert_eq!(notice.title, "Linker stopped: sign in again to remote");
    assert!(
        notice.body.contains("“Link the Acme issue”"),
        "{}",
        notice.body
    );
    assert!(notice.body.contains("MCP servers page"), "{}", notice.body);
    assert_eq!(
        notice.actions,
        [(OPEN_ACTION.to_owned(), "Sign in".to_owned())]
    );
    assert_eq!(*task_id, Some(id));

    // A server that does not sign in failing is an ordinary stop.
    let id = task(&s.svc, "Plain work");
    let d = s.svc.run_agent("Plain", id).await.unwrap();
    assert_eq!(d.run.status, RunStatus::Failed);
    let u = watch.poll(&s.svc).unwrap();
    assert_eq!(u.notices.len(), 1);
    assert_eq!(u.notices[0].0.kind, NoticeKind::AgentFinished);
    assert_eq!(u.notices[0].0.title, "Plain stopped");

    // After signing out the remote server no longer counts as waiting? It still does: a
    // client id means it needs sign-in, so the next failed run says so again.
    let id = task(&s.svc, "Link again");
    s.svc.run_agent("Linker", id).await.unwrap();
    let u = watch.poll(&s.svc).unwrap();
    assert_eq!(u.notices[0].0.kind, NoticeKind::SignInNeeded);
}
