//! Titles for the sentence's commands, with "do it" / "set that up" pointed at the thing
//! named before, and commands with nothing named to act on dropped.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use regex::Regex;

mod topics;

use super::words::{SOMEONE_HAS_TO, leading_verb, looks_like_object, lowercase_first};
use super::{Item, said_before};
use crate::extract::classify::Kind;
use crate::extract::dates::Counting;
use crate::extract::filler::strip_lead;
use crate::extract::lexicon::{bare, contracted_verb, is_any_verb, is_finite, is_particle};
use crate::extract::title::{
    Titled, make_title, make_title_with, pronoun_only, replace_pronoun, tidy,
};
use topics::{
    arranged_for, as_thing, capitalised_thing, is_plural, topic_before, topic_np, with_its_thing,
};

static INDEFINITE_NP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|an)\s+(\w+(?:\s+(?:for|with|about|of|on)\s+\w+)?(?:\s+\w+)?)").ok()
});

static VAGUE_OBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:something|anything|stuff|things)(?:\s+(?:like\s+(?:that|this|it)|similar|else|different))?(?:\s+again)?(?:\s+sometime)?$").ok()
});

static REPORTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^.+?\s+(?:says|said|reckons|thinks|mentioned|told\s+me|tells\s+me)\s+(?:that\s+)?(.+)$").ok()
});

static COPULA: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:is|are|was|were|'s|needs|need|wants|want|has)\s").ok()
});

/// Openers after which a clause names no thing to point "it" at.
const NOT_A_SUBJECT: &[&str] = &[
    "if", "when", "because", "not", "so", "unless", "i", "we", "they", "he", "she", "you", "who",
    "what", "why", "how", "that's", "it's", "there's", "it", "this", "that", "there", "those",
    "these",
];

