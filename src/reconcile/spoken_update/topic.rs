//! What a pronoun or a missing object stands for: the thing the sentence is about ("The
//! passport, bump it up"; "House insurance, I've made a start").

/// The first thing named with "the" / "my" / "our" in `text` and where it starts: "The
/// loft clear-out, that's not a priority any more" → "The loft clear-out". Dates ("the
/// fourteenth") are no topic.
pub(super) fn topic(text: &str) -> Option<(String, usize)> {
    const ENDS: &[&str] = &[
        "on", "at", "by", "for", "to", "from", "in", "is", "are", "was", "were", "has", "have",
        "had", "needs", "need", "will", "can", "and", "but", "so", "till", "until", "with",
        "about", "we", "i", "that", "this", "it",
    ];
    let words = words_at(text);
    // A thing said on its own to open the sentence is what it is about: "And fire safety
    // training, that's urgent, the inspector's coming, bump it up".
    if let Some(found) = leading_fragment(&words) {
        return Some(found);
    }
    if let Some(found) = subject_of_is(&words) {
        return Some(found);
    }
    for (k, (at, w)) in words.iter().enumerate() {
        let b = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // "That Amazon parcel, I dropped it off": a pointing word opens a topic only where a
        // clause starts, elsewhere it is mostly "so that", "I think that".
        let opens_clause = k == 0 || words[k - 1].1.ends_with([',', ';', ':']);
        let pointing = opens_clause && matches!(b.as_str(), "that" | "this" | "those" | "these");
        // "Karen's battery came in, I swapped it": someone's thing opens the clause.
        let someones = opens_clause
            && w.starts_with(char::is_uppercase)
            && w.ends_with("'s")
            && words.get(k + 1).is_some_and(|(_, n)| {
                let n = n
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                !says_is(&n)
                    && !ENDS.contains(&n.as_str())
                    && !n.ends_with("ing")
                    && !n.ends_with("ed")
            });
        if !(pointing || someones || matches!(b.as_str(), "the" | "my" | "our"))
            || w.ends_with([',', '.', ';'])
        {
            continue;
        }
        let mut np: Vec<&str> = vec![w];
        for (j, (_, next)) in words.iter().enumerate().skip(k + 1) {
            let nb = next
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .to_lowercase();
            // "the photocopier - governors met…": a dash ends the name.
            if nb.is_empty()
                || nb.chars().all(|c| c == '-')
                || ENDS.contains(&nb.as_str())
                || nb.ends_with("'s") && np.len() > 1
            {
                break;
            }
            // "the business cards turned up": the name ends where its verb starts.
            if np.len() > 1 && (nb.ends_with("ed") || PAST.contains(&nb.as_str())) {
                break;
            }
            // "The passport's actually urgent": the 's is "is", and the name ends there.
            if let Some(stem) = next.strip_suffix("'s")
                && words.get(j + 1).is_some_and(|(_, w)| says_is(w))
            {
                np.push(stem);
                break;
            }
            np.push(next);
            if next.ends_with([',', '.', ';', '!', '?']) || np.len() > 4 {
                break;
            }
        }
        let phrase = np.join(" ");
        let phrase = phrase
            .trim_end_matches([',', '.', ';', '!', '?'])
            .to_string();
        // "the fourteenth" is a date, not a topic; "the December expenses" is one.
        let content = phrase.split_whitespace().skip(1).collect::<Vec<_>>();
        if content.last().is_none_or(|w| {
            crate::extract::dates::is_date_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
        }) {
            continue;
        }
        return Some((phrase, *at));
    }
    None
}

/// "And the Ofsted stuff, I've started going through the policies": the name said on its
/// own as the last part before `text` ends, when there is one.
pub(super) fn leading_name(text: &str) -> Option<(String, usize)> {
    let words = words_at(text);
    let (_, last) = words.last()?;
    if !last.ends_with(',') {
        return None;
    }
    let found = leading_fragment(&words)?;
    // Only the part right before: "the lease, push it back, and …" is not about the lease.
    let start = words
        .iter()
        .rposition(|(at, w)| *at < found.1 + found.0.len() && w.ends_with(','))?;
    (start == words.len() - 1).then_some(found)
}

