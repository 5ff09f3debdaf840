//! gapdeck: a terminal workbench for planning production-readiness work.
//!
//! Module map:
//! - [`plan`]: the domain plan, its RON file form, loading with positioned problems, saving.
//! - [`engine`]: pure schedule, cost and readiness computation from a plan.
//! - [`edit`]: reversible edit operations shared by the CLI and the TUI.
//! - [`store`]: files on disk: atomic saves, backups, locks, recovery, watching.
//! - [`import`]: Markdown gap-analysis reports to plans (with mojibake repair).
//! - [`sample`]: the sample plans from `plans/` embedded in the binary (the TUI's default).
//! - [`cli`]: the command-line face (`check`, `report`, `set`, `tick`, `move`, `import`).
//! - [`tui`]: the interactive terminal UI.
//! - [`genplan`]: deterministic synthetic plans of any size for benchmarks and tests.

pub mod cli;
pub mod edit;
pub mod engine;
pub mod genplan;
pub mod import;
pub mod plan;
pub mod sample;
pub mod store;
pub mod tui;
