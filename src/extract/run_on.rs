//! Commas for a sentence said without any ("bin bags got them at tesco oh and the dentist
//! forget it"): typed dumps and some transcripts come like that, and both the extractor and
//! the spoken-update patterns find where a clause starts by its comma. Only places that are clause starts in
//! almost any sentence get one: before a filler or a joining word, before "I'm" / "it's",
//! and before an update said about "it" ("forget it", "got them").

/// Words that open a new clause wherever they stand.
const OPENERS: &[&str] = &[
    "oh", "um", "uh", "er", "so", "also", "anyway", "honestly", "yeah", "okay", "ok", "but",
    "because", "cos", "then", "plus", "actually",
];

/// A subject with its verb: a clause starts here unless a joining word came just before.
const SUBJECTS: &[&str] = &[
    "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "it's", "that's", "they're", "he's",
    "she's", "there's", "i", "we",
];

/// Words after which a subject goes on the same clause ("so I", "that we", "and I").
const BINDERS: &[&str] = &[
    "and", "so", "that", "if", "when", "before", "after", "because", "cos", "until", "till",
    "unless", "once", "but", "or", "than", "what", "which", "who", "where", "whether", "as",
    "since", "while", "then", "think", "guess", "hope", "said", "says", "reckon", "know", "mean",
    "like", "how", "why", "oh", "um", "uh", "yeah", "okay", "also", "actually", "honestly",
    "anyway", "maybe", "probably", "just", "can", "could", "will", "would",
];

/// Verbs of an update said about a thing named before: "the dentist forget it".
const ABOUT_IT: &[&str] = &[
    "forget",
    "got",
    "cancel",
    "cancelled",
    "canceled",
    "scrap",
    "ditch",
    "push",
    "bump",
    "move",
    "make",
    "mark",
    "dropped",
    "grabbed",
    "picked",
    "started",
    "finished",
    "sent",
    "booked",
    "paid",
    "sorted",
];

const PRONOUNS: &[&str] = &["it", "that", "them", "those", "this", "these"];

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .to_lowercase()
}

/// `sentence` with commas where its clauses start, when it has no punctuation inside and
/// is long enough to hold several; otherwise unchanged.
pub fn restore_commas(sentence: &str) -> std::borrow::Cow<'_, str> {
    restore_commas_from(sentence, 6, true)
}

/// [`restore_commas`] for sentences of at least `min_words` words; `every_and` puts a comma
/// before each "and", not only one that a subject or a filler follows.
fn restore_commas_from(
    sentence: &str,
    min_words: usize,
    every_and: bool,
) -> std::borrow::Cow<'_, str> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let inner = sentence.trim_end_matches(['.', '!', '?']);
    if words.len() < min_words || inner.contains([',', ';', ':']) {
        return std::borrow::Cow::Borrowed(sentence);
    }
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut out = String::with_capacity(sentence.len() + 16);
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            let w = lower[k].as_str();
            let prev = lower[k - 1].as_str();
            let next = lower.get(k + 1).map(String::as_str).unwrap_or("");
            let opens = OPENERS.contains(&w) && !OPENERS.contains(&prev)
                || SUBJECTS.contains(&w) && !BINDERS.contains(&prev) && !SUBJECTS.contains(&prev)
                || ABOUT_IT.contains(&w)
                    && PRONOUNS.contains(&next)
                    && !BINDERS.contains(&prev)
                    && !SUBJECTS.contains(&prev);
            // For updates every "and" gets one, "bread and milk" too: a comma too many only
            // shortens what an update is about, which errs towards no change. The extractor
            // would lose what "and" shares ("get the forms signed and back by Thursday").
            let and_clause = w == "and"
                && !OPENERS.contains(&prev)
                && (every_and
                    || SUBJECTS.contains(&next)
                    || OPENERS.contains(&next)
                    || matches!(next, "the" | "my" | "his" | "her" | "our" | "their")
                    || words
                        .get(k + 1)
                        .is_some_and(|w| w.starts_with(char::is_uppercase)));
            // "the library books for that remember…": what follows "for that" is a clause.
            let after_for_that = k >= 2
                && matches!(prev, "that" | "this")
                && lower[k - 2] == "for"
                && k >= 3
                && !BINDERS.contains(&lower[k - 3].as_str());
            let for_that = w == "for"
                && matches!(next, "that" | "this")
                && !BINDERS.contains(&prev)
                && !ABOUT_IT.contains(&prev);
            if (opens || and_clause || for_that || after_for_that) && !out.ends_with(',') {
                out.push(',');
            }
            out.push(' ');
        }
        out.push_str(word);
    }
    std::borrow::Cow::Owned(out)
}

/// Words a sentence with no comma must have before the extractor gets commas put in: a
/// short one is a plain sentence ("I need to read it before Tuesday"), a long one is speech
/// written down without its pauses.
const RUN_ON_WORDS: usize = 25;

/// Commas for each long sentence of `text` said without any.
pub fn restore_commas_in_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let ends = matches!(c, '.' | '!' | '?' | '\n')
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        if ends {
            let end = i + c.len_utf8();
            out.push_str(&restore_commas_from(&text[start..end], RUN_ON_WORDS, false));
            start = end;
        }
    }
    out.push_str(&restore_commas_from(&text[start..], RUN_ON_WORDS, false));
    out
}

#[cfg(test)]
mod tests {
    use super::restore_commas;

    #[test]
    fn clauses_said_in_one_breath_get_their_commas() {
        assert_eq!(
            restore_commas("bin bags got them at tesco oh and i need to put the bins out"),
            "bin bags, got them at tesco, oh and i need to put the bins out"
        );
        assert_eq!(
            restore_commas("the suit fitting forget it i'm wearing the navy one"),
            "the suit fitting, forget it, i'm wearing the navy one"
        );
        assert_eq!(
            restore_commas("so the henderson thing went off yesterday so that's done"),
            "so the henderson thing went off yesterday, so that's done"
        );
    }

    #[test]
    fn a_remark_about_that_is_set_apart() {
        assert_eq!(
            restore_commas("the library books for that remember it's the ones on the shelf"),
            "the library books, for that, remember, it's the ones on the shelf"
        );
    }

    #[test]
    fn punctuated_or_short_text_is_left_alone() {
        for s in [
            "Bin bags, got them at Tesco.",
            "buy bread, milk",
            "I need to call Joe about the renewal.",
        ] {
            assert_eq!(restore_commas(s), s);
        }
    }
}