/// Builds titles, resolving "do it" / "set that up" against the clause before.
pub(super) fn make_titles(
    items: &mut [Item],
    now: NaiveDateTime,
    asked: Option<&str>,
    prev_title: Option<&str>,
    events: &[(String, NaiveDate)],
) {
    for i in 0..items.len() {
        let Kind::Task { text, .. } = &items[i].kind else {
            continue;
        };
        let titled = make_title_with(text, now, Counting::Said(events));
        // "Aisha asked if I can cover her shift, need to let her know": the answer to the
        // request just said, no to-do of its own.
        let answer = {
            let words: Vec<String> = titled.title.split_whitespace().map(bare).collect();
            words.len() == 3
                && words[0] == "let"
                && matches!(words[1].as_str(), "her" | "him" | "them")
                && words[2] == "know"
        };
        if vague_object(&titled.title) || (answer && items[..i].iter().any(Item::is_task)) {
            items[i].dropped = true;
            continue;
        }
        if !pronoun_only(&titled.title) {
            // "the car's making a noise, get it looked at": the thing the remark before is
            // about, in place of the pronoun.
            // "The tractor's due its service, it's overdue, book it in": a remark that only
            // says "it" again is passed over.
            // The remarks are read only once the title is known to have such a pronoun.
            // The remarks since the last to-do, nearest first.
            let remarks = || {
                (0..i)
                    .rev()
                    .filter(|&j| !matches!(items[j].kind, Kind::Filler | Kind::DateOnly))
                    .take_while(|&j| !matches!(items[j].kind, Kind::Task { .. }))
            };
            let after_a_task = items[..i].iter().any(Item::is_task);
            let remark = || {
                remarks()
                    .take(3)
                    .find_map(|j| match &items[j].kind {
                        // "book flights, it's the second week of February, do it by Friday":
                        // a remark on the item said, and "his name is Teodoro": who, not what.
                        Kind::Statement(s)
                            if (after_a_task && opens_with_back_reference(s))
                                || names_someone(s) =>
                        {
                            None
                        }
                        Kind::Statement(s) => noun_phrase(s, false, now),
                        Kind::Phrase(s) if looks_like_object(s) => phrase_np(s, now),
                        _ => None,
                    })
                    // "Gary wants a quote, I'll get that to him": Gary is who, not what.
                    .filter(|np| {
                        let first = np.split_whitespace().next().unwrap_or_default();
                        !first.chars().next().is_some_and(char::is_uppercase)
                            || owner_of(np).is_some()
                            || capitalised_thing(np)
                    })
                    .map(|np| as_thing(&np))
            };
            // "I've asked for Friday off, chase Sharon about that": what the speaker did is
            // no thing to get in touch about.
            let remark_on_a_thing = || {
                remarks()
                    .find_map(|j| match &items[j].kind {
                        Kind::Statement(s) | Kind::Phrase(s) => Some(s),
                        _ => None,
                    })
                    .is_some_and(|s| {
                        let rest = &s[strip_lead(s)..];
                        let first = rest.split_whitespace().next().map(bare).unwrap_or_default();
                        !matches!(first.split('\'').next(), Some("i" | "we" | "you"))
                    })
                    .then(remark)
                    .flatten()
            };
            // "payroll's due Thursday, run it Wednesday so it clears": the thing said due;
            // "the Camry needs the timing belt kit, order it from NAPA": what is needed.
            let said_thing = said_before(items, i).and_then(|j| match &items[j].kind {
                Kind::Task {
                    text,
                    due_statement: true,
                } => Some((
                    j,
                    needed_thing(text).unwrap_or_else(|| thing_said_due(text)),
                )),
                Kind::Task { text, .. } if items[j].is_task() => {
                    needed_thing(text).map(|thing| (j, thing))
                }
                _ => None,
            });
            // Whether the pronoun went to that thing: then the remark is spent.
            let used_said_thing = std::cell::Cell::new(false);
            let used_topic = std::cell::Cell::new(None);
            let remark = || {
                remark().or_else(|| {
                    let (_, thing) = said_thing.as_ref()?;
                    used_said_thing.set(true);
                    Some(thing.clone())
                })
            };
            // "Mrs Wallace's dosette boxes, her GP's changed her dose, redo them before
            // Friday": "them" is the things named, not the one person in the remark.
            let wants_plural = titled
                .title
                .split_whitespace()
                .any(|w| matches!(bare(w).as_str(), "them" | "those" | "these"));
            let remark = || {
                let said = remark()?;
                if !wants_plural || is_plural(&said) {
                    return Some(said);
                }
                topic_before(items, i)
                    .filter(|&j| matches!(items[j].kind, Kind::Phrase(_)))
                    .and_then(|j| topic_np(items, j, now))
                    .filter(|np| is_plural(np))
                    .or(Some(said))
            };
            let before = (0..i)
                .rev()
                .find(|&j| items[j].is_task())
                .and_then(|j| items[j].titled.as_ref())
                .map(|t| t.title.clone());
            let title = put_in_place_of_pronoun(&titled.title, remark)
                .or_else(|| last_pronoun(&titled.title, remark))
                // "the calibration is due on the 18th, call the company": what is due.
                .or_else(|| {
                    about_the_remark(&titled.title, || {
                        remark_on_a_thing().or_else(|| {
                            let (_, thing) = said_thing.as_ref()?;
                            used_said_thing.set(true);
                            Some(thing.clone())
                        })
                    })
                })
                .or_else(|| for_the_topic(&titled.title, remark))
                // "the water bill, last date is the 15th, pay online": the verb's thing is
                // the topic named before.
                .or_else(|| {
                    let j = topic_before(items, i)?;
                    let title = with_its_thing(&titled.title, &topic_np(items, j, now)?)?;
                    used_topic.set(Some(j));
                    Some(title)
                })
                // "the FA safeguarding course, my certificate runs out in April, book a
                // refresher": what the thing arranged is for.
                .or_else(|| {
                    let j = topic_before(items, i)?;
                    arranged_for(&titled.title, &topic_np(items, j, now)?)
                })
                // "sign Maya's form and put it in her folder": what the to-do before acts on.
                .or_else(|| {
                    let np = acted_on(before.as_deref()?, &titled.title)?;
                    put_in_place_of_pronoun(&titled.title, || Some(np))
                })
                // "Chloe's off sick, ring round her clients": the person the remark is about.
                .or_else(|| {
                    let person = remarks().take(3).find_map(|j| match &items[j].kind {
                        Kind::Statement(s) | Kind::Phrase(s) => named_person(s),
                        _ => None,
                    })?;
                    person_for_pronoun(&titled.title, &person)
                });
            // "we need a go/no-go meeting, schedule that": and what the meeting is for.
            let title = title.map(|t| {
                topic_before(items, i)
                    .and_then(|j| arranged_for(&t, &topic_np(items, j, now)?))
                    .unwrap_or(t)
            });
            if let (Some(_), Some((j, _))) = (&title, &said_thing)
                && used_said_thing.get()
            {
                items[*j].dropped = true;
            }
            if let Some(j) = used_topic.get() {
                for k in std::iter::once(j).chain(super::phrases::apposed_head(items, j)) {
                    let day = items[k].day;
                    items[k].fold_into_previous();
                    if items[i].day.is_none() {
                        items[i].day = day;
                    }
                }
            }
            // "send the stage plot to the sound guy, …, send it to him tomorrow": the item
            // said again, with its date.
            if title.is_none()
                && before
                    .as_deref()
                    .is_some_and(|before| says_again(&titled.title, before))
            {
                items[i].dropped = true;
                continue;
            }
            items[i].titled = Some(match title {
                Some(title) => Titled {
                    title,
                    rest: titled.rest,
                },
                None => titled,
            });
            continue;
        }
        let wants_indefinite = titled.title.split_whitespace().any(|w| bare(w) == "one");
        let source = said_before(items, i);
        // "someone has to grit the path, I'll just do it myself": the speaker takes it on.
        if let Some(j) = source
            && leading_verb(&titled.title).as_deref() == Some("Do")
            && let Kind::Statement(s) = &items[j].kind
            && let Some(todo) = SOMEONE_HAS_TO
                .as_ref()
                .and_then(|re| re.captures(s))
                .and_then(|c| c.get(1))
        {
            items[i].titled = Some(make_title_with(todo.as_str(), now, Counting::Said(events)));
            continue;
        }
        // "sign the contract, it's just a DocuSign, do it today": the remark's "it" is the
        // item before it, and so is the "it" after it.
        let remark_about_item = |s: &str| {
            items[..source.unwrap_or(0)].iter().any(Item::is_task)
                && s.split_whitespace()
                    .next()
                    .map(bare)
                    .is_some_and(|w| matches!(w.as_str(), "it's" | "that's" | "it" | "its"))
        };
        // "the gym membership, it's a waste of money, cancel it": the remark's "it" is the
        // thing named before it, and so is the "it" after.
        let topic_said = topic_before(items, i)
            .is_some_and(|t| matches!(items[t].kind, Kind::Phrase(_)) && Some(t) != source);
        let np = source.and_then(|j| match &items[j].kind {
            Kind::Statement(s) if remark_about_item(s) => None,
            Kind::Statement(s) if topic_said && opens_with_back_reference(s) => None,
            // "I left my laptop charger in room 12, I need to grab it": what the speaker
            // did something to.
            Kind::Statement(s) => noun_phrase(s, wants_indefinite, now)
                .or_else(|| speaker_did(s).then(|| object_of(s)).flatten()),
            Kind::Phrase(s) if looks_like_object(s) && !wants_indefinite => phrase_np(s, now),
            Kind::Phrase(s) if looks_like_object(s) => noun_phrase(s, wants_indefinite, now),
            // "the recycling goes out tonight, put it out": the thing, without the verb the
            // remark was read with.
            Kind::Task {
                text,
                due_statement: true,
            } => Some(thing_said_due(text)),
            _ => None,
        });
        // "the vet bill, they emailed again, pay it today": the remark names no thing, so
        // "it" is the topic said before it.
        let np = np.or_else(|| {
            // "email them again": people, as often as things.
            let thing = titled
                .title
                .split_whitespace()
                .any(|w| matches!(bare(w).as_str(), "it" | "that"));
            let j = topic_before(items, i).filter(|_| thing)?;
            match &items[j].kind {
                Kind::Phrase(_) if Some(j) != source => topic_np(items, j, now),
                Kind::Statement(_) => topic_np(items, j, now),
                _ => None,
            }
        });
        // "Mrs Wallace's dosette boxes, her GP's changed her dose so I need to redo them":
        // "them" is the things said before, not the one person in the remark.
        let np = match np {
            Some(one)
                if !is_plural(&one)
                    && titled
                        .title
                        .split_whitespace()
                        .any(|w| matches!(bare(w).as_str(), "them" | "those" | "these")) =>
            {
                topic_before(items, i)
                    .filter(|&j| Some(j) != source && matches!(items[j].kind, Kind::Phrase(_)))
                    .and_then(|j| topic_np(items, j, now))
                    .filter(|np| is_plural(np))
                    .or(Some(one))
            }
            np => np,
        };
        // "that's his problem really, but I should remind him": "him" is a person, and "his
        // problem" is not one.
        let for_person = titled
            .title
            .split_whitespace()
            .any(|w| matches!(bare(w).as_str(), "him" | "her"));
        let np = np
            .filter(|np| {
                !for_person || np.chars().next().is_some_and(char::is_uppercase) || is_someone(np)
            })
            // "Jonno's CSCS card has expired, …, remind him": the person named before.
            .or_else(|| {
                for_person
                    .then(|| {
                        (0..i).rev().find_map(|j| match &items[j].kind {
                            Kind::Statement(s) | Kind::Phrase(s) => named_person(s),
                            _ => None,
                        })
                    })
                    .flatten()
            });
        match (np, source) {
            (Some(np), Some(j)) => {
                if matches!(
                    items[j].kind,
                    Kind::Task {
                        due_statement: true,
                        ..
                    }
                ) {
                    items[j].dropped = true;
                }
                // "Jess's chair rent is due on the 1st, remind her": her is Jess, reminded
                // about the rent.
                let title = match owner_of(&np) {
                    Some((owner, taken))
                        if for_person
                            && titled.title.split_whitespace().next().is_some_and(|v| {
                                GET_IN_TOUCH.contains(&bare(v).as_str())
                                    || matches!(
                                        bare(v).as_str(),
                                        "remind" | "tell" | "ask" | "nudge" | "warn"
                                    )
                            })
                            && np.split_whitespace().nth(taken).is_some_and(|w| {
                                !KIN.contains(&bare(w).as_str())
                                    && !ROLES.contains(&bare(w).as_str())
                            }) =>
                    {
                        let thing: Vec<&str> = np.split_whitespace().skip(taken).collect();
                        format!(
                            "{} about the {}",
                            replace_pronoun(&titled.title, &owner),
                            thing.join(" ")
                        )
                    }
                    _ => replace_pronoun(&titled.title, &np),
                };
                // "the payment gateway migration, we need a go/no-go meeting, schedule that":
                // the meeting, and what it is for.
                let title = topic_before(items, i)
                    .filter(|&t| t != j)
                    .and_then(|t| arranged_for(&title, &topic_np(items, t, now)?))
                    .unwrap_or(title);
                items[i].titled = Some(Titled {
                    title,
                    rest: titled.rest,
                });
            }
            // "Did I send the W-9? If not, send it today.": the thing asked about.
            (None, _) if asked.is_some() && !items[..i].iter().any(Item::is_task) => {
                let np = asked.unwrap_or_default();
                items[i].titled = Some(Titled {
                    title: replace_pronoun(&titled.title, np),
                    rest: titled.rest,
                });
            }
            // "defrost the turkey, and brine it the day after": the thing the task before
            // acts on.
            _ => {
                let before = (0..i)
                    .rev()
                    .find(|&j| items[j].is_task())
                    .and_then(|j| items[j].titled.as_ref().map(|t| t.title.clone()))
                    .or_else(|| {
                        (!items[..i].iter().any(Item::is_task))
                            .then(|| prev_title.map(str::to_string))
                            .flatten()
                    });
                match before.as_deref().and_then(|t| acted_on(t, &titled.title)) {
                    Some(np) => {
                        items[i].titled = Some(Titled {
                            title: replace_pronoun(&titled.title, &np),
                            rest: titled.rest,
                        });
                    }
                    None => items[i].dropped = true,
                }
            }
        }
    }
}

