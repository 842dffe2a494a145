//! Reconciling a dump with the board before anything is saved. Each thing said is one of:
//! - **new** work: a card is made;
//! - the **same** as an open card ("ring Joe about the renewal" beside "Call Joe about the
//!   renewal"): no card is made, new details (a due date, a higher priority) go onto the old one;
//! - an **update** to an open card ("push the dentist to Friday", "I finished the Henderson
//!   proposal", "the Acme thing is blocked on legal", "I no longer need the hotel");
//! - **unsure**: close to a card but not close enough to be sure; saved as new and marked
//!   "possibly the same as #ID" for the user to merge or keep.
//!
//! A wrong merge loses what the user said, a duplicate costs a click, so every threshold here
//! leans towards *new*. Questions ("what's due tomorrow?") are answered, not saved.

pub mod questions;
pub mod similarity;
pub mod spoken_update;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::extract::{ExtractedTask, split_into_sentences};
use crate::model::{Status, Task};
pub use questions::Answer;
use similarity::{Weights, content_tokens, names};
pub use spoken_update::{Change, SpokenUpdate};

/// Dice overlap at or above which a new item is the same work as a card.
pub const SAME_AT: f64 = 0.8;
/// Overlap at or above which it *may* be the same: saved, and flagged for the user.
pub const UNSURE_AT: f64 = 0.5;
/// Cosine (all-MiniLM-L6-v2) at or above which new work is flagged as *possibly* an open
/// card said in other words. Measured on the reconcile sets: repeats in other words score
/// 0.70–0.96 ("Grab a gift for Ava's party" / "Buy present for Ava's party" 0.92), different
/// work on a similar card 0.44–0.68 ("Book a hotel in Manchester" / "Book train to
/// Manchester" 0.68). Only a flag, never a merge, so it sits at the edge of the two.
pub const UNSURE_COSINE: f32 = 0.70;

/// Share of an update's object that a card must contain to be the one meant.
const TARGET_AT: f64 = 0.75;
/// How far ahead of the runner-up a card must be for an update to go to it.
const TARGET_MARGIN: f64 = 0.2;

/// What one item of a dump turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    New,
    Same,
    Update,
    Unsure,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::New => "new",
            Outcome::Same => "same",
            Outcome::Update => "update",
            Outcome::Unsure => "unsure",
        }
    }
}

impl std::str::FromStr for Outcome {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        [
            Outcome::New,
            Outcome::Same,
            Outcome::Update,
            Outcome::Unsure,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
        .ok_or(())
    }
}

/// What to do with one thing said.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    New(ExtractedTask),
    Unsure {
        item: ExtractedTask,
        possible: i64,
    },
    Same {
        item: ExtractedTask,
        card: i64,
        changes: Vec<Change>,
    },
    Update {
        said: String,
        card: i64,
        changes: Vec<Change>,
    },
}

impl Decision {
    /// The card this decision says the item is (the same card, or an update to it).
    fn card(&self) -> Option<i64> {
        match self {
            Decision::Same { card, .. } | Decision::Update { card, .. } => Some(*card),
            Decision::New(_) | Decision::Unsure { .. } => None,
        }
    }
}

/// Everything a dump does to the board, before it is applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub decisions: Vec<Decision>,
    pub answers: Vec<Answer>,
}

impl Plan {
    /// The plan of a dump when reconciling is switched off: every item is new.
    pub fn all_new(items: Vec<ExtractedTask>) -> Plan {
        Plan {
            decisions: items.into_iter().map(Decision::New).collect(),
            answers: Vec::new(),
        }
    }
}

/// One open card, tokenized once.
struct Card<'a> {
    task: &'a Task,
    tokens: Vec<String>,
    /// The sum of the tokens' weights, worked out once (a dump compares every item with
    /// every card: on a 10k board, looking weights up again each time was the cost).
    weight: f64,
    /// Worked out only for the cards that come close: most of a big board never does.
    names: std::cell::OnceCell<std::collections::HashSet<String>>,
}

impl Card<'_> {
    fn names(&self) -> &std::collections::HashSet<String> {
        self.names.get_or_init(|| names(&self.task.title))
    }
}

