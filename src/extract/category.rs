//! Picking one of the user's categories by keywords. Only names present in the options are
//! ever returned, spelled as the user spelled them.

use crate::model::Category;

/// Keywords for the default categories. Nouns weigh more than verbs: in "call Joe about the
/// renewal" the renewal says more about the work than the call does.
const TABLE: &[(&str, &[&str], &[&str])] = &[
    (
        "meetings",
        &[
            "meeting",
            "meetings",
            "sync",
            "standup",
            "stand-up",
            "1:1",
            "one-on-one",
            "retro",
            "agenda",
            "interview",
            "workshop",
            "offsite",
            "demo",
        ],
        &[
            "call",
            "meet",
            "schedule",
            "reschedule",
            "sync",
            "invite",
            "ring",
            "phone",
        ],
    ),
    (
        "sales",
        &[
            "proposal",
            "lead",
            "leads",
            "client",
            "clients",
            "customer",
            "customers",
            "invoice",
            "invoices",
            "renewal",
            "contract",
            "contracts",
            "crm",
            "deal",
            "deals",
            "pipeline",
            "quote",
            "prospect",
            "prospects",
            "sow",
            "nda",
            "pricing",
            "rfp",
            "procurement",
            "upsell",
            "churn",
            "account",
            "cfo",
        ],
        &["invoice", "pitch", "sell", "upsell", "quote"],
    ),
    (
        "research",
        &[
            "research",
            "competitor",
            "competitors",
            "options",
            "alternatives",
            "study",
            "analysis",
            "benchmark",
            "market",
        ],
        &[
            "research",
            "investigate",
            "compare",
            "explore",
            "evaluate",
            "analyze",
            "analyse",
            "assess",
            "look",
        ],
    ),
    (
        "writing",
        &[
            "draft",
            "blog",
            "post",
            "doc",
            "docs",
            "document",
            "slides",
            "deck",
            "article",
            "essay",
            "newsletter",
            "copy",
            "summary",
            "report",
            "outline",
            "guide",
            "brief",
            "memo",
            "postmortem",
            "write-up",
            "readme",
            "presentation",
        ],
        &[
            "draft",
            "write",
            "rewrite",
            "edit",
            "proofread",
            "outline",
            "summarize",
            "summarise",
            "document",
        ],
    ),
    (
        "development",
        &[
            "bug",
            "bugs",
            "pr",
            "pull",
            "code",
            "build",
            "deploy",
            "deployment",
            "staging",
            "production",
            "api",
            "endpoint",
            "endpoints",
            "test",
            "tests",
            "webhook",
            "feature",
            "release",
            "migration",
            "repo",
            "ci",
            "server",
            "database",
            "dependency",
            "dependencies",
            "ssl",
            "certs",
            "indexer",
            "logs",
            "outage",
            "refactor",
            "login",
            "app",
            "backend",
            "frontend",
            "jira",
        ],
        &[
            "fix",
            "debug",
            "deploy",
            "merge",
            "refactor",
            "implement",
            "ship",
            "code",
            "test",
            "migrate",
            "bump",
            "upgrade",
        ],
    ),
    (
        "admin",
        &[
            "rent",
            "tax",
            "taxes",
            "passport",
            "insurance",
            "bill",
            "bills",
            "bank",
            "mortgage",
            "visa",
            "license",
            "permit",
            "registration",
            "expense",
            "expenses",
            "receipts",
            "payroll",
            "accountant",
            "paperwork",
            "forms",
            "form",
            "subscription",
            "membership",
            "domain",
            "vat",
            "timesheets",
            "lease",
            "landlord",
            "flights",
            "flight",
            "hotel",
            "reimbursement",
        ],
        &[
            "pay", "renew", "book", "file", "sign", "register", "cancel", "submit", "reserve",
        ],
    ),
    (
        "personal",
        &[
            "mom",
            "dad",
            "mother",
            "father",
            "grandma",
            "grandpa",
            "aunt",
            "uncle",
            "kids",
            "kid",
            "wife",
            "husband",
            "groceries",
            "grocery",
            "dentist",
            "doctor",
            "gym",
            "plants",
            "car",
            "dog",
            "cat",
            "vet",
            "birthday",
            "garden",
            "laundry",
            "haircut",
            "house",
            "home",
            "dinner",
            "pharmacy",
            "prescription",
            "family",
            "school",
            "orthodontist",
            "milk",
            "eggs",
            "fridge",
            "garage",
            "hedges",
            "mulch",
            "plumber",
            "friend",
            "friends",
        ],
        &[
            "water", "feed", "walk", "clean", "cook", "shop", "wash", "vacuum", "mow",
        ],
    ),
];

