//! Cutting a sentence into clauses: at commas, colons and semicolons, and at "and" / "then" /
//! "so" when what follows is a new command ("water the plants and take the car in").

use std::sync::LazyLock;

use regex::Regex;

use super::filler::{retracted_object, retracts_previous, strip_lead};
use super::lexicon::{any_verb_from_gerund, bare, opens_command};
use super::outcomes::{needs, wanted_outcome};

/// A clause as a byte range of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clause {
    pub start: usize,
    pub end: usize,
    /// Joined to the previous clause by a bare "and": the two may share a trailing date
    /// ("water the plants and feed the fish before Friday").
    pub and_link: bool,
    /// Followed by a colon: a header for what comes next ("Things for tomorrow: ...").
    pub header: bool,
}

static CONJ: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\s(?:and\s+then|and\s+also|and|then|so|but|or|plus|also|after\s+that)\s+").ok()
});

/// "no wait not her", "wait no I mean Oskar", "actually no she had it": a correction said in
/// one breath with what it corrects to, cut after the correction.
static CORRECTION_LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:oh|um+|uh+|and|but|okay|ok)[\s,]+)*(?:no[\s,]+wait|wait[\s,]+no|no[\s,]+no|actually[\s,]+no|no[\s,]+sorry|(?:sorry|wait|no)[\s,]+i\s+mean)(?:[\s,]+i\s+mean)?[\s,]+").ok()
});

/// Splits `masked` (the sentence with date phrases blanked out, same byte offsets as `orig`).
pub(crate) fn split_clauses(orig: &str, masked: &str) -> Vec<Clause> {
    let mut out = Vec::new();
    for (start, end, header) in punctuation_pieces(masked) {
        let piece = &masked[start..end];
        let mut last = 0;
        let mut and_link = false;
        if let Some(re) = CONJ.as_ref() {
            for m in re.find_iter(piece) {
                if m.start() < last {
                    continue;
                }
                // Only "at least two" matters: counting all of them again from the last
                // split made a long run of joining "and"s quadratic.
                let left_words = piece[last..m.start()].split_whitespace().take(2).count();
                // "the swimming lessons and the piano lessons both need paying" is one
                // subject: only a "so" / "but" / "then" starts a need of its own.
                let joins_nouns = matches!(m.as_str().trim(), "and" | "or" | "plus");
                let then = m.as_str().to_lowercase().contains("then");
                if left_words >= 2 && starts_action(&piece[m.end()..], !joins_nouns, then) {
                    out.push(Clause {
                        start: start + last,
                        end: start + m.start(),
                        and_link,
                        header: false,
                    });
                    and_link = m.as_str().trim().eq_ignore_ascii_case("and");
                    last = m.start() + 1;
                }
            }
        }
        out.push(Clause {
            start: start + last,
            end,
            and_link,
            header,
        });
    }
    let mut out: Vec<Clause> = out
        .into_iter()
        .flat_map(|c| split_correction(masked, c))
        .collect();
    // A clause that was only a date ("no wait, Friday") stays: it corrects the item before it.
    out.retain(|c| {
        orig.get(c.start..c.end)
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    });
    out
}

fn split_correction(masked: &str, c: Clause) -> Vec<Clause> {
    let Some(m) = CORRECTION_LEAD
        .as_ref()
        .and_then(|re| re.find(&masked[c.start..c.end]))
    else {
        return vec![c];
    };
    let cut = c.start + m.end();
    if !masked[cut..c.end].chars().any(char::is_alphanumeric) {
        return vec![c];
    }
    vec![
        Clause {
            end: cut,
            header: false,
            ..c
        },
        Clause {
            start: cut,
            end: c.end,
            and_link: false,
            header: c.header,
        },
    ]
}