/// Decides what each item of a dump is, given the board (`board`: every card that is not
/// cancelled; only open ones are matched, all of them answer questions).
pub fn plan(text: &str, items: Vec<ExtractedTask>, board: &[Task], now: NaiveDateTime) -> Plan {
    let open: Vec<(&Task, Vec<String>)> = board
        .iter()
        .filter(|t| t.status != Status::Completed && t.cancelled_at.is_none())
        .map(|t| (t, content_tokens(&t.title)))
        .collect();
    let weights = Weights::from_docs(open.iter().map(|(_, tokens)| tokens.as_slice()));
    let cards: Vec<Card<'_>> = open
        .into_iter()
        .map(|(task, tokens)| Card {
            task,
            weight: tokens.iter().map(|t| weights.of(t)).sum(),
            tokens,
            names: std::cell::OnceCell::new(),
        })
        .collect();
    let mut out = Plan::default();
    // Words that were a question or an update that found its card: an item the extractor
    // read from them is not new work.
    let mut consumed: Vec<Vec<String>> = Vec::new();
    // What was said before: "update the doc, no wait, forget the doc" takes back the
    // dump's own item (the extractor's business), it does not cancel a card.
    // Kept as the words said so far, not the text: a long transcript with many take-backs
    // would otherwise be read again for each one.
    let mut earlier: std::collections::HashSet<String> = std::collections::HashSet::new();
    // "I haven't called Joe yet": a to-do when the board lacks it, no news about the card
    // when it is there.
    let mut not_yet: Vec<Vec<String>> = Vec::new();
    // "Henderson proposal. Yeah, forget it": a name said on its own is what the next
    // sentence's "it" means, so the two are read as one.
    let mut fragment: Option<String> = None;
    // "Parkside, the bathroom quote, still to do": a card said again as still to do.
    let mut repeats: Vec<Repeat<'_>> = Vec::new();
    for (sentence, marked) in split_into_sentences(text) {
        let sentence = crate::extract::run_on::restore_commas(&sentence).into_owned();
        // A dash after a name is said as a comma: "Mrs Adeyemi - I rang her", "Vac schemes -
        // sent off two, three more to go".
        let sentence = sentence.replace(" - ", ", ");
        let sentence = match fragment.take() {
            Some(name) => format!("{}, {sentence}", name.trim_end_matches(['.', '!'])),
            None => sentence,
        };
        if !marked && is_bare_name(&sentence) {
            fragment = Some(sentence);
            continue;
        }
        if spoken_update::says_not_yet(&sentence) {
            not_yet.push(content_tokens(&sentence));
        }
        let mut found = spoken_update::find(&sentence, now);
        // "the boss wants them sorted this week", "I can't send them until it's back".
        found.retain(|u| {
            let clause = sentence
                .get(..u.start)
                .and_then(|before| before.rfind([',', ';']))
                .map_or(0, |at| at + 1);
            let said = sentence
                .get(clause..(u.start + u.said.len()).min(sentence.len()))
                .unwrap_or(&u.said);
            // The last clause of it: "they can't come till May so we've got 'em booked" is done.
            let said = said.rsplit(" so ").next().unwrap_or(said);
            let said = said.rsplit([',', ';']).next().unwrap_or(said);
            match u.change {
                Change::Status(Status::Completed) => !spoken_update::said_undone(said),
                Change::Cancel => {
                    !spoken_update::kept_after_all(sentence.get(u.start..).unwrap_or_default())
                }
                _ => true,
            }
        });
        let asked = questions::is_question(&sentence, marked)
            && !(spoken_update::is_request(&sentence)
                && found.iter().any(|u| target(u, &cards, &weights).is_some()));
        let updates = if asked {
            out.answers.push(questions::answer(&sentence, board, now));
            consumed.push(content_tokens(&sentence));
            Vec::new()
        } else {
            found
        };
        // Each update's card, looked up once (a board can hold thousands); one whose own
        // words name none may be about the name said on its own before it.
        let mut updates: Vec<(SpokenUpdate, Option<&Card<'_>>)> = lend_to_topic(
            updates
                .into_iter()
                .map(|u| {
                    let card = target(&u, &cards, &weights);
                    (u, card)
                })
                .collect(),
        )
        .into_iter()
        .map(|(u, card)| match card {
            Some(_) => (u, card),
            None => match u.about_the_opening() {
                Some(opening) => {
                    let card = target(&opening, &cards, &weights);
                    (opening, card)
                }
                None => (u, None),
            },
        })
        .collect();
        // No pattern named a card: the sentence may still be news of the thing it opens with.
        if !asked && updates.iter().all(|(_, card)| card.is_none()) {
            if let Some(news) = spoken_update::news_of_opening(&sentence, now)
                && let Some(card) = target(&news, &cards, &weights)
            {
                updates.push((news, Some(card)));
            } else if let Some(repeat) = spoken_update::repeat_of_opening(&sentence)
                && let Some(card) = target(&repeat, &cards, &weights)
            {
                repeats.push(Repeat {
                    card,
                    words: content_tokens(&sentence),
                    said: repeat.said,
                    met: false,
                });
            }
        }
        // Where each word of the sentence is first said, worked out once for all its
        // take-backs (a long run-on can hold many).
        let mut first_said: Option<std::collections::HashMap<String, usize>> = None;
        for (update, card) in updates {
            if update.change == Change::Cancel {
                let cut = update.start.min(update.object_start());
                let said_at = first_said.get_or_insert_with(|| first_said_at(&sentence));
                let object = content_tokens(&update.object);
                if !object.is_empty()
                    && object
                        .iter()
                        .all(|t| earlier.contains(t) || said_at.get(t).is_some_and(|at| *at < cut))
                {
                    continue;
                }
            }
            let Some(card) = card else {
                continue;
            };
            // "Cancelled Netflix" on the card "Cancel Netflix": that work is done.
            let mut update = update;
            if update.change == Change::Cancel && card.tokens.first().is_some_and(|t| t == "cancel")
            {
                update.change = Change::Status(Status::Completed);
            }
            // "Priya, I rang her and left a message, she's not got back to me": the call is
            // made, the card waits on her.
            let after = sentence.get(update.start..).unwrap_or_default();
            if update.change == Change::Status(Status::Completed) {
                if spoken_update::no_reply(after) {
                    update.change = Change::Blocked(None);
                } else if spoken_update::part_left(after) {
                    update.change = Change::Status(Status::InProgress);
                }
            }
            // "The ultrasound machine, the service is booked for the 19th" (read as done, or
            // as a step of it): the day of the work is set; booking it was no card of its own.
            if matches!(
                update.change,
                Change::Status(Status::Completed | Status::InProgress)
            ) && let Some(due) = spoken_update::booked_for(after, now)
                && !card
                    .tokens
                    .first()
                    .is_some_and(|t| BOOKING.contains(&t.as_str()))
            {
                update.change = Change::Due(due);
            }
            consumed.push(content_tokens(&update.said));
            // "Release notes for 2.3, I started drafting them": the name said first is the
            // same card, not a repeat of it with a note.
            consumed.push(content_tokens(&update.object));
            let id = card.task.id;
            match out
                .decisions
                .iter_mut()
                .find(|d| matches!(d, Decision::Update { card, .. } if *card == id))
            {
                Some(Decision::Update { changes, said, .. }) => {
                    if !changes.contains(&update.change) {
                        changes.push(update.change);
                    }
                    said.push_str("; ");
                    said.push_str(&update.said);
                }
                _ => out.decisions.push(Decision::Update {
                    said: update.said,
                    card: id,
                    changes: vec![update.change],
                }),
            }
        }
        earlier.extend(content_tokens(&sentence));
    }
    if let Some(name) = fragment {
        earlier.extend(content_tokens(&name));
    }
    for item in items {
        let tokens = content_tokens(&item.title);
        if consumed
            .iter()
            .any(|words| weights.coverage(&tokens, words) >= 0.8)
        {
            continue;
        }
        // "Lingua, the March invoice, I still haven't sent it, must do that": the item read
        // from it ("Send the March invoice") is that card, when all it adds is its verb.
        // Other work read from it ("Maya's shoes, I still need to get her a lunchbox") says
        // the opening was no repeat.
        let mut said_here = repeats
            .iter_mut()
            .filter(|r| weights.coverage(&tokens, &r.words) >= 0.8)
            .peekable();
        let repeat = match said_here.peek() {
            Some(r) if adds_only_its_verb(&item.title, &tokens, r.card) => said_here.next(),
            _ => {
                said_here.for_each(|r| r.met = true);
                None
            }
        };
        if let Some(repeat) = repeat {
            repeat.met = true;
            let changes = merged_details(&item, repeat.card.task);
            out.decisions.push(Decision::Same {
                item,
                card: repeat.card.task.id,
                changes,
            });
            continue;
        }
        let decision = decide(item, &tokens, &cards, &weights);
        let reported = not_yet
            .iter()
            .any(|words| weights.coverage(&tokens, words) >= 0.8);
        if reported && matches!(decision, Decision::Same { .. }) {
            continue;
        }
        // "got through half the essays, I'll finish the rest tonight": the card the dump
        // just updated, said again with its news, is no possible duplicate; what it adds
        // joins that update. (A sure repeat stays listed as the same card.)
        let updated = match &decision {
            Decision::Unsure { possible, .. } => Some(*possible),
            _ => None,
        }
        .and_then(|id| {
            out.decisions.iter_mut().find_map(|d| match d {
                Decision::Update { card, changes, .. } if *card == id => Some(changes),
                _ => None,
            })
        });
        if let Some(changes) = updated {
            let more = match decision {
                Decision::Unsure { item, possible } => board
                    .iter()
                    .find(|t| t.id == possible)
                    .map(|card| merged_details(&item, card))
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            for c in more {
                if !changes.contains(&c) {
                    changes.push(c);
                }
            }
            continue;
        }
        out.decisions.push(decision);
    }
    // Said again with no item read from it: listed as the card it repeats, changing nothing.
    for repeat in repeats.into_iter().filter(|r| !r.met) {
        if out
            .decisions
            .iter()
            .any(|d| d.card() == Some(repeat.card.task.id))
        {
            continue;
        }
        out.decisions.push(Decision::Same {
            item: ExtractedTask {
                title: repeat.said,
                description: None,
                category: None,
                priority: repeat.card.task.priority,
                due: None,
            },
            card: repeat.card.task.id,
            changes: Vec::new(),
        });
    }
    out
}

/// "a second quiz night", "another quote", "a separate one": one more of its kind.
static ANOTHER: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:second|another|separate|different)\b").ok()
});

