//! `App::refresh`: bringing the cached rows, summary and view state up to date after the
//! plan changed, rebuilding only what the edits' reach can have touched.

use super::app::App;
use super::reach::Gaps;
use super::summary::Summary;

impl App {
    /// Rebuilds the cached rows and summary after the plan changed, records which cells
    /// changed, and puts the cursor on gap `focus` (by id) if given.
    pub fn refresh(&mut self, focus: Option<&str>) {
        let reach = self.doc.take_reach();
        // The focused gap is usually the one that was selected: look there before scanning
        // (unless ids repeat, where the scan's first match is the answer).
        let selected = self
            .selected_gap()
            .filter(|_| !self.rows.links.duplicate_ids());
        let (plan, analysis) = (&self.doc.plan, &self.doc.analysis);
        let reach = self.rows.reach_to(reach, plan);
        let summary = Summary::build(plan, analysis);
        self.changes.header = summary.changes_since(&self.summary);
        if !self.views.filter.is_active() && self.rows.in_place_ok(reach) {
            let rows = &mut self.rows;
            rows.update_in_place(plan, analysis, reach, &mut self.changes.cells);
            rows.carry(reach, plan);
        } else {
            let mut rows = std::mem::take(&mut self.spare_rows);
            rows.lay_out(plan, analysis);
            self.views.filter.apply(&mut rows, plan, analysis);
            self.changes.cells.compare(&rows, &self.rows, reach, plan);
            rows.inherit(&mut self.rows, reach, plan);
            self.spare_rows = std::mem::replace(&mut self.rows, rows);
        }
        self.summary = summary;
        self.views.after_recompute(plan, analysis);
        let guess = selected.and_then(|g| match reach.gaps {
            Gaps::Same => Some(g),
            Gaps::Moved(shift) => Some(shift.new_index(g)),
            Gaps::Any => None,
        });
        let target = focus.and_then(|id| {
            guess
                .filter(|&g| plan.gaps.get(g).is_some_and(|x| x.id == id))
                .or_else(|| plan.gaps.iter().position(|g| g.id == id))
        });
        match target {
            Some(g) => self.ui.cursor = self.rows.gap_row[g],
            None => self.ui.cursor = self.ui.cursor.min(self.rows.len().saturating_sub(1)),
        }
        if let Some(g) = self.selected_gap() {
            self.ui.detail = self.ui.detail.min(self.detail_len(g).saturating_sub(1));
        }
    }
}
