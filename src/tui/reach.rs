//! How far an edit reaches into the table's cached state, read off the `Edit` before it is
//! applied: values only, one gap moved, or anything. `App::refresh` rebuilds only what the
//! reach says can have changed, with results identical to a rebuild from scratch.

use super::rows::Shift;
use crate::edit::{Edit, GapField};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Values only (or nothing): gap indices, ids and `depends_on` are as they were;
    /// phases and which phase a gap is in may differ.
    Values,
    /// One gap moved to another index (`Edit::Move`); ids and `depends_on` as they were.
    Moved(Shift),
    /// Anything: gaps added or removed, ids or dependencies changed, another plan.
    All,
}

impl Reach {
    pub fn of(edit: &Edit) -> Reach {
        match edit {
            Edit::Set {
                field: GapField::Id(_) | GapField::DependsOn(_),
                ..
            } => Reach::All,
            Edit::Set { .. } | Edit::ToggleAction { .. } => Reach::Values,
            Edit::Move { from, to } if from == to => Reach::Values,
            Edit::Move { from, to } => Reach::Moved(Shift {
                from: *from,
                to: *to,
            }),
            Edit::InsertGap { .. } | Edit::RemoveGap { .. } => Reach::All,
            Edit::InsertPhase { .. } | Edit::RemovePhase { .. } | Edit::RenamePhase { .. } => {
                Reach::Values
            }
            Edit::Batch(steps) => steps
                .iter()
                .fold(Reach::Values, |r, e| r.then(Reach::of(e))),
        }
    }

    /// The reach of `self` followed by `next`.
    pub fn then(self, next: Reach) -> Reach {
        match (self, next) {
            (Reach::Values, r) | (r, Reach::Values) => r,
            _ => Reach::All,
        }
    }
}
