//! What one clause is: a command, a statement, a take-back, a bare date, or a bare noun phrase.

use std::sync::LazyLock;

use regex::Regex;

use super::filler::{inner_lead, is_correction, retracted_object, retracts_previous, strip_lead};
use super::lexicon::{
    bare, contracted_verb, is_chore, is_determiner, is_event_noun, is_finite, is_verb,
    opens_command, plural_heading, verb_from_gerund,
};
use super::outcomes::{needs, not_yet_done, wanted_outcome};
use super::priority::cue;
use super::requests::{commitment, for_asker, owed, wanted_by};
use super::shapes::{
    date_then_reason, deadlines, need_new, owed_or_ready, plans, ran_out, relative_object,
    says_how_it_is,
};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// Nothing but padding.
    Filler,
    /// Only a date ("Friday", "next week").
    DateOnly,
    /// "no wait": the next clause replaces the previous item.
    Correction,
    /// "scratch that": drop the previous item.
    RetractPrevious,
    /// "forget the onboarding doc": drop the item naming these words.
    RetractObject(String),
    /// A to-do; `text` is what the title is made from.
    Task { text: String, due_statement: bool },
    /// "make that the green ones", "make it Friday": a detail (or, when empty, only the date)
    /// of the item just said changes.
    Amend(String),
    /// A short noun phrase ("the NDA", "eggs"): a list item or an object for the previous verb.
    Phrase(String),
    /// Anything else: context, musing, venting.
    Statement(String),
}

/// "Maria asked me to look into the flaky test": a request from someone else is still a to-do.
static ASKED_ME_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:asked|wants?|told|needs?|reminded|begged|expects?)\s+(?:me|us)\s+to|(?:asked|wondered|wants\s+to\s+know)\s+(?:me\s+|us\s+)?(?:if|whether)\s+(?:i|we)(?:'d|\s+could|\s+can|\s+would|\s+might|\s+will)(?:\s+please)?|wants\s+(?:everyone|everybody|all\s+of\s+us|the\s+whole\s+team)\s+to)\s+(.+)$")
        .ok()
});
/// "learn that voicing thing, but that's like a someday thing": said as a wish, not a to-do.
static SOMEDAY_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbut\s+(?:that'?s|it'?s)\s+(?:(?:like|just|more|kind\s+of|sort\s+of|really)\s+)*(?:an?\s+)?(?:someday|some\s+day|one\s+day|pipe\s+dream|lifestyle|not\s+(?:really\s+)?an?\s+(?:real\s+)?(?:task|to-?do))\b").ok()
});
/// "…, but that's like a someday thing": a wish, whose "someday" lowers nothing else.
pub(crate) fn is_wish(clause: &str) -> bool {
    SOMEDAY_RE.as_ref().is_some_and(|re| re.is_match(clause))
}

static DEADLINE_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\bdeadline\s+(?:for|on)\s+(.+)$").ok());
/// "there's a Physics lab report due Monday": the thing due, brought up.
static THERE_IS_DUE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:and\s+|also\s+|oh\s+)*there(?:'s|\s+is|\s+are)\s+(?:also\s+)?((?:a|an|the|my|our|this|that|some)\s+.+?)\s+due\b").ok()
});
static IS_DUE_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^(.+?)(?:\s+(?:is|are)|'s)\s+(?:due|owed)\b").ok());
static PRIORITY_IS_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\w+ing)\s+(.+?)\s+(?:is|'s|should\s+be)\s+(?:(?:a|my|our|the|top|high|super|really|very)\s+)*(?:priority|urgent|important|critical)").ok()
});

/// "need a new one", "we need another one": one more of the thing named before.
static NEW_ONE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:i|we)\s+)?(?:(?:really|probably|definitely)\s+)?(?:need|needs|want|'ll\s+need)\s+(?:a\s+new\s+one|another\s+one|a\s+replacement|a\s+spare(?:\s+one)?|new\s+ones)$").ok()
});

