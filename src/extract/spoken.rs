//! What speech recognition does to a dump before the extractor reads it. Whisper writes
//! a spoken self-correction without the pause after "no" — "book the venue for the 12th,
//! no the 14th", "buy milk, no oat milk" — where a typed dump has "no, the 14th". Read
//! literally, "no the 14th" and "no oat milk" are a refusal, and the correction is lost.
//! And now and then it writes a spoken list with no punctuation at all: "Call mom Call dad
//! Call grandpa on Sunday".

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{bare, is_verb};

mod heard;

/// The repairs, in order.
pub(crate) fn repair(text: &str, heard: bool) -> String {
    mark_corrections(&super::run_on::restore_commas_in_text(&read_as_said(
        text, heard,
    )))
}

/// [`repair`] without the commas put back in a long run-on: the reconciler puts back its
/// own, more of them (see `run_on::restore_commas`).
pub(crate) fn repair_keeping_run_ons(text: &str) -> String {
    mark_corrections(&read_as_said(text, false))
}

/// The repairs both readers share, so the reconciler hears the dump as the extractor does.
fn read_as_said(text: &str, heard: bool) -> String {
    let text = drop_exclamations(&heard::as_typed(text, heard));
    let text = say_what_is_due(&name_what_needs_doing(&text));
    let text = say_what_is_to_do(&unstutter(&drop_appositions(&text)));
    split_run_ons(&spell_terms(&say_plainly(&text)))
}

/// `text` with every match of `re` replaced (unchanged if the rule did not compile).
pub(crate) fn swap(re: &LazyLock<Option<Regex>>, text: &str, with: &str) -> String {
    match re.as_ref() {
        Some(re) => re.replace_all(text, with).into_owned(),
        None => text.to_owned(),
    }
}

/// `text` with every match of `re` replaced by what `with` makes of it (unchanged if the
/// rule did not compile).
pub(crate) fn rewrite(
    re: &LazyLock<Option<Regex>>,
    text: &str,
    with: impl FnMut(&regex::Captures) -> String,
) -> String {
    match re.as_ref() {
        Some(re) => re.replace_all(text, with).into_owned(),
        None => text.to_owned(),
    }
}

/// "Pay my rent, oh God, I forgot", "register the birth, oh God, we've got sixty days",
/// "a stock count, but God not this month": an exclamation is no word of the to-do, and
/// read as one it becomes a card ("Pay God"); so is "ha, the irony" ("book that" is the
/// booster said before it, not "the irony"). "God's" (a sermon on God's grace) stays.
static EXCLAMATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:oh|thank)\s+(?:my\s+)?|\bmy\s+)?\b(?:god|gosh|goodness|jeez|geez|heavens)\b('s)?[!,.]*\s*|\b(?:ha(?:ha)?[!,.]*\s+)?the\s+irony[!,.]*\s*").ok()
});

/// "The trough in the back paddock's cracked, needs replacing", "the gate's broken, it
/// needs fixing": what needs doing is said of the thing just named; named again, the clause
/// reads as a to-do of its own ("the trough … needs replacing").
static NEEDS_DOING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:the|my|our|his|her|their)\s+[\w\s'-]{1,40}?)(?:'s|\s+is|\s+are)\s+([^,.;!?]{1,30}?)(?:,\s*(?:and\s+|so\s+)?|\s+and\s+)(?:it\s+|they\s+|that\s+)?(needs|need)\s+([a-z]+ing)\b").ok()
});

fn name_what_needs_doing(text: &str) -> String {
    rewrite(&NEEDS_DOING, text, |c| {
        let thing = &c[1];
        let named = match thing.split_once(' ') {
            Some((det, rest)) => format!("{} {rest}", det.to_lowercase()),
            None => thing.to_string(),
        };
        format!("{thing} is {}, {named} {} {}", &c[2], &c[3], &c[4])
    })
}

/// "the truck's due for an oil change", "the boiler's due for a service": the thing
/// that is due is what the to-do is about; said as "the truck's oil change is due", the
/// extractor reads it as one.
static DUE_FOR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:the|my|our|his|her|their)\s+[\w'-]+?)(?:'s|\s+is)\s+(?:due|overdue)\s+for\s+(?:a|an|its|her|his|their)\s+([a-z][\w-]*)(\s+[a-z][\w-]*)?\b").ok()
});

