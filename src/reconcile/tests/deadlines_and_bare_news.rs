//! News a blind set read wrong or not at all: a day said as when the work is due ("it
//! actually expires on the 20th", "has to be renewed by the 14th", "the 18th, not the 22nd"),
//! the day a visit was moved to rather than the one it was moved from, "done" said as a
//! clause of its own ("went up this morning, fixed, it was…"), a card dropped down the list,
//! and "not doing it Saturday, pushing it to the 27th" (moved, not called off).

use super::*;

fn board() -> Vec<Task> {
    board_of(&[
        "Renew passport",
        "Renew car insurance",
        "Book the MOT",
        "Quarterly accounts for Dunmore",
        "Clear the Elm Road gutter",
        "Book hotel for the conference",
        "Review the server logs",
        "Run the bake sale",
        "Get the boiler serviced",
    ])
}

fn changes(said: &str) -> Vec<(i64, Change)> {
    updates_on(said, &board())
}

#[test]
fn each_is_read_as_what_became_of_its_card() {
    let cases: Vec<(&str, i64, Change)> = vec![
        (
            "The passport, turns out it actually expires on the 20th, not in March.",
            1,
            on(20),
        ),
        (
            "Car insurance, the broker says it has to be renewed by the 14th, not the 28th.",
            2,
            on(14),
        ),
        ("The MOT, the renewal's actually the 9th.", 3, on(9)),
        (
            "Dunmore's quarterly accounts, it's the 18th, not the 22nd.",
            4,
            on(18),
        ),
        (
            "The boiler service, the engineer can't come on Tuesday, he's moved us to Thursday the 17th.",
            9,
            on(17),
        ),
        (
            "The Elm Road gutter, went up this morning, fixed, it was a loose bracket.",
            5,
            Change::Status(Status::Completed),
        ),
        (
            "Hotel for the conference, right, booked, the one by the station.",
            6,
            Change::Status(Status::Completed),
        ),
        (
            "The server logs, it isn't a fire any more, we can drop it down.",
            7,
            Change::Priority(Priority::Low),
        ),
        (
            "We're not doing the bake sale this Saturday, so I'm pushing it to the 27th.",
            8,
            on(27),
        ),
    ];
    for (said, card, change) in cases {
        assert_eq!(changes(said), vec![(card, change)], "{said}");
    }
}

#[test]
fn a_day_that_is_not_when_it_is_due_changes_nothing() {
    for said in [
        // The day it happened, and a day only ruled out.
        "The passport, the photos were taken on the 2nd at the post office.",
        "The MOT, the garage rang on Tuesday, they're very busy.",
        // "not fixed" is no clause saying done.
        "The Elm Road gutter, went up this morning, not fixed, still dripping.",
    ] {
        let found = changes(said);
        assert!(
            found
                .iter()
                .all(|(_, c)| !matches!(c, Change::Due(_) | Change::Status(Status::Completed))),
            "{said}: {found:?}"
        );
    }
}

#[test]
fn a_second_one_is_new_work_not_the_card() {
    let board = vec![
        task(1, "Quiz night at the Red Lion", None),
        task(2, "Find another venue for the party", None),
    ];
    let decided = |title: &str| {
        plan(title, vec![item(title, None)], &board, now())
            .decisions
            .into_iter()
            .next()
            .unwrap()
    };
    assert!(matches!(
        decided("Do a second quiz night"),
        Decision::New(_)
    ));
    assert!(matches!(
        decided("Run another quiz night"),
        Decision::New(_)
    ));
    // Said again, the card's own "another" is no sign of other work.
    assert!(matches!(
        decided("Find another venue for the party"),
        Decision::Same { card: 2, .. }
    ));
}

#[test]
fn new_work_said_after_the_news_is_kept() {
    let board = vec![task(1, "Update portfolio on website", None)];
    let text = "The website portfolio thing, let's just drop it, I'm moving everything to \
                Instagram anyway. Which means I need to set up an Instagram business account.";
    let decisions = plan(
        text,
        vec![item("Set up an Instagram business account", None)],
        &board,
        now(),
    )
    .decisions;
    assert!(
        matches!(&decisions[..], [
            Decision::Update { card: 1, changes, .. },
            Decision::New(item),
        ] if changes == &vec![Change::Cancel] && item.title.contains("Instagram")),
        "{decisions:#?}"
    );
}