/// "make that the large one", "change it to Friday": what follows replaces a detail.
static AMEND_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:make\s+(?:it|that|this)|(?:change|move|switch|push|bump)\s+(?:it|that|this)(?:\s+back)?\s+to)\b\s*(.*)$").ok()
});
/// "otherwise I'll get fined", "or else we miss it", "we'll fail the inspection": the
/// consequence, not a to-do.
static CONSEQUENCE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:otherwise|or\s+else|else|or)\b[\s,]*(?:i|we|you|they|it|he|she|there|that)(?:'ll|'d|\s+will|\s+would|\s+might|\s+could|\s+get|\s+lose|\s+miss)\b|(?:i|we|you|they|he|she)(?:'ll|\s+will)\s+(?:definitely\s+|probably\s+|just\s+)?(?:fail|lose|miss|get\s+(?:fined|charged|shut\s+down)|be\s+late|run\s+out)\b)",
    )
    .ok()
});
/// "Number two is ...", "Next up is ...", "Top priority today is ...": an item announced by
/// its place in a list.
static INTRODUCER_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:so|and|okay|ok|right|oh|um+|uh+|then|also|alright|now)\W+)*(?:(?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?(?:number\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})|next\s+up|first\s+up|up\s+next|last\s+but\s+not\s+least|(?:the\s+)?(?:first|second|third|fourth|next|last|final|other|main|big|biggest|most\s+important|only|one)\s+(?:thing|one|item|task|job)(?:\s+(?:i|we)\s+(?:really\s+)?(?:must|need\s+to|have\s+to|should|'ve\s+got\s+to|gotta|want\s+to)\s+do)?|(?:my\s+|the\s+|our\s+)?(?:top|first|main|biggest|number\s+one|highest)\s+priority|top\s+of\s+(?:the|my)\s+list|(?:first|next)\s+on\s+(?:the|my)\s+list|what'?s\s+(?:more|most)\s+(?:pressing|urgent|important))(?:\s+(?:for\s+)?(?:today|tomorrow|tonight|this\s+week|this\s+morning|this\s+afternoon))?\s*(?:is|'s|will\s+be|:|-)\s+(.+)$").ok()
});
/// "the visa application is urgent", "the slide template can wait" (the cue itself blanked):
/// a noun phrase with nothing but a copula and the priority said about it.
static NOUN_CUE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^((?:the|my|our|your|his|her|their)\s+[^,]+?)(?:\s+(?:is|are|will\s+be|should\s+be|must\s+be))?(?:\s+(?:both|all|really|super|very|definitely|also|pretty|quite|still|kind\s+of|the|a|my|our|now))*\s*$").ok()
});
/// Cues that say how soon something must be done ("my family is important" names no to-do).
static STRONG_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:urgent|asap|priority|critical|can\s+wait|no\s+rush|no\s+hurry|whenever|overdue|time[- ]sensitive|right\s+away|immediately)\b").ok()
});

/// Subjects that name nothing to do.
const VAGUE: &[&str] = &[
    "nothing",
    "something",
    "anything",
    "everything",
    "it",
    "that",
    "this",
    "what",
    "to",
    "just",
    "probably",
    "stuff",
    "things",
    "else",
    "everyone",
    "someone",
];

/// A clause opening with these is about something ("For Thursday's workshop"), not an event itself.
const PREPOSITIONS: &[&str] = &[
    "for",
    "about",
    "regarding",
    "re",
    "on",
    "at",
    "in",
    "with",
    "after",
    "before",
    "during",
    "from",
    "to",
    "by",
];
/// "someone needs to triage it": a wish about somebody else, not the speaker's to-do.
const SOMEONE: &[&str] = &[
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
    "whoever",
    "whoever's",
];

/// "I have a dentist appointment", "we've got the board meeting": an event to show up for.
static HAVE_EVENT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:i|we)\s*(?:have|'ve\s+got|have\s+got|got|'ve)\s+((?:a|an|the|my|our)\s+.+)$",
    )
    .ok()
});

const SUBJECT_PRONOUNS: &[&str] = &[
    "i", "we", "you", "they", "he", "she", "it", "there", "this", "that", "who", "what",
];

