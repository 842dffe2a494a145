use bolero::check;
use utter::extract::resolve_due;
use utter::model::Due;

use super::support::{ITERATIONS, nows, text};

/// A phrase resolves to nothing or to a due date whose stored form reads back as itself.
#[test]
fn dates() {
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let phrase = text(bytes);
            for now in nows() {
                let Some(due) = resolve_due(&phrase, now) else {
                    continue;
                };
                let stored = due.to_string();
                assert_eq!(
                    stored.parse::<Due>().ok(),
                    Some(due),
                    "{phrase:?} at {now} gave {due:?}, stored as {stored:?}"
                );
                assert_eq!(resolve_due(&stored, now), Some(due));
            }
        });
}