/// "the recycling goes out tonight" read as "put out the recycling": the thing, without
/// the verb the remark was read with.
fn thing_said_due(text: &str) -> String {
    leading_verb(text)
        .map(|v| text[v.len()..].trim())
        .filter(|thing| {
            thing
                .split_whitespace()
                .next()
                .is_some_and(crate::extract::lexicon::is_determiner)
        })
        .map_or_else(|| text.to_string(), str::to_string)
}

/// "the Camry on lift two needs the timing belt kit" -> "the timing belt kit": a thing
/// said to be needed by something, with no verb of the speaker's.
fn needed_thing(text: &str) -> Option<String> {
    if leading_verb(text).is_some() {
        return None;
    }
    let (subject, thing) = text
        .split_once(" needs ")
        .or_else(|| text.split_once(" need "))?;
    let first = subject.split_whitespace().next().map(bare)?;
    let thing = thing.trim();
    let det = thing.split_whitespace().next()?;
    (!matches!(first.as_str(), "i" | "we" | "you" | "they" | "he" | "she")
        && crate::extract::lexicon::is_determiner(det)
        && !thing
            .split_whitespace()
            .any(|w| is_any_verb(&bare(w)) && bare(w).ends_with("ed")))
    .then(|| tidy(thing))
}

/// "it's the second week of February", "that's for Dana": a remark on what was just said.
fn opens_with_back_reference(statement: &str) -> bool {
    let rest = &statement[strip_lead(statement)..];
    rest.split_whitespace()
        .next()
        .map(bare)
        .is_some_and(|w| matches!(w.as_str(), "it's" | "that's" | "it" | "its"))
}

/// "his name is Teodoro", "she's called Bea": a remark that says who someone is.
fn names_someone(statement: &str) -> bool {
    let words: Vec<String> = statement.split_whitespace().map(bare).collect();
    words.windows(2).any(|w| {
        (matches!(w[0].as_str(), "his" | "her" | "their")
            && matches!(w[1].as_str(), "name" | "name's"))
            || (matches!(w[0].as_str(), "he's" | "she's" | "they're") && w[1] == "called")
    })
}