/// Classifies one clause. `orig` and `masked` have the same byte layout; `masked` has date
/// phrases blanked out. `has_date` tells whether the clause contained one.
pub(crate) fn classify(orig: &str, masked: &str, has_date: bool, question: bool) -> Kind {
    let trimmed = masked.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return if has_date {
            Kind::DateOnly
        } else {
            Kind::Filler
        };
    }
    if is_correction(trimmed) {
        // "no wait the 14th", "actually the 14th": the correction and the new date in one
        // clause change only the date of the item just said, as "make it the 14th" does.
        return if has_date {
            Kind::Amend(String::new())
        } else {
            Kind::Correction
        };
    }
    if retracts_previous(trimmed) {
        return Kind::RetractPrevious;
    }
    if is_wish(orig) {
        return Kind::Statement(orig.trim().to_string());
    }
    let pos = strip_lead(masked);
    let content = masked[pos..].trim();
    if let Some(obj) = retracted_object(trimmed) {
        return Kind::RetractObject(obj);
    }
    if !content.chars().any(char::is_alphanumeric) {
        return if has_date {
            Kind::DateOnly
        } else {
            Kind::Filler
        };
    }
    if question {
        return Kind::Statement(orig.trim().to_string());
    }
    // "Jenny's doing the market stall Saturday so I don't need to worry about that".
    if crate::extract::resolve::done_by_others(orig).is_some() || says_how_it_is(content) {
        return Kind::Statement(orig.trim().to_string());
    }
    // "…, by tomorrow so he can practise": a date with only its reason after it.
    if has_date && date_then_reason(masked) {
        return Kind::DateOnly;
    }
    if CONSEQUENCE_RE
        .as_ref()
        .is_some_and(|re| re.is_match(trimmed))
    {
        return Kind::Statement(orig.trim().to_string());
    }
    // "found another one, the reset emails aren't going out": what happened, not an order.
    let mut opening = content.split_whitespace().map(bare);
    if opening.next().as_deref() == Some("found")
        && opening.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "another" | "a" | "an" | "the" | "it" | "that" | "out" | "one"
            )
        })
    {
        return Kind::Statement(orig.trim().to_string());
    }
    let said: Vec<String> = content.split_whitespace().map(bare).collect();
    // Remarks on where a thing stands, no to-do: "legal said to hold off, so park that", "so
    // nothing I can do on that right now", "they paid, so cross that off".
    let spoken: Vec<&str> = said.iter().map(String::as_str).collect();
    if matches!(
        spoken.as_slice(),
        ["park" | "shelve", "that" | "it" | "this"]
            | ["put", "that" | "it", "on", "hold", ..]
            | ["nothing", "i" | "we", "can", "do", ..]
            | [
                "cross" | "tick" | "strike",
                "that" | "it" | "them" | "those",
                "off",
                ..
            ]
    ) {
        return Kind::Statement(orig.trim().to_string());
    }
    if let Some(kind) = plans(orig, content, pos, has_date) {
        return kind;
    }
    if let Some(text) = introduced(orig) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    if let Some(kind) = amendment(orig, masked, has_date) {
        return kind;
    }
    if has_date
        && content.split_whitespace().all(|w| {
            QUANTIFIERS.contains(&bare(w).as_str()) || DATE_HEDGES.contains(&bare(w).as_str())
        })
    {
        // "both by the end of the month": a date for the items just listed.
        return Kind::DateOnly;
    }
    if content
        .split_whitespace()
        .all(|w| DATE_HEDGES.contains(&bare(w).as_str()))
    {
        return Kind::Filler;
    }
    if cue(orig).is_some()
        && STRONG_CUE.as_ref().is_some_and(|re| re.is_match(orig))
        && let Some(np) = noun_with_cue(content)
    {
        return Kind::Task {
            text: np,
            due_statement: false,
        };
    }
    if let Some(text) = commitment(orig) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    if let Some(text) = owed(content) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    if let Some(text) = not_yet_done(content) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    if let Some(text) = wanted_outcome(content) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    let words: Vec<&str> = content.split_whitespace().collect();
    let second_finite = words.get(1).is_some_and(|w| is_finite(w));
    // "Water bill, last date is the 15th": a bill named, not a command to water it.
    let bill = matches!(
        words.iter().map(|w| bare(w)).collect::<Vec<_>>().as_slice(),
        [first, second]
            if matches!(first.as_str(), "water" | "phone" | "power" | "light" | "fuel" | "service")
                && matches!(second.as_str(), "bill" | "bills" | "charge" | "charges")
    );
    if bill {
        return Kind::Phrase(orig[pos..].trim().to_string());
    }
    if opens_command(content) && !second_finite {
        return Kind::Task {
            text: orig[pos..].trim().to_string(),
            due_statement: false,
        };
    }
    // "I'd like to get round to learning Spanish": a gerund after a lead-in that ends in
    // "to" (not "like tidying the shed", an example).
    if pos > 0
        && orig[..pos]
            .trim_end_matches([' ', ','])
            .to_lowercase()
            .ends_with(" to")
        && words.len() >= 2
        && !words.iter().any(|w| is_finite(w))
        && let Some(verb) = words.first().and_then(|w| verb_from_gerund(w))
    {
        let rest = orig[pos..].trim();
        let rest = rest.split_once(char::is_whitespace).map_or("", |(_, r)| r);
        return Kind::Task {
            text: format!("{verb} {rest}"),
            due_statement: false,
        };
    }
    if let Some(c) = ASKED_ME_RE.as_ref().and_then(|re| re.captures(masked))
        && let Some(m) = c.get(1)
        && opens_command(&masked[m.start()..])
    {
        // "Dana asked if I could send her the files": "her" is Dana.
        return Kind::Task {
            text: for_asker(&orig[pos..], orig[m.start()..].trim()),
            due_statement: false,
        };
    }
    // "the hose has split, need a new one": one more of the thing just named.
    if NEW_ONE_RE
        .as_ref()
        .is_some_and(|re| re.is_match(content.trim()))
    {
        return Kind::Task {
            text: "get a new one".to_string(),
            due_statement: false,
        };
    }
    if let Some(text) = owed_or_ready(content) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    if let Some(text) = ran_out(content).or_else(|| need_new(content)) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    if let Some(text) = relative_object(content) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    if let Some(p) = inner_lead(masked)
        && opens_command(&masked[p..])
    {
        return Kind::Task {
            text: orig[p..].trim().to_string(),
            due_statement: false,
        };
    }
    if let Some(text) = priority_statement(orig[pos..].trim()) {
        return Kind::Task {
            text,
            due_statement: false,
        };
    }
    let first = words.first().map(|w| bare(w)).unwrap_or_default();
    let subject_is_pronoun = SUBJECT_PRONOUNS.contains(&first.as_str())
        || first.starts_with("i'")
        || first.starts_with("we'");
    if let Some(text) = wanted_by(content) {
        return Kind::Task {
            text,
            due_statement: true,
        };
    }
    if let Some(kind) = deadlines(orig, content, pos, has_date) {
        return kind;
    }
    if let Some(c) = HAVE_EVENT_RE.as_ref().and_then(|re| re.captures(content))
        && let Some(m) = c.get(1)
        && m.as_str().split_whitespace().count() <= 8
        && m.as_str().split_whitespace().any(is_event_noun)
    {
        return Kind::Task {
            text: strip_article(m.as_str()),
            due_statement: false,
        };
    }
    if !subject_is_pronoun && !SOMEONE.contains(&first.as_str()) {
        if let Some(text) = needs(content) {
            return Kind::Task {
                text,
                due_statement: false,
            };
        }
        if let Some(c) = DEADLINE_RE.as_ref().and_then(|re| re.captures(content))
            && let Some(m) = c.get(1)
        {
            // "file the motion, the deadline on that is the 26th": the date of the item said.
            if has_date
                && m.as_str().split_whitespace().all(|w| {
                    matches!(
                        bare(w).as_str(),
                        "that" | "it" | "this" | "one" | "is" | "it's" | "that's"
                    )
                })
            {
                return Kind::DateOnly;
            }
            return Kind::Task {
                text: strip_article(m.as_str()),
                due_statement: false,
            };
        }
        if let Some(m) = THERE_IS_DUE_RE
            .as_ref()
            .and_then(|re| re.captures(orig[pos..].trim()))
            .and_then(|c| c.get(1))
            && m.as_str().split_whitespace().count() <= 8
        {
            return Kind::Task {
                text: strip_article(m.as_str()),
                due_statement: true,
            };
        }
        // On the unmasked words: "due next week" was blanked out as a date phrase.
        if let Some(c) = IS_DUE_RE
            .as_ref()
            .and_then(|re| re.captures(orig[pos..].trim()))
            && let Some(m) = c.get(1)
            && m.as_str().split_whitespace().count() <= 9
            // "that's due Friday": the date of the item before; "rent's due": no date, no work.
            && (has_date || !c.get(0).is_some_and(|w| w.as_str().contains("'s due")))
            && !matches!(
                bare(m.as_str()).as_str(),
                "that" | "it" | "this" | "which" | "she" | "he" | "they" | "what" | "those" | "these"
            )
            // "the letter says it's due on the 28th": the thing named before is due.
            && !reports_a_pronoun(m.as_str())
            // "Jacob's due back Monday", "the tractor's due its service": someone coming
            // home, or something owed, not work. "The library books are due back": work.
            && !orig[pos..]
                .trim()
                .get(c.get(0).map_or(0, |m| m.end())..)
                .and_then(|rest| rest.split_whitespace().next())
                .is_some_and(|w| match bare(w).as_str() {
                    "a" | "an" | "its" | "his" | "her" | "their" | "out" => true,
                    "back" | "home" => is_a_name(m.as_str()),
                    _ => false,
                })
        {
            return Kind::Task {
                text: strip_article(m.as_str()),
                due_statement: true,
            };
        }
    }
    // "the lads keep losing them": "keep" with a gerund after a subject tells what happens.
    let keeps_doing = |k: usize, w: &str| {
        k > 0
            && bare(w) == "keep"
            && words
                .get(k + 1)
                .is_some_and(|n| bare(n).len() > 4 && bare(n).ends_with("ing"))
    };
    // "his birthday's [Sunday]": with the date blanked out, the "'s" was an "is".
    let is_before_date = |k: usize, w: &str| has_date && k + 1 == words.len() && w.ends_with("'s");
    let any_finite = words.iter().enumerate().any(|(k, w)| {
        is_finite(w)
            || contracted_verb(w, words.get(k + 1).copied())
            || keeps_doing(k, w)
            || (k > 0 && is_before_date(k, w))
    });
    let has_subject = words
        .iter()
        .any(|w| SUBJECT_PRONOUNS.contains(&bare(w).as_str()));
    let past_tense = words
        .iter()
        .any(|w| bare(w).len() > 4 && bare(w).ends_with("ed"));
    if !any_finite && !subject_is_pronoun && !has_subject {
        if has_date
            && words.len() <= 6
            && !PREPOSITIONS.contains(&first.as_str())
            && words.iter().any(|w| is_event_noun(w))
            // "So calls for today.": a plural on its own announces a list.
            && !plural_heading(&words)
        {
            return Kind::Task {
                text: content.to_string(),
                due_statement: false,
            };
        }
        if words.len() <= 2 && words.iter().any(|w| is_chore(w)) {
            return Kind::Task {
                text: content.to_string(),
                due_statement: false,
            };
        }
        // "book the venue, probably the Hayloft": a guess at which one, not one more item.
        let guessed = orig[..pos]
            .split_whitespace()
            .any(|w| matches!(bare(w).as_str(), "probably" | "perhaps" | "possibly"))
            && words
                .iter()
                .find(|w| !is_determiner(w))
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if words.len() <= 8 && !past_tense && !guessed && cue(content).is_none() {
            return Kind::Phrase(content.to_string());
        }
    }
    Kind::Statement(orig.trim().to_string())
}

