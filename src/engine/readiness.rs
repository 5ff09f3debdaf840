//! Readiness: priority-weighted percent done over non-dropped gaps.
//!
//! Σ weight × progress / Σ weight with `Priority::weight` (Critical 8, High 4, Medium 2,
//! Low 1), as a percent rounded half-up to hundredths. A plan with no non-dropped gaps is
//! 100% ready: nothing is left to do.

use crate::plan::Dec2;

/// The readiness percent from Σ weight × progress and Σ weight over non-dropped gaps
/// (summed while sweeping the gaps, see `graph`).
pub fn percent(num: u128, den: u128) -> Dec2 {
    if den == 0 {
        return Dec2::from_units(100);
    }
    Dec2::from_hundredths(((num * 100 * 2 + den) / (den * 2)) as i64)
}
