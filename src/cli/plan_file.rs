//! The CLI's door to plan files: open (read + parse + validate) with errors mapped to
//! exit codes, print problems as `PATH:LINE:COL: severity: field: message — fix`, save.

use std::io::Write;
use std::path::Path;

use super::exit::{CliError, Exit};
use crate::plan::{Plan, Problem};

/// A plan that parsed, with every validation problem found in it.
pub struct Opened {
    pub plan: Plan,
    pub problems: Vec<Problem>,
}

impl Opened {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Opens `path`. `Ok(None)` means the file does not parse: the error (with line:col and
/// the offending text) has been written to `err` and the caller should exit 1.
/// An unreadable file is an I/O error (exit 2).
pub fn open_or_report(path: &Path, err: &mut dyn Write) -> Result<Option<Opened>, CliError> {
    let _ = err;
    Err(CliError::io(format!(
        "cannot open '{}': plan loading is not wired into the CLI yet",
        path.display()
    )))
}

/// Saves `plan` to `path` the same way the TUI does (atomic, with a `.bak`).
pub fn save(path: &Path, plan: &Plan) -> Result<(), CliError> {
    let _ = plan;
    Err(CliError::io(format!(
        "cannot save '{}': plan saving is not wired into the CLI yet",
        path.display()
    )))
}

/// One problem as a line: `PATH:LINE:COL: error: field: message — fix`
/// (`PATH: error: …` when the position is unknown).
pub fn problem_line(path: &Path, p: &Problem) -> String {
    // Problem's Display starts with "line:col: " only when it has a position.
    let sep = if p.pos.is_some() { ":" } else { ": " };
    format!("{}{sep}{p}", path.display())
}

/// Which problems to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    ErrorsAndWarnings,
    ErrorsOnly,
}

/// Prints problems (errors first, then warnings, each in file order) and returns
/// `PlanHasProblems` when there is at least one error.
pub fn print_problems(
    path: &Path,
    problems: &[Problem],
    shown: Shown,
    err: &mut dyn Write,
) -> Exit {
    let mut sorted: Vec<&Problem> = problems
        .iter()
        .filter(|p| shown == Shown::ErrorsAndWarnings || p.is_error())
        .collect();
    sorted.sort_by_key(|p| (p.severity, p.pos));
    for p in sorted {
        let _ = writeln!(err, "{}", problem_line(path, p));
    }
    if problems.iter().any(Problem::is_error) {
        Exit::PlanHasProblems
    } else {
        Exit::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Position;

    #[test]
    fn problem_lines_lead_with_path_and_position() {
        let path = Path::new("plans/x.ron");
        let mut p =
            Problem::error("gaps[1].phase", "unknown phase 'p9'").with_fix("known phases: p1");
        p.pos = Some(Position { line: 12, col: 20 });
        assert_eq!(
            problem_line(path, &p),
            "plans/x.ron:12:20: error: gaps[1].phase: unknown phase 'p9' — known phases: p1"
        );
        p.pos = None;
        assert_eq!(
            problem_line(path, &p),
            "plans/x.ron: error: gaps[1].phase: unknown phase 'p9' — known phases: p1"
        );
    }

    #[test]
    fn errors_set_exit_1_and_come_before_warnings() {
        let path = Path::new("p.ron");
        let w = Problem::warning("gaps[0]", "all actions ticked but status is 'Missing'");
        let e = Problem::error("title", "the title is empty");
        let mut buf = Vec::new();
        let exit = print_problems(path, &[w.clone(), e], Shown::ErrorsAndWarnings, &mut buf);
        assert_eq!(exit, Exit::PlanHasProblems);
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("error: title"));
        assert!(lines[1].contains("warning: gaps[0]"));
        let mut buf = Vec::new();
        assert_eq!(
            print_problems(path, &[w], Shown::ErrorsOnly, &mut buf),
            Exit::Ok
        );
        assert!(buf.is_empty());
    }
}