fn say_what_is_due(text: &str) -> String {
    rewrite(&DUE_FOR, text, |c| {
        // "due for a week's holiday", "due for a couple of days off": no thing.
        if matches!(
            c[2].to_lowercase().as_str(),
            "week" | "day" | "month" | "year" | "fortnight" | "couple" | "few" | "bit" | "while"
        ) {
            return c[0].to_string();
        }
        let second = c.get(3).map_or("", |m| m.as_str());
        let joins = !second.is_empty() && {
            let w = second.trim().to_lowercase();
            !(super::lexicon::is_preposition(&w)
                || super::lexicon::is_determiner(&w)
                || super::lexicon::is_soft_tail(&w)
                || DAYS_AND_MONTHS.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "next" | "this" | "tomorrow" | "today" | "tonight" | "soon" | "end"
                ))
        };
        let (what, after) = if joins {
            (format!("{}{second}", &c[2]), "")
        } else {
            (c[2].to_string(), second)
        };
        format!("{}'s {what} is due{after}", &c[1])
    })
}

fn drop_exclamations(text: &str) -> String {
    rewrite(&EXCLAMATION, text, |c| {
        if c.get(1).is_some() {
            c[0].to_string()
        } else {
            String::new()
        }
    })
}

/// "Mrs Singh, his wife, wants her Fiesta booked in": who someone is, said between commas,
/// would cut the asker from what they want; the name alone says who.
static APPOSITION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\w'.-]*(?:\s+\p{Lu}[\w'-]*)?),\s+(?i:his|her|their|my|our|the)\s+[^,.;!?]{1,40}?,\s+((?i:wants|needs|asked|says|said|rang|called|emailed|texted)\b)").ok()
});

fn drop_appositions(text: &str) -> String {
    swap(&APPOSITION, text, "$1 $2")
}

/// "about the, the deposit", "to, to Priya": a small word said twice while thinking is
/// said once; the comma between would otherwise cut the item in two.
static STUTTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(the|a|an|to|for|about|with|my|our|and|of|on|at|in|i|we)(?:,?\s+(?:um+|uh+|er+m?),?)?,\s+(the|a|an|to|for|about|with|my|our|and|of|on|at|in|i|we)\b").ok()
});

fn unstutter(text: &str) -> String {
    rewrite(&STUTTER, text, |c| {
        let (a, b) = (&c[1], &c[2]);
        if a.eq_ignore_ascii_case(b) {
            b.to_string()
        } else {
            c[0].to_string()
        }
    })
}

