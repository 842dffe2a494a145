//! A prompt may only bring in the user's words. Whisper reads an initial prompt as text said
//! just before, and that helps it spell names ("Call Rajat, who leaps out…" → "Call Raj at
//! Hooli…") but can also cost words: after "I talked with Acme, Joe." the live recording
//! "Call Joe tomorrow…" came back "I'll talk to Mario…", and "Order new toner…" came back
//! "Or the new toner…". So a clip with a vocabulary is transcribed twice, plainly and with the
//! prompt, and the two are aligned word by word: where they differ, the prompted words are
//! taken only when they bring in a vocabulary word that the plain pass did not hear, in place
//! of words it did hear. Everything else is the plain pass.

use std::collections::HashSet;

use super::SttError;
use super::engine::{Segment, Transcript};
use super::vocabulary::Vocabulary;

impl Vocabulary {
    /// Runs `pass` (one Whisper call over the clip, given a prompt or none) plainly and, when
    /// there is a `prompt` and the plain pass heard something, with it; merges the two (see
    /// the module) and applies the replacements. Without a prompt this is one plain call.
    pub fn transcribe(
        &self,
        prompt: Option<&str>,
        mut pass: impl FnMut(Option<&str>) -> Result<Transcript, SttError>,
    ) -> Result<Transcript, SttError> {
        let plain = pass(None)?;
        let heard = match prompt {
            Some(p) if !plain.segments.is_empty() => {
                let mut prompted = pass(Some(p))?;
                prompted.segments.retain(|s| !self.is_echo(&s.text));
                merge(&plain, &prompted, self)
            }
            _ => plain,
        };
        let segments: Vec<Segment> = heard
            .segments
            .into_iter()
            .map(|s| Segment {
                text: self.apply(&s.text),
                ..s
            })
            .collect();
        Ok(Transcript {
            text: Transcript::join(&segments),
            segments,
            language: heard.language,
        })
    }
}

/// `plain` with the stretches where `prompted` heard one of `vocabulary`'s words instead.
/// Timestamps are the plain pass's; a word taken from the prompted pass goes in the segment
/// of the plain words it replaces.
pub(crate) fn merge(
    plain: &Transcript,
    prompted: &Transcript,
    vocabulary: &Vocabulary,
) -> Transcript {
    let words = vocabulary_words(vocabulary);
    let a = tokens(&plain.segments);
    let b = tokens(&prompted.segments);
    let mut out: Vec<(usize, &str)> = Vec::with_capacity(a.len());
    let mut run_a: Vec<&Token<'_>> = Vec::new();
    let mut run_b: Vec<&Token<'_>> = Vec::new();
    for step in align(&a, &b) {
        match step {
            Step::Same(i, _) => {
                flush(&mut run_a, &mut run_b, &mut out, &words);
                out.push((a[i].segment, a[i].text));
            }
            Step::OnlyPlain(i) => run_a.push(&a[i]),
            Step::OnlyPrompted(j) => run_b.push(&b[j]),
            Step::Changed(i, j) => {
                run_a.push(&a[i]);
                run_b.push(&b[j]);
            }
        }
    }
    flush(&mut run_a, &mut run_b, &mut out, &words);

    let segments: Vec<Segment> = plain
        .segments
        .iter()
        .enumerate()
        .filter_map(|(si, s)| {
            let text: Vec<&str> = out
                .iter()
                .filter(|(o, _)| *o == si)
                .map(|(_, t)| *t)
                .collect();
            (!text.is_empty()).then(|| Segment {
                text: text.join(" "),
                ..s.clone()
            })
        })
        .collect();
    Transcript {
        text: Transcript::join(&segments),
        segments,
        language: plain.language.clone(),
    }
}

/// Ends a stretch where the passes differ: the prompted words if they bring in a vocabulary
/// word the plain pass did not hear, in place of words it did hear; else the plain words.
fn flush<'a>(
    run_a: &mut Vec<&Token<'a>>,
    run_b: &mut Vec<&Token<'a>>,
    out: &mut Vec<(usize, &'a str)>,
    words: &HashSet<String>,
) {
    let heard: HashSet<&str> = run_a.iter().map(|t| t.key.as_str()).collect();
    let brings_a_name = run_b
        .iter()
        .any(|t| words.contains(&t.key) && !heard.contains(t.key.as_str()));
    match run_a.first() {
        // Only in place of words the plain pass heard: a prompt never adds speech.
        Some(first) if brings_a_name => out.extend(run_b.iter().map(|t| (first.segment, t.text))),
        _ => out.extend(run_a.iter().map(|t| (t.segment, t.text))),
    }
    run_a.clear();
    run_b.clear();
}

struct Token<'a> {
    /// As written, punctuation included.
    text: &'a str,
    /// Lowercase letters, digits and apostrophes: what is compared.
    key: String,
    segment: usize,
}

