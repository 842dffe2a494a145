//! The last step: take-backs, corrections and amendments applied, then the sentence's
//! items handed to the reader as drafts.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::Regex;

use super::Item;
use super::settle::BACK_REFERENCES;
use super::words::{leading_verb, own_verb_phrase, strip_conjunction};
use crate::extract::classify::Kind;
use crate::extract::filler::strip_lead;
use crate::extract::lexicon::{bare, bare_noun, is_common_word, is_determiner, is_pronoun};
use crate::extract::priority::cue;
use crate::extract::title::{capitalize, make_title, tidy};
use crate::extract::{Draft, LOOKBACK, Reader};
use crate::model::Due;

static NEEDS_IT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|but|so|oh)\W+)*(?:he|she|they|we|(?:the|my|our)\s+\w+|[A-Z][a-z]+)\s+(?:needs|need|wants|want|expects|expect|has\s+to\s+have|must\s+have)\s+(?:it|them|that|those|this|both|all\s+of\s+them|all\s+three|all\s+of\s+those)\b").ok()
});

/// "The incident report has to go out by Wednesday": a remark that sets a deadline.
static DEADLINE_WORDS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:has\s+to|have\s+to|needs\s+to|need\s+to|must|is\s+due|are\s+due|due|deadline)\b",
    )
    .ok()
});

/// Remarks in the sentence ("the sink is still leaking") become the description of the task
/// they follow, or of the first task after them when none comes before.
fn context_of(items: &[Item]) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); items.len()];
    for (i, it) in items.iter().enumerate() {
        let Kind::Statement(s) = &it.kind else {
            continue;
        };
        if s.split_whitespace().count() < 3 || it.cue.is_some() {
            continue;
        }
        let target = (0..i)
            .rev()
            .find(|&j| items[j].is_task())
            .or_else(|| (i + 1..items.len()).find(|&j| items[j].is_task()));
        if let Some(j) = target {
            out[j].push(tidy(s));
        }
    }
    out
}