fn says_another(title: &str) -> bool {
    ANOTHER.as_ref().is_some_and(|r| r.is_match(title))
}

/// Whether both name numbers and none of them is the same.
fn numbers_differ(a: &[String], b: &[String]) -> bool {
    let number = |t: &&String| t.chars().all(|c| c.is_ascii_digit());
    let mut left = a.iter().filter(number).peekable();
    let right: Vec<&String> = b.iter().filter(number).collect();
    left.peek().is_some() && !right.is_empty() && left.all(|n| !right.contains(&n))
}

/// The verbs of a card whose work is the booking itself ("Book the MOT").
const BOOKING: &[&str] = &["book", "schedule", "arrange", "organise", "organize", "set"];

/// A card said again as still to do, and the words it was said in.
struct Repeat<'a> {
    card: &'a Card<'a>,
    words: Vec<String>,
    said: String,
    /// Whether an item of the dump was read from it.
    met: bool,
}

/// Whether all `title` adds to `card` is its verb: "Send the March invoice" beside "Invoice
/// Lingua for March" does; "Get Maya a lunchbox" beside "Buy Maya's school shoes" does not.
fn adds_only_its_verb(title: &str, tokens: &[String], card: &Card<'_>) -> bool {
    let verb = title
        .split_whitespace()
        .next()
        .filter(|w| crate::extract::is_verb(&w.to_lowercase()))
        .map(content_tokens)
        .unwrap_or_default();
    tokens.iter().any(|t| card.tokens.contains(t))
        && tokens
            .iter()
            .all(|t| card.tokens.contains(t) || verb.contains(t) || is_date_token(t))
}

