//! Things said about work that already exists: "I finished the Henderson proposal", "push the
//! dentist to Friday", "the Acme thing is blocked on legal", "I no longer need the hotel".
//! Found here from the words alone; whether a card is meant is decided by matching the object
//! against the board (see `super::plan`), so a sentence with no matching card stays what the
//! extractor made of it.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::Regex;

use crate::extract::resolve_due;
use crate::model::{Due, Priority, Status};

/// What a spoken update does to the card it names.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Status(Status),
    /// Blocked, with what it waits on when that was said.
    Blocked(Option<String>),
    Cancel,
    Due(Due),
    Priority(Priority),
    Note(String),
}

/// One update found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct SpokenUpdate {
    /// The words that said it (for the dump's result and to drop the extractor's reading of
    /// the same words as a new task).
    pub said: String,
    /// The verb of "I *called* Joe", when it names the work ("call").
    pub verb: Option<String>,
    /// The words naming the card: "the Henderson proposal".
    pub object: String,
    pub change: Change,
    /// Byte offset of `said` in the text given to [`find`].
    pub start: usize,
    /// Where the object sits: two patterns reading the same object found one update.
    object_span: (usize, usize),
}

/// The kind of a pattern's match, turned into a [`Change`] with its captures.
#[derive(Clone, Copy)]
enum Kind {
    Done,
    DoneWithVerb,
    Start,
    Blocked,
    Cancel,
    Reschedule,
    Priority,
    /// "… isn't urgent": low priority.
    Lower,
    Mark,
    Note,
}

/// Where an order may start: the start of a clause, after a joining word or a filler.
const LEAD: &str = r"(?:^|[,;:]\s*|\b(?:and|but|also|so|oh|okay|then|please|just|actually|plus|can\s+you|could\s+you|would\s+you|let's)\s+)";
/// Where the object ends.
const END: &str = r"(?:\s+(?:and|but|because|since|as|so)\b|\s*[,;.!?]|\s*$)";
const OBJ: &str = r"(?P<obj>[^,;.!?]+?)";
const BE: &str = r"(?:\s+(?:is|are|was|were|has\s+been|have\s+been)|'s)\s+(?:now\s+|still\s+|all\s+|finally\s+)?";
const SUBJ: &str = r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+|now\s+)?";

