//! Filters (priority, status, phase, area, owner) and sort modes (rank, priority,
//! planned finish, monthly cost) over the table rows. Applied once per rebuild of the
//! rows; every gap row keeps its real `plan.gaps` index, so edits act on the right gap.

use super::rows::{Row, Rows};
use crate::engine::Analysis;
use crate::plan::{Plan, Priority, Status};

/// How gaps are ordered within their phase.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortMode {
    /// The plan's rank order (the order edits move gaps in).
    #[default]
    Rank,
    Priority,
    PlannedFinish,
    /// Highest monthly cost (high end) first.
    MonthlyCost,
}

impl SortMode {
    pub fn next(self) -> SortMode {
        match self {
            SortMode::Rank => SortMode::Priority,
            SortMode::Priority => SortMode::PlannedFinish,
            SortMode::PlannedFinish => SortMode::MonthlyCost,
            SortMode::MonthlyCost => SortMode::Rank,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SortMode::Rank => "rank",
            SortMode::Priority => "priority",
            SortMode::PlannedFinish => "planned finish",
            SortMode::MonthlyCost => "monthly cost",
        }
    }
}

/// Which gaps the table, timeline and finder show. `None` fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub priority: Option<Priority>,
    pub status: Option<Status>,
    /// Phase id.
    pub phase: Option<String>,
    pub area: Option<String>,
    pub owner: Option<String>,
    pub sort: SortMode,
}

/// The next value in `values` after `current`, wrapping to `None` after the last.
pub fn cycle<T: Clone + PartialEq>(current: &Option<T>, values: &[T]) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(c) => {
            let i = values.iter().position(|v| v == c);
            i.and_then(|i| values.get(i + 1)).cloned()
        }
    }
}

impl Filter {
    /// Whether any filter or a non-default sort is on.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// "priority=Critical area=Data · sort: planned finish" for the title bar.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = self.priority {
            parts.push(format!("priority={}", p.name()));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.name()));
        }
        let named = [
            ("phase", &self.phase),
            ("area", &self.area),
            ("owner", &self.owner),
        ];
        for (key, v) in named {
            if let Some(v) = v {
                parts.push(format!("{key}={v}"));
            }
        }
        if self.sort != SortMode::Rank {
            parts.push(format!("sort: {}", self.sort.name()));
        }
        parts.join(" ")
    }

    fn matches(&self, plan: &Plan, g: usize) -> bool {
        let gap = &plan.gaps[g];
        let eq = |want: &Option<String>, have: &Option<String>| {
            want.as_ref().is_none_or(|w| have.as_ref() == Some(w))
        };
        self.priority.is_none_or(|p| gap.priority == p)
            && self.status.is_none_or(|s| gap.status == s)
            && eq(&self.phase, &gap.phase)
            && eq(&self.area, &gap.area)
            && eq(&self.owner, &gap.owner)
    }

    /// Drops gap rows that do not match and sorts each phase's gaps; phase rows stay
    /// (with their shown count) so phase lookups by index keep working. Hidden gaps map
    /// to their phase's header row.
    pub fn apply(&self, rows: &mut Rows, plan: &Plan, analysis: &Analysis) {
        if !self.is_active() {
            return;
        }
        rows.filtered = true;
        let old = std::mem::take(&mut rows.rows);
        let mut out: Vec<Row> = Vec::with_capacity(old.len());
        let mut group: Vec<Row> = Vec::new();
        let mut header: Option<usize> = None;
        rows.group_rows.clear();
        let flush =
            |out: &mut Vec<Row>, group: &mut Vec<Row>, header: Option<usize>, rows: &mut Rows| {
                self.sort_group(group, plan, analysis);
                if let Some(h) = header
                    && let Some(Row::Phase(p)) = out.get_mut(h)
                {
                    p.gaps = group.len();
                }
                for r in group.drain(..) {
                    if let Row::Gap(g) = &r {
                        rows.gap_row[g.gap] = out.len();
                    }
                    out.push(r);
                }
            };
        for row in old {
            match row {
                Row::Phase(p) => {
                    flush(&mut out, &mut group, header, rows);
                    header = Some(out.len());
                    rows.group_rows.push(out.len());
                    out.push(Row::Phase(p));
                }
                Row::Gap(g) => {
                    if self.matches(plan, g.gap) {
                        group.push(Row::Gap(g));
                    } else {
                        rows.gap_row[g.gap] = header.unwrap_or(0);
                    }
                }
            }
        }
        flush(&mut out, &mut group, header, rows);
        rows.rows = out;
    }

    fn sort_group(&self, group: &mut [Row], plan: &Plan, analysis: &Analysis) {
        let gap = |r: &Row| match r {
            Row::Gap(g) => g.gap,
            Row::Phase(_) => 0,
        };
        match self.sort {
            SortMode::Rank => {}
            SortMode::Priority => group.sort_by_key(|r| plan.gaps[gap(r)].priority),
            SortMode::PlannedFinish => group.sort_by_key(|r| {
                let t = analysis.gaps.get(gap(r)).and_then(|a| a.timing.as_ref());
                (t.is_none(), t.map(|t| t.planned.finish))
            }),
            SortMode::MonthlyCost => group.sort_by_key(|r| {
                let high = analysis.gaps.get(gap(r)).map(|a| a.monthly.high);
                std::cmp::Reverse(high)
            }),
        }
    }
}
