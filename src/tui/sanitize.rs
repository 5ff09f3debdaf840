//! Makes plan text safe to draw: control characters and escape sequences in titles,
//! notes or actions could otherwise move the cursor or recolour the user's terminal.

use std::borrow::Cow;

/// Replaces control characters (C0, DEL, C1) and bidirectional overrides with visible
/// placeholders: ESC becomes '␛', other C0 become their U+2400 picture, DEL '␡', the
/// rest '�'. Newlines become '␤' too: callers that want lines split them first.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_replacing) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(replacement).collect())
}

fn needs_replacing(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fn replacement(c: char) -> char {
    match c {
        '\n' => '␤',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7F}' => '␡',
        c if needs_replacing(c) => '�',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("Backups — 2–3 h ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\x1b[31mred\x07"), "a␛[31mred␇");
        assert_eq!(sanitize("tab\there\r\n"), "tab␉here␍␤");
        assert_eq!(sanitize("x\u{7f}\u{9b}2J"), "x␡�2J");
        assert_eq!(sanitize("evil\u{202E}txt"), "evil�txt");
    }
}
