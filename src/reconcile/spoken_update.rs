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

mod news;
mod patterns;
mod topic;

pub use news::{
    booked_for, kept_after_all, news_of_opening, no_reply, part_left, repeat_of_opening,
    said_undone,
};

use patterns::{Kind, PATTERNS};
use topic::{TOPIC_WINDOW, spans_clauses, topic};

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
    /// Only a card whose title holds one of `verb`'s words is meant: "the library books are
    /// back" finishes "Return library books", never "Read the library books".
    pub verb_required: bool,
    /// The words naming the card: "the Henderson proposal".
    pub object: String,
    pub change: Change,
    /// Byte offset of `said` in the text given to [`find`].
    pub start: usize,
    /// Where the object sits: two patterns reading the same object found one update.
    object_span: (usize, usize),
    /// Where the thing a pronoun object stands for was named ("the parcel, I dropped it off").
    topic_start: Option<usize>,
    /// The thing the sentence opened with, when the object is a part of it: "the Ofsted
    /// stuff, I've started going through the policies".
    opened_with: Option<(String, usize)>,
}

impl SpokenUpdate {
    /// The same update about the thing the sentence opened with, for when the object's own
    /// words name no card.
    ///
    /// A thing done that is not the card's own ("the Saturday barista, I've interviewed
    /// two people"; "the passport, I've filled in the form") is a step of its work: begun.
    pub fn about_the_opening(&self) -> Option<SpokenUpdate> {
        let (object, at) = self.opened_with.clone()?;
        // "Cold storage rent I paid yesterday": a time read as the object names no step.
        let a_step = !PRONOUN_ONLY
            .as_ref()
            .is_some_and(|r| r.is_match(self.object.trim()))
            && self.object.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                !crate::extract::dates::is_date_word(w)
                    && !matches!(
                        w.to_lowercase().as_str(),
                        "yesterday" | "today" | "tonight" | "last" | "night" | "morning" | "week"
                    )
            });
        let change = match &self.change {
            Change::Status(Status::Completed) if a_step => Change::Status(Status::InProgress),
            change => change.clone(),
        };
        Some(SpokenUpdate {
            object,
            change,
            topic_start: Some(at),
            opened_with: None,
            ..self.clone()
        })
    }

    /// Where the words naming the card start: for "forget it" that is the topic it stands for.
    pub fn object_start(&self) -> usize {
        self.topic_start.unwrap_or(self.object_span.0)
    }
}

/// "Can you push the dentist back to Friday?": an order said as a question.
static REQUEST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:so|and|oh|okay|um|uh)[,\s]+)*(?:can|could|would|will)\s+(?:you|we)\s+(?:please\s+|just\s+)?").ok()
});

pub fn is_request(sentence: &str) -> bool {
    REQUEST.as_ref().is_some_and(|re| re.is_match(sentence))
}

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
    Regex::new(r"(?i)\s+(?:over|across|off|back|first\s+thing|(?:late\s+|early\s+)?(?:this\s+morning|this\s+afternoon|this\s+evening|last\s+night|yesterday)|last\s+week|on\s+the\s+school\s+run|today|tonight|earlier|actually|just\s+now|at\s+(?:lunch|lunchtime|breakfast|dinner|work|school)|now|on\s+the\s+way\b.*|in\s+the\s+end|at\s+last|finally|already|(?:so\s+)?that's\b.*|online|live|in\s+person|(?:by|over\s+the)\s+phone|before\b.*|after\b.*|next\s+(?:week|month)|this\s+week|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?:\s|$).*$").ok()
});
static PRONOUN_ONLY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:it|that|this|those|these|them|'em|they|him|her|everyone|everybody|everything|all|both|one|(?:that|this|the)\s+one|(?:the\s+)?(?:deadline|closing\s+date|due\s+date|date))$").ok()
});

/// A part of the work, as the object or right after the speaker's verb: "half the cert",
/// "I've done three of my five reflections", "some of them".
static PART_OF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|only\s+)?[a-z]+(?:\s+(?:out|up|off|through|in))?\s+)(?:about\s+|nearly\s+|roughly\s+|only\s+)?(?:half|part|some|most|a\s+few|a\s+couple|a\s+third|a\s+quarter|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:of\s+)?(?:the|my|our|his|her|their|them|those|these)\b").ok()
});

