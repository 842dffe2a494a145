//! Cleaning raw transcripts and cutting them into sentences.

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "e.g", "i.e",
    "approx", "dept", "prof",
];

/// One sentence of the transcript.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sentence {
    pub text: String,
    pub question: bool,
}

/// Removes what speech-to-text and pasting leave behind (control characters, emoji, odd quotes)
/// so the rules below only see words and punctuation. Newlines survive: they separate list items.
pub(crate) fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        let mapped = match c {
            '\n' | '\r' => '\n',
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{2026}' => '.',
            c if c.is_alphanumeric() => c,
            c if c.is_whitespace() || c.is_control() => ' ',
            c if c.is_ascii_punctuation() => c,
            _ => ' ',
        };
        out.push(mapped);
    }
    out.replace("a.m.", "am")
        .replace("p.m.", "pm")
        .replace("A.M.", "am")
        .replace("P.M.", "pm")
}

/// Splits on sentence punctuation followed by a space, and on line breaks.
pub(crate) fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if matches!(c, '.' | '!' | '?') {
                let mut j = i;
                while j + 1 < chars.len() && matches!(chars[j + 1].1, '.' | '!' | '?') {
                    j += 1;
                }
                let at_end = j + 1 >= chars.len();
                let before_space = !at_end && chars[j + 1].1 == ' ';
                if (at_end || before_space)
                    && !(c == '.' && ends_with_abbreviation(&line[start..pos]))
                {
                    let end = chars.get(j + 1).map_or(line.len(), |(p, _)| *p);
                    push(&mut out, &line[start..pos], line[pos..end].contains('?'));
                    start = end;
                }
                i = j + 1;
                continue;
            }
            i += 1;
        }
        push(&mut out, &line[start..], false);
    }
    out
}

pub(crate) fn ends_with_abbreviation(s: &str) -> bool {
    let t = s.trim();
    if !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let last = s
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    ABBREVIATIONS.contains(&last.as_str())
        || (last.chars().count() == 1 && last.chars().all(char::is_alphabetic))
}

fn push(out: &mut Vec<Sentence>, text: &str, question: bool) {
    let t = text
        .trim()
        .trim_start_matches(['-', '*', '•', '>', ' '])
        .trim();
    let t = strip_list_number(t);
    if t.chars().any(char::is_alphanumeric) {
        out.push(Sentence {
            text: t.split_whitespace().collect::<Vec<_>>().join(" "),
            question,
        });
    }
}

/// "1) call Bob" / "2. email Ann" in dictated lists.
fn strip_list_number(t: &str) -> &str {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 3 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(") ").or_else(|| rest.strip_prefix(". ")) {
            return r.trim_start();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split_sentences(&normalize(s))
            .into_iter()
            .map(|x| x.text)
            .collect()
    }

    #[test]
    fn splits_on_punctuation_and_lines() {
        assert_eq!(
            texts("Call Bob. Email Ann!  Why? ok"),
            vec!["Call Bob", "Email Ann", "Why", "ok"]
        );
        assert_eq!(
            texts("- buy stamps\n- call Aunt Rosa\n"),
            vec!["buy stamps", "call Aunt Rosa"]
        );
        assert_eq!(
            texts("1) call Bob\n2. email Ann"),
            vec!["call Bob", "email Ann"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_decimals() {
        assert_eq!(
            texts("Call Dr. Smith about the 3.5 mg dose."),
            vec!["Call Dr. Smith about the 3.5 mg dose"]
        );
        assert_eq!(
            texts("Meet at 3 p.m. tomorrow."),
            vec!["Meet at 3 pm tomorrow"]
        );
    }

    #[test]
    fn marks_questions() {
        let s = split_sentences("Can you call Bob? Sure.");
        assert!(s[0].question);
        assert!(!s[1].question);
    }

    #[test]
    fn drops_emoji_and_control_characters() {
        assert_eq!(texts("🔥 fix\u{7} it\t now 🔥"), vec!["fix it now"]);
    }
}