/// "Send it to him tomorrow" after "Send the stage plot to the sound guy", "Do it before
/// prices go up" after anything: the to-do before, said again.
fn says_again(title: &str, before: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(bare).collect();
    // "look into it" after "look into that EMDR training": the particle said again too.
    let words: Vec<String> = match words.as_slice() {
        [verb, particle, rest @ ..]
            if (is_particle(particle) || crate::extract::lexicon::is_preposition(particle))
                && before
                    .split_whitespace()
                    .nth(1)
                    .is_some_and(|b| bare(b) == *particle) =>
        {
            std::iter::once(verb.clone())
                .chain(rest.iter().cloned())
                .collect()
        }
        _ => words,
    };
    let [verb, pronoun, rest @ ..] = words.as_slice() else {
        return false;
    };
    if !matches!(pronoun.as_str(), "it" | "that" | "this") {
        return false;
    }
    // "before prices go up", "so it clears": the why, not more of the what.
    let tail_is_why = rest.first().is_none_or(|w| {
        matches!(
            w.as_str(),
            "before" | "so" | "because" | "since" | "as" | "while" | "when" | "or" | "and"
        )
    });
    let same_verb = before
        .split_whitespace()
        .next()
        .map(bare)
        .is_some_and(|b| &b == verb);
    let to_someone = rest.iter().all(|w| {
        matches!(
            w.as_str(),
            "to" | "him" | "her" | "them" | "over" | "off" | "back" | "in" | "out"
        )
    });
    (verb == "do" && tail_is_why) || (same_verb && (to_someone || tail_is_why))
}

/// The first thing a clause names after its verb: "he's finished his report" -> "his
/// report".
fn object_of(clause: &str) -> Option<String> {
    let words: Vec<&str> = clause.split_whitespace().collect();
    let k = (1..words.len()).find(|&k| {
        let w = bare(words[k]);
        matches!(
            w.as_str(),
            "the" | "his" | "her" | "their" | "my" | "our" | "a" | "an"
        ) || (w.len() > 3 && w.ends_with("'s"))
    })?;
    let np: Vec<&str> = words[k..]
        .iter()
        .copied()
        .take(5)
        .take_while(|w| !crate::extract::lexicon::is_preposition(w))
        .collect();
    (np.len() >= 2).then(|| lowercase_first(&tidy(&np.join(" "))))
}

/// Who owns the thing named: "Jacob's party" -> ("Jacob", 1 word), "Mrs. Abernathy's
/// receipts" -> ("Mrs. Abernathy", 2 words).
fn owner_of(np: &str) -> Option<(String, usize)> {
    let mut words = np.split_whitespace();
    let first = words.next()?;
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if let Some(owner) = first.strip_suffix("'s") {
        return Some((owner.to_string(), 1));
    }
    let titled = matches!(
        first.trim_end_matches('.').to_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "prof"
    );
    let surname = words.next()?.strip_suffix("'s")?;
    (titled && surname.chars().next().is_some_and(char::is_uppercase))
        .then(|| (format!("{first} {surname}"), 2))
}

/// "I left my laptop charger …", "we lost the spare key …": the speaker did something to a
/// thing, said in the past.
fn speaker_did(statement: &str) -> bool {
    let rest = &statement[strip_lead(statement)..];
    let mut words = rest.split_whitespace().map(bare);
    matches!(words.next().as_deref(), Some("i" | "we"))
        && words.next().is_some_and(|w| {
            w.ends_with("ed")
                || matches!(
                    w.as_str(),
                    "left" | "lost" | "broke" | "forgot" | "bought" | "got" | "put" | "found"
                )
        })
}

/// "Ring round her clients" + "Chloe" -> "Ring round Chloe's clients"; "reply to her" ->
/// "Reply to Mrs. Abubakar": the first "her" / "him" after the verb, as the person or as
/// theirs.
fn person_for_pronoun(title: &str, person: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.iter().any(|w| bare(w) == bare(person)) {
        return None;
    }
    let k = words
        .iter()
        .skip(1)
        .position(|w| matches!(bare(w).as_str(), "her" | "him"))?
        + 1;
    let possessive = bare(words[k]) == "her"
        && words.get(k + 1).is_some_and(|n| {
            let n = bare(n);
            !n.is_empty()
                && !crate::extract::lexicon::is_determiner(&n)
                && !is_particle(&n)
                && !crate::extract::lexicon::is_preposition(&n)
                && !crate::extract::lexicon::is_soft_tail(&n)
                && !matches!(
                    n.as_str(),
                    "and" | "or" | "but" | "so" | "if" | "when" | "that"
                )
        });
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
    out[k] = if possessive {
        format!("{person}'s")
    } else {
        person.to_string()
    };
    Some(out.join(" "))
}

/// "Jonno's CSCS card has expired" -> "Jonno": the person a remark opens with.
fn named_person(statement: &str) -> Option<String> {
    let rest = &statement[strip_lead(statement)..];
    let mut words = rest.split_whitespace();
    let first = words.next()?;
    // "Mrs. Abernathy's receipts": a title and the name after it.
    if matches!(
        first.trim_end_matches('.').to_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "doctor"
            | "prof"
            | "professor"
            // "Father Brennan, I still have to ring him".
            | "father"
            | "fr"
            | "rev"
            | "reverend"
            | "pastor"
            | "sister"
            | "nurse"
            | "coach"
            | "uncle"
            | "aunt"
            | "auntie"
            | "councillor"
            | "cllr"
    ) && words
        .clone()
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        let surname = words.next()?;
        let surname = surname.strip_suffix("'s").unwrap_or(surname);
        let surname = surname.trim_end_matches(|c: char| !c.is_alphanumeric());
        return surname
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then(|| format!("{first} {surname}"));
    }
    let name = first.strip_suffix("'s").unwrap_or(first);
    let is_name = name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().skip(1).all(char::is_lowercase)
        && !crate::extract::lexicon::is_common_word(name)
        && !crate::extract::lexicon::is_common_word(&name.to_lowercase())
        && !matches!(
            bare(name).as_str(),
            "if" | "when" | "so" | "and" | "but" | "or" | "then"
        )
        && !matches!(bare(name).as_str(), "i" | "the" | "my" | "our");
    is_name.then(|| name.to_string())
}

