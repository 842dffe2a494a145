//! What others asked for and what the speaker owes or promised: "Dana asked if I could send
//! her the files" → "send Dana the files", "I owe Gareth a call back" → "call Gareth back",
//! "I promised my mom I'd call her" → "call my mom".

use std::sync::LazyLock;

use regex::Regex;

use super::classify::strip_article;
use super::lexicon::{bare, is_determiner, is_particle, opens_command};
use super::outcomes::wanted_outcome;
use super::title::lower_determiner;

static COMMITMENT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:i|we)\s+(?:promised|told|owe|said\s+to|assured)\s+(.+?)\s+(?:that\s+)?(?:i|we)(?:'d|'ll|\s+would|\s+will|\s+should|\s+was\s+going\s+to)\s+(.+)$").ok()
});
/// "I owe Gareth a call back": the thing owed, done for them.
static OWE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:i|we)\s+(?:still\s+|really\s+)?owe\s+(.+?)\s+an?\s+(call|email|e-mail|reply|text|visit|invoice|apology|answer|update|thank-you(?:\s+note|\s+card)?|lunch|coffee|drink|favour|favor)(\s+back)?\b(.*)$").ok()
});

/// "Dana asked if I could …", "my tutor asked me to …": who asked.
static ASKER_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:my|our|the)\s+[a-z]+\s+)?(\p{Lu}[\w'-]*?(?:\s+\p{Lu}[\w'-]*?)?)(?:'s)?\s+(?:(?:from|at)\s+\p{Lu}[\w'&-]*(?:\s+\p{Lu}[\w'&-]*)*\s+)?(?:(?i:also|just|already|now|has|had)\s+)*(?:asked|wants|wondered|needs|told|reminded)\b").ok()
});

/// "Pepper wants the revised SOW", "the client wants scaffold quotes": someone waiting on a
/// deliverable.
static WANTS_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^((?:\p{Lu}[\w'-]*(?:\s+\p{Lu}[\w'-]*)?|(?i:the)\s+\p{Lu}[\w'-]*s|(?i:the|my|our|their)\s+(?:\w+'s\s+)?(?:(?i:care|head\s+of|new|old|other)\s+)?(?i:landlord|landlady|boss|manager|client|customer|accountant|bank|school|council|teacher|lawyer|solicitor|agent|agency|editor|publisher|team|director|ceo|cfo|supplier|contractor|builder|insurer|tenant|tenants|partner|wife|husband|mum|mom|dad|doctor|dentist|vet|surgery|nursery|office|hr|finance|recruiter|coach|tutor|neighbour|neighbor|auditor|printer|venue|caterer|plumber|electrician|gp|head|headteacher|principal|clinic|practice|pharmacy|committee|board|funder|funders|investors|sponsor|sponsors|organiser|organizer|promoter|inspector|moderator|chair|governors|university|college|department|home)(?:\s+(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?\p{Lu}[\w'-]*)?|(?i:they))(?:\s+(?i:from|at)\s+(?i:the\s+)?[\w'&-]+)?)(?:\s+(?i:also|still|now|really|just|even))?\s+(?:wants?|needs?|is\s+waiting\s+(?:for|on)|expects|asked\s+for|is\s+expecting)\s+((?:the|a|an|their|his|her|our|my|some|last|next|this|final|new|more|\w+'s)\s+.+|[a-z][\w-]+\s+[a-z][\w-]+s\b.*|[a-z][\w-]{2,}s\b.*)$").ok()
});

/// "The landlord wants the form back by Monday" -> "form back for the landlord"; "the bride's
/// mum wants the centrepieces changed" -> "change the centrepieces" (a job said as an
/// outcome); "they want a revised quote" -> "revised quote".
pub(crate) fn wanted_by(content: &str) -> Option<String> {
    let c = WANTS_RE.as_ref()?.captures(content)?;
    let (who, what) = (c.get(1)?, c.get(2)?);
    let outcome = wanted_outcome(&format!("I want {}", what.as_str().trim()));
    if what.as_str().split_whitespace().count() > 6 && outcome.is_none() {
        return None;
    }
    if matches!(bare(who.as_str()).as_str(), "i" | "we" | "you") {
        return None;
    }
    // "want"/"need" without the "s" only after a plural: "they", "the tenants".
    // "they also want": the verb after the adverb.
    let verb = content[who.end()..]
        .split_whitespace()
        .find(|w| {
            !matches!(
                bare(w).as_str(),
                "also" | "still" | "now" | "really" | "just" | "even"
            )
        })
        .unwrap_or_default();
    let plural_verb = verb.starts_with(['w', 'n']) && !verb.ends_with('s');
    let plural_subject = bare(who.as_str()) == "they"
        || who
            .as_str()
            .split_whitespace()
            .next()
            .is_some_and(is_determiner);
    if plural_verb && !plural_subject {
        return None;
    }
    let who = who.as_str();
    // "wants the centrepieces changed" is a job; "needs his drill back" stays theirs.
    if let Some(o) = outcome.filter(|o| !o.starts_with("get ")) {
        return Some(o);
    }
    // "They want a revised quote": who "they" are was said before, or does not matter.
    if bare(who) == "they" {
        return Some(strip_article(what.as_str()));
    }
    // "the client Mrs Achterberg": only the determiner loses its capital.
    let who = lower_determiner(who);
    Some(format!("{} for {who}", strip_article(what.as_str())))
}

/// "I owe Gareth a call back" -> "call Gareth back"; "I owe my sister a lunch" -> "get lunch
/// for my sister".
pub(crate) fn owed(content: &str) -> Option<String> {
    let c = OWE_RE.as_ref()?.captures(content)?;
    let (who, what) = (c.get(1)?, c.get(2)?);
    if who.as_str().split_whitespace().count() > 5 {
        return None;
    }
    let back = c.get(3).map_or("", |m| m.as_str());
    let tail = c.get(4).map_or("", |m| m.as_str()).trim();
    let what = what.as_str().to_lowercase();
    let text = match what.as_str() {
        "call" | "email" | "e-mail" | "text" | "reply" | "invoice" | "visit" | "answer"
        | "update" => format!("{what} {}{back} {tail}", who.as_str()),
        _ => format!("get {what} for {} {tail}", who.as_str()),
    };
    Some(text.trim().to_string())
}

/// The request `text` said on behalf of whoever `clause` names as asking: "Dana asked if I
/// could send her the files": "her" is Dana.
pub(crate) fn for_asker(clause: &str, text: &str) -> String {
    let asker = ASKER_RE
        .as_ref()
        .and_then(|re| re.captures(clause.trim_start()))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string());
    match asker {
        Some(who) => {
            let out = replace_object_pronoun(text, &who);
            // "Ms Abara asked if I'd cover her break duty": whose duty it is.
            if out == text {
                replace_possessive(text, &who)
            } else {
                out
            }
        }
        None => text.to_string(),
    }
}

