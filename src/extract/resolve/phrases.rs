//! A bare phrase that becomes a to-do by borrowing from its neighbours: a verb ("Spotify as
//! well"), a whole item for someone else ("Same for Dad's"), a date or a priority.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::words::{
    SOMEONE_HAS_TO, THATS_ME, done_by_others, leading_verb, looks_like_object, lowercase_first,
    own_verb_phrase, strip_article, strip_conjunction,
};
use super::{Item, said_before};
use crate::extract::classify::{Kind, QUANTIFIERS};
use crate::extract::lexicon::{
    bare, is_any_verb, is_determiner, is_event_noun, is_preposition, plural_heading,
};

static SAME_FOR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:and\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:goes\s+)?(?:for|with)\s+(\S+(?:\s+\S+){0,3}?)(?:\s+(?:actually|too|as\s+well|then|please))?$")
        .ok()
});

/// "the van needs a new tyre, Nick said he'd take it in": the job just said is someone
/// else's now.
pub(super) fn left_to_others(items: &mut [Item]) {
    for i in 1..items.len() {
        let Kind::Statement(s) = &items[i].kind else {
            continue;
        };
        let Some(what) = done_by_others(s) else {
            continue;
        };
        let about_it = what
            .split_whitespace()
            .next()
            .map(bare)
            .is_some_and(|w| matches!(w.as_str(), "it" | "that" | "this" | "them" | "those"));
        if !about_it {
            continue;
        }
        if let Some(j) = said_before(items, i)
            && items[j].is_task()
        {
            items[j].kind = Kind::Statement(String::new());
        }
    }
}

/// "… probably me" said at the end of the job itself, with no comma before it.
static MEANS_ME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*,?\s+(?:probably|i\s+guess|i\s+suppose|which\s+means|so\s+that's|that'll\s+be)\s+me\W*$").ok()
});

/// "someone needs to be there, I suppose that's me": the job becomes the speaker's.
pub(super) fn taken_on(items: &mut [Item]) {
    // "someone needs to sort the team offsite probably me": taken on in the same breath.
    for it in items.iter_mut() {
        let Kind::Statement(s) = &it.kind else {
            continue;
        };
        let Some(todo) = SOMEONE_HAS_TO
            .as_ref()
            .and_then(|re| re.captures(s))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str())
        else {
            continue;
        };
        let Some(cut) = MEANS_ME.as_ref().and_then(|re| re.find(todo)) else {
            continue;
        };
        let todo = todo[..cut.start()].trim().to_string();
        if crate::extract::lexicon::opens_command(&todo) {
            it.kind = Kind::Task {
                text: todo,
                due_statement: false,
            };
        }
    }
    for i in 1..items.len() {
        let me = match &items[i].kind {
            Kind::Statement(s) | Kind::Phrase(s) => {
                THATS_ME.as_ref().is_some_and(|re| re.is_match(s))
            }
            _ => false,
        };
        if !me {
            continue;
        }
        let Some(j) = said_before(items, i) else {
            continue;
        };
        let todo = match &items[j].kind {
            Kind::Statement(s) => SOMEONE_HAS_TO
                .as_ref()
                .and_then(|re| re.captures(s))
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string()),
            _ => None,
        };
        if let Some(todo) = todo.filter(|t| crate::extract::lexicon::opens_command(t)) {
            items[j].kind = Kind::Task {
                text: todo,
                due_statement: false,
            };
            items[i].kind = Kind::Filler;
        }
    }
}

