//! Bringing unfiltered rows up to date in place after an edit that kept the grouping:
//! values only, or one gap moved within its group. One pass over the rows diffs and
//! rewrites only what changed, instead of laying out every row again.

use super::build::{gap_numbers, phase_row};
use super::{Cells, Row, Rows, Shift};
use crate::engine::Analysis;
use crate::plan::Plan;
use crate::tui::reach::{Gaps, Reach};

impl Rows {
    /// Whether [`Rows::update_in_place`] can carry these rows across `reach` (they must
    /// be unfiltered, and stay so).
    pub fn in_place_ok(&self, reach: Reach) -> bool {
        !self.filtered && !reach.regroup && matches!(reach.gaps, Gaps::Same | Gaps::Moved(_))
    }

    /// Updates unfiltered rows of the plan before an edit of reach `reach` (see
    /// [`Rows::in_place_ok`]) to `plan`, and records the changed cells in `cells`.
    /// Ids and links are left to [`Rows::inherit`].
    pub fn update_in_place(
        &mut self,
        plan: &Plan,
        analysis: &Analysis,
        reach: Reach,
        cells: &mut Cells,
    ) {
        let shift = match reach.gaps {
            Gaps::Moved(s) => Some(s),
            Gaps::Same | Gaps::Any => None,
        };
        cells.reset(plan.gaps.len());
        for row in &mut self.rows {
            match row {
                Row::Phase(p) => *p = phase_row(plan, analysis, p.group, p.gaps),
                Row::Gap(r) => {
                    let g = shift.map_or(r.gap, |s| s.new_index(r.gap));
                    // Priority and status come from the plan only where the edit set them.
                    let kept = (r.priority, r.status);
                    let marks = if reach.marks.include(g) {
                        plan.gaps.get(g).map_or(kept, |x| (x.priority, x.status))
                    } else {
                        kept
                    };
                    let new = gap_numbers(analysis, g, r.group, marks);
                    cells.set(g, new.diff(r));
                    if new != *r {
                        *r = new;
                    }
                }
            }
        }
        if let Some(s) = shift {
            self.reposition(s);
        }
    }

    /// After a move, every row holds its gap's new index but the moved gap's row still
    /// sits where it was: slide it into index order within its group (the rest of the
    /// group is still in order, as a move keeps the others' relative order) and fix
    /// `gap_row` for the indices the move shifted.
    fn reposition(&mut self, s: Shift) {
        let (lo, hi) = (s.from.min(s.to), s.from.max(s.to));
        let Some(&at) = self.gap_row.get(s.from) else {
            return;
        };
        let gap_at = |rows: &[Row], r: usize| match rows.get(r) {
            Some(Row::Gap(g)) => Some(g.gap),
            _ => None,
        };
        let mut r = at;
        if s.to < s.from {
            while r > 0 && gap_at(&self.rows, r - 1).is_some_and(|g| g > s.to) {
                r -= 1;
            }
            self.rows[r..=at].rotate_right(1);
        } else {
            while gap_at(&self.rows, r + 1).is_some_and(|g| g < s.to) {
                r += 1;
            }
            self.rows[at..=r].rotate_left(1);
        }
        // Gaps in lo..=hi changed index; their rows did not, except the slid range.
        let before: Vec<usize> = self.gap_row[lo..=hi].to_vec();
        for j in lo..=hi {
            self.gap_row[j] = before[s.old_index(j) - lo];
        }
        for row in at.min(r)..=at.max(r) {
            if let Some(g) = gap_at(&self.rows, row) {
                self.gap_row[g] = row;
            }
        }
    }
}
