//! Byte-level scanning of RON text for `plan::locate`: skipping whitespace, comments,
//! strings (escaped, raw, char) and whole values while counting lines.

/// Index of the `,` or closing bracket that ends the value starting at `i`.
pub fn skip_value(b: &[u8], mut i: usize, line: &mut usize, ls: &mut usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                *line += 1;
                *ls = i + 1;
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => i = to_line_end(b, i),
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

/// Index of the next newline (or the end).
pub fn to_line_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] != b'\n' {
        i += 1;
    }
    i
}

/// Index of the next non-whitespace byte.
pub fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// RON block comments nest.
pub fn skip_block_comment(b: &[u8], mut i: usize, line: &mut usize, ls: &mut usize) -> usize {
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
pub fn skip_attribute(b: &[u8], mut i: usize) -> usize {
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
pub fn token_end(b: &[u8], i: usize, line: &mut usize, ls: &mut usize) -> (usize, bool) {
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
