//! Whisper's decoder can fall into a loop and say a sentence again that was said once
//! ("… about Jake's rash. It's kind of important. It's kind of important. I got to remember
//! to call …"). With the encoder window cut to the clip it happens on a few clips a hundred;
//! the full 30 s window does not loop on them. Reference Whisper guards the same failure
//! with a compression-ratio check; on a few sentences a repeated run of words is the
//! sharper test.

/// Words in a run that, said twice in one clip, mark the text as a decoder loop.
const LOOP_RUN: usize = 8;

/// True when some run of [`LOOP_RUN`] words appears twice, or a whole sentence of three
/// words or more is said twice. People do repeat a phrase ("email the contractor about the
/// skylight, scratch that … call the contractor about the skylight"); repeating eight words in a row,
/// or a sentence, within one short clip is the decoder, not the speaker (and a false alarm
/// only costs one more, more careful pass).
pub fn looks_looped(text: &str) -> bool {
    let mut seen = std::collections::HashSet::new();
    if words(text)
        .windows(LOOP_RUN)
        .any(|run| !seen.insert(run.join(" ")))
    {
        return true;
    }
    let mut sentences = std::collections::HashSet::new();
    text.split(['.', '!', '?'])
        .map(words)
        .filter(|s| s.len() >= 3)
        .any(|s| !sentences.insert(s.join(" ")))
}

/// The words of `text`, lowercase, without the punctuation around them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::looks_looped;

    #[test]
    fn a_sentence_said_again_by_the_decoder_is_a_loop() {
        assert!(looks_looped(
            "I got to remember to call the pediatrician tomorrow morning about Jake's rash. \
             It's kind of important. It's kind of important. I got to remember to call the \
             pediatrician tomorrow morning about Jake's rash."
        ));
        assert!(looks_looped("Buy milk and eggs. Buy milk and eggs."));
    }

    #[test]
    fn ordinary_dumps_are_not_loops() {
        for text in [
            "Call Joe, call Joe tomorrow about the renewal.",
            "Email Priya. Email Sam. Email the caterer about the headcount.",
            "Book the venue for the 12th, sorry, the 14th, and send the invites.",
            "Email the contractor about the skylight, scratch that, I'll just ring him. Yeah, \
             call the contractor about the skylight tomorrow.",
            "",
            "Okay.",
        ] {
            assert!(!looks_looped(text), "{text}");
        }
    }
}