/// "Check in with the new hire, Tomasz, next week": a name said right after the person it
/// names belongs to that item, not a new one.
pub(super) fn appositions(items: &mut [Item], text: &str) {
    for i in 1..items.len() {
        // "pick up the hinges from Blum, the soft close ones, tomorrow", "the course, the
        // one in April": which of the thing just named, not another item. "Like the
        // half-inch elbows" (its "like" read as a filler) is an example of it.
        let said = text
            .get(items[i].clause.start..items[i].clause.end)
            .unwrap_or_default()
            .trim_start();
        let example = ["like ", "such as ", "e.g. ", "eg "].iter().any(|l| {
            said.get(..l.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(l))
        });
        if let Kind::Phrase(p) = &items[i].kind
            && (says_which_one(p) || example && is_determiner_led(p))
            && matches!(items[i - 1].kind, Kind::Task { .. })
        {
            items[i].fold_into_previous();
            continue;
        }
        let Kind::Phrase(p) = &items[i].kind else {
            continue;
        };
        let Kind::Task { text, .. } = &items[i - 1].kind else {
            continue;
        };
        // "call Lyle, the inspector, to get the rough-in booked": who Lyle is, not a second
        // call.
        let role = {
            let words: Vec<&str> = p.split_whitespace().collect();
            words.len() <= 4
                && words.first().is_some_and(|w| {
                    matches!(
                        bare(w).as_str(),
                        "the" | "my" | "our" | "his" | "her" | "their"
                    )
                })
                && super::pronouns::is_someone(p)
                && text.split_whitespace().last().is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase) && !is_determiner(w)
                })
        };
        // "email Priya, the landlord, and Tom": a list of three.
        let listed = items[i + 1..]
            .iter()
            .find(|it| !matches!(it.kind, Kind::Filler | Kind::DateOnly))
            .is_some_and(|it| matches!(it.kind, Kind::Phrase(_)) && it.addition);
        if role && !items[i].addition && !listed {
            items[i].fold_into_previous();
            continue;
        }
        let name: Vec<&str> = p.split_whitespace().collect();
        // "Bright & Bean", "Featherstone and Gray": a firm's name joins its words.
        let joiner = |w: &&str| matches!(*w, "&" | "and" | "of");
        let is_name = !name.is_empty()
            && name.len() <= 4
            && name.first().is_some_and(|w| !joiner(w))
            && name.last().is_some_and(|w| !joiner(w))
            && name.iter().all(|w| {
                joiner(w) || w.chars().next().is_some_and(char::is_uppercase) && !is_determiner(w)
            });
        // The item ends in a person said with "the"/"my": "the new hire", "my accountant".
        let words: Vec<&str> = text.split_whitespace().collect();
        let described = words.len() >= 3
            && words[words.len().saturating_sub(5)..].iter().any(|w| {
                matches!(
                    bare(w).as_str(),
                    "the" | "my" | "our" | "your" | "his" | "her" | "their"
                )
            })
            && words
                .last()
                .is_some_and(|w| w.chars().all(|c| !c.is_uppercase()));
        let list_follows = items[i + 1..]
            .iter()
            .find(|it| !matches!(it.kind, Kind::Filler | Kind::DateOnly))
            .is_some_and(|it| match &it.kind {
                // "…, Tomasz, for a coffee": the rest of the item, not a list; a list goes on
                // with names or things ("…, Priya, Dev and Sam").
                Kind::Phrase(q) if !it.addition => strip_conjunction(q)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| {
                        !is_preposition(w)
                            && (is_determiner(w)
                                || w.chars().next().is_some_and(char::is_uppercase))
                    }),
                _ => false,
            });
        if is_name && described && !list_follows && !items[i].addition && !items[i].clause.and_link
        {
            let merged = format!("{text}, {}", name.join(" "));
            items[i - 1].kind = Kind::Task {
                text: merged,
                due_statement: false,
            };
            items[i].fold_into_previous();
        }
    }
}

/// "the half-inch elbows": a phrase that opens with "the", "those" or "that".
fn is_determiner_led(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .next()
        .map(bare)
        .is_some_and(|w| matches!(w.as_str(), "the" | "those" | "that"))
        && phrase.split_whitespace().count() <= 6
}

/// "the soft close ones", "the one in April", "the blue one": a phrase whose head is "one";
/// "the big bottles", "the 5 litre tubs": a size or a pack of the thing just named.
fn says_which_one(phrase: &str) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(bare).collect();
    let head = words
        .get(1..)
        .unwrap_or_default()
        .iter()
        .take_while(|w| !is_preposition(w))
        .last();
    is_determiner_led(phrase)
        && (head.is_some_and(|w| matches!(w.as_str(), "one" | "ones"))
            || words.len() >= 3 && head.is_some_and(|w| PACKS.contains(&w.as_str())))
}

