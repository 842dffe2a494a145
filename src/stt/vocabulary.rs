//! The words that matter to this user, for Whisper. A base model spells "Initech" as
//! "a night tech" unless it has seen the word: the initial prompt (text Whisper treats as
//! what was said just before) carries the user's vocabulary and the names on the board, and
//! replacements fix what it still hears its own way ("k8s" → "Kubernetes").

use std::collections::HashMap;

use regex::Regex;

use crate::model::VocabularyEntry;

/// Characters of vocabulary in a prompt. Whisper keeps at most 224 prompt tokens and names
/// take ~3 characters a token; the text said just before (streaming) gets the rest.
pub const PROMPT_BUDGET_CHARS: usize = 300;
const PROMPT_LEAD: &str = "I talked with ";

/// What a prompt is built from.
#[derive(Debug, Clone, Copy, Default)]
pub struct VocabularySources<'a> {
    /// The user's own entries, oldest first.
    pub entries: &'a [VocabularyEntry],
    /// Task titles, most recently changed first.
    pub titles: &'a [String],
    /// Category names the user made (the built-in ones are plain words Whisper knows).
    pub categories: &'a [String],
}

/// A prompt plus the replacements to apply after transcription.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    prompt: Option<String>,
    /// The prompt's terms as the user spells them. A transcript made of them alone is the
    /// prompt echoed back over silence, not speech.
    terms: Vec<String>,
    rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
struct Rule {
    pattern: Regex,
    to: String,
}

impl Vocabulary {
    pub fn build(src: VocabularySources<'_>) -> Self {
        let mut terms: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut push = |t: &str, terms: &mut Vec<String>| {
            let t = t.trim();
            if !t.is_empty() && seen.insert(t.to_lowercase()) {
                terms.push(t.to_owned());
            }
        };
        // The user's words go first: they asked for them.
        for e in src.entries {
            push(&e.word, &mut terms);
        }
        for name in ranked_names(src.titles) {
            push(&name, &mut terms);
        }
        for c in src.categories {
            push(c, &mut terms);
        }
        let mut kept = Vec::new();
        let mut len = PROMPT_LEAD.len();
        for t in terms {
            let add = t.len() + 2;
            if len + add > PROMPT_BUDGET_CHARS {
                continue;
            }
            len += add;
            kept.push(t);
        }
        // A sentence, not a bare list: after a list Whisper tends to go on listing and drop
        // the first words said ("Email Priya the Acme Corp contract" came back as "Contract"
        // after "Priya, Acme Corp."); after this lead-in it starts a new sentence and still
        // spells the names (measured on espeak clips with the base model).
        let prompt = (!kept.is_empty()).then(|| format!("{PROMPT_LEAD}{}.", kept.join(", ")));
        let mut rules = Vec::new();
        for e in src.entries {
            match &e.replace_from {
                Some(from) => rules.extend(Rule::new(from, &e.word)),
                // The user's spelling wins over Whisper's casing ("jira" → "Jira").
                None if e.word.chars().any(char::is_uppercase) => {
                    rules.extend(Rule::new(&e.word, &e.word))
                }
                None => {}
            }
        }
        Self {
            prompt,
            terms: kept,
            rules,
        }
    }

    /// The initial prompt for Whisper; `None` when there is nothing to say.
    pub fn prompt(&self) -> Option<&str> {
        self.prompt.as_deref()
    }