/// "Thursday at the latest", "by tomorrow, ideally": words that only soften a date.
const DATE_HEDGES: &[&str] = &[
    "at",
    "latest",
    "very",
    "ideally",
    "hopefully",
    "please",
    "if",
    "possible",
    "or",
    "so",
    "max",
    "tops",
    "definitely",
    "sometime",
    "ish",
    // "the deadline is in two weeks", "it's due Friday": the date for the item said.
    "deadline",
    "deadline's",
    // "their deadline's the 28th".
    "their",
    "its",
    "is",
    "it's",
    "due",
];

/// "Jacob", "Mrs Patel": a person by name, not a thing.
fn is_a_name(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let name = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !crate::extract::lexicon::is_common_word(&bare(w))
    };
    !words.is_empty() && words.len() <= 2 && words.iter().all(name)
}

/// Words that stand for items already named: "both", "all of them".
pub(crate) const QUANTIFIERS: &[&str] = &[
    "both", "all", "each", "of", "them", "these", "those", "the", "two", "three", "lot",
];

/// "Number two is renewing the domain" -> "renew the domain"; "Next up is the insurance
/// renewal" -> "insurance renewal".
fn introduced(orig: &str) -> Option<String> {
    let c = INTRODUCER_RE.as_ref()?.captures(orig)?;
    let rest = c.get(1)?.as_str().trim();
    let first = rest.split_whitespace().next()?;
    let b = bare(first);
    if b == "to" {
        let rest = rest[first.len()..].trim();
        return opens_command(rest).then(|| rest.to_string());
    }
    if VAGUE.contains(&b.as_str()) || SUBJECT_PRONOUNS.contains(&b.as_str()) {
        return None;
    }
    if let Some(verb) = verb_from_gerund(first) {
        return Some(format!("{verb} {}", rest[first.len()..].trim()));
    }
    if opens_command(rest) {
        return Some(rest.to_string());
    }
    if is_determiner(first) || first.chars().next().is_some_and(char::is_uppercase) {
        let words = rest.split_whitespace().collect::<Vec<_>>();
        if words.iter().any(|w| is_finite(w)) && words.len() > 3 {
            return None;
        }
        return Some(strip_article(rest));
    }
    None
}

