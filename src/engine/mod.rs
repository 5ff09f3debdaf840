//! The engine: a pure function from a `Plan` to its schedule (planned, best, worst),
//! monthly costs, run rate and readiness. No I/O, no clock, no terminal.
//!
//! Every view (CLI `report`/`check`, every TUI panel) reads one `Analysis`:
//! one source of derived numbers.
//!
//! The rules live beside their code: [`progress`] (percent done, remaining effort),
//! [`calendar`] (working days, holidays), [`crew`] (who can work, owners),
//! [`schedule`] (order, dependencies, cycles, best/worst), [`phases`] (bands, targets,
//! slip), [`costs`] (months, run rate), [`readiness`], [`load`] (team load).
//! Cost: O(N log N) for N gaps; three scenarios share one dependency graph, built by
//! [`graph`] in a single sweep over the gaps (ids via [`ids`], phases/owners via [`names`]).

mod calendar;
mod costs;
mod crew;
mod graph;
mod ids;
mod load;
mod names;
mod phases;
mod progress;
#[cfg(test)]
mod props;
mod readiness;
mod schedule;
#[cfg(test)]
mod tests;

use jiff::civil::Date;

use crate::plan::{CostKind, Dec2, Plan};

use calendar::{Calendar, epoch_day};
use crew::Crew;
use graph::Graph;
use schedule::{NONE, Scenario};

pub use costs::MAX_MONTHS;
pub use load::MAX_WEEKS;

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
    /// (`None` when nobody in the team can take work, or for a zero-effort unowned gap).
    pub member: Option<usize>,
    pub planned: Span,
    pub best: Span,
    pub worst: Span,
}

/// Derived dates for one phase (same index as `plan.phases`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseResult {
    /// Earliest planned start of its gaps with work left (of all its gaps when none has) and
    /// the finish band of its scheduled gaps; `None` if it has no scheduled gaps.
    pub start: Option<Date>,
    pub finish: Option<Band>,
    /// Target window from `weeks: (from, to)`: plan start + 7 × (from − 1) days ..
    /// plan start + 7 × to − 1 days.
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

/// Planned hours per member per plan week (week 0 is the seven days from the plan start).
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
    /// Gap indices in planned schedule order: by planned start date, ties in the order the
    /// scheduler took them (phase, then rank, dependencies first). Dropped gaps left out.
    pub order: Vec<usize>,
    /// Finish of the whole plan (the plan start when nothing is scheduled).
    pub finish: Band,
    pub costs: CostSummary,
    /// Priority-weighted percent done over non-dropped gaps (see `Priority::weight`);
    /// 100 when there are none.
    pub readiness: Dec2,
    /// Planned hours and capacity per member per week.
    pub load: TeamLoad,
}

/// Computes the analysis of `plan`. Total function: tolerates plans with validation
/// problems (unknown references are ignored, cycles are broken) so a broken file still opens.
pub fn analyze(plan: &Plan) -> Analysis {
    let n = plan.gaps.len();
    let cal = Calendar::new(plan.start, &plan.holidays);
    let crew = Crew::new(plan);
    let (graph, digest) = Graph::build(plan, &crew);
    let graph::Digest {
        progress,
        efforts,
        readiness,
        costs: cost_lines,
    } = digest;
    let efforts = &efforts[..];
    let planned = schedule::plan_run(&graph, efforts, &crew);
    let best = schedule::retime(&graph, &planned, efforts, &crew, Scenario::Best);
    let worst = schedule::retime(&graph, &planned, efforts, &crew, Scenario::Worst);
    let days = [best, planned.times.days(), worst];

    // Latest working day per scenario (worst ≥ planned ≥ best for every gap).
    let mut last: [Option<u64>; 3] = [None; 3];
    for (i, _) in graph.active.iter().enumerate().filter(|(_, on)| **on) {
        for (l, d) in last.iter_mut().zip(&days) {
            *l = Some(l.map_or(d[i].1, |v| v.max(d[i].1)));
        }
    }
    let dates = cal.dates(last[2].unwrap_or(0), 4 * n as u64 + 50_000);
    let finish = last.map(|l| l.map_or(plan.start, |k| dates.get(k)));
    let has_work: Vec<bool> = efforts.iter().map(|e| e.planned > 0).collect();
    let (mut phases, phase_start) = phases::compute(
        plan,
        &dates,
        &graph.active,
        &has_work,
        &graph.group,
        [&days[0], &days[1], &days[2]],
    );
    let costs = costs::compute(
        cost_lines,
        &costs::CostInput {
            plan,
            dates: &dates,
            days: &days[1],
            phase_start: &phase_start,
            finish: finish[1],
        },
    );
    for (p, r) in phases.iter_mut().zip(&costs.phase_run_rate) {
        p.run_rate = *r;
    }
    let load = load::team_load(plan, &cal, &crew, &planned, epoch_day(finish[1]));

    let span = |d: (u64, u64)| Span {
        start: dates.get(d.0),
        finish: dates.get(d.1),
    };
    let mut gaps = Vec::with_capacity(n);
    let mut sums = costs.per_gap.iter();
    let mut next = sums.next();
    for i in 0..n {
        let (monthly, once) = match next {
            Some(&(g, m, o)) if g as usize == i => {
                next = sums.next();
                (m, o)
            }
            _ => Default::default(),
        };
        gaps.push(GapResult {
            progress: progress[i],
            remaining_hours: efforts[i].hours(),
            timing: graph.active[i].then(|| GapTiming {
                member: match planned.slot[i] {
                    NONE => None,
                    s => crew.slots[s as usize].member,
                },
                planned: span(days[1][i]),
                best: span(days[0][i]),
                worst: span(days[2][i]),
            }),
            monthly,
            once,
        });
    }
    let order = schedule_order(&planned.seq, &days[1], last[1].unwrap_or(0));
    Analysis {
        gaps,
        phases,
        order,
        finish: Band {
            best: finish[0],
            planned: finish[1],
            worst: finish[2],
        },
        costs: costs.summary,
        readiness,
        load,
    }
}

/// Gaps by planned start day, ties in the order the scheduler placed them: a counting
/// sort over days when the range is modest (O(N + days)), else a comparison sort.
fn schedule_order(seq: &[u32], days: &[(u64, u64)], last: u64) -> Vec<usize> {
    let mut order = Vec::with_capacity(seq.len());
    if last > 4 * seq.len() as u64 + 50_000 {
        let mut keyed: Vec<(u64, u32)> = (0..seq.len() as u32)
            .map(|pos| (days[seq[pos as usize] as usize].0, pos))
            .collect();
        keyed.sort_unstable();
        order.extend(keyed.iter().map(|&(_, pos)| seq[pos as usize] as usize));
        return order;
    }
    let mut at = vec![0u32; last as usize + 2];
    for &g in seq {
        at[days[g as usize].0 as usize + 1] += 1;
    }
    for k in 1..at.len() {
        at[k] += at[k - 1];
    }
    order.resize(seq.len(), 0);
    for &g in seq {
        let d = days[g as usize].0 as usize;
        order[at[d] as usize] = g as usize;
        at[d] += 1;
    }
    order
}