/// Words for people, after a possessive name: "Chris's sister" is a person, "Jacob's party"
/// is not.
const KIN: &[&str] = &[
    "sister",
    "brother",
    "mum",
    "mom",
    "dad",
    "mother",
    "father",
    "wife",
    "husband",
    "partner",
    "son",
    "daughter",
    "friend",
    "boss",
    "kid",
    "kids",
    "aunt",
    "uncle",
    "gran",
    "grandma",
    "grandad",
    "grandpa",
    "cousin",
    "niece",
    "nephew",
    "girlfriend",
    "boyfriend",
    "neighbour",
    "neighbor",
    "colleague",
    "teacher",
];

/// Who people are by what they do: "the vendor at Cobble Lane wants a chat, call him".
const ROLES: &[&str] = &[
    "vendor",
    "buyer",
    "seller",
    "landlord",
    "landlady",
    "tenant",
    "client",
    "customer",
    "plumber",
    "builder",
    "electrician",
    "roofer",
    "accountant",
    "solicitor",
    "lawyer",
    "agent",
    "manager",
    "supplier",
    "contractor",
    "man",
    "woman",
    "guy",
    "lady",
    "bloke",
    "chap",
    "doctor",
    "nurse",
    "vet",
    "dentist",
    "coach",
    "tutor",
    "receptionist",
    "courier",
    "driver",
    "engineer",
    "technician",
    "inspector",
    "surveyor",
    "cleaner",
    "gardener",
    "handyman",
    "owner",
    "director",
    "recruiter",
    "organiser",
    "organizer",
    "editor",
    "assessor",
    "mechanic",
    "locksmith",
    "valuer",
    "photographer",
    "caterer",
    "decorator",
    "painter",
    "carpenter",
    "joiner",
    "glazier",
    "fitter",
    "sweep",
];

/// "the vendor at Cobble Lane", "Chris's sister": a noun phrase that names a person.
pub(super) fn is_someone(np: &str) -> bool {
    np.split_whitespace()
        .skip_while(|w| crate::extract::lexicon::is_determiner(w) || w.ends_with("'s"))
        .take_while(|w| !crate::extract::lexicon::is_preposition(w))
        .last()
        .is_some_and(|w| {
            let w = bare(w);
            ROLES.contains(&w.as_str()) || KIN.contains(&w.as_str())
        })
}

/// Verbs for getting in touch: "ring Virgin" after "the broadband keeps dropping" is about
/// the broadband.
const GET_IN_TOUCH: &[&str] = &[
    "call", "ring", "phone", "email", "e-mail", "text", "message", "chase", "contact",
];

/// "Ring Virgin" + "the broadband" -> "Ring Virgin about the broadband"; "Send a reminder" +
/// "the Hollowbrook invoice" -> "Send a reminder about the Hollowbrook invoice": getting in
/// touch said right after the remark that says why. None when the title already says what
/// about, or the thing is in it.
fn about_the_remark(title: &str, thing: impl FnOnce() -> Option<String>) -> Option<String> {
    let words: Vec<String> = title.split_whitespace().map(bare).collect();
    let first = words.first()?;
    let reminder = first == "send"
        && matches!(words.get(1).map(String::as_str), Some("a" | "an"))
        && words.get(2).is_some_and(|w| {
            matches!(
                w.as_str(),
                "reminder" | "chaser" | "follow-up" | "email" | "message" | "text" | "note"
            )
        })
        && words.len() == 3;
    // "the fire risk assessment is due for renewal, book the assessor": who does it.
    let hired = matches!(first.as_str(), "book" | "hire" | "arrange")
        && words.len() == 3
        && matches!(words[1].as_str(), "the" | "a" | "an")
        && ROLES.contains(&words[2].as_str());
    if hired {
        let np = thing()?;
        let said: Vec<String> = np.split_whitespace().map(bare).collect();
        return (said.len() <= 6 && !said.iter().any(|w| words.contains(w)))
            .then(|| format!("{title} for {np}"));
    }
    // "Speak to the staff": the "to" is part of getting in touch, not what about.
    let spoken_to = matches!(first.as_str(), "speak" | "talk")
        && words.get(1).is_some_and(|w| w == "to" || w == "with");
    let lead = if spoken_to { 2 } else { 1 };
    let in_touch = (GET_IN_TOUCH.contains(&first.as_str()) || spoken_to)
        && (lead + 1..=lead + 3).contains(&words.len())
        && words[lead..].iter().all(|w| {
            !matches!(
                w.as_str(),
                "about" | "re" | "regarding" | "for" | "to" | "on" | "with" | "it" | "that"
            )
        });
    if !(reminder || in_touch) {
        return None;
    }
    let np = thing()?;
    let said: Vec<String> = np.split_whitespace().map(bare).collect();
    let content = said
        .iter()
        .filter(|w| !crate::extract::lexicon::is_determiner(w) && w.len() > 2)
        .collect::<Vec<_>>();
    if content.is_empty() || content.iter().any(|w| words.contains(w)) || said.len() > 6 {
        return None;
    }
    Some(format!("{title} about {np}"))
}