fn tokens(segments: &[Segment]) -> Vec<Token<'_>> {
    segments
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            s.text.split_whitespace().map(move |w| Token {
                text: w,
                key: key(w),
                segment: si,
            })
        })
        .collect()
}

fn key(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric() || *c == '\'')
        .flat_map(char::to_lowercase)
        .collect()
}

fn vocabulary_words(v: &Vocabulary) -> HashSet<String> {
    v.terms()
        .iter()
        .flat_map(|t| t.split_whitespace().map(key))
        .filter(|k| !k.is_empty())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Same(usize, usize),
    Changed(usize, usize),
    OnlyPlain(usize),
    OnlyPrompted(usize),
}

/// Word-level edit alignment (Levenshtein), in order.
fn align(a: &[Token<'_>], b: &[Token<'_>]) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    let mut cost = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in cost.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, c) in cost[0].iter_mut().enumerate() {
        *c = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let sub = cost[i - 1][j - 1] + usize::from(a[i - 1].key != b[j - 1].key);
            cost[i][j] = sub.min(cost[i - 1][j] + 1).min(cost[i][j - 1] + 1);
        }
    }
    let mut steps = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 {
            let same = a[i - 1].key == b[j - 1].key;
            if cost[i][j] == cost[i - 1][j - 1] + usize::from(!same) {
                steps.push(if same {
                    Step::Same(i - 1, j - 1)
                } else {
                    Step::Changed(i - 1, j - 1)
                });
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if i > 0 && cost[i][j] == cost[i - 1][j] + 1 {
            steps.push(Step::OnlyPlain(i - 1));
            i -= 1;
        } else {
            steps.push(Step::OnlyPrompted(j - 1));
            j -= 1;
        }
    }
    steps.reverse();
    steps
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::VocabularyEntry;
    use crate::stt::VocabularySources;

    fn vocab(words: &[&str]) -> Vocabulary {
        let entries: Vec<VocabularyEntry> = words
            .iter()
            .map(|w| VocabularyEntry {
                id: 0,
                word: (*w).into(),
                replace_from: None,
                created_at: String::new(),
            })
            .collect();
        Vocabulary::build(VocabularySources {
            entries: &entries,
            ..Default::default()
        })
    }

    fn t(parts: &[&str]) -> Transcript {
        let segments: Vec<Segment> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| Segment {
                start_ms: i as u64 * 1000,
                end_ms: i as u64 * 1000 + 900,
                text: (*p).into(),
            })
            .collect();
        Transcript {
            text: Transcript::join(&segments),
            segments,
            language: Some("en".into()),
        }
    }

    fn merged(plain: &[&str], prompted: &[&str], words: &[&str]) -> String {
        merge(&t(plain), &t(prompted), &vocab(words)).text
    }

    #[test]
    fn names_come_from_the_prompted_pass() {
        assert_eq!(
            merged(
                &["Call Rajat, who leaps out the romance renewal."],
                &["Call Raj at Hooli about the Globex renewal."],
                &["Raj", "Hooli", "Globex"]
            ),
            "Call Raj at Hooli about the Globex renewal."
        );
        assert_eq!(
            merged(
                &["Send the ITEC invoice."],
                &["Send the Initech invoice."],
                &["Initech"]
            ),
            "Send the Initech invoice."
        );
    }

    #[test]
    fn words_the_prompt_cost_are_kept_from_the_plain_pass() {
        let words = ["Acme", "Joe", "Kevin"];
        // Reworded without bringing in a name it did not hear already.
        assert_eq!(
            merged(
                &["Call Joe tomorrow about the renewal."],
                &["I'll talk to Mario about the renewal."],
                &words
            ),
            "Call Joe tomorrow about the renewal."
        );
        assert_eq!(
            merged(&["Order new toner."], &["Or the new toner."], &words),
            "Order new toner."
        );
        // Dropped words stay.
        assert_eq!(
            merged(
                &["Email Priya the Acme Corp contract tomorrow."],
                &["Contract tomorrow."],
                &["Priya", "Acme Corp"]
            ),
            "Email Priya the Acme Corp contract tomorrow."
        );
    }

    #[test]
    fn a_prompt_never_adds_speech() {
        // The prompt's names where the plain pass heard nothing (silence, an echo).
        assert_eq!(
            merged(&["Buy milk."], &["I talked with Joe. Buy milk."], &["Joe"]),
            "Buy milk."
        );
        assert_eq!(merged(&[], &["Joe, Kevin."], &["Joe", "Kevin"]), "");
    }

    #[test]
    fn timestamps_and_segments_are_the_plain_passes() {
        let out = merge(
            &t(&["Call Rajat tomorrow.", "Then buy milk."]),
            &t(&["Call Raj tomorrow. Then buy milk."]),
            &vocab(&["Raj"]),
        );
        assert_eq!(out.segments.len(), 2);
        assert_eq!(out.segments[0].text, "Call Raj tomorrow.");
        assert_eq!(out.segments[1].text, "Then buy milk.");
        assert_eq!(out.segments[1].start_ms, 1000);
    }
}
