//! `utter export`: the JSON round trip into a fresh board and into one with cards, the
//! Markdown/CSV/ICS files against fixtures, and no secret in an export.

use std::path::Path;

use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use serde_json::Value;
use utter::agents::{StepKind, StepStatus};
use utter::chat::ChatRole;
use utter::model::{NewTask, NewTranscript, Priority, Status};
use utter::store::{NewChatMessage, NewStep, Store};

use super::support::{
    all_tasks, by_title, category_names, due, fixture, new_task, ok, service,
    service_with_memory_keychain, utter,
};

/// The fixture board (fixed ids and times, a cancelled card) plus everything else a board
/// holds: a dump with its transcript and cards, an agent run with steps and an approval,
/// chats, vocabulary, a setting.
fn rich_board(dir: &Path) {
    ok(&utter(
        dir,
        &["import", fixture("board.json").to_str().unwrap()],
    ));
    let svc = service(dir);
    svc.save_dump(
        NewTranscript {
            text: "email the venue about parking and book the caterer by friday".into(),
            audio_path: Some("recordings/2026-03-02-0900.wav".into()),
            duration_ms: Some(4200),
            model: Some("base.en".into()),
            language: Some("en".into()),
        },
        vec![
            new_task("Email the venue about parking"),
            NewTask {
                title: "Book the caterer".into(),
                due: due("2026-03-06"),
                priority: Some(Priority::High),
                ..Default::default()
            },
        ],
    )
    .unwrap();
    let made = svc
        .create_task(NewTask {
            title: "Review the Henderson draft".into(),
            description: Some("Check the discount table.".into()),
            category: Some("Sales".into()),
            due: due("2026-03-04T10:30:00"),
            ..Default::default()
        })
        .unwrap();
    svc.move_task(made.id, Status::InProgress, Some(0)).unwrap();
    svc.add_vocabulary("Henderson", None).unwrap();
    svc.add_vocabulary("Kubernetes", Some("k8s")).unwrap();
    svc.set_setting("voice.language", "en").unwrap();
    drop(svc);

    let mut store = Store::open_in(dir).unwrap();
    let run = store
        .insert_run("Research", Some(1), "Find the renewal terms", None)
        .unwrap();
    let step = store
        .insert_step(
            run.id,
            StepKind::Tool,
            StepStatus::Started,
            &NewStep {
                tool: Some("crm.search"),
                call_id: Some("call_1"),
                arguments: Some(r#"{"q":"Henderson"}"#),
                content: "",
            },
        )
        .unwrap();
    store
        .finish_step(
            step,
            StepStatus::Done,
            "3 contracts found",
            None,
            (120, 40),
            850,
        )
        .unwrap();
    let ask = store
        .insert_step(
            run.id,
            StepKind::Tool,
            StepStatus::WaitingApproval,
            &NewStep {
                tool: Some("crm.update"),
                call_id: Some("call_2"),
                arguments: Some(r#"{"id":7,"stage":"renewal"}"#),
                content: "",
            },
        )
        .unwrap();
    store
        .insert_approval(
            run.id,
            ask,
            "crm.update",
            r#"{"id":7}"#,
            "writes to the CRM",
        )
        .unwrap();
    for task in [None, Some(1)] {
        let chat = store.ensure_chat(task).unwrap();
        store
            .insert_chat_message(
                chat,
                ChatRole::User,
                &NewChatMessage {
                    content: "what is due this week?",
                    tool_calls: &[],
                    call_id: None,
                    tool: None,
                    is_error: false,
                    tokens: (0, 0),
                },
            )
            .unwrap();
        store
            .insert_chat_message(
                chat,
                ChatRole::Assistant,
                &NewChatMessage {
                    content: "Call Joe on Friday at 15:00.",
                    tool_calls: &[],
                    call_id: None,
                    tool: None,
                    is_error: false,
                    tokens: (310, 12),
                },
            )
            .unwrap();
    }
}

#[test]
fn json_export_then_import_into_a_fresh_dir_gives_the_same_board() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    rich_board(&a);
    let file = tmp.path().join("board.json");
    let said = ok(&utter(
        &a,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
    ));
    assert!(
        said.contains("9 task(s)")
            && said.contains("1 transcript(s)")
            && said.contains("1 agent run(s)"),
        "{said}"
    );

    let said = ok(&utter(&b, &["import", file.to_str().unwrap()]));
    assert!(
        said.contains("Imported 9 task(s) from utter") && said.contains("ids kept"),
        "{said}"
    );

    // Every column of every row of every exported table, ids included (a restore into an
    // empty board keeps them, so no remapping to compare around).
    let before = Store::open_in(&a).unwrap().snapshot().unwrap();
    let after = Store::open_in(&b).unwrap().snapshot().unwrap();
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &before {
        assert_eq!(
            rows, &after[table],
            "table {table} differs after the round trip"
        );
    }
    for table in [
        "tasks",
        "transcripts",
        "dump_cards",
        "runs",
        "run_steps",
        "approvals",
        "chats",
        "chat_messages",
        "vocabulary",
        "settings",
    ] {
        assert!(
            !before[table].is_empty(),
            "the board should exercise {table}"
        );
    }

    // And as the app sees them: every field of every card, cancelled ones included.
    let (ta, tb) = (all_tasks(&a), all_tasks(&b));
    assert_eq!(ta.len(), 9);
    assert!(ta.iter().any(|t| t.cancelled_at.is_some()));
    assert!(ta.iter().any(|t| t.source_transcript_id.is_some()));
    for (x, y) in ta.iter().zip(&tb) {
        assert_eq!(x, y);
    }
    let (sa, sb) = (service(&a), service(&b));
    assert_eq!(sa.list_categories().unwrap(), sb.list_categories().unwrap());
    assert_eq!(
        sa.list_transcripts(10).unwrap(),
        sb.list_transcripts(10).unwrap()
    );

    // The second export is the first one again (bar the time it was taken).
    let again = ok(&utter(&b, &["export", "--format", "json"]));
    let strip = |s: &str| {
        let mut v: Value = serde_json::from_str(s).unwrap();
        v.as_object_mut().unwrap().remove("exported_at");
        v
    };
    assert_eq!(
        strip(&std::fs::read_to_string(&file).unwrap()),
        strip(&again)
    );
}

#[test]
fn utter_export_into_a_board_with_cards_adds_its_cards() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&utter(dir, &["tasks", "add", "Already here"]));
    let said = ok(&utter(
        dir,
        &[
            "import",
            fixture("board.json").to_str().unwrap(),
            "--from",
            "utter",
        ],
    ));
    // The cancelled card stays behind; the rest arrive with new ids after the existing card.
    assert!(said.contains("Imported 5 task(s)"), "{said}");
    let tasks = all_tasks(dir);
    assert_eq!(tasks.len(), 6);
    let joe = by_title(&tasks, "Call Joe about the Henderson renewal");
    assert_eq!(joe.due, due("2026-03-06T15:00:00"));
    assert_eq!(joe.category.as_deref(), Some("Sales"));
    assert!(category_names(dir).contains(&"Q1 planning".to_string()));
}

