//! The one integration-test binary: runs the real `gapdeck` executable on fixture files
//! copied into temp dirs. Each area has its own module.

mod cli_check;
mod cli_config;
mod cli_edit;
mod cli_help;
mod cli_import;
mod cli_open;
mod cli_pipe;
mod cli_report;
mod cli_support;
mod import;
mod pty_support;
mod safety;
mod tui_pty;
mod tui_views;