/// Best matching category name from `categories`, or `None` when nothing fits.
pub(crate) fn categorize(text: &str, categories: &[Category]) -> Option<String> {
    if categories.is_empty() {
        return None;
    }
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == ':'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut best: Option<(u32, usize, &Category)> = None;
    for cat in categories {
        let key = cat.name.trim().to_lowercase();
        let (score, first) = score(&key, &words);
        if score == 0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((s, f, _)) => score > s || (score == s && first < f),
        };
        if better {
            best = Some((score, first, cat));
        }
    }
    best.map(|(_, _, c)| c.name.clone())
}

/// Weighted keyword hits and the position of the first hit (earlier wins ties).
fn score(key: &str, words: &[String]) -> (u32, usize) {
    let singular = key.strip_suffix('s').unwrap_or(key);
    let entry = TABLE.iter().find(|(name, _, _)| *name == key);
    let mut total = 0;
    let mut first = usize::MAX;
    for (i, w) in words.iter().enumerate() {
        let mut hit = 0;
        if let Some((_, nouns, verbs)) = entry {
            if nouns.contains(&w.as_str()) {
                hit = 2;
            } else if verbs.contains(&w.as_str()) {
                hit = 1;
            }
        }
        // A user's own category ("Garden", "Hiring") matches when its name is said.
        if hit == 0 && (w == key || w == singular) && singular.len() > 2 {
            hit = 2;
        }
        if hit > 0 {
            total += hit;
            first = first.min(i);
        }
    }
    (total, first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Vec<Category> {
        crate::model::default_categories()
    }

    #[test]
    fn picks_by_keywords() {
        let c = defaults();
        assert_eq!(
            categorize("Call Joe from Acme about the renewal", &c).as_deref(),
            Some("Sales")
        );
        assert_eq!(
            categorize("Schedule a call with Priya", &c).as_deref(),
            Some("Meetings")
        );
        assert_eq!(
            categorize("Renew my passport", &c).as_deref(),
            Some("Admin")
        );
        assert_eq!(
            categorize("Fix the login bug in production", &c).as_deref(),
            Some("Development")
        );
        assert_eq!(
            categorize("Research competitors for the pricing page", &c).as_deref(),
            Some("Research")
        );
        assert_eq!(
            categorize("Draft the roadmap", &c).as_deref(),
            Some("Writing")
        );
        assert_eq!(
            categorize("Water the plants", &c).as_deref(),
            Some("Personal")
        );
        assert_eq!(categorize("Ponder the universe", &c), None);
    }

    #[test]
    fn only_offers_present_categories() {
        let only = vec![Category {
            name: "personal".into(),
            color: "#fff".into(),
        }];
        assert_eq!(categorize("Fix the login bug", &only), None);
        assert_eq!(categorize("Call mom", &only).as_deref(), Some("personal"));
        assert_eq!(categorize("Call mom", &[]), None);
        let custom = vec![Category {
            name: "Garden".into(),
            color: "#fff".into(),
        }];
        assert_eq!(
            categorize("Buy seeds for the garden", &custom).as_deref(),
            Some("Garden")
        );
    }
}
