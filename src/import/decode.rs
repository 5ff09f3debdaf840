//! Input bytes to repaired text: rejects empty, binary and absurd input fast, decodes
//! UTF-8 (or UTF-16 with a BOM, else Windows-1252), then repairs mojibake line by line.

use std::fmt;
use std::ops::Range;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::mojibake;

/// Longest line accepted; a Markdown report never has one this long.
pub const MAX_LINE: usize = 100_000;
/// Largest input accepted (64 MiB).
pub const MAX_INPUT: usize = 64 << 20;

/// Why an input cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge { bytes: usize },
    Binary { offset: usize },
    LineTooLong { line: usize, bytes: usize },
    NoGaps { headings: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(
                f,
                "the report is empty — give a Markdown gap analysis with a heading per gap"
            ),
            ImportError::TooLarge { bytes } => write!(
                f,
                "the report is {bytes} bytes (limit {MAX_INPUT}) — split it or import the gaps part only"
            ),
            ImportError::Binary { offset } => write!(
                f,
                "byte {offset}: binary data (a NUL or control byte) — this is not a Markdown text file; export the report as .md"
            ),
            ImportError::LineTooLong { line, bytes } => write!(
                f,
                "{line}:1: a line of {bytes} bytes (limit {MAX_LINE}) — this is not a Markdown report; check the file is the right one"
            ),
            ImportError::NoGaps { headings } => write!(
                f,
                "no gaps found among {headings} headings — put the gaps under a heading such as '## Gaps' or '## What's missing', one '### 1. Title' heading each"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Decodes and repairs `input`; `notes` gets what was done, for the log.
pub fn decode(input: &[u8], notes: &mut Vec<String>) -> Result<String, ImportError> {
    if input.len() > MAX_INPUT {
        return Err(ImportError::TooLarge { bytes: input.len() });
    }
    // Valid UTF-8 is checked once, as it came; decoded text is checked as it came out.
    let mut checked = false;
    let text = if let Some(rest) = input.strip_prefix(&[0xFF, 0xFE]) {
        notes.push("UTF-16LE (byte-order mark)".into());
        UTF_16LE.decode_without_bom_handling(rest).0.into_owned()
    } else if let Some(rest) = input.strip_prefix(&[0xFE, 0xFF]) {
        notes.push("UTF-16BE (byte-order mark)".into());
        UTF_16BE.decode_without_bom_handling(rest).0.into_owned()
    } else {
        let body = input.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(input);
        check_binary(body)?;
        match std::str::from_utf8(body) {
            Ok(s) => {
                checked = true;
                s.to_string()
            }
            Err(e) => {
                notes.push(format!(
                    "not UTF-8 (first bad byte at {}): decoded as Windows-1252",
                    e.valid_up_to()
                ));
                WINDOWS_1252
                    .decode_without_bom_handling(body)
                    .0
                    .into_owned()
            }
        }
    };
    if !checked {
        check_binary(text.as_bytes())?;
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // Only lines with a non-ASCII character can hold mojibake.
    let suspects = non_ascii_lines(&text);
    let mut pages: Vec<&'static str> = Vec::new();
    let mut memo = mojibake::Memo::default();
    let mut fixed: Vec<Option<String>> = Vec::with_capacity(suspects.len());
    for range in &suspects {
        let r = mojibake::repair_remembering(&text[range.clone()], &[], &mut memo);
        if let Some(r) = &r {
            for p in &r.code_pages {
                if !pages.contains(p) {
                    pages.push(p);
                }
            }
        }
        fixed.push(r.map(|r| r.text));
    }
    // Lines with only two-byte mojibake ("caf√©") are undone with the pages the rest of
    // the document showed.
    let mut repaired = 0usize;
    for (range, fix) in suspects.iter().zip(fixed.iter_mut()) {
        if fix.is_none() && !pages.is_empty() {
            *fix = mojibake::repair_remembering(&text[range.clone()], &pages, &mut memo)
                .map(|r| r.text);
        }
        repaired += usize::from(fix.is_some());
    }
    if repaired == 0 {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, fix) in suspects.into_iter().zip(fixed) {
        if let Some(t) = fix {
            out.push_str(&text[at..range.start]);
            out.push_str(&t);
            at = range.end;
        }
    }
    out.push_str(&text[at..]);
    notes.push(format!(
        "repaired mojibake on {repaired} lines (text that had been read as {})",
        pages.join(", ")
    ));
    Ok(out)
}

/// Byte ranges of the lines (each with its '\n') that hold a non-ASCII character.
fn non_ascii_lines(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while from < b.len() {
        // ASCII stretches are skipped a block at a time.
        let block = &b[from..b.len().min(from + 64)];
        let Some(k) = block.iter().position(|c| !c.is_ascii()) else {
            from += block.len();
            continue;
        };
        let at = from + k;
        let start = b[..at]
            .iter()
            .rposition(|c| *c == b'\n')
            .map_or(0, |n| n + 1);
        let end = b[at..]
            .iter()
            .position(|c| *c == b'\n')
            .map_or(b.len(), |n| at + n + 1);
        out.push(start..end);
        from = end;
    }
    out
}

/// Fails on NUL or other control bytes (binary files) and on absurdly long lines,
/// whichever comes first.
fn check_binary(bytes: &[u8]) -> Result<(), ImportError> {
    let control = |b: &u8| matches!(*b, 0..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F);
    // Fast pass: no control byte anywhere (a fold, so it vectorises), and a newline in
    // every half-limit stretch, so no line can exceed the limit. Else find which error
    // comes first, line by line.
    let no_control = !bytes.iter().fold(false, |bad, b| bad | control(b));
    if no_control
        && bytes
            .chunks(MAX_LINE / 2)
            .all(|c| c.contains(&b'\n') || c.len() < MAX_LINE / 2)
    {
        return Ok(());
    }
    let mut start = 0;
    for (k, line) in bytes.split(|b| *b == b'\n').enumerate() {
        // Past MAX_LINE bytes the length is the error, whatever follows.
        let head = &line[..line.len().min(MAX_LINE + 1)];
        if let Some(at) = head.iter().position(control) {
            return Err(ImportError::Binary { offset: start + at });
        }
        if line.len() > MAX_LINE {
            return Err(ImportError::LineTooLong {
                line: k + 1,
                bytes: line.len(),
            });
        }
        start += line.len() + 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_binary_and_huge_lines() {
        let mut n = Vec::new();
        assert_eq!(decode(b"", &mut n), Err(ImportError::Empty));
        assert_eq!(decode(b"  \n\n ", &mut n), Err(ImportError::Empty));
        assert_eq!(
            decode(b"# x\n\x00\x01\x02", &mut n),
            Err(ImportError::Binary { offset: 4 })
        );
        let huge = vec![b'a'; MAX_LINE + 10];
        let err = decode(&huge, &mut n).unwrap_err();
        assert_eq!(
            err,
            ImportError::LineTooLong {
                line: 1,
                bytes: MAX_LINE + 10
            }
        );
        assert!(err.to_string().starts_with("1:1: a line of"));
    }

    #[test]
    fn line_limit_is_exact_on_the_fast_and_slow_paths() {
        let short_lines = "ok line\n".repeat(40_000);
        assert_eq!(check_binary(short_lines.as_bytes()), Ok(()));
        for len in [MAX_LINE - 1, MAX_LINE, MAX_LINE + 1] {
            let text = format!("{short_lines}{}\n{short_lines}", "a".repeat(len));
            let got = check_binary(text.as_bytes());
            if len > MAX_LINE {
                let line = 40_001;
                assert_eq!(got, Err(ImportError::LineTooLong { line, bytes: len }));
            } else {
                assert_eq!(got, Ok(()), "{len}");
            }
        }
        let late = format!("{short_lines}\x07");
        let offset = short_lines.len();
        assert_eq!(
            check_binary(late.as_bytes()),
            Err(ImportError::Binary { offset })
        );
    }

    #[test]
    fn decodes_legacy_and_repairs_mojibake() {
        let mut n = Vec::new();
        let t = decode(b"# Caf\xe9 \x93plan\x94\n", &mut n).unwrap();
        assert_eq!(t, "# Café “plan”\n");
        assert!(n[0].contains("Windows-1252"));
        let mut n = Vec::new();
        let t = decode("## ðŸš€ Launch\nok\n".as_bytes(), &mut n).unwrap();
        assert_eq!(t, "## 🚀 Launch\nok\n");
        assert!(n[0].contains("repaired mojibake on 1 lines"));
        let mut n = Vec::new();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("# Hi".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, &mut n).unwrap(), "# Hi");
    }
}