/// Every pattern, as source; [`patterns`] compiles them (a test checks that all do).
fn specs() -> Vec<(Kind, String)> {
    let done_verbs = r"finished|completed|sent|submitted|called|rang|phoned|booked|paid|emailed|e-mailed|mailed|messaged|texted|fixed|bought|wrote|sorted(?:\s+out)?|wrapped\s+up|took\s+care\s+of|handled|filed|renewed|ordered|picked\s+up|returned|cleaned|signed|reviewed|updated|scheduled|posted|shipped|delivered|drafted|prepared|replied\s+to|followed\s+up\s+(?:with|on)|contacted|confirmed|finali[sz]ed";
    vec![
        (
            Kind::DoneWithVerb,
            format!(r"{SUBJ}(?P<verb>{done_verbs}|did|done)\s+{OBJ}{END}"),
        ),
        // Without "I": "Paid the rent", "Called Joe" (a past form never starts an order).
        (
            Kind::DoneWithVerb,
            format!(r"{LEAD}(?P<verb>{done_verbs})\s+{OBJ}{END}"),
        ),
        // Any other past form of a to-do verb: "we hired a designer" (see `is_done_verb`).
        (
            Kind::DoneWithVerb,
            format!(r"{SUBJ}(?P<verb>[a-z]+ed)\s+{OBJ}{END}"),
        ),
        (
            Kind::Done,
            format!(
                r"{LEAD}{OBJ}{BE}(?:done|finished|complete|completed|sorted|sent|paid|booked|handled|taken\s+care\s+of|out\s+of\s+the\s+way|dealt\s+with|submitted|fixed|repaired|resolved)\b"
            ),
        ),
        (
            Kind::Mark,
            format!(
                r"{LEAD}(?:mark|set)\s+{OBJ}\s+(?:as\s+)?(?P<state>done|complete|completed|finished|blocked|in\s+progress|started|cancell?ed|canceled){END}"
            ),
        ),
        (
            Kind::Done,
            format!(r"{LEAD}(?:tick|cross|check)\s+off\s+{OBJ}{END}"),
        ),
        (
            Kind::Start,
            format!(
                r"\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:now\s+)?(?:working\s+on|starting(?:\s+on)?)\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::Start,
            format!(r"{SUBJ}started(?:\s+on|\s+working\s+on)?\s+{OBJ}{END}"),
        ),
        (
            Kind::Blocked,
            format!(
                r"{LEAD}{OBJ}{BE}(?:blocked|stuck|on\s+hold|held\s+up|waiting)(?:\s+(?:on|by|for|until|because\s+of)\s+(?P<why>[^,;.!?]+?))?{END}"
            ),
        ),
        // "drop" is not here: "drop the keys off", "drop Sarah a line" are work to do.
        (
            Kind::Cancel,
            format!(r"{LEAD}(?:cancel|scrap|ditch|nix|call\s+off|forget(?:\s+about)?|don't\s+bother(?:\s+with)?)\s+{OBJ}{END}"),
        ),
        (
            Kind::Cancel,
            format!(
                r"\b(?:i|we)\s+(?:no\s+longer|don't|do\s+not|won't|will\s+not)\s+(?:need|have)\s+(?:to\s+)?{OBJ}(?:\s+any\s*more)?{END}"
            ),
        ),
        (
            Kind::Cancel,
            format!(r"{SUBJ}(?:cancell?ed|canceled|called\s+off|dropped|scrapped)\s+{OBJ}{END}"),
        ),
        (
            Kind::Cancel,
            format!(r"\bno\s+need\s+(?:to|for)\s+{OBJ}(?:\s+any\s*more)?{END}"),
        ),
        (
            Kind::Cancel,
            format!(
                r"{LEAD}{OBJ}{BE}(?:cancell?ed|canceled|called\s+off|not\s+needed|no\s+longer\s+needed|not\s+happening)\b"
            ),
        ),
        (
            Kind::Reschedule,
            format!(
                r"\b(?:push|move|reschedule|shift|bump|postpone|delay|put\s+off|pushed|moved|rescheduled|postponed)\s+(?:back\s+)?{OBJ}\s+(?:back\s+|out\s+)?(?:to|until|till|til|over\s+to)\s+(?P<when>[^,;.!?]+)"
            ),
        ),
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}{BE}(?:moved|pushed|postponed|rescheduled|delayed|due)(?:\s+back)?\s+(?:to\s+|until\s+|till\s+)?(?P<when>[^,;.!?]+)"
            ),
        ),
        (
            Kind::Reschedule,
            format!(r"{LEAD}{OBJ}(?:\s+is|'s)\s+now\s+(?:on|for|due|at)\s+(?P<when>[^,;.!?]+)"),
        ),
        (
            Kind::Priority,
            format!(
                r"{LEAD}(?:make|mark|set|flag|bump)\s+{OBJ}\s+(?:as\s+|to\s+|up\s+to\s+)?(?:a\s+)?(?P<level>high|top|urgent|low|medium|normal|priority)(?:\s+priority)?{END}"
            ),
        ),
        (
            Kind::Priority,
            format!(
                r"{LEAD}{OBJ}{BE}(?:really\s+|very\s+|super\s+)?(?P<level>urgent|top\s+priority|high\s+priority|a\s+priority|a\s+top\s+priority|low\s+priority|not\s+urgent|less\s+urgent|not\s+a\s+priority)\b"
            ),
        ),
        (
            Kind::Lower,
            format!(
                r"{LEAD}{OBJ}(?:\s+isn't|\s+aren't|\s+is\s+not|\s+are\s+not|'s\s+not)\s+(?P<level>(?:that\s+|very\s+)?(?:urgent|a\s+priority|important))\b"
            ),
        ),
        (
            Kind::Note,
            r"\badd\s+(?:a\s+)?note\s+(?:to|on|for)\s+(?P<obj>[^,;:.!?]+?)\s*(?:[:,]|\s+saying|\s+that)\s+(?P<note>[^.!?]+)"
                .to_string(),
        ),
    ]
}

fn patterns() -> Vec<(Kind, Regex)> {
    specs()
        .into_iter()
        .filter_map(|(k, p)| match Regex::new(&format!("(?i){p}")) {
            Ok(r) => Some((k, r)),
            Err(e) => {
                tracing::error!(error = %e, "a spoken-update pattern does not compile");
                None
            }
        })
        .collect()
}

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(patterns);

