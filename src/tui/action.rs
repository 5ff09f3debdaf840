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
    /// Switch to the next view (table → timeline → costs).
    NextView,
    /// Switch to the previous view.
    PreviousView,
    /// Show the gap table.
    ShowTable,
    /// Show the timeline (Gantt) view.
    ShowTimeline,
    /// Show the cost view.
    ShowCosts,
    /// Scroll the timeline earlier in time; in the cost view, select the previous month.
    ScrollEarlier,
    /// Scroll the timeline later in time; in the cost view, select the next month.
    ScrollLater,
    /// Zoom the timeline in (months → weeks → days).
    ZoomIn,
    /// Zoom the timeline out (days → weeks → months).
    ZoomOut,
    /// Scroll the timeline so today is in view.
    ScrollToToday,
    /// Open the fuzzy finder over ids, titles, areas, owners and actions.
    OpenFinder,
    /// Open the command palette over every action.
    OpenPalette,
    /// Show only gaps of one priority (cycles Critical → … → Low → all).
    FilterPriority,
    /// Show only gaps of one status (cycles through the statuses, then all).
    FilterStatus,
    /// Show only gaps of one phase (cycles through the phases, then all).
    FilterPhase,
    /// Show only gaps of one area (cycles through the areas in the plan, then all).
    FilterArea,
    /// Show only gaps of one owner (cycles through the owners in the plan, then all).
    FilterOwner,
    /// Sort gaps within each phase by rank, priority, planned finish or monthly cost.
    CycleSort,
    /// Remove every filter and go back to rank order.
    ClearFilters,
    /// Open the selected gap's notes in $VISUAL/$EDITOR; they come back as an undoable edit.
    EditNotesExternally,
    /// A key typed into the text input.
    #[serde(skip)]
    Type(Input),
    /// Text pasted from the terminal.
    #[serde(skip)]
    Paste(String),
    /// The terminal's size changed (width, height).
    #[serde(skip)]
    Resize(u16, u16),
    /// A left click at a screen cell.
    #[serde(skip)]
    Click { column: u16, row: u16 },
}

impl Action {
    /// Every bindable action, in declaration order (the command palette lists these).
    pub const BINDABLE: [Action; 61] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
        Action::First,
        Action::Last,
        Action::MoveGapUp,
        Action::MoveGapDown,
        Action::SendToNextPhase,
        Action::SendToPreviousPhase,
        Action::PriorityCritical,
        Action::PriorityHigh,
        Action::PriorityMedium,
        Action::PriorityLow,
        Action::CycleStatus,
        Action::PickStatus,
        Action::SetProgress,
        Action::ProgressUp,
        Action::ProgressDown,
        Action::OpenDetail,
        Action::CloseDetail,
        Action::EditField,
        Action::ToggleAction,
        Action::AddActionItem,
        Action::DeleteActionItem,
        Action::AddGap,
        Action::DuplicateGap,
        Action::DeleteGap,
        Action::AddPhase,
        Action::RenamePhase,
        Action::Undo,
        Action::Redo,
        Action::Save,
        Action::SaveAs,
        Action::Quit,
        Action::ToggleHelp,
        Action::ToggleProblems,
        Action::Confirm,
        Action::Cancel,
        Action::Commit,
        Action::NewLine,
        Action::NextView,
        Action::PreviousView,
        Action::ShowTable,
        Action::ShowTimeline,
        Action::ShowCosts,
        Action::ScrollEarlier,
        Action::ScrollLater,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ScrollToToday,
        Action::OpenFinder,
        Action::OpenPalette,
        Action::FilterPriority,
        Action::FilterStatus,
        Action::FilterPhase,
        Action::FilterArea,
        Action::FilterOwner,
        Action::CycleSort,
        Action::ClearFilters,
        Action::EditNotesExternally,
    ];

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
            Action::NextView => "next view",
            Action::PreviousView => "previous view",
            Action::ShowTable => "table view",
            Action::ShowTimeline => "timeline view",
            Action::ShowCosts => "cost view",
            Action::ScrollEarlier => "earlier / previous month",
            Action::ScrollLater => "later / next month",
            Action::ZoomIn => "zoom in (days)",
            Action::ZoomOut => "zoom out (months)",
            Action::ScrollToToday => "scroll to today",
            Action::OpenFinder => "find a gap",
            Action::OpenPalette => "command palette",
            Action::FilterPriority => "filter by priority",
            Action::FilterStatus => "filter by status",
            Action::FilterPhase => "filter by phase",
            Action::FilterArea => "filter by area",
            Action::FilterOwner => "filter by owner",
            Action::CycleSort => "sort: rank/priority/finish/cost",
            Action::ClearFilters => "clear filters and sort",
            Action::EditNotesExternally => "edit notes in $EDITOR",
            Action::Click { .. } => "click",
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

    #[test]
    fn every_default_binding_is_listed_as_bindable() {
        let k = crate::tui::keymap::Keymap::defaults();
        let sections = std::iter::once(crate::tui::keymap::Section::Common).chain(
            crate::tui::mode::Mode::ALL
                .iter()
                .map(|m| crate::tui::keymap::Section::Only(*m)),
        );
        for s in sections {
            for b in k.section(s) {
                assert!(Action::BINDABLE.contains(&b.action), "{:?}", b.action);
            }
        }
    }
}