/// What a thing comes in: "order the Metacam, the big bottles".
const PACKS: &[&str] = &[
    "bottles", "bottle", "packs", "pack", "boxes", "box", "tubs", "tub", "bags", "bag", "rolls",
    "tins", "cans", "cartons", "size", "sizes", "kind", "type", "version",
];

/// "Book Mum's dinner for the 11th. Same for Dad's.": the item before, for someone else.
pub(super) fn same_for(items: &mut [Item], prev_title: Option<&str>, prev_day: Option<NaiveDate>) {
    let Some(title) = prev_title else {
        return;
    };
    let Some(i) = items.iter().position(|it| !matches!(it.kind, Kind::Filler)) else {
        return;
    };
    let Kind::Phrase(p) = &items[i].kind else {
        return;
    };
    let Some(who) = SAME_FOR
        .as_ref()
        .and_then(|re| re.captures(p))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
    else {
        return;
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    let dated = |items: &mut [Item]| {
        if !items.iter().any(Item::dated) {
            items[i].day = prev_day;
        }
    };
    // "Renew the car tax. Same with the TV licence.": the same verb for another thing;
    // "The council tax is due on the 15th. Same with the TV licence": another thing due.
    let thing = who.split_whitespace().next().is_some_and(is_determiner);
    if thing {
        let text = match leading_verb(title) {
            Some(v) => format!("{v} {who}"),
            None if !words.first().is_some_and(|w| is_any_verb(w)) => strip_article(&who),
            None => return,
        };
        items[i].kind = Kind::Task {
            text,
            due_statement: false,
        };
        dated(items);
        return;
    }
    let possessive = who.ends_with("'s") || who.ends_with("s'");
    let slot = (1..words.len()).find(|&k| {
        let w = words[k];
        if possessive {
            w.ends_with("'s") || w.ends_with("s'")
        } else {
            w.chars().next().is_some_and(char::is_uppercase)
        }
    });
    let Some(k) = slot else {
        return;
    };
    let mut out: Vec<&str> = words.clone();
    out[k] = &who;
    items[i].kind = Kind::Task {
        text: out.join(" "),
        due_statement: false,
    };
    dated(items);
}

/// "Cancel Netflix. Spotify as well." / "Oh and the gas bill too, same day.": a bare object
/// that adds to the item just said borrows its verb.
pub(super) fn continue_previous(items: &mut [Item], prev_verb: Option<&str>, correcting: bool) {
    if correcting || items.iter().any(Item::is_task) {
        return;
    }
    let Some(v) = prev_verb else {
        also_a_thing(items);
        return;
    };
    let Some(i) = items.iter().position(|it| !matches!(it.kind, Kind::Filler)) else {
        return;
    };
    let Kind::Phrase(p) = &items[i].kind else {
        return;
    };
    // "And the Moretti invoice, they paid, so cross that off": it is done, not one more.
    // "I still haven't done the renewal" is not done.
    // "the fire warden training, HR's arranging it": someone else has it.
    let done = items[i + 1..].iter().any(|it| match &it.kind {
        Kind::Statement(s) => {
            let words: Vec<String> = s.split_whitespace().map(bare).collect();
            let others = !words
                .first()
                .is_some_and(|w| matches!(w.as_str(), "i" | "i'm" | "we" | "we're" | "i'll"));
            words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "paid" | "done" | "sorted" | "handled" | "cancelled" | "canceled" | "off"
                ) || others
                    && matches!(
                        w.as_str(),
                        "arranging" | "organising" | "organizing" | "sorting" | "handling"
                    )
            }) && !words
                .iter()
                .any(|w| w.ends_with("n't") || matches!(w.as_str(), "not" | "still" | "yet"))
        }
        _ => false,
    });
    let p = strip_conjunction(p);
    let words: Vec<String> = p.split_whitespace().map(bare).collect();
    let n = words.len();
    if !done
        && (items[i].addition || ends_as_added(&words))
        && !own_verb_phrase(&p)
        && n <= 6
        && !words
            .iter()
            .any(|w| QUANTIFIERS.contains(&w.as_str()) && w != "the")
    {
        items[i].kind = Kind::Task {
            text: format!("{v} {}", lowercase_first(&p)),
            due_statement: false,
        };
    }
}

