//! Spoken padding ("um", "okay so", "note to self"), the lead-ins that wrap a command
//! ("I need to", "can you remind me to"), and the phrases that take an item back.

use std::sync::LazyLock;

use regex::Regex;

const FILLER: &str = r"um+|uh+|uhh+|er+m?|hm+|ah+|oh+|okay|ok|alright|all\s+right|right|so|well|yeah|yes|yep|like|anyway|anyways|also|and|then|plus|but|or|first\s+thing(?:\s+in\s+the\s+morning)?|first\s+of\s+all|first|firstly|(?:after|before|at|over)\s+(?:lunch|work|school|dinner|breakfast)|secondly|next|finally|lastly|after\s+that|otherwise|besides|additionally|now|just|maybe|perhaps|probably|possibly|definitely|really|honestly|basically|please|kindly|at\s+least|let'?s\s+see|lemme\s+see|let\s+me\s+see|let\s+me\s+think|note\s+to\s+(?:self|myself)|(?:quick\s+)?reminder\s+to\s+(?:self|myself)|memo\s+to\s+(?:self|myself)|quick\s+reminder|reminder|one\s+more\s+thing|another\s+thing|oh\s+yeah|what\s+else|i\s+guess|i\s+think|i\s+suppose|you\s+know|one\s+thing|two\s+things|and\s+also|as\s+well|same\s+goes\s+for|while\s+i'?m\s+at\s+it|by\s+the\s+way|btw|hey|separately|thank\s+(?:god|goodness|heavens|christ)";

const ADVERBS: &str = r"really|also|probably|definitely|still|just|absolutely|seriously|then|even|actually|totally|urgently|desperately|finally|quickly|somehow|maybe|first|gotta|now|today";

static FILLER_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*(?:{FILLER})\b[\s,:;.!?-]*")).ok());

static MODAL: LazyLock<String> = LazyLock::new(|| {
    r"need\s+to|needa|have\s+to|do\s+(?:still\s+)?need\s+to|do\s+(?:still\s+)?have\s+to|has\s+to|'ve\s+got\s+to|'ve\s+gotta|have\s+got\s+to|got\s+to|gotta|must|should|ought\s+to|want\s+to|wanna|would\s+like\s+to|'d\s+(?:(?:also|really|quite|so|still)\s+)*(?:like|love)\s+to(?:\s+(?:finally\s+)?get\s+(?:a)?round\s+to)?|would\s+(?:(?:also|really|quite)\s+)*(?:like|love)\s+to|(?:'ve|have)\s+been\s+(?:meaning|wanting)\s+to|keep\s+meaning\s+to|keep\s+forgetting\s+to|always\s+forget\s+to|never\s+remember\s+to|must\s+remember\s+to|need\s+to\s+remember\s+to|keep\s+saying\s+(?:i'?ll|i\s+will|i\s+should)|never\s+get\s+(?:a)?round\s+to|(?:need|have|want)\s+to\s+get\s+(?:a)?round\s+to|am\s+going\s+to|'m\s+going\s+to|'m\s+gonna|am\s+gonna|gonna|going\s+to|will|'ll|shall|'m\s+supposed\s+to|am\s+supposed\s+to|plan\s+to|'m\s+planning\s+to|intend\s+to|might\s+need\s+to|can|could|'d\s+better|better|'m\s+meant\s+to|(?:'ve\s+|have\s+)?promised\s+to|(?:'ve\s+|have\s+)?(?:agreed|offered)\s+to|said\s+(?:i'?d|i\s+would|i'?ll|i\s+will|we'?d|we'?ll)"
        .to_string()
});

static SUBJECT_MODAL_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:(?:i|we|you|u)\s*)?(?:(?:{ADVERBS})\s+)*(?:{})\b[\s,]*(?:(?:{ADVERBS})\s+)*",
        *MODAL
    ))
    .ok()
});

/// Same, but found after a short scene-setting prefix: "After school I have to ...".
static INNER_SUBJECT_MODAL_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:i|we)\s*(?:(?:{ADVERBS})\s+)*(?:{})\b[\s,]*(?:(?:{ADVERBS})\s+)*",
        *MODAL
    ))
    .ok()
});

