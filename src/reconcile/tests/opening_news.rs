//! News of the thing a sentence opens with, in words no pattern reads.

use super::*;

fn cards() -> Vec<Task> {
    [
        "Quote for the Hartleys' conservatory",
        "Order the bathroom tiles",
        "Send the board pack",
        "Clear the gutters",
        "Write the grant report",
        "Chase Land Registry on the Dobson title",
        "Plan the school trip",
        "Print flyers for the quiz night",
    ]
    .iter()
    .enumerate()
    .map(|(n, title)| task(n as i64 + 1, title, None))
    .collect()
}

/// The changes `said` makes, as (card, change); every item the extractor would make of it
/// is passed in too, so an item the news took is seen to be dropped.
fn changes(said: &str, items: Vec<ExtractedTask>) -> (Vec<(i64, Change)>, Vec<String>) {
    let p = plan(said, items, &cards(), now());
    let mut updates = Vec::new();
    let mut new = Vec::new();
    for d in p.decisions {
        match d {
            Decision::Update { card, changes, .. } => {
                updates.extend(changes.into_iter().map(|c| (card, c)));
            }
            Decision::New(item) | Decision::Unsure { item, .. } => new.push(item.title),
            Decision::Same { .. } => {}
        }
    }
    (updates, new)
}

#[test]
fn each_change_said_of_an_opening_reaches_its_card() {
    let cases: Vec<(&str, i64, Change)> = vec![
        (
            "The Hartleys don't want the conservatory anymore, they found someone local.",
            1,
            Change::Cancel,
        ),
        (
            "Bathroom tiles, the supplier has them on back order, so we can't do a thing till January.",
            2,
            Change::Blocked(None),
        ),
        (
            "The board pack is slipping to the 14th, finance need more time.",
            3,
            Change::Due("2026-12-14".parse().unwrap()),
        ),
        (
            "The gutters, that has to be done before anything else, it's pouring in.",
            4,
            Change::Priority(Priority::High),
        ),
        (
            "The grant report, I've written the first section of it.",
            5,
            Change::Status(Status::InProgress),
        ),
        (
            "Land Registry came back on the Dobson title, so that's done.",
            6,
            Change::Status(Status::Completed),
        ),
        (
            "The school trip, the head says we need one adult for every six kids.",
            7,
            Change::Note("the head says we need one adult for every six kids".into()),
        ),
        // "not next week" rules a date out; the one said before it is the new one.
        (
            "The flyers need to be ready by Thursday, not next week.",
            8,
            Change::Due("2026-12-10".parse().unwrap()),
        ),
    ];
    for (said, card, change) in cases {
        let (updates, _) = changes(said, Vec::new());
        assert_eq!(updates, vec![(card, change)], "{said}");
    }
}

#[test]
fn the_item_read_from_the_news_is_no_new_card_but_work_said_after_it_is() {
    let (updates, new) = changes(
        "The school trip, the head says book the coach early.",
        vec![item("Book the coach early", None)],
    );
    assert_eq!(updates.len(), 1);
    assert!(new.is_empty(), "{new:?}");
    let (updates, new) = changes(
        "The Hartleys don't want the conservatory anymore, and I need to order more grout.",
        vec![item("Order more grout", None)],
    );
    assert_eq!(updates, vec![(1, Change::Cancel)]);
    assert_eq!(new, vec!["Order more grout".to_string()]);
}

#[test]
fn work_still_to_do_a_condition_or_an_opening_naming_no_card_is_no_news() {
    for said in [
        // A repeat: the extractor's item says it.
        "The grant report, I still need to finish it.",
        // A condition.
        "The board pack, if that's done by Friday we're fine.",
        // Nothing on the board.
        "The weather, it's off the charts, all sorted though.",
        // Not done.
        "The gutters, that's not done yet.",
    ] {
        let (updates, _) = changes(said, Vec::new());
        assert!(updates.is_empty(), "{said}: {updates:?}");
    }
}

#[test]
fn part_of_the_work_done_is_begun() {
    let (updates, _) = changes(
        "And the grant report, I've done two of the four sections.",
        Vec::new(),
    );
    assert_eq!(updates, vec![(5, Change::Status(Status::InProgress))]);
}

fn repeat_board() -> Vec<Task> {
    vec![
        task(1, "Quote for the Foster kitchen", None),
        task(2, "Invoice Brightwell for October", None),
        task(3, "Buy Maya's school shoes", None),
    ]
}

#[test]
fn a_card_said_again_as_still_to_do_is_that_card() {
    // No item read from it: listed as the card, changing nothing.
    let p = plan(
        "The Foster kitchen, yeah, still to do, I know.",
        Vec::new(),
        &repeat_board(),
        now(),
    );
    assert!(
        matches!(p.decisions.as_slice(), [Decision::Same { card: 1, changes, .. }] if changes.is_empty()),
        "{:?}",
        p.decisions
    );
    // The item read from it adds only its verb: that card, not a new one.
    let p = plan(
        "Brightwell, the October invoice, I still haven't sent it, must do that.",
        vec![item("Send the October invoice", None)],
        &repeat_board(),
        now(),
    );
    assert!(
        matches!(p.decisions.as_slice(), [Decision::Same { card: 2, .. }]),
        "{:?}",
        p.decisions
    );
    // Other work for the same person is new.
    let p = plan(
        "Maya's shoes, I still need to get her a lunchbox as well.",
        vec![item("Get Maya a lunchbox", None)],
        &repeat_board(),
        now(),
    );
    assert!(
        matches!(p.decisions.as_slice(), [Decision::New(i)] if i.title == "Get Maya a lunchbox"),
        "{:?}",
        p.decisions
    );
}

#[test]
fn odd_spacing_and_accents_in_an_opening_are_read_safely() {
    let board = vec![task(1, "Pay the café owner", None)];
    for said in [
        "The  café  owner's  been paid, that's done.",
        "Café owner’s sorted, all done.",
        "Zoë's  thing, it's off.",
    ] {
        let _ = plan(said, Vec::new(), &board, now());
    }
    let p = plan(
        "The café owner, that's all done.",
        Vec::new(),
        &board,
        now(),
    );
    assert!(
        matches!(p.decisions.as_slice(), [Decision::Update { card: 1, .. }]),
        "{:?}",
        p.decisions
    );
}
