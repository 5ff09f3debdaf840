//! The app's side of what happens to the plan outside gapdeck: the file changed on disk
//! (reload automatically, or ask when there are local edits) and a recovery file left by
//! a crash (offer to restore it). Pure state changes; the run loop does the file I/O.

use super::app::{App, Overlay, Question};
use super::document::{Document, SaveState};
use super::update::Effect;
use crate::plan;

impl App {
    /// The watcher saw the plan file change. Without local edits, reload at once; with
    /// local edits, ask (reload and drop them, or keep them: the next save then asks
    /// before replacing the changed file).
    pub fn outside_change(&mut self) -> Effect {
        match self.doc.save_state() {
            SaveState::Saved => Effect::Reload,
            SaveState::Unsaved => {
                self.ui.overlay = Overlay::Confirm(Question::ReloadChanged);
                Effect::None
            }
        }
    }

    /// The watcher saw the plan file disappear.
    pub fn outside_removed(&mut self) {
        self.error(
            "the plan file was removed or renamed on disk — save (ctrl-s) to write it again",
        );
    }

    /// The run loop loaded the plan again after an outside change; the cursor stays on
    /// the same gap when it still exists.
    pub fn reloaded(&mut self, doc: Document) {
        let focus = self.selected_id();
        self.doc = doc;
        self.ui.overlay = Overlay::None;
        self.refresh(focus.as_deref());
        self.info("reloaded: plan changed on disk");
    }

    /// A recovery file from an earlier session exists: ask whether to restore it.
    pub fn offer_restore(&mut self, saved: String, text: String) {
        self.ui.overlay = Overlay::Confirm(Question::Restore { saved, text });
    }

    /// Restores recovered text as the current plan, marked unsaved. The recovery file is
    /// kept until the next save, so a bad restore loses nothing.
    pub(super) fn restore(&mut self, text: &str) {
        self.ui.overlay = Overlay::None;
        match plan::parse(text) {
            Ok(loaded) => {
                let focus = self.selected_id();
                let mut doc = Document::new(loaded.plan, self.doc.origin.clone(), loaded.problems);
                doc.mark_unsaved();
                self.doc = doc;
                self.refresh(focus.as_deref());
                self.info("restored unsaved changes — save (ctrl-s) to keep them");
            }
            Err(e) => self.error(format!(
                "could not restore the unsaved changes: {e} — the recovery file is kept"
            )),
        }
    }

    fn selected_id(&self) -> Option<String> {
        self.selected_gap()
            .and_then(|g| self.doc.plan.gaps.get(g))
            .map(|g| g.id.clone())
    }
}

#[cfg(test)]
#[path = "outside_tests.rs"]
mod tests;
