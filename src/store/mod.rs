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
//!
//! How an interactive session uses them (the CLI needs only the first and last steps):
//! 1. `open_plan(path)` → plan + fingerprint; `recovery::RecoveryStore::offer(path)` →
//!    unsaved text from a crash to restore (load it with `plan::parse`) or `discard`.
//! 2. `lock::acquire(path)`: keep the `PlanLock` while open; on `HeldBy(info)` warn
//!    ("open in {info}") and carry on.
//! 3. `watch::PlanWatcher::watch(path)`; each loop tick `poll(now, Some(known_fp))`
//!    (non-blocking; block on terminal events for at most `next_wake`). `Changed` with no
//!    local edits: reload; with local edits: ask. `Removed`: tell the user.
//! 4. After each edit `RecoveryTimer::note_edit(now)`; when `due(now)`, write
//!    `to_ron_string(plan)` with `RecoveryStore::write` and call `written()`.
//! 5. Save with `save_plan(path, plan, Expect::Loaded(known_fp))`; keep the returned
//!    fingerprint as the new `known_fp` and `discard` the recovery file.
//!    `SaveError::ChangedOnDisk` → offer reload / save-as (`Expect::NoFile`) /
//!    overwrite (`Expect::Overwrite`); any other error → show it, keep the edits.
//! 6. Run the loop in `crash::run_protected`, after `crash::install_panic_hook(restore)`.

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
