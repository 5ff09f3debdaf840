//! The CLI's door to plan files: open (read + parse + validate) with errors mapped to
//! exit codes, print problems as `PATH:LINE:COL: severity: field: message — fix`, save.

use std::io::Write;
use std::path::Path;

use super::exit::{CliError, Exit};
use crate::plan::{LoadError, LoadErrorKind, Plan, Problem};
use crate::store::{self, Expect};

/// A plan that parsed, with every validation problem found in it.
pub struct Opened {
    pub plan: Plan,
    pub problems: Vec<Problem>,
    /// What a save must find on disk: the bytes that were loaded.
    pub expect: Expect,
}

/// Opens `path`. `Ok(None)` means the file is not a plan at all (RON syntax, not text,
/// empty): the error, with line:col and the offending line when known, has been written
/// to `err` and the caller should exit 1. An unreadable or oversized file is an I/O
/// error (exit 2).
pub fn open_or_report(path: &Path, err: &mut dyn Write) -> Result<Option<Opened>, CliError> {
    match store::open_plan(path) {
        Ok(opened) => {
            let expect = opened.expect();
            Ok(Some(Opened {
                plan: opened.loaded.plan,
                problems: opened.loaded.problems,
                expect,
            }))
        }
        Err(e) => report_load_error(path, &e, err).map(|_| None),
    }
}

/// Handles a plan that could not be loaded: a file that cannot be read (or is too large
/// to try) is an I/O error; anything else is printed on `err` and means exit 1.
pub fn report_load_error(
    path: &Path,
    e: &LoadError,
    err: &mut dyn Write,
) -> Result<Exit, CliError> {
    if matches!(e.kind, LoadErrorKind::Io | LoadErrorKind::TooLarge) {
        let cli = CliError::io(format!("'{}': {}", path.display(), e.message));
        return Err(match &e.fix {
            Some(fix) => cli.with_fix(fix.clone()),
            None => cli,
        });
    }
    // With a position the error's own display leads with `path:line:col:` and shows the
    // line with a caret; without one, keep the `PATH: error:` shape.
    if e.pos.is_some() {
        let _ = writeln!(err, "{e}");
    } else {
        let _ = writeln!(err, "{}: {}", path.display(), e.headline());
    }
    Ok(Exit::PlanHasProblems)
}

/// Saves `plan` to `path` the way the TUI does (atomic, previous version kept as `.bak`),
/// refusing if the file changed on disk since it was opened.
pub fn save(path: &Path, plan: &Plan, expect: Expect) -> Result<(), CliError> {
    store::save_plan(path, plan, expect)
        .map(|_| ())
        .map_err(|e| CliError::io(e.to_string()))
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