/// "Also a thank-you card for Yusra.": a thing added on its own, with no verb to borrow, is
/// the to-do itself.
fn also_a_thing(items: &mut [Item]) {
    let mut said = items.iter().filter(|it| !matches!(it.kind, Kind::Filler));
    let (Some(it), None) = (said.next(), said.next()) else {
        return;
    };
    let Kind::Phrase(p) = &it.kind else {
        return;
    };
    let p = strip_conjunction(p);
    let words: Vec<&str> = p.split_whitespace().collect();
    if !it.addition
        || !(3..=7).contains(&words.len())
        || !words.first().is_some_and(|w| is_determiner(w))
    {
        return;
    }
    let text = strip_article(&p);
    if let Some(it) = items
        .iter_mut()
        .find(|it| matches!(it.kind, Kind::Phrase(_)))
    {
        it.kind = Kind::Task {
            text,
            due_statement: false,
        };
    }
}

/// "The blog post and the newsletter, no rush.": a thing named with a priority and nothing
/// else to do is itself the to-do.
pub(super) fn cue_phrases(items: &mut [Item], text: &str) {
    if items.iter().any(Item::is_task) {
        return;
    }
    // "the marking for the stats module, forty scripts, due Monday": a deadline is a cue too.
    let due = |it: &Item| {
        matches!(it.kind, Kind::DateOnly)
            && text[it.clause.start..it.clause.end]
                .trim_start_matches([' ', ','])
                .to_lowercase()
                .starts_with("due ")
    };
    let has_cue = items.iter().any(|it| it.cue.is_some() || due(it));
    for it in items.iter_mut() {
        let Kind::Phrase(p) = &it.kind else {
            continue;
        };
        let p = strip_conjunction(p);
        let words: Vec<String> = p.split_whitespace().map(bare).collect();
        let named = words.len() >= 2
            && matches!(
                words[0].as_str(),
                "the" | "my" | "our" | "your" | "his" | "her" | "their"
            )
            && !words[1..].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "rest" | "others" | "other" | "thing" | "things" | "stuff" | "one" | "ones"
                )
            });
        if has_cue && named {
            it.kind = Kind::Task {
                text: strip_article(&p),
                due_statement: false,
            };
        }
    }
}

/// "Friday, demo prep with Chen": an event said right after its date is a to-do.
pub(super) fn promote_events(items: &mut [Item], text: &str) {
    for i in 0..items.len() {
        let Kind::Phrase(p) = &items[i].kind else {
            continue;
        };
        // "so headcount by the 30th": a thing with a deadline of its own.
        let said = text
            .get(items[i].clause.start..items[i].clause.end)
            .unwrap_or_default()
            .to_lowercase();
        let deadline = items[i].dated()
            && said.split_whitespace().any(|w| w == "by")
            && p.split_whitespace().count() <= 4
            && !p.split_whitespace().next().is_some_and(|w| {
                is_preposition(w)
                    || crate::extract::lexicon::is_pronoun(w)
                    || is_any_verb(w)
                    || matches!(bare(w).as_str(), "let's" | "lets" | "say" | "like")
            });
        let after_date = (0..i)
            .rev()
            .find(|&j| !matches!(items[j].kind, Kind::Filler))
            .is_some_and(|j| matches!(items[j].kind, Kind::DateOnly));
        let first = p.split_whitespace().next().map(bare).unwrap_or_default();
        let about = matches!(
            first.as_str(),
            "for" | "about" | "regarding" | "re" | "on" | "after" | "before" | "during"
        );
        if !about
            && !items[i].clause.header
            && ((after_date || items[i].dated())
                && p.split_whitespace().any(is_event_noun)
                && !plural_heading(&strip_conjunction(p).split_whitespace().collect::<Vec<_>>())
                || deadline)
        {
            items[i].kind = Kind::Task {
                text: strip_conjunction(p),
                due_statement: false,
            };
        }
    }
}

