//! Problems found in a plan (errors and warnings), each tied to a field path and,
//! when the source text is known, a line:column, with a message and a fix.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column in a plan file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// One thing wrong (or suspicious) in a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Field path inside the plan, e.g. `gaps[3].depends_on[1]` (see `plan::locate`).
    pub path: String,
    /// Where that field sits in the file, when the plan came from text.
    pub pos: Option<Position>,
    /// What is wrong, quoting the bad value.
    pub message: String,
    /// How to fix it ("known phases: p1, p2"; "did you mean 'p2'?").
    pub fix: Option<String>,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            pos: None,
            message: message.into(),
            fix: None,
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }

    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `line:col: error: message (fix)` — the caller prefixes the file path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.pos {
            write!(f, "{}:{}: ", p.line, p.col)?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}: {}", self.path, self.message)?;
        if let Some(fix) = &self.fix {
            write!(f, " — {fix}")?;
        }
        Ok(())
    }
}

/// The one entry of `known` closest to `bad`, if it is a likely typo: within a third of
/// its length and strictly closer than every other entry (so "p5" among p1..p3 suggests none).
pub fn did_you_mean<'a>(bad: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &'a str)> = None;
    let mut tie = false;
    for k in known {
        let d = strsim::damerau_levenshtein(bad, k);
        if d > 1.max(k.chars().count() / 3) {
            continue;
        }
        match best {
            Some((bd, _)) if d == bd => tie = true,
            Some((bd, _)) if d > bd => {}
            _ => {
                best = Some((d, k));
                tie = false;
            }
        }
    }
    if tie { None } else { best.map(|(_, k)| k) }
}

/// "unknown X 'bad'" fix text: a suggestion when one is close, else the known list.
pub fn unknown_fix<'a>(
    what: &str,
    bad: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    match did_you_mean(bad, known.clone()) {
        Some(s) => format!("did you mean '{s}'?"),
        None => {
            let list: Vec<&str> = known.into_iter().take(12).collect();
            if list.is_empty() {
                format!("the plan has no {what}s yet")
            } else {
                format!("known {what}s: {}", list.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("p5", ["p1", "p2"]), None);
        assert_eq!(did_you_mean("p5", ["p1", "backend"]), Some("p1"));
        assert_eq!(
            did_you_mean("monitorng", ["monitoring", "dr-docs"]),
            Some("monitoring")
        );
        assert_eq!(did_you_mean("zzzzzzzz", ["monitoring"]), None);
        assert_eq!(
            unknown_fix("phase", "zzzzzz", ["p1", "p2"]),
            "known phases: p1, p2"
        );
    }

    #[test]
    fn display_has_position_path_and_fix() {
        let mut p =
            Problem::error("gaps[0].phase", "unknown phase 'p9'").with_fix("known phases: p1");
        p.pos = Some(Position { line: 12, col: 20 });
        assert_eq!(
            p.to_string(),
            "12:20: error: gaps[0].phase: unknown phase 'p9' — known phases: p1"
        );
    }
}