static REQUEST_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:can|could|would|will)\s+(?:you|we|u)(?:\s+please)?|please|(?:can\s+you\s+)?remind\s+me\s+to|remind\s+me\s+(?:that\s+)?i\s+(?:need|have)\s+to|(?:don'?t|do\s+not|dont)\s+(?:you\s+)?(?:forget|let\s+me\s+forget)\s+to|(?:make\s+sure|remember)\s+(?:to|that\s+i|i|you|we)(?:\s+(?:need\s+to|have\s+to|should))?|(?:add|set|create|put\s+in)\s+(?:a\s+)?(?:reminder|task|todo|to-do)\s+(?:for\s+me\s+)?to|let'?s|let\s+us|let\s+me|try\s+(?:to|and)|(?:to-?do|todo|task|action\s+item)s?\s*:?|i\s+(?:still\s+)?owe\s+\w+\s+an?\s+)\b[\s,]*",
    )
    .ok()
});

static CORRECTION_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:oh|um+|uh+|and|but|okay|ok)[\s,]+)*(?:(?:no|sorry|oops|wait)(?:[\s,]+(?:no|sorry|oops|wait))+|no\s+wait|wait\s+no|wait|no\s+no|no|sorry|i\s+mean|or\s+rather|rather|actually\s+no|oops|actually(?:[\s,]+sorry)?|(?:(?:no|oh|oh\s+no|wait)[\s,]+)?(?:hang|hold)\s+on(?:\s+a\s+(?:sec|second|minute))?|wait\s+a\s+(?:sec|second|minute)|on\s+second\s+thought)(?:[\s,]+i\s+mean)?\s*[.!,]*\s*$").ok()
});

static RETRACT_PREV_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:actually|oh|no|wait|but|and|so|um+|uh+|okay|ok)[\s,]+)*(?:scratch\s+that|strike\s+that|(?:(?:i|we)\s+(?:can|could)\s+)?(?:scrap|bin|ditch)\s+(?:that|it)\b|skip\s+(?:that|it)|never\s*mind|nvm|forget\s+(?:about\s+)?(?:that|it|this|all\s+that)\b|cancel\s+that|ignore\s+(?:that|it)\b|delete\s+that|undo\s+that|don'?t\s+do\s+(?:that|it)|don'?t(?:\s+bother)?\s*$|not\s+that\s*$|(?:that'?s|that\s+is|it'?s)\s+not\s+(?:a\s+task|a\s+to-?do|for\s+now|needed|necessary|happening|urgent\s+anymore)|not\s+for\s+now|no\s+need\s*$|(?:just\s+)?leave\s+(?:it|that)\s*$|(?:not\s+)?(?:really\s+)?an?\s+(?:real\s+|actual\s+|proper\s+)?(?:task|to-?do)\s*$|(?:that'?s|it'?s)\s+(?:(?:like|just|more|kind\s+of|sort\s+of)\s+)*an?\s+(?:someday|some\s+day|one\s+day|maybe\s+someday|pipe\s+dream)(?:\s+thing)?\b|that'?s\s+(?:already\s+)?(?:done|handled|sorted)|i\s+already\s+did\s+(?:it|that)|already\s+(?:done|did\s+it))").ok()
});

static RETRACT_OBJ_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:actually|oh|no|wait|but|and|so|um+|uh+)[\s,]+)*(?:forget|scrap|scratch|skip|strike|cross\s+off|nix|never\s*mind|no\s+need\s+to|don'?t|do\s+not)\s+(?:about\s+|the\s+whole\s+|bother\s+(?:with|to)\s+|need\s+to\s+)?(.+)$").ok()
});

/// Byte offset where the content starts once padding and lead-ins are gone.
pub(crate) fn strip_lead(text: &str) -> usize {
    let mut pos = 0;
    for _ in 0..12 {
        let rest = &text[pos..];
        let step = [&*FILLER_RE, &*REQUEST_RE, &*SUBJECT_MODAL_RE]
            .into_iter()
            .flatten()
            .filter_map(|re| re.find(rest))
            .map(|m| m.end())
            .find(|end| *end > 0);
        match step {
            Some(end) => pos += end,
            None => break,
        }
    }
    pos
}

const HEDGES: &[&str] = &[
    "if",
    "whether",
    "wonder",
    "think",
    "thinking",
    "guess",
    "sure",
    "that",
    "when",
    "because",
    "said",
    "says",
    "saying",
    "say",
    "suggested",
    "suggests",
    "reckons",
    "thinks",
    "maybe",
    "wondering",
    "whatever",
    "not",
    "unless",
    "why",
    "how",
];

