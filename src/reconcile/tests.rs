//! Planning dumps against a board: each outcome, take-backs, questions.

#![allow(clippy::unwrap_used)]
use super::*;
use crate::model::{Due, Priority};

mod deadlines_and_bare_news;
mod news_in_other_words;
mod opening_news;
mod waits_days_and_calls;

#[test]
fn how_far_the_speaker_got_is_no_note() {
    assert!(progress_remark("I've not even written them"));
    assert!(progress_remark("we haven't started"));
    assert!(!progress_remark("the sink is not draining"));
    assert!(!progress_remark("Ask for the complaints team, not billing"));
}

fn task(id: i64, title: &str, due: Option<&str>) -> Task {
    Task {
        due: due.map(|d| d.parse().unwrap()),
        ..Task::sample(id, title)
    }
}

fn item(title: &str, due: Option<&str>) -> ExtractedTask {
    ExtractedTask {
        title: title.into(),
        description: None,
        category: None,
        priority: Priority::Medium,
        due: due.map(|d| d.parse().unwrap()),
    }
}

/// Each change a dump said alone makes to `board`, as (card, change).
fn updates_on(said: &str, board: &[Task]) -> Vec<(i64, Change)> {
    plan(said, Vec::new(), board, now())
        .decisions
        .into_iter()
        .flat_map(|d| match d {
            Decision::Update { card, changes, .. } => {
                changes.into_iter().map(|c| (card, c)).collect()
            }
            _ => Vec::new(),
        })
        .collect()
}

/// A board of these titles, numbered from 1 in order.
fn board_of(titles: &[&str]) -> Vec<Task> {
    titles
        .iter()
        .enumerate()
        .map(|(n, title)| task(n as i64 + 1, title, None))
        .collect()
}

/// Due on that day of `now()`'s month.
fn on(day: u32) -> Change {
    Change::Due(Due::Date(
        chrono::NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
    ))
}

fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

fn board() -> Vec<Task> {
    vec![
        task(1, "Call Joe about the renewal", None),
        task(2, "Book the dentist", Some("2026-12-08")),
        task(3, "Write the Henderson proposal", None),
        task(4, "Sign the Acme contract", None),
        task(5, "Send the invoice to Globex", None),
    ]
}

#[test]
fn a_repeat_is_the_same_card_with_its_new_date() {
    let p = plan(
        "Ring Joe about the renewal tomorrow.",
        vec![item("Ring Joe about the renewal", Some("2026-12-06"))],
        &board(),
        now(),
    );
    assert_eq!(
        p.decisions,
        vec![Decision::Same {
            item: item("Ring Joe about the renewal", Some("2026-12-06")),
            card: 1,
            changes: vec![Change::Due("2026-12-06".parse::<Due>().unwrap())],
        }]
    );
}

#[test]
fn work_reported_not_done_changes_nothing_on_its_card() {
    let p = plan(
        "Hmm, I still haven't called Joe about the renewal, it's been a mad week.",
        vec![item("Call Joe about the renewal", None)],
        &board(),
        now(),
    );
    assert!(p.decisions.is_empty(), "{:?}", p.decisions);
    // Not on the board: the same words are a to-do.
    let p = plan(
        "I still haven't called the landlord.",
        vec![item("Call the landlord", None)],
        &board(),
        now(),
    );
    assert!(matches!(p.decisions.as_slice(), [Decision::New(_)]));
}

#[test]
fn spoken_updates_find_their_cards() {
    let p = plan(
        "Push the dentist to Friday. I finished the Henderson proposal. The Acme thing is blocked on legal.",
        vec![item("Push the dentist", Some("2026-12-11"))],
        &board(),
        now(),
    );
    let cards: Vec<i64> = p
        .decisions
        .iter()
        .map(|d| match d {
            Decision::Update { card, .. } => *card,
            other => panic!("not an update: {other:?}"),
        })
        .collect();
    assert_eq!(cards, vec![2, 3, 4]);
}

