//! "I want the photo books ordered, the insurance renewed, and a spare key cut": after one
//! want said as an outcome, the clauses that name a thing and a participle are more of them;
//! "Oh and the VAT return filed" adds one in a later sentence.

use super::Item;
use super::words::strip_conjunction;
use crate::extract::classify::Kind;
use crate::extract::filler::strip_lead;
use crate::extract::outcomes::{outcome, wanted_outcome};

pub(super) fn outcome_lists(items: &mut [Item], text: &str, masked: &str) {
    let mut listing = false;
    for it in items.iter_mut() {
        let (s, e) = (it.clause.start, it.clause.end);
        let content = &masked[s..e][strip_lead(&masked[s..e])..];
        match &it.kind {
            Kind::Task { .. } => listing = wanted_outcome(content).is_some(),
            Kind::Filler | Kind::DateOnly => {}
            Kind::Statement(_) | Kind::Phrase(_) if listing || it.addition => {
                let original = &text[s..e][strip_lead(&masked[s..e])..];
                if let Some(t) = outcome(&strip_conjunction(content))
                    .and_then(|_| outcome(&strip_conjunction(original)))
                {
                    it.kind = Kind::Task {
                        text: t,
                        due_statement: false,
                    };
                    listing = true;
                } else {
                    listing = false;
                }
            }
            _ => listing = false,
        }
    }
}
