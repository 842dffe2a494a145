//! Text that comes from outside (MCP servers' tool names, descriptions, errors and results;
//! imported files; task titles) made safe to show. A server that puts `\x1b[2J` in an error
//! must not clear the user's terminal, and a title must not reorder itself on screen with
//! bidirectional overrides (the "Trojan Source" trick).

use std::borrow::Cow;

/// Longest message from a server shown in one piece; more is cut with a note.
pub const MAX_MESSAGE_CHARS: usize = 2000;

/// Explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
/// The implicit marks (LRM, RLM) are left: right-to-left text needs them and they cannot
/// reorder what follows.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without bidirectional override characters.
pub fn strip_bidi(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        Cow::Owned(text.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` without terminal escape sequences (CSI, OSC and two-character escapes, whole),
/// other control characters except newline and tab, and bidirectional overrides.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']') => skip_osc(&mut chars),
                // Two-character escapes (`ESC c` resets the terminal): both go.
                _ => {}
            },
            // A line ending (CRLF) is harmless; a lone carriage return can overwrite a line.
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_osc(&mut chars),
            c if unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Parameters and intermediates up to and including the final byte (`@`–`~`).
fn skip_csi(chars: &mut impl Iterator<Item = char>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

/// An operating-system command runs to BEL or `ESC \`.
fn skip_osc(chars: &mut std::iter::Peekable<impl Iterator<Item = char>>) {
    while let Some(c) = chars.next() {
        if c == '\x07' || c == '\u{9c}' {
            break;
        }
        if c == '\x1b' {
            if chars.peek() == Some(&'\\') {
                chars.next();
            }
            break;
        }
    }
}

/// At most `max` characters of `text`, saying how much was cut.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    let count = text.chars().count();
    if count <= max {
        return Cow::Borrowed(text);
    }
    let kept: String = text.chars().take(max).collect();
    Cow::Owned(format!("{kept}… ({} more characters)", count - max))
}

/// A message from a server, ready for an error line or a log: escapes removed, cut to
/// [`MAX_MESSAGE_CHARS`].
pub fn server_text(text: &str) -> String {
    clip(&terminal_safe(text), MAX_MESSAGE_CHARS).into_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn escapes_and_controls_go_whole() {
        assert_eq!(terminal_safe("a\x1b[2Jb\x1b[1;31mc\x1b[0m"), "abc");
        assert_eq!(terminal_safe("x\x1b]0;pwned title\x07y"), "xy");
        assert_eq!(terminal_safe("x\x1b]8;;http://e\x1b\\link"), "xlink");
        assert_eq!(terminal_safe("reset\x1bc!"), "reset!");
        assert_eq!(terminal_safe("over\rwrite\x08\x00"), "overwrite");
        assert_eq!(terminal_safe("c1\u{9b}2Jend"), "c1end");
        assert_eq!(terminal_safe("crlf\r\nkept\r"), "crlf\r\nkept");
        assert_eq!(
            terminal_safe("keep\nlines\tand tabs"),
            "keep\nlines\tand tabs"
        );
        assert!(matches!(terminal_safe("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_overrides_are_removed() {
        let spoof = "Pay invoice \u{202E}exe.txt\u{202C}";
        assert_eq!(strip_bidi(spoof), "Pay invoice exe.txt");
        assert_eq!(terminal_safe(spoof), "Pay invoice exe.txt");
        // Arabic with an implicit mark keeps it.
        assert_eq!(strip_bidi("مرحبا\u{200F}"), "مرحبا\u{200F}");
    }

    #[test]
    fn long_text_is_cut_with_a_note() {
        let long = "x".repeat(MAX_MESSAGE_CHARS + 10);
        let cut = server_text(&long);
        assert!(
            cut.ends_with("… (10 more characters)"),
            "{}",
            &cut[cut.len() - 40..]
        );
        assert_eq!(clip("short", 10), "short");
    }
}
