//! Plan files on disk: atomic saves with backup, locks, recovery files, watching.
//!
//! - [`save`]: `save_plan` writes a plan atomically and keeps the previous version as `PLAN.ron.bak`.

pub mod save;

pub use save::{SaveError, backup_path, save_plan, save_text};