/// Byte offset after an "I need to" that follows a short scene-setter ("After school I have to").
pub(crate) fn inner_lead(text: &str) -> Option<usize> {
    let m = INNER_SUBJECT_MODAL_RE.as_ref()?.find(text)?;
    let before: Vec<String> = text[..m.start()]
        .split_whitespace()
        .map(super::lexicon::bare)
        .collect();
    // "I wonder if we should ...", "he said we need to ...": musing or reported speech.
    let hedged = before.iter().any(|w| HEDGES.contains(&w.as_str()));
    (m.start() > 0 && before.len() <= 8 && !hedged).then_some(m.end())
}

/// "no wait", "sorry", "I mean": what follows replaces what came before.
pub(crate) fn is_correction(text: &str) -> bool {
    CORRECTION_RE.as_ref().is_some_and(|re| re.is_match(text))
}

/// "scratch that", "never mind", "actually don't": drop the item said just before.
pub(crate) fn retracts_previous(text: &str) -> bool {
    RETRACT_PREV_RE.as_ref().is_some_and(|re| re.is_match(text))
}

/// "forget the onboarding doc": the words naming the item to drop.
pub(crate) fn retracted_object(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if lower.contains("forget to") || lower.contains("forget about to") {
        return None;
    }
    let c = RETRACT_OBJ_RE.as_ref()?.captures(text)?;
    let obj = c.get(1)?.as_str();
    let words: Vec<String> = obj
        .split_whitespace()
        .map(super::lexicon::bare)
        .filter(|w| !w.is_empty() && !super::lexicon::is_determiner(w))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(s: &str) -> &str {
        &s[strip_lead(s)..]
    }

    #[test]
    fn strips_padding_and_lead_ins() {
        assert_eq!(rest("Okay so, um, I need to call Joe"), "call Joe");
        assert_eq!(
            rest("Can you remind me to water the plants"),
            "water the plants"
        );
        assert_eq!(
            rest("And I should probably renew my passport"),
            "renew my passport"
        );
        assert_eq!(rest("don't forget to bring the card"), "bring the card");
        assert_eq!(rest("I've got to submit the grant"), "submit the grant");
        assert_eq!(rest("I'll email Greg"), "email Greg");
        assert_eq!(
            rest("Let me also check the analytics"),
            "check the analytics"
        );
        assert_eq!(
            rest("Gotta pick up the prescription"),
            "pick up the prescription"
        );
        assert_eq!(
            rest("Can you add a reminder to renew the SSL certificate"),
            "renew the SSL certificate"
        );
        assert_eq!(rest("but I do need to ring Sue"), "ring Sue");
        assert_eq!(rest("Call Bob"), "Call Bob");
        assert_eq!(rest("Marketing did a good job"), "Marketing did a good job");
    }

    #[test]
    fn finds_inner_lead() {
        let s = "After school I have to pick up Lily";
        assert_eq!(inner_lead(s).map(|p| &s[p..]), Some("pick up Lily"));
    }

    #[test]
    fn knows_take_backs() {
        assert!(is_correction("no wait"));
        assert!(is_correction("um, no wait"[4..].trim()));
        assert!(is_correction("no, hold on"));
        assert!(is_correction("hang on a sec"));
        assert!(retracts_previous("Scratch that"));
        assert!(retracts_previous("Actually don't"));
        assert!(retracts_previous("never mind"));
        assert!(!retracts_previous("don't forget to call"));
        assert_eq!(
            retracted_object("forget the onboarding doc").as_deref(),
            Some("onboarding doc")
        );
        assert_eq!(retracted_object("don't forget to call"), None);
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("filler.rs"),
            &[
                ("FILLER_RE", super::FILLER_RE.is_some()),
                ("SUBJECT_MODAL_RE", super::SUBJECT_MODAL_RE.is_some()),
                (
                    "INNER_SUBJECT_MODAL_RE",
                    super::INNER_SUBJECT_MODAL_RE.is_some(),
                ),
                ("REQUEST_RE", super::REQUEST_RE.is_some()),
                ("CORRECTION_RE", super::CORRECTION_RE.is_some()),
                ("RETRACT_PREV_RE", super::RETRACT_PREV_RE.is_some()),
                ("RETRACT_OBJ_RE", super::RETRACT_OBJ_RE.is_some()),
            ],
        );
    }
}
