//! The one integration-test binary: runs the real `gapdeck` executable on fixture files.
//! Each area has its own module.

mod cli_help;
mod safety;
mod tui_pty;