/// "get someone out" + "the fire extinguisher inspection" -> "Get someone out for the fire
/// extinguisher inspection"; "Three options" + "the logo revisions" -> "Three options for
/// the logo revisions": a to-do that names no thing, after the thing it is for.
fn for_the_topic(title: &str, thing: impl FnOnce() -> Option<String>) -> Option<String> {
    let words: Vec<String> = title.split_whitespace().map(bare).collect();
    let someone = words
        .iter()
        .any(|w| matches!(w.as_str(), "someone" | "somebody"))
        && words.len() <= 4;
    // "the walk-in fridge is running warm, get Reyes Refrigeration out": who is called out,
    // and what for.
    let original: Vec<&str> = title.split_whitespace().collect();
    // "the hot water system's carked it, get a plumber out": a trade, called out.
    let called_out = words.len() >= 3
        && matches!(words[0].as_str(), "get" | "have")
        && words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "out" | "in" | "round" | "over"))
        && (original[1..original.len() - 1]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            || (words.len() == 4
                && matches!(words[1].as_str(), "a" | "an" | "the")
                && ROLES.contains(&words[2].as_str())));
    // "the extraction fan's overdue, book Vent-Clean in": the firm booked, and what for.
    let firm_booked = words.len() >= 2
        && words.len() <= 4
        && words[0] == "book"
        && original[1..]
            .iter()
            .filter(|w| !matches!(bare(w).as_str(), "in" | "out"))
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // "tyres are getting bald, get a quote from Bob Jane": a quote for them.
    let quote = words.len() <= 6
        && matches!(words[0].as_str(), "get" | "ask" | "request" | "chase")
        && words
            .iter()
            .any(|w| matches!(w.as_str(), "quote" | "quotes" | "estimate" | "price"))
        && !words
            .iter()
            .any(|w| matches!(w.as_str(), "for" | "on" | "about"));
    let someone = someone || called_out || firm_booked || quote;
    // "the Ramirez listing, the photographer's booked, so let the sellers know": about it.
    let let_know = (3..=4).contains(&words.len())
        && words[0] == "let"
        && words.last().is_some_and(|w| w == "know")
        && !words.iter().any(|w| crate::extract::lexicon::is_pronoun(w));
    // "Restring the Strat" is a to-do with a verb the lexicon does not know.
    let bare_thing = leading_verb(title).is_none()
        && words.len() <= 3
        && words.first().is_some_and(|w| {
            !w.ends_with("'s")
                && !crate::extract::lexicon::is_pronoun(w)
                && (crate::extract::numbers::parse_number(w).is_some()
                    || crate::extract::lexicon::is_common_word(w))
        });
    let replacement = title.contains("a replacement")
        && !words
            .iter()
            .any(|w| matches!(w.as_str(), "for" | "it" | "them"));
    if !(someone || bare_thing || let_know || replacement) {
        return None;
    }
    let np = thing()?;
    let said: Vec<String> = np.split_whitespace().map(bare).collect();
    if said.len() > 7 || said.iter().any(|w| words.contains(w) && w.len() > 3) {
        return None;
    }
    // "order a replacement from Rogue" + "the cable": "a replacement for the cable".
    if replacement {
        return Some(title.replacen("a replacement", &format!("a replacement for {np}"), 1));
    }
    let about = if let_know { "about" } else { "for" };
    // "the photographer's booked": the 's is "is".
    let np = np.strip_suffix("'s").unwrap_or(&np);
    Some(format!("{title} {about} {np}"))
}

/// "get Gareth to look at it" + "the tractor" -> "get Gareth to look at the tractor": a
/// pronoun that ends the title after a preposition.
fn last_pronoun(title: &str, thing: impl FnOnce() -> Option<String>) -> Option<String> {
    let (head, last) = title.rsplit_once(' ')?;
    let before = head.rsplit(' ').next()?;
    // "over to them", "with them": people; "look at it", "work on it": the thing.
    // "dig into that": two words will do when the verb leads.
    if !matches!(bare(last).as_str(), "it" | "that")
        || !matches!(
            bare(before).as_str(),
            "at" | "on" | "into" | "over" | "about" | "with" | "through" | "after"
        )
        || head.split_whitespace().count() < 2
    {
        return None;
    }
    Some(format!("{head} {}", thing()?))
}

/// Verbs of what happens to a thing, said about it in a remark ("the lease runs out").
const CHANGES: &[&str] = &[
    "expire", "run", "renew", "end", "start", "close", "open", "finish", "lapse", "arrive",
    "leave", "go", "come", "break", "leak", "die", "stop", "drip", "smell", "look", "sound",
    "keep", "need",
];

/// Where the verb of "the certificate expires on the 30th" starts: a present-tense verb
/// ("expires", "runs") after a subject that opens with a determiner.
fn verb_after_subject(clause: &str) -> Option<usize> {
    // "The certificate …", "Jamal's mum …": a subject that opens with a determiner or an owner.
    if !clause
        .split_whitespace()
        .next()
        .is_some_and(|w| crate::extract::lexicon::is_determiner(w) || w.ends_with("'s"))
    {
        return None;
    }
    let mut at = 0;
    let mut prev = String::new();
    for (k, w) in clause.split_whitespace().enumerate() {
        at = clause[at..].find(w).map_or(at, |p| at + p);
        let b = bare(w);
        let stems = [b.strip_suffix("es"), b.strip_suffix('s')];
        let verb = stems.iter().flatten().any(|stem| {
            stem.len() > 1 && (CHANGES.contains(stem) || is_any_verb(stem) && !is_any_verb(&b))
        });
        // "The badges", "the controlled drugs": a plural right after its determiner, or
        // after a participle said of it, is the thing, not a verb.
        let after_det = k == 1 || k == 2 && prev.len() > 4 && prev.ends_with("ed");
        prev = b.clone();
        // "The App Store review rejected our build": a past tense after the subject.
        let past = k >= 2
            && b.len() > 4
            && b.strip_suffix("ed").is_some_and(|s| {
                is_any_verb(s) || is_any_verb(&format!("{s}e")) || is_any_verb(&b[..b.len() - 1])
            });
        if k > 0 && ((verb && !after_det) || past || is_finite(w)) && !w.ends_with("'s") {
            return Some(at);
        }
        at += w.len();
    }
    None
}

