//! Cost lines placed in months, monthly totals, run rate and its breakdowns.
//!
//! - A gap's `Monthly` line recurs from the month the gap starts (or finishes, with
//!   `settings.monthly_from: Finish`) and counts a whole month; its `Once` line falls in
//!   the month the gap starts. Phase lines start in the phase's planned start month (its
//!   target start when it has no scheduled gaps, else the plan start); plan lines in the
//!   plan's start month. Dropped gaps have no cost lines (their `GapResult` sums are 0).
//! - A reversed range (lo > hi) is swapped; amounts are otherwise taken as written.
//! - Months run from the plan start month to the planned finish month, extended to any
//!   month a line starts in, capped at `MAX_MONTHS` (a line past the cap is placed in
//!   the last month). Totals use a difference array: O(lines + months).
//! - Run rate: every non-dropped `Monthly` line; by area (gap area, "" for no area and for
//!   phase and plan lines), by label, per phase (its gaps and own lines) and unphased
//!   (plan lines and gaps with no or an unknown phase).

use jiff::civil::Date;

use crate::plan::{Cost, CostKind, MonthlyFrom, Plan};

use super::calendar::{Dates, Months};
use super::fxhash::{FxMap, map_with_capacity};
use super::graph::Costed;
use super::{CostSource, CostSummary, MonthTotal, PlacedCost, Range};

/// At most this many months (100 years) are listed.
pub const MAX_MONTHS: usize = 1200;

/// Where each gap and phase sits in time, as the cost placement needs it.
pub struct CostInput<'a> {
    pub plan: &'a Plan,
    /// Active gaps with cost lines, in rank order.
    pub costed: &'a [Costed<'a>],
    /// Phase position per gap (`phases.len()` for none or unknown).
    pub group: &'a [u32],
    pub dates: &'a Dates<'a>,
    /// Planned working-day (start, finish) per gap.
    pub days: &'a [(u64, u64)],
    /// Start date of each phase for its own lines.
    pub phase_start: &'a [Date],
    /// Planned finish of the plan.
    pub finish: Date,
}

/// Cost results: the summary, each gap's (monthly, once) sums, and each phase's run rate.
pub struct Costs {
    pub summary: CostSummary,
    /// (monthly, once) sums of each `CostInput::costed` gap, in the same order.
    pub per_gap: Vec<(Range, Range)>,
    pub phase_run_rate: Vec<Range>,
}

fn amount(c: &Cost) -> Range {
    let (low, high) = if c.lo <= c.hi {
        (c.lo, c.hi)
    } else {
        (c.hi, c.lo)
    };
    Range { low, high }
}

fn add(to: &mut Range, r: Range) {
    to.low += r.low;
    to.high += r.high;
}

fn sorted(map: FxMap<&str, Range>) -> Vec<(String, Range)> {
    let mut v: Vec<(String, Range)> = map.into_iter().map(|(k, r)| (k.to_string(), r)).collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Placed lines and the run-rate breakdowns gathered while placing them.
struct Acc<'a> {
    lines: Vec<PlacedCost>,
    by_area: FxMap<&'a str, Range>,
    by_label: FxMap<&'a str, Range>,
}

impl<'a> Acc<'a> {
    /// Places one line: `Once` in `start_m`, `Monthly` from `recur_m`. Returns its amount.
    fn place(
        &mut self,
        source: CostSource,
        c: &'a Cost,
        start_m: usize,
        recur_m: usize,
        area: &'a str,
    ) -> Range {
        let a = amount(c);
        let month = match c.kind {
            CostKind::Monthly => {
                add(self.by_area.entry(area).or_default(), a);
                add(self.by_label.entry(c.label.as_str()).or_default(), a);
                recur_m
            }
            CostKind::Once => start_m,
        };
        self.lines.push(PlacedCost {
            source,
            kind: c.kind,
            amount: a,
            label: c.label.clone(),
            month,
        });
        a
    }
}