/// The thing a sentence opens with and where the words about it start: "Top paddock fence,
/// that's done" (a name and a comma), "Bore pump's properly buggered" (the subject of an
/// "is"), "The Greens don't want the lights anymore" (a subject before its verb). Gives
/// the name, where it starts, and where the words after it start.
pub(super) fn opening(sentence: &str) -> Option<(String, usize, usize)> {
    let all = words_at(sentence);
    // "Right, so, the Kaur completion's been pushed back": the fillers before it first.
    let lead = fillers_before(&all, FILLER);
    // "Just a heads up on the Stripe migration, …", "As for the residential, …".
    let about = ABOUT
        .iter()
        .filter_map(|phrase| {
            let n = phrase.split(' ').count();
            let said: Vec<String> = all
                .get(lead..lead + n)?
                .iter()
                .map(|(_, w)| w.to_lowercase())
                .collect();
            (said.join(" ") == *phrase).then_some(n)
        })
        .max()
        .unwrap_or(0);
    let words = &all[lead + about..];
    let first_comma = words.iter().position(|(_, w)| w.ends_with(','));
    if let Some(end) = first_comma.filter(|&e| e < 6)
        && let Some((name, at)) = fragment_name(&words[..=end], NOT_A_NAME, FILLER, true)
    {
        let rest_at = words.get(end + 1).map_or(sentence.len(), |(at, _)| *at);
        return Some((name, at, rest_at));
    }
    if let Some((name, at)) = subject_of_is(words) {
        // The rest starts at the "'s": "'s been pushed back".
        let rest_at = at + name.len();
        return Some((name, at, rest_at));
    }
    subject_before_verb(words)
}

/// How a sentence says what it is about before naming it.
const ABOUT: &[&str] = &[
    "just a heads up on",
    "just a heads up about",
    "a heads up on",
    "heads up on",
    "heads up about",
    "quick update on",
    "an update on",
    "update on",
    "as for",
    "re",
    "regarding",
];

/// "Land Registry came back on Price", "The Greens don't want the lights anymore": up to
/// four words that name a thing, then the verb said of it.
fn subject_before_verb(words: &[(usize, &str)]) -> Option<(String, usize, usize)> {
    const VERB: &[&str] = &[
        "is", "are", "was", "were", "has", "have", "hasn't", "haven't", "isn't", "aren't",
        "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "can't", "still", "came",
        "went", "got", "says", "said", "wants", "need", "needs",
    ];
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase()
    };
    let verb = (1..words.len().min(5)).find(|&j| VERB.contains(&bare(words[j].1).as_str()))?;
    let subject = &words[..verb];
    let first = bare(subject[0].1);
    if NOT_A_NAME.contains(&first.as_str())
        || CLAUSE_WORDS.contains(&first.as_str())
        || crate::extract::is_verb(&first) && !names_a_thing(subject)
        || subject.iter().any(|(_, w)| {
            let b = bare(w);
            w.ends_with([',', ';', ':', '.'])
                || CLAUSE_WORDS.contains(&b.as_str())
                || PAST.contains(&b.as_str())
                || b.contains('\'') && !b.ends_with("'s")
        })
    {
        return None;
    }
    let name = subject
        .iter()
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ");
    Some((name, subject[0].0, words[verb].0))
}

