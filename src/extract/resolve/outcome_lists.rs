//! "I want the photo books ordered, the insurance renewed, and a spare key cut": after one
//! want said as an outcome, the clauses that name a thing and a participle are more of them;
//! "Oh and the VAT return filed" adds one in a later sentence. "The shed painted and the
//! bins out" is two.

use super::Item;
use super::words::strip_conjunction;
use crate::extract::classify::Kind;
use crate::extract::filler::strip_lead;
use crate::extract::outcomes::{needs_each, outcomes, wanted_outcome, wanted_outcomes};

pub(super) fn outcome_lists(items: Vec<Item>, text: &str, masked: &str) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    let mut listing = false;
    for mut it in items {
        let (s, e) = (it.clause.start, it.clause.end);
        let lead = strip_lead(&masked[s..e]);
        let content = &masked[s..e][lead..];
        let original = &text[s..e][lead..];
        let found = match &it.kind {
            Kind::Task { .. } => {
                listing = wanted_outcome(content).is_some();
                // "I need the shed painted and the bins out": the first is the task's own.
                let all = wanted_outcomes(original);
                if all.len() > 1 {
                    all
                } else {
                    needs_each(original)
                }
            }
            Kind::Filler | Kind::DateOnly => Vec::new(),
            Kind::Statement(_) | Kind::Phrase(_) if listing || it.addition => {
                let found = if outcomes(&strip_conjunction(content)).is_empty() {
                    Vec::new()
                } else {
                    outcomes(&strip_conjunction(original))
                };
                listing = !found.is_empty();
                found
            }
            _ => {
                listing = false;
                Vec::new()
            }
        };
        if found.is_empty() {
            out.push(it);
            continue;
        }
        for t in found {
            it.kind = Kind::Task {
                text: t,
                due_statement: false,
            };
            out.push(it.clone());
        }
    }
    out
}
