//! Turning the words of a command into a short task title, and what is left into a description.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::Regex;

use super::dates::{Counting, find_dates_with};
use super::lexicon::{bare, is_determiner, is_particle, is_preposition, is_pronoun, is_soft_tail};
use super::priority::cue_spans;

const MAX_TITLE_CHARS: usize = 90;

static AT_THE_LATEST: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\bat\s+the\s+(?:very\s+)?latest\b").ok());

/// "do it first thing tomorrow": when in the day, said beside the date.
static FIRST_THING: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:at\s+)?first\s+thing(?:\s+in\s+the\s+morning)?\b").ok());

/// Where a trailing reason or condition starts: "follow up with Globex | if they haven't replied".
static TAIL_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\s(?:if|because|cause|since|so\s+that|in\s+case|unless|once|as\s+soon\s+as|when|while|before\s+(?:leaving|going|heading|we|i|they|he|she|you)|otherwise|cuz|even\s+though|although|though)\b").ok()
});

/// Verbs whose object is a question ("ask Tom if he knows anyone"): the "if" part is the point.
const KEEP_IF: &[&str] = &[
    "ask", "check", "see", "find", "figure", "confirm", "decide", "verify", "know", "email",
    "text", "call", "message", "ping",
];

/// Dangling words once dates and cues are gone: "send the report by" -> "send the report".
const DANGLING: &[&str] = &[
    "by", "on", "for", "at", "before", "until", "till", "in", "due", "from", "around", "and", "or",
    "but", "the", "a", "that's", "thats", "it's", "which", "is", "so", "of", "to", "with", "like",
    "um", "uh", "sometime",
];

/// A cleaned title plus any trailing context that belongs in the description.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Titled {
    pub title: String,
    pub rest: Option<String>,
}

/// Removes date phrases, priority cues and trailing padding; splits off a trailing condition.
pub(crate) fn make_title(text: &str, now: NaiveDateTime) -> Titled {
    make_title_with(text, now, Counting::Said(&[]))
}

/// `make_title`, with the things dated earlier: "two days before the gig" is a date too.
pub(crate) fn make_title_with(text: &str, now: NaiveDateTime, counting: Counting) -> Titled {
    let mut spans: Vec<(usize, usize)> = find_dates_with(text, now, counting)
        .into_iter()
        .filter(|h| !h.possessive && !text[..h.start].trim_end().to_lowercase().ends_with(" to"))
        .map(|h| (h.start, h.end))
        .collect();
    spans.extend(cue_spans(text));
    // "tomorrow at the latest": the hedge goes with the date it softens.
    if let Some(re) = AT_THE_LATEST.as_ref() {
        spans.extend(re.find_iter(text).map(|m| (m.start(), m.end())));
    }
    // Not "the first thing is to call the bank": there it is no time.
    if let Some(re) = FIRST_THING.as_ref() {
        spans.extend(
            re.find_iter(text)
                .filter(|m| !text[..m.start()].to_lowercase().ends_with("the "))
                .map(|m| (m.start(), m.end())),
        );
    }
    spans.sort_unstable();
    let mut cleaned = String::with_capacity(text.len());
    let mut pos = 0;
    for (s, e) in spans {
        if s >= pos {
            cleaned.push_str(&text[pos..s]);
            cleaned.push(' ');
            pos = e;
        } else if e > pos {
            pos = e;
        }
    }
    cleaned.push_str(text.get(pos..).unwrap_or_default());

    let first = cleaned
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    let mut rest = None;
    if !KEEP_IF.contains(&first.as_str())
        && let Some(m) = TAIL_RE.as_ref().and_then(|re| re.find(&cleaned))
        && cleaned[..m.start()].split_whitespace().count() >= 2
    {
        rest = Some(tidy(&cleaned[m.start()..]));
        cleaned.truncate(m.start());
    }

    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut popped = false;
    while let Some(last) = words.last() {
        let b = bare(last);
        // "get the car looked at", "get the boiler seen to": the particle is the verb's.
        let verbs_own = words.len() > 1
            && matches!(
                (bare(words[words.len() - 2]).as_str(), b.as_str()),
                ("looked", "at") | ("seen", "to") | ("sorted", "out") | ("dealt", "with")
            );
        if words.len() > 1
            && !verbs_own
            && (is_soft_tail(&b) || DANGLING.contains(&b.as_str()) || b.is_empty())
        {
            popped |= b == "anymore";
            words.pop();
        } else {
            break;
        }
    }
    // Two-word tails like "as well".
    if words.len() > 2
        && words[words.len() - 2..]
            .iter()
            .map(|w| bare(w))
            .collect::<Vec<_>>()
            == ["as", "well"]
    {
        words.truncate(words.len() - 2);
    }
    // "the moodboard's not urgent anymore": with the rest gone, the "'s" was "is" ("get
    // Sam's too" keeps its own).
    if popped
        && let Some(last) = words.last_mut()
        && let Some(stem) = last.strip_suffix("'s")
    {
        *last = stem;
    }
    let mut title = tidy(&words.join(" "));
    if title.chars().count() > MAX_TITLE_CHARS {
        let cut = title
            .char_indices()
            .take_while(|(i, _)| *i <= MAX_TITLE_CHARS)
            .filter(|(_, c)| *c == ' ')
            .map(|(i, _)| i)
            .last()
            .unwrap_or(title.len());
        let overflow = title[cut..].trim().to_string();
        title.truncate(cut);
        if !overflow.is_empty() {
            rest = Some(match rest {
                Some(r) => format!("...{overflow} {r}"),
                None => format!("...{overflow}"),
            });
        }
    }
    Titled {
        title: capitalize(&title),
        rest: rest.filter(|r| r.split_whitespace().count() >= 2),
    }
}

