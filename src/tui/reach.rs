//! How far an edit reaches into the table's cached state, read off the `Edit` before it is
//! applied: whether rows must be regrouped, and whether gap indices, ids or dependencies
//! moved. `App::refresh` rebuilds only that, with results identical to a full rebuild.

use super::rows::Shift;
use crate::edit::{Edit, GapField};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    /// Phases, or which phase a gap is in, may have changed: rows are laid out anew.
    pub regroup: bool,
    pub gaps: Gaps,
}

/// What happened to the gaps' indices, ids and dependencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gaps {
    /// The same gaps at the same indices with the same ids and `depends_on`.
    Same,
    /// One gap moved to another index (`Edit::Move`); ids and `depends_on` as they were.
    Moved(Shift),
    /// Anything: gaps added or removed, ids or dependencies changed, another plan.
    Any,
}

impl Reach {
    /// Values at most (or nothing at all).
    pub const VALUES: Reach = Reach {
        regroup: false,
        gaps: Gaps::Same,
    };
    /// Everything.
    pub const ALL: Reach = Reach {
        regroup: true,
        gaps: Gaps::Any,
    };
    const REGROUP: Reach = Reach {
        regroup: true,
        gaps: Gaps::Same,
    };

    pub fn of(edit: &Edit) -> Reach {
        match edit {
            Edit::Set {
                field: GapField::Id(_) | GapField::DependsOn(_),
                ..
            } => Reach::ALL,
            Edit::Set {
                field: GapField::Phase(_),
                ..
            } => Reach::REGROUP,
            Edit::Set { .. } | Edit::ToggleAction { .. } | Edit::RenamePhase { .. } => {
                Reach::VALUES
            }
            Edit::Move { from, to } if from == to => Reach::VALUES,
            Edit::Move { from, to } => Reach {
                regroup: false,
                gaps: Gaps::Moved(Shift {
                    from: *from,
                    to: *to,
                }),
            },
            Edit::InsertGap { .. } | Edit::RemoveGap { .. } => Reach::ALL,
            Edit::InsertPhase { .. } | Edit::RemovePhase { .. } => Reach::REGROUP,
            Edit::Batch(steps) => steps
                .iter()
                .fold(Reach::VALUES, |r, e| r.then(Reach::of(e))),
        }
    }

    /// The reach of `self` followed by `next`.
    pub fn then(self, next: Reach) -> Reach {
        let gaps = match (self.gaps, next.gaps) {
            (Gaps::Same, g) | (g, Gaps::Same) => g,
            _ => Gaps::Any,
        };
        Reach {
            regroup: self.regroup || next.regroup || gaps == Gaps::Any,
            gaps,
        }
    }
}
