//! The totals cross-check: what the report says its totals are (cost, time, readiness)
//! against simple sums over the imported plan.

use crate::plan::{CostKind, Dec2, Plan, Status};

use super::assemble::{est_text, hours};
use super::collect::Stated;
use super::log::{TotalCheck, Verdict};

/// Compares each stated total with the plan's own numbers.
pub fn check(plan: &Plan, stated: &[(usize, String, Stated)]) -> Vec<TotalCheck> {
    stated
        .iter()
        .map(|(line, _, s)| match s {
            Stated::Cost { kind, lo, hi } => {
                let (clo, chi) = cost_sum(plan, *kind);
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
                let r = readiness(plan);
                let verdict = if r.abs_diff(*p) <= 2 {
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

fn cost_sum(plan: &Plan, kind: CostKind) -> (Dec2, Dec2) {
    let lines = live(plan)
        .flat_map(|g| g.costs.iter())
        .chain(plan.phases.iter().flat_map(|p| p.costs.iter()))
        .chain(plan.costs.iter())
        .filter(|c| c.kind == kind);
    lines.fold((Dec2::ZERO, Dec2::ZERO), |(a, b), c| (a + c.lo, b + c.hi))
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

/// Priority-weighted percent done: Done counts 100, else ticked actions' share.
pub fn readiness(plan: &Plan) -> u8 {
    let (mut num, mut den) = (0u64, 0u64);
    for g in live(plan) {
        let w = g.priority.weight();
        let p = if g.status == Status::Done {
            100
        } else if let Some(p) = g.progress {
            u64::from(p.min(100))
        } else if g.actions.is_empty() {
            0
        } else {
            (g.actions.iter().filter(|a| a.done).count() * 100 / g.actions.len()) as u64
        };
        num += w * p;
        den += w;
    }
    num.checked_div(den).map_or(0, |r| r as u8)
}