/// Idioms for a plain verb: "give Priya a ring" → "call Priya", "drop Sam a line" → "email
/// Sam", "have a look at the PR" → "look at the PR". The title reads as a to-do, and a
/// repeat meets the card that says it plainly.
static IDIOMS: LazyLock<Option<Vec<(Regex, &'static str)>>> = LazyLock::new(|| {
    [
        (r"(?i)\bgive\s+(\p{Lu}[\w'-]*(?:\s+\p{Lu}[\w'-]*)?|him|her|them|(?:my|our|the)\s+\w+)\s+a\s+(?:ring|call|bell|buzz|tinkle)\b", "call $1"),
        (r"(?i)\b(?:drop|send|shoot)\s+(\p{Lu}[\w'-]*(?:\s+\p{Lu}[\w'-]*)?|him|her|them|(?:my|our|the)\s+\w+)\s+(?:a\s+line|an\s+email|an\s+e-mail|a\s+quick\s+email|a\s+note)\b", "email $1"),
        (r"(?i)\b(?:have|take)\s+a\s+(?:quick\s+)?look\s+(at|over|through)\b", "look $1"),
        // "The car, it needs washing", "the gutters, still need doing": the thing is the
        // subject of what it needs, and "still" is no part of the to-do. (", that needs
        // fixing" points back at a whole clause.)
        (r"(?i)\b((?:the|my|our|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+){0,4}),\s+(?:it|they)\s+(?:still\s+)?(needs?)\s+([a-z]+ing)\b", "$1 $2 $3"),
        (r"(?i)\b((?:the|my|our|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+){0,4}),\s+still\s+(needs?)\s+([a-z]+ing)\b", "$1 $2 $3"),
        (r"(?i)\bstill\s+(needs?\s+[a-z]+ing)\b", "$1"),
        // "My DEA registration, renewal's due the 30th": the renewal is the registration's.
        (r"(?i)\b((?:my|our|the|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+){0,3}),\s+(?:the\s+|its\s+)?(renewal|payment|application|submission|inspection|service|return)(?:'s|\s+is)\s+due\b", "$1 $2 is due"),
        // "have a word with the staff" is speaking to them.
        (r"(?i)\bhave\s+a\s+(?:quick\s+)?word\s+with\b", "speak to"),
        // "fix it today itself": "itself" only stresses the day.
        (r"(?i)\b(today|tomorrow|tonight|now)\s+itself\b", "$1"),
        // "the production bug, the one Karthik flagged, …": which one, not another thing.
        (r"(?i),\s+the\s+one\s+(?:that\s+|which\s+)?(?:\p{Lu}[\w'-]*|he|she|they|you|we|i)\s+[a-z]+ed(?:\s+(?:up|in|on|last\s+\w+|yesterday|earlier))?\s*,", ","),
        // "deep clean the fridges": one verb said as two words.
        (r"(?i)\b(deep|spring)\s+clean\b", "$1-clean"),
        // "My manager, Steve, wants a forecast": the name said beside its role is one subject;
        // the commas would cut the request from who asked.
        (r"\b((?i:my|our|the|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?),\s+((?:Mr|Mrs|Ms|Dr|Miss)\.?\s+\p{Lu}[\w'-]+|\p{Lu}[\w'-]+(?:\s+\p{Lu}[\w'-]+)?),\s+((?i:wants|wanted|needs|asked|says|said|is|has|will|would|reckons|thinks|emailed|rang|called|texted))\b", "$1 $2 $3"),
    ]
    .into_iter()
    .map(|(re, to)| Regex::new(re).ok().map(|r| (r, to)))
    .collect()
});

fn say_plainly(text: &str) -> String {
    let Some(idioms) = IDIOMS.as_ref() else {
        return text.to_owned();
    };
    let mut out = text.to_owned();
    for (re, to) in idioms {
        out = re.replace_all(&out, *to).into_owned();
    }
    out
}

/// "I've got three essays to mark by Friday", "we've got a lease to review": the work said
/// after its thing. Read as "I've got to mark three essays".
static GOT_TO_DO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:i|we)(?:'ve|\s+have)?\s+(?:still\s+|also\s+|just\s+)?got)\s+((?:a|an|another|two|three|four|five|six|seven|eight|ten|some|a\s+few|a\s+couple\s+of|more)\s+(?:[\w'-]+\s+){0,3}?([\w'-]+))\s+to\s+([a-z]+)\b").ok()
});

fn say_what_is_to_do(text: &str) -> String {
    rewrite(&GOT_TO_DO, text, |c| {
        let verb = c[4].to_lowercase();
        let thing = c[3].to_lowercase();
        // "I've got a lot to do", "two weeks to finish it", "a train to catch" is fine.
        let idle = matches!(
            verb.as_str(),
            "do" | "go" | "get" | "be" | "see" | "say" | "spare"
        ) || matches!(
            thing.trim_end_matches('s'),
            "lot"
                | "bit"
                | "load"
                | "ton"
                | "week"
                | "day"
                | "hour"
                | "minute"
                | "month"
                | "year"
                | "way"
                | "time"
                | "chance"
                | "reason"
                | "thing"
        );
        if idle || !is_verb(&verb) {
            return c[0].to_string();
        }
        format!("{} to {} {}", &c[1], &c[4], &c[2])
    })
}

/// Terms the extractor knows in their written form, as Whisper spells them when it hears
/// them: "AB test" / "A-B test" / "A B test" → "A/B test" (a verb phrase of work speech).
fn spell_terms(text: &str) -> String {
    let mut out = text.to_owned();
    for heard in ["AB test", "A-B test", "A B test", "AB-test"] {
        out = out.replace(heard, "A/B test");
    }
    // "send thank. You cards": a pause inside "thank you" heard as a sentence end.
    for (heard, meant) in [("thank. You", "thank you"), ("Thank. You", "Thank you")] {
        out = out.replace(heard, meant);
    }
    out
}

