//! Command-line arguments (clap derive): the top-level `gapdeck [PLAN]` and its
//! subcommands. Each subcommand's own arguments live beside its code.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{check, config, edits, import, report};

const TOP_EXAMPLES: &str = "\
Examples:
  gapdeck                               open the built-in sample plan in the TUI
  gapdeck plans/minimal.ron             open a plan in the TUI
  gapdeck check plans/minimal.ron       list every problem with its line:col and fix
  gapdeck report plans/minimal.ron      timeline, monthly costs, run rate, readiness
  gapdeck import gap-analysis.md        turn a Markdown report into gap-analysis.ron

Exit codes: 0 ok, 1 the plan has problems, 2 usage or I/O error.";

/// gapdeck: plan production-readiness work from a gap analysis.
#[derive(Debug, Parser)]
#[command(
    name = "gapdeck",
    version,
    about = "Plan production-readiness work from a gap analysis: triage in a TUI, \
             check and report from scripts.",
    after_help = TOP_EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Plan file (.ron) to open in the TUI; without it the built-in sample plan opens.
    #[arg(value_name = "PLAN")]
    pub plan: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands. Adding one means a variant here and an arm in `cli::dispatch`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan file and list every problem (exit 1 if there are errors).
    Check(check::CheckArgs),
    /// Print the timeline, monthly costs, run rate and readiness of a plan.
    Report(report::ReportArgs),
    /// Change fields of one gap and save the plan.
    Set(edits::SetArgs),
    /// Toggle the done mark of one action of a gap and save the plan.
    Tick(edits::TickArgs),
    /// Move a gap in the rank order (and between phases) and save the plan.
    Move(edits::MoveArgs),
    /// Turn a Markdown gap-analysis report into a plan file, with a log of what was read.
    Import(import::ImportArgs),
    /// Print the default key bindings and theme, or where the user's config files go.
    Config(config::ConfigArgs),
}
