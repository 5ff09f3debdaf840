//! Laying out the rows: display order (`edit::grouped`: phase groups in phase order,
//! unphased last, plan order within a group), and each row's numbers from the analysis.
//! Rewrites the previous build's vectors in place, so a rebuild allocates nothing big.

use super::super::format;
use super::super::sanitize::sanitize;
use super::{GapRow, Group, Lateness, Links, PhaseRow, Row, Rows};
use crate::edit::{Grouped, grouped};
use crate::engine::Analysis;
use crate::plan::{Plan, Priority, Status};

impl Rows {
    /// Rows of `plan` from scratch: layout, dependency links and ids.
    pub fn build(plan: &Plan, analysis: &Analysis) -> Rows {
        let mut rows = Rows::default();
        rows.lay_out(plan, analysis);
        rows.links = Links::build(plan);
        rows.adopt_ids(Vec::new(), plan);
        rows
    }

    /// Rewrites `rows`, `gap_row` and `group_rows` for `plan` (reusing their allocations);
    /// links and ids are left as they are (see `App::refresh`).
    pub fn lay_out(&mut self, plan: &Plan, analysis: &Analysis) {
        let Grouped { order, starts } = grouped(plan);
        let unphased = plan.phases.len();
        self.filtered = false;
        let rows = &mut self.rows;
        rows.clear();
        rows.reserve(order.len() + plan.phases.len() + 1);
        self.gap_row.clear();
        self.gap_row.resize(plan.gaps.len(), 0);
        self.group_rows.clear();
        for p in 0..=unphased {
            let group = if p < unphased {
                Group::Phase(p)
            } else {
                Group::Unphased
            };
            let (start, end) = (starts[p], starts[p + 1]);
            if group == Group::Unphased && start == end {
                break;
            }
            self.group_rows.push(rows.len());
            rows.push(Row::Phase(phase_row(plan, analysis, group, end - start)));
            for &g in &order[start..end] {
                self.gap_row[g] = rows.len();
                rows.push(Row::Gap(gap_row_of(plan, analysis, g, group)));
            }
        }
    }
}

pub(super) fn phase_row(plan: &Plan, analysis: &Analysis, group: Group, gaps: usize) -> PhaseRow {
    let Group::Phase(p) = group else {
        return PhaseRow {
            group,
            name: "Unphased".into(),
            summary: "scheduled after the last phase".into(),
            late: Lateness::OnTime,
            gaps,
        };
    };
    let phase = &plan.phases[p];
    let result = analysis.phases.get(p);
    let mut parts = Vec::new();
    if let Some((a, b)) = phase.weeks {
        parts.push(format!("weeks {a}–{b}"));
    }
    if let Some(t) = result.and_then(|r| r.target) {
        parts.push(format!(
            "target {} → {}",
            format::short_date(t.start),
            format::short_date(t.finish)
        ));
    }
    if let Some(f) = result.and_then(|r| r.finish) {
        parts.push(format!("planned finish {}", format::short_date(f.planned)));
    }
    let slip_days = result.and_then(|r| r.slip_days).unwrap_or(0);
    if slip_days > 0 {
        parts.push(format!("late {}", format::slip(slip_days)));
    } else if result.and_then(|r| r.slip_days).is_some() {
        parts.push("on time".into());
    }
    let rate = result
        .map(|r| format::range_compact(r.run_rate))
        .unwrap_or_default();
    if !rate.is_empty() {
        parts.push(format!("{rate}/mo"));
    }
    PhaseRow {
        group,
        name: sanitize(&phase.name).into_owned(),
        summary: parts.join(" · "),
        late: if slip_days > 0 {
            Lateness::Late
        } else {
            Lateness::OnTime
        },
        gaps,
    }
}

pub(super) fn gap_row_of(plan: &Plan, analysis: &Analysis, g: usize, group: Group) -> GapRow {
    let gap = &plan.gaps[g];
    gap_numbers(analysis, g, group, (gap.priority, gap.status))
}

/// The row of gap `g` given its priority and status (callers that know them unchanged
/// skip reading the gap itself: one cache miss per gap at 100k).
pub(super) fn gap_numbers(
    analysis: &Analysis,
    g: usize,
    group: Group,
    (priority, status): (Priority, Status),
) -> GapRow {
    let result = analysis.gaps.get(g);
    let timing = result.and_then(|r| r.timing.as_ref());
    let target_end = match group {
        Group::Phase(p) => analysis
            .phases
            .get(p)
            .and_then(|r| r.target)
            .map(|t| t.finish),
        Group::Unphased => None,
    };
    // Whole days between civil dates (no time zone, so 24 h each); `duration_since` is
    // plain day arithmetic where `until` builds a calendar span (slow for 100k rows).
    let slip_days = match (timing, target_end) {
        (Some(t), Some(end)) if status != Status::Done && t.planned.finish > end => {
            t.planned.finish.duration_since(end).as_hours() / 24
        }
        _ => 0,
    };
    GapRow {
        gap: g,
        group,
        priority,
        status,
        progress: result.map_or(0, |r| r.progress),
        remaining: result.map(|r| r.remaining_hours).unwrap_or_default(),
        monthly: result.map(|r| r.monthly).unwrap_or_default(),
        planned: timing.map(|t| t.planned),
        slip_days,
    }
}
