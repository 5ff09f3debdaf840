//! The one integration-test binary: runs the real `gapdeck` executable on fixture files
//! copied into temp dirs. Each area has its own module.

mod cli_check;
mod cli_edit;
mod cli_help;
mod import;
mod tui_pty;

mod cli_support;
