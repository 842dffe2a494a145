//! `utter export` and `utter import`: the JSON round trip, the Markdown/CSV/ICS files against
//! fixtures, each importer on a realistic file and on a broken one, and no secret in an export.

use std::path::{Path, PathBuf};

use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use serde_json::Value;
use utter::agents::{StepKind, StepStatus};
use utter::chat::ChatRole;
use utter::model::{Due, NewTask, NewTranscript, Priority, Status, Task};
use utter::store::{NewChatMessage, NewStep, Store};

use super::support::{new_task, service, service_with_memory_keychain, stderr, stdout, utter};

/// A Monday; relative dates in the fixtures ("tomorrow", "by friday") resolve against it.
const NOW: &str = "2026-03-02T09:00:00";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transfer")
        .join(name)
}

fn ok(o: &std::process::Output) -> String {
    assert!(o.status.success(), "failed: {}{}", stdout(o), stderr(o));
    stdout(o)
}

fn all_tasks(dir: &Path) -> Vec<Task> {
    Store::open_in(dir).unwrap().all_tasks().unwrap()
}

fn category_names(dir: &Path) -> Vec<String> {
    service(dir)
        .list_categories()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect()
}

fn due(s: &str) -> Option<Due> {
    Some(s.parse().unwrap())
}

fn by_title<'a>(tasks: &'a [Task], title: &str) -> &'a Task {
    tasks.iter().find(|t| t.title == title).unwrap_or_else(|| {
        panic!(
            "no card '{title}' in {:#?}",
            tasks.iter().map(|t| &t.title).collect::<Vec<_>>()
        )
    })
}

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
fn todoist_csv_import() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let said = ok(&utter(
        dir,
        &[
            "import",
            fixture("todoist.csv").to_str().unwrap(),
            "--now",
            NOW,
        ],
    ));
    assert!(
        said.contains("Imported 5 task(s) from todoist (5 open, 0 done)"),
        "{said}"
    );
    assert!(said.contains("2 new: Errands, Work"), "{said}");
    let tasks = all_tasks(dir);
    assert_eq!(tasks.len(), 5);

    let cleaning = by_title(&tasks, "Pick up the dry cleaning");
    assert_eq!(
        cleaning.category.as_deref(),
        Some("Personal"),
        "@label wins over the section"
    );
    assert_eq!(cleaning.due, due("2026-03-06"));
    assert_eq!(cleaning.priority, Priority::Medium);
    assert_eq!(
        cleaning.description.as_deref(),
        Some("Ticket 4471 is in the glovebox")
    );

    let passport = by_title(&tasks, "Renew passport");
    assert_eq!(passport.priority, Priority::High, "Todoist 4 is p1");
    assert_eq!(passport.due, due("2026-03-20"));
    assert_eq!(passport.category.as_deref(), Some("Errands"));

    let form = by_title(&tasks, "Print the application form");
    assert_eq!(form.priority, Priority::Low, "Todoist 2 is p3");
    assert_eq!(
        form.description.as_deref(),
        Some("Subtask of: Renew passport\n\nPhoto booth at the station takes coins only")
    );

    let numbers = by_title(&tasks, "Send Q1 numbers to Priya, cc finance");
    assert_eq!(numbers.due, due("2026-03-09T14:30:00"));
    assert_eq!(numbers.category.as_deref(), Some("Work"));
    let flights = by_title(&tasks, "Book flights for the Lisbon offsite");
    let next = flights.due.unwrap().date();
    assert_eq!(
        next.format("%A").to_string(),
        "Monday",
        "'every monday' → the next Monday: {next}"
    );
    assert!(tasks.iter().all(|t| t.status == Status::Pending));
}