/// "For the seminar, I have started the PPT": "the PPT" names no card, but the topic the
/// remark is about does, so the topic takes the change, not a note of it.
fn lend_to_topic<'a>(
    mut updates: Vec<(SpokenUpdate, Option<&'a Card<'a>>)>,
) -> Vec<(SpokenUpdate, Option<&'a Card<'a>>)> {
    let mut lent = Vec::new();
    for n in 0..updates.len() {
        if !matches!(updates[n].0.change, Change::Note(_)) || updates[n].1.is_none() {
            continue;
        }
        let inside = (0..updates.len()).find(|&u| {
            u != n
                && !matches!(updates[u].0.change, Change::Note(_))
                && updates[u].0.start > updates[n].0.start
                && updates[n].0.said.contains(&updates[u].0.said)
                && updates[u].1.is_none()
        });
        if let Some(u) = inside {
            updates[n].0.change = updates[u].0.change.clone();
            lent.push(u);
        }
    }
    updates
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !lent.contains(k))
        .map(|(_, u)| u)
        .collect()
}

/// Each content token of `sentence` with the byte offset of the word it is first said in.
fn first_said_at(sentence: &str) -> std::collections::HashMap<String, usize> {
    let mut at = std::collections::HashMap::new();
    let mut offset = 0;
    for word in sentence.split(' ') {
        for token in content_tokens(word) {
            at.entry(token).or_insert(offset);
        }
        offset += word.len() + 1;
    }
    at
}

