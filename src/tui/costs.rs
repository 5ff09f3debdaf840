//! What one month of the cost view is made of: the cost lines paid in it (recurring
//! lines started by then, one-offs placed in it), with their recurring and one-off sums.
//! Built when the month or the plan changes, never per frame.

use crate::engine::{CostSummary, Range};
use crate::plan::{CostKind, Dec2};

/// The cost lines paid in one month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthDetail {
    /// Indices into `CostSummary::lines`: recurring lines first, then one-offs, each in
    /// the engine's order.
    pub lines: Vec<usize>,
    /// Sum of the recurring lines in effect.
    pub recurring: Range,
    /// Sum of the one-off lines placed in this month.
    pub one_off: Range,
}

fn add(a: Range, b: Range) -> Range {
    Range {
        low: a.low + b.low,
        high: a.high + b.high,
    }
}

impl MonthDetail {
    pub fn build(costs: &CostSummary, month: usize) -> MonthDetail {
        let mut recurring = Vec::new();
        let mut once = Vec::new();
        let zero = Range {
            low: Dec2::ZERO,
            high: Dec2::ZERO,
        };
        let (mut r, mut o) = (zero, zero);
        if month < costs.months.len() {
            for (i, line) in costs.lines.iter().enumerate() {
                match line.kind {
                    CostKind::Monthly if line.month <= month => {
                        recurring.push(i);
                        r = add(r, line.amount);
                    }
                    CostKind::Once if line.month == month => {
                        once.push(i);
                        o = add(o, line.amount);
                    }
                    _ => {}
                }
            }
        }
        recurring.extend(once);
        MonthDetail {
            lines: recurring,
            recurring: r,
            one_off: o,
        }
    }

    /// Recurring plus one-off: the month's total.
    pub fn total(&self) -> Range {
        add(self.recurring, self.one_off)
    }
}

/// Sum of the one-off lines placed in each month.
pub fn one_offs_by_month(costs: &CostSummary) -> Vec<Range> {
    let mut out = vec![Range::default(); costs.months.len()];
    for line in &costs.lines {
        if line.kind == CostKind::Once
            && let Some(r) = out.get_mut(line.month)
        {
            *r = add(*r, line.amount);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analyze;

    #[test]
    fn each_month_is_the_sum_of_its_lines() {
        let mut plan = crate::plan::parse(crate::sample::DEFAULT).unwrap().plan;
        let cost = |kind, lo, hi| crate::plan::Cost {
            kind,
            lo: Dec2::from_units(lo),
            hi: Dec2::from_units(hi),
            label: "test".into(),
        };
        let last = plan.gaps.len() - 1;
        plan.gaps[0].costs.push(cost(CostKind::Once, 100, 200));
        plan.gaps[last].costs.push(cost(CostKind::Once, 7, 9));
        plan.gaps[last].costs.push(cost(CostKind::Monthly, 10, 30));
        let a = analyze(&plan);
        assert!(a.costs.months.len() >= 2, "{:?}", a.costs.months);
        for (m, total) in a.costs.months.iter().enumerate() {
            let d = MonthDetail::build(&a.costs, m);
            assert_eq!(d.total(), total.total, "month {m}");
        }
        let last = MonthDetail::build(&a.costs, a.costs.months.len() - 1);
        assert_eq!(last.recurring, a.costs.run_rate);
        assert_eq!(MonthDetail::build(&a.costs, 999), MonthDetail::default());
    }
}