/// "Oat milk's getting really low, that's urgent now": the words before the "'s" that
/// opens the sentence.
fn subject_of_is(words: &[(usize, &str)]) -> Option<(String, usize)> {
    let lead = words
        .iter()
        .take_while(|(_, w)| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
                "and" | "so" | "oh" | "okay" | "ok" | "um" | "uh" | "right" | "also" | "then"
            )
        })
        .count();
    let end = (lead..words.len().min(lead + 4)).find(|&j| words[j].1.ends_with("'s"))?;
    let next = words
        .get(end + 1)?
        .1
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let first = words[lead]
        .1
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if !(next.ends_with("ing") || says_is(&next))
        || CLAUSE_WORDS.contains(&first.as_str())
        || words[lead..end]
            .iter()
            .any(|(_, w)| w.ends_with([',', ';', ':']))
    {
        return None;
    }
    let mut np: Vec<&str> = words[lead..end].iter().map(|(_, w)| *w).collect();
    let last = words[end].1.strip_suffix("'s")?;
    // "The stairlift engineer's waiting on a part": the stairlift is what is held up.
    let role = matches!(
        last.to_lowercase().as_str(),
        "engineer"
            | "man"
            | "guy"
            | "plumber"
            | "electrician"
            | "technician"
            | "mechanic"
            | "fitter"
            | "people"
            | "company"
            | "rep"
    );
    if !(role && np.len() >= 2) {
        np.push(last);
    }
    Some((np.join(" "), words[lead].0))
}

/// Words that make a part between commas a clause, not a name: "took about two minutes",
/// "so that needs doing", "it's just sitting there".
const CLAUSE_WORDS: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "it", "that", "this", "there", "these", "those", "him",
    "her", "them", "me", "us", "is", "are", "was", "were", "be", "been", "do", "did", "does",
    "has", "have", "had", "can", "could", "will", "would", "should", "must", "need", "needs",
    "about", "just", "not", "what", "how", "why", "when", "where", "who",
];

/// How far back from a pronoun its topic is looked for, in bytes.
pub(super) const TOPIC_WINDOW: usize = 300;

/// Past forms that end a topic's name: "the Henderson thing *went* off".
const PAST: &[&str] = &[
    "went", "came", "got", "took", "gave", "fell", "broke", "made", "sent", "paid", "left",
    "found", "turned", "arrived", "looks", "looked", "seems", "got", "needs", "wants", "fallen",
    "broken", "gone", "been", "taken", "given", "stolen", "frozen", "run", "met",
];

/// "the lakes weekend's off tom": an object with a "'s" that is "is" inside it holds two
/// clauses.
pub(super) fn spans_clauses(object: &str) -> bool {
    let words: Vec<&str> = object.split_whitespace().collect();
    words
        .windows(2)
        .any(|w| w[0].ends_with("'s") && says_is(w[1]))
}

/// Whether `word`, after "X's", shows the 's to be "is": "the passport's *actually* urgent",
/// "the report's *done*", not "the vet's *appointment*".
pub(super) fn says_is(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "actually"
            | "live"
            | "gotta"
            | "really"
            | "been"
            | "not"
            | "done"
            | "got"
            | "gone"
            | "still"
            | "now"
            | "urgent"
            | "all"
            | "back"
            | "due"
            | "very"
            | "so"
            | "a"
            | "the"
            | "on"
            | "in"
            | "at"
            | "for"
            | "off"
            | "going"
            | "getting"
            | "sorted"
    ) || w.ends_with("ly")
        || w.ends_with("ed")
        || w.ends_with("ing")
}

/// "Release notes for 2.3", "Dog food": a noun that could be a verb, followed by a plain
/// word, names a thing; "Call Joe", "Book the dentist" are orders.
fn names_a_thing(fragment: &[(usize, &str)]) -> bool {
    fragment.get(1).is_some_and(|(_, w)| {
        let b = w.trim_matches(|c: char| !c.is_alphanumeric());
        b.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                b,
                "the"
                    | "a"
                    | "an"
                    | "my"
                    | "our"
                    | "his"
                    | "her"
                    | "their"
                    | "your"
                    | "some"
                    | "it"
                    | "them"
                    | "him"
                    | "up"
                    | "off"
                    | "in"
                    | "out"
                    | "to"
            )
    })
}