/// Applies take-backs and corrections, then hands finished drafts to the reader.
pub(super) fn emit(index: usize, items: &[Item], reader: &mut Reader, now: NaiveDateTime) {
    let context = context_of(items);
    let mut produced = false;
    // What the last meaningful clause of this sentence was: a take-back applies to it.
    let mut last_was_task: Option<bool> = None;
    // "Buy milk, no, oat milk, and bananas": once a phrase corrected the item, an "and …"
    // after it in the same sentence is one more item with the same verb.
    let mut corrected_by_phrase = false;
    // "send it to Tom, no wait, not Tom, Priya": the name taken out, waiting for the one
    // that goes in.
    let mut swap: Option<String> = None;
    let only_dates = items
        .iter()
        .all(|x| matches!(x.kind, Kind::DateOnly | Kind::Filler));
    for (i, it) in items.iter().enumerate() {
        match &it.kind {
            // "The deposit by tomorrow at the latest.": a date for the item named.
            Kind::Phrase(p) | Kind::Statement(p)
                if (it.day.is_some() || it.due.is_some())
                    && !reader.correcting
                    && (matches!(it.kind, Kind::Phrase(_))
                        || DEADLINE_WORDS.as_ref().is_some_and(|re| re.is_match(p)))
                    && let Some(d) = reader
                        .drafts
                        .iter_mut()
                        .rev()
                        .take(LOOKBACK)
                        .find(|d| crate::extract::names_same_thing(p, &d.title)) =>
            {
                d.due = it.due.or(it.day.map(Due::Date));
                last_was_task = Some(true);
            }
            Kind::Phrase(p) if let Some(x) = negated(p) => {
                let named = reader
                    .drafts
                    .last()
                    .filter(|d| d.sentence + 1 >= index)
                    .is_some_and(|d| find_words(&d.title, &x).is_some());
                if named {
                    swap = Some(x);
                    reader.correcting = true;
                    last_was_task = Some(true);
                } else if x.split_whitespace().all(is_pronoun) {
                    // "invoice Mrs Abernathy, no wait, not her, …, invoice the Baptiste job":
                    // the item itself is taken back; what follows replaces it.
                    reader.correcting = true;
                    last_was_task = Some(true);
                } else {
                    reader.correcting = false;
                    last_was_task = Some(false);
                }
            }
            Kind::Phrase(p) if swap.is_some() && p.split_whitespace().count() <= 4 => {
                let x = swap.take().unwrap_or_default();
                if let Some(d) = reader.drafts.last_mut() {
                    d.title = replace_words(&d.title, &x, strip_conjunction(p).trim());
                }
                reader.correcting = false;
                corrected_by_phrase = true;
                last_was_task = Some(true);
            }
            // "Leo's got the dentist on Thursday, no, it's Friday": a remark corrected, not
            // the item said before it.
            Kind::Correction => {
                reader.correcting = !(0..i)
                    .rev()
                    .find(|&j| !matches!(items[j].kind, Kind::Filler))
                    .is_some_and(|j| matches!(items[j].kind, Kind::Statement(_)));
            }
            Kind::RetractPrevious => {
                let applies = match last_was_task {
                    Some(was_task) => was_task,
                    None => reader
                        .drafts
                        .last()
                        .is_some_and(|d| d.sentence + 1 >= index),
                };
                if applies {
                    reader.drafts.pop();
                }
                reader.correcting = false;
                // Said once, a take-back is spent: "scratch that, never mind" drops one item.
                last_was_task = Some(false);
            }
            Kind::RetractObject(obj) => {
                let words: Vec<&str> = obj.split_whitespace().collect();
                let n = reader.drafts.len();
                if let Some(nth) = ordinal(&words) {
                    // "forget the second one": the second item of the list just said.
                    if let Some(k) = nth_of_last_list(&reader.drafts, index, nth) {
                        reader.drafts.remove(k);
                    }
                    reader.correcting = false;
                    last_was_task = Some(false);
                    continue;
                }
                let hit = (n.saturating_sub(LOOKBACK)..n).rev().find(|&k| {
                    let t = reader.drafts[k].title.to_lowercase();
                    words.iter().all(|w| t.contains(w))
                });
                match hit {
                    Some(k) => {
                        reader.drafts.remove(k);
                    }
                    // "oh and sellotape, no, scratch the sellotape": the object was folded
                    // into the item before; drop the item only when it names it.
                    None if reader.correcting
                        && reader.drafts.last().is_some_and(|d| {
                            let t = d.title.to_lowercase();
                            words.iter().any(|w| t.contains(w))
                        }) =>
                    {
                        reader.drafts.pop();
                    }
                    None => {}
                }
                reader.correcting = false;
                last_was_task = Some(false);
            }
            Kind::Amend(detail) => {
                if let Some(d) = reader.drafts.last_mut().filter(|d| d.sentence + 1 >= index) {
                    if let Some(due) = it.due.or(it.day.map(Due::Date)) {
                        d.due = Some(due);
                    }
                    // "the green ones" names a detail of the item; "oat milk" its object.
                    let ones = detail
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| matches!(bare(w).as_str(), "one" | "ones"));
                    if !detail.is_empty() && (ones || cue(detail).is_none()) {
                        d.title = amend_title(&d.title, detail);
                    }
                }
                reader.correcting = false;
                last_was_task = Some(true);
            }
            Kind::DateOnly => {
                // "By tomorrow, ideally." said on its own after the item dates it.
                let trailing = only_dates
                    && reader
                        .drafts
                        .last()
                        .is_some_and(|d| d.sentence + 1 == index && d.due.is_none());
                if (reader.correcting || trailing)
                    && let Some(d) = reader.drafts.last_mut()
                {
                    d.due = it.due.or(it.day.map(Due::Date));
                }
                reader.correcting = false;
            }
            Kind::Task { .. } if !it.dropped => {
                let Some(t) = &it.titled else { continue };
                // "… write up the incident report. The incident report has to go out by
                // Wednesday.": a thing said again with what must happen to it by a date is the
                // item said before, now dated.
                if matches!(
                    it.kind,
                    Kind::Task {
                        due_statement: true,
                        ..
                    }
                ) && let Some(due) = it.due
                    && let thing = match leading_verb(&t.title) {
                        Some(v) => t.title[v.len()..].trim(),
                        None => t.title.as_str(),
                    }
                    && let Some(d) = reader
                        .drafts
                        .iter_mut()
                        .rev()
                        .take(LOOKBACK)
                        .find(|d| crate::extract::names_same_thing(thing, &d.title))
                {
                    d.due = Some(due);
                    last_was_task = Some(true);
                    continue;
                }
                // "order them from Petal and Stem, no, go with Bloomsbury Blooms": a different
                // supplier for the same item.
                if reader.correcting && choose(reader, index, &t.title, it.due) {
                    last_was_task = Some(true);
                    continue;
                }
                if reader.correcting
                    && reader
                        .drafts
                        .last()
                        .is_some_and(|d| d.sentence + 1 >= index)
                {
                    reader.drafts.pop();
                }
                reader.correcting = false;
                let mut description = Vec::new();
                if let Some(r) = &t.rest {
                    description.push(r.clone());
                }
                description.extend(context[i].iter().cloned());
                last_was_task = Some(true);
                reader.drafts.push(Draft {
                    title: t.title.clone(),
                    description,
                    priority: it.priority,
                    due: it.due,
                    sentence: index,
                });
                produced = true;
            }
            // "not Priyanka, she's on leave, ask Dev", "no wait, he's away till Thursday, so
            // Thursday": the reason does not end the correction.
            Kind::Statement(s)
                if reader.correcting
                    && i > 0
                    && matches!(items[i - 1].kind, Kind::Correction)
                    && says_done(s)
                    && !items[i + 1..].iter().any(|x| {
                        matches!(
                            x.kind,
                            Kind::Task { .. } | Kind::Phrase(_) | Kind::DateOnly | Kind::Amend(_)
                        )
                    }) =>
            {
                // "book her flu jab, actually no, she had it in October": taken back, with
                // the reason and nothing in its place. Not when a thing was named between
                // ("send the Millers the draft. Oh, and the tent deposit, wait, I paid that
                // Monday"): that thing is what was paid, and it made no card.
                let named_between = i >= 2 && matches!(items[i - 2].kind, Kind::Phrase(_));
                if !named_between
                    && reader
                        .drafts
                        .last()
                        .is_some_and(|d| d.sentence + 1 >= index)
                {
                    reader.drafts.pop();
                }
                reader.correcting = false;
                last_was_task = Some(false);
            }
            Kind::Statement(_)
                if swap.is_some()
                    || (reader.correcting
                        && i > 0
                        && match &items[i - 1].kind {
                            Kind::Correction => true,
                            Kind::Phrase(p) => negated(p).is_some(),
                            _ => false,
                        }) => {}
            // "de-ice the windscreen, oh no that's every morning, forget that": a remark about
            // the item just said leaves a take-back pointing at the item.
            Kind::Statement(s) if last_was_task == Some(true) && about_previous(s) => {
                reader.correcting = false;
            }
            // "buy oat milk. Actually Tom said he'd get the oat milk, so scratch that": a
            // remark naming the item just said leaves a take-back pointing at it.
            Kind::Statement(s)
                if last_was_task != Some(false)
                    && reader
                        .drafts
                        .last()
                        .filter(|d| d.sentence + 1 >= index)
                        .is_some_and(|d| names_object_of(s, &d.title)) =>
            {
                reader.correcting = false;
                last_was_task = None;
            }
            Kind::Statement(_) => {
                reader.correcting = false;
                last_was_task = Some(false);
            }
            Kind::Phrase(p) if reader.correcting && choose(reader, index, p, it.due) => {
                corrected_by_phrase = true;
                last_was_task = Some(true);
            }
            Kind::Phrase(p) => {
                // "Buy milk. No, oat milk." / "Call Mom. And Dad.": a bare object borrows the
                // previous task's verb, replacing it after a correction.
                let sentence_is_phrase = items
                    .iter()
                    .filter(|x| !matches!(x.kind, Kind::Filler))
                    .count()
                    == 1;
                let verb = reader
                    .drafts
                    .last()
                    .filter(|d| d.sentence + 1 >= index)
                    .and_then(|d| leading_verb(&d.title));
                let continues = it.addition
                    && (sentence_is_phrase || corrected_by_phrase)
                    && !own_verb_phrase(p);
                match verb {
                    Some(v) if reader.correcting || continues => {
                        if reader.correcting {
                            reader.drafts.pop();
                            corrected_by_phrase = true;
                        }
                        let t = make_title(&format!("{v} {}", strip_conjunction(p)), now);
                        reader.drafts.push(Draft {
                            title: t.title,
                            description: Vec::new(),
                            priority: it.cue,
                            due: it.due.or(it.day.map(Due::Date)),
                            sentence: index,
                        });
                        produced = true;
                        last_was_task = Some(true);
                    }
                    _ => last_was_task = Some(false),
                }
                reader.correcting = false;
            }
            Kind::Task { .. } => last_was_task = Some(false),
            Kind::Filler => {}
        }
    }
    // A "no wait" only reaches into the next sentence when it ended this one.
    if !matches!(items.last().map(|it| &it.kind), Some(Kind::Correction)) {
        reader.correcting = false;
    }
    // "Sign the NDA. It's blocking the whole deal.": a cue with no task of its own goes back.
    // A cue only overrides one the item already has when it points back at it ("it's not
    // urgent after all"): "no rush" about something else must not lower a top priority.
    let points_back = items
        .iter()
        .find(|it| !matches!(it.kind, Kind::Filler))
        .is_some_and(|it| match &it.kind {
            Kind::Statement(s) => s
                .split_whitespace()
                .next()
                .map(bare)
                .is_some_and(|w| BACK_REFERENCES.contains(&w.as_str())),
            _ => false,
        });
    // "Send the forecast to Priya. She needs it by Friday.": a date someone needs the item
    // by is its due date.
    // "…, and the fire risk assessment, she needs both by Friday": every item said.
    let all = items.iter().any(|it| {
        matches!(&it.kind, Kind::Statement(s)
            if s.split_whitespace().any(|w| matches!(bare(w).as_str(), "both" | "all")))
    });
    if (!produced || all)
        && let Some(day) = items.iter().find_map(|it| match &it.kind {
            Kind::Statement(s) if NEEDS_IT.as_ref().is_some_and(|re| re.is_match(s)) => it.day,
            _ => None,
        })
        && reader
            .drafts
            .last()
            .is_some_and(|d| d.sentence + 1 >= index)
    {
        let sentence = if produced { index } else { index - 1 };
        for d in reader
            .drafts
            .iter_mut()
            .rev()
            .take_while(|d| d.sentence == sentence)
        {
            if d.due.is_none() {
                d.due = Some(Due::Date(day));
            }
            if !all {
                break;
            }
        }
    }
    if !produced
        && let Some(p) = items
            .iter()
            .filter(|it| !it.is_task())
            .find_map(|it| it.cue)
        && let Some(d) = reader.drafts.last_mut()
        && d.sentence + 1 == index
        && (d.priority.is_none() || points_back)
    {
        d.priority = Some(p);
    }
}

