//! `gapdeck check`: parse and validate a plan, print every problem with its place in the
//! file and a fix. Exit 0 when there are no errors (warnings alone do not fail), 1 otherwise.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::exit::{CliError, Exit};
use super::plan_file::{self, Shown};

const EXAMPLES: &str = "\
Examples:
  gapdeck check plans/minimal.ron
  gapdeck check my-plan.ron && git commit my-plan.ron

Problems go to stderr, one per line:
  PATH:LINE:COL: error: FIELD: MESSAGE — FIX
Warnings (legal but suspicious) are printed too but do not change the exit code.
Exit codes: 0 no errors, 1 the plan has errors, 2 the file cannot be read.";

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct CheckArgs {
    /// Plan file (.ron).
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
}

pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit, CliError> {
    let path = &args.plan;
    let Some(opened) = plan_file::open_or_report(path, err)? else {
        return Ok(Exit::PlanHasProblems);
    };
    let exit = plan_file::print_problems(path, &opened.problems, Shown::ErrorsAndWarnings, err);
    let errors = opened.problems.iter().filter(|p| p.is_error()).count();
    let warnings = opened.problems.len() - errors;
    if errors > 0 {
        let _ = writeln!(
            err,
            "{}: {} — fix {} and run `gapdeck check` again",
            path.display(),
            counted(errors, "error", warnings),
            if errors + warnings == 1 { "it" } else { "them" }
        );
    } else {
        let plan = &opened.plan;
        writeln!(
            out,
            "{}: ok — {} in {}{}",
            path.display(),
            plural(plan.gaps.len(), "gap"),
            plural(plan.phases.len(), "phase"),
            if warnings > 0 {
                format!(", {}", plural(warnings, "warning"))
            } else {
                String::new()
            }
        )?;
    }
    Ok(exit)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn counted(errors: usize, word: &str, warnings: usize) -> String {
    if warnings == 0 {
        plural(errors, word)
    } else {
        format!("{}, {}", plural(errors, word), plural(warnings, "warning"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(counted(1, "error", 0), "1 error");
        assert_eq!(counted(2, "error", 1), "2 errors, 1 warning");
    }
}
