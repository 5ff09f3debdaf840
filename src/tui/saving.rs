//! Save and quit requests: which path a save goes to (asking for one when the plan has
//! none), whether quitting needs a question first, and the run loop's report on a save.

use std::path::PathBuf;

use super::app::{App, Overlay, Question};
use super::prompt::{AfterSave, Purpose};
use super::update::{Effect, SaveRequest};

impl App {
    pub(super) fn save(&mut self, then: AfterSave) -> Effect {
        match self.doc.path() {
            Some(p) => Effect::Save(SaveRequest::new(p.clone(), then)),
            None => {
                self.open_save_as(then);
                Effect::None
            }
        }
    }

    pub(super) fn open_save_as(&mut self, then: AfterSave) {
        let suggestion = self
            .doc
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| super::document::suggested_path(&self.doc.plan));
        self.open_prompt(Purpose::SaveAs { then }, &suggestion);
    }

    pub(super) fn quit(&mut self) -> Effect {
        match self.doc.save_state() {
            super::document::SaveState::Saved => Effect::Quit,
            super::document::SaveState::Unsaved => {
                self.ui.overlay = Overlay::Confirm(Question::QuitUnsaved);
                Effect::None
            }
        }
    }

    /// The run loop reports a finished save.
    pub fn saved(&mut self, path: PathBuf) {
        self.info(format!("saved {}", path.display()));
        self.doc.mark_saved(path);
    }

    /// The run loop reports that the file is not what was loaded (or already exists):
    /// ask before replacing it.
    pub fn save_conflict(&mut self, req: SaveRequest, reason: String) {
        self.ui.overlay = Overlay::Confirm(Question::Overwrite {
            path: req.path,
            then: req.then,
            reason,
        });
    }

    /// The run loop reports a failed save; nothing is lost, the plan stays as it is.
    pub fn save_failed(&mut self, path: &std::path::Path, reason: &str) {
        self.error(format!(
            "could not save {}: {reason} — try ctrl-w to save elsewhere",
            path.display()
        ));
    }
}