    /// The words the prompt lists, in its order (what Settings shows).
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// The user's replacements applied to a transcript.
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for r in &self.rules {
            if let std::borrow::Cow::Owned(changed) =
                r.pattern.replace_all(&out, regex::NoExpand(&r.to))
            {
                out = changed;
            }
        }
        out
    }

    /// True when `text` is only prompt terms (two or more, or one after the prompt's
    /// lead-in): what Whisper writes when it is given a prompt and hears no speech. One term
    /// alone is kept: a user may say just "Initech".
    pub fn is_echo(&self, text: &str) -> bool {
        if self.terms.is_empty() {
            return false;
        }
        let lower = text.trim().to_lowercase();
        let lead = PROMPT_LEAD.trim().to_lowercase();
        let (rest, led) = match lower.strip_prefix(&lead) {
            Some(rest) => (rest, true),
            None => (lower.as_str(), false),
        };
        let rest = rest.replace(" and ", ",");
        let parts: Vec<&str> = rest
            .split([',', '.', ';', '!', '?'])
            .map(|p| p.trim())
            .map(|p| p.strip_prefix("and ").unwrap_or(p))
            .filter(|p| !p.is_empty())
            .collect();
        let enough = if led { 1 } else { 2 };
        parts.len() >= enough
            && parts
                .iter()
                .all(|p| self.terms.iter().any(|t| t.to_lowercase() == *p))
    }
}

impl Rule {
    /// Whole words only, case-insensitive; the words of `from` may be joined by spaces or
    /// hyphens in the transcript ("a night tech", "a night-tech").
    fn new(from: &str, to: &str) -> Option<Rule> {
        let words: Vec<String> = from.split_whitespace().map(regex::escape).collect();
        let first = from.trim().chars().next()?;
        let last = from.trim().chars().last()?;
        let mut pattern = String::from("(?i)");
        if first.is_alphanumeric() {
            pattern.push_str(r"\b");
        }
        pattern.push_str(&words.join(r"[\s-]+"));
        if last.is_alphanumeric() {
            pattern.push_str(r"\b");
        }
        match Regex::new(&pattern) {
            Ok(pattern) => Some(Rule {
                pattern,
                to: to.to_owned(),
            }),
            Err(e) => {
                // Escaped input always compiles; this is a size limit on absurd input.
                tracing::warn!("vocabulary rule for {from:?} skipped: {e}");
                None
            }
        }
    }
}

/// Names in task titles (people, companies, products), most frequent and most recent first.
pub fn ranked_names(titles_newest_first: &[String]) -> Vec<String> {
    let n = titles_newest_first.len().max(1) as f64;
    let mut scores: HashMap<String, (f64, usize, String)> = HashMap::new();
    let mut order = 0;
    for (i, title) in titles_newest_first.iter().enumerate() {
        let recency = 1.0 - i as f64 / n;
        for name in names_in_title(title) {
            let e = scores
                .entry(name.to_lowercase())
                .or_insert_with(|| (0.0, order, name.clone()));
            if e.0 == 0.0 {
                order += 1;
            }
            // Frequency counts most; recency breaks ties and lifts what is current.
            e.0 += 1.0 + recency * 0.5;
        }
    }
    let mut ranked: Vec<(f64, usize, String)> = scores.into_values().collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().map(|(_, _, name)| name).collect()
}

/// Runs of capitalised words that are not there just because they start the title
/// ("Call Joe at Acme Corp" → "Joe", "Acme Corp").
pub fn names_in_title(title: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, names: &mut Vec<String>| {
        if !run.is_empty() {
            names.push(run.join(" "));
            run.clear();
        }
    };
    for (i, raw) in title.split_whitespace().enumerate() {
        // A comma or full stop ends a name: "Joe, Ann" are two.
        let ends_run = raw.ends_with([',', '.', ';', ':', '!', '?', ')']);
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '&');
        let word = word.strip_suffix("'s").unwrap_or(word);
        if is_name(word, i == 0) {
            run.push(word);
        } else {
            flush(&mut run, &mut names);
        }
        if ends_run {
            flush(&mut run, &mut names);
        }
    }
    flush(&mut run, &mut names);
    names
}

fn is_name(word: &str, first: bool) -> bool {
    let Some(c) = word.chars().next() else {
        return false;
    };
    let inner_upper = word.chars().skip(1).any(char::is_uppercase);
    if !(c.is_uppercase() || inner_upper) || word.len() < 2 {
        return false;
    }
    let lower = word.to_lowercase();
    if COMMON.split_whitespace().any(|w| w == lower) {
        return false;
    }
    // The first word is capitalised anyway; it is a name only if it is no ordinary word.
    !(first && crate::extract::is_common_word(&lower))
}

