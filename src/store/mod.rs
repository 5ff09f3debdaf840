//! Plan files on disk: atomic saves with backup, locks, recovery files, watching.
//!
//! - [`atomic`]: atomic, durable replacement with `.bak` and outside-change refusal.
//! - [`open`]: load a plan and fingerprint the very bytes that were parsed.
//! - [`fingerprint`]: content hashes of what was loaded.
//! - [`lock`]: lock files so a second gapdeck on the same plan is warned.
//! - [`recovery`]: unsaved plan text in the state directory, offered back on open.
//! - [`crash`]: panic hook and guard: restore the terminal, write the recovery file.
//! - [`watch`]: debounced notice of outside changes to an open plan.
//! - [`error`]: save errors that name the path, the step and the fix.
//! - [`save`]: `save_plan`, the plan's stable RON text through `atomic`.

pub mod atomic;
pub mod crash;
pub mod error;
pub mod fingerprint;
pub mod lock;
pub mod open;
pub mod recovery;
pub mod save;
pub mod watch;

pub use atomic::{Expect, Saved, backup_path, write_atomic};
pub use error::{SaveError, SaveFailure, SaveStep};
pub use fingerprint::Fingerprint;
pub use open::{OpenedPlan, open_plan};
pub use save::save_plan;
