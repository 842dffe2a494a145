//! Settling which date and which priority each item gets, when they are said once for
//! several items, before or after the item, or in a remark about it.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use regex::Regex;

use super::Item;
use crate::extract::classify::Kind;
use crate::extract::dates::DateHit;
use crate::extract::lexicon::{bare, opens_command};
use crate::model::Due;

/// Own date, else the date said earlier in the sentence, else one shared through "and".
pub(super) fn settle_dates(
    items: &mut [Item],
    text: &str,
    now: NaiveDateTime,
    prev_day: Option<NaiveDate>,
    scene: Option<NaiveDate>,
) {
    // A date said inside a command ("call Joe tomorrow, and send Kevin the NDA") stays with
    // it; one said as a header, remark or opener ("Tomorrow: ...") covers what follows.
    let mut context: Option<NaiveDate> = scene;
    let mut last_date: Option<NaiveDate> = prev_day;
    for i in 0..items.len() {
        let it = &items[i];
        let shared_by_and = if it.clause.and_link && i > 0 {
            items[i - 1].day
        } else {
            None
        };
        let inherited = context.or(shared_by_and);
        let due = if it.day.is_some() || it.time.is_some() {
            DateHit {
                start: 0,
                end: 0,
                day: it.day,
                time: it.time,
                possessive: false,
                anaphoric: false,
                offset: 0,
            }
            .due(now, inherited)
        } else if it.anaphoric {
            last_date
                .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(it.offset)))
                .map(Due::Date)
        } else if inherited.is_some() {
            inherited.map(Due::Date)
        } else {
            let mut j = i + 1;
            let mut found = None;
            while j < items.len() && items[j].clause.and_link {
                if let Some(d) = items[j].day {
                    found = Some(Due::Date(d));
                    break;
                }
                j += 1;
            }
            found
        };
        if it.dated() {
            last_date = it.day;
            // "Kofi wants the drill back by Sunday" owns its date as a command does.
            let verb_led = it.is_task()
                && matches!(&it.kind, Kind::Task { text, due_statement } if *due_statement || opens_command(text));
            if !verb_led || it.leading_date {
                context = it.day;
            } else if context.is_some() && it.day != context {
                // "the boiler man's coming on Friday, I need to clear the cupboard tonight
                // and … renew the parking permit": once an item has a day of its own, the
                // remark's day no longer covers what follows.
                context = None;
            }
        }
        items[i].due = due;
    }
    // "email the landlord, today": a date said after the item, on its own, is the item's;
    // "..., both by Friday" is the date of every item listed before it.
    for i in 0..items.len() {
        if !matches!(items[i].kind, Kind::DateOnly) {
            continue;
        }
        let Some(due) = items[i].due else {
            continue;
        };
        let meaningful = |k: &Kind| !matches!(k, Kind::Filler);
        if items[i].shared {
            for it in items[..i].iter_mut() {
                if it.is_task() && it.due.is_none() {
                    it.due = Some(due);
                }
            }
            continue;
        }
        // "order the roses, by the 25th, and the packaging too": an item added with "and"
        // after the date leaves the date to the one before.
        let next_is_task = (i + 1..items.len())
            .find(|&j| meaningful(&items[j].kind))
            .is_some_and(|j| items[j].is_task() && !items[j].addition);
        // A date the item only inherited from a remark gives way: "the carol singing is on
        // the 21st and I need to print the song sheets, the day before".
        // "the marking for the stats module, forty scripts, due Monday": a phrase between
        // the item and its date describes the item.
        // "order more amoxicillin, we're almost out, today": a remark about the item between
        // it and its date is passed over.
        // "return the deposit, they moved out last week, legally I've got ten days so,
        // like, by Wednesday": a date said on its own passes over the remarks before it.
        if let Some(j) = (0..i).rev().find(|&j| {
            meaningful(&items[j].kind)
                && !matches!(items[j].kind, Kind::Phrase(_))
                && !is_aside(&items[j])
                && !undated_remark(&items[j])
        }) && !next_is_task
            && items[j].is_task()
            && (items[j].due.is_none() || (items[j].day.is_none() && items[j].time.is_none()))
        {
            items[j].due = Some(due);
            // "the swimming and the piano lessons both need paying, by Monday": every item
            // read out of that one clause.
            let clause = items[j].clause;
            for it in items[..j]
                .iter_mut()
                .rev()
                .take_while(|it| it.clause == clause)
            {
                if it.is_task() && it.due.is_none() {
                    it.due = Some(due);
                }
            }
        }
    }
    // "I need to get them done this week": a date said for items named just before.
    for i in 1..items.len() {
        let pronoun = matches!(items[i].kind, Kind::Task { .. })
            && items[i].dropped
            && items[i].day.is_some();
        if !pronoun {
            continue;
        }
        let due = items[i].due;
        // "call Mr Fitzgerald, he's worried, do it first thing tomorrow".
        for it in items[..i].iter_mut().rev().filter(|it| !is_aside(it)) {
            if !it.is_task() {
                break;
            }
            // "the surgery is on the 25th, I have to apply for leave, do it by Friday": the
            // date said for the to-do beats one it took from the remark before it, and
            // "the SSL certificate expires on the 25th, so renew it by Friday" beats the day
            // the thing runs out.
            let runs_out = text
                .get(it.clause.start..it.clause.end)
                .is_some_and(says_when_it_runs_out);
            if it.due.is_none() || (it.day.is_none() && it.time.is_none()) || runs_out {
                it.due = due;
            }
        }
    }
    // "renew the registration, it expires on January 3rd": a remark about the item just said
    // carries its date back to it.
    for i in 1..items.len() {
        let (s, remark) = match &items[i].kind {
            Kind::Statement(s) => (s, true),
            Kind::Phrase(s) => (s, false),
            _ => continue,
        };
        // "it expires on January 3rd", "the reminder says by the end of the month",
        // "registration closes the 29th", "early bird ends Friday".
        let words: Vec<String> = s.split_whitespace().map(bare).collect();
        let says = words.iter().any(|w| w == "says" || w == "said");
        let refers_back = remark
            && words
                .first()
                .is_some_and(|w| BACK_REFERENCES.contains(&w.as_str()))
            || words
                .iter()
                .any(|w| matches!(w.as_str(), "closes" | "ends" | "deadline" | "cutoff"))
            // "HR wants them by Friday", "so let's have it done by the 20th".
            || remark
                && words
                    .iter()
                    .any(|w| matches!(w.as_str(), "it" | "them" | "those"));
        let Some(first) = items[i].day else {
            continue;
        };
        // "Easter's the 28th so let's have it done by the 20th": of the days a remark
        // holds, the soonest still to come is the one to act by.
        let d = items[i].soonest.map_or(first, |soonest| soonest.min(first));
        // "do the rota for March, I said yes, she needs it by next Thursday": remarks
        // without a date of their own between the item and the one that dates it.
        let Some(j) = (0..i)
            .rev()
            .find(|&j| !matches!(items[j].kind, Kind::Filler) && !undated_remark(&items[j]))
        else {
            continue;
        };
        // "Marcus said he'll do the shop tonight" speaks of the item only said next to it.
        let j = if refers_back { j } else { i - 1 };
        if (refers_back || says) && items[j].is_task() && items[j].due.is_none() {
            items[j].due = Some(Due::Date(d));
        }
    }
    act_sooner(items, now);
}

