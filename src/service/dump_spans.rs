//! Which seconds of a recording a card came from: the transcript segments that say the
//! card's words. Works the same for the offline engine's and the language model's cards,
//! since both only give back text.

use std::collections::HashSet;

use super::refine::content_words;
use crate::stt::Segment;

/// Words match when they share a stem-ish prefix: "renewal"/"renew", "flights"/"flight".
fn same_word(a: &str, b: &str) -> bool {
    let n = a.chars().count().min(b.chars().count()).min(5);
    a == b || (n >= 4 && a.chars().take(n).eq(b.chars().take(n)))
}

fn hits(words: &HashSet<String>, segment: &Segment) -> HashSet<String> {
    let said = content_words(&segment.text);
    words
        .iter()
        .filter(|w| said.iter().any(|s| same_word(w, s)))
        .cloned()
        .collect()
}

/// The span (start, end in ms) of the segments that say `title` (and `description`): the
/// best-matching segment, grown over neighbours that say more of its words. `None` when no
/// segment shares a word with it.
pub fn card_span(
    title: &str,
    description: Option<&str>,
    segments: &[Segment],
) -> Option<(u64, u64)> {
    let mut words = content_words(title);
    if words.is_empty() {
        words = content_words(description.unwrap_or_default());
    }
    let scored: Vec<HashSet<String>> = segments.iter().map(|s| hits(&words, s)).collect();
    let (best, found) = scored
        .iter()
        .enumerate()
        .max_by_key(|(i, h)| (h.len(), std::cmp::Reverse(*i)))?;
    if found.is_empty() {
        return None;
    }
    let mut covered = found.clone();
    let (mut first, mut last) = (best, best);
    while last + 1 < segments.len() && !scored[last + 1].is_subset(&covered) {
        last += 1;
        covered.extend(scored[last].iter().cloned());
    }
    while first > 0 && !scored[first - 1].is_subset(&covered) {
        first -= 1;
        covered.extend(scored[first].iter().cloned());
    }
    Some((segments[first].start_ms, segments[last].end_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(start: u64, end: u64, text: &str) -> Segment {
        Segment {
            start_ms: start,
            end_ms: end,
            text: text.into(),
        }
    }

    #[test]
    fn each_card_gets_the_seconds_that_say_it() {
        let segs = [
            seg(0, 2_400, "Call Joe tomorrow about the renewal."),
            seg(3_300, 5_900, "The Henderson proposal is due on Friday."),
            seg(6_800, 9_000, "Remind me to book flights to Berlin."),
        ];
        assert_eq!(
            card_span("Call Joe about the renewal", None, &segs),
            Some((0, 2_400))
        );
        assert_eq!(
            card_span("Finish the Henderson proposal", None, &segs),
            Some((3_300, 5_900))
        );
        assert_eq!(
            card_span("Book flight to Berlin", None, &segs),
            Some((6_800, 9_000))
        );
        assert_eq!(card_span("Water the plants", None, &segs), None);
        assert_eq!(card_span("Joe", None, &[]), None);
        // Not ASCII: compared by characters, never cut inside one.
        let umlaut = [seg(0, 900, "Überweisung für Müller prüfen")];
        assert_eq!(
            card_span("Überweisungen prüfen", None, &umlaut),
            Some((0, 900))
        );
    }

    #[test]
    fn a_card_said_across_two_segments_spans_both() {
        let segs = [
            seg(0, 1_500, "Email Priya the Acme contract,"),
            seg(1_600, 3_000, "and the invoice for November."),
            seg(4_000, 5_000, "Buy milk."),
        ];
        assert_eq!(
            card_span(
                "Email Priya the Acme contract and November invoice",
                None,
                &segs
            ),
            Some((0, 3_000))
        );
    }
}