/// "Henderson proposal.": two to four words naming a thing, with no verb, no pronoun and no
/// filler to open them.
fn is_bare_name(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let named = match words.first().map(String::as_str) {
        Some("the" | "my" | "our") => &words[1..],
        _ => &words[..],
    };
    (2..=4).contains(&words.len())
        && !named.is_empty()
        && named.iter().all(|w| {
            !w.is_empty()
                && !w.contains('\'')
                && !crate::extract::is_verb(w)
                && !similarity::is_stopword(w)
                && !crate::extract::dates::is_date_word(w)
        })
}

/// The card an update's object names, when exactly one clearly does.
fn target<'a>(
    update: &SpokenUpdate,
    cards: &'a [Card<'a>],
    weights: &Weights,
) -> Option<&'a Card<'a>> {
    let mut object = content_tokens(&update.object);
    // "Thursday's interview is off": when it was is no part of which card.
    if object.iter().any(|t| !is_date_token(t)) {
        object.retain(|t| !is_date_token(t));
    }
    // "four's done" beside "Transcribe interviews 4-6": a number alone names no card.
    if object.is_empty() || object.iter().all(|t| t.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let object_names = names(&update.object);
    let verb = update
        .verb
        .as_deref()
        .map(content_tokens)
        .unwrap_or_default();
    let object_w: Vec<f64> = object.iter().map(|t| weights.of(t)).collect();
    let object_total: f64 = object_w.iter().sum();
    let mut scored: Vec<(f64, &Card<'_>)> = cards
        .iter()
        .map(|c| {
            // How much of the object's weight the card holds (`Weights::coverage`, with the
            // weights looked up once).
            let found: f64 = object
                .iter()
                .zip(&object_w)
                .filter(|(t, _)| c.tokens.contains(t))
                .map(|(_, w)| w)
                .sum();
            let mut s = if object_total > 0.0 {
                found / object_total
            } else {
                0.0
            };
            if s >= TARGET_AT && verb.iter().any(|v| c.tokens.contains(v)) {
                s += TARGET_MARGIN;
            }
            (s, c)
        })
        .filter(|(s, _)| *s >= TARGET_AT)
        .filter(|(_, c)| !update.verb_required || verb.iter().any(|v| c.tokens.contains(v)))
        .filter(|(_, c)| {
            object_names.is_empty()
                || object_names
                    .iter()
                    .any(|n| c.names().contains(n) || c.tokens.contains(n))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [] => None,
        [(_, only)] => Some(*only),
        [(best, card), (second, _), ..] => (best - second >= TARGET_MARGIN - 1e-9).then_some(*card),
    }
}

fn decide(
    item: ExtractedTask,
    tokens: &[String],
    cards: &[Card<'_>],
    weights: &Weights,
) -> Decision {
    let item_names = names(&item.title);
    // "a second quiz night", "another quote": a card like it is not this one.
    let another = says_another(&item.title);
    let item_w: Vec<f64> = tokens.iter().map(|t| weights.of(t)).collect();
    let item_total: f64 = item_w.iter().sum();
    let mut best: Option<(f64, &Card<'_>)> = None;
    for c in cards {
        // `Weights::dice`, with both sides' weights looked up once.
        let common: f64 = tokens
            .iter()
            .zip(&item_w)
            .filter(|(t, _)| c.tokens.contains(t))
            .map(|(_, w)| w)
            .sum();
        let total = item_total + c.weight;
        let s = if total > 0.0 {
            2.0 * common / total
        } else {
            0.0
        };
        if s < UNSURE_AT - 1e-9 || best.is_some_and(|(b, _)| s <= b) {
            continue;
        }
        // Different people or companies named: different work, however alike the rest is.
        if !item_names.is_empty() && !c.names().is_empty() && item_names.is_disjoint(c.names()) {
            continue;
        }
        // "a viewing at 19 Linden Avenue" beside "a viewing for 9 Linden Avenue", room 214
        // and room 412: different numbers, different things.
        if numbers_differ(tokens, &c.tokens) || (another && !says_another(&c.task.title)) {
            continue;
        }
        best = Some((s, c));
    }
    if let Some(card) = same_work_said_loosely(&item.title, cards, weights)
        .filter(|c| !another || says_another(&c.task.title))
    {
        let changes = merged_details(&item, card.task);
        return Decision::Same {
            item,
            card: card.task.id,
            changes,
        };
    }
    let Some((score, card)) = best else {
        return Decision::New(item);
    };
    let clashing_due =
        matches!((item.due, card.task.due), (Some(a), Some(b)) if a.date() != b.date());
    if score >= SAME_AT - 1e-9 && !clashing_due {
        let changes = merged_details(&item, card.task);
        return Decision::Same {
            item,
            card: card.task.id,
            changes,
        };
    }
    if score >= UNSURE_AT {
        return Decision::Unsure {
            possible: card.task.id,
            item,
        };
    }
    Decision::New(item)
}

/// "Do the quarterly report", "sort the kids' bikes": a verb that says only "deal with it"
/// leaves the thing to say which card is meant. When everything a card names (but its verb
/// and its dates) is in the item, and most of the item is in the card, it is that card.
fn same_work_said_loosely<'a>(
    title: &str,
    cards: &'a [Card<'a>],
    weights: &Weights,
) -> Option<&'a Card<'a>> {
    const LOOSE: &[&str] = &[
        "do", "get", "sort", "handle", "deal", "finish", "complete", "tackle", "pull", "put",
    ];
    let mut words = title.split_whitespace();
    let first = words.next()?.to_lowercase();
    if !LOOSE.contains(&first.as_str()) {
        return None;
    }
    // "Do car insurance before it runs out": what follows "before" says when, not what.
    let lower = title.to_lowercase();
    let what = [" before ", " by ", " until ", " till ", " when ", " so "]
        .iter()
        .filter_map(|w| lower.find(w))
        .min()
        .map_or(lower.as_str(), |at| &lower[..at]);
    let thing: Vec<String> = content_tokens(what)
        .into_iter()
        .filter(|t| t != &first && !is_date_token(t))
        .collect();
    let item_names = names(title);
    let mut found = cards.iter().filter(|c| {
        let leads_with_verb = c
            .task
            .title
            .split_whitespace()
            .next()
            .is_some_and(crate::extract::is_verb);
        let named: Vec<&String> = c
            .tokens
            .iter()
            .skip(usize::from(leads_with_verb))
            .filter(|t| !is_date_token(t))
            .collect();
        named.len() >= 2
            && named.iter().all(|t| thing.contains(t))
            && weights.coverage(&thing, &c.tokens) >= 0.6
            && (item_names.is_empty() || c.names().is_empty() || !item_names.is_disjoint(c.names()))
    });
    let card = found.next()?;
    found.next().is_none().then_some(card)
}

/// A stemmed day or month name: when a card is due is not what it is about.
fn is_date_token(token: &str) -> bool {
    crate::extract::dates::is_date_word(token)
        || crate::extract::DAYS_AND_MONTHS
            .iter()
            .any(|d| d.starts_with(token) && token.len() >= 5)
        || matches!(token, "befor" | "after" | "until" | "till")
}

/// What a repeat adds to the card: a due date it lacked, a higher priority, a category, a
/// description.
fn merged_details(item: &ExtractedTask, card: &Task) -> Vec<Change> {
    let mut changes = Vec::new();
    if let (Some(due), None) = (item.due, card.due) {
        changes.push(Change::Due(due));
    }
    if item.priority > card.priority {
        changes.push(Change::Priority(item.priority));
    }
    if let (Some(d), None) = (&item.description, &card.description)
        && !progress_remark(d)
    {
        changes.push(Change::Note(d.clone()));
    }
    changes
}

/// "I've not even written them", "we haven't started": how far the speaker got, said
/// beside a repeat. It tells nothing new about the card, so it is no note for it.
fn progress_remark(d: &str) -> bool {
    let words: Vec<String> = d
        .split_whitespace()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let speaker = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "i" | "we" | "i've" | "we've" | "i'm" | "we're"));
    speaker
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "not" | "haven't" | "hasn't" | "didn't" | "never" | "havent" | "didnt"
            )
        })
}

#[cfg(test)]
mod tests;