/// "Call mom Call dad Call grandpa": the sentence's opening verb said again, capitalised and
/// with no punctuation before it, starts a new item — Whisper capitalised it because it
/// heard a new sentence. Other capitalised verbs stay: "Call Chase", "Email Bill".
pub(crate) fn split_run_ons(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut opening: Option<String> = None;
    let mut prev_ends_clause = true;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            let repeats = opening.as_deref().is_some_and(|v| bare(word) == v);
            if repeats && !prev_ends_clause && word.starts_with(|c: char| c.is_uppercase()) {
                out.push('.');
            }
            out.push(' ');
        }
        out.push_str(word);
        if word.trim().is_empty() {
            continue;
        }
        if prev_ends_clause && opening.is_none() {
            opening = Some(bare(word)).filter(|w| is_verb(w));
        }
        if word.ends_with(['.', '!', '?', '\n']) {
            opening = None;
            prev_ends_clause = true;
        } else {
            prev_ends_clause = word.ends_with([',', ';', ':']);
        }
    }
    out
}

/// Words after "no" that only a correction puts there: "no the 14th", "no at 4", "no to
/// Priya" — nobody refuses a determiner or a preposition.
const CORRECTION_OPENERS: &[&str] = &[
    "the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "at", "on", "by",
    "in", "for", "to", "from", "next", "tomorrow", "today", "tonight",
];

/// "No" phrases that are what they say: "no rush", "no later than Friday", "no need to".
const NOT_CORRECTIONS: &[&str] = &[
    "later", "sooner", "more", "less", "need", "rush", "problem", "worries", "longer", "matter",
    "one", "way", "idea", "big", "hurry", "pressure", "stress", "doubt",
];

