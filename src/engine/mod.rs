//! The engine: a pure function from a `Plan` to its schedule (planned, best, worst),
//! monthly costs, run rate and readiness. No I/O, no clock, no terminal.
//!
//! Every view (CLI `report`/`check`, every TUI panel) reads one `Analysis`:
//! one source of derived numbers.

use jiff::civil::Date;

use crate::plan::{CostKind, Dec2, Plan};

/// A low–high pair of amounts (money or hours).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Range {
    pub low: Dec2,
    pub high: Dec2,
}

/// A planned date with its best and worst case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub planned: Date,
    pub best: Date,
    pub worst: Date,
}

/// Start and finish of one gap in one scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: Date,
    pub finish: Date,
}

/// Everything derived for one gap (same index as `plan.gaps`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapResult {
    /// Percent done, 0–100 (explicit `progress`, else ticked actions, else 0; Done is 100).
    pub progress: u8,
    /// Remaining effort in hours: low / high end of the estimate times (1 − progress).
    pub remaining_hours: Range,
    /// `None` for Dropped gaps, which are left out of schedule and costs.
    pub timing: Option<GapTiming>,
    /// Sum of this gap's `Monthly` lines and of its `Once` lines.
    pub monthly: Range,
    pub once: Range,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapTiming {
    /// Index into `plan.team` of the member who does it in the planned scenario
    /// (`None` when the plan has no team).
    pub member: Option<usize>,
    pub planned: Span,
    pub best: Span,
    pub worst: Span,
}

/// Derived dates for one phase (same index as `plan.phases`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseResult {
    /// Earliest planned start and the finish band of its scheduled gaps; `None` if it has none.
    pub start: Option<Date>,
    pub finish: Option<Band>,
    /// Target window from `weeks: (from, to)`: Monday of week `from` .. Friday of week `to`.
    pub target: Option<Span>,
    /// Planned finish minus target end, in calendar days (positive = late).
    pub slip_days: Option<i64>,
    /// Recurring monthly total of the phase's gaps and its own cost lines.
    pub run_rate: Range,
}

/// Where a cost line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostSource {
    Plan,
    Phase(usize),
    Gap(usize),
}

/// One cost line placed in time: `month` indexes `CostSummary::months`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedCost {
    pub source: CostSource,
    pub kind: CostKind,
    pub amount: Range,
    pub label: String,
    /// First month it is paid in (Monthly: recurs from here on; Once: only here).
    pub month: usize,
}

/// Totals for one calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthTotal {
    pub year: i16,
    /// 1–12
    pub month: i8,
    /// Recurring plus one-off amounts paid in this month.
    pub total: Range,
    /// Running sum of `total` from the first month.
    pub cumulative: Range,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CostSummary {
    /// One entry per calendar month from the plan start to the planned finish (inclusive).
    pub months: Vec<MonthTotal>,
    /// Every non-dropped cost line with the month it starts in.
    pub lines: Vec<PlacedCost>,
    /// Recurring monthly total once every non-dropped gap is in place.
    pub run_rate: Range,
    /// Sum of all `Once` lines.
    pub one_off: Range,
    /// Run rate per area (gaps with no area under ""), sorted by area name.
    pub by_area: Vec<(String, Range)>,
    /// Run rate per cost label, sorted by label.
    pub by_label: Vec<(String, Range)>,
    /// Run rate of plan-level lines and unphased gaps.
    pub unphased_run_rate: Range,
}

/// Planned hours per member per plan week (week 0 starts on the plan's first working week).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamLoad {
    /// `hours[member][week]`, planned scenario.
    pub hours: Vec<Vec<Dec2>>,
    /// Capacity per member per week (their `hours_per_week`, less holidays).
    pub capacity: Vec<Vec<Dec2>>,
}

/// The whole derived state of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    pub gaps: Vec<GapResult>,
    pub phases: Vec<PhaseResult>,
    /// Gap indices in planned schedule order (dropped gaps left out).
    pub order: Vec<usize>,
    /// Finish of the whole plan (the plan start when nothing is scheduled).
    pub finish: Band,
    pub costs: CostSummary,
    /// Priority-weighted percent done over non-dropped gaps (see `Priority::weight`).
    pub readiness: Dec2,
}

/// Computes the analysis of `plan`. Total function: tolerates plans with validation
/// problems (unknown references are ignored, cycles are broken) so a broken file still opens.
pub fn analyze(plan: &Plan) -> Analysis {
    let _ = plan;
    todo!("engine: implemented in engine/schedule.rs, costs.rs, readiness.rs")
}
