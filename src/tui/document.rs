//! The plan being edited: the plan, its analysis, where it is saved, problems found
//! when it was loaded, and the undo history. Every change goes through `edit::apply`
//! and is followed by a recompute, so the analysis never lags the plan.

use std::collections::HashMap;
use std::path::PathBuf;

use super::history::{History, Step};
use super::reach::Reach;
use crate::edit::{self, Edit, EditError};
use crate::engine::{self, Analysis};
use crate::plan::{self, Plan, Position, Problem};

/// Where the plan came from, which decides what Save does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A plan file: Save writes back to it.
    File(PathBuf),
    /// The built-in sample: Save asks for a path first.
    Sample,
}

/// Whether the plan on screen matches the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Unsaved,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub plan: Plan,
    pub analysis: Analysis,
    pub origin: Origin,
    /// Problems of the plan as it is now; positions refer to the file as it was loaded
    /// (kept for problems that were already there, absent for new ones).
    pub problems: Vec<Problem>,
    /// Where each problem found at load time sat in the file, by (path, message).
    loaded_positions: HashMap<(String, String), Position>,
    pub history: History,
    saved_state: u64,
    /// What the edits since the last [`Document::take_reach`] can have touched.
    reach: Reach,
}

impl Document {
    pub fn new(plan: Plan, origin: Origin, problems: Vec<Problem>) -> Document {
        let analysis = engine::analyze(&plan);
        let loaded_positions = problems
            .iter()
            .filter_map(|p| Some(((p.path.clone(), p.message.clone()), p.pos?)))
            .collect();
        Document {
            plan,
            analysis,
            origin,
            problems,
            loaded_positions,
            history: History::default(),
            saved_state: 0,
            reach: Reach::ALL,
        }
    }

    /// Applies an edit, records its inverse and recomputes. The plan is unchanged on error.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: String,
        focus: Option<String>,
    ) -> Result<(), EditError> {
        let reach = Reach::of(&edit);
        let inverse = edit::apply(&mut self.plan, edit)?;
        self.reach = self.reach.then(reach);
        self.history.record(inverse, label, focus);
        self.recompute();
        Ok(())
    }

    /// What the plan's edits since the last call can have touched (all of it for a new
    /// document); the caller brings its cached state up to date by that much.
    pub fn take_reach(&mut self) -> Reach {
        std::mem::replace(&mut self.reach, Reach::VALUES)
    }

    /// Reverts the newest step; returns it (with its label and focus) when there was one.
    pub fn undo(&mut self) -> Result<Option<Step>, EditError> {
        let Some(step) = self.history.pop_undo() else {
            return Ok(None);
        };
        self.swap_step(step, Direction::Undo).map(Some)
    }

    /// Re-applies the newest undone step.
    pub fn redo(&mut self) -> Result<Option<Step>, EditError> {
        let Some(step) = self.history.pop_redo() else {
            return Ok(None);
        };
        self.swap_step(step, Direction::Redo).map(Some)
    }

    fn swap_step(&mut self, step: Step, dir: Direction) -> Result<Step, EditError> {
        let reach = Reach::of(&step.inverse);
        let inverse = edit::apply(&mut self.plan, step.inverse.clone())?;
        self.reach = self.reach.then(reach);
        let swapped = Step {
            inverse,
            ..step.clone()
        };
        match dir {
            Direction::Undo => self.history.push_redo(swapped),
            Direction::Redo => self.history.push_undo(swapped),
        }
        self.recompute();
        Ok(step)
    }

    /// Analysis and validation are pure and independent: they run side by side (the
    /// validation on a scoped thread), so an edit waits for the slower one, not the sum.
    fn recompute(&mut self) {
        let plan = &self.plan;
        let (analysis, mut problems) = std::thread::scope(|s| {
            let problems = s.spawn(|| plan::validate(plan));
            let analysis = engine::analyze(plan);
            // A panic in validation is a bug; surface it here rather than hide it.
            let problems = problems
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (analysis, problems)
        });
        if !self.loaded_positions.is_empty() {
            for p in &mut problems {
                let key = (p.path.clone(), p.message.clone());
                p.pos = self.loaded_positions.get(&key).copied();
            }
        }
        self.analysis = analysis;
        self.problems = problems;
    }

    pub fn save_state(&self) -> SaveState {
        if self.history.state_id() == self.saved_state {
            SaveState::Saved
        } else {
            SaveState::Unsaved
        }
    }

    /// Records a successful save to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved_state = self.history.state_id();
        self.origin = Origin::File(path);
    }

    /// Marks the plan as never saved (the built-in sample has no file yet).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    pub fn path(&self) -> Option<&PathBuf> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Sample => None,
        }
    }
}

#[derive(Clone, Copy)]
enum Direction {
    Undo,
    Redo,
}

/// A file name for a plan that has none yet: its title in lower-case words, ".ron".
pub fn suggested_path(plan: &Plan) -> String {
    let slug: String = plan
        .title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "plan.ron".into()
    } else {
        format!("{slug}.ron")
    }
}