/// "Set that up again with the bank" + "the council tax direct debit" -> "Set up the council
/// tax direct debit again with the bank": the pronoun right after the verb (or its particle)
/// replaced. None when the verb's object is no pronoun; `thing` is asked only when it is.
fn put_in_place_of_pronoun(title: &str, thing: impl FnOnce() -> Option<String>) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let (verb, rest) = words.split_first()?;
    let (particle, rest) = match rest {
        [p, r @ ..] if is_particle(p) => (Some(*p), r),
        // "reply to her", "talk to him": the preposition stays before the person.
        [p, r @ ..] if matches!(bare(p).as_str(), "to" | "with" | "for") => (Some(*p), r),
        _ => (None, rest),
    };
    // "the smoke detector keeps chirping, replace its battery": the battery of the thing.
    if let [its, part @ ..] = rest
        && bare(its) == "its"
        && (1..=3).contains(&part.len())
    {
        let np = thing()?;
        let mut out = vec![(*verb).to_string()];
        out.extend(particle.map(str::to_string));
        out.push(format!("the {} of {np}", part.join(" ")));
        return Some(out.join(" "));
    }
    // "the drill battery's dead, get a new one": one more of the thing.
    if let [a, new, one, tail @ ..] = rest
        && matches!(bare(a).as_str(), "a" | "another")
        && matches!(bare(new).as_str(), "new" | "spare" | "replacement")
        && bare(one) == "one"
    {
        let np = thing()?;
        let thing = np
            .split_whitespace()
            .skip_while(|w| crate::extract::lexicon::is_determiner(w) || w.ends_with("'s"))
            .collect::<Vec<_>>()
            .join(" ");
        if thing.is_empty() {
            return None;
        }
        let mut out = vec![(*verb).to_string()];
        out.extend(particle.map(str::to_string));
        out.push(format!("{a} {new} {thing}"));
        out.extend(tail.iter().map(|w| (*w).to_string()));
        return Some(out.join(" "));
    }
    // "get back to them": a particle, then the preposition before the person.
    let (to, rest) = match (particle, rest) {
        (Some(p), [to, r @ ..])
            if is_particle(p) && matches!(bare(to).as_str(), "to" | "with" | "for") =>
        {
            (Some(*to), r)
        }
        _ => (None, rest),
    };
    // "got through half the essays, I'll finish the rest (of them)": the rest of the thing.
    if let [the, left, tail @ ..] = rest
        && bare(the) == "the"
        && bare(left) == "rest"
    {
        let tail = match tail {
            [of, p, t @ ..] if bare(of) == "of" && matches!(bare(p).as_str(), "it" | "them") => t,
            _ => tail,
        };
        if tail.first().is_some_and(|w| bare(w) == "of") {
            return None;
        }
        let np = thing()?;
        let mut out = vec![(*verb).to_string()];
        out.extend(particle.map(str::to_string));
        out.extend(to.map(str::to_string));
        out.push(format!("the rest of {np}"));
        out.extend(tail.iter().map(|w| (*w).to_string()));
        return Some(out.join(" "));
    }
    // "chase Gazza for those", "ask Priya about it": the person asked, then the thing.
    if particle.is_none()
        && to.is_none()
        && let [who, prep, pronoun, tail @ ..] = rest
        && who.starts_with(char::is_uppercase)
        && *who != "IT"
        && matches!(bare(prep).as_str(), "for" | "about")
        && matches!(
            bare(pronoun).as_str(),
            "it" | "that" | "this" | "those" | "them"
        )
        && *pronoun != "IT"
    {
        let np = thing()?;
        let mut out = vec![
            (*verb).to_string(),
            (*who).to_string(),
            (*prep).to_string(),
            np,
        ];
        out.extend(tail.iter().map(|w| (*w).to_string()));
        return Some(out.join(" "));
    }
    let (pronoun, rest) = rest.split_first()?;
    // "Chase IT about the printer": the department, not "it".
    if *pronoun == "IT"
        || !matches!(
            bare(pronoun).as_str(),
            "it" | "that" | "this" | "those" | "them" | "him" | "her"
        )
    {
        return None;
    }
    let np = thing()?;
    // "send them the financial model": "them" is who receives it, people, not the thing.
    let receives = rest
        .first()
        .is_some_and(|n| crate::extract::lexicon::is_determiner(n));
    // "Jacob's birthday party is on Saturday, get him a present": him is Jacob; "Chris's
    // sister has moved, send her a card": her is Chris's sister.
    let np = match bare(pronoun).as_str() {
        "it" | "that" | "this" | "those" => np.to_string(),
        "them" if !receives => np.to_string(),
        "him" | "her" => {
            let (owner, taken) = owner_of(&np)?;
            let person = np
                .split_whitespace()
                .nth(taken)
                .is_some_and(|w| KIN.contains(&bare(w).as_str()));
            if person {
                np.to_string()
            } else {
                owner.to_string()
            }
        }
        _ => return None,
    };
    let np = np.as_str();
    // "set that up": the particle after the pronoun goes before the thing.
    let (particle, rest) = match (particle, rest) {
        // "put it in the freezer": a preposition before its own object stays put.
        (None, [p, r @ ..])
            if is_particle(p)
                && !r
                    .first()
                    .is_some_and(|n| crate::extract::lexicon::is_determiner(n)) =>
        {
            (Some(*p), r)
        }
        _ => (particle, rest),
    };
    let mut out = vec![*verb];
    out.extend(particle);
    out.extend(to);
    out.push(np);
    out.extend(rest.iter().copied());
    Some(out.join(" "))
}

/// What a to-do's verb acts on, for an "it" / "them" in the next one: "Defrost the turkey"
/// -> "the turkey". None when the object has no article or possessive to anchor it, or
/// when the next to-do repeats the verb (a repeat, not a new step).
fn acted_on(title: &str, next: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let next_words: Vec<String> = next.split_whitespace().map(bare).collect();
    // "call the bank and sort it out": getting the same thing done, no step of its own.
    let vague = next_words.first().is_some_and(|v| {
        matches!(
            v.as_str(),
            "sort"
                | "do"
                | "handle"
                | "deal"
                | "get"
                | "tackle"
                | "finish"
                | "action"
                | "keep"
                | "leave"
                | "make"
                | "move"
                | "push"
                | "bump"
                | "change"
                | "put"
                | "shift"
        )
    });
    // "put it in her folder" places the thing; "put it off" only moves the to-do.
    let places = next_words.first().is_some_and(|v| v == "put")
        && next_words
            .get(3)
            .is_some_and(|w| crate::extract::lexicon::is_determiner(w) || w == "her" || w == "his");
    if (vague && !places)
        || !next_words[1..]
            .iter()
            .any(|w| matches!(w.as_str(), "it" | "them"))
        || next_words.first() == words.first().map(|w| bare(w)).as_ref()
    {
        return None;
    }
    let mut k = 1;
    while k < words.len() && is_particle(words[k]) {
        k += 1;
    }
    let first = bare(words.get(k)?);
    // "Maya's field trip form": an owner anchors it as well as an article.
    let owned = first.len() > 3
        && first.ends_with("'s")
        && words[k].chars().next().is_some_and(char::is_uppercase);
    if !owned
        && !matches!(
            first.as_str(),
            "the" | "my" | "our" | "his" | "her" | "their" | "your" | "this" | "that"
        )
    {
        return None;
    }
    // "let the Dublin office know", "get the car looked at": the thing is not what the
    // next step acts on, and the verb after it ends it.
    if matches!(bare(words[0]).as_str(), "let" | "have" | "make" | "help") {
        return None;
    }
    let object: Vec<&str> = words[k..]
        .iter()
        .copied()
        .take_while(|w| {
            let b = bare(w);
            !(PREPOSITIONS.contains(&b.as_str()) || b.len() > 4 && b.ends_with("ed"))
        })
        .collect();
    (object.len() >= 2).then(|| lowercase_first(&object.join(" ")))
}