/// Joining words inside an object ("call the bank and the report") mark where it really starts.
static JOINER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^.*\b(?:and|but|so|also|then|plus|oh|okay)\s+").ok());
/// "if I've sent the deck, …": a condition, not news.
static CONDITION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:if|when|once|after|before|until|unless|whether)\s+$").ok()
});
/// "I paid the window cleaner — actually no, I didn't": the update is taken back.
static TAKEN_BACK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.!?]{0,40}?\b(?:actually\s+no|no\s+wait|wait\s+no|i\s+didn't|i\s+haven't|we\s+didn't|we\s+haven't|not\s+yet|scratch\s+that|i\s+only\s+meant|only\s+meant\s+to|never\s+mind|i\s+wish)\b").ok()
});
/// Words after the object that are about when or how it happened, not which card:
/// "sent the proposal over first thing this morning".
static OBJECT_TAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:over|across|off|back|first\s+thing|this\s+morning|this\s+afternoon|last\s+night|last\s+week|yesterday|earlier|just\s+now|on\s+the\s+way\b.*|in\s+the\s+end|at\s+last|finally|already|(?:so\s+)?that's\b.*)(?:\s|$).*$").ok()
});
static PRONOUN_ONLY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:it|that|this|those|these|them|everything|all|both|one)$").ok()
});

/// "I haven't called Joe yet", "we still haven't paid it": work reported as not done.
static NOT_YET: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:i|we)\s+(?:still\s+)?(?:haven't|havent|have\s+not|'ve\s+not|didn't\s+get\s+(?:a)?round\s+to|never\s+got\s+(?:a)?round\s+to)\b").ok()
});

pub fn says_not_yet(sentence: &str) -> bool {
    NOT_YET.as_ref().is_some_and(|re| re.is_match(sentence))
}

/// Every spoken update in one sentence of a dump. Questions are not updates: callers skip them.
pub fn find(sentence: &str, now: NaiveDateTime) -> Vec<SpokenUpdate> {
    let mut out: Vec<SpokenUpdate> = Vec::new();
    for (kind, re) in PATTERNS.iter() {
        for caps in re.captures_iter(sentence) {
            let (Some(all), Some(obj)) = (caps.get(0), caps.name("obj")) else {
                continue;
            };
            let (object, skip) = trim_object(obj.as_str());
            let span = (obj.start() + skip, obj.end());
            if out
                .iter()
                .any(|u| u.object_span.0 < span.1 && span.0 < u.object_span.1)
            {
                continue;
            }
            let before = &sentence[..all.start()];
            if CONDITION.as_ref().is_some_and(|r| r.is_match(before)) {
                continue;
            }
            let after = &sentence[all.end()..];
            if TAKEN_BACK.as_ref().is_some_and(|r| r.is_match(after)) {
                continue;
            }
            // "the plumber on Monday, can you push that back to Thursday": "that" is what the
            // sentence is about, its first thing named.
            let (object, span) = if PRONOUN_ONLY.as_ref().is_some_and(|r| r.is_match(&object)) {
                match topic(before) {
                    Some((np, at)) => (np.clone(), (at, at + np.len())),
                    None => continue,
                }
            } else {
                (object, span)
            };
            if object.is_empty() {
                continue;
            }
            let text = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_string());
            let Some(change) = change_of(*kind, &text, now) else {
                continue;
            };
            let verb = match kind {
                Kind::DoneWithVerb => text("verb").map(|v| v.to_lowercase()),
                _ => None,
            };
            if matches!(kind, Kind::DoneWithVerb) && !verb.as_deref().is_some_and(is_done_verb) {
                continue;
            }
            out.push(SpokenUpdate {
                said: all
                    .as_str()
                    .trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .to_string(),
                verb,
                object,
                change,
                start: all.start(),
                object_span: span,
            });
        }
    }
    out.sort_by_key(|u| u.start);
    out
}