/// "the quarterly taxes, those are due the 15th", "the manuscript edits, Anouk wants them
/// back by the 5th", "the licence renewal and the food certs, both by the end of the month":
/// a thing named, then dated through a word that points back at it, is a to-do.
pub(super) fn dated_topics(items: &mut [Item], text: &str) {
    for k in 0..items.len() {
        let thing = match &items[k].kind {
            Kind::Phrase(p)
                if !p.split_whitespace().next().is_some_and(|w| {
                    is_preposition(w) || crate::extract::lexicon::is_pronoun(w)
                }) =>
            {
                p
            }
            // "the quarterly estimated taxes": a thing named, with no verb of its own.
            Kind::Statement(s) if names_only_a_thing(s) => s,
            _ => continue,
        };
        // "renew the domain for my side project, dragonfly dot dev, it expires next week":
        // the thing of the to-do before, said again; "same thing": no thing.
        let after_task = (0..k)
            .rev()
            .find(|&j| !matches!(items[j].kind, Kind::Filler))
            .is_some_and(|j| matches!(items[j].kind, Kind::Task { .. }));
        if items[k].clause.header
            || after_task
            || thing.split_whitespace().next().map(bare).as_deref() == Some("same")
        {
            continue;
        }
        let Some(j) = (k + 1..items.len()).find(|&j| !matches!(items[j].kind, Kind::Filler)) else {
            continue;
        };
        let said = text
            .get(items[j].clause.start..items[j].clause.end)
            .unwrap_or_default();
        let points_back = said.split_whitespace().map(bare).any(|w| {
            matches!(
                w.as_str(),
                "them" | "those" | "these" | "it" | "both" | "all"
            )
        });
        // "the salon insurance renewal, the letter says it's due on the 28th": a thing
        // said to be due, with no to-do after it to take it ("…, it's due the 20th, book
        // it in" is the booking's).
        let said_due = said
            .split_whitespace()
            .map(bare)
            .any(|w| matches!(w.as_str(), "it's" | "they're"))
            && said.split_whitespace().any(|w| bare(w) == "due")
            && !items[j + 1..]
                .iter()
                .take(3)
                .any(|it| matches!(it.kind, Kind::Task { .. }));
        // "renewal fees, last date is 31st March": the thing's deadline; "the DOT physical,
        // expires the 31st": its lapse, with the subject said before.
        let opening: Vec<String> = said[crate::extract::filler::strip_lead(said)..]
            .split_whitespace()
            .take(3)
            .map(bare)
            .collect();
        let its_deadline = matches!(
            opening
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            ["last" | "due" | "closing", "date" | "day", ..]
                | ["deadline" | "cutoff" | "cut-off", "is" | "'s", ..]
                | ["the", "deadline" | "cutoff" | "cut-off", ..]
                | ["expires" | "lapses" | "runs" | "ends", ..]
        );
        let points_back = points_back || said_due || its_deadline;
        // "safety meeting, I run it Monday": the speaker's part in it, not its date.
        let speaker = said[crate::extract::filler::strip_lead(said)..]
            .split_whitespace()
            .next()
            .map(bare)
            .is_some_and(|w| matches!(w.as_str(), "i" | "we" | "i'm" | "we're"));
        // "memo of sale, sent over to both solicitors this morning", "the bug, Priya picked
        // it up this morning": what happened to it, not when it is due.
        // A participle after "be" / "them" ("wants them finished by") is still to come.
        let words: Vec<String> = said.split_whitespace().map(bare).collect();
        let happened = words.iter().enumerate().any(|(p, w)| {
            let past = (w.len() > 4 && w.ends_with("ed"))
                || matches!(
                    w.as_str(),
                    "sent"
                        | "got"
                        | "went"
                        | "came"
                        | "did"
                        | "done"
                        | "paid"
                        | "left"
                        | "made"
                        | "put"
                        | "took"
                        | "gave"
                        | "brought"
                        | "bought"
                        | "told"
                        | "said"
                );
            past && !p
                .checked_sub(1)
                .and_then(|q| words.get(q))
                .is_some_and(|b| {
                    matches!(
                        b.as_str(),
                        "be" | "been"
                            | "get"
                            | "got"
                            | "have"
                            | "them"
                            | "it"
                            | "those"
                            | "these"
                            | "all"
                            | "both"
                    )
                })
        });
        // "the monthly analytics report for all clients, end of month as always": a thing,
        // then only its date.
        // Not "my van's MOT, it's due the 20th, book it in" (the booking's date), nor "eight
        // thousand words, due Thursday" (a count), nor "the wedding's the 6th" (an event).
        let first = thing
            .split_whitespace()
            .next()
            .map(bare)
            .unwrap_or_default();
        let only_a_date = items[j].day.is_some()
            && match &items[j].kind {
                Kind::DateOnly => true,
                Kind::Phrase(p) => p.split_whitespace().all(|w| {
                    matches!(
                        bare(w).as_str(),
                        "as" | "always" | "usual" | "ideally" | "latest"
                    )
                }),
                _ => false,
            }
            && thing.split_whitespace().count() >= 3
            && !thing.trim_end().ends_with("'s")
            && items[k].day.is_none()
            && crate::extract::numbers::parse_number(&first).is_none()
            && !first.starts_with(|c: char| c.is_ascii_digit())
            && !items[j + 1..]
                .iter()
                .take(3)
                .any(|it| matches!(it.kind, Kind::Task { .. }));
        let points_back = points_back || only_a_date;
        if !points_back || speaker || happened || matches!(items[j].kind, Kind::Task { .. }) {
            continue;
        }
        // "those go to the architect, Yusupova, by the 27th": the date may come a clause
        // or two later.
        let said_after: Vec<&Item> = items[j..]
            .iter()
            .take(4)
            .take_while(|it| !matches!(it.kind, Kind::Task { .. }))
            .collect();
        // "it's due the 31st, actually sorry, it's the 30th": the date said last.
        let corrected = said_after
            .iter()
            .any(|it| matches!(it.kind, Kind::Correction | Kind::Amend(_)));
        let day = if corrected {
            said_after.iter().rev().find_map(|it| it.day)
        } else {
            said_after.iter().find_map(|it| it.day)
        };
        if let Some(day) = day {
            let mut text = strip_article(&strip_conjunction(thing));
            // "my nursing council registration, renewal fees, last date is …": both names.
            if let Some(h) = apposed_head(items, k)
                && let Kind::Phrase(head) = &items[h].kind
            {
                text = apposition(&strip_article(&strip_conjunction(head)), &text);
                items[h].kind = Kind::Filler;
            }
            items[k].kind = Kind::Task {
                text,
                due_statement: false,
            };
            if items[k].day.is_none() {
                items[k].day = Some(day);
            }
        }
    }
}

