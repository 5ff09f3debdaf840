//! Edit operations on a plan, shared by the CLI (`set`, `tick`, `move`) and the TUI.
//! Every edit is checked, applied in place, and returns its inverse, so undo history
//! stores changes rather than copies of the plan.

mod apply;
mod moves;
mod order;

pub use apply::apply;
pub use moves::{Direction, Placement, move_past, move_within_phase, relocate, send_to_phase};
pub use order::{Grouped, Groups, display_order, group_of, grouped};

use crate::plan::{Action, Cost, Estimate, Gap, Phase, Priority, Status};

/// A new value for one field of a gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GapField {
    Title(String),
    Area(Option<String>),
    Priority(Priority),
    Status(Status),
    Phase(Option<String>),
    Estimate(Option<Estimate>),
    Owner(Option<String>),
    Progress(Option<u8>),
    Impact(Option<String>),
    Notes(Option<String>),
    DependsOn(Vec<String>),
    Costs(Vec<Cost>),
    Actions(Vec<Action>),
    Id(String),
}

/// One reversible change to a plan. Gap and phase positions are indices into
/// `plan.gaps` / `plan.phases` at the moment the edit is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Replace one field of a gap.
    Set { gap: usize, field: GapField },
    /// Flip the done mark of action `action` of a gap.
    ToggleAction { gap: usize, action: usize },
    /// Move a gap from one rank position to another (the rest shift).
    Move { from: usize, to: usize },
    /// Insert a gap at a rank position.
    InsertGap { at: usize, gap: Box<Gap> },
    /// Remove the gap at a rank position.
    RemoveGap { at: usize },
    /// Insert a phase at a position.
    InsertPhase { at: usize, phase: Box<Phase> },
    /// Remove the phase at a position (its gaps must have been moved out first).
    RemovePhase { at: usize },
    /// Rename a phase (its display name; the id stays).
    RenamePhase { at: usize, name: String },
    /// Several edits applied as one step (undone in reverse order).
    Batch(Vec<Edit>),
}

/// Why an edit was refused. The plan is unchanged when an edit fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError {
    pub message: String,
    pub fix: Option<String>,
}

impl EditError {
    pub fn new(message: impl Into<String>) -> Self {
        EditError {
            message: message.into(),
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(fix) = &self.fix {
            write!(f, " — {fix}")?;
        }
        Ok(())
    }
}

impl std::error::Error for EditError {}

#[cfg(test)]
mod tests;
