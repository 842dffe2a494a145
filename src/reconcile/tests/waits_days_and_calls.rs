//! News that a blind set read wrong: a day said after "can't … till" (the work moved, unless
//! the rest says it waits), waiting said as being told to wait, a call made but not
//! answered, "'em" for the thing just named, and cancelling said as "take that off", "pull
//! it", "don't send it at all"; a step done with the rest still to do, a day booked for
//! the work, done said of what someone wants done, and a different house number.

use super::*;

fn board() -> Vec<Task> {
    board_of(&[
        "Get van serviced",
        "Fix leaking kitchen tap",
        "Buy silk thread",
        "Pick up ridge caps",
        "Start Gypsy under saddle",
        "Send fee note to Khanna",
        "File statement of claim for Tremblay",
        "Take Kamau for his vaccination",
        "Call Priya about the scan results",
        "Write Year 9 reports",
        "Order new hymn books",
        "Replace mower blades",
        "Send reminder texts for next week's bookings",
        "Service the ultrasound machine",
        "Write survey for churned users",
        "Order new window display cards",
        "Replace broken pool heater",
        "Book Lily's swimming lessons",
        "Send monthly landlord statements",
        "Book a viewing at 9 Linden Avenue",
    ])
}

fn changes(said: &str) -> Vec<(i64, Change)> {
    updates_on(said, &board())
}

#[test]
fn each_is_read_as_what_became_of_its_card() {
    let cases: Vec<(&str, i64, Change)> = vec![
        (
            "Van service got bumped, the garage can't fit me in till the 23rd.",
            1,
            on(23),
        ),
        (
            "The tap, the plumber can't come till Thursday, so nothing I can do till then.",
            2,
            Change::Blocked(None),
        ),
        (
            "Silk thread, the shop is closed till Monday so I cannot buy any.",
            3,
            Change::Blocked(None),
        ),
        (
            "Ridge caps, grabbed 'em on the way in, they're in the van.",
            4,
            Change::Status(Status::Completed),
        ),
        (
            "Gypsy, I'm not backing her this year after all, so take that off.",
            5,
            Change::Cancel,
        ),
        (
            "The Khanna fee note, the partner says don't send it at all.",
            6,
            Change::Cancel,
        ),
        (
            "The Tremblay claim, they're settling, so pull it, we're not filing.",
            7,
            Change::Cancel,
        ),
        (
            "Kamau's vaccination, the clinic told us to wait for the next delivery.",
            8,
            Change::Blocked(None),
        ),
        (
            "Priya, I rang her this morning and left a voicemail, she hasn't got back to me.",
            9,
            Change::Blocked(None),
        ),
        (
            "Year 9 reports, the deadline's come forward, they want them by the 17th now.",
            10,
            on(17),
        ),
        (
            "The hymn books, the council says hold off on ordering until after the budget meeting.",
            11,
            Change::Blocked(None),
        ),
        (
            "Mower blades, that can wait till spring, low priority.",
            12,
            Change::Priority(Priority::Low),
        ),
    ];
    for (said, card, change) in cases {
        assert_eq!(changes(said), vec![(card, change)], "{said}");
    }
}

#[test]
fn a_date_said_as_the_17th_now_is_a_date() {
    let hits = crate::extract::dates::find_dates("they want them by the 17th now", now());
    assert_eq!(
        hits.first().and_then(|h| h.due(now(), None)),
        Some(Due::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 17).unwrap()
        ))
    );
}

#[test]
fn a_step_a_booked_day_or_a_wish_is_not_the_work_done() {
    let cases: Vec<(&str, i64, Change)> = vec![
        (
            "The reminder texts, I've sent Monday's and Tuesday's, need to do the rest.",
            13,
            Change::Status(Status::InProgress),
        ),
        (
            "The ultrasound machine, the service is now booked for the 19th.",
            14,
            on(19),
        ),
        (
            "The churn survey, the CEO decided we're doing phone calls instead, so no survey.",
            15,
            Change::Cancel,
        ),
        (
            "The window cards, the boss wants them sorted this week, so that's gone up.",
            16,
            Change::Priority(Priority::High),
        ),
        (
            "Pool heater, the owners have decided to close the pool for winter, so no point replacing it.",
            17,
            Change::Cancel,
        ),
        (
            "Swimming, the leisure centre says the term's full so we're on the waiting list.",
            18,
            Change::Blocked(None),
        ),
        (
            "Landlord statements, the accounts system's down so I can't send them until it's back up.",
            19,
            Change::Blocked(None),
        ),
    ];
    for (said, card, change) in cases {
        assert_eq!(changes(said), vec![(card, change)], "{said}");
    }
}

#[test]
fn another_house_number_is_other_work() {
    let said = "Book a viewing at 19 Linden Avenue.";
    let plan = plan(
        said,
        vec![item("Book a viewing at 19 Linden Avenue", None)],
        &board(),
        now(),
    );
    assert!(
        matches!(plan.decisions.as_slice(), [Decision::New(_)]),
        "{:?}",
        plan.decisions
    );
}
