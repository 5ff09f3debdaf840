//! Maps field paths (`gaps[3].depends_on[1]`) to line:col in plan text with one linear
//! scan that understands strings, raw strings, chars, comments and ( [ { nesting.
//! Only used when a plan has problems, so it is off the fast path.

use std::fmt::Write;

use rustc_hash::{FxHashMap, FxHashSet};

use super::locate_scan::{
    skip_attribute, skip_block_comment, skip_value, skip_ws, to_line_end, token_end,
};
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
pub fn locate<'p>(
    src: &str,
    paths: impl IntoIterator<Item = &'p str>,
) -> FxHashMap<String, Position> {
    let mut wanted: FxHashSet<&str> = FxHashSet::default();
    for p in paths {
        wanted.extend(prefixes(p));
    }
    let b = src.as_bytes();
    let mut found = FxHashMap::default();
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
            i = to_line_end(b, i);
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