/// "the invoice for the Hendersons, the bathroom refit": the first of two names for one
/// thing, said just before item `k`.
pub(super) fn apposed_head(items: &[Item], k: usize) -> Option<usize> {
    // "the Brenner contract, the German to English one, forty pages": the first of them.
    let mut head = None;
    let mut h = k;
    while let Some(before) = h.checked_sub(1)
        && names_the_same(items, before, k)
    {
        head = Some(before);
        h = before;
    }
    head
}

/// "My nursing council registration (renewal fees)": the first name, and the last one
/// when it says more than a count ("forty pages").
pub(super) fn apposition(head: &str, thing: &str) -> String {
    let first = thing
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    if crate::extract::numbers::parse_number(&first).is_some() {
        head.to_string()
    } else {
        format!("{head} ({thing})")
    }
}

/// "Third," "Finally," "Two,": a phrase that only counts the items off, and names no thing.
pub(super) fn is_count(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace().map(bare);
    match (words.next(), words.next()) {
        (Some(w), None) => {
            crate::extract::numbers::parse_number(&w).is_some()
                || matches!(
                    w.as_str(),
                    "first"
                        | "second"
                        | "third"
                        | "fourth"
                        | "fifth"
                        | "next"
                        | "last"
                        | "finally"
                        | "lastly"
                        | "also"
                )
        }
        _ => false,
    }
}

