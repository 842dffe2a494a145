//! Ways of saying a to-do that have a shape of their own: a plan said with "-ing" on a day,
//! a deadline that names its thing, something that lapses or has to go somewhere, and the
//! thing said before what is to be done with it. `classify` asks these in its order.

use std::sync::LazyLock;

use regex::Regex;

use super::classify::{Kind, strip_article};
use super::lexicon::{any_verb_from_gerund, bare, opens_command};
use super::title::lower_determiner;

/// "my car tax runs out on the 31st": something that lapses on a date is to be renewed.
static EXPIRES_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^((?:my|our|the|his|her|their)\s+[^,]+?)\s+(?:runs\s+out|expires|lapses|is\s+up\s+for\s+renewal|comes\s+up\s+for\s+renewal|renews)\b").ok()
});

/// "my draft chapter goes to Dr Lindqvist by the 22nd": a thing that has to be sent.
static GOES_TO_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^((?:my|our|the|this|that|\w+'s)\s+[^,]+?)\s+(?:goes|has\s+to\s+go|needs\s+to\s+go|must\s+go|should\s+go)\s+((?:out|off|over|back)\s*)?(to\s+\S.*)?$").ok()
});

/// "Monday I'm sanding the floors at the Okafor place": work planned for a day.
static PLAN_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:also\s+|then\s+|just\s+)?(\w[\w-]*ing)\s+(.+)$",
    )
    .ok()
});

/// "the conference abstract deadline is the 22nd": the thing due, named by its deadline.
static NAMED_DEADLINE_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:the|my|our)\s+(.+?)\s+deadline(?:\s+is|'s)\b").ok());

/// "I guess we'll find out more in January": waiting to hear, nothing to do.
static WAIT_AND_SEE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:we|i|you)(?:'ll|\s+will)\s+(?:just\s+)?(?:find\s+out|see|know|hear)\b")
        .ok()
});

/// "I've got the econometrics problem set due Monday": a piece of work and its deadline.
static HAVE_DUE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:i|we)\s*(?:'ve\s+got|have\s+got|'ve|have|got)\s+((?:a|an|the|my|our|this|that|some|\w+'s)\s+[^,]+?)\s+(?:due|to\s+hand\s+in|to\s+submit)\b").ok()
});

/// "there's the dishwasher which I need to get someone out to look at": the thing, then
/// what to do with it.
static RELATIVE_OBJECT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:there'?s|there\s+is|we'?ve\s+got|i'?ve\s+got)\s+((?:the|a|an|my|our|that|this)\s+[^,]+?)\s+(?:which|that)\s+(?:i|we)\s+(?:really\s+|still\s+)?(?:need|have|want|'ve\s+got|ought)\s+to\s+(.+)$").ok()
});

/// "we're totally out of dishwasher tablets", "running low on printer ink": more is needed.
static RAN_OUT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:we|i)(?:'re|'m|\s+are|\s+am|'ve|\s+have)\s+(?:\w+\s+)?(?:out\s+of|run\s+out\s+of|running\s+(?:low\s+on|out\s+of)|low\s+on))\s+(?:the\s+|our\s+|my\s+)?([a-z][\w' -]*?)(?:\s+(?:again|now|already))?$").ok()
});

/// "we need a new chalkboard sign", "I need more printer paper": something to get.
static NEED_NEW_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:we|i)\s+(?:really\s+|also\s+|still\s+|definitely\s+|desperately\s+|do\s+|actually\s+)*(?:need|want)|(?:we|i)(?:'ve|\s+have)\s+got\s+to\s+get|(?:we|i)\s+gotta\s+get)\s+((?:a\s+new|new|more|some\s+more|some\s+new|another|a\s+replacement|a\s+spare|spare|fresh|a|an)\s+[a-z][\w' -]*?)(?:\s+(?:again|now|already|too|as\s+well))?$").ok()
});

/// What a shape's regex captured as the thing, trimmed.
fn first_group<'a>(re: &LazyLock<Option<Regex>>, content: &'a str) -> Option<&'a str> {
    let c = re.as_ref()?.captures(content.trim())?;
    Some(c.get(1)?.as_str().trim())
}