/// Capitalised for reasons other than being a name.
const COMMON: &str = "i i'm i'll i've monday tuesday wednesday thursday friday saturday sunday \
    january february march april may june july august september october november december \
    today tomorrow tonight asap eod eow todo the a an and or for to of in on at by with";

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn entry(word: &str, from: Option<&str>) -> VocabularyEntry {
        VocabularyEntry {
            id: 1,
            word: word.into(),
            replace_from: from.map(str::to_owned),
            created_at: String::new(),
        }
    }

    #[test]
    fn names_come_from_titles_not_their_first_verb() {
        assert_eq!(
            names_in_title("Call Joe at Acme Corp about the renewal"),
            ["Joe", "Acme Corp"]
        );
        assert_eq!(
            names_in_title("Send Ahmed the Initech proposal by Friday"),
            ["Ahmed", "Initech"]
        );
        assert_eq!(names_in_title("Initech renewal"), ["Initech"]);
        assert_eq!(names_in_title("Buy milk"), Vec::<String>::new());
        assert_eq!(
            names_in_title("Email Raj, Priya and Sam"),
            ["Raj", "Priya", "Sam"]
        );
        assert_eq!(names_in_title("Update the iOS build"), ["iOS"]);
        assert_eq!(names_in_title("Review Henderson's contract"), ["Henderson"]);
    }

    #[test]
    fn frequent_and_recent_names_rank_first() {
        let titles: Vec<String> = [
            "Call Joe about the renewal",
            "Lunch with Priya",
            "Send Joe the deck",
            "Note about Zed",
        ]
        .map(String::from)
        .into();
        assert_eq!(ranked_names(&titles), ["Joe", "Priya", "Zed"]);
    }

    #[test]
    fn prompt_lists_user_words_then_board_names_within_budget() {
        let entries = [entry("Kubernetes", Some("k8s")), entry("Jira", None)];
        let titles = vec!["Call Ahmed at Initech".to_owned()];
        let v = Vocabulary::build(VocabularySources {
            entries: &entries,
            titles: &titles,
            categories: &["CRM sync".into()],
        });
        assert_eq!(
            v.prompt(),
            Some("I talked with Kubernetes, Jira, Ahmed, Initech, CRM sync.")
        );
        let many: Vec<String> = (0..200).map(|i| format!("Call Person{i}")).collect();
        let v = Vocabulary::build(VocabularySources {
            titles: &many,
            ..Default::default()
        });
        assert!(v.prompt().unwrap().len() <= PROMPT_BUDGET_CHARS);
        assert!(
            Vocabulary::build(VocabularySources::default())
                .prompt()
                .is_none()
        );
    }

    #[test]
    fn replacements_are_whole_words_and_case_insensitive() {
        let entries = [
            entry("Kubernetes", Some("k8s")),
            entry("Initech", Some("a night tech")),
            entry("Jira", None),
        ];
        let v = Vocabulary::build(VocabularySources {
            entries: &entries,
            ..Default::default()
        });
        assert_eq!(
            v.apply("Move K8s tickets in jira for A night-tech. Jirafe stays."),
            "Move Kubernetes tickets in Jira for Initech. Jirafe stays."
        );
        assert_eq!(v.apply("nothing here"), "nothing here");
    }

    #[test]
    fn a_list_of_prompt_terms_is_an_echo_but_one_term_is_speech() {
        let entries = [entry("Initech", None), entry("Ahmed", None)];
        let v = Vocabulary::build(VocabularySources {
            entries: &entries,
            ..Default::default()
        });
        assert!(v.is_echo("Initech, Ahmed."));
        assert!(v.is_echo("I talked with Initech and Ahmed."));
        assert!(v.is_echo("I talked with Initech."));
        assert!(!v.is_echo("I talked with Ahmed about Initech."));
        assert!(!v.is_echo("Initech."));
        assert!(!v.is_echo("Call Ahmed at Initech."));
        assert!(!Vocabulary::default().is_echo("Initech, Ahmed."));
    }
}
