//! Readiness: priority-weighted percent done over non-dropped gaps.
//!
//! Σ weight × progress / Σ weight with `Priority::weight` (Critical 8, High 4, Medium 2,
//! Low 1), as a percent rounded half-up to hundredths. A plan with no non-dropped gaps is
//! 100% ready: nothing is left to do.

use crate::plan::{Dec2, Plan, Status};

pub fn readiness(plan: &Plan, progress: &[u8]) -> Dec2 {
    let (mut num, mut den) = (0u128, 0u128);
    for (g, &p) in plan.gaps.iter().zip(progress) {
        if g.status == Status::Dropped {
            continue;
        }
        let w = g.priority.weight() as u128;
        num += w * p as u128;
        den += w;
    }
    if den == 0 {
        return Dec2::from_units(100);
    }
    Dec2::from_hundredths(((num * 100 * 2 + den) / (den * 2)) as i64)
}
