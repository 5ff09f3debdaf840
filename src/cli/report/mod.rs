//! `gapdeck report`: phases, gaps in schedule order, monthly costs, run rate and
//! readiness of a plan, in one of four formats. Every number comes from `engine::analyze`.

pub mod csv;
pub mod fmt;
pub mod json;
mod json_gaps;
pub mod markdown;
pub mod model;
pub mod table;
pub mod text;

#[cfg(test)]
mod json_oracle;
#[cfg(test)]
pub(crate) mod sample;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::exit::{CliError, Exit};
use super::plan_file::{self, Shown};
use crate::engine;
pub use model::Report;

const EXAMPLES: &str = "\
Examples:
  gapdeck report plans/minimal.ron
  gapdeck report plans/minimal.ron --format json | jq '.gaps[] | {id, finish}'
  gapdeck report plans/minimal.ron --format csv > gaps.csv

A plan with validation errors is still reported (its problems are listed on stderr and
the exit code is 1); a file that does not parse is not.";

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct ReportArgs {
    /// Plan file (.ron).
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables for a terminal (fits 120 columns).
    Text,
    /// Markdown tables.
    Markdown,
    /// A stable JSON document for scripts.
    Json,
    /// One CSV table of gaps in schedule order.
    Csv,
}

/// Writes `report` in `format` to `out`; JSON is streamed, so big plans never hold the
/// whole document in memory.
pub fn write(report: &Report, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, out),
        other => out.write_all(render(report, other).as_bytes()),
    }
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text::render(report),
        Format::Markdown => markdown::render(report),
        Format::Json => json::render(report),
        Format::Csv => csv::render(report),
    }
}

pub fn run(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit, CliError> {
    let Some(opened) = plan_file::open_or_report(&args.plan, err)? else {
        return Ok(Exit::PlanHasProblems);
    };
    let exit = plan_file::print_problems(&args.plan, &opened.problems, Shown::ErrorsOnly, err);
    let analysis = engine::analyze(&opened.plan);
    let report = Report::new(&opened.plan, &analysis);
    write(&report, args.format, out)?;
    out.flush()?;
    drop(report);
    // Freeing a 100,000-gap plan (a million small blocks) took 8% of the command: let a
    // helper thread do it while we return. The process may exit first; the OS frees it then.
    // If no thread can be made, the closure (and the plan) is simply dropped here.
    let _ = std::thread::Builder::new().spawn(move || drop((opened, analysis)));
    Ok(exit)
}