#[test]
fn trello_json_import() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let said = ok(&utter(
        dir,
        &["import", fixture("trello.json").to_str().unwrap()],
    ));
    assert!(
        said.contains("Imported 7 task(s) from trello (4 open, 3 done)"),
        "{said}"
    );
    let tasks = all_tasks(dir);

    let email = by_title(&tasks, "Draft the onboarding email sequence");
    assert_eq!(email.status, Status::InProgress, "list 'Doing'");
    assert_eq!(email.category.as_deref(), Some("Writing"));
    // Trello's due is UTC noon; the local date is the same in every zone within ±11 h.
    assert_eq!(email.due.unwrap().date().to_string(), "2026-03-12");
    assert_eq!(
        email.description.as_deref(),
        Some("Three emails: welcome, first project, invite the team.")
    );

    let signup = by_title(&tasks, "Fix the broken signup link in the footer");
    assert_eq!(
        signup.priority,
        Priority::High,
        "an 'Urgent' label is a priority"
    );
    assert_eq!(
        signup.category.as_deref(),
        Some("Development"),
        "the next label is the category"
    );
    assert_eq!(signup.status, Status::Pending);

    let photo = by_title(&tasks, "Pick the hero photo");
    assert_eq!(
        photo.category, None,
        "a label without a name is no category"
    );

    let legal = by_title(&tasks, "Ask legal about the DPA wording");
    assert_eq!(legal.status, Status::Blocked, "list 'Waiting on others'");
    assert_eq!(legal.category.as_deref(), Some("Legal"));
    let cats = service(dir).list_categories().unwrap();
    assert_eq!(
        cats.iter().find(|c| c.name == "Legal").unwrap().color,
        "#c377e0",
        "Trello's purple"
    );

    for done in [
        "Launch the pricing page",
        "Old logo refresh",
        "Podcast sponsorship",
    ] {
        assert_eq!(by_title(&tasks, done).status, Status::Completed, "{done}");
    }
    // Lists in their board order (To Do before Doing), cards in theirs.
    let pending: Vec<&str> = tasks
        .iter()
        .filter(|t| t.status == Status::Pending)
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(
        pending,
        [
            "Pick the hero photo",
            "Fix the broken signup link in the footer"
        ]
    );
}

#[test]
fn markdown_checklist_import() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let said = ok(&utter(
        dir,
        &[
            "import",
            fixture("checklist.md").to_str().unwrap(),
            "--now",
            NOW,
        ],
    ));
    assert!(
        said.contains("Imported 7 task(s) from markdown (5 open, 2 done)"),
        "{said}"
    );
    assert!(
        said.contains("2 new: Errands, Work") && said.contains("1 existing: Personal"),
        "{said}"
    );
    let tasks = all_tasks(dir);

    let landlord = by_title(&tasks, "Call the landlord about the deposit");
    assert_eq!(landlord.due, due("2026-03-03"), "tomorrow");
    assert_eq!(landlord.priority, Priority::High);
    assert_eq!(landlord.category.as_deref(), Some("Personal"));

    let movers = by_title(&tasks, "Get three quotes from movers");
    assert_eq!(movers.due, due("2026-03-06"), "by friday");
    assert_eq!(movers.category.as_deref(), Some("Errands"));
    assert_eq!(
        movers.description.as_deref(),
        Some("Ask about a packing service and insurance.\nBudget is around 900 EUR.")
    );

    let gym = by_title(&tasks, "Cancel the gym membership");
    assert_eq!((gym.due, gym.priority), (due("2026-03-20"), Priority::Low));
    assert_eq!(
        by_title(&tasks, "Order boxes").status,
        Status::Pending,
        "a '*' bullet"
    );
    let notice = by_title(&tasks, "Give notice at work");
    assert_eq!(
        (notice.status, notice.category.as_deref()),
        (Status::Completed, Some("Work"))
    );
    assert_eq!(
        by_title(&tasks, "Sort the books into keep and donate").status,
        Status::InProgress
    );
    let van = by_title(&tasks, "Book the van");
    assert_eq!(
        (van.status, van.due),
        (Status::Completed, due("2026-03-27T08:00:00"))
    );
}

#[test]
fn the_markdown_export_imports_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&utter(
        dir,
        &["import", fixture("board.json").to_str().unwrap()],
    ));
    let fresh = tmp.path().join("fresh");
    ok(&utter(
        &fresh,
        &[
            "import",
            fixture("board.md").to_str().unwrap(),
            "--now",
            NOW,
        ],
    ));
    let (a, b) = (all_tasks(dir), all_tasks(&fresh));
    let visible: Vec<&Task> = a.iter().filter(|t| t.cancelled_at.is_none()).collect();
    assert_eq!(visible.len(), b.len());
    // A tag holds no space: "Q1 planning" travels as #Q1-planning, and a board that does
    // not have that category yet makes it as "Q1-planning" (quick add's rule for new tags).
    let cat = |t: &Task| t.category.as_ref().map(|c| c.replace('-', " "));
    for (x, y) in visible.iter().zip(&b) {
        assert_eq!(
            (
                &x.title,
                x.status,
                x.priority,
                x.due,
                cat(x),
                &x.description
            ),
            (
                &y.title,
                y.status,
                y.priority,
                y.due,
                cat(y),
                &y.description
            )
        );
    }
}

