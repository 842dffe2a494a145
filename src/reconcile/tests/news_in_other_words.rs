//! News said in the words people use for it, met in blind sets: "we're dropping that",
//! "so we're just waiting", "top priority now, the car's stuck outside", a step of the work
//! done, and a date said to be no longer needed.

use super::*;

fn board() -> Vec<Task> {
    [
        "Hire Saturday barista",
        "Renew Isla's passport",
        "Pay cold storage rent",
        "Migrate CI to GitHub Actions",
        "Swap shifts with Thabo",
        "Fix garage door opener",
        "Test certs for Parnell St flats",
        "Pay VAT return",
        "Vac scheme applications",
        "Sign up for bar prep course",
        "Plan field day",
        "Pay union dues",
        "Complete manual handling training",
        "Fix Safari layout bug on Kemi's site",
        "Buy silk thread",
        "Order hay from Jensen",
    ]
    .iter()
    .enumerate()
    .map(|(n, title)| task(n as i64 + 1, title, None))
    .collect()
}

fn updates(said: &str) -> Vec<(i64, Change)> {
    updates_on(said, &board())
}

#[test]
fn each_change_said_in_other_words_reaches_its_card() {
    let cases: Vec<(&str, i64, Change)> = vec![
        (
            "CI migration, we're dropping that, the team decided to stay on CircleCI.",
            4,
            Change::Cancel,
        ),
        (
            "Thabo said no to the swap, so that one's off.",
            5,
            Change::Cancel,
        ),
        (
            "Isla's passport, the passport office say there's a backlog, weeks, so we're just waiting.",
            2,
            Change::Blocked(None),
        ),
        // Said first, the priority is the news; the "stuck" after it is the reason.
        (
            "The garage door thing has gotta be top priority now, the car's stuck outside.",
            6,
            Change::Priority(Priority::High),
        ),
        (
            "The VAT, my accountant said it is now the most important thing, so put it first.",
            8,
            Change::Priority(Priority::High),
        ),
        // No longer needed by a day is a new day, not the work called off.
        (
            "The Parnell Street flats, the landlord says Monday is grand, so I don't need the certs done by Thursday anymore.",
            7,
            Change::Due("2026-12-07".parse().unwrap()),
        ),
    ];
    for (said, card, change) in cases {
        assert_eq!(updates(said), vec![(card, change)], "{said}");
    }
}

#[test]
fn a_dash_after_the_name_opens_it_as_a_comma_does() {
    let cases: Vec<(&str, i64, Change)> = vec![
        (
            "Vac schemes \u{2014} sent off two, three more to go.",
            9,
            Change::Status(Status::InProgress),
        ),
        (
            "Bar prep - that can go way down the list, it's not till next year.",
            10,
            Change::Priority(Priority::Low),
        ),
        (
            "Field day \u{2013} admin said no this year, so we're cutting it.",
            11,
            Change::Cancel,
        ),
        // A day let go by a pattern's words is not taken as the new day.
        (
            "The Parnell Street flats, the landlord's after saying Monday is grand, so I don't need them done by Thursday anymore.",
            7,
            Change::Due("2026-12-07".parse().unwrap()),
        ),
    ];
    for (said, card, change) in cases {
        assert_eq!(updates(said), vec![(card, change)], "{said}");
    }
    let p = plan(
        "Union dues, still to pay them.",
        Vec::new(),
        &board(),
        now(),
    );
    assert!(
        matches!(p.decisions.as_slice(), [Decision::Same { card: 12, .. }]),
        "{:?}",
        p.decisions
    );
}

#[test]
fn a_step_of_the_work_done_is_begun_but_the_work_done_yesterday_is_done() {
    assert_eq!(
        updates("Um, the Saturday barista, I've interviewed two people, still deciding."),
        vec![(1, Change::Status(Status::InProgress))]
    );
    assert_eq!(
        updates("Cold storage rent I paid yesterday."),
        vec![(3, Change::Status(Status::Completed))]
    );
}

#[test]
fn moved_begun_and_stuck_in_more_words() {
    let cases: Vec<(&str, i64, Change)> = vec![
        (
            "So the manual handling, they've extended the deadline to the 31st.",
            13,
            Change::Due("2026-12-31".parse().unwrap()),
        ),
        (
            "Kemi's Safari bug, I'm digging into it now, looks like a flexbox thing.",
            14,
            Change::Status(Status::InProgress),
        ),
        (
            "Silk thread, the shop is closed till Monday so I cannot buy.",
            15,
            Change::Blocked(None),
        ),
    ];
    for (said, card, change) in cases {
        assert_eq!(updates(said), vec![(card, change)], "{said}");
    }
}

#[test]
fn work_said_after_the_news_with_ill_need_stays_new() {
    let p = plan(
        "Hay from Jensen, he sold out, so scratch that, I'll need to find another hay supplier.",
        vec![item("Find another hay supplier", None)],
        &board(),
        now(),
    );
    let cancelled = p
        .decisions
        .iter()
        .any(|d| matches!(d, Decision::Update { card: 16, changes, .. } if changes == &vec![Change::Cancel]));
    let kept = p
        .decisions
        .iter()
        .any(|d| matches!(d, Decision::New(i) if i.title == "Find another hay supplier"));
    assert!(cancelled && kept, "{:?}", p.decisions);
}
