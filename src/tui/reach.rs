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
    /// Which gaps' priority or status (the row values read from the plan, not the
    /// analysis) may differ; a move carries them along with the gap.
    pub marks: Marks,
}

/// Gaps whose priority or status an edit may have set (indices after the edit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marks {
    None,
    Gap(usize),
    Any,
}

impl Marks {
    pub fn include(self, g: usize) -> bool {
        match self {
            Marks::None => false,
            Marks::Gap(x) => x == g,
            Marks::Any => true,
        }
    }
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
        marks: Marks::None,
    };
    /// Everything.
    pub const ALL: Reach = Reach {
        regroup: true,
        gaps: Gaps::Any,
        marks: Marks::Any,
    };
    const REGROUP: Reach = Reach {
        regroup: true,
        gaps: Gaps::Same,
        marks: Marks::Any,
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
            Edit::Set {
                gap,
                field: GapField::Priority(_) | GapField::Status(_),
            } => Reach {
                marks: Marks::Gap(*gap),
                ..Reach::VALUES
            },
            Edit::Set { .. } | Edit::ToggleAction { .. } | Edit::RenamePhase { .. } => {
                Reach::VALUES
            }
            Edit::Move { from, to } if from == to => Reach::VALUES,
            Edit::Move { from, to } => Reach {
                gaps: Gaps::Moved(Shift {
                    from: *from,
                    to: *to,
                }),
                ..Reach::VALUES
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
        // Marks name indices after their edit: one made before a later move is stale.
        let marks = match (self.marks, next.marks) {
            (Marks::None, m) => m,
            (m, Marks::None) if next.gaps == Gaps::Same => m,
            (Marks::Gap(a), Marks::Gap(b)) if a == b && next.gaps == Gaps::Same => Marks::Gap(a),
            _ => Marks::Any,
        };
        Reach {
            regroup: self.regroup || next.regroup || gaps == Gaps::Any,
            gaps,
            marks: if gaps == Gaps::Any { Marks::Any } else { marks },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_priority(gap: usize) -> Edit {
        Edit::Set {
            gap,
            field: GapField::Priority(crate::plan::Priority::High),
        }
    }

    #[test]
    fn a_mark_before_a_move_is_stale_and_widens_to_every_gap() {
        let moved = Edit::Move { from: 3, to: 5 };
        let r = Reach::of(&Edit::Batch(vec![set_priority(3), moved.clone()]));
        assert_eq!(r.marks, Marks::Any);
        let r = Reach::of(&Edit::Batch(vec![moved, set_priority(5)]));
        assert_eq!((r.marks, r.regroup), (Marks::Gap(5), false));
        assert!(matches!(r.gaps, Gaps::Moved(_)));
        let r = Reach::of(&Edit::Batch(vec![set_priority(1), set_priority(2)]));
        assert_eq!(r.marks, Marks::Any);
        let two_moves = Edit::Batch(vec![Edit::Move { from: 1, to: 2 }; 2]);
        assert_eq!(Reach::of(&two_moves), Reach::ALL);
    }
}