/// Whether `remark` names the thing `title` acts on ("the oat milk" for "Buy oat milk").
fn names_object_of(remark: &str, title: &str) -> bool {
    let said: Vec<String> = remark.split_whitespace().map(bare_noun).collect();
    let object: Vec<String> = title
        .split_whitespace()
        .skip(1)
        .map(bare_noun)
        .filter(|w| w.len() > 3 && !is_determiner(w) && !is_pronoun(w))
        .collect();
    !object.is_empty() && object.iter().all(|w| said.contains(w))
}

/// "she had it in October", "I did that already": the item is done, so nothing to do.
fn says_done(s: &str) -> bool {
    s.split_whitespace().map(bare).any(|w| {
        matches!(
            w.as_str(),
            "had"
                | "did"
                | "done"
                | "was"
                | "were"
                | "went"
                | "already"
                | "got"
                | "sorted"
                // "pay the window cleaner, no, I paid him Friday": the past said irregularly.
                | "paid"
                | "sent"
                | "bought"
                | "rang"
                | "wrote"
                | "made"
                | "took"
                | "gave"
                | "sold"
                | "told"
                | "met"
                | "found"
                | "brought"
                | "spoke"
                | "caught"
                | "put"
        ) || (w.len() > 4 && w.ends_with("ed"))
    })
}

