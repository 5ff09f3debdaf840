//! `gapdeck import`: turn a Markdown gap-analysis report into a plan file, with a log of
//! what was recognised (stderr or `--log`). All file I/O for the import lives here.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::exit::{CliError, Exit};
use super::plan_file::{self, Shown};
use crate::import::{Existing, ImportOptions, MAX_INPUT, import_markdown};
use crate::plan::{parse, to_ron_string};
use crate::store::Expect;

const EXAMPLES: &str = "\
Examples:
  gapdeck import gap-analysis.md                  writes gap-analysis.ron, log on stderr
  gapdeck import report.md -o plans/launch.ron --log import.log
  gapdeck import report.md --dry-run | less       log on stderr, plan on stdout, nothing written
  gapdeck import report.md --with-existing        'What we have' parts become Done gaps

The log lists every gap with the report line it came from and what was recognised
(priority, status, estimate, costs, phase), what was skipped and why, and the report's
stated totals against what the imported plan adds up to. Review it, then
`gapdeck check` and open the plan.
Exit codes: 0 imported, 1 the imported plan has errors, 2 the report cannot be read or
holds no gaps, or the output exists (use --force).";

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct ImportArgs {
    /// Markdown report to import.
    #[arg(value_name = "REPORT")]
    pub report: PathBuf,

    /// Plan file to write (default: the report's name with .ron).
    #[arg(short = 'o', long = "output", value_name = "PLAN")]
    pub output: Option<PathBuf>,

    /// Write the import log to FILE instead of stderr.
    #[arg(long = "log", value_name = "FILE")]
    pub log: Option<PathBuf>,

    /// Print the log and the plan (on stdout) without writing anything.
    #[arg(long = "dry-run")]
    pub dry_run: bool,

    /// Also import the parts listing what already exists, as Done gaps.
    #[arg(long = "with-existing")]
    pub with_existing: bool,

    /// Overwrite the output plan if it exists (the previous one is kept as .bak).
    #[arg(long = "force")]
    pub force: bool,

    /// First day of week 1 (YYYY-MM-DD; default today).
    #[arg(long = "start", value_name = "DATE")]
    pub start: Option<String>,
}

pub fn run(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit, CliError> {
    let report = &args.report;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| report.with_extension("ron"));
    if !args.force && !args.dry_run && output.exists() {
        return Err(
            CliError::usage(format!("{} already exists", output.display())).with_fix(
                "pass --force to overwrite it (a .bak is kept) or choose another -o PLAN",
            ),
        );
    }
    let bytes = read_report(report)?;
    let mut opts = ImportOptions::new(start_date(args.start.as_deref())?);
    if args.with_existing {
        opts.existing = Existing::AsDoneGaps;
    }
    let imported = import_markdown(&bytes, &opts)
        .map_err(|e| CliError::usage(format!("{}: {e}", report.display())))?;
    let text = to_ron_string(&imported.plan);
    let log_text = format!("{}: {}", report.display(), imported.log);
    match &args.log {
        Some(path) => std::fs::write(path, &log_text).map_err(|e| {
            CliError::io(format!("{}: cannot write the log: {e}", path.display()))
                .with_fix("choose a writable --log path")
        })?,
        None => err.write_all(log_text.as_bytes())?,
    }

    // The written plan must pass `gapdeck check`: load it back the same way.
    let loaded =
        parse(&text).map_err(|e| CliError::usage(format!("imported plan does not load: {e}")))?;
    let exit = plan_file::print_problems(&output, &loaded.problems, Shown::ErrorsOnly, err);

    if args.dry_run {
        out.write_all(text.as_bytes())?;
        return Ok(exit);
    }
    let expect = if args.force {
        Expect::Overwrite
    } else {
        Expect::NoFile
    };
    plan_file::save(&output, &imported.plan, expect)?;
    let disagreements = imported.log.disagreements().count();
    let review: usize = imported.log.gaps.iter().map(|g| g.review.len()).sum();
    writeln!(
        out,
        "{}: wrote {} gaps in {} phases; {} to review, {} stated total{} disagree{} — see the log",
        output.display(),
        imported.plan.gaps.len(),
        imported.plan.phases.len(),
        review,
        disagreements,
        if disagreements == 1 { "" } else { "s" },
        if disagreements == 1 { "s" } else { "" },
    )?;
    Ok(exit)
}

fn read_report(path: &Path) -> Result<Vec<u8>, CliError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        CliError::io(format!("{}: cannot read the report: {e}", path.display()))
            .with_fix("check the path")
    })?;
    if meta.is_dir() {
        return Err(
            CliError::usage(format!("{} is a directory", path.display()))
                .with_fix("give the Markdown report file"),
        );
    }
    if meta.len() > MAX_INPUT as u64 {
        return Err(CliError::usage(format!(
            "{}: the report is {} bytes (limit {MAX_INPUT})",
            path.display(),
            meta.len()
        ))
        .with_fix("this is not a Markdown report; check the file"));
    }
    std::fs::read(path)
        .map_err(|e| CliError::io(format!("{}: cannot read the report: {e}", path.display())))
}

fn start_date(arg: Option<&str>) -> Result<jiff::civil::Date, CliError> {
    match arg {
        Some(s) => s.parse().map_err(|_| {
            CliError::usage(format!("--start '{s}' is not a date"))
                .with_fix("write YYYY-MM-DD, e.g. 2026-03-02")
        }),
        None => Ok(jiff::Zoned::now().date()),
    }
}
