//! `App::update`: one Action in, state changed, one Effect out. No file or terminal I/O
//! here; the run loop carries out the Effect. Dialogs and overlays are handled in
//! modal.rs, saving and quitting in saving.rs, plan edits in commands.rs.

use std::path::PathBuf;

use super::action::Action;
use super::app::{App, DetailItem, Focus, Overlay};
use super::fields::Field;
use super::mode::Mode;
use super::prompt::{AfterSave, Prompt, Purpose};
use crate::plan::Status;

/// What the run loop must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Write the plan, then report back with `App::saved`, `App::save_conflict` or
    /// `App::save_failed`.
    Save(SaveRequest),
    Quit,
    /// Suspend the terminal, edit this text in the user's editor, then report back with
    /// `App::notes_edited` (or `App::notes_edit_failed`).
    EditNotes(NotesRequest),
    /// Load the plan file again (outside change) and report back with `App::reloaded`.
    Reload,
    /// Delete the recovery file of the open plan (the user declined to restore it).
    DiscardRecovery,
}

/// Notes of gap `id` to edit outside gapdeck.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotesRequest {
    pub id: String,
    pub text: String,
}

/// A save to carry out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveRequest {
    pub path: PathBuf,
    pub then: AfterSave,
    pub overwrite: Overwrite,
}

/// Whether a save may replace a file that is not what gapdeck loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse if the file changed since it was loaded (or exists, for a new path).
    IfUnchanged,
    /// The user confirmed replacing whatever is there.
    Confirmed,
}

impl SaveRequest {
    pub fn new(path: PathBuf, then: AfterSave) -> SaveRequest {
        SaveRequest {
            path,
            then,
            overwrite: Overwrite::IfUnchanged,
        }
    }
}

impl App {
    pub fn update(&mut self, action: Action) -> Effect {
        if let Action::Resize(w, h) = action {
            self.ui.size = (w, h);
            self.keep_cursor_visible();
            return Effect::None;
        }
        self.ui.message = None;
        match self.mode() {
            Mode::Input => self.update_input(action),
            Mode::Confirm => self.update_confirm(action),
            Mode::Picker => {
                self.update_picker(action);
                Effect::None
            }
            Mode::Help => {
                self.update_help(action);
                Effect::None
            }
            Mode::Problems => {
                self.update_problems(action);
                Effect::None
            }
            // Views, finder and palette (views.rs) see the action first; what they do not
            // take goes to the table/detail handling below.
            Mode::Table
            | Mode::Detail
            | Mode::Timeline
            | Mode::Costs
            | Mode::Finder
            | Mode::Palette => match self.update_views(action) {
                super::views::Routed::Done(effect) => effect,
                super::views::Routed::Main(action) => self.update_main(action),
            },
        }
    }

