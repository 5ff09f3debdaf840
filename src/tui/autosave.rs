//! Unsaved edits to the recovery file at a quiet moment: the run loop reports edits
//! (`after_update`) and ticks; a few seconds after the last edit the plan text goes to
//! `store::recovery`. Saving or quitting cleanly discards it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::app::App;
use super::document::SaveState;
use crate::plan;
use crate::store::recovery::{RecoveryStore, RecoveryTimer};

/// Writes the recovery file of the open plan when edits have been quiet.
#[derive(Debug)]
pub struct RecoveryWriter {
    store: Option<RecoveryStore>,
    timer: RecoveryTimer,
    /// The history state last seen, to notice edits (and undo/redo) after an update.
    seen: u64,
}

impl RecoveryWriter {
    /// `store` is `None` when there is no state directory (then nothing is written).
    pub fn new(store: Option<RecoveryStore>, timer: RecoveryTimer, app: &App) -> Self {
        RecoveryWriter {
            store,
            timer,
            seen: app.doc.history.state_id(),
        }
    }

    /// Call after every update: an edit, undo or redo restarts the quiet period.
    pub fn after_update(&mut self, app: &App, now: Instant) {
        let state = app.doc.history.state_id();
        if state != self.seen {
            self.seen = state;
            self.timer.note_edit(now);
        }
    }

    /// When due, writes the unsaved plan (or removes the file if the edits were undone
    /// back to the saved state). A failure is shown once; the edits stay in memory.
    pub fn tick(&mut self, app: &mut App, now: Instant) {
        if !self.timer.due(now) {
            return;
        }
        self.timer.written();
        let Some(store) = &self.store else { return };
        let key = key(app);
        let result = match app.doc.save_state() {
            SaveState::Unsaved => store
                .write(&key, &plan::to_ron_string(&app.doc.plan))
                .map(|_| ()),
            SaveState::Saved => store.discard(&key),
        };
        if let Err(e) = result {
            app.error(format!(
                "could not write the recovery file in {}: {e} — save soon (ctrl-s)",
                store.dir().display()
            ));
        }
    }

    /// The plan was saved, or the user quit cleanly: the recovery file is not needed.
    pub fn discard(&mut self, app: &App) {
        self.timer.written();
        self.seen = app.doc.history.state_id();
        if let Some(store) = &self.store {
            let _ = store.discard(&key(app));
        }
    }

    /// Removes the recovery file kept under another plan path (the name before save-as).
    pub fn discard_at(&self, plan: &std::path::Path) {
        if let Some(store) = &self.store {
            let _ = store.discard(plan);
        }
    }

    /// How long the loop may sleep before a write could be due.
    pub fn next_wake(&self, now: Instant) -> Option<Duration> {
        self.timer.next_wake(now)
    }
}

/// The plan path the recovery file is keyed by (the file, or where it would be saved).
pub fn key(app: &App) -> PathBuf {
    app.doc
        .path()
        .cloned()
        .unwrap_or_else(|| PathBuf::from(super::document::suggested_path(&app.doc.plan)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    fn app_for(path: &std::path::Path) -> App {
        let opened = crate::store::open_plan(path).unwrap();
        App::new(
            crate::tui::document::Document::new(
                opened.loaded.plan,
                crate::tui::document::Origin::File(path.to_path_buf()),
                opened.loaded.problems,
            ),
            crate::tui::keymap::Keymap::defaults(),
            crate::tui::theme::Theme::defaults(crate::tui::theme::ColorMode::NoColor),
        )
    }

    #[test]
    fn edits_reach_the_recovery_file_only_after_a_quiet_period_and_saving_discards_it() {
        let (dir, path) = crate::tui::tests::fixture::minimal_copy();
        let store = RecoveryStore::at(dir.path().join("state"));
        let mut app = app_for(&path);
        let quiet = Duration::from_secs(3);
        let mut w = RecoveryWriter::new(Some(store.clone()), RecoveryTimer::new(quiet), &app);
        let t0 = Instant::now();
        w.after_update(&app, t0);
        w.tick(&mut app, t0 + quiet);
        assert!(store.find(&path).unwrap().is_none(), "no edit, no file");

        app.update(Action::PriorityLow);
        w.after_update(&app, t0);
        assert_eq!(w.next_wake(t0), Some(quiet));
        w.tick(&mut app, t0 + Duration::from_secs(1));
        assert!(store.find(&path).unwrap().is_none(), "not quiet yet");
        w.tick(&mut app, t0 + quiet);
        let found = store.find(&path).unwrap().expect("recovery file written");
        let recovered = plan::parse(&found.text().unwrap()).unwrap().plan;
        assert_eq!(recovered.gaps[0].priority, crate::plan::Priority::Low);
        assert_eq!(
            w.next_wake(t0 + quiet),
            None,
            "nothing pending after the write"
        );

        app.doc.mark_saved(path.clone());
        w.discard(&app);
        assert!(store.find(&path).unwrap().is_none(), "discarded after save");
    }
}