fn names_the_same(items: &[Item], h: usize, k: usize) -> bool {
    let Kind::Phrase(p) = &items[h].kind else {
        return false;
    };
    let words = p.split_whitespace().count();
    let count = is_count(p);
    let first = p.split_whitespace().next().map(bare).unwrap_or_default();
    let thing = looks_like_object(p)
        || !(is_preposition(&first)
            || crate::extract::lexicon::is_pronoun(&first)
            || crate::extract::lexicon::is_any_verb(&first));
    // "Oh my god, and the salon insurance renewal": no thing.
    let exclaimed = p
        .split_whitespace()
        .last()
        .is_some_and(|w| matches!(bare(w).as_str(), "god" | "gosh" | "goodness" | "lord"));
    thing && !count && !exclaimed && words <= 5 && !items[k].clause.header
}

/// "And the quarterly estimated taxes": a statement that only names a thing.
pub(super) fn names_only_a_thing(s: &str) -> bool {
    let s = strip_conjunction(s);
    let words: Vec<&str> = s.split_whitespace().collect();
    words.first().is_some_and(|w| is_determiner(w))
        && words.len() <= 16
        && !words.iter().any(|w| {
            crate::extract::lexicon::is_finite(w)
                || matches!(bare(w).as_str(), "i" | "we" | "he" | "she" | "they")
        })
}

/// "swing by Ferguson and pick up the PEX fittings": going somewhere to get a thing is one
/// errand, the getting, at that place.
pub(super) fn errands_on_the_way(items: &mut [Item]) {
    for i in 0..items.len() {
        if !items[i].is_task() {
            continue;
        }
        let Some(go) = items[i].titled.as_ref().map(|t| t.title.clone()) else {
            continue;
        };
        let words: Vec<&str> = go.split_whitespace().collect();
        let going = words.len() <= 6
            && words.first().is_some_and(|w| {
                matches!(
                    bare(w).as_str(),
                    "swing" | "stop" | "pop" | "nip" | "run" | "head" | "go" | "call"
                )
            })
            && words.get(1).is_some_and(|w| {
                matches!(
                    bare(w).as_str(),
                    "by" | "into" | "in" | "round" | "over" | "to"
                )
            });
        if !going || (bare(words[0]) == "call" && bare(words[1]) != "in") {
            continue;
        }
        let Some(j) = (i + 1..items.len()).find(|&j| items[j].is_task()) else {
            continue;
        };
        let joined = items[j].addition && items[j].clause.start > 0;
        let Some(get) = items[j].titled.as_ref().map(|t| t.title.clone()) else {
            continue;
        };
        let fetches = get.split_whitespace().next().is_some_and(|w| {
            matches!(
                bare(w).as_str(),
                "pick"
                    | "get"
                    | "grab"
                    | "buy"
                    | "collect"
                    | "fetch"
                    | "order"
                    | "return"
                    | "drop"
                    | "pay"
                    | "post"
            )
        });
        if !joined || !fetches {
            continue;
        }
        let place: Vec<&str> = words[2..]
            .iter()
            .copied()
            .skip_while(|w| matches!(bare(w).as_str(), "to" | "by" | "over"))
            .collect();
        let place = place.join(" ");
        let has_place = place.is_empty() || get.to_lowercase().contains(&place.to_lowercase());
        if let Some(t) = items[j].titled.as_mut()
            && !has_place
        {
            t.title = format!("{} at {place}", t.title);
        }
        if items[j].day.is_none() {
            items[j].day = items[i].day;
        }
        items[i].dropped = true;
    }
}