/// "we need a new chalkboard sign for the window" -> "get a new chalkboard sign for the
/// window", "I need a dietitian referral for Mrs Lowe" -> "get a dietitian referral…";
/// "we need more time", "I need a break" are no errands.
pub(crate) fn need_new(content: &str) -> Option<String> {
    let thing = first_group(&NEED_NEW_RE, content)?;
    let words: Vec<String> = thing.split_whitespace().map(bare).collect();
    // "I need a haircut" is an errand; "I want a refund", "we want a fire going" are wishes.
    let any_one = matches!(words.first().map(String::as_str), Some("a" | "an"))
        && !matches!(
            words.get(1).map(String::as_str),
            Some("new" | "replacement" | "spare")
        );
    if any_one && !content.split_whitespace().any(|w| bare(w) == "need") {
        return None;
    }
    if words.len() > 8 || words.iter().any(|w| NOT_BOUGHT.contains(&w.as_str())) {
        return None;
    }
    Some(format!("get {thing}"))
}

/// "Screwfix have my downlights ready to collect": something to pick up.
static READY_TO_COLLECT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)\s+(?:have|has|'ve|'s)\s+(?:got\s+)?((?:my|our|the|his|her|their)\s+.+?)\s+ready\s+(?:to\s+(?:collect|pick\s+up|be\s+collected|be\s+picked\s+up)|for\s+(?:collection|pick-?up))$").ok()
});

/// "The Beaumonts are still waiting on that garden lights price from me": owed to them.
static WAITING_ON_ME_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)\s+(?:is|are|'s|'re)\s+(?:still\s+)?waiting\s+(?:on|for)\s+((?:the|that|this|my|our|a|an|their|his|her)\s+.+?)\s+from\s+(?:me|us)$").ok()
});

/// "Screwfix have my downlights ready to collect" -> "collect my downlights from Screwfix";
/// "the Beaumonts are waiting on that price from me" -> "send the Beaumonts that price".
pub(crate) fn owed_or_ready(content: &str) -> Option<String> {
    let content = content.trim().trim_end_matches(['.', '!']);
    if let Some(c) = READY_TO_COLLECT_RE.as_ref()?.captures(content) {
        let (from, thing) = (c.get(1)?.as_str().trim(), c.get(2)?.as_str().trim());
        return Some(format!("collect {thing} from {}", lower_determiner(from)));
    }
    let c = WAITING_ON_ME_RE.as_ref()?.captures(content)?;
    let (who, thing) = (c.get(1)?.as_str().trim(), c.get(2)?.as_str().trim());
    if matches!(
        who.to_lowercase().as_str(),
        "i" | "we" | "it" | "that" | "this"
    ) {
        return None;
    }
    let thing = thing
        .strip_prefix("that ")
        .map_or(thing.to_string(), |t| format!("the {t}"));
    Some(format!("send {} {thing}", lower_determiner(who)))
}

/// What one runs out of that no shop sells: "out of time", "out of ideas".
const NOT_BOUGHT: &[&str] = &[
    // "I need a break", "we need a word with him": no errand.
    "break",
    "rest",
    "nap",
    "drink",
    "coffee",
    "tea",
    "word",
    "chat",
    "hand",
    "minute",
    "moment",
    "second",
    "favour",
    "favor",
    "hug",
    "lie-in",
    "sleep",
    "shower",
    "bath",
    "plan",
    "decision",
    "answer",
    "bit",
    "lot",
    "day",
    "week",
    "night",
    "miracle",
    "life",
    "clue",
    "way",
    "reason",
    "chance",
    "time",
    "patience",
    "ideas",
    "steam",
    "energy",
    "options",
    "luck",
    "money",
    "breath",
    "space",
    "room",
    "date",
    "touch",
    "practice",
    "office",
    "town",
    "action",
    "order",
    "sync",
    "hours",
    "days",
    "excuses",
    "road",
    "loop",
    "depth",
    "it",
    "them",
    "that",
    "this",
    "here",
    "there",
    "juice",
    "battery",
    "budget",
    "cash",
    "leave",
    "holiday",
    "credit",
    "job",
    "life",
    "start",
    "approach",
    "plan",
    "strategy",
    "idea",
    "perspective",
    "friends",
    "hobby",
];