#[test]
fn different_people_are_different_work() {
    let p = plan(
        "Call Sam about the renewal.",
        vec![item("Call Sam about the renewal", None)],
        &board(),
        now(),
    );
    assert!(matches!(p.decisions[0], Decision::New(_)), "{p:?}");
}

#[test]
fn close_but_not_sure_is_flagged() {
    let p = plan(
        "Email Joe about the renewal.",
        vec![item("Email Joe about the renewal", None)],
        &board(),
        now(),
    );
    assert!(
        matches!(p.decisions[0], Decision::Unsure { possible: 1, .. }),
        "{p:?}"
    );
}

#[test]
fn taking_back_the_dumps_own_item_cancels_no_card() {
    let board = vec![task(1, "Update the onboarding doc", None)];
    let p = plan(
        "Update the onboarding doc, no wait, forget the onboarding doc. Review the PR.",
        vec![item("Review the PR", None)],
        &board,
        now(),
    );
    assert!(
        p.decisions.iter().all(|d| matches!(d, Decision::New(_))),
        "{p:?}"
    );
    let p = plan("Forget the onboarding doc.", vec![], &board, now());
    assert!(
        matches!(p.decisions[..], [Decision::Update { card: 1, .. }]),
        "{p:?}"
    );
}

fn updated_cards(p: &Plan) -> Vec<(i64, Vec<Change>)> {
    p.decisions
        .iter()
        .filter_map(|d| match d {
            Decision::Update { card, changes, .. } => Some((*card, changes.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_request_said_as_a_question_is_an_update() {
    let p = plan(
        "Can you push the dentist back to Friday?",
        vec![],
        &board(),
        now(),
    );
    assert!(p.answers.is_empty(), "{p:?}");
    assert_eq!(
        updated_cards(&p),
        vec![(2, vec![Change::Due("2026-12-11".parse::<Due>().unwrap())])]
    );
    // A question that asks stays one.
    let p = plan(
        "Can you tell me what's due on Tuesday?",
        vec![],
        &board(),
        now(),
    );
    assert_eq!(p.answers.len(), 1);
}

#[test]
fn doing_the_cancelling_completes_a_cancel_card() {
    let board = vec![task(1, "Cancel the gym membership", None)];
    let p = plan("I cancelled the gym membership.", vec![], &board, now());
    assert_eq!(
        updated_cards(&p),
        vec![(1, vec![Change::Status(Status::Completed)])]
    );
}

#[test]
fn a_name_said_alone_is_what_the_next_sentence_means() {
    let p = plan(
        "Henderson proposal. Yeah, forget it, they've gone with another supplier.",
        vec![],
        &board(),
        now(),
    );
    assert_eq!(updated_cards(&p), vec![(3, vec![Change::Cancel])]);
    // Said as an order and taken back, it cancels no card.
    let p = plan(
        "Write the Henderson proposal. No wait, forget it.",
        vec![],
        &board(),
        now(),
    );
    assert!(updated_cards(&p).is_empty(), "{p:?}");
}

#[test]
fn a_loose_verb_leaves_the_thing_to_name_the_card() {
    let board = vec![
        task(1, "Prepare quarterly report", None),
        task(2, "Renew car insurance", None),
        task(3, "Renew home insurance", None),
        task(4, "Fix kids' bikes before Saturday", None),
        task(5, "Call Joe", None),
    ];
    for (said, card) in [
        ("Do the quarterly report", 1),
        ("Do car insurance before it runs out", 2),
        ("Sort the kids' bikes", 4),
    ] {
        let p = plan(said, vec![item(said, None)], &board, now());
        assert!(
            matches!(p.decisions[..], [Decision::Same { card: c, .. }] if c == card),
            "{said}: {p:?}"
        );
    }
    // One word in common is not enough, nor a thing the card does not name.
    for said in [
        "Get Joe a present",
        "Do the insurance claim",
        "Sort the car insurance claim for the accident",
    ] {
        let p = plan(said, vec![item(said, None)], &board, now());
        assert!(
            !matches!(p.decisions[..], [Decision::Same { .. }]),
            "{said}: {p:?}"
        );
    }
}

#[test]
fn a_name_said_first_is_the_card_not_a_repeat_of_it() {
    let board = vec![
        task(1, "Write release notes for v2.3", None),
        task(2, "Apply for the PM role at Monzo", None),
        task(3, "Renew home insurance", None),
    ];
    let p = plan(
        "Release notes for 2.3, I started drafting them this morning.",
        vec![item("Release notes for 2.3", None)],
        &board,
        now(),
    );
    assert_eq!(
        p.decisions,
        vec![Decision::Update {
            said: "I started drafting them this morning".into(),
            card: 1,
            changes: vec![Change::Status(Status::InProgress)],
        }]
    );
    // A noun for the work ("application"), "house" for "home".
    let p = plan(
        "The Monzo application, the closing date got pushed to the 23rd. House insurance, I've made a start.",
        vec![],
        &board,
        now(),
    );
    assert_eq!(
        updated_cards(&p),
        vec![
            (2, vec![Change::Due("2026-12-23".parse::<Due>().unwrap())]),
            (3, vec![Change::Status(Status::InProgress)]),
        ]
    );
}

#[test]
fn questions_save_nothing() {
    let p = plan("What's due on Tuesday?", vec![], &board(), now());
    assert!(p.decisions.is_empty());
    assert_eq!(p.answers[0].task_ids, vec![2]);
}

#[test]
fn a_number_said_in_words_is_the_number_on_the_card() {
    let board = vec![
        task(1, "Fix leaking tap - Flat 2", None),
        task(2, "Buy milk", None),
    ];
    let p = plan(
        "Plumber sorted the tap in flat two yesterday.",
        vec![],
        &board,
        now(),
    );
    assert!(
        matches!(p.decisions.as_slice(), [Decision::Update { card: 1, changes, .. }] if changes == &vec![Change::Status(Status::Completed)]),
        "{p:?}"
    );
    // A number alone names no card: "four's done" is one of "interviews 4-6", not all.
    let board = vec![task(1, "Transcribe interviews 4-6", None)];
    let p = plan(
        "I'm working through the transcripts, four's done.",
        vec![],
        &board,
        now(),
    );
    assert!(
        !p.decisions.iter().any(|d| matches!(d, Decision::Update { changes, .. } if changes.contains(&Change::Status(Status::Completed)))),
        "{p:?}"
    );
}

#[test]
fn the_card_just_updated_said_again_is_no_second_card() {
    let board = vec![
        task(1, "Mark Year 9 essays", None),
        task(2, "Email Mr Adeyemi re trip consent", None),
    ];
    let p = plan(
        "I've got through about half the Year 9 essays, I'll finish the rest tonight.",
        vec![item(
            "Finish the rest of the Year 9 essays",
            Some("2026-12-05"),
        )],
        &board,
        now(),
    );
    assert_eq!(
        p.decisions,
        vec![Decision::Update {
            said: "I've got through about half the Year 9 essays".into(),
            card: 1,
            changes: vec![
                Change::Status(Status::InProgress),
                Change::Due("2026-12-05".parse::<Due>().unwrap())
            ],
        }],
    );
}

#[test]
fn the_topic_takes_a_change_whose_own_words_name_no_card() {
    let board = vec![
        task(1, "Submit DBMS assignment", None),
        task(2, "Seminar slides", None),
    ];
    let p = plan(
        "Okay so for the seminar, I have started the PPT, I've done the first five slides.",
        Vec::new(),
        &board,
        now(),
    );
    assert_eq!(
        updated_cards(&p),
        vec![(2, vec![Change::Status(Status::InProgress)])]
    );
}

#[test]
fn a_change_said_as_a_condition_is_not_made() {
    let board = vec![task(1, "Brightside logo concepts", None)];
    let p = plan(
        "Oh and Brightside emailed, they also want business cards designed, separate thing, after the logo's signed off.",
        Vec::new(),
        &board,
        now(),
    );
    assert!(updated_cards(&p).is_empty(), "{:?}", p.decisions);
}

#[test]
fn the_topic_is_what_a_bare_remark_changes() {
    let board = vec![
        task(1, "Renew photocopier lease", None),
        task(2, "Minibus MOT", None),
        task(3, "Karen laptop battery", None),
        task(4, "Ferreira contract PT>EN", None),
        task(5, "Order Ozempic", None),
    ];
    let changed = |dump: &str| updated_cards(&plan(dump, Vec::new(), &board, now()));
    // A dash ends the name; "don't bother" with nothing after it is about the topic.
    assert_eq!(
        changed(
            "So the photocopier - governors met last night and decided we're not renewing, don't bother."
        ),
        vec![(1, vec![Change::Cancel])]
    );
    // "stuck on that": blocked, on nothing said.
    assert_eq!(
        changed("The minibus, the garage won't take it till the part's in, so I'm stuck on that."),
        vec![(2, vec![Change::Blocked(None)])]
    );
    // Someone's thing opens the clause.
    assert_eq!(
        changed("Karen's battery came in, I swapped it this morning, she's good to go."),
        vec![(3, vec![Change::Status(Status::Completed)])]
    );
    // "the deal's fallen through" is what happened, not the topic.
    assert_eq!(
        changed(
            "The Ferreira contract - the client emailed, the deal's fallen through, so I can scrap that."
        ),
        vec![(4, vec![Change::Cancel])]
    );
    assert_eq!(
        changed("Ozempic, the wholesaler's got none, so nothing I can do on that right now."),
        vec![(5, vec![Change::Blocked(None)])]
    );
}

#[test]
fn progress_and_news_said_the_way_set_eight_says_it() {
    let board = vec![
        task(1, "Catering numbers to venue", None),
        task(2, "Leaky faucet unit 4B", None),
        task(3, "Fix stairlift", None),
        task(4, "Trailer 12 inspection", None),
        task(5, "Driver logs audit", None),
        task(6, "Migrate Dawson email to 365", None),
        task(7, "Refund the Millers", None),
        task(8, "Order oat milk", None),
        task(9, "Ofsted paperwork", None),
        task(10, "Call back Mrs Okafor re bloods", None),
    ];
    let changed = |dump: &str| updated_cards(&plan(dump, Vec::new(), &board, now()));
    let high = Change::Priority(Priority::High);
    let started = Change::Status(Status::InProgress);
    let done = Change::Status(Status::Completed);
    assert_eq!(
        changed(
            "And catering numbers, the venue's chasing, they need them, so that's become urgent."
        ),
        vec![(1, vec![high.clone()])]
    );
    assert_eq!(
        changed("And 4B, I've got the plumber over there right now, he's working on the faucet."),
        vec![(2, vec![started.clone()])]
    );
    assert_eq!(
        changed(
            "The stairlift engineer's waiting on a part from Germany, so nothing's happening on that till it arrives."
        ),
        vec![(3, vec![Change::Blocked(None)])]
    );
    assert_eq!(
        changed(
            "Trailer 12 passed inspection this morning. Driver logs, I'm about a third through the audit."
        ),
        vec![(4, vec![done.clone()]), (5, vec![started.clone()])]
    );
    assert_eq!(
        changed("Dawson migration, I've kicked it off, the mailboxes are syncing now."),
        vec![(6, vec![started.clone()])]
    );
    assert_eq!(
        changed("Oh, the Millers' refund went through yesterday."),
        vec![(7, vec![done.clone()])]
    );
    assert_eq!(
        changed("Oat milk's getting really low, that's urgent now."),
        vec![(8, vec![high])]
    );
    // The part said on its own before the clause, when the clause's own words name no card.
    assert_eq!(
        changed("And the Ofsted stuff, I've started going through the policies."),
        vec![(9, vec![started])]
    );
    // "went through the results with her" is no payment going through.
    assert_eq!(
        changed("Mrs Okafor, I rang her before clinic and went through the results with her."),
        vec![(10, vec![done])]
    );
}
