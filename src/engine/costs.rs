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
use rustc_hash::FxHashMap;

use crate::plan::{Cost, CostKind, MonthlyFrom, Plan};

use super::calendar::{Dates, Months};
use super::{CostSource, CostSummary, MonthTotal, PlacedCost, Range};

/// At most this many months (100 years) are listed.
pub const MAX_MONTHS: usize = 1200;

/// Where each gap and phase sits in time, as the cost placement needs it.
pub struct CostInput<'a> {
    pub plan: &'a Plan,
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
    /// (gap, monthly, once) of every active gap with cost lines, in rank order.
    pub per_gap: Vec<(u32, Range, Range)>,
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

fn sorted(map: FxHashMap<&str, Range>) -> Vec<(String, Range)> {
    let mut v: Vec<(String, Range)> = map.into_iter().map(|(k, r)| (k.to_string(), r)).collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Every line with its amount, and the sums that do not depend on the schedule (run
/// rates, per-gap sums). Gap lines are taken during the sweep over the gaps, while each gap
/// is in cache; months are filled in by [`compute`] once the schedule is known.
pub struct Acc<'a> {
    lines: Vec<PlacedCost>,
    by_area: FxHashMap<&'a str, Range>,
    by_label: FxHashMap<&'a str, Range>,
    per_gap: Vec<(u32, Range, Range)>,
    phase_run_rate: Vec<Range>,
    unphased: Range,
}

impl<'a> Acc<'a> {
    /// Takes the plan's and the phases' lines (in that order; gap lines follow).
    pub fn new(plan: &'a Plan) -> Self {
        let own = plan.costs.len() + plan.phases.iter().map(|p| p.costs.len()).sum::<usize>();
        let mut acc = Acc {
            // Room for one line per gap: pages never written are never touched.
            lines: Vec::with_capacity(own + plan.gaps.len()),
            by_area: FxHashMap::with_capacity_and_hasher(16, Default::default()),
            by_label: FxHashMap::with_capacity_and_hasher(16, Default::default()),
            per_gap: Vec::new(),
            phase_run_rate: vec![Range::default(); plan.phases.len()],
            unphased: Range::default(),
        };
        for c in &plan.costs {
            let a = acc.take(CostSource::Plan, c, "");
            if c.kind == CostKind::Monthly {
                add(&mut acc.unphased, a);
            }
        }
        for (i, p) in plan.phases.iter().enumerate() {
            for c in &p.costs {
                let a = acc.take(CostSource::Phase(i), c, "");
                if c.kind == CostKind::Monthly {
                    add(&mut acc.phase_run_rate[i], a);
                }
            }
        }
        acc
    }

    /// Takes the lines of active gap `i` in phase position `group` with area `area`.
    pub fn gap(&mut self, i: usize, lines: &'a [Cost], group: u32, area: &'a str) {
        let (mut monthly, mut once) = (Range::default(), Range::default());
        for c in lines {
            let a = self.take(CostSource::Gap(i), c, area);
            match c.kind {
                CostKind::Monthly => {
                    add(&mut monthly, a);
                    match self.phase_run_rate.get_mut(group as usize) {
                        Some(r) => add(r, a),
                        None => add(&mut self.unphased, a),
                    }
                }
                CostKind::Once => add(&mut once, a),
            }
        }
        self.per_gap.push((i as u32, monthly, once));
    }

    /// Records one line (month still 0) and its run-rate breakdowns; returns its amount.
    fn take(&mut self, source: CostSource, c: &'a Cost, area: &'a str) -> Range {
        let a = amount(c);
        if c.kind == CostKind::Monthly {
            add(self.by_area.entry(area).or_default(), a);
            add(self.by_label.entry(c.label.as_str()).or_default(), a);
        }
        self.lines.push(PlacedCost {
            source,
            kind: c.kind,
            amount: a,
            label: c.label.clone(),
            month: 0,
        });
        a
    }
}

/// Places every line in its month: `Once` in the month its gap (phase) starts, `Monthly`
/// from then or from the finish month (see the module rules), then sums the months.
pub fn compute(mut acc: Acc, input: &CostInput) -> Costs {
    let plan = input.plan;
    let months = Months::from(plan.start);
    let month = |d: Date| months.index(d).clamp(0, MAX_MONTHS as i64 - 1) as usize;
    let from_finish = plan.settings.monthly_from == MonthlyFrom::Finish;
    let phase_month: Vec<usize> = input.phase_start.iter().map(|&d| month(d)).collect();
    // Gap lines come in rank order, each gap's lines together: one date lookup per gap.
    let mut at: Option<(usize, usize, usize)> = None;
    for l in &mut acc.lines {
        l.month = match l.source {
            CostSource::Plan => 0,
            CostSource::Phase(i) => phase_month[i],
            CostSource::Gap(i) => {
                let (sm, rm) = match at {
                    Some((g, sm, rm)) if g == i => (sm, rm),
                    _ => {
                        let (s, f) = input.days[i];
                        let sm = month(input.dates.get(s));
                        let rm = if from_finish {
                            month(input.dates.get(f))
                        } else {
                            sm
                        };
                        at = Some((i, sm, rm));
                        (sm, rm)
                    }
                };
                match l.kind {
                    CostKind::Monthly => rm,
                    CostKind::Once => sm,
                }
            }
        };
    }
    let last = acc
        .lines
        .iter()
        .map(|l| l.month)
        .max()
        .unwrap_or(0)
        .max(month(input.finish));
    let unphased = acc.unphased;
    let per_gap = std::mem::take(&mut acc.per_gap);
    let phase_run_rate = std::mem::take(&mut acc.phase_run_rate);
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
        ..
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
