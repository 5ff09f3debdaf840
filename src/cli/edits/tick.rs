//! `gapdeck tick`: toggle the done mark of one action (numbered from 1) of a gap.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Change, edit_file, find_gap};
use crate::cli::exit::{CliError, Exit};
use crate::edit::Edit;
use crate::plan::Plan;

const EXAMPLES: &str = "\
Examples:
  gapdeck tick plans/minimal.ron dr-docs 2     mark the second action done (or undone)

Actions are numbered from 1 in the order the plan file lists them. Ticking an action
changes the gap's derived progress unless it has an explicit `progress`.";

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct TickArgs {
    /// Plan file (.ron).
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Id of the gap.
    #[arg(value_name = "GAP")]
    pub gap: String,

    /// Number of the action to toggle, from 1.
    #[arg(value_name = "N", value_parser = parse_action_number)]
    pub action: usize,
}

/// A 1-based action number.
fn parse_action_number(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "'{s}' is not an action number — actions are numbered from 1"
        )),
    }
}

pub fn run(args: &TickArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit, CliError> {
    edit_file(&args.plan, out, err, |plan: &Plan| {
        let gap = find_gap(plan, &args.gap)?;
        let n = args.action;
        let id = args.gap.clone();
        Ok(Change {
            edit: Edit::ToggleAction { gap, action: n - 1 },
            describe: Box::new(move |plan: &Plan| {
                let a = &plan.gaps[gap].actions[n - 1];
                let mark = if a.done { "[x]" } else { "[ ]" };
                format!("{id}: action {n} {mark} {}", a.text)
            }),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_numbers_start_at_one() {
        assert_eq!(parse_action_number("2"), Ok(2));
        assert!(
            parse_action_number("0")
                .unwrap_err()
                .contains("numbered from 1")
        );
        assert!(parse_action_number("two").is_err());
    }
}