/// "make that the green ones" -> Amend("the green ones"); "make it Friday" -> Amend("").
fn amendment(orig: &str, masked: &str, has_date: bool) -> Option<Kind> {
    let pos = strip_lead(masked);
    let m = masked[pos..].trim_start();
    let start = masked.len() - m.len();
    let c = AMEND_RE.as_ref()?.captures(m)?;
    let rest = c.get(1)?;
    let words: Vec<&str> = rest.as_str().split_whitespace().collect();
    if words.is_empty() {
        return has_date.then(|| Kind::Amend(String::new()));
    }
    let first = bare(words[0]);
    let bad_start = matches!(
        first.as_str(),
        "to" | "up"
            | "work"
            | "happen"
            | "out"
            | "clear"
            | "through"
            | "sure"
            | "so"
            | "easy"
            | "quick"
            | "fast"
            | "count"
            | "snappy"
            | "worth"
            | "obvious"
            | "a"
            | "an"
    );
    if bad_start || words.len() > 5 || words.iter().any(|w| is_finite(w) || is_verb(w)) {
        return None;
    }
    let o = &orig[start + rest.start()..start + rest.end()];
    Some(Kind::Amend(o.trim().to_string()))
}

/// The noun phrase of "the passport renewal is top priority" once the cue was blanked.
fn noun_with_cue(content: &str) -> Option<String> {
    let c = NOUN_CUE_RE.as_ref()?.captures(content.trim())?;
    let np = c.get(1)?.as_str().trim();
    let words: Vec<&str> = np.split_whitespace().collect();
    // "the rest can wait", "the Comcast thing is urgent": no new item, a remark about others.
    let vague = |w: &&str| {
        matches!(
            bare(w).as_str(),
            "rest"
                | "others"
                | "other"
                | "remainder"
                | "thing"
                | "things"
                | "stuff"
                | "one"
                | "ones"
                | "bit"
                | "lot"
        ) || VAGUE.contains(&bare(w).as_str())
    };
    if words.len() > 8
        || words.len() < 2
        || vague(&words[1])
        || words.last().is_some_and(vague)
        || words[1..]
            .iter()
            .any(|w| is_finite(w) || SUBJECT_PRONOUNS.contains(&bare(w).as_str()))
    {
        return None;
    }
    Some(strip_article(np))
}

