//! Rank moves as a user sees them: gaps are shown grouped by phase (in phase order,
//! unphased last), so "up" means past the neighbour in that view, crossing into the
//! neighbouring phase at a group boundary.

use super::order::{Groups, display_order, group_of};
use super::{Edit, EditError, GapField};
use crate::plan::Plan;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Where to put a gap relative to another one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Before,
    After,
}

/// Index a gap must be moved to so it lands right before/after `target`.
fn move_target(gap: usize, target: usize, place: Placement) -> usize {
    match (place, gap < target) {
        (Placement::Before, true) => target - 1,
        (Placement::Before, false) => target,
        (Placement::After, true) => target,
        (Placement::After, false) => target + 1,
    }
}

/// Moves `gap` next to `target` and into `target`'s phase: one undoable step.
pub fn relocate(
    plan: &Plan,
    gap: usize,
    target: usize,
    place: Placement,
) -> Result<Edit, EditError> {
    if gap >= plan.gaps.len() || target >= plan.gaps.len() {
        return Err(EditError::new("no such gap"));
    }
    if gap == target {
        return Err(EditError::new(format!(
            "cannot move '{}' relative to itself",
            plan.gaps[gap].id
        )));
    }
    let mut steps = Vec::new();
    let target_phase = plan.gaps[target].phase.clone();
    if plan.gaps[gap].phase != target_phase {
        steps.push(Edit::Set {
            gap,
            field: GapField::Phase(target_phase),
        });
    }
    steps.push(Edit::Move {
        from: gap,
        to: move_target(gap, target, place),
    });
    Ok(if steps.len() == 1 {
        steps.pop().expect("one step")
    } else {
        Edit::Batch(steps)
    })
}

/// Moves `gap` one place up or down in display order, crossing into the neighbouring
/// phase at a group boundary.
pub fn move_within_phase(plan: &Plan, gap: usize, dir: Direction) -> Result<Edit, EditError> {
    if gap >= plan.gaps.len() {
        return Err(EditError::new("no such gap"));
    }
    let order = display_order(plan);
    let pos = order
        .iter()
        .position(|&g| g == gap)
        .expect("every gap is displayed");
    let neighbour = match dir {
        Direction::Up if pos > 0 => Some(order[pos - 1]),
        Direction::Down if pos + 1 < order.len() => Some(order[pos + 1]),
        _ => None,
    };
    move_past(plan, gap, neighbour, dir)
}

/// [`move_within_phase`] for a caller that already knows `gap`'s neighbour in display
/// order in direction `dir` (`None`: it is first/last), saving the sort of every gap.
pub fn move_past(
    plan: &Plan,
    gap: usize,
    neighbour: Option<usize>,
    dir: Direction,
) -> Result<Edit, EditError> {
    if gap >= plan.gaps.len() {
        return Err(EditError::new("no such gap"));
    }
    let place = match dir {
        Direction::Up => Placement::Before,
        Direction::Down => Placement::After,
    };
    let Some(neighbour) = neighbour else {
        return Err(EditError::new(format!(
            "'{}' is already {}",
            plan.gaps[gap].id,
            if dir == Direction::Up {
                "first"
            } else {
                "last"
            }
        )));
    };
    if group_of(plan, neighbour) == group_of(plan, gap) {
        return relocate(plan, gap, neighbour, place);
    }
    // Crossing a phase boundary: join the neighbour's phase at the near end.
    let flipped = match place {
        Placement::Before => Placement::After,
        Placement::After => Placement::Before,
    };
    relocate(plan, gap, neighbour, flipped)
}

/// Sends `gap` to the next or previous phase (unphased counts as after the last),
/// placing it last in that phase's group. Skips nothing: empty phases are valid targets.
pub fn send_to_phase(plan: &Plan, gap: usize, dir: Direction) -> Result<Edit, EditError> {
    if gap >= plan.gaps.len() {
        return Err(EditError::new("no such gap"));
    }
    let cur = group_of(plan, gap);
    let next = match dir {
        Direction::Up if cur > 0 => cur - 1,
        Direction::Down if cur < plan.phases.len() => cur + 1,
        _ => {
            return Err(EditError::new(format!(
                "'{}' is already in the {} phase",
                plan.gaps[gap].id,
                if dir == Direction::Up {
                    "first"
                } else {
                    "last"
                }
            )));
        }
    };
    let phase = plan.phases.get(next).map(|p| p.id.clone());
    let mut steps = vec![Edit::Set {
        gap,
        field: GapField::Phase(phase),
    }];
    // The last of a group in display order is its last in plan order.
    let mut groups = Groups::new(plan);
    let last_in_group = (0..plan.gaps.len())
        .rev()
        .find(|&g| g != gap && groups.of(&plan.gaps[g]) == next);
    if let Some(last) = last_in_group {
        steps.push(Edit::Move {
            from: gap,
            to: move_target(gap, last, Placement::After),
        });
    }
    Ok(Edit::Batch(steps))
}