    fn update_main(&mut self, action: Action) -> Effect {
        if let Some(p) = action.priority() {
            self.set_priority(p);
            return Effect::None;
        }
        match action {
            Action::MoveDown => self.move_cursor(1),
            Action::MoveUp => self.move_cursor(-1),
            Action::PageDown => self.move_cursor(self.page() as isize),
            Action::PageUp => self.move_cursor(-(self.page() as isize)),
            Action::First => self.move_cursor(isize::MIN / 2),
            Action::Last => self.move_cursor(isize::MAX / 2),
            Action::MoveGapUp => self.move_gap(crate::edit::Direction::Up),
            Action::MoveGapDown => self.move_gap(crate::edit::Direction::Down),
            Action::SendToPreviousPhase => self.send_gap(crate::edit::Direction::Up),
            Action::SendToNextPhase => self.send_gap(crate::edit::Direction::Down),
            Action::CycleStatus => self.cycle_status(),
            Action::PickStatus => self.open_status_picker(),
            Action::SetProgress => self.edit_field(Field::Progress),
            Action::ProgressUp => self.step_progress(10),
            Action::ProgressDown => self.step_progress(-10),
            Action::OpenDetail => self.open_detail(),
            Action::CloseDetail => self.ui.focus = Focus::Table,
            Action::EditField => self.edit_focused(),
            Action::ToggleAction => self.toggle_focused_action(),
            Action::AddActionItem => self.open_new_action(),
            Action::DeleteActionItem => self.delete_focused_action(),
            Action::AddGap => self.open_new_gap(),
            Action::DuplicateGap => self.duplicate_gap(),
            Action::DeleteGap => self.ask_delete_gap(),
            Action::AddPhase => self.open_new_phase(),
            Action::RenamePhase => self.open_rename_phase(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => return self.save(AfterSave::Stay),
            Action::SaveAs => self.open_save_as(AfterSave::Stay),
            Action::Quit => return self.quit(),
            Action::ToggleHelp => {
                self.ui.help_scroll = 0;
                self.ui.overlay = Overlay::Help;
            }
            Action::ToggleProblems => self.ui.overlay = Overlay::Problems,
            _ => {}
        }
        Effect::None
    }

    /// Rows the table shows at the current size (at least one).
    pub fn page(&self) -> usize {
        super::view::table_body_height(self).max(1)
    }

    fn move_cursor(&mut self, delta: isize) {
        match self.ui.focus {
            Focus::Detail => {
                let Some(g) = self.selected_gap() else { return };
                let len = self.detail_len(g);
                self.ui.detail = step(self.ui.detail, delta, len);
            }
            Focus::Table => {
                self.ui.cursor = step(self.ui.cursor, delta, self.rows.len());
                self.keep_cursor_visible();
            }
        }
    }

    pub(crate) fn keep_cursor_visible(&mut self) {
        let h = self.page();
        if self.ui.cursor < self.ui.scroll {
            self.ui.scroll = self.ui.cursor;
        } else if self.ui.cursor >= self.ui.scroll + h {
            self.ui.scroll = self.ui.cursor + 1 - h;
        }
    }

    fn open_detail(&mut self) {
        if self.selected_gap().is_some() {
            self.ui.focus = Focus::Detail;
            self.ui.detail = 0;
        } else {
            self.error("put the cursor on a gap to see its details");
        }
    }

    fn edit_focused(&mut self) {
        match (self.ui.focus, self.detail_item()) {
            (Focus::Detail, Some(DetailItem::Field(Field::Status))) => self.open_status_picker(),
            (Focus::Detail, Some(DetailItem::Field(f))) => self.edit_field(f),
            (Focus::Detail, Some(DetailItem::Action(i))) => {
                if let Some(g) = self.selected_gap() {
                    let text = self.doc.plan.gaps[g].actions[i].text.clone();
                    self.open_prompt(Purpose::ActionText { gap: g, action: i }, &text);
                }
            }
            _ => self.edit_field(Field::Title),
        }
    }

    fn edit_field(&mut self, field: Field) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let text = field.text(&self.doc.plan.gaps[g]);
        self.open_prompt(Purpose::Field { gap: g, field }, &text);
    }

    pub(crate) fn open_prompt(&mut self, purpose: Purpose, text: &str) {
        self.ui.overlay = Overlay::Prompt(Box::new(Prompt::new(purpose, text)));
    }

    fn open_status_picker(&mut self) {
        let Some(g) = self.gap_or_complain() else {
            return;
        };
        let current = self.doc.plan.gaps[g].status;
        let choice = Status::ALL.iter().position(|s| *s == current).unwrap_or(0);
        self.ui.overlay = Overlay::StatusPicker { gap: g, choice };
    }

    pub(crate) fn gap_or_complain(&mut self) -> Option<usize> {
        let g = self.selected_gap();
        if g.is_none() {
            self.error("put the cursor on a gap first (this row is a phase)");
        }
        g
    }
}

/// `i + delta` clamped to `0..len`.
pub(super) fn step(i: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let j = i as isize + delta;
    j.clamp(0, len as isize - 1) as usize
}
