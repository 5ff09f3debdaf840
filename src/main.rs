//! The `gapdeck` binary: parse arguments, run, map the outcome to an exit code
//! (0 ok, 1 the plan has problems, 2 usage or I/O error).

use std::process::ExitCode;

use clap::Parser;
use gapdeck::cli::{self, Cli};

fn main() -> ExitCode {
    // Only for unexpected errors and panics; expected ones are printed by `cli::run`.
    let _ = color_eyre::install();
    let args = Cli::parse();
    match cli::run(args) {
        Ok(exit) => exit.into(),
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(2)
        }
    }
}
