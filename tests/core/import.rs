//! `utter import`: each importer (Todoist CSV, Trello JSON, a Markdown checklist, Utter's own
//! Markdown export) on a realistic file and on a broken one, and `--dry-run`.

use std::path::PathBuf;

use serde_json::Value;
use utter::model::{Priority, Status, Task};
use utter::store::Store;

use super::support::{
    all_tasks, by_title, category_names, due, fixture, ok, service, stderr, utter,
};

/// A Monday; relative dates in the fixtures ("tomorrow", "by friday") resolve against it.
const NOW: &str = "2026-03-02T09:00:00";

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
