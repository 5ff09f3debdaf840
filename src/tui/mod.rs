//! The interactive terminal UI: key → action → update → recompute → draw.
//!
//! - [`action`], [`mode`], [`key`], [`keymap`]: what keys mean, per mode, from RON.
//! - [`app`], [`document`], [`history`]: state (UI vs the plan being edited, undo).
//! - [`update`], [`modal`], [`saving`], [`commands`], [`commit`]: `App::update(Action) -> Effect`,
//!   no I/O; [`reach`] and [`refresh`]: what an edit touched, and rebuilding only that.
//! - [`rows`], [`summary`], [`format`], [`fields`], [`prompt`]: derived text, cached per edit.
//! - [`view`], [`theme`], [`sanitize`]: drawing by shared reference.
//! - [`run`], [`terminal`], [`recent`]: the loop, terminal setup/restore, recent plans;
//!   [`session`]: lock of the open plan; [`outside`]: reload / restore decisions; [`autosave`]: unsaved edits to the recovery file.
//! - [`views`], [`timeline`], [`costs`]: the timeline and cost views (state, time axis,
//!   month detail); [`finder`] (`/`) and [`palette`] (`:`): fuzzy search over gaps and actions,
//!   sharing [`query`] (the typed query line).

pub mod action;
pub mod app;
pub mod autosave;
pub mod commands;
pub mod commit;
pub mod config;
pub mod costs;
pub mod document;
pub mod editor;
pub mod fields;
pub mod filter;
pub mod finder;
mod finder_scan;
pub mod format;
pub mod history;
pub mod key;
pub mod keymap;
pub mod modal;
pub mod mode;
pub mod outside;
pub mod palette;
pub mod prompt;
pub mod query;
pub mod reach;
pub mod recent;
pub mod refresh;
pub mod rows;
pub mod run;
pub mod sanitize;
pub mod saving;
pub mod session;
pub mod summary;
pub mod terminal;
pub mod theme;
pub mod timeline;
pub mod update;
pub mod view;
pub mod views;

pub use run::{Options, TuiError, run};

#[cfg(test)]
mod tests;