/// "so Wednesday then", "so, like, by Thursday to be safe", "let's say by the end of the
/// month", "that can wait till Friday": a remark giving the day to act by.
static ACTS_BY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:so|and|like|um|uh|well|actually|then|but|or)\W+)*(?:(?:let's\s+)?say\b|by\b|before\b|(?:that|it|this)\s+can\s+wait\b)|\b(?:latest|to\s+be\s+safe)\b").ok()
});

/// "get the ewes moved before the rain Thursday, so Wednesday then", "the gala on the 3rd,
/// do that tomorrow", "it expires the 12th, so by Thursday to be safe": a sooner day said
/// after the item, before anything else is named, is the day to act by; the first was the
/// event's or the deadline's.
fn act_sooner(items: &mut [Item], now: NaiveDateTime) {
    for i in 0..items.len() {
        if !items[i].is_task() {
            continue;
        }
        let Some(first) = items[i].due.map(Due::date) else {
            continue;
        };
        let mut sooner = None;
        for later in &items[i + 1..] {
            let says_when = match &later.kind {
                Kind::DateOnly => !later.shared,
                Kind::Task { .. } if later.dropped => true,
                // "Monday I reckon": the day said first, with a word on it.
                Kind::Statement(s) => {
                    ACTS_BY.as_ref().is_some_and(|re| re.is_match(s))
                        || s.split_whitespace()
                            .next()
                            .is_some_and(|w| crate::extract::dates::is_date_word(&bare(w)))
                }
                Kind::Filler => false,
                _ => break,
            };
            if let Some(day) = later.day
                && says_when
                && day < first
                && day >= now.date()
            {
                sooner = Some(day);
            }
        }
        if let Some(day) = sooner {
            items[i].due = Some(Due::Date(day));
        }
    }
}

