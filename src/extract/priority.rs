//! Priority cues: "urgent", "ASAP" lift an item; "whenever", "no rush" lower it.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Priority;

const NEGATED_HIGH: &str = r"not\s+(?:that\s+|super\s+|very\s+|really\s+)?(?:urgent|important|critical|a\s+priority|high\s+priority)|nothing\s+urgent|isn'?t\s+(?:that\s+|super\s+|very\s+|really\s+)?(?:urgent|important|critical)";
const LOW: &str = r"(?:whenever|when|if)\s+(?:i|we)\s+(?:can\s+)?get\s+(?:a?round\s+)?to\s+(?:it|them)|whenever|no\s+rush|no\s+hurry|not\s+in\s+a\s+hurry|low[- ]priority|low\s+prio|lowest\s+priority|at\s+some\s+point|some\s*day|one\s+of\s+these\s+days|if\s+i\s+(?:have|get|find)\s+(?:the\s+)?(?:time|a\s+chance)|if\s+there'?s\s+time|when\s+i\s+(?:get|have|find)\s+(?:a\s+|the\s+)?(?:chance|time|minute)|eventually|nice\s+to\s+have|back\s*burner|can\s+wait|not\s+a\s+priority|no\s+big\s+deal|whenever\s+i\s+can|low\s+on\s+the\s+list";
const HIGH: &str = r"urgent(?:ly)?|asap|a\.s\.a\.p|as\s+soon\s+as\s+possible|top\s+priority|top\s+of\s+(?:the|my)\s+list|high(?:est)?[- ]priority|high\s+prio|number\s+one\s+priority|critical|blocking|blocks\s+(?:us|the|everything)|important|right\s+away|immediately|time[- ]sensitive|crucial|super\s+important|p0|p1|priority\s+one|must\s+do|a\s+must|non[- ]negotiable|can'?t\s+miss\s+(?:it|that|this)|overdue|emergency|(?:a|my|our)\s+(?:real\s+|big\s+)?priority|rush\s+(?:it|that|them|this|the\s+order)|(?:can'?t|cannot)\s+wait\s*$|(?:that|it|this)\s+(?:can'?t|cannot)\s+slip";
const MEDIUM: &str = r"medium(?:\s+priority)?|normal\s+priority|mid\s+priority";

struct Cues {
    negated: Regex,
    low: Regex,
    high: Regex,
    medium: Regex,
    any: Regex,
}

static CUES: LazyLock<Option<Cues>> = LazyLock::new(|| {
    let w = |p: &str| Regex::new(&format!(r"(?i)\b(?:{p})\b")).ok();
    Some(Cues {
        negated: w(NEGATED_HIGH)?,
        low: w(LOW)?,
        high: w(HIGH)?,
        medium: w(MEDIUM)?,
        any: w(&format!("{NEGATED_HIGH}|{LOW}|{HIGH}"))?,
    })
});

/// The priority a piece of speech asks for, if it says anything about priority at all.
/// "Medium" only counts as a cue on its own ("Medium: clean up the board").
pub(crate) fn cue(text: &str) -> Option<Priority> {
    let c = CUES.as_ref()?;
    if c.negated.is_match(text) || c.low.is_match(text) {
        // "ASAP, but the case study no rush" is split before this point; inside one clause a
        // high cue beats a low one because "urgent ... whenever you can" still means urgent.
        if c.high.find_iter(text).any(|m| {
            !c.negated
                .is_match(&text[m.start().saturating_sub(20)..m.end()])
        }) {
            return Some(Priority::High);
        }
        return Some(Priority::Low);
    }
    if c.high.is_match(text) {
        return Some(Priority::High);
    }
    if c.medium.is_match(text) {
        return Some(Priority::Medium);
    }
    None
}

/// Byte ranges of cue phrases, so titles can drop them ("fix the build ASAP" -> "Fix the build").
pub(crate) fn cue_spans(text: &str) -> Vec<(usize, usize)> {
    let Some(c) = CUES.as_ref() else {
        return Vec::new();
    };
    c.any
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cues() {
        assert_eq!(cue("that's urgent"), Some(Priority::High));
        assert_eq!(cue("Sign the NDA ASAP"), Some(Priority::High));
        assert_eq!(cue("It's blocking the whole deal"), Some(Priority::High));
        assert_eq!(cue("clean up the flags whenever"), Some(Priority::Low));
        assert_eq!(cue("renew my passport at some point"), Some(Priority::Low));
        assert_eq!(cue("it's not urgent"), Some(Priority::Low));
        assert_eq!(cue("Medium"), Some(Priority::Medium));
        assert_eq!(cue("call Bob"), None);
        assert_eq!(cue("the important thing"), Some(Priority::High));
    }

    #[test]
    fn finds_spans() {
        let s = "fix the build ASAP";
        let spans = cue_spans(s);
        assert_eq!(spans.len(), 1);
        assert_eq!(&s[spans[0].0..spans[0].1], "ASAP");
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("priority.rs"),
            &[("CUES", super::CUES.is_some())],
        );
    }
}
