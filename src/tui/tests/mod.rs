//! Tests of the TUI without a terminal: scripted actions through `App::update`, and
//! screens drawn on ratatui's TestBackend compared with insta snapshots.

pub(crate) mod fixture;
mod incremental;
mod rows;
mod screens;
mod update;
mod views;
