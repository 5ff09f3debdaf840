//! Maps field paths (`gaps[3].depends_on[1]`) to line:col in plan text with one linear
//! scan that understands strings, raw strings, chars, comments and ( [ { nesting.
//! Only used when a plan has problems, so it is off the fast path.

use std::fmt::Write;

use super::fxhash::{FxMap, FxSet};
use super::problem::{Position, Problem};

/// Fills `pos` of each problem from its path; a path that is not written in the file
/// (a defaulted field) falls back to its nearest written parent (`gaps[3].estimate` → `gaps[3]`).
pub fn locate_problems(src: &str, problems: &mut [Problem]) {
    let found = locate(src, problems.iter().map(|p| p.path.as_str()));
    for p in problems.iter_mut() {
        if p.pos.is_none() {
            p.pos = prefixes(&p.path).find_map(|k| found.get(k).copied());
        }
    }
}

/// `a[1].b` → `a[1].b`, `a[1]`, `a`, `` (the whole plan).
fn prefixes(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(path);
    std::iter::from_fn(move || {
        let cur = rest?;
        rest = if cur.is_empty() {
            None
        } else {
            Some(&cur[..cur.rfind(['.', '[']).unwrap_or(0)])
        };
        Some(cur)
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Root,
    Paren,
    Bracket,
}

#[derive(Clone, Copy, PartialEq)]
enum Slot {
    /// Nothing of this field/element seen yet.
    Start,
    /// `key:` consumed; the next token starts the value.
    AfterKey,
    InValue,
}

struct Frame {
    kind: Kind,
    /// Length of the path buffer holding this container's own path.
    base_len: usize,
    index: usize,
    slot: Slot,
}

/// Positions (of the value's first character) of `paths` and all their parents, for those
/// written in `src`.
pub fn locate<'p>(src: &str, paths: impl IntoIterator<Item = &'p str>) -> FxMap<String, Position> {
    let mut wanted: FxSet<&str> = FxSet::default();
    for p in paths {
        wanted.extend(prefixes(p));
    }
    let b = src.as_bytes();
    let mut found = FxMap::default();
    let mut path = String::new();
    let mut stack = vec![Frame {
        kind: Kind::Root,
        base_len: 0,
        index: 0,
        slot: Slot::AfterKey,
    }];
    let mut line = 1;
    let mut line_start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
            line_start = i + 1;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            i = memchr_nl(b, i);
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = skip_block_comment(b, i, &mut line, &mut line_start);
            continue;
        }
        if c == b'#' && stack.len() == 1 {
            i = skip_attribute(b, i);
            continue;
        }
        let Some(top) = stack.last_mut() else { break };
        match c {
            b',' => {
                path.truncate(top.base_len);
                top.index += 1;
                top.slot = Slot::Start;
                i += 1;
                continue;
            }
            b')' | b']' | b'}' => {
                if stack.len() > 1 {
                    let f = stack.pop().map_or(0, |f| f.base_len);
                    path.truncate(f);
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // Taken before `token_end`, which moves `line` past multi-line strings.
        let (tok_line, tok_line_start) = (line, line_start);
        let pos = || Position {
            line: tok_line,
            col: 1 + src.get(tok_line_start..i).map_or(0, |s| s.chars().count()),
        };
        let (end, is_ident) = token_end(b, i, &mut line, &mut line_start);
        if top.slot == Slot::Start {
            if top.kind == Kind::Paren && is_ident {
                let after = skip_ws(b, end);
                if b.get(after) == Some(&b':') && b.get(after + 1) != Some(&b':') {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&src[i..end]);
                    top.slot = Slot::AfterKey;
                    i = after + 1;
                    continue;
                }
            }
            let _ = write!(path, "[{}]", top.index);
            top.slot = Slot::AfterKey;
        }
        if top.slot == Slot::AfterKey {
            top.slot = Slot::InValue;
            if !wanted.contains(path.as_str()) {
                // `wanted` holds every prefix of every wanted path, so nothing inside
                // this value is wanted: skip it without building paths.
                (line, line_start) = (tok_line, tok_line_start);
                i = skip_value(b, i, &mut line, &mut line_start);
                continue;
            }
            if !found.contains_key(path.as_str()) {
                found.insert(path.clone(), pos());
            }
        }
        match c {
            b'(' | b'[' | b'{' => {
                stack.push(Frame {
                    kind: if c == b'(' {
                        Kind::Paren
                    } else {
                        Kind::Bracket
                    },
                    base_len: path.len(),
                    index: 0,
                    slot: Slot::Start,
                });
                i += 1;
            }
            _ => i = end,
        }
    }
    found
}

/// Index of the `,` or closing bracket that ends the value starting at `i`.
fn skip_value(b: &[u8], mut i: usize, line: &mut usize, ls: &mut usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                *line += 1;
                *ls = i + 1;
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => i = memchr_nl(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i, line, ls),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                i += 1;
            }
            b',' if depth == 0 => return i,
            _ => i = token_end(b, i, line, ls).0,
        }
    }
    i
}

fn memchr_nl(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] != b'\n' {
        i += 1;
    }
    i
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// RON block comments nest.
fn skip_block_comment(b: &[u8], mut i: usize, line: &mut usize, ls: &mut usize) -> usize {
    let mut depth = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            if b[i] == b'\n' {
                *line += 1;
                *ls = i + 1;
            }
            i += 1;
        }
    }
    i
}

/// `#![enable(...)]` before the top-level value.
fn skip_attribute(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0;
    while i < b.len() {
        match b[i] {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// End of the token at `i` (a bracket is a one-byte token) and whether it is an identifier.
fn token_end(b: &[u8], i: usize, line: &mut usize, ls: &mut usize) -> (usize, bool) {
    let c = b[i];
    if matches!(c, b'(' | b'[' | b'{') {
        return (i + 1, false);
    }
    if c == b'"' {
        return (skip_quoted(b, i + 1, b'"', line, ls), false);
    }
    if c == b'\'' {
        return (skip_quoted(b, i + 1, b'\'', line, ls), false);
    }
    // Raw strings: r"…", r#"…"#, br"…".
    let r = if c == b'b' && b.get(i + 1) == Some(&b'r') {
        i + 1
    } else {
        i
    };
    if b[r] == b'r' {
        let mut j = r + 1;
        while b.get(j) == Some(&b'#') {
            j += 1;
        }
        if b.get(j) == Some(&b'"') {
            return (skip_raw(b, j + 1, j - r - 1, line, ls), false);
        }
    }
    if c == b'b' && matches!(b.get(i + 1), Some(b'"') | Some(b'\'')) {
        return token_end(b, i + 1, line, ls);
    }
    let mut j = i;
    while j < b.len() && !is_delimiter(b[j]) {
        j += 1;
    }
    let word = &b[i..j.max(i + 1).min(b.len())];
    let is_ident = word[0].is_ascii_alphabetic() || word[0] == b'_';
    (j.max(i + 1), is_ident)
}

fn is_delimiter(c: u8) -> bool {
    c.is_ascii_whitespace()
        || matches!(
            c,
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' | b'"' | b'/'
        )
}

fn skip_quoted(b: &[u8], mut i: usize, quote: u8, line: &mut usize, ls: &mut usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            q if q == quote => return i + 1,
            b'\n' => {
                *line += 1;
                *ls = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    i
}

fn skip_raw(b: &[u8], mut i: usize, hashes: usize, line: &mut usize, ls: &mut usize) -> usize {
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&h| h == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        if b[i] == b'\n' {
            *line += 1;
            *ls = i + 1;
        }
        i += 1;
    }
    i
}
