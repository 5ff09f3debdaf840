//! Loading a plan file: bytes → checked text → RON → `Plan`, plus every validation problem
//! with its line:col. Hostile input (huge, binary, non-UTF-8, deeply nested) gets a
//! `LoadError`, never a panic, a hang or unbounded memory.

use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;

use super::convert::convert;
use super::fast::parse_fast;
use super::load_error::{LoadError, LoadErrorKind, describe_ron};
use super::locate::locate_problems;
use super::model::Plan;
use super::problem::{Position, Problem};
use super::raw;
use super::validate::validate;

/// Files larger than this (256 MiB) are refused before reading; a 100,000-gap plan is ~57 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Deepest `(`/`[` nesting ron will follow (a plan needs 5); deeper input is an error,
/// never a stack overflow.
pub const MAX_NESTING: usize = 128;

/// A plan read from text, with every problem found (errors and warnings), positioned.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub plan: Plan,
    pub problems: Vec<Problem>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Reads and parses a plan file. Errors name the path.
pub fn load_file(path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
    let path = path.as_ref();
    let named = |e: LoadError| LoadError {
        path: Some(path.to_path_buf()),
        ..e
    };
    let bytes = read_limited(path).map_err(named)?;
    parse_bytes(&bytes).map_err(named)
}

/// Reads a plan file's bytes, refusing directories and files over `MAX_FILE_BYTES` (errors
/// carry no path; the caller names it). `store::open_plan` uses it to fingerprint them.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |what: &str, e: std::io::Error| {
        LoadError::new(LoadErrorKind::Io, format!("cannot {what}: {e}"))
            .with_fix("check the path and its permissions")
    };
    let file = std::fs::File::open(path).map_err(|e| io("open the file", e))?;
    let meta = file.metadata().map_err(|e| io("read file metadata", e))?;
    if meta.is_dir() {
        return Err(
            LoadError::new(LoadErrorKind::Io, "is a directory, not a plan file")
                .with_fix("give the path of a .ron plan file"),
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards files that grow while being read or report no length (pipes).
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io("read the file", e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> LoadError {
    LoadError::new(
        LoadErrorKind::TooLarge,
        format!(
            "the file is {} MiB; plan files are limited to {} MiB",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
    .with_fix("split the plan, or check that this is really a plan file")
}

/// Checks that bytes are text (not empty, no NUL, valid UTF-8) and parses them.
pub fn parse_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(LoadError::new(
            LoadErrorKind::NotText,
            "the file is UTF-16 text; plan files are UTF-8",
        )
        .with_fix("save it as UTF-8 (most editors: \"Save with encoding\")"));
    }
    // `contains` is a word-at-a-time memchr; the byte loop for the offset runs only on error.
    if let Some(at) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        return Err(LoadError::new(
            LoadErrorKind::NotText,
            format!("this looks like a binary file, not a plan (NUL byte at byte offset {at})"),
        )
        .with_fix("open a .ron plan file"));
    }
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let pos = end_position(good);
            return Err(LoadError::new(
                LoadErrorKind::NotText,
                format!(
                    "the file is not valid UTF-8 (byte 0x{:02X} at byte offset {at})",
                    bytes[at]
                ),
            )
            .with_fix("save the file as UTF-8 (gapdeck import repairs legacy encodings)")
            .at(good, pos));
        }
    };
    parse(src)
}

/// Parses plan text: RON errors are a `LoadError`; everything else becomes a
/// positioned `Problem` next to a usable `Plan`.
pub fn parse(src: &str) -> Result<Loaded, LoadError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    if src.trim().is_empty() {
        return Err(LoadError::new(LoadErrorKind::NotText, "the file is empty").with_fix(
            "a plan needs at least `Plan(title: \"…\", start: \"2026-01-05\")`; see plans/README.md",
        ));
    }
    let raw = match parse_fast(src) {
        Some(raw) => raw,
        None => parse_ron(src)?,
    };
    let mut problems = Vec::new();
    let plan = convert(raw, &mut problems);
    problems.extend(validate(&plan));
    if !problems.is_empty() {
        locate_problems(src, &mut problems);
        // File order; stable, so same-place problems keep validation order.
        problems.sort_by_key(|p| p.pos);
    }
    Ok(Loaded { plan, problems })
}

/// The reference reader: ron, with its positions turned into our messages.
pub(crate) fn parse_ron(src: &str) -> Result<raw::Plan, LoadError> {
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING);
    options.from_str(src).map_err(|e| {
        let end = offset_of(src, e.span.end.line, e.span.end.col);
        let (message, fix) = if at_end(src, end) {
            (
                "the file ends before the plan is complete".to_string(),
                Some("a `)` or `]` is probably missing at the end".to_string()),
            )
        } else {
            describe_ron(&e.code)
        };
        // ron's span may start at the whitespace before the bad token: point at the token.
        let start = offset_of(src, e.span.start.line, e.span.start.col);
        let token = src[start..]
            .find(|c: char| !c.is_whitespace())
            .map_or(start, |n| start + n);
        let err = LoadError {
            fix,
            ..LoadError::new(LoadErrorKind::Syntax, message)
        };
        err.at(src, end_position(&src[..token]))
    })
}

/// 1-based line and column (in characters) just after the end of `text`.
fn end_position(text: &str) -> Position {
    let line = 1 + text.bytes().filter(|&b| b == b'\n').count();
    let last = text.rfind('\n').map_or(text, |i| &text[i + 1..]);
    Position {
        line,
        col: 1 + last.chars().count(),
    }
}

/// Byte offset of a 1-based line:col (col in characters), clamped to the text.
fn offset_of(src: &str, line: usize, col: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        src.match_indices('\n')
            .nth(line - 2)
            .map_or(src.len(), |(i, _)| i + 1)
    };
    let rest = &src[line_start..];
    line_start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// Whether nothing but whitespace and comments follows `offset` (an unclosed bracket).
fn at_end(src: &str, offset: usize) -> bool {
    src[offset..]
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
}
