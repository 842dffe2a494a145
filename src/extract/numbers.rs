//! Spoken numbers: transcripts say "three days" and "the twenty-first" as often as "3" and "21st".

const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const UNIT_ORDINALS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// Cardinal words one..thirty-one, longest first so a regex alternation prefers "twenty-one" over "twenty".
pub(crate) fn cardinal_alternation() -> String {
    let mut words: Vec<String> = Vec::new();
    for tens in ["twenty", "thirty"] {
        for u in &UNITS[..9] {
            if tens == "thirty" && *u != "one" {
                continue;
            }
            words.push(format!("{tens}[- ]{u}"));
        }
    }
    words.push("twenty".into());
    words.push("thirty".into());
    let mut units: Vec<&str> = UNITS.to_vec();
    units.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.extend(units.iter().map(|w| (*w).to_string()));
    words.join("|")
}

/// Ordinal words first..thirty-first, longest first.
pub(crate) fn ordinal_alternation() -> String {
    let mut words: Vec<String> = Vec::new();
    for u in &UNIT_ORDINALS[..9] {
        words.push(format!("twenty[- ]{u}"));
    }
    words.push("thirty[- ]first".into());
    words.push("twentieth".into());
    words.push("thirtieth".into());
    let mut units: Vec<&str> = UNIT_ORDINALS.to_vec();
    units.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.extend(units.iter().map(|w| (*w).to_string()));
    words.join("|")
}

/// Reads "3", "3rd", "three", "third", "twenty-first", "a", "a couple of", "a few".
pub(crate) fn parse_number(word: &str) -> Option<u32> {
    let w = word.trim().to_lowercase().replace('-', " ");
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &w[digits.len()..];
        if rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th") {
            return digits.parse().ok();
        }
        return None;
    }
    match w.as_str() {
        "a" | "an" | "one" => return Some(1),
        "a couple" | "a couple of" | "couple of" | "couple" => return Some(2),
        "a few" | "few" => return Some(3),
        "twenty" | "twentieth" => return Some(20),
        "thirty" | "thirtieth" => return Some(30),
        _ => {}
    }
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return u32::try_from(i + 1).ok();
    }
    if let Some(i) = UNIT_ORDINALS.iter().position(|u| *u == w) {
        return u32::try_from(i + 1).ok();
    }
    let (tens, unit) = w.split_once(' ')?;
    let base = match tens {
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    let u = UNITS[..9]
        .iter()
        .position(|x| *x == unit)
        .or_else(|| UNIT_ORDINALS[..9].iter().position(|x| *x == unit))?;
    u32::try_from(u + 1).ok().map(|u| base + u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_digits() {
        assert_eq!(parse_number("3"), Some(3));
        assert_eq!(parse_number("21st"), Some(21));
        assert_eq!(parse_number("three"), Some(3));
        assert_eq!(parse_number("Twenty-First"), Some(21));
        assert_eq!(parse_number("thirty one"), Some(31));
        assert_eq!(parse_number("fifteenth"), Some(15));
        assert_eq!(parse_number("a couple of"), Some(2));
        assert_eq!(parse_number("3x"), None);
        assert_eq!(parse_number("bogus"), None);
    }

    #[test]
    fn alternations_cover_compounds_first() {
        let c = cardinal_alternation();
        assert!(c.starts_with("twenty[- ]one"));
        let o = ordinal_alternation();
        assert!(o.contains("thirty[- ]first"));
    }
}