/// "that's obviously every morning", "actually I think that's Gordon's job": a remark that
/// opens by pointing back at the item said before it.
fn about_previous(s: &str) -> bool {
    let rest = &s[strip_lead(s)..];
    rest.split_whitespace()
        .map(bare)
        .find(|w| {
            !matches!(
                w.as_str(),
                "oh" | "no"
                    | "wait"
                    | "well"
                    | "hmm"
                    | "actually"
                    | "i"
                    | "think"
                    | "guess"
                    | "suppose"
            )
        })
        .is_some_and(|w| BACK_REFERENCES.contains(&w.as_str()))
        // "hire an admin, but I already posted the job": what the speaker has done about it.
        || {
            let words: Vec<String> = rest.split_whitespace().map(bare).take(3).collect();
            words.iter().any(|w| w == "already")
                && words
                    .first()
                    .is_some_and(|w| matches!(w.as_str(), "i" | "i've" | "we" | "we've" | "but" | "already"))
        }
}

/// "second one", "number two", "the last one": which item of a list, counted from 1
/// (`usize::MAX` for the last).
fn ordinal(words: &[&str]) -> Option<usize> {
    let content: Vec<String> = words
        .iter()
        .map(|w| bare(w))
        .filter(|w| {
            !matches!(
                w.as_str(),
                "one" | "number" | "item" | "thing" | "task" | "bit"
            )
        })
        .collect();
    let [w] = content.as_slice() else {
        // "number one": the only word was "one".
        return (words.len() == 2 && bare(words[0]) == "number" && bare(words[1]) == "one")
            .then_some(1);
    };
    Some(match w.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" | "two" => 2,
        "third" | "3rd" | "three" => 3,
        "fourth" | "4th" | "four" => 4,
        "fifth" | "5th" | "five" => 5,
        "last" | "latter" => usize::MAX,
        _ => return None,
    })
}