/// `needs_too`: a thing that "needs doing" starts a clause too (after "so", not "and");
/// `then`: after "then", so does the next step of a plan ("… and then varnishing them").
fn starts_action(rest: &str, needs_too: bool, then: bool) -> bool {
    // Only how the rest opens matters; a megabyte said without a comma is read once, not
    // again from every "and".
    let rest = opening(rest);
    // "… by tomorrow so he can practise": what someone else can then do is no new item.
    let mut opening_words = rest.split_whitespace().map(bare);
    let first = opening_words.next().unwrap_or_default();
    let second = opening_words.next().unwrap_or_default();
    let others_can = matches!(first.as_str(), "he" | "she" | "they" | "it")
        && matches!(
            second.as_str(),
            "can" | "could" | "will" | "would" | "might"
        )
        || matches!(
            first.as_str(),
            "he'll" | "she'll" | "they'll" | "he'd" | "she'd" | "they'd"
        );
    if others_can {
        return false;
    }
    let pos = strip_lead(rest);
    let rest = &rest[pos..];
    // "… is on Monday so I need the doc over to them", "… so the nursery needs tidying".
    let pronoun = rest.split_whitespace().next().is_some_and(|w| {
        matches!(
            bare(w).as_str(),
            "i" | "we" | "you" | "they" | "he" | "she" | "it" | "that" | "this"
        )
    });
    // "… and then varnishing them on the Tuesday", "and then Friday I'm re-caulking the
    // bath": the next step of a plan said with "-ing".
    let plan = ["I'm ", "i'm ", "we're ", "We're "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let next_step = then
        && plan.split_once(' ').is_some_and(|(first, tail)| {
            any_verb_from_gerund(first).is_some_and(|v| opens_command(&format!("{v} {tail}")))
        });
    // "… he'd get the oat milk on his way home so scratch that": a take-back of its own.
    let take_back = retracts_previous(rest) || retracted_object(rest).is_some();
    opens_command(rest)
        || take_back
        || wanted_outcome(rest).is_some()
        || (needs_too && !pronoun && needs(rest).is_some())
        || next_step
}

/// The first 40 words of `text` (at most 400 bytes, cut at a word).
fn opening(text: &str) -> &str {
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let cut = head
        .match_indices(char::is_whitespace)
        .nth(40)
        .map_or(head.len(), |(k, _)| k);
    // Keep a word that the byte limit split in half out.
    let cut = if end < text.len() && cut == head.len() {
        head.rfind(char::is_whitespace).unwrap_or(head.len())
    } else {
        cut
    };
    &text[..cut]
}

/// Pieces between , ; : ( ) and " - ", with whether each ended at a colon.
fn punctuation_pieces(s: &str) -> Vec<(usize, usize, bool)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        let cut = match b {
            b';' | b'(' | b')' => true,
            b',' | b':' => !(prev_digit && next_digit),
            b'-' => i > 0 && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' '),
            _ => false,
        };
        if cut {
            out.push((start, i, b == b':'));
            start = i + 1;
        }
        i += 1;
    }
    out.push((start, s.len(), false));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        split_clauses(s, s)
            .into_iter()
            .map(|c| s[c.start..c.end].trim())
            .collect()
    }

    #[test]
    fn splits_on_commas_and_action_conjunctions() {
        assert_eq!(
            pieces("water the plants on Saturday and take the car in for service"),
            vec![
                "water the plants on Saturday",
                "and take the car in for service"
            ]
        );
        assert_eq!(
            pieces("Send Kevin the contract and the NDA"),
            vec!["Send Kevin the contract and the NDA"]
        );
        assert_eq!(
            pieces("Grocery list: eggs, bread, coffee"),
            vec!["Grocery list", "eggs", "bread", "coffee"]
        );
        assert_eq!(
            pieces("pick up Lily and then take her to the orthodontist and then get gas"),
            vec![
                "pick up Lily",
                "and then take her to the orthodontist",
                "and then get gas"
            ]
        );
        assert_eq!(
            pieces("meet at 15:30, 1,000 times"),
            vec!["meet at 15:30", "1,000 times"]
        );
    }

    #[test]
    fn marks_headers_and_and_links() {
        let s = "Things for tomorrow: call the vet and feed the fish";
        let c = split_clauses(s, s);
        assert!(c[0].header);
        assert!(!c[1].and_link);
        assert!(c[2].and_link);
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("clauses.rs"),
            &[
                ("CONJ", super::CONJ.is_some()),
                ("CORRECTION_LEAD", super::CORRECTION_LEAD.is_some()),
            ],
        );
    }
}
