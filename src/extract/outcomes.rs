//! Needs said as outcomes: "I need the slides finished by Thursday", "by the end of the
//! month I want the photo books ordered, the insurance renewed and a spare key cut". The
//! thing is named first and what should happen to it comes after, as a participle.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::is_date_word;
use super::lexicon::{
    bare, is_any_verb, is_determiner, is_finite, is_particle, is_preposition, verb_from_gerund,
};

/// "I need", "we'd like", "I have to get": the speaker wants what follows to happen.
static WANT_PREFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:before|by|after|until|for|on|at|in)\s+(?:\S+\s+){0,4}?)?(?:i|we)(?:'d\s+(?:really\s+)?like|\s+(?:(?:really|just|also|still|definitely|absolutely)\s+)*(?:need|want|would\s+like|(?:need|have|want|got)\s+to\s+(?:get|have)|gotta\s+(?:get|have)|must\s+(?:get|have)))\s+").ok()
});

/// "I still haven't replied to Ingrid's email": what is still to do.
static NOT_YET: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:i|we)\s+(?:still\s+)?(?:haven't|have\s+not|havent|'ve\s+not|never)\s+(?:actually\s+|even\s+|yet\s+|got\s+round\s+to\s+|gotten\s+around\s+to\s+)?(\S+)\s+(.+?)(?:\s+yet)?\W*$").ok()
});

/// The to-do in "I still haven't replied to Ingrid's email" -> "reply to Ingrid's email".
pub(crate) fn not_yet_done(content: &str) -> Option<String> {
    let c = NOT_YET.as_ref()?.captures(content.trim())?;
    let word = c.get(1)?.as_str();
    let rest = c.get(2)?.as_str().trim();
    let verb = match participle_verb(word)? {
        Verb::Base(v) => v,
        Verb::Finished(_) => return None,
    };
    Some(format!("{verb} {rest}"))
}

/// "The expense report needs submitting", "the runbook has to be updated".
static NEEDS_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)\s+(?:needs|need|has\s+to\s+be|have\s+to\s+be|must\s+be|should\s+be|still\s+needs)\s+(?:to\s+be\s+)?(.+)$").ok()
});