/// Words that open no name: "so, …", "Sarah, forget it" is someone spoken to.
const NOT_A_NAME: &[&str] = &[
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "it",
    "so",
    "and",
    "oh",
    "okay",
    "ok",
    "right",
    "yeah",
    "yes",
    "no",
    "um",
    "uh",
    "er",
    "well",
    "then",
    "also",
    "but",
    "anyway",
    "hmm",
    "actually",
    "sorry",
    "wait",
    "look",
    "listen",
    "also",
    "honestly",
    "basically",
];
const FILLER: &[&str] = &[
    "and", "so", "oh", "okay", "ok", "um", "uh", "er", "right", "yeah", "also", "then", "anyway",
    "ugh", "nah", "ah", "well",
];

/// "Henderson proposal, yeah, forget it": a name said on its own before the first comma.
fn leading_fragment(words: &[(usize, &str)]) -> Option<(String, usize)> {
    // The nearest part between commas that names a thing: in "the lease, push that back,
    // and fire safety training, that's urgent, bump it up" that is the training.
    let ends: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| w.ends_with(','))
        .map(|(k, _)| k)
        .collect();
    let last = ends.len().saturating_sub(1);
    ends.iter().enumerate().rev().find_map(|(n, &end)| {
        let start = if n == 0 { 0 } else { ends[n - 1] + 1 };
        // "Ozempic, the wholesaler's got none, so nothing I can do on that": one word with a
        // remark after it is a thing; right before the update ("Sarah, forget it") it is
        // more often someone spoken to.
        fragment_name(&words[start..=end], NOT_A_NAME, FILLER, n < last)
    })
}

/// The thing `part` (words up to and with a comma) names, when it is only a name.
fn fragment_name(
    part: &[(usize, &str)],
    not_a_name: &[&str],
    filler: &[&str],
    remarked_on: bool,
) -> Option<(String, usize)> {
    let end = part.len().checked_sub(1)?;
    let words = part;
    let lead = fillers_before(&words[..end], filler);
    let fragment = &words[lead..=end];
    let first = fragment[0]
        .1
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "Friday," is when, not what: the name's last word must not be a date.
    if fragment.last().is_some_and(|(_, w)| {
        crate::extract::dates::is_date_word(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        )
    }) {
        return None;
    }
    // One bare word is too often someone spoken to: "Sarah, forget it".
    let one_bare_word = lead == 0
        && !remarked_on
        && fragment.len() == 1
        && !fragment[0].1.trim_end_matches(',').ends_with("'s");
    if fragment.len() > 4
        || one_bare_word
        || not_a_name.contains(&first.as_str())
        || crate::extract::is_verb(&first) && !names_a_thing(fragment)
        || fragment.iter().enumerate().any(|(k, (_, w))| {
            let b = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase();
            let stem = b.split('\'').next().unwrap_or("");
            // "Sarah's do": after someone's, a word is the thing they have.
            let owned = k > 0 && fragment[k - 1].1.ends_with("'s");
            // "The Ryans' foundations": a plural's apostrophe.
            b.contains('\'') && !b.ends_with("'s") && !b.ends_with("s'")
                || CLAUSE_WORDS.contains(&stem) && !owned
                || PAST.contains(&stem)
                // "Ofsted" is a name.
                || stem.len() > 4 && stem.ends_with("ed") && !w.starts_with(char::is_uppercase)
        })
    {
        return None;
    }
    // "the venue's chasing": the 's is "is", and the part a clause.
    if fragment.windows(2).any(|w| {
        let next = w[1]
            .1
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w[0].1.ends_with("'s") && (next.ends_with("ing") || says_is(&next))
    }) {
        return None;
    }
    let phrase = fragment
        .iter()
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ");
    let phrase = phrase.trim_end_matches(',');
    let phrase = phrase.strip_suffix("'s").unwrap_or(phrase);
    Some((phrase.to_string(), fragment[0].0))
}

/// How many of `words` are fillers before anything is said.
fn fillers_before(words: &[(usize, &str)], filler: &[&str]) -> usize {
    words
        .iter()
        .take_while(|(_, w)| {
            filler.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            )
        })
        .count()
}

/// The words of `text` split at spaces, each with its byte offset.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    text.split(' ')
        .map(|w| {
            let at = offset;
            offset += w.len() + 1;
            (at, w)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect()
}
