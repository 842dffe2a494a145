//! One target per importer, plus format detection on the same inputs.

use std::path::Path;

use bolero::check;
use utter::transfer::{
    ImportedCard, detect, parse_markdown, parse_todoist, parse_trello, parse_utter,
};

use super::support::{ITERATIONS, nows, text};

/// What every importer promises of the cards it returns: a title with something in it.
fn check_cards(cards: &[ImportedCard]) {
    for c in cards {
        assert!(!c.task.title.trim().is_empty(), "card with a blank title");
    }
}

fn detect_all(input: &str) {
    for name in ["board.csv", "board.json", "board.md", "board.txt", "board"] {
        let _ = detect(Path::new(name), input);
    }
}

#[test]
fn import_todoist() {
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let input = text(bytes);
            detect_all(&input);
            for now in nows() {
                if let Ok(cards) = parse_todoist(&input, now) {
                    check_cards(&cards);
                }
            }
        });
}

#[test]
fn import_trello() {
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let input = text(bytes);
            detect_all(&input);
            if let Ok(cards) = parse_trello(&input) {
                check_cards(&cards);
            }
        });
}

#[test]
fn import_markdown() {
    let categories = vec!["Sales".to_string(), "Q1 planning".to_string()];
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let input = text(bytes);
            detect_all(&input);
            for now in nows() {
                if let Ok(cards) = parse_markdown(&input, now, &categories) {
                    check_cards(&cards);
                }
            }
        });
}

/// An export that reads writes back out to JSON that reads as the same export.
#[test]
fn import_utter() {
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let input = text(bytes);
            detect_all(&input);
            let Ok(export) = parse_utter(&input, i64::MAX) else {
                return;
            };
            let written = export.to_json().expect("a read export writes");
            let again = parse_utter(&written, i64::MAX).expect("own output reads back");
            assert_eq!(again.to_json().expect("writes"), written);
        });
}
