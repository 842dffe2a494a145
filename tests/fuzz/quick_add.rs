use bolero::check;
use utter::service::{ServiceError, clean_title, parse_quick_add};

use super::support::{ITERATIONS, nows, text};

/// The title comes back trimmed with single spaces between words, every one of them a word
/// of the line (markers and the date are taken out, never added); a `!high`-style marker
/// always sets the priority; a known category comes back as the board spells it.
#[test]
fn quick_add() {
    let categories = vec!["Sales".to_string(), "Q1 planning".to_string()];
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let line = text(bytes);
            for now in nows() {
                let q = parse_quick_add(&line, now, &categories);
                let t = &q.title;
                assert_eq!(t.trim(), t, "untrimmed title {t:?}");
                assert!(!t.contains("  "), "double space in {t:?}");
                assert!(
                    !t.chars().any(|c| c.is_whitespace() && c != ' '),
                    "whitespace other than spaces in {t:?}"
                );
                let words: Vec<&str> = line.split_whitespace().collect();
                if line.trim().is_empty() {
                    assert!(t.is_empty());
                }
                if q.due.is_none() {
                    // Without a date only markers leave, so the title is the rest in order.
                    for w in t.split(' ').filter(|w| !w.is_empty()) {
                        assert!(words.contains(&w), "{w:?} is not in {line:?}");
                    }
                }
                let has_marker = words.iter().any(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "!" | "!!"
                            | "!!!"
                            | "!high"
                            | "!h"
                            | "!urgent"
                            | "!low"
                            | "!l"
                            | "!medium"
                            | "!med"
                            | "!m"
                    )
                });
                assert_eq!(has_marker, q.priority.is_some(), "{line:?}");
                if let Some(c) = &q.category
                    && c.eq_ignore_ascii_case("sales")
                {
                    assert_eq!(c, "Sales");
                }
                // What the service stores: control characters gone, or a clear refusal.
                match clean_title(t) {
                    Ok(clean) => assert!(
                        !clean.is_empty() && !clean.chars().any(char::is_control),
                        "{clean:?}"
                    ),
                    Err(e) => assert!(
                        matches!(
                            e,
                            ServiceError::EmptyTitle | ServiceError::TitleTooLong { .. }
                        ),
                        "{e}"
                    ),
                }
            }
        });
}
