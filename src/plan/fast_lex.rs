//! The token level of `plan::fast`: whitespace and comments, punctuation, identifiers,
//! strings with the common escapes, and plain decimal numbers. Every method returns
//! `None` for anything it does not fully understand, so ron gets to decide.

use super::decimal::{DEC2_MAX_UNITS, Dec2};

pub struct Reader<'a> {
    pub s: &'a str,
    pub b: &'a [u8],
    pub i: usize,
}

impl<'a> Reader<'a> {
    pub fn ws(&mut self) {
        loop {
            while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\n' | b'\t' | b'\r') {
                self.i += 1;
            }
            if self.b.get(self.i) != Some(&b'/') {
                return;
            }
            match self.b.get(self.i + 1) {
                Some(b'/') => {
                    while self.i < self.b.len() && self.b[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                Some(b'*') => {
                    let opened = self.i;
                    let mut depth = 0usize;
                    loop {
                        match (self.b.get(self.i), self.b.get(self.i + 1)) {
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.i += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.i += 2;
                                if depth == 0 {
                                    break;
                                }
                            }
                            (Some(_), _) => self.i += 1,
                            (None, _) => {
                                // Unclosed: stop at the `/*` so the caller sees a stray `/`
                                // and leaves the file to ron, which reports it.
                                self.i = opened;
                                return;
                            }
                        };
                    }
                }
                _ => return,
            }
        }
    }

    pub fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    pub fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    pub fn ident(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.i;
        while self.i < self.b.len()
            && (self.b[self.i].is_ascii_alphanumeric() || self.b[self.i] == b'_')
        {
            self.i += 1;
        }
        let word = &self.s[start..self.i];
        (!word.is_empty() && !word.as_bytes()[0].is_ascii_digit()).then_some(word)
    }

    /// `#![enable(implicit_some)]` (the only extension with a meaning here).
    pub fn attributes(&mut self) -> Option<()> {
        while self.peek() == Some(b'#') {
            self.i += 1;
            self.eat(b'!')?;
            self.eat(b'[')?;
            (self.ident()? == "enable").then_some(())?;
            self.eat(b'(')?;
            (self.ident()? == "implicit_some").then_some(())?;
            self.eat(b')')?;
            self.eat(b']')?;
        }
        Some(())
    }

    /// `Name(` or a bare `(`.
    pub fn open_struct(&mut self, name: &str) -> Option<()> {
        if self.peek()? != b'(' {
            (self.ident()? == name).then_some(())?;
        }
        self.eat(b'(')
    }

    /// Calls `field` for each `key: value` until `)`; trailing commas allowed.
    pub fn fields(&mut self, mut field: impl FnMut(&mut Self, &str) -> Option<()>) -> Option<()> {
        loop {
            if self.peek()? == b')' {
                self.i += 1;
                return Some(());
            }
            let key = self.ident()?;
            self.eat(b':')?;
            field(self, key)?;
            match self.peek()? {
                b',' => self.i += 1,
                b')' => {}
                _ => return None,
            }
        }
    }

    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat(b'[')?;
        let mut out = Vec::new();
        loop {
            if self.peek()? == b']' {
                self.i += 1;
                // Doubling leaves up to half a list unused, and most lists are kept as
                // they are (a one-cost gap would hold room for four): ~5% of a big plan.
                out.shrink_to_fit();
                return Some(out);
            }
            out.push(item(self)?);
            match self.peek()? {
                b',' => self.i += 1,
                b']' => {}
                _ => return None,
            }
        }
    }

    /// The `, ` between tuple elements (with an optional trailing comma before `)`).
    pub fn close_tuple(&mut self) -> Option<()> {
        if self.peek()? == b',' {
            self.i += 1;
        }
        self.eat(b')')
    }

    pub fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let start = self.i;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'"' => {
                    let s = self.s[start..self.i].to_string();
                    self.i += 1;
                    return Some(s);
                }
                b'\\' => return self.escaped_string(start),
                _ => self.i += 1,
            }
        }
        None
    }

    pub fn escaped_string(&mut self, start: usize) -> Option<String> {
        let mut out = String::from(&self.s[start..self.i]);
        loop {
            let run = self.i;
            while self.i < self.b.len() && !matches!(self.b[self.i], b'"' | b'\\') {
                self.i += 1;
            }
            out.push_str(&self.s[run..self.i]);
            if *self.b.get(self.i)? == b'"' {
                self.i += 1;
                return Some(out);
            }
            let c = match self.b.get(self.i + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                b'u' => {
                    // `\u{1b}`: one to six hex digits naming a valid char.
                    let rest = self.s.get(self.i + 2..)?;
                    let hex = rest.strip_prefix('{')?.split('}').next()?;
                    if hex.is_empty()
                        || hex.len() > 6
                        || !hex.bytes().all(|c| c.is_ascii_hexdigit())
                    {
                        return None;
                    }
                    out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                    self.i += 2 + 1 + hex.len() + 1;
                    continue;
                }
                _ => return None,
            };
            out.push(c);
            self.i += 2;
        }
    }

    /// Digits with no sign and no leading zero, followed by a delimiter.
    pub fn digits(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.i;
        while self.i < self.b.len() && self.b[self.i].is_ascii_digit() {
            self.i += 1;
        }
        let d = &self.s[start..self.i];
        let ok = !d.is_empty() && (d == "0" || !d.starts_with('0')) && d.len() <= 12;
        (ok && !self
            .b
            .get(self.i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_'))
        .then_some(d)
    }

    pub fn uint<T: std::str::FromStr>(&mut self) -> Option<T> {
        let d = self.digits()?;
        (self.b.get(self.i) != Some(&b'.')).then_some(())?;
        d.parse().ok()
    }

    /// `26`, `-3`, `1.5`, `26.50`: at most two decimals and twelve integer digits.
    pub fn dec(&mut self) -> Option<Dec2> {
        let neg = self.peek()? == b'-';
        if neg {
            self.i += 1;
            // "- 5": leave spacing questions to ron.
            self.b.get(self.i).filter(|c| c.is_ascii_digit())?;
        }
        let units: i64 = self.digits()?.parse().ok()?;
        let mut cents = 0;
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            let start = self.i;
            while self.i < self.b.len() && self.b[self.i].is_ascii_digit() {
                self.i += 1;
            }
            let f = &self.s[start..self.i];
            if f.is_empty()
                || f.len() > 2
                || self
                    .b
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
            {
                return None;
            }
            cents = f.parse::<i64>().ok()? * if f.len() == 1 { 10 } else { 1 };
        }
        (units <= DEC2_MAX_UNITS).then_some(())?;
        let v = units * 100 + cents;
        Some(Dec2::from_hundredths(if neg { -v } else { v }))
    }
}
