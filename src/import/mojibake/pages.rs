//! The legacy code pages mojibake is undone through, as tables from each character
//! back to the byte it stands for (built once with `encoding_rs`).

use std::collections::HashMap;
use std::sync::OnceLock;

use encoding_rs::{Encoding, MACINTOSH, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1254};

/// One legacy code page: how each of its non-ASCII characters maps back to a byte.
pub struct CodePage {
    pub name: &'static str,
    /// (character, byte), sorted by character.
    to_byte: Vec<(char, u8)>,
    /// Bytes with no character of their own in this code page (often lost in transit).
    pub lost: Vec<u8>,
}

impl CodePage {
    /// The byte this code page shows as `c`, if any.
    pub fn byte_of(&self, c: char) -> Option<u8> {
        self.to_byte
            .binary_search_by_key(&c, |&(ch, _)| ch)
            .ok()
            .map(|i| self.to_byte[i].1)
    }
}

/// True when some code page shows a byte as `c`: a run without such a character cannot
/// be mojibake, so most emoji and symbol lines are passed over at once.
pub fn any_page_shows(c: char) -> bool {
    static SHOWN: OnceLock<Vec<char>> = OnceLock::new();
    let shown = SHOWN.get_or_init(|| {
        let mut all: Vec<char> = code_pages()
            .iter()
            .flat_map(|p| p.to_byte.iter().map(|&(c, _)| c))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    });
    !c.is_ascii() && shown.binary_search(&c).is_ok()
}

pub fn code_pages() -> &'static [CodePage] {
    static PAGES: OnceLock<Vec<CodePage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let list: [&'static Encoding; 5] = [
            WINDOWS_1252,
            WINDOWS_1254,
            MACINTOSH,
            WINDOWS_1250,
            WINDOWS_1251,
        ];
        list.iter().map(|enc| build_page(enc)).collect()
    })
}

fn build_page(enc: &'static Encoding) -> CodePage {
    let mut to_byte = HashMap::new();
    let mut lost = Vec::new();
    for b in 0x80u8..=0xFF {
        let one = [b];
        let (text, _) = enc.decode_without_bom_handling(&one);
        let Some(c) = text.chars().next() else {
            lost.push(b);
            continue;
        };
        if c == '\u{FFFD}' || ('\u{80}'..='\u{9F}').contains(&c) {
            lost.push(b);
        }
        if c != '\u{FFFD}' {
            to_byte.insert(c, b);
        }
    }
    // Mac Roman's 0xF0 is the Apple logo (private use), which most tools drop.
    if enc == MACINTOSH {
        lost.push(0xF0);
    }
    let mut to_byte: Vec<(char, u8)> = to_byte.into_iter().collect();
    to_byte.sort_unstable();
    CodePage {
        name: enc.name(),
        to_byte,
        lost,
    }
}
