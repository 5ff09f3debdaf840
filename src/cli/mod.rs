//! The command-line face: argument parsing and one module per subcommand.
//! `run` is the single dispatch point; `main.rs` only maps its result to an exit code.
//!
//! Exit codes: 0 ok, 1 the plan has problems, 2 usage or I/O error. A closed stdout
//! (`gapdeck report plan.ron | head -1`) ends quietly with 0.

pub mod args;
pub mod check;
pub mod config;
pub mod edits;
pub mod exit;
pub mod import;
pub mod plan_file;
pub mod report;
pub mod values;

use std::io::{self, Write};
use std::path::PathBuf;

pub use args::{Cli, Command};
pub use exit::{CliError, Exit};

/// Runs the parsed command line. Expected failures are printed on stderr and become an
/// exit code; only unexpected ones (from the TUI) come back as an error report.
pub fn run(cli: Cli) -> color_eyre::Result<Exit> {
    let Some(command) = cli.command else {
        return open_tui(cli.plan);
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let result = dispatch(&command, &mut out, &mut err).and_then(|exit| {
        out.flush()?;
        Ok(exit)
    });
    Ok(finish(result, &mut err))
}

/// Runs one subcommand, writing its output to `out` and diagnostics to `err`.
pub fn dispatch(
    command: &Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Exit, CliError> {
    match command {
        Command::Check(a) => check::run(a, out, err),
        Command::Report(a) => report::run(a, out, err),
        Command::Set(a) => edits::set::run(a, out, err),
        Command::Tick(a) => edits::tick::run(a, out, err),
        Command::Move(a) => edits::moves::run(a, out, err),
        Command::Import(a) => import::run(a, out, err),
        Command::Config(a) => config::run(a, out, err),
    }
}

/// Turns a command's result into an exit code, printing the error unless stdout was
/// simply closed early by a reader such as `head`.
pub fn finish(result: Result<Exit, CliError>, err: &mut dyn Write) -> Exit {
    match result {
        Ok(exit) => exit,
        Err(e) => {
            if !e.is_quiet() {
                let _ = writeln!(err, "{e}");
            }
            e.exit()
        }
    }
}

/// `gapdeck` or `gapdeck PLAN`: the interactive UI. A plan that cannot be opened is
/// reported exactly as `check` would (exit 1 for a bad file, 2 for an unreadable one).
fn open_tui(plan: Option<PathBuf>) -> color_eyre::Result<Exit> {
    use crate::tui::{Options, TuiError};
    let mut err = io::stderr();
    let shown = plan.clone();
    match crate::tui::run(Options { plan }) {
        Ok(()) => Ok(Exit::Ok),
        Err(TuiError::Load(e)) => {
            let path = e.path.clone().or(shown).unwrap_or_default();
            let result = plan_file::report_load_error(&path, &e, &mut err);
            Ok(finish(result, &mut err))
        }
        Err(e @ TuiError::Terminal(_)) => {
            let _ = writeln!(err, "{e}");
            Ok(Exit::UsageOrIo)
        }
    }
}