pub(crate) const DAYS_AND_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Puts the comma after a correcting "no" back: ", no the 14th" → ", no, the 14th". A "no"
/// is correcting when what follows opens like a date, a time, a name or a determiner, or
/// says again a word of what came before it in the sentence ("milk, no oat milk").
pub(crate) fn mark_corrections(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(at) = find_comma_no(rest) {
        let (head, tail) = rest.split_at(at + ", no ".len());
        out.push_str(&head[..at + ", no".len()]);
        // After ". No" the "no" opens a sentence, and what it corrects is the one before.
        let mark_end = out.len() - "no".len() - 2;
        let said = if head[at..].starts_with(',') {
            &out[sentence_start(&out)..]
        } else {
            &out[sentence_start(&out[..mark_end])..mark_end]
        };
        if corrects(said, tail) {
            out.push(',');
        }
        out.push(' ');
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Byte offset of the next ", no " (any case), or of a sentence's opening "No " (". No oat
/// milk."), taken as the same two-character mark before the "no".
fn find_comma_no(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let comma = lower.find(", no ");
    let opening = [". no ", "! no ", "? no "]
        .iter()
        .filter_map(|m| lower.find(m))
        .min();
    match (comma, opening) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn sentence_start(text: &str) -> usize {
    text.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1)
}

fn corrects(before: &str, after: &str) -> bool {
    let phrase: Vec<&str> = after
        .split([',', '.', ';', '!', '?'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let Some(first) = phrase.first() else {
        return false;
    };
    let first_bare = bare(first);
    if NOT_CORRECTIONS.contains(&first_bare.as_str()) {
        return false;
    }
    if CORRECTION_OPENERS.contains(&first_bare.as_str())
        || DAYS_AND_MONTHS.contains(&first_bare.as_str())
        || first.starts_with(|c: char| c.is_ascii_digit())
        || first.starts_with(|c: char| c.is_uppercase())
    {
        return true;
    }
    let said: Vec<String> = before.split_whitespace().map(bare).collect();
    phrase
        .iter()
        .map(|w| bare(w))
        .any(|w| w.len() >= 3 && said.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::{mark_corrections, repair, split_run_ons};

    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("spoken.rs"),
            &[
                ("STUTTER", super::STUTTER.is_some()),
                ("APPOSITION", super::APPOSITION.is_some()),
                ("EXCLAMATION", super::EXCLAMATION.is_some()),
                ("NEEDS_DOING", super::NEEDS_DOING.is_some()),
                ("DUE_FOR", super::DUE_FOR.is_some()),
                ("GOT_TO_DO", super::GOT_TO_DO.is_some()),
                ("IDIOMS", super::IDIOMS.is_some()),
            ],
        );
    }

    #[test]
    fn stutters_and_idioms_are_said_plainly() {
        assert_eq!(
            repair("Give Priya a ring about the, the deposit.", false),
            "call Priya about the deposit."
        );
        assert_eq!(
            repair("Drop my landlord a line.", false),
            "email my landlord."
        );
        assert_eq!(
            repair("Have a look at Dan's PR.", false),
            "look at Dan's PR."
        );
        // Two different small words are no stutter.
        assert_eq!(repair("Ask for, the menu", false), "Ask for, the menu");
    }

    #[test]
    fn who_someone_is_said_between_commas_leaves_the_asker_whole() {
        assert_eq!(
            repair("Mrs Singh, his wife, wants her Fiesta booked in.", false),
            "Mrs Singh wants her Fiesta booked in."
        );
        assert_eq!(
            repair("Mr Reid, the one from the garage, wants a cake.", false),
            "Mr Reid wants a cake."
        );
        // A list of names is no apposition.
        assert_eq!(
            repair("Call Sam, the plumber, and Joe.", false),
            "Call Sam, the plumber, and Joe."
        );
    }

    #[test]
    fn a_term_is_read_in_its_written_form() {
        assert_eq!(
            repair("After that, AB test the new headline.", false),
            "After that, A/B test the new headline."
        );
        assert_eq!(
            repair("Call AB about the test.", false),
            "Call AB about the test."
        );
        assert_eq!(
            repair("Send thank. You cards to the team.", false),
            "Send thank you cards to the team."
        );
    }

    #[test]
    fn a_list_without_punctuation_is_cut_where_its_verb_comes_again() {
        assert_eq!(
            split_run_ons("Call mom Call dad Call grandpa on Sunday"),
            "Call mom. Call dad. Call grandpa on Sunday"
        );
        for text in [
            "Call Chase about the renewal.",
            "Call mom, Call dad.",
            "Email Bill the invoice and call the bank.",
            "Text Sam. Text Joe too.",
            "Buy milk Buy",
        ] {
            let want = if text == "Buy milk Buy" {
                "Buy milk. Buy"
            } else {
                text
            };
            assert_eq!(split_run_ons(text), want, "{text}");
        }
    }

    #[test]
    fn a_correcting_no_gets_its_comma_back() {
        for (heard, read) in [
            (
                "Book the venue for the 12th, no the 14th.",
                "Book the venue for the 12th, no, the 14th.",
            ),
            (
                "Buy milk, no oat milk, and bananas.",
                "Buy milk, no, oat milk, and bananas.",
            ),
            ("Meet Joe at 3, no at 4.", "Meet Joe at 3, no, at 4."),
            (
                "Call Sam, No Priya about the budget.",
                "Call Sam, No, Priya about the budget.",
            ),
            (
                "Pay rent on Monday, no Tuesday.",
                "Pay rent on Monday, no, Tuesday.",
            ),
        ] {
            assert_eq!(mark_corrections(heard), read);
        }
    }

    #[test]
    fn a_no_that_means_no_stays() {
        for text in [
            "Call the bank, no rush.",
            "Submit the report, no later than Friday.",
            "Order pizza, no onions.",
            "Book a table, no smoking section please.",
            "Buy milk. No, oat milk.",
            "Call Joe, no, Sam.",
            "I said no to the offer, no regrets.",
            "Nothing here",
            "",
        ] {
            assert_eq!(mark_corrections(text), text, "{text}");
        }
    }

    #[test]
    fn a_sentence_that_opens_with_a_correcting_no() {
        assert_eq!(
            mark_corrections("Buy milk. No oat milk. And bananas."),
            "Buy milk. No, oat milk. And bananas."
        );
        assert_eq!(
            mark_corrections("Call the bank. No rush on that."),
            "Call the bank. No rush on that."
        );
    }

    #[test]
    fn only_the_sentence_of_the_no_counts() {
        // "milk" was said in the sentence before, not in this one.
        assert_eq!(
            mark_corrections("Buy milk. Get snacks, no milk chocolate."),
            "Buy milk. Get snacks, no milk chocolate."
        );
    }
}
