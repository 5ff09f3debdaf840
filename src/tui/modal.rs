//! Keys while a dialog or overlay is open: the text input, yes/no questions, the status
//! picker, the help screen and the problem list.

use super::action::Action;
use super::app::{App, Overlay, Question};
use super::prompt::AfterSave;
use super::update::{Effect, Overwrite, SaveRequest, step};
use crate::plan::Status;

impl App {
    pub(super) fn update_input(&mut self, action: Action) -> Effect {
        let Overlay::Prompt(prompt) = &mut self.ui.overlay else {
            return Effect::None;
        };
        match action {
            Action::Type(input) => prompt.input(input),
            Action::Paste(text) => prompt.paste(&text),
            Action::NewLine => prompt.new_line(),
            Action::Cancel => self.ui.overlay = Overlay::None,
            Action::Commit => return self.commit_prompt(),
            _ => {}
        }
        Effect::None
    }

    pub(super) fn update_confirm(&mut self, action: Action) -> Effect {
        let Overlay::Confirm(question) = &self.ui.overlay else {
            return Effect::None;
        };
        let question = question.clone();
        match (action, question) {
            (Action::Confirm, Question::ReloadChanged) => {
                self.ui.overlay = Overlay::None;
                return Effect::Reload;
            }
            (Action::Cancel, Question::ReloadChanged) => {
                self.ui.overlay = Overlay::None;
                self.info("kept your edits — saving will ask before replacing the changed file");
            }
            (Action::Confirm, Question::Restore { text, .. }) => self.restore(&text),
            (Action::Cancel, Question::Restore { .. }) => {
                self.ui.overlay = Overlay::None;
                self.info("discarded the unsaved changes from the recovery file");
                return Effect::DiscardRecovery;
            }
            (Action::Cancel, _) => self.ui.overlay = Overlay::None,
            (Action::Confirm, Question::DeleteGap { gap }) => {
                self.ui.overlay = Overlay::None;
                self.delete_gap(gap);
            }
            (Action::Confirm, Question::QuitUnsaved) => return Effect::Quit,
            (Action::Confirm, Question::Overwrite { path, then, .. }) => {
                self.ui.overlay = Overlay::None;
                return Effect::Save(SaveRequest {
                    path,
                    then,
                    overwrite: Overwrite::Confirmed,
                });
            }
            (Action::Save, Question::QuitUnsaved) => {
                self.ui.overlay = Overlay::None;
                return self.save(AfterSave::Quit);
            }
            _ => {}
        }
        Effect::None
    }

    pub(super) fn update_picker(&mut self, action: Action) {
        let Overlay::StatusPicker { gap, choice } = self.ui.overlay else {
            return;
        };
        match action {
            Action::MoveDown | Action::MoveUp => {
                let delta = if action == Action::MoveDown { 1 } else { -1 };
                self.ui.overlay = Overlay::StatusPicker {
                    gap,
                    choice: step(choice, delta, Status::ALL.len()),
                };
            }
            Action::Confirm => {
                self.ui.overlay = Overlay::None;
                self.set_status(gap, Status::ALL[choice]);
            }
            Action::Cancel => self.ui.overlay = Overlay::None,
            _ => {}
        }
    }

    pub(super) fn update_help(&mut self, action: Action) {
        let page = self.page() as isize;
        let delta = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::ToggleHelp | Action::Cancel => {
                self.ui.overlay = Overlay::None;
                return;
            }
            _ => return,
        };
        let lines = super::view::help_line_count(self);
        self.ui.help_scroll = step(self.ui.help_scroll, delta, lines);
    }

    pub(super) fn update_problems(&mut self, action: Action) {
        let n = self.doc.problems.len();
        match action {
            Action::MoveDown => self.ui.problem = step(self.ui.problem, 1, n),
            Action::MoveUp => self.ui.problem = step(self.ui.problem, -1, n),
            Action::Confirm => {
                self.ui.overlay = Overlay::None;
                self.jump_to_problem();
            }
            Action::ToggleProblems | Action::Cancel => self.ui.overlay = Overlay::None,
            _ => {}
        }
    }

    /// Puts the cursor on the gap a problem is about (`gaps[3].…` → gap 3).
    fn jump_to_problem(&mut self) {
        let Some(p) = self.doc.problems.get(self.ui.problem) else {
            return;
        };
        let index = p
            .path
            .strip_prefix("gaps[")
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse::<usize>().ok());
        if let Some(row) = index.and_then(|g| self.rows.gap_row.get(g).copied()) {
            self.ui.cursor = row;
            self.keep_cursor_visible();
        }
    }
}