/// "Send Kevin the contract, the NDA and the invoice": objects after a command borrow its verb.
pub(super) fn fill_ellipses(items: &mut [Item], text: &str) {
    let mut verb: Option<String> = None;
    // "Pay the electricity bill tomorrow, it's with Octopus, and the gas bill too": a remark
    // about the item passed over keeps its verb, but only for a thing marked as added.
    let mut past_aside = false;
    let mut said_what_it_is = false;
    // "the permission slips for the bus, send those home Friday": the thing the next
    // command's pronoun stands for, not one more of the item before.
    let topics: Vec<bool> = (0..items.len())
        .map(|i| {
            items[i + 1..]
                .iter()
                .find(|x| !matches!(x.kind, Kind::Filler | Kind::DateOnly))
                .is_some_and(|x| match &x.kind {
                    Kind::Task { text, .. } => acts_on_pronoun(text),
                    _ => false,
                })
        })
        .collect();
    for (it, topic) in items.iter_mut().zip(topics) {
        let remark_before = said_what_it_is;
        if !matches!(it.kind, Kind::Filler | Kind::Task { .. }) {
            said_what_it_is = false;
        }
        match &it.kind {
            Kind::Task { text, .. } => {
                verb = leading_verb(text);
                past_aside = false;
                // "go to the gym more but that's, like, a lifestyle".
                said_what_it_is = text
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| matches!(bare(w).as_str(), "that's" | "it's"));
            }
            Kind::Phrase(p) => {
                // "replace the battery, or the whole unit maybe": another way to do the same
                // job, not a job of its own.
                let said = text.get(it.clause.start..it.clause.end).unwrap_or_default();
                let alternative = said.split_whitespace().next().map(bare).as_deref() == Some("or");
                let added = it.addition
                    || ends_as_added(&p.split_whitespace().map(bare).collect::<Vec<_>>());
                let p = strip_conjunction(p);
                // "send it to Tom, not Tom, Priya": what follows "not X" corrects, it adds
                // nothing.
                if remark_before && !added {
                    // "that's, like, a lifestyle": the remark, in two clauses.
                    it.kind = Kind::Statement(format!("it's {p}"));
                } else if p.split_whitespace().next().map(bare).as_deref() == Some("not") {
                    verb = None;
                } else if p.contains(" not the ") || p.contains(" not a ") || alternative {
                    // "order more formula, the big tins not the little ones": which ones.
                    it.kind = Kind::Statement(p);
                } else if let Some(v) = &verb
                    && looks_like_object(&p)
                    && (!past_aside || added)
                    && !topic
                {
                    it.kind = Kind::Task {
                        text: format!("{v} {p}"),
                        due_statement: false,
                    };
                }
            }
            // "go to the gym more, but that's, like, a lifestyle": what follows a bare
            // "that's" says what the item is.
            Kind::Filler if verb.is_some() => {
                let said = text.get(it.clause.start..it.clause.end).unwrap_or_default();
                if remark_on_item(said) {
                    past_aside = true;
                    said_what_it_is = true;
                }
            }
            Kind::Filler | Kind::DateOnly => {}
            Kind::Statement(s) if verb.is_some() && remark_on_item(s) => past_aside = true,
            _ => verb = None,
        }
    }
}

/// "send those home", "order it from NAPA": a command whose object is a pronoun.
fn acts_on_pronoun(text: &str) -> bool {
    let start = crate::extract::filler::strip_lead(text);
    let words: Vec<String> = text[start..].split_whitespace().map(bare).collect();
    words.len() >= 2
        && is_any_verb(&words[0])
        && matches!(words[1].as_str(), "it" | "those" | "these" | "them")
}

/// "… too", "… also", "… as well": a thing said as one more of the same.
fn ends_as_added(words: &[String]) -> bool {
    let n = words.len();
    words.last().is_some_and(|w| w == "too" || w == "also")
        || (n >= 2 && words[n - 2..] == ["as", "well"])
}

/// "it's with Octopus", "that's the recital", "they're the cheap ones": a remark whose
/// subject is the item just said.
fn remark_on_item(s: &str) -> bool {
    let first = s
        .split_whitespace()
        .map(bare)
        .find(|w| !matches!(w.as_str(), "and" | "but" | "oh" | "um" | "uh" | "so"));
    first.is_some_and(|w| {
        matches!(
            w.as_str(),
            "it's" | "its" | "that's" | "they're" | "theyre" | "which" | "those" | "these"
        )
    })
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("phrases.rs"),
            &[
                ("SAME_FOR", super::SAME_FOR.is_some()),
                ("MEANS_ME", super::MEANS_ME.is_some()),
            ],
        );
    }
}