#[test]
fn markdown_csv_and_ics_match_the_fixtures() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&utter(
        dir,
        &["import", fixture("board.json").to_str().unwrap()],
    ));
    for (format, expected) in [
        ("markdown", "board.md"),
        ("csv", "board.csv"),
        ("ics", "board.ics"),
    ] {
        let out = tmp.path().join(expected);
        ok(&utter(
            dir,
            &["export", "--format", format, "--out", out.to_str().unwrap()],
        ));
        let got = std::fs::read_to_string(&out).unwrap();
        let want = std::fs::read_to_string(fixture(expected)).unwrap();
        assert_eq!(
            got, want,
            "{format} export differs from tests/fixtures/transfer/{expected}"
        );
        // Without --out the same text goes to stdout.
        assert_eq!(
            ok(&utter(dir, &["export", "--format", format])),
            want,
            "{format} on stdout"
        );
    }
    let csv = std::fs::read_to_string(fixture("board.csv")).unwrap();
    assert!(
        csv.contains("'=HYPERLINK"),
        "a formula-looking title is defused"
    );
}

#[test]
fn ics_parses_back_with_a_calendar_library() {
    let text = std::fs::read_to_string(fixture("board.ics")).unwrap();
    assert!(
        text.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "CRLF line ends"
    );
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines folded at 75 octets"
    );
    let cal: Calendar = text.parse().unwrap();
    let todos: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Todo(t) => Some(t),
            _ => None,
        })
        .collect();
    // Cards with a due date, not cancelled.
    assert_eq!(todos.len(), 3);
    let joe = todos
        .iter()
        .find(|t| t.get_summary() == Some("Call Joe about the Henderson renewal"))
        .unwrap();
    assert_eq!(
        joe.get_due(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(
            "2026-03-06T15:00:00".parse().unwrap()
        ))),
        "a floating local time"
    );
    assert_eq!(joe.get_priority(), Some(1));
    assert!(joe.get_timestamp().is_some());
    let long = todos
        .iter()
        .find(|t| t.get_summary().is_some_and(|s| s.starts_with("Draft")))
        .unwrap();
    assert_eq!(
        long.get_due(),
        Some(DatePerhapsTime::Date("2026-03-10".parse().unwrap()))
    );
    assert!(
        long.get_summary().unwrap().ends_with("Priya sent over"),
        "a folded line unfolds"
    );
    let uids: std::collections::HashSet<_> = todos.iter().map(|t| t.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), 3);
}

