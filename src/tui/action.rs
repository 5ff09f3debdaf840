//! Everything the TUI can do, as data. Keys map to these (keymap.rs) and `App::update`
//! carries them out; the snake_case serde name is the word used in keymap files, the
//! help screen and (later) the command palette.

use ratatui_textarea::Input;
use serde::{Deserialize, Serialize};

use crate::plan::Priority;

/// One user intent. Variants without data are bindable; the rest come from the terminal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the cursor down one row.
    MoveDown,
    /// Move the cursor up one row.
    MoveUp,
    /// Move the cursor down one page.
    PageDown,
    /// Move the cursor up one page.
    PageUp,
    /// Jump to the first row.
    First,
    /// Jump to the last row.
    Last,
    /// Move the selected gap one place up (crosses into the previous phase).
    MoveGapUp,
    /// Move the selected gap one place down (crosses into the next phase).
    MoveGapDown,
    /// Send the selected gap to the end of the next phase.
    SendToNextPhase,
    /// Send the selected gap to the end of the previous phase.
    SendToPreviousPhase,
    /// Set the selected gap's priority to Critical.
    PriorityCritical,
    /// Set the selected gap's priority to High.
    PriorityHigh,
    /// Set the selected gap's priority to Medium.
    PriorityMedium,
    /// Set the selected gap's priority to Low.
    PriorityLow,
    /// Cycle the selected gap's status to the next one.
    CycleStatus,
    /// Pick the selected gap's status from a list.
    PickStatus,
    /// Type a progress percent for the selected gap.
    SetProgress,
    /// Raise the selected gap's progress by 10 points.
    ProgressUp,
    /// Lower the selected gap's progress by 10 points.
    ProgressDown,
    /// Open the detail pane of the selected gap.
    OpenDetail,
    /// Close the detail pane and go back to the table.
    CloseDetail,
    /// Edit the focused field in place (in the detail pane).
    EditField,
    /// Tick or untick the focused action in the checklist.
    ToggleAction,
    /// Add an action to the selected gap's checklist.
    AddActionItem,
    /// Delete the focused action from the checklist.
    DeleteActionItem,
    /// Add a new gap after the selected one.
    AddGap,
    /// Duplicate the selected gap.
    DuplicateGap,
    /// Delete the selected gap (asks first; undoable).
    DeleteGap,
    /// Add a new phase after the current one.
    AddPhase,
    /// Rename the phase the cursor is in.
    RenamePhase,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Save the plan to its file.
    Save,
    /// Save the plan to a new path.
    SaveAs,
    /// Quit (asks first when there are unsaved changes).
    Quit,
    /// Show or hide the key help.
    ToggleHelp,
    /// Show or hide the problems pane.
    ToggleProblems,
    /// Answer yes / accept the highlighted choice.
    Confirm,
    /// Answer no / close the dialog or input without changes.
    Cancel,
    /// Accept the text being edited (validated first).
    Commit,
    /// Insert a line break in a multi-line text field.
    NewLine,
    /// A key typed into the text input.
    #[serde(skip)]
    Type(Input),
    /// Text pasted from the terminal.
    #[serde(skip)]
    Paste(String),
    /// The terminal's size changed (width, height).
    #[serde(skip)]
    Resize(u16, u16),
}

impl Action {
    /// The priority a `Priority*` action sets.
    pub fn priority(&self) -> Option<Priority> {
        match self {
            Action::PriorityCritical => Some(Priority::Critical),
            Action::PriorityHigh => Some(Priority::High),
            Action::PriorityMedium => Some(Priority::Medium),
            Action::PriorityLow => Some(Priority::Low),
            _ => None,
        }
    }

    /// The keymap/palette word for this action ("move_down").
    pub fn name(&self) -> String {
        ron::to_string(self).unwrap_or_else(|_| format!("{self:?}"))
    }

    /// The one-line description shown in help (the variant's doc, kept here by hand).
    pub fn describe(&self) -> &'static str {
        match self {
            Action::MoveDown => "down",
            Action::MoveUp => "up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::First => "first row",
            Action::Last => "last row",
            Action::MoveGapUp => "move gap up",
            Action::MoveGapDown => "move gap down",
            Action::SendToNextPhase => "send to next phase",
            Action::SendToPreviousPhase => "send to previous phase",
            Action::PriorityCritical => "priority Critical",
            Action::PriorityHigh => "priority High",
            Action::PriorityMedium => "priority Medium",
            Action::PriorityLow => "priority Low",
            Action::CycleStatus => "cycle status",
            Action::PickStatus => "pick status",
            Action::SetProgress => "set progress %",
            Action::ProgressUp => "progress +10",
            Action::ProgressDown => "progress -10",
            Action::OpenDetail => "open details",
            Action::CloseDetail => "close details",
            Action::EditField => "edit field",
            Action::ToggleAction => "tick action",
            Action::AddActionItem => "add action",
            Action::DeleteActionItem => "delete action",
            Action::AddGap => "add gap",
            Action::DuplicateGap => "duplicate gap",
            Action::DeleteGap => "delete gap",
            Action::AddPhase => "add phase",
            Action::RenamePhase => "rename phase",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Save => "save",
            Action::SaveAs => "save as",
            Action::Quit => "quit",
            Action::ToggleHelp => "help",
            Action::ToggleProblems => "problems",
            Action::Confirm => "yes",
            Action::Cancel => "cancel",
            Action::Commit => "accept",
            Action::NewLine => "new line",
            Action::Type(_) => "type",
            Action::Paste(_) => "paste",
            Action::Resize(..) => "resize",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_snake_case_words() {
        assert_eq!(Action::MoveGapDown.name(), "move_gap_down");
        let back: Action = ron::from_str("send_to_next_phase").unwrap();
        assert_eq!(back, Action::SendToNextPhase);
    }
}