/// The index in `drafts` of the `nth` item said in this sentence, or in the one before
/// when this one added none.
fn nth_of_last_list(drafts: &[Draft], index: usize, nth: usize) -> Option<usize> {
    let sentence = drafts.last()?.sentence;
    if sentence + 1 < index {
        return None;
    }
    let start = drafts
        .iter()
        .rposition(|d| d.sentence != sentence)
        .map_or(0, |k| k + 1);
    let list = start..drafts.len();
    if nth == usize::MAX {
        return list.last();
    }
    let k = start + nth - 1;
    list.contains(&k).then_some(k)
}

/// After a correction, "go with Bloomsbury Blooms" puts the chosen name where the item's
/// "from" / "with" / "at" named the old one. True when it did.
fn choose(reader: &mut Reader, index: usize, said: &str, due: Option<Due>) -> bool {
    let Some(d) = reader.drafts.last_mut().filter(|d| d.sentence + 1 >= index) else {
        return false;
    };
    // "ring Ólafur, wait no I mean Oskar": one name for another.
    if let Some(name) = name_of(said)
        && let Some(old) = last_name(&d.title)
        // "email Rachel, no wait, Slack Rachel": a new verb for the same person.
        && find_words(&name, &old).is_none()
    {
        d.title = replace_words(&d.title, &old, &name);
        if due.is_some() {
            d.due = due;
        }
        reader.correcting = false;
        return true;
    }
    let Some(choice) = chosen(said) else {
        return false;
    };
    let Some(at) = [" from ", " with ", " at "]
        .iter()
        .filter_map(|p| d.title.rfind(p).map(|k| k + p.len()))
        .max()
    else {
        return false;
    };
    d.title = format!("{}{choice}", &d.title[..at]);
    if due.is_some() {
        d.due = due;
    }
    reader.correcting = false;
    true
}

/// "Oskar", "Mr Tanaka": a phrase that is only a name (every word capitalised, none of
/// them an everyday word).
fn name_of(said: &str) -> Option<String> {
    let said = strip_conjunction(said);
    let said = said.trim();
    let words: Vec<&str> = said.split_whitespace().collect();
    let name = !words.is_empty() && words.len() <= 3 && words.iter().all(|w| is_name_word(w));
    name.then(|| said.trim_end_matches(['.', ',', '!']).to_string())
}