/// Participles whose verb is not the word less "-ed".
const IRREGULAR: &[(&str, &str)] = &[
    ("sent", "send"),
    ("built", "build"),
    ("cut", "cut"),
    ("put", "put"),
    ("set", "set"),
    ("paid", "pay"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("made", "make"),
    ("written", "write"),
    ("taken", "take"),
    ("given", "give"),
    ("hung", "hang"),
    ("swept", "sweep"),
    ("shown", "show"),
    ("fed", "feed"),
    ("dug", "dig"),
    ("sewn", "sew"),
    ("mown", "mow"),
    ("drawn", "draw"),
    ("thrown", "throw"),
    ("brought", "bring"),
    ("caught", "catch"),
    ("rewritten", "rewrite"),
    ("redone", "redo"),
];

/// Words that say only that the thing gets finished: "the report done", "the room ready".
/// "the bins out", "the drill back", "the application in": where the thing should end up.
const FINISHED: &[&str] = &[
    "done", "sorted", "ready", "dealt", "squared", "out", "up", "back", "in", "over", "across",
    "off",
];

/// The text of a to-do when `content` is a want said as an outcome, else None.
pub(crate) fn wanted_outcome(content: &str) -> Option<String> {
    wanted_outcomes(content).into_iter().next()
}

/// Every thing wanted in "I need the shed painted and the bins out".
pub(crate) fn wanted_outcomes(content: &str) -> Vec<String> {
    let content = content.trim();
    match WANT_PREFIX.as_ref().and_then(|re| re.find(content)) {
        Some(m) => outcomes(&content[m.end()..]),
        None => Vec::new(),
    }
}

/// "the slides finished" -> "finish the slides"; "a spare key cut for the cleaner" ->
/// "cut a spare key for the cleaner"; "the spare room ready" -> "get the spare room ready".
/// Every outcome in "the shed painted and the bins out": one per thing.
pub(crate) fn outcomes(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = phrase.to_string();
    while let Some((text, next)) = one_outcome(&rest) {
        out.push(text);
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    out
}

/// The first outcome in `phrase`, and what follows its "and", if anything.
fn one_outcome(phrase: &str) -> Option<(String, Option<String>)> {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    // "so that means the bed built": what the want comes down to.
    if words.len() > 2
        && matches!(bare(words[0]).as_str(), "that" | "which")
        && bare(words[1]) == "means"
    {
        words.drain(..2);
    }
    if !words
        .first()
        .is_some_and(|w| is_determiner(w) || is_demonstrative(w))
    {
        return None;
    }
    // The thing is a short noun phrase: the participle comes within its first six words.
    let (k, verb) = words
        .iter()
        .enumerate()
        .take(11)
        .skip(2)
        .find_map(|(k, w)| participle_verb(w).map(|v| (k, v)))?;
    let thing = &words[..k];
    if thing.iter().any(|w| is_finite(w) || w.ends_with(',')) {
        return None;
    }
    let thing = thing.join(" ");
    // "the bed built and the curtains up": one outcome per clause; the next is its own.
    let after: Vec<&str> = words[k + 1..]
        .iter()
        .copied()
        .take_while(|w| bare(w) != "and")
        .collect();
    let next = words
        .get(k + 2 + after.len()..)
        .filter(|w| !w.is_empty())
        .map(|w| w.join(" "));
    let after = after.as_slice();
    // "the lessons learned doc": a participle before a noun describes it.
    if after.first().is_some_and(|w| describes_next(w)) {
        return None;
    }
    // "the backup job failed again last night": what happened, not what is wanted.
    let happened = after.iter().map(|w| bare(w)).any(|w| {
        matches!(
            w.as_str(),
            "again" | "yesterday" | "last" | "earlier" | "overnight" | "already"
        )
    }) || matches!(
        bare(words[k]).as_str(),
        "failed" | "crashed" | "broke" | "died" | "stopped" | "happened" | "arrived" | "started"
    );
    // "the smoke detector in the hallway keeps chirping": a verb of its own after it.
    let own_verb = after
        .iter()
        .take_while(|w| {
            !matches!(
                bare(w).as_str(),
                "while" | "before" | "when" | "so" | "because" | "as" | "if" | "until" | "since"
            )
        })
        .any(|w| is_finite(w));
    if happened || own_verb {
        return None;
    }
    let text = match verb {
        Verb::Finished(word) => {
            let tail = after.join(" ");
            format!("get {thing} {word} {tail}").trim().to_string()
        }
        Verb::Base(v) => {
            let particles = after.iter().take_while(|w| is_particle(w)).count();
            let particle = after[..particles].join(" ");
            let tail = after[particles..].join(" ");
            [v.as_str(), particle.as_str(), thing.as_str(), tail.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    Some((text, next))
}

/// Whether `next`, the word after a participle, is a noun the participle describes rather
/// than the rest of the outcome ("by Friday", "off today", "properly").
fn describes_next(next: &str) -> bool {
    let w = bare(next);
    !w.is_empty()
        && w.chars().all(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase)
        && !next.ends_with(',')
        && !is_particle(&w)
        && !is_preposition(&w)
        && !is_determiner(&w)
        && !is_date_word(&w)
        && !w.ends_with("ly")
        && !matches!(
            w.as_str(),
            "or" | "then"
                | "too"
                | "as"
                | "please"
                | "asap"
                | "first"
                | "again"
                | "soon"
                | "so"
                | "because"
                | "tonight"
                | "today"
                | "tomorrow"
                | "now"
                | "ideally"
                | "if"
                | "when"
                | "while"
                | "already"
                | "yet"
                | "though"
                | "instead"
                | "tho"
        )
}

enum Verb {
    Base(String),
    Finished(String),
}

/// "updated" -> "update", "sent" -> "send"; None for words that only say "finished".
pub(crate) fn verb_of_participle(word: &str) -> Option<String> {
    match participle_verb(word)? {
        Verb::Base(v) => Some(v),
        Verb::Finished(_) => None,
    }
}

/// "done", "ready", "sorted": the thing only has to be finished.
pub(crate) fn says_finished(word: &str) -> bool {
    FINISHED.contains(&bare(word).as_str())
}

fn is_demonstrative(word: &str) -> bool {
    matches!(bare(word).as_str(), "that" | "this" | "those" | "these")
}

fn participle_verb(word: &str) -> Option<Verb> {
    let w = bare(word);
    if FINISHED.contains(&w.as_str()) {
        return Some(Verb::Finished(w));
    }
    if let Some((_, v)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return Some(Verb::Base((*v).to_string()));
    }
    let stem = w.strip_suffix("ed")?;
    let mut candidates = vec![stem.to_string(), format!("{stem}e")];
    // "submitted" -> "submit", "tidied" -> "tidy".
    let b = stem.as_bytes();
    if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
        candidates.push(stem[..stem.len() - 1].to_string());
    }
    if let Some(s) = stem.strip_suffix('i') {
        candidates.push(format!("{s}y"));
    }
    candidates
        .into_iter()
        .find(|c| c.len() > 2 && is_any_verb(c))
        .map(Verb::Base)
}

/// "the swimming lessons and the piano lessons both need paying": one to-do per thing.
/// Empty unless the subject names two or more things.
pub(crate) fn needs_each(content: &str) -> Vec<String> {
    let Some(c) = NEEDS_RE.as_ref().and_then(|re| re.captures(content)) else {
        return Vec::new();
    };
    let (Some(subject), Some(what)) = (c.get(1), c.get(2)) else {
        return Vec::new();
    };
    let subject = subject.as_str().trim();
    let subject = ["both", "all", "all three", "each"]
        .iter()
        .find_map(|q| subject.strip_suffix(q))
        .unwrap_or(subject)
        .trim();
    let parts: Vec<&str> = subject.split(" and ").map(str::trim).collect();
    let things = parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.split_whitespace().next().is_some_and(is_determiner));
    if !things {
        return Vec::new();
    }
    parts
        .iter()
        .filter_map(|p| needs(&format!("{p} needs {}", what.as_str().trim())))
        .collect()
}

/// "the dentist appointment needs rescheduling" -> "reschedule the dentist appointment".
pub(crate) fn needs(content: &str) -> Option<String> {
    let c = NEEDS_RE.as_ref()?.captures(content)?;
    let subject = c.get(1)?.as_str().trim();
    let what = c.get(2)?.as_str().trim();
    if subject.split_whitespace().count() > 8 || what.is_empty() {
        return None;
    }
    // "the venue needs both by Monday": a date for items already said, no item itself.
    if what.split_whitespace().next().is_some_and(|w| {
        matches!(
            bare(w).as_str(),
            "it" | "them" | "both" | "all" | "that" | "those"
        )
    }) {
        return None;
    }
    // "The expense report needs submitting": the thing, without its capital, after the verb.
    let subject = match subject.split_once(' ') {
        Some((det, rest)) if is_determiner(det) => format!("{} {rest}", det.to_lowercase()),
        _ => subject.to_string(),
    };
    let first = what.split_whitespace().next().unwrap_or_default();
    let rest = what[first.len()..].trim();
    // "needs winterising": the British spelling of a verb listed the American way.
    let any_gerund = |w: &str| {
        let stem = w.strip_suffix("ing")?;
        let doubled = stem.get(..stem.len().saturating_sub(1)).unwrap_or("");
        [stem.to_string(), format!("{stem}e"), doubled.to_string()]
            .into_iter()
            .find(|c| c.len() > 2 && is_any_verb(c))
    };
    let w = bare(first);
    let verb = verb_from_gerund(first)
        .or_else(|| verb_of_participle(first))
        .or_else(|| any_gerund(&w))
        .or_else(|| any_gerund(&w.replace("ising", "izing")));
    if let Some(verb) = verb {
        // "needs topping up": the particle stays with the verb.
        let (particle, rest) = match rest.split_once(' ') {
            Some((p, r)) if is_particle(p) => (format!(" {p}"), r),
            _ if is_particle(rest) => (format!(" {rest}"), ""),
            _ => (String::new(), rest),
        };
        return Some(
            format!("{verb}{particle} {subject} {rest}")
                .trim()
                .to_string(),
        );
    }
    if says_finished(first) {
        return Some(format!("get {subject} {what}"));
    }
    Some(content.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(phrase: &str) -> Option<String> {
        outcomes(phrase).into_iter().next()
    }

    #[test]
    fn wants_said_as_outcomes() {
        let w = |s: &str| wanted_outcome(s);
        assert_eq!(
            w("I need the slides finished").as_deref(),
            Some("finish the slides")
        );
        assert_eq!(
            w("I need the Q4 expense report submitted").as_deref(),
            Some("submit the Q4 expense report")
        );
        assert_eq!(
            w("we want the budget spreadsheet signed off").as_deref(),
            Some("sign off the budget spreadsheet")
        );
        assert_eq!(
            w("I'd like a spare key cut for the cleaner").as_deref(),
            Some("cut a spare key for the cleaner")
        );
        assert_eq!(
            w("before the holidays I want the spare room ready for the in-laws").as_deref(),
            Some("get the spare room ready for the in-laws")
        );
        assert_eq!(
            outcome("the spare bedroom tidied").as_deref(),
            Some("tidy the spare bedroom")
        );
        // A plain need, a statement, or a clause with no participle is no outcome.
        assert_eq!(
            w("I need the Marchetti proposal out the door").as_deref(),
            Some("get the Marchetti proposal out the door")
        );
        assert_eq!(
            outcomes("that means the bed built and the curtains up"),
            vec!["build the bed", "get the curtains up"]
        );
        assert_eq!(
            not_yet_done("I still haven't replied to Ingrid's email about the workshop").as_deref(),
            Some("reply to Ingrid's email about the workshop")
        );
        assert_eq!(
            not_yet_done("we haven't paid the window cleaner yet").as_deref(),
            Some("pay the window cleaner")
        );
        assert_eq!(not_yet_done("I haven't been well"), None);
        assert_eq!(w("I need the report"), None);
        assert_eq!(w("I need to call Joe"), None);
        assert_eq!(w("I want the kids happy"), None);
        assert_eq!(outcome("the meeting is booked"), None);
        assert_eq!(outcome("Tom walked"), None);
    }

    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("outcomes.rs"),
            &[
                ("WANT_PREFIX", WANT_PREFIX.is_some()),
                ("NOT_YET", NOT_YET.is_some()),
                ("NEEDS_RE", NEEDS_RE.is_some()),
            ],
        );
    }
}