/// "the certificate expires on the 25th", "my passport runs out in May": the thing's own
/// date, not the day to act by.
fn says_when_it_runs_out(clause: &str) -> bool {
    let words: Vec<String> = clause.split_whitespace().map(bare).collect();
    words.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "expires" | "expire" | "lapses")
            || w == "runs" && words.get(k + 1).is_some_and(|n| n == "out")
    })
}

/// A remark with no date of its own: "they moved out last week", "I said yes".
fn undated_remark(it: &Item) -> bool {
    matches!(it.kind, Kind::Statement(_)) && it.day.is_none() && it.time.is_none()
}

/// A remark about the item before, with no date of its own: "we're almost out", "he's on
/// keys", "it's just a DocuSign", "I forgot".
fn is_aside(it: &Item) -> bool {
    let Kind::Statement(s) = &it.kind else {
        return false;
    };
    it.day.is_none()
        && it.time.is_none()
        && (s.split_whitespace().next().map(bare).is_some_and(|w| {
            BACK_REFERENCES.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "we're" | "we" | "we've" | "they've" | "she'll" | "he'll"
                )
        }) || owns_up(s))
}

/// "I forgot", "I totally forgot", "I keep forgetting": the speaker owning up, about the
/// item just said.
fn owns_up(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(bare).collect();
    words.first().is_some_and(|w| w == "i")
        && words.len() <= 4
        && words[1..]
            .iter()
            .any(|w| matches!(w.as_str(), "forgot" | "forget" | "forgetting"))
}

pub(super) const BACK_REFERENCES: &[&str] = &[
    "it", "it's", "its", "which", "they", "they're", "that's", "that", "this", "she", "she's",
    "he", "he's", "hers", "his", "theirs", "mine",
];

/// A cue inside a task sets it; a cue on its own ("that's urgent") goes to the task before it
/// in the sentence, or to the tasks after it when it opens the sentence ("Low priority: ...").
pub(super) fn settle_priorities(items: &mut [Item]) {
    for it in items.iter_mut() {
        if it.is_task() {
            it.priority = it.cue;
        }
    }
    for i in 0..items.len() {
        // A dropped "make it a priority" still says something about the item before it.
        if items[i].is_task() {
            continue;
        }
        let Some(p) = items[i].cue else {
            continue;
        };
        if let Some(j) = (0..i).rev().find(|&j| items[j].is_task()) {
            // Items split from one phrase ("the blog post and the newsletter") share it.
            let clause = items[j].clause;
            for it in items[..=j]
                .iter_mut()
                .filter(|it| it.is_task() && it.clause == clause)
            {
                it.priority = Some(p);
            }
        } else {
            for it in items[i + 1..]
                .iter_mut()
                .filter(|it| it.is_task() && it.cue.is_none())
            {
                it.priority = Some(p);
            }
        }
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("settle.rs"),
            &[("ACTS_BY", super::ACTS_BY.is_some())],
        );
    }
}