/// True when nothing but pronouns and particles follow the verb: "do it", "set that up".
pub(crate) fn pronoun_only(title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    // "get them done", "get it sorted": the words say only that the thing gets finished.
    let finished = |w: &&str| {
        matches!(
            bare(w).as_str(),
            "done" | "sorted" | "finished" | "handled" | "fixed" | "booked" | "dealt" | "with"
        )
    };
    // "grab some", "get some more": the thing named before; "do it myself": no object.
    let stands_for = |w: &&str| is_pronoun(w) || matches!(bare(w).as_str(), "some" | "more");
    let reflexive = |w: &&str| {
        matches!(
            bare(w).as_str(),
            "myself" | "ourselves" | "yourself" | "himself" | "herself" | "themselves"
        )
    };
    // "grab some on the way over": what follows "some" only says where or when.
    let some_then_place = words.len() >= 2
        && bare(words[1]) == "some"
        && words[2..]
            .iter()
            .find(|w| bare(w) != "more")
            .is_none_or(|w| is_preposition(w));
    some_then_place
        || words.len() >= 2
            && words[1..].iter().any(stands_for)
            && words[1..].iter().all(|w| {
                stands_for(w) || is_particle(w) || is_soft_tail(w) || finished(w) || reflexive(w)
            })
}

/// "write it up" + "the outage postmortem" -> "write up the outage postmortem"; "get that
/// fixed" + "the ladder rack" -> "fix the ladder rack".
pub(crate) fn replace_pronoun(title: &str, np: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let Some(verb) = words.first() else {
        return np.to_string();
    };
    if matches!(bare(verb).as_str(), "get" | "have")
        && let Some(v) = words[1..]
            .iter()
            .find_map(|w| super::outcomes::verb_of_participle(w))
    {
        return capitalize(&format!("{v} {np}"));
    }
    // "write it up": particles among the pronouns after the verb; not "on the way over".
    let mut particles: Vec<&str> = Vec::new();
    for (k, w) in words.iter().enumerate().skip(1) {
        // "on the way": a preposition with its own object is a place, not the verb's particle.
        let starts_phrase = words.get(k + 1).is_some_and(|n| is_determiner(n));
        if is_particle(w) && !starts_phrase {
            particles.push(w);
        } else if !(is_pronoun(w) || is_soft_tail(w) || matches!(bare(w).as_str(), "some" | "more"))
        {
            break;
        }
    }
    let mut out = vec![verb.to_string()];
    out.extend(particles.iter().map(|p| p.to_string()));
    out.push(np.to_string());
    capitalize(&out.join(" "))
}

