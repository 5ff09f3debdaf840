//! Undo and redo as stacks of inverse edits (what `edit::apply` hands back), with no
//! limit. Each step has an id so "unsaved changes" survives undoing past a save.

use crate::edit::Edit;

/// One undoable step: the edit that reverses it, and what to show after.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: u64,
    pub inverse: Edit,
    /// Short description ("priority of 'backups'") for messages.
    pub label: String,
    /// Gap id to put the cursor on after undo/redo.
    pub focus: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
}

impl History {
    /// Records a fresh edit; anything that was redoable is dropped.
    pub fn record(&mut self, inverse: Edit, label: String, focus: Option<String>) {
        self.next_id += 1;
        self.redo.clear();
        self.undo.push(Step {
            id: self.next_id,
            inverse,
            label,
            focus,
        });
    }

    pub fn pop_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    pub fn pop_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    /// Stores the inverse of an undone step so it can be redone.
    pub fn push_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// Stores the inverse of a redone step so it can be undone again.
    pub fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
    }

    /// Identifies the current state: the id of the newest applied step (0 = as loaded).
    pub fn state_id(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.id)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
