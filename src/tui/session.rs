//! The open plan's companions on disk while the TUI runs: the lock file that warns a
//! second gapdeck. Kept out of `run` so the loop stays small.

use std::path::Path;

use super::app::App;
use crate::store::lock::{self, LockStatus, PlanLock};

/// Locks `path` for this session. Never blocks: when another gapdeck holds the plan, or
/// the lock cannot be written, the app shows a warning and the session carries on.
/// Keep the returned lock alive while the plan is open; dropping it releases the lock.
pub fn lock_plan(app: &mut App, path: &Path) -> Option<PlanLock> {
    match lock::acquire(path) {
        Ok(LockStatus::Acquired(l)) => Some(l),
        Ok(LockStatus::TookOverStale { lock, stale }) => {
            app.info(format!(
                "took over a stale lock from {stale} (that gapdeck is gone)"
            ));
            Some(lock)
        }
        Ok(LockStatus::HeldBy(info)) => {
            app.error(held_message(&info));
            None
        }
        Err(e) => {
            app.error(format!(
                "could not lock {}: {e} — another gapdeck on this plan will not be warned",
                path.display()
            ));
            None
        }
    }
}

/// "plan is open in another gapdeck: pid …, since …".
pub fn held_message(info: &lock::LockInfo) -> String {
    format!(
        "plan is open in another gapdeck: pid {} on {}, since {} — saves still check for \
         outside changes",
        info.pid, info.host, info.started
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::MessageKind;
    use crate::tui::document::{Document, Origin};

    fn app() -> App {
        let loaded = crate::plan::parse(crate::sample::DEFAULT).unwrap();
        App::new(
            Document::new(loaded.plan, Origin::Sample, loaded.problems),
            crate::tui::keymap::Keymap::defaults(),
            crate::tui::theme::Theme::defaults(crate::tui::theme::ColorMode::NoColor),
        )
    }

    #[test]
    fn a_plan_held_by_another_gapdeck_is_warned_and_our_lock_is_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, "x").unwrap();
        // Another gapdeck on another host: never judged stale.
        std::fs::write(
            lock::lock_path(&path),
            "gapdeck lock\npid=4242\nhost=elsewhere\nstarted=2026-01-02T03:04:05Z\n",
        )
        .unwrap();
        let mut second = app();
        assert!(lock_plan(&mut second, &path).is_none());
        let msg = second.ui.message.clone().unwrap();
        assert_eq!(msg.kind, MessageKind::Error);
        assert!(
            msg.text.contains("open in another gapdeck: pid 4242")
                && msg.text.contains("since 2026-01-02T03:04:05Z"),
            "{}",
            msg.text
        );
        std::fs::remove_file(lock::lock_path(&path)).unwrap();
        let mut first = app();
        let held = lock_plan(&mut first, &path);
        assert!(held.is_some());
        assert!(first.ui.message.is_none(), "{:?}", first.ui.message);
        assert!(lock::lock_path(&path).exists());
        drop(held);
        assert!(!lock::lock_path(&path).exists(), "released on drop");
    }
}