const PREPOSITIONS: &[&str] = &[
    "about", "for", "to", "with", "from", "on", "at", "in", "by", "before", "after", "into",
    "onto", "of", "and",
];

/// "do something like that again", "get something": a verb with nothing named to act on.
fn vague_object(title: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(bare).collect();
    let mut k = 1;
    while k < words.len() && is_particle(&words[k]) {
        k += 1;
    }
    let object = words.get(k..).unwrap_or_default().join(" ");
    VAGUE_OBJECT.as_ref().is_some_and(|re| re.is_match(&object))
}

/// "the permission slips for the bus": a phrase is all thing, with no verb to find in it
/// ("slips").
fn phrase_np(phrase: &str, now: NaiveDateTime) -> Option<String> {
    let title = make_title(&phrase[strip_lead(phrase)..], now).title;
    let np = lowercase_first(title.trim());
    // "If not, send it today": no thing.
    let first = np.split_whitespace().next().map(bare).unwrap_or_default();
    (!np.is_empty() && !NOT_A_SUBJECT.contains(&first.as_str())).then_some(np)
}

/// The thing a statement is about: its subject, or what follows the verb when the subject
/// is only a date or a priority ("Top priority today is the outage postmortem").
fn noun_phrase(statement: &str, indefinite: bool, now: NaiveDateTime) -> Option<String> {
    let start = strip_lead(statement);
    // "the tenant says the smoke alarm's beeping": what was said is about the alarm.
    if let Some(said) = REPORTED
        .as_ref()
        .and_then(|re| re.captures(&statement[start..]))
        .and_then(|c| c.get(1))
    {
        return noun_phrase(said.as_str(), indefinite, now);
    }
    let cleaned = make_title(&statement[start..], now).title;
    let cleaned = cleaned.trim();
    let first = cleaned
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    // "expires the 31st": what it does, with the thing said before.
    if matches!(
        first.as_str(),
        "expires" | "lapses" | "runs" | "ends" | "is" | "was" | "has"
    ) {
        return None;
    }
    let head = first.split('\'').next().unwrap_or_default();
    if NOT_A_SUBJECT.contains(&head) {
        // "he's finished his report": the thing is what he finished.
        return (head != first).then(|| object_of(cleaned)).flatten();
    }
    if indefinite && let Some(c) = INDEFINITE_NP.as_ref().and_then(|re| re.captures(cleaned)) {
        return c.get(0).map(|m| m.as_str().to_lowercase());
    }
    // "my laptop battery's dying": the "'s" is an "is".
    let contracted = {
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        (0..words.len())
            .find(|&k| {
                words[k].ends_with("'s") && contracted_verb(words[k], words.get(k + 1).copied())
            })
            .map(|k| words[..=k].join(" ").trim_end_matches("'s").to_string())
    };
    let copula = COPULA.as_ref().and_then(|re| re.find(cleaned));
    if copula.is_none()
        && let Some(subject) = contracted.filter(|s| s.split_whitespace().count() <= 8)
    {
        return Some(lowercase_first(&tidy(&subject)));
    }
    let (subject, complement) = match copula {
        Some(m) => (&cleaned[..m.start()], Some(&cleaned[m.end()..])),
        // "The gas safety certificate for 14 Crown Terrace expires on the 30th".
        None => match verb_after_subject(cleaned) {
            Some(k) => (&cleaned[..k], None),
            None => (cleaned, None),
        },
    };
    // "the Brennans still haven't sent them": "still" is no part of who.
    let mut subject = tidy(subject);
    while let Some((head, last)) = subject.rsplit_once(' ')
        && matches!(
            bare(last).as_str(),
            "still" | "already" | "just" | "finally" | "really" | "also" | "never" | "always"
        )
    {
        subject = head.to_string();
    }
    let content_words = subject
        .split_whitespace()
        .filter(|w| {
            !matches!(
                bare(w).as_str(),
                "it" | "that" | "this" | "they" | "there" | "he" | "she" | "we" | "i"
            )
        })
        .count();
    let pick = if content_words > 0 && subject.split_whitespace().count() <= 8 {
        subject
    } else {
        tidy(complement?)
    };
    // "Tyres are getting bald": one plural word that opens the sentence is a thing, not a
    // name (a name would take "is").
    let plural = copula.is_some_and(|m| {
        matches!(
            m.as_str().trim().to_lowercase().as_str(),
            "are" | "were" | "need" | "want"
        )
    });
    let pick = match pick.split_whitespace().collect::<Vec<_>>().as_slice() {
        [word] if plural && word.ends_with('s') && !word.contains('\'') && !is_acronym(word) => {
            format!("the {}", word.to_lowercase())
        }
        _ => lowercase_first(&pick),
    };
    (!pick.is_empty()).then_some(pick)
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() > 1
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("pronouns.rs"),
            &[
                ("INDEFINITE_NP", super::INDEFINITE_NP.is_some()),
                ("VAGUE_OBJECT", super::VAGUE_OBJECT.is_some()),
                ("COPULA", super::COPULA.is_some()),
                ("REPORTED", super::REPORTED.is_some()),
            ],
        );
    }
}