/// How a remark is introduced: "note that", "remember", "just so you know".
static REMARK_LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:just\s+)?(?:note|remember|bear\s+in\s+mind|keep\s+in\s+mind|don't\s+forget|fyi|just\s+so\s+you\s+know|by\s+the\s+way)(?:\s+that)?[,:]?\s+)").ok()
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
            // Said without commas, an object can run into the next clause: "the lakes
            // weekend's off tom('s done)", "(made a start on) it got the first half drafted".
            if spans_clauses(obj.as_str()) {
                continue;
            }
            let object = match object.split_once(' ') {
                Some((first, _))
                    if first.eq_ignore_ascii_case("it") || first.eq_ignore_ascii_case("them") =>
                {
                    first.to_string()
                }
                _ => object,
            };
            let span = (obj.start() + skip, obj.end());
            if out
                .iter()
                .any(|u| u.object_span.0 < span.1 && span.0 < u.object_span.1)
            {
                continue;
            }
            let before = &sentence[..all.start()];
            // "…, after the logo's signed off": the object's own first word may be the "after".
            let opening = obj.as_str().split_whitespace().next().unwrap_or_default();
            if CONDITION
                .as_ref()
                .is_some_and(|r| r.is_match(before) || r.is_match(&format!("{opening} ")))
            {
                continue;
            }
            let after = &sentence[all.end()..];
            if TAKEN_BACK.as_ref().is_some_and(|r| r.is_match(after)) {
                continue;
            }
            // "the agency's booked solid until May": busy, not done; "so that's written
            // down": noted; "till they're done with it": people finished, not the work.
            if matches!(kind, Kind::Done)
                && after.split_whitespace().next().is_some_and(|w| {
                    matches!(
                        w.trim_end_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                            .as_str(),
                        "solid" | "up" | "down" | "with"
                    )
                })
            {
                continue;
            }
            // "the plumber on Monday, can you push that back to Thursday": "that" is what the
            // sentence is about, its first thing named.
            // The pronoun's own span stays the update's for overlaps: a pattern reading the
            // topic itself ("the passport's urgent, so bump that up") is a second update.
            let (object, topic_start) = if object.is_empty()
                || PRONOUN_ONLY.as_ref().is_some_and(|r| r.is_match(&object))
            {
                // The comma a pattern's lead took is where a spoken topic ends: "Bin
                // bags, got them at Tesco".
                let lead =
                    all.as_str().len() - all.as_str().trim_start_matches([',', ';', ':']).len();
                // Only the last few hundred bytes: what "it" means is named close by, and a
                // long run-on with many of them must not be read again for each.
                let end = all.start() + lead;
                let mut from = end.saturating_sub(TOPIC_WINDOW);
                while !sentence.is_char_boundary(from) {
                    from += 1;
                }
                match topic(&sentence[from..end]) {
                    Some((np, at)) => (np, Some(from + at)),
                    // "P60s aren't needed till May, so there's no rush on those": what the
                    // update before in the sentence was about.
                    None => match out
                        .iter()
                        .filter(|u| u.object_span.1 <= all.start())
                        .max_by_key(|u| u.start)
                    {
                        Some(u) => (u.object.clone(), Some(u.object_span.0)),
                        None => continue,
                    },
                }
            } else {
                (object, None)
            };
            if object.is_empty() {
                continue;
            }
            let text = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_string());
            let Some(change) = change_of(*kind, &text, now) else {
                continue;
            };
            // "I don't need them done by Thursday anymore": the day is off, not the work,
            // and not the new day either.
            let let_go = said_not_needed(&sentence[..all.end()]);
            if change == Change::Cancel
                && let_go
                && crate::extract::dates::find_dates(obj.as_str(), now)
                    .iter()
                    .any(|hit| !hit.possessive)
            {
                continue;
            }
            if matches!(change, Change::Due(_)) && let_go {
                continue;
            }
            // "I've filled out half the cert", "done three of my five reflections": begun.
            let change = match change {
                Change::Status(Status::Completed)
                    if PART_OF.as_ref().is_some_and(|r| {
                        r.is_match(obj.as_str().trim()) || r.is_match(all.as_str())
                    }) =>
                {
                    Change::Status(Status::InProgress)
                }
                change => change,
            };
            let verb = match kind {
                Kind::DoneWithVerb | Kind::DoneDoing | Kind::StartDoing | Kind::BlockedBefore => {
                    text("verb").map(|v| v.to_lowercase())
                }
                Kind::DoneAs(words) | Kind::CancelAs(words) => Some(words.to_string()),
                _ => None,
            };
            if matches!(kind, Kind::DoneWithVerb) && !verb.as_deref().is_some_and(is_done_verb) {
                continue;
            }
            // Only a name said on its own right before the update's clause.
            let opened_with = if topic_start.is_none() {
                let lead =
                    all.as_str().len() - all.as_str().trim_start_matches([',', ';', ':']).len();
                let before = &sentence[..all.start() + lead];
                topic::leading_name(before)
            } else {
                None
            };
            out.push(SpokenUpdate {
                opened_with,
                said: all
                    .as_str()
                    .trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .to_string(),
                verb,
                verb_required: matches!(kind, Kind::DoneAs(_) | Kind::CancelAs(_)),
                object,
                change,
                start: all.start(),
                object_span: span,
                topic_start,
            });
        }
    }
    out.sort_by_key(|u| u.start);
    out
}