/// A word of a name: capitalised, and no everyday word ("Oskar", not "Call" or "I").
fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && !is_common_word(w) && bare(w) != "i"
}

/// The last name in a title, past its verb: "Ring Ólafur about the van" -> "Ólafur".
fn last_name(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let end = (1..words.len()).rev().find(|&k| is_name_word(words[k]))?;
    let start = (1..=end)
        .rev()
        .take_while(|&k| is_name_word(words[k]))
        .last()?;
    Some(words[start..=end].join(" "))
}

/// "Go with Bloomsbury Blooms", "use Acme instead": the choice named.
fn chosen(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let rest = ["go with ", "use ", "pick ", "choose ", "try "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &title[p.len()..]))?;
    let rest = rest.trim_end_matches(" instead").trim();
    (!rest.is_empty() && rest.split_whitespace().count() <= 5).then(|| rest.to_string())
}

/// "not Tom" -> "Tom": the words a correction takes out.
fn negated(p: &str) -> Option<String> {
    let p = strip_conjunction(p);
    let mut words = p.split_whitespace();
    if bare(words.next()?) != "not" {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    (!rest.is_empty() && rest.len() <= 3).then(|| rest.join(" "))
}

/// Where the words of `x` stand in `title`, as a range of word indexes (ignoring case and
/// punctuation).
fn find_words(title: &str, x: &str) -> Option<(usize, usize)> {
    // "Rossi's" is still Rossi.
    let t: Vec<String> = title.split_whitespace().map(bare_noun).collect();
    let x: Vec<String> = x.split_whitespace().map(bare_noun).collect();
    (x.len() <= t.len())
        .then(|| (0..=t.len() - x.len()).find(|&k| t[k..k + x.len()] == x[..]))
        .flatten()
        .map(|k| (k, k + x.len()))
}

/// "Send the forecast to Tom" with "Tom" -> "Priya": "Send the forecast to Priya".
fn replace_words(title: &str, x: &str, y: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    match find_words(title, x) {
        Some((a, b)) if !y.is_empty() => {
            let mut out: Vec<&str> = words[..a].to_vec();
            out.push(y);
            out.extend(&words[b..]);
            out.join(" ")
        }
        _ => title.to_string(),
    }
}

/// "Order the blue cushions" + "the green ones" -> "Order the green cushions";
/// "Buy milk" + "oat milk" -> "Buy oat milk".
fn amend_title(title: &str, detail: &str) -> String {
    let mut words: Vec<&str> = detail.split_whitespace().collect();
    if words.first().is_some_and(|w| is_determiner(w)) {
        words.remove(0);
    }
    let ones = words
        .last()
        .is_some_and(|w| matches!(bare(w).as_str(), "one" | "ones"));
    let t: Vec<&str> = title.split_whitespace().collect();
    if ones {
        words.pop();
        let det = (1..t.len()).find(|&k| is_determiner(t[k]));
        if let Some(k) = det
            && !words.is_empty()
            && k + words.len() < t.len()
        {
            let mut out: Vec<&str> = t[..=k].to_vec();
            out.extend(words.iter().copied());
            out.extend(t[k + 1 + words.len()..].iter().copied());
            return out.join(" ");
        }
        return title.to_string();
    }
    // "Email Jo the slides" + "the handouts": the phrase with the same determiner goes.
    let first = detail.split_whitespace().next().unwrap_or_default();
    if is_determiner(first)
        && let Some(k) = (1..t.len()).rev().find(|&k| bare(t[k]) == bare(first))
    {
        return format!("{} {detail}", t[..k].join(" "));
    }
    match leading_verb(title) {
        Some(v) if !words.is_empty() => capitalize(&format!("{v} {detail}")),
        _ => title.to_string(),
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("drafts.rs"),
            &[
                ("NEEDS_IT", super::NEEDS_IT.is_some()),
                ("DEADLINE_WORDS", super::DEADLINE_WORDS.is_some()),
            ],
        );
    }
}
