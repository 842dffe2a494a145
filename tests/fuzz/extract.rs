use bolero::check;
use utter::extract::{ExtractOptions, extract};
use utter::model::Category;

use super::support::{ITERATIONS, nows, text};

/// Every task has a trimmed title with a letter in it, a category only from the board's
/// list, and titles are unique (case-insensitively: repeats are merged).
#[test]
fn extract_engine() {
    let categories: Vec<Category> = [("Work", "#1c7ed6"), ("Home", "#2f9e44")]
        .into_iter()
        .map(|(name, color)| Category {
            name: name.into(),
            color: color.into(),
        })
        .collect();
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let transcript = text(bytes);
            for now in nows() {
                let tasks = extract(
                    &transcript,
                    &ExtractOptions {
                        now,
                        categories: &categories,
                        heard: true,
                    },
                );
                let mut seen = std::collections::HashSet::new();
                for t in &tasks {
                    assert!(!t.title.is_empty(), "empty title from {transcript:?}");
                    assert_eq!(t.title.trim(), t.title);
                    assert!(t.title.chars().any(char::is_alphabetic), "{:?}", t.title);
                    assert!(seen.insert(t.title.to_lowercase()), "{:?} twice", t.title);
                    if let Some(c) = &t.category {
                        assert!(categories.iter().any(|k| &k.name == c), "category {c:?}");
                    }
                }
            }
        });
}
