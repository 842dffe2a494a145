//! How alike two things said about work are: content words, stemmed, with spoken synonyms
//! folded together ("ring Joe" = "call Joe"), weighted by how rare each word is on the board
//! (a name like "Henderson" says more than "send").

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words that say nothing about *which* card is meant.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "to",
    "for",
    "about",
    "with",
    "on",
    "at",
    "in",
    "of",
    "and",
    "or",
    "up",
    "out",
    "off",
    "back",
    "some",
    "any",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "i",
    "we",
    "you",
    "me",
    "us",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "them",
    "please",
    "also",
    "just",
    "really",
    "again",
    "re",
    "regarding",
    "thing",
    "things",
    "stuff",
    "card",
    "task",
    "todo",
    "item",
    "one",
    "bit",
    "whole",
    "all",
    "from",
    "by",
    "into",
    "over",
    "be",
    "is",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "done",
    "get",
    "got",
    "so",
    "then",
    "now",
    "still",
    "already",
    "too",
    "as",
    "well",
    "both",
    "need",
    "needs",
    "must",
    "should",
    "will",
    "gonna",
    "go",
    "going",
    "can",
    "could",
    "would",
    "oh",
    "okay",
    "ok",
    "um",
    "uh",
    "like",
    "yeah",
    "right",
    "actually",
    "basically",
    "new",
    // When it is said is the due date's business, not the card's.
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "earlier",
    "later",
    "morning",
    "afternoon",
    "evening",
];

/// Whether `word` (lowercase) says nothing about which card is meant.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Spoken variants → the word a card most likely uses. Irregular past forms are here too,
/// so that "I rang Joe" and "I sent the invoice" meet "Call Joe" and "Send the invoice".
const SYNONYMS: &[(&str, &str)] = &[
    // "flat two" is "Flat 2" ("one" is too often "the big one" to fold).
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("ring", "call"),
    ("rang", "call"),
    ("phone", "call"),
    ("phoned", "call"),
    ("e-mail", "email"),
    ("mail", "email"),
    ("emailed", "email"),
    ("sent", "send"),
    ("bought", "buy"),
    ("purchase", "buy"),
    ("wrote", "write"),
    ("paid", "pay"),
    ("made", "make"),
    ("met", "meet"),
    ("meeting", "meet"),
    ("spoke", "speak"),
    ("told", "tell"),
    ("gave", "give"),
    ("found", "find"),
    ("brought", "bring"),
    ("sold", "sell"),
    ("took", "take"),
    ("reserve", "book"),
    ("repair", "fix"),
    ("schedule", "book"),
    ("arrange", "book"),
    ("leaking", "leak"),
    ("leaky", "leak"),
    ("dripping", "leak"),
    ("drip", "leak"),
    ("present", "gift"),
    ("doc", "document"),
    ("docs", "document"),
    ("appt", "appointment"),
    ("prez", "presentation"),
    ("prep", "prepare"),
    ("mom", "mum"),
    ("house", "home"),
    ("numbers", "figures"),
    ("bill", "invoice"),
    ("st", "street"),
    ("rd", "road"),
    // A noun said for the work of its verb: "the Monzo application" is "apply for …".
    ("application", "apply"),
    ("submission", "submit"),
    ("registration", "register"),
    ("installation", "install"),
    ("cancellation", "cancel"),
    ("tv", "television"),
    // "Fr Brennan" is Father Brennan; "the library backup" is "back up the library".
    ("fr", "father"),
    ("backup", "back"),
    ("backups", "back"),
    ("hallway", "hall"),
];

/// Phrases said for one word a card uses: "look over Dan's PR" is "review Dan's pull
/// request".
const PHRASES: &[(&str, &str)] = &[
    ("look over ", "review "),
    ("looking over ", "review "),
    ("look through ", "review "),
    ("go over ", "review "),
    ("go through ", "review "),
    ("went through ", "review "),
    ("went over ", "review "),
    ("looked over ", "review "),
    ("check over ", "review "),
    (" pr ", " pull request "),
    (" prs ", " pull request "),
    (" mr ", " merge request "),
];

/// Whether `text` holds any of `PHRASES`: checked without copying the text, since every
/// card's title on a 10k-card board passes through here on each dump.
static HAS_PHRASE: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:look(?:ing|ed)?\s+(?:over|through)|go\s+(?:over|through)|went\s+(?:over|through)|check\s+over|prs?|mr)\b",
    )
    .ok()
});

fn spoken_phrases(text: &str) -> std::borrow::Cow<'_, str> {
    if !HAS_PHRASE.as_ref().is_some_and(|re| re.is_match(text)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut t = format!(
        " {} ",
        text.to_lowercase()
            .replace(['.', ',', ';', ':', '!', '?'], " ")
    );
    for (from, to) in PHRASES {
        t = t.replace(from, to);
    }
    std::borrow::Cow::Owned(t)
}

static STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());
static SYN: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| SYNONYMS.iter().copied().collect());
static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The content words of `text`, normalized: lowercase, synonyms folded, stemmed, no stopwords.
pub fn content_tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let text = spoken_phrases(text);
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '-')) {
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let w = w.strip_suffix("'s").unwrap_or(&w).to_string();
        // "v2.3" and "2.3" are one version.
        let w = match w.strip_prefix('v') {
            Some(n) if n.starts_with(|c: char| c.is_ascii_digit()) => n.to_string(),
            _ => w,
        };
        if w.is_empty() || STOP.contains(w.as_str()) {
            continue;
        }
        let w = SYN.get(w.as_str()).map_or(w.clone(), |s| (*s).to_string());
        let w = american(&w);
        let stem = stem_cached(&w);
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

thread_local! {
    /// Stems by word: a board's titles share most of their words, and stemming each one
    /// again was most of the time spent reconciling a dump with 10k cards.
    static STEMS: std::cell::RefCell<HashMap<String, String>> = std::cell::RefCell::new(HashMap::new());
}

fn stem_cached(word: &str) -> String {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return s.clone();
        }
        if cache.len() > 100_000 {
            cache.clear();
        }
        let stem = STEMMER.stem(word).into_owned();
        cache.insert(word.to_string(), stem.clone());
        stem
    })
}

/// "organise" → "organize", "organised" → "organized": the stemmer keeps the two apart.
fn american(w: &str) -> String {
    for (gb, us) in [
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("ises", "izes"),
    ] {
        if let Some(stem) = w.strip_suffix(gb)
            && stem.len() >= 4
        {
            return format!("{stem}{us}");
        }
    }
    w.to_string()
}

/// The names in a title: capitalized words that are not ordinary to-do words ("Joe",
/// "Henderson", "Acme"). Two things naming different people are different work.
pub fn names(text: &str) -> HashSet<String> {
    text.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .filter(|w| w.len() > 1 && w.chars().skip(1).any(char::is_lowercase))
        .filter(|w| !crate::extract::is_common_word(w) && !STOP.contains(w.to_lowercase().as_str()))
        // Folded as content words are: "House insurance" meets "home insurance".
        .filter_map(|w| content_tokens(w).into_iter().next())
        .collect()
}

/// Word weights from how many cards use each word: rare words weigh more.
#[derive(Debug, Default)]
pub struct Weights {
    docs: f64,
    df: HashMap<String, usize>,
}

impl Weights {
    pub fn from_docs<'a>(docs: impl Iterator<Item = &'a [String]>) -> Self {
        let mut w = Weights::default();
        for doc in docs {
            w.docs += 1.0;
            for t in doc {
                *w.df.entry(t.clone()).or_default() += 1;
            }
        }
        w
    }

    pub fn of(&self, token: &str) -> f64 {
        let df = self.df.get(token).copied().unwrap_or(0) as f64;
        // +2 keeps a one-card board from weighing every shared word at zero.
        ((self.docs + 2.0) / (df + 1.0)).ln().max(0.1)
    }

    fn sum(&self, tokens: &[String]) -> f64 {
        tokens.iter().map(|t| self.of(t)).sum()
    }

    /// Weighted Dice overlap of two token lists, 0..=1.
    pub fn dice(&self, a: &[String], b: &[String]) -> f64 {
        let total = self.sum(a) + self.sum(b);
        if total <= 0.0 {
            return 0.0;
        }
        let common: f64 = a.iter().filter(|t| b.contains(t)).map(|t| self.of(t)).sum();
        2.0 * common / total
    }

    /// How much of `part`'s weight is found in `whole`, 0..=1.
    pub fn coverage(&self, part: &[String], whole: &[String]) -> f64 {
        let total = self.sum(part);
        if total <= 0.0 {
            return 0.0;
        }
        let found: f64 = part
            .iter()
            .filter(|t| whole.contains(t))
            .map(|t| self.of(t))
            .sum();
        found / total
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("similarity.rs"),
            &[("HAS_PHRASE", HAS_PHRASE.is_some())],
        );
    }

    #[test]
    fn phrases_meet_the_word_a_card_uses() {
        let said = content_tokens("so I still have to look over Dan's PR.");
        let card = content_tokens("Review Dan's pull request");
        assert!(
            card.iter().all(|w| said.contains(w)),
            "{said:?} vs {card:?}"
        );
        // A word that only contains "pr" is left alone.
        assert!(!content_tokens("Print the prize list").contains(&"pull".to_string()));
    }

    #[test]
    fn spoken_variants_meet() {
        assert_eq!(
            content_tokens("Ring Joe about the renewal"),
            content_tokens("Call Joe about the renewals")
        );
        assert_eq!(content_tokens("I rang Joe"), content_tokens("call joe"));
        assert_eq!(
            content_tokens("the dripping kitchen tap"),
            content_tokens("leaking kitchen tap")
        );
        assert_eq!(
            content_tokens("schedule the dentist"),
            content_tokens("book the dentist")
        );
        assert_eq!(content_tokens("the Acme thing"), vec!["acm".to_string()]);
    }

    #[test]
    fn names_are_capitalized_uncommon_words() {
        let n = names("Call Joe about the Henderson proposal");
        assert!(n.contains("joe") && n.contains("henderson"), "{n:?}");
        assert!(!n.contains("call"));
        assert!(names("Book the dentist").is_empty());
    }

    #[test]
    fn rare_words_weigh_more() {
        let docs: Vec<Vec<String>> = ["send the invoice", "send the deck", "call Joe"]
            .iter()
            .map(|d| content_tokens(d))
            .collect();
        let w = Weights::from_docs(docs.iter().map(Vec::as_slice));
        assert!(w.of("invoic") > w.of("send"));
        let a = content_tokens("send the invoice");
        assert!((w.dice(&a, &a) - 1.0).abs() < 1e-9);
        assert!(w.coverage(&content_tokens("the invoice"), &a) > 0.99);
    }
}