/// Trims stray punctuation and spaces at both ends.
pub(crate) fn tidy(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let tidied = joined
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, ',' | ';' | ':' | '-' | '.' | '!' | '?' | '"' | '(' | ')')
        })
        .replace(" ,", ",");
    // "My nursing council registration (renewal fees)": a bracket opened inside is closed.
    if tidied.matches('(').count() > tidied.matches(')').count() && joined.trim_end().ends_with(')')
    {
        format!("{tidied})")
    } else {
        tidied
    }
}

/// "The milk order" said mid-title: only a leading determiner loses its capital; a name
/// ("Mrs Achterberg") keeps it.
pub(crate) fn lower_determiner(s: &str) -> String {
    let s = s.trim();
    match s.split_once(' ') {
        Some((det, rest)) if super::lexicon::is_determiner(det) => {
            format!("{} {rest}", det.to_lowercase())
        }
        _ => s.to_string(),
    }
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 2)
            .and_then(|d| d.and_hms_opt(14, 30, 0))
            .unwrap_or_default()
    }

    fn t(s: &str) -> String {
        make_title(s, now()).title
    }

    #[test]
    fn strips_dates_cues_and_padding() {
        assert_eq!(
            t("call Joe from Acme about the renewal tomorrow"),
            "Call Joe from Acme about the renewal"
        );
        assert_eq!(
            t("call Joe from Acme tomorrow about the renewal"),
            "Call Joe from Acme about the renewal"
        );
        assert_eq!(t("send Kevin the invoice too"), "Send Kevin the invoice");
        assert_eq!(t("fix the broken build ASAP"), "Fix the broken build");
        assert_eq!(t("renew my passport at some point"), "Renew my passport");
        assert_eq!(
            t("print the handouts for tomorrow's workshop"),
            "Print the handouts for tomorrow's workshop"
        );
        assert_eq!(
            t("submit the essay by Thursday midnight"),
            "Submit the essay"
        );
    }

    #[test]
    fn splits_off_conditions() {
        let r = make_title(
            "follow up with the Globex lead in three days if they haven't replied",
            now(),
        );
        assert_eq!(r.title, "Follow up with the Globex lead");
        assert_eq!(r.rest.as_deref(), Some("if they haven't replied"));
        assert_eq!(
            t("ask Tom if he knows anyone"),
            "Ask Tom if he knows anyone"
        );
    }

    #[test]
    fn handles_pronouns() {
        assert!(pronoun_only("write it up"));
        assert!(pronoun_only("Do it"));
        assert!(!pronoun_only("circulate it to leadership"));
        assert!(pronoun_only("get them done"));
        assert!(pronoun_only("Get it sorted"));
        assert_eq!(
            replace_pronoun("write it up", "the outage postmortem"),
            "Write up the outage postmortem"
        );
    }

    #[test]
    fn caps_long_titles() {
        let long = "write ".to_string() + &"very ".repeat(40) + "long report";
        let r = make_title(&long, now());
        assert!(r.title.chars().count() <= MAX_TITLE_CHARS + 1);
        assert!(r.rest.is_some());
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("title.rs"),
            &[
                ("TAIL_RE", super::TAIL_RE.is_some()),
                ("AT_THE_LATEST", super::AT_THE_LATEST.is_some()),
                ("FIRST_THING", super::FIRST_THING.is_some()),
            ],
        );
    }
}
