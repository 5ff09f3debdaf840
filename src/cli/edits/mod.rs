//! Scriptable edits (`set`, `tick`, `move`): open the plan, build one `edit::Edit`,
//! apply it with `edit::apply`, save like the TUI does. A refused edit changes nothing.

pub mod moves;
pub mod set;
pub mod tick;

pub use moves::MoveArgs;
pub use set::SetArgs;
pub use tick::TickArgs;

use std::io::Write;
use std::path::Path;

use super::exit::{CliError, Exit};
use super::plan_file;
use super::report::fmt::clean;
use crate::edit::{self, Edit, EditError};
use crate::plan::Plan;
use crate::plan::problem::unknown_fix;

/// What a command wants to change, and how to say what changed once it has.
pub struct Change {
    pub edit: Edit,
    /// Describes the change for stdout, reading the plan after it was applied.
    pub describe: Box<dyn FnOnce(&Plan) -> String>,
}

/// Opens `path`, applies the change `build` asks for, saves, and reports on stdout.
/// A file that does not parse is refused (exit 1); validation errors only warn.
pub fn edit_file(
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
    build: impl FnOnce(&Plan) -> Result<Change, CliError>,
) -> Result<Exit, CliError> {
    let Some(mut opened) = plan_file::open_or_report(path, err)? else {
        let _ = writeln!(
            err,
            "error: not editing '{}' because it does not parse — fix the error above first",
            path.display()
        );
        return Ok(Exit::PlanHasProblems);
    };
    let errors = opened.problems.iter().filter(|p| p.is_error()).count();
    if errors > 0 {
        let _ = writeln!(
            err,
            "warning: '{}' has {errors} validation error{}; editing anyway — run \
             `gapdeck check {}` to see them",
            path.display(),
            if errors == 1 { "" } else { "s" },
            path.display()
        );
    }
    let change = build(&opened.plan)?;
    let before = opened.plan.clone();
    edit::apply(&mut opened.plan, change.edit).map_err(refused)?;
    if opened.plan == before {
        writeln!(out, "{}: nothing to change", path.display())?;
        return Ok(Exit::Ok);
    }
    plan_file::save(path, &opened.plan, opened.expect)?;
    // Plan text (action texts, names) may hold control characters: show, never run them.
    writeln!(out, "{}", clean(&(change.describe)(&opened.plan)))?;
    Ok(Exit::Ok)
}

/// An edit the plan refused, as a usage error (exit 2).
pub fn refused(e: EditError) -> CliError {
    let err = CliError::usage(e.message);
    match e.fix {
        Some(fix) => err.with_fix(fix),
        None => err,
    }
}

/// Index of the gap with id `id`, or "unknown gap 'x' — did you mean 'y'?".
pub fn find_gap(plan: &Plan, id: &str) -> Result<usize, CliError> {
    plan.gaps.iter().position(|g| g.id == id).ok_or_else(|| {
        CliError::usage(format!("unknown gap '{id}'")).with_fix(unknown_fix(
            "gap",
            id,
            plan.gaps.iter().map(|g| g.id.as_str()),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Gap;

    fn plan() -> Plan {
        let (mut p, _) = crate::cli::report::sample::plan_and_analysis();
        p.gaps = vec![Gap::new("dr-docs", "DR"), Gap::new("monitoring", "Mon")];
        p
    }

    #[test]
    fn unknown_gap_suggests_the_closest_id() {
        let e = find_gap(&plan(), "dr-doc").unwrap_err();
        assert_eq!(
            e.to_string(),
            "error: unknown gap 'dr-doc' — did you mean 'dr-docs'?"
        );
        assert_eq!(e.exit(), Exit::UsageOrIo);
        let e = find_gap(&plan(), "zzzzzzzzzz").unwrap_err();
        assert!(
            e.to_string().ends_with("known gaps: dr-docs, monitoring"),
            "{e}"
        );
        assert_eq!(find_gap(&plan(), "monitoring").unwrap(), 1);
    }
}