/// "finishing the auth endpoints is high priority" -> "finish the auth endpoints".
fn priority_statement(content: &str) -> Option<String> {
    let c = PRIORITY_IS_RE.as_ref()?.captures(content)?;
    let verb = verb_from_gerund(c.get(1)?.as_str())?;
    Some(format!("{verb} {}", c.get(2)?.as_str()))
}

pub(crate) fn strip_article(s: &str) -> String {
    let s = s.trim();
    match s.split_once(' ') {
        Some((first, rest))
            if is_determiner(first) && bare(first) != "my" && bare(first) != "our" =>
        {
            rest.to_string()
        }
        _ => s.to_string(),
    }
}

/// "the letter says it", "Sam reckons they": someone says what the pronoun, named before,
/// does.
fn reports_a_pronoun(subject: &str) -> bool {
    let words: Vec<String> = subject.split_whitespace().map(bare).collect();
    match words.as_slice() {
        [.., verb, pronoun] => {
            matches!(pronoun.as_str(), "it" | "they" | "that" | "those" | "these")
                && matches!(
                    verb.as_str(),
                    "says"
                        | "said"
                        | "say"
                        | "reckons"
                        | "thinks"
                        | "reckon"
                        | "think"
                        | "mentioned"
                        | "told"
                        | "tells"
                )
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Kind {
        classify(s, s, false, false)
    }

    fn task_text(s: &str) -> Option<String> {
        match k(s) {
            Kind::Task { text, .. } => Some(text),
            _ => None,
        }
    }

    #[test]
    fn finds_commands() {
        assert_eq!(task_text("I need to call Joe").as_deref(), Some("call Joe"));
        assert_eq!(
            task_text("and then take her to the orthodontist").as_deref(),
            Some("take her to the orthodontist")
        );
        assert_eq!(
            task_text("After school I have to pick up Lily").as_deref(),
            Some("pick up Lily")
        );
        assert_eq!(
            task_text("I promised my mom I'd call her").as_deref(),
            Some("call my mom")
        );
        assert_eq!(
            task_text("the kids' dentist appointment needs rescheduling").as_deref(),
            Some("reschedule the kids' dentist appointment")
        );
        assert_eq!(
            task_text("so finishing the auth endpoints is high priority").as_deref(),
            Some("finish the auth endpoints")
        );
        let orig = "This Friday is the deadline for the vendor contract review";
        let masked = "           is the deadline for the vendor contract review";
        assert!(
            matches!(classify(orig, masked, true, false), Kind::Task { text, .. } if text == "vendor contract review")
        );
    }

    #[test]
    fn leaves_statements() {
        assert!(matches!(
            k("the quarterly numbers look better than expected"),
            Kind::Statement(_)
        ));
        assert!(matches!(k("Marketing did a good job"), Kind::Statement(_)));
        assert!(matches!(
            k("I wonder if we should switch"),
            Kind::Statement(_)
        ));
        assert!(matches!(
            k("Yesterday I finished the search indexing"),
            Kind::Statement(_)
        ));
        assert!(matches!(k("Review is on the 20th"), Kind::Statement(_)));
        assert!(matches!(
            classify("call Bob", "call Bob", false, true),
            Kind::Statement(_)
        ));
    }

    #[test]
    fn finds_take_backs_and_phrases() {
        assert_eq!(k("no wait"), Kind::Correction);
        assert_eq!(k("scratch that"), Kind::RetractPrevious);
        assert_eq!(
            k("forget the onboarding doc"),
            Kind::RetractObject("onboarding doc".into())
        );
        assert_eq!(k("the NDA"), Kind::Phrase("the NDA".into()));
        assert_eq!(k("um"), Kind::Filler);
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("classify.rs"),
            &[
                ("ASKED_ME_RE", super::ASKED_ME_RE.is_some()),
                ("DEADLINE_RE", super::DEADLINE_RE.is_some()),
                ("SOMEDAY_RE", super::SOMEDAY_RE.is_some()),
                ("IS_DUE_RE", super::IS_DUE_RE.is_some()),
                ("THERE_IS_DUE_RE", super::THERE_IS_DUE_RE.is_some()),
                ("PRIORITY_IS_RE", super::PRIORITY_IS_RE.is_some()),
                ("AMEND_RE", super::AMEND_RE.is_some()),
                ("NEW_ONE_RE", super::NEW_ONE_RE.is_some()),
                ("CONSEQUENCE_RE", super::CONSEQUENCE_RE.is_some()),
                ("INTRODUCER_RE", super::INTRODUCER_RE.is_some()),
                ("NOUN_CUE_RE", super::NOUN_CUE_RE.is_some()),
                ("STRONG_CUE", super::STRONG_CUE.is_some()),
                ("HAVE_EVENT_RE", super::HAVE_EVENT_RE.is_some()),
            ],
        );
    }
}