/// The first "her" / "his" before a noun in `vp` is `who`'s: "cover her break duty" with
/// "Ms Abara" -> "cover Ms Abara's break duty".
fn replace_possessive(vp: &str, who: &str) -> String {
    let words: Vec<&str> = vp.split_whitespace().collect();
    let Some(k) = words.iter().enumerate().position(|(k, w)| {
        matches!(bare(w).as_str(), "her" | "his")
            && !w.ends_with([',', '.', '!', '?'])
            && words.get(k + 1).is_some_and(|n| {
                !is_determiner(n)
                    && !is_particle(n)
                    && !AFTER_OBJECT_HER.contains(&bare(n).as_str())
            })
    }) else {
        return vp.to_string();
    };
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
    out[k] = format!("{who}'s");
    out.join(" ")
}

/// "I promised my mom I'd call her" -> "call my mom".
pub(crate) fn commitment(orig: &str) -> Option<String> {
    let c = COMMITMENT_RE.as_ref()?.captures(orig)?;
    let who = c.get(1)?.as_str().trim();
    let vp = c.get(2)?.as_str();
    if !opens_command(vp) {
        return None;
    }
    Some(replace_object_pronoun(vp, who))
}

/// Words after "her" that show it is the object, not "her" + a noun.
const AFTER_OBJECT_HER: &[&str] = &[
    "about", "for", "to", "with", "at", "by", "from", "this", "that", "next", "tomorrow", "today",
    "tonight", "later", "soon", "asap", "first", "again", "too", "now", "when", "before", "after",
    "if", "and", "but", "so", "or", "as", "know", "what", "how", "where", "whether", "which",
    "who", "why",
];

/// The first "her" / "him" / "them" in `vp` stands for `who`: "send her the files" with
/// "Dana" -> "send Dana the files". A "her" before a noun is possessive and stays unless it
/// is the only one ("water her orchids" -> "water Maria's orchids" reads worse than as is).
fn replace_object_pronoun(vp: &str, who: &str) -> String {
    let mut replaced = false;
    let words: Vec<&str> = vp.split_whitespace().collect();
    let out: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let b = bare(w);
            let object = match b.as_str() {
                "him" | "them" => true,
                // "send her the files", "pair with her", "call her": an object, not "her orchids".
                "her" => {
                    w.ends_with([',', '.', '!', '?'])
                        || words.get(k + 1).is_none_or(|n| {
                            is_determiner(n)
                                || is_particle(n)
                                || AFTER_OBJECT_HER.contains(&bare(n).as_str())
                        })
                }
                _ => false,
            };
            if !replaced && object {
                replaced = true;
                let tail: String = w.chars().skip_while(|c| c.is_alphanumeric()).collect();
                format!("{who}{tail}")
            } else {
                (*w).to_string()
            }
        })
        .collect();
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("requests.rs"),
            &[
                ("COMMITMENT_RE", COMMITMENT_RE.is_some()),
                ("OWE_RE", OWE_RE.is_some()),
                ("ASKER_RE", ASKER_RE.is_some()),
                ("WANTS_RE", WANTS_RE.is_some()),
            ],
        );
    }

    #[test]
    fn who_asked_and_what_is_owed() {
        assert_eq!(
            for_asker(
                "Dana asked if I could send her the files",
                "send her the files"
            ),
            "send Dana the files"
        );
        assert_eq!(
            for_asker("Maria asked me to water her orchids", "water her orchids"),
            "water Maria's orchids"
        );
        assert_eq!(
            owed("I owe Gareth a call back").as_deref(),
            Some("call Gareth back")
        );
        assert_eq!(
            commitment("I promised my mom I'd call her").as_deref(),
            Some("call my mom")
        );
    }
}