/// The first thing named with "the" / "my" / "our" in `text` and where it starts: "The
/// loft clear-out, that's not a priority any more" → "The loft clear-out". Dates ("the
/// fourteenth") are no topic.
fn topic(text: &str) -> Option<(String, usize)> {
    const ENDS: &[&str] = &[
        "on", "at", "by", "for", "to", "from", "in", "is", "are", "was", "were", "has", "have",
        "had", "needs", "need", "will", "can", "and", "but", "so", "till", "until", "with",
        "about", "we", "i", "that", "this", "it",
    ];
    let mut offset = 0;
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .map(|w| {
            let at = offset;
            offset += w.len() + 1;
            (at, w)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (k, (at, w)) in words.iter().enumerate() {
        let b = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !matches!(b.as_str(), "the" | "my" | "our") || w.ends_with([',', '.', ';']) {
            continue;
        }
        let mut np: Vec<&str> = vec![w];
        for (_, next) in &words[k + 1..] {
            let nb = next
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .to_lowercase();
            if nb.is_empty() || ENDS.contains(&nb.as_str()) || nb.ends_with("'s") && np.len() > 1 {
                break;
            }
            np.push(next);
            if next.ends_with([',', '.', ';', '!', '?']) || np.len() > 4 {
                break;
            }
        }
        let phrase = np.join(" ");
        let phrase = phrase
            .trim_end_matches([',', '.', ';', '!', '?'])
            .to_string();
        let content = phrase.split_whitespace().skip(1).collect::<Vec<_>>();
        if content.is_empty()
            || content.iter().any(|w| {
                crate::extract::dates::is_date_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
            })
        {
            continue;
        }
        return Some((phrase, *at));
    }
    None
}

/// Past forms that say work is done. The listed ones always do; any other "-ed" form does
/// when it is a to-do verb ("hired", "installed") and not one of wanting or trying.
fn is_done_verb(verb: &str) -> bool {
    const NOT_DONE: &[&str] = &[
        "wanted",
        "needed",
        "tried",
        "planned",
        "decided",
        "started",
        "forgot",
        "used",
        "liked",
        "hoped",
        "intended",
        "promised",
        "agreed",
        "offered",
        "asked",
        "attempted",
        "failed",
        "missed",
        "wondered",
        "considered",
        "expected",
        "meant",
        "noticed",
        "realized",
        "realised",
        "remembered",
        "heard",
        "learned",
        "mentioned",
        "suggested",
        "proposed",
        "talked",
        "thought",
        "moved",
        "pushed",
        "postponed",
        "delayed",
        "cancelled",
        "canceled",
        "dropped",
        "scrapped",
    ];
    if NOT_DONE.contains(&verb) {
        return false;
    }
    let Some(stem) = verb.strip_suffix("ed") else {
        return true;
    };
    if DONE_VERBS.contains(&verb) {
        return true;
    }
    let single = stem
        .char_indices()
        .last()
        .filter(|(i, c)| *i > 0 && stem[..*i].ends_with(*c))
        .map(|(i, _)| &stem[..i]);
    [
        Some(stem.to_string()),
        Some(format!("{stem}e")),
        single.map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .any(|v| crate::extract::is_verb(&v))
}

/// The past forms in the patterns' list (checked by [`is_done_verb`]).
const DONE_VERBS: &[&str] = &[
    "finished",
    "completed",
    "called",
    "booked",
    "emailed",
    "e-mailed",
    "mailed",
    "messaged",
    "texted",
    "fixed",
    "sorted",
    "wrapped",
    "handled",
    "filed",
    "renewed",
    "ordered",
    "picked",
    "returned",
    "cleaned",
    "signed",
    "reviewed",
    "updated",
    "posted",
    "shipped",
    "delivered",
    "drafted",
    "prepared",
    "replied",
    "followed",
    "contacted",
    "confirmed",
    "finalised",
    "finalized",
    "submitted",
    "phoned",
];

/// The object without what came before its last joining word, and where it starts in `obj`.
fn trim_object(obj: &str) -> (String, usize) {
    let skip = JOINER
        .as_ref()
        .and_then(|r| r.find(obj))
        .map_or(0, |m| m.end());
    let object = obj[skip..].trim();
    let object = OBJECT_TAIL
        .as_ref()
        .and_then(|r| r.find(object))
        .filter(|m| m.start() > 0)
        .map_or(object, |m| &object[..m.start()]);
    (object.trim().to_string(), skip)
}

fn change_of(
    kind: Kind,
    text: &dyn Fn(&str) -> Option<String>,
    now: NaiveDateTime,
) -> Option<Change> {
    Some(match kind {
        Kind::Done | Kind::DoneWithVerb => Change::Status(Status::Completed),
        Kind::Start => Change::Status(Status::InProgress),
        Kind::Blocked => Change::Blocked(text("why")),
        Kind::Cancel => Change::Cancel,
        Kind::Note => Change::Note(text("note")?),
        Kind::Reschedule => {
            let when = text("when")?;
            let when = when
                .split(" and ")
                .next()
                .unwrap_or(&when)
                .split(" but ")
                .next()
                .unwrap_or(&when)
                .to_string();
            Change::Due(resolve_due(&when, now)?)
        }
        Kind::Priority => {
            let level = text("level")?.to_lowercase();
            let p =
                if level.contains("low") || level.starts_with("not") || level.starts_with("less") {
                    Priority::Low
                } else if level == "medium" || level == "normal" {
                    Priority::Medium
                } else {
                    Priority::High
                };
            Change::Priority(p)
        }
        Kind::Lower => Change::Priority(Priority::Low),
        Kind::Mark => {
            let state = text("state")?.to_lowercase();
            if state.starts_with("cancel") {
                Change::Cancel
            } else if state == "blocked" {
                Change::Blocked(None)
            } else if state.contains("progress") || state == "started" {
                Change::Status(Status::InProgress)
            } else {
                Change::Status(Status::Completed)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_pronoun_update_is_about_the_sentence_topic() {
        assert_eq!(
            super::topic("I'm not gonna get round to the plumber on Monday, can you ").map(|t| t.0),
            Some("the plumber".to_string())
        );
        assert_eq!(
            super::topic("The loft clear-out, that's not a priority any more, ").map(|t| t.0),
            Some("The loft clear-out".to_string())
        );
        // A date is no topic.
        assert_eq!(
            super::topic("Joe is away till the fourteenth, so the renewal call has to wait, ")
                .map(|t| t.0),
            Some("the renewal call".to_string())
        );
        assert_eq!(super::topic("so can you "), None);
    }

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    fn one(s: &str) -> (String, Change) {
        let found = find(s, now());
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        (found[0].object.clone(), found[0].change.clone())
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(patterns().len(), specs().len());
    }

    #[test]
    fn the_issue_sentences() {
        assert_eq!(
            one("I finished the Henderson proposal."),
            (
                "the Henderson proposal".into(),
                Change::Status(Status::Completed)
            )
        );
        let (obj, ch) = one("Push the dentist to Friday.");
        assert_eq!(obj, "the dentist");
        assert_eq!(ch, Change::Due("2026-12-11".parse().unwrap()));
        assert_eq!(
            one("the Acme thing is blocked on legal"),
            (
                "the Acme thing".into(),
                Change::Blocked(Some("legal".into()))
            )
        );
        assert_eq!(
            one("I no longer need the hotel booking, but I do need a taxi"),
            ("the hotel booking".into(), Change::Cancel)
        );
    }

    #[test]
    fn more_ways_of_saying_it() {
        assert_eq!(
            one("oh and the report's done").1,
            Change::Status(Status::Completed)
        );
        assert_eq!(one("I rang Joe").0, "Joe");
        assert_eq!(
            one("make the tax return high priority").1,
            Change::Priority(Priority::High)
        );
        assert_eq!(
            one("the newsletter is not urgent").1,
            Change::Priority(Priority::Low)
        );
        assert_eq!(
            one("I'm working on the budget").1,
            Change::Status(Status::InProgress)
        );
        assert_eq!(one("mark the invoice as done").0, "the invoice");
        assert_eq!(
            one("add a note to the Globex deal: they want a discount").1,
            Change::Note("they want a discount".into())
        );
        assert_eq!(one("call the bank and the report is done").0, "the report");
    }

    #[test]
    fn not_updates() {
        for s in [
            "I need to call Joe",
            "I haven't finished the report",
            "if I've sent the deck, call Joe",
            "that's urgent",
            "move the meeting to the big room",
            "call Joe tomorrow",
            "I didn't pay the rent",
            "I wanted to call Joe",
            "we talked about the budget",
            "drop the keys off at the office",
            "I paid the window cleaner, well, actually no, I didn't",
        ] {
            assert!(find(s, now()).is_empty(), "{s}: {:?}", find(s, now()));
        }
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("spoken_update.rs"),
            &[
                ("JOINER", super::JOINER.is_some()),
                ("CONDITION", super::CONDITION.is_some()),
                ("TAKEN_BACK", super::TAKEN_BACK.is_some()),
                ("OBJECT_TAIL", super::OBJECT_TAIL.is_some()),
                ("PRONOUN_ONLY", super::PRONOUN_ONLY.is_some()),
                ("NOT_YET", super::NOT_YET.is_some()),
            ],
        );
    }
}