/// "we're totally out of dishwasher tablets" -> "get more dishwasher tablets".
pub(crate) fn ran_out(content: &str) -> Option<String> {
    let thing = first_group(&RAN_OUT_RE, content)?;
    let words: Vec<String> = thing.split_whitespace().map(bare).collect();
    // "order the developer and the shampoo, we're out of both": the items just said.
    let points_back = words.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "both" | "them" | "it" | "those" | "these" | "that" | "all" | "each"
        )
    });
    if words.is_empty()
        || words.len() > 5
        || points_back
        || words.iter().any(|w| NOT_BOUGHT.contains(&w.as_str()))
    {
        return None;
    }
    Some(format!("get more {thing}"))
}

/// "I guess we'll find out", "Monday I'm sanding the floors and then varnishing them".
pub(crate) fn plans(orig: &str, content: &str, pos: usize, has_date: bool) -> Option<Kind> {
    if WAIT_AND_SEE_RE.as_ref().is_some_and(|re| re.is_match(orig)) {
        return Some(Kind::Statement(orig.trim().to_string()));
    }
    // "and then varnishing them on the Tuesday": the next step of a plan.
    if orig[..pos].to_lowercase().contains("then")
        && let Some((first, tail)) = content.split_once(' ')
        && let Some(verb) = any_verb_from_gerund(first)
        && opens_command(&format!("{verb} {tail}"))
    {
        let rest = orig[pos..].trim();
        let rest = rest.split_once(' ').map_or("", |(_, r)| r);
        return Some(Kind::Task {
            text: format!("{verb} {rest}"),
            due_statement: false,
        });
    }
    if has_date
        && let Some(c) = PLAN_RE.as_ref().and_then(|re| re.captures(content))
        && let (Some(g), Some(rest)) = (c.get(1), c.get(2))
        && let Some(verb) = any_verb_from_gerund(g.as_str())
        && opens_command(&format!("{verb} {}", rest.as_str()))
        && !matches!(verb.as_str(), "go" | "get" | "have" | "do" | "be" | "come")
    {
        return Some(Kind::Task {
            text: format!("{verb} {}", rest.as_str().trim()),
            due_statement: false,
        });
    }
    None
}

/// "there's the dishwasher which I need to get someone out to look at" -> "get someone out to
/// look at the dishwasher".
pub(crate) fn relative_object(content: &str) -> Option<String> {
    if let Some(c) = RELATIVE_OBJECT_RE
        .as_ref()
        .and_then(|re| re.captures(content))
        && let (Some(thing), Some(todo)) = (c.get(1), c.get(2))
        && opens_command(todo.as_str())
    {
        let thing = thing.as_str().trim();
        // "... to look at um and I think that's it": the speaker trailing off.
        let todo = todo.as_str();
        let todo = [" um ", " uh ", " um,", " uh,"]
            .iter()
            .filter_map(|f| todo.find(f))
            .min()
            .map_or(todo, |k| &todo[..k])
            .trim();
        return Some(format!("{todo} {thing}"));
    }
    None
}

/// "the abstract deadline is the 22nd", "my car tax runs out on the 31st", "my chapter goes
/// to Dr Lindqvist", "I've got the problem set due Monday".
pub(crate) fn deadlines(orig: &str, content: &str, pos: usize, has_date: bool) -> Option<Kind> {
    if has_date
        && let Some(c) = NAMED_DEADLINE_RE
            .as_ref()
            .and_then(|re| re.captures(content))
        && let Some(m) = c.get(1)
        && m.as_str().split_whitespace().count() <= 6
    {
        return Some(Kind::Task {
            text: m.as_str().trim().to_string(),
            due_statement: true,
        });
    }
    if has_date
        && let Some(c) = EXPIRES_RE.as_ref().and_then(|re| re.captures(content))
        && let Some(m) = c.get(1)
        && m.as_str().split_whitespace().count() <= 8
    {
        let thing = lower_determiner(m.as_str());
        return Some(Kind::Task {
            text: format!("renew {thing}"),
            due_statement: false,
        });
    }
    if let Some(c) = GOES_TO_RE.as_ref().and_then(|re| re.captures(content))
        && let Some(thing) = c.get(1)
        && (c.get(2).is_some() || c.get(3).is_some())
        && thing.as_str().split_whitespace().count() <= 8
    {
        let out = c.get(2).map_or("", |m| m.as_str().trim());
        let to = c.get(3).map_or("", |m| m.as_str().trim());
        let thing = lower_determiner(thing.as_str());
        let text = format!("send {out} {thing} {to}");
        return Some(Kind::Task {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            due_statement: true,
        });
    }
    if let Some(c) = HAVE_DUE_RE
        .as_ref()
        .and_then(|re| re.captures(orig[pos..].trim()))
        && let Some(m) = c.get(1)
        && m.as_str().split_whitespace().count() <= 8
    {
        return Some(Kind::Task {
            text: strip_article(m.as_str()),
            due_statement: true,
        });
    }
    None
}