#[test]
fn secrets_never_reach_the_json_export() {
    use utter::llm::{ProviderConfig, ProviderKind};
    use utter::secrets::Secret;

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&utter(dir, &["tasks", "add", "A card"]));
    let svc = service_with_memory_keychain(dir);
    let config = tmp.path().join("claude_desktop_config.json");
    std::fs::write(
        &config,
        serde_json::json!({"mcpServers": {
            "crm": {
                "url": "https://crm.example/mcp?api_key=PLANTED-URL-QUERY",
                "headers": {"Authorization": "Bearer PLANTED-HEADER"}
            },
            "files": {
                "command": "npx",
                "args": ["files-server", "--token", "PLANTED-ARG"],
                "env": {"FILES_API_KEY": "PLANTED-ENV"}
            }
        }})
        .to_string(),
    )
    .unwrap();
    let imported = svc.mcp_import(&config).unwrap();
    assert_eq!(imported.imported.len(), 2);
    // A credential in the provider's URL is refused outright (it would be stored in SQLite).
    assert!(
        svc.set_llm_config(
            ProviderConfig::new(
                ProviderKind::OpenAiCompatible,
                "https://planted-user:PLANTED-PASSWORD@llm.example/v1?key=PLANTED-LLM-QUERY",
                "gpt-4o-mini",
            ),
            Some(Secret::new("PLANTED-LLM-KEY")),
        )
        .is_err()
    );
    svc.set_llm_config(
        ProviderConfig::new(
            ProviderKind::OpenAiCompatible,
            "https://llm.example/v1",
            "gpt-4o-mini",
        ),
        Some(Secret::new("PLANTED-LLM-KEY")),
    )
    .unwrap();

    let text = ok(&utter(dir, &["export", "--format", "json"]));
    assert!(
        !text.contains("PLANTED"),
        "a secret reached the export:\n{text}"
    );
    let export: Value = serde_json::from_str(&text).unwrap();
    // The servers are named so the user can add them again, without where or how.
    assert_eq!(
        export["mcp_servers"],
        serde_json::json!([
            {"name": "crm", "transport": "http", "enabled": true},
            {"name": "files", "transport": "stdio", "enabled": true}
        ])
    );
    assert!(export["tables"].get("mcp_servers").is_none());
    assert!(
        text.contains("https://llm.example/v1"),
        "the LLM setting stays, without its credentials"
    );
}
