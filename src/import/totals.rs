//! The totals cross-check: what the report says its totals are (cost, time, readiness)
//! against the imported plan: cost run rate, one-off sum and readiness from
//! `engine::analyze` (the numbers every view shows), effort as the sum of gap estimates.

use crate::plan::{CostKind, Dec2, Plan, Status};

use super::collect::Stated;
use super::effort::{est_text, hours};
use super::log::{TotalCheck, Verdict};

/// Compares each stated total with the plan's own numbers.
pub fn check(plan: &Plan, stated: &[(usize, String, Stated)]) -> Vec<TotalCheck> {
    if stated.is_empty() {
        return Vec::new();
    }
    let analysis = crate::engine::analyze(plan);
    stated
        .iter()
        .map(|(line, _, s)| match s {
            Stated::Cost { kind, lo, hi } => {
                let r = match kind {
                    CostKind::Monthly => analysis.costs.run_rate,
                    CostKind::Once => analysis.costs.one_off,
                };
                let (clo, chi) = (r.low, r.high);
                let what = match kind {
                    CostKind::Monthly => "monthly cost total",
                    CostKind::Once => "one-time cost total",
                };
                let verdict = if clo == Dec2::ZERO && chi == Dec2::ZERO {
                    Verdict::CannotCheck
                } else if (clo, chi) == (*lo, *hi) {
                    Verdict::Agrees
                } else {
                    Verdict::Disagrees
                };
                TotalCheck {
                    line: *line,
                    what,
                    stated: range(*lo, *hi),
                    computed: format!(
                        "{} from {} cost lines",
                        range(clo, chi),
                        cost_lines(plan, *kind)
                    ),
                    verdict,
                }
            }
            Stated::Effort(e) => {
                let (lo, hi, with) = effort_sum(plan);
                let s = &plan.settings;
                let (slo, shi) = (hours(e.lo, e.unit, s), hours(e.hi, e.unit, s));
                let verdict = if with == 0 {
                    Verdict::CannotCheck
                } else if (lo, hi) == (slo, shi) {
                    Verdict::Agrees
                } else {
                    Verdict::Disagrees
                };
                TotalCheck {
                    line: *line,
                    what: "total effort",
                    stated: format!("{} ({} hours)", est_text(e), range(slo, shi)),
                    computed: format!(
                        "{} hours from {with} of {} gaps with estimates",
                        range(lo, hi),
                        plan.gaps.len()
                    ),
                    verdict,
                }
            }
            Stated::Readiness(p) => {
                let r = analysis.readiness;
                let verdict = if (r - Dec2::from_units(i64::from(*p))).hundredths().abs() <= 200 {
                    Verdict::Agrees
                } else {
                    Verdict::Disagrees
                };
                TotalCheck {
                    line: *line,
                    what: "readiness",
                    stated: format!("{p}%"),
                    computed: format!("{r}% (priority-weighted progress of the imported gaps)"),
                    verdict,
                }
            }
        })
        .collect()
}

fn range(lo: Dec2, hi: Dec2) -> String {
    if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}-{hi}")
    }
}

fn live(plan: &Plan) -> impl Iterator<Item = &crate::plan::Gap> {
    plan.gaps.iter().filter(|g| g.status != Status::Dropped)
}

fn cost_lines(plan: &Plan, kind: CostKind) -> usize {
    live(plan)
        .flat_map(|g| g.costs.iter())
        .chain(plan.phases.iter().flat_map(|p| p.costs.iter()))
        .chain(plan.costs.iter())
        .filter(|c| c.kind == kind)
        .count()
}

/// Sum of gap estimates in hours, and how many gaps had one.
fn effort_sum(plan: &Plan) -> (Dec2, Dec2, usize) {
    let s = &plan.settings;
    live(plan)
        .filter_map(|g| g.estimate)
        .fold((Dec2::ZERO, Dec2::ZERO, 0), |(a, b, n), e| {
            (
                a + hours(e.lo, e.unit, s),
                b + hours(e.hi, e.unit, s),
                n + 1,
            )
        })
}
