//! `LoadError`: why a plan file could not be read at all (I/O, size, encoding, RON syntax
//! or types), shown as `path:line:col: error: message — fix` plus the source line and a caret.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

use super::problem::{Position, did_you_mean};

/// What kind of failure, so the CLI can pick its exit code (I/O → 2, a bad file → 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be opened or read (missing, permissions, a directory).
    Io,
    /// Larger than [`super::load::MAX_FILE_BYTES`].
    TooLarge,
    /// Empty, binary, or not UTF-8.
    NotText,
    /// RON syntax or a value of the wrong type/name (unknown field, unknown variant, …).
    Syntax,
}

/// A plan file that could not be turned into a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    /// The file, when loading from disk (`parse` leaves it `None`).
    pub path: Option<PathBuf>,
    pub pos: Option<Position>,
    /// What is wrong, quoting the bad text.
    pub message: String,
    pub fix: Option<String>,
    /// The offending source line (control characters made visible), for the caret display.
    /// (Boxed so `Result<_, LoadError>` stays small.)
    pub line_text: Option<Box<str>>,
}

impl LoadError {
    pub fn new(kind: LoadErrorKind, message: impl Into<String>) -> Self {
        LoadError {
            kind,
            path: None,
            pos: None,
            message: message.into(),
            fix: None,
            line_text: None,
        }
    }

    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    /// Sets the position and captures the source line it points into.
    pub fn at(mut self, src: &str, pos: Position) -> Self {
        self.pos = Some(pos);
        self.line_text = src
            .split('\n')
            .nth(pos.line.saturating_sub(1))
            .map(|l| visible(l.trim_end_matches('\r')).into());
        self
    }

    /// The error text without the file prefix: `line:col: error: message — fix`.
    pub fn headline(&self) -> String {
        let mut s = String::new();
        if let Some(p) = self.pos {
            s.push_str(&format!("{}:{}: ", p.line, p.col));
        }
        s.push_str("error: ");
        s.push_str(&self.message);
        if let Some(fix) = &self.fix {
            s.push_str(" — ");
            s.push_str(fix);
        }
        s
    }
}

impl fmt::Display for LoadError {
    /// `path:line:col: error: message — fix`, then the source line with a caret under the column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}:", path.display())?;
        }
        f.write_str(&self.headline())?;
        if let (Some(p), Some(line)) = (self.pos, &self.line_text) {
            let num = p.line.to_string();
            let pad = " ".repeat(num.len());
            // Copy tabs so the caret lines up however the terminal expands them.
            let lead: String = line
                .chars()
                .take(p.col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n {num} | {line}\n {pad} | {lead}^")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Text with control characters (escape sequences included) replaced by visible escapes,
/// safe to print to a terminal.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\t') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Message and fix for a ron error, in the plan's vocabulary.
pub fn describe_ron(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    let outer = |o: &Option<String>| match o {
        Some(o) => format!(" in {o}"),
        None => String::new(),
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer: o,
        } => (
            format!("unknown field '{}'{}", visible(found), outer(o)),
            Some(match did_you_mean(found, expected.iter().copied()) {
                Some(s) => format!("did you mean '{s}'?"),
                None => format!("known fields: {}", expected.join(", ")),
            }),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer: o,
        } => (
            format!("unknown value '{}'{}", visible(found), outer(o)),
            Some(match did_you_mean(found, expected.iter().copied()) {
                Some(s) => format!("did you mean '{s}'? (one of {})", expected.join(" | ")),
                None => format!("use one of {}", expected.join(" | ")),
            }),
        ),
        E::MissingStructField { field, outer: o } => (
            format!("missing field '{field}'{}", outer(o)),
            Some(format!("add `{field}: …` (see plans/README.md)")),
        ),
        E::DuplicateStructField { field, outer: o } => (
            format!("field '{field}' appears twice{}", outer(o)),
            Some("keep only one of them".into()),
        ),
        E::ExpectedDifferentStructName { expected, found } => (
            format!("expected '{expected}(' but found '{}('", visible(found)),
            Some(format!("write `{expected}(`")),
        ),
        E::ExceededRecursionLimit => (
            "values are nested too deeply (the limit is 128 levels)".into(),
            Some("a plan needs only a few levels of ( and [; look for unclosed brackets".into()),
        ),
        E::Eof => (
            "the file ends in the middle of a value".into(),
            Some("a bracket, parenthesis or quote is probably not closed".into()),
        ),
        E::ExpectedComma => (
            "expected a comma".into(),
            Some(
                "separate fields and list items with `,` (one may be missing just before this)"
                    .into(),
            ),
        ),
        E::ExpectedStringEnd => (
            "a string is not closed".into(),
            Some("add the closing `\"`".into()),
        ),
        E::ExpectedString => (
            "expected a string".into(),
            Some("put text in double quotes, e.g. \"p1\"".into()),
        ),
        E::IntegerOutOfBounds => (
            "number out of range".into(),
            Some("use a smaller number (progress is 0–100; weeks fit in 32 bits)".into()),
        ),
        E::TrailingCharacters => (
            "unexpected text after the end of the plan".into(),
            Some("everything must be inside the outer `Plan( … )`".into()),
        ),
        E::UnexpectedChar(c) => (
            format!("unexpected character '{}'", visible(&c.to_string())),
            None,
        ),
        E::ExpectedDifferentLength { expected, found } => (
            format!("expected {expected} but found {found} elements"),
            Some("estimates are (lo, hi); costs are (lo, hi, \"label\")".into()),
        ),
        E::InvalidValueForType { expected, found } => (
            format!("expected {expected} but found {}", visible(found)),
            None,
        ),
        other => (visible(&other.to_string()).into_owned(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_points_at_column() {
        let e = LoadError::new(LoadErrorKind::Syntax, "bad")
            .at("a\n\tx: 12,\n", Position { line: 2, col: 5 });
        assert_eq!(e.to_string(), "2:5: error: bad\n 2 | \tx: 12,\n   | \t   ^");
    }

    #[test]
    fn stays_under_clippys_large_error_limit() {
        // Every `Result<_, LoadError>` in the crate would trip `result_large_err` otherwise.
        assert!(std::mem::size_of::<LoadError>() < 128);
    }

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
    }
}