#[test]
fn malformed_files_give_a_clear_error_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&utter(dir, &["tasks", "add", "Keep me"]));
    ok(&utter(dir, &["tasks", "add", "Me too"]));
    let cats_before = category_names(dir);

    let good = std::fs::read_to_string(fixture("board.json")).unwrap();
    let truncated = tmp.path().join("board_truncated.json");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();
    let mut bad_due: Value = serde_json::from_str(&good).unwrap();
    bad_due["tables"]["tasks"][2]["due"] = Value::from("next week-ish");
    let bad_due_file = tmp.path().join("board_bad_due.json");
    std::fs::write(&bad_due_file, bad_due.to_string()).unwrap();

    let cases: Vec<(PathBuf, &[&str])> = vec![
        (
            fixture("todoist_bad_header.csv"),
            &["Todoist", "line 1", "no TYPE column"],
        ),
        (
            fixture("todoist_bad_date.csv"),
            &["Todoist", "line 3, DATE", "32 Marchuary"],
        ),
        (
            fixture("trello_truncated.json"),
            &["Trello", "line ", "column", "cut short"],
        ),
        (
            fixture("trello_bad_due.json"),
            &["Trello", "cards[1].due", "next-ish week"],
        ),
        (
            fixture("checklist_bad_box.md"),
            &["Markdown", "line 4", "[-]"],
        ),
        (
            fixture("checklist_bad_date.md"),
            &["Markdown", "line 2", "2026-02-30"],
        ),
        (truncated, &["Utter export", "line ", "cut short"]),
        (
            bad_due_file,
            &["Utter export", "tables.tasks[2].due", "next week-ish"],
        ),
    ];
    for (file, needles) in cases {
        let o = utter(dir, &["import", file.to_str().unwrap(), "--now", NOW]);
        let err = stderr(&o);
        assert!(!o.status.success(), "{} was accepted", file.display());
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        for n in needles {
            assert!(err.contains(n), "{}: '{n}' not in: {err}", file.display());
        }
        assert!(err.contains("nothing was imported"), "{err}");
        assert_eq!(all_tasks(dir).len(), 2, "{} wrote cards", file.display());
        assert_eq!(
            category_names(dir),
            cats_before,
            "{} wrote categories",
            file.display()
        );
    }

    let o = utter(
        dir,
        &[
            "import",
            fixture("trello.json").to_str().unwrap(),
            "--from",
            "todoist",
        ],
    );
    assert!(
        stderr(&o).contains("no TYPE column"),
        "the named format is used: {}",
        stderr(&o)
    );
    let unknown = tmp.path().join("notes.txt");
    std::fs::write(&unknown, "just some words\n").unwrap();
    let o = utter(dir, &["import", unknown.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("--from todoist|trello|markdown|utter"),
        "{}",
        stderr(&o)
    );
    assert_eq!(all_tasks(dir).len(), 2);
}

#[test]
fn dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&utter(dir, &["tasks", "add", "Existing card"]));
    let cats_before = category_names(dir);
    let db = utter::paths::db_path(dir);
    let snapshot_before = Store::open_in(dir).unwrap().snapshot().unwrap();

    let said = ok(&utter(
        dir,
        &[
            "import",
            fixture("trello.json").to_str().unwrap(),
            "--dry-run",
        ],
    ));
    assert!(
        said.contains("Would import 7 task(s) from trello (4 open, 3 done)"),
        "{said}"
    );
    assert!(
        said.contains("1 new: Legal; 2 existing: Development, Writing"),
        "{said}"
    );
    assert!(said.contains("nothing was written"), "{said}");

    let o = utter(
        dir,
        &[
            "import",
            fixture("checklist.md").to_str().unwrap(),
            "--dry-run",
            "--json",
            "--now",
            NOW,
        ],
    );
    let report: Value = serde_json::from_str(&ok(&o)).unwrap();
    assert_eq!(report["dry_run"], true);
    assert_eq!(
        (report["tasks"].as_u64(), report["done"].as_u64()),
        (Some(7), Some(2))
    );
    assert_eq!(
        report["categories_existing"],
        serde_json::json!(["Personal"])
    );

    // Into an empty board an Utter export previews a restore and still writes nothing.
    let empty = tmp.path().join("empty");
    let said = ok(&utter(
        &empty,
        &[
            "import",
            fixture("board.json").to_str().unwrap(),
            "--dry-run",
        ],
    ));
    assert!(
        said.contains("Would import 6 task(s)") && said.contains("restored whole"),
        "{said}"
    );
    assert!(all_tasks(&empty).is_empty());

    assert_eq!(all_tasks(dir).len(), 1);
    assert_eq!(category_names(dir), cats_before);
    assert_eq!(
        Store::open_in(dir).unwrap().snapshot().unwrap(),
        snapshot_before
    );
    assert!(db.exists());
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