/// "… don't need them done by Thursday anymore": a day said only to be let go.
static NOT_NEEDED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:don't|do\s+not|doesn't|does\s+not|no\s+longer)\s+(?:need|needs|want|wants)\b[^,;.!?]*\bany\s*more\s*$").ok()
});

fn said_not_needed(upto: &str) -> bool {
    NOT_NEEDED
        .as_ref()
        .is_some_and(|re| re.is_match(upto.trim_end_matches([',', '.', '!', ' '])))
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
        // "kicked off the migration": started.
        "kicked",
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
    // "photocopied", "tidied": the to-do verb ends in "y".
    if let Some(y_stem) = verb.strip_suffix("ied") {
        return crate::extract::is_verb(&format!("{y_stem}y"));
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

/// What "For the offsite, note that Kevin is vegetarian" says about the card: "Kevin is
/// vegetarian". An order ("For the offsite, book a coach") is new work, not a remark.
fn remark(said: &str) -> Option<String> {
    let lead = REMARK_LEAD
        .as_ref()
        .and_then(|r| r.find(said))
        .map_or(0, |m| m.end());
    let rest = said[lead..].trim();
    let first = rest.split_whitespace().next()?;
    // "For the offsite, book a coach" is an order; "…, remember to add a VPN section" is
    // what to bear in mind about the card.
    if lead == 0 && (first.eq_ignore_ascii_case("to") || crate::extract::is_verb(first)) {
        return None;
    }
    Some(rest.to_string())
}

/// "TfL say it (has to be in by …)": who said so, then what it is about.
static SAID_PRONOUN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[\w'-]+\s+){1,3}(?:say|says|said|reckon|reckons|think|thinks)\s+(?:that\s+)?(it|they|this|that)$").ok()
});

/// The object without what came before its last joining word, and where it starts in `obj`.
fn trim_object(obj: &str) -> (String, usize) {
    let skip = JOINER
        .as_ref()
        .and_then(|r| r.find(obj))
        .map_or(0, |m| m.end());
    if let Some(m) = SAID_PRONOUN
        .as_ref()
        .and_then(|r| r.captures(obj[skip..].trim_end()))
        .and_then(|c| c.get(1))
    {
        return (m.as_str().to_string(), skip + m.start());
    }
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
        Kind::Done | Kind::DoneWithVerb | Kind::DoneDoing | Kind::DoneAs(_) => {
            Change::Status(Status::Completed)
        }
        Kind::Start | Kind::StartDoing => Change::Status(Status::InProgress),
        Kind::Blocked | Kind::BlockedBefore => {
            // "I'm stuck on that": what it is stuck on was not said.
            Change::Blocked(text("why").filter(|w| {
                !w.is_empty()
                    && !matches!(w.to_lowercase().as_str(), "that" | "it" | "this" | "them")
            }))
        }
        Kind::Raise => Change::Priority(Priority::High),
        Kind::NoteAbout => Change::Note(remark(&text("note")?)?),
        Kind::Cancel | Kind::CancelAs(_) => Change::Cancel,
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
            // "Grandad's moved into the care home now": "now" says as things stand, it
            // names no day.
            let when: Vec<&str> = when
                .split_whitespace()
                .filter(|w| !w.eq_ignore_ascii_case("now"))
                .collect();
            Change::Due(resolve_due(&when.join(" "), now)?)
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
mod tests;

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
                ("SAID_PRONOUN", super::SAID_PRONOUN.is_some()),
                ("PRONOUN_ONLY", super::PRONOUN_ONLY.is_some()),
                ("NOT_YET", super::NOT_YET.is_some()),
                ("PART_OF", super::PART_OF.is_some()),
                ("REMARK_LEAD", super::REMARK_LEAD.is_some()),
                ("REQUEST", super::REQUEST.is_some()),
                ("NOT_NEEDED", super::NOT_NEEDED.is_some()),
            ],
        );
    }
}