pub fn compute(input: &CostInput) -> Costs {
    let plan = input.plan;
    let months = Months::from(plan.start);
    let month = |d: Date| months.index(d).clamp(0, MAX_MONTHS as i64 - 1) as usize;
    let from_finish = plan.settings.monthly_from == MonthlyFrom::Finish;
    let total_lines = plan.costs.len()
        + plan.phases.iter().map(|p| p.costs.len()).sum::<usize>()
        + input.costed.iter().map(|c| c.lines.len()).sum::<usize>();
    let mut acc = Acc {
        lines: Vec::with_capacity(total_lines),
        by_area: map_with_capacity(16),
        by_label: map_with_capacity(16),
    };
    let mut per_gap = vec![(Range::default(), Range::default()); input.costed.len()];
    let mut phase_run_rate = vec![Range::default(); plan.phases.len()];
    let mut unphased = Range::default();

    for c in &plan.costs {
        let a = acc.place(CostSource::Plan, c, 0, 0, "");
        if c.kind == CostKind::Monthly {
            add(&mut unphased, a);
        }
    }
    for (i, p) in plan.phases.iter().enumerate() {
        let m = month(input.phase_start[i]);
        for c in &p.costs {
            let a = acc.place(CostSource::Phase(i), c, m, m, "");
            if c.kind == CostKind::Monthly {
                add(&mut phase_run_rate[i], a);
            }
        }
    }
    for (k, g) in input.costed.iter().enumerate() {
        let i = g.gap as usize;
        let (s, f) = input.days[i];
        let sm = month(input.dates.get(s));
        let rm = if from_finish {
            month(input.dates.get(f))
        } else {
            sm
        };
        let area = g.area;
        for c in g.lines {
            let a = acc.place(CostSource::Gap(i), c, sm, rm, area);
            match c.kind {
                CostKind::Monthly => {
                    add(&mut per_gap[k].0, a);
                    match phase_run_rate.get_mut(input.group[i] as usize) {
                        Some(r) => add(r, a),
                        None => add(&mut unphased, a),
                    }
                }
                CostKind::Once => add(&mut per_gap[k].1, a),
            }
        }
    }

    let last = acc
        .lines
        .iter()
        .map(|l| l.month)
        .max()
        .unwrap_or(0)
        .max(month(input.finish));
    let summary = summarize(acc, last + 1, plan.start, unphased);
    Costs {
        summary,
        per_gap,
        phase_run_rate,
    }
}

fn summarize(acc: Acc, count: usize, plan_start: Date, unphased_run_rate: Range) -> CostSummary {
    let Acc {
        lines,
        by_area,
        by_label,
    } = acc;
    let mut starts = vec![Range::default(); count];
    let mut once = vec![Range::default(); count];
    let mut run_rate = Range::default();
    let mut one_off = Range::default();
    for l in &lines {
        match l.kind {
            CostKind::Monthly => {
                add(&mut starts[l.month], l.amount);
                add(&mut run_rate, l.amount);
            }
            CostKind::Once => {
                add(&mut once[l.month], l.amount);
                add(&mut one_off, l.amount);
            }
        }
    }
    let (y0, m0) = (plan_start.year() as i64, plan_start.month() as i64);
    let mut months = Vec::with_capacity(count);
    let mut recurring = Range::default();
    let mut cumulative = Range::default();
    for i in 0..count {
        add(&mut recurring, starts[i]);
        let total = Range {
            low: recurring.low + once[i].low,
            high: recurring.high + once[i].high,
        };
        add(&mut cumulative, total);
        let m = m0 - 1 + i as i64;
        months.push(MonthTotal {
            year: (y0 + m / 12).clamp(i16::MIN as i64, i16::MAX as i64) as i16,
            month: (m % 12 + 1) as i8,
            total,
            cumulative,
        });
    }
    CostSummary {
        months,
        lines,
        run_rate,
        one_off,
        by_area: sorted(by_area),
        by_label: sorted(by_label),
        unphased_run_rate,
    }
}