/// "tax season's killing me", "book club's been cancelled": a noun that could be a verb,
/// then "'s" and how things are, not an order ("book Leo's dentist").
pub(crate) fn says_how_it_is(content: &str) -> bool {
    let said: Vec<&str> = content.split_whitespace().take(3).collect();
    let words: Vec<String> = said.iter().map(|w| bare(w)).collect();
    let [first, second, third] = words.as_slice() else {
        return false;
    };
    // "sign Ollie's reading log": a name's thing is what the order is about.
    if said[1].chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let clause_verb = matches!(
        first.as_str(),
        "check" | "see" | "confirm" | "make" | "ask" | "find"
    );
    !clause_verb
        && crate::extract::lexicon::is_any_verb(first)
        && second.len() > 3
        && second.ends_with("'s")
        && (third.ends_with("ing")
            || matches!(
                third.as_str(),
                "been"
                    | "got"
                    | "gone"
                    | "not"
                    | "done"
                    | "over"
                    | "really"
                    | "so"
                    | "too"
                    | "finally"
                    | "still"
                    | "always"
                    | "never"
            ))
}

/// Whether `masked` (dates blanked) opens with a date and goes on with only why: "by
/// tomorrow so he can practise" -> "by          so he can practise".
pub(crate) fn date_then_reason(masked: &str) -> bool {
    let opener = masked.trim_start();
    let Some(first) = opener.split_whitespace().next() else {
        return false;
    };
    // The blank a date left is wider than one space: it must come before the first word
    // (after a "by" / "on" the date hit did not take).
    let before_first = |text: &str| text.len() - text.trim_start().len();
    let rest = match bare(first).as_str() {
        "by" | "on" | "for" | "before" | "at" => &opener[first.len()..],
        _ => masked,
    };
    // "so he can practise", not "so the nursery needs tidying" (that is the to-do).
    let mut words = rest.split_whitespace().map(bare);
    before_first(rest) > 1
        && words
            .next()
            .is_some_and(|w| matches!(w.as_str(), "so" | "because" | "cos" | "cause" | "since"))
        && words.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "he" | "she" | "they" | "that" | "it" | "he's" | "she's" | "they're" | "it's"
            )
        })
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("shapes.rs"),
            &[
                ("EXPIRES_RE", super::EXPIRES_RE.is_some()),
                ("GOES_TO_RE", super::GOES_TO_RE.is_some()),
                ("PLAN_RE", super::PLAN_RE.is_some()),
                ("NAMED_DEADLINE_RE", super::NAMED_DEADLINE_RE.is_some()),
                ("WAIT_AND_SEE_RE", super::WAIT_AND_SEE_RE.is_some()),
                ("HAVE_DUE_RE", super::HAVE_DUE_RE.is_some()),
                ("RELATIVE_OBJECT_RE", super::RELATIVE_OBJECT_RE.is_some()),
                ("RAN_OUT_RE", super::RAN_OUT_RE.is_some()),
                ("NEED_NEW_RE", super::NEED_NEW_RE.is_some()),
                ("READY_TO_COLLECT_RE", super::READY_TO_COLLECT_RE.is_some()),
                ("WAITING_ON_ME_RE", super::WAITING_ON_ME_RE.is_some()),
            ],
        );
    }
}
