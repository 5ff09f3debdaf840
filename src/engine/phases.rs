//! Phase bands from their gaps, target windows from `weeks: (from, to)`, and slip.
//!
//! - Start: earliest planned start of the phase's scheduled gaps that still have work
//!   (of all its scheduled gaps when none has: a done gap is dated the moment it is ready,
//!   which would pull every phase back to the plan start). Finish: the latest planned /
//!   best / worst finish among its scheduled gaps. A phase with no scheduled gaps has neither.
//! - Target: start = plan start + 7 × (from − 1) days, finish = plan start + 7 × to − 1
//!   days (a reversed window is swapped; week 0 counts as week 1).
//! - Slip: planned finish − target finish in calendar days (positive = late).

use jiff::civil::Date;

use crate::plan::Plan;

use super::calendar::{Dates, date_of, epoch_day};
use super::{Band, PhaseResult, Range, Span};

/// Working-day (start, finish) of each gap in one scenario.
pub type Days = [(u64, u64)];

/// Target window of a phase in epoch days.
pub fn target(plan_start: i64, weeks: Option<(u32, u32)>) -> Option<(i64, i64)> {
    let (a, b) = weeks?;
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let a = a.max(1) as i64;
    let b = (b as i64).max(a);
    Some((plan_start + 7 * (a - 1), plan_start + 7 * b - 1))
}

/// Per phase: its result (run rate left at zero) and the date its own cost lines start.
pub fn compute(
    plan: &Plan,
    dates: &Dates,
    active: &[bool],
    has_work: &[bool],
    group: &[u32],
    days: [&Days; 3],
) -> (Vec<PhaseResult>, Vec<Date>) {
    let np = plan.phases.len();
    let plan_start = epoch_day(plan.start);
    // (earliest planned start, latest best / planned / worst finish) in working days
    let mut acc: Vec<Option<(u64, [u64; 3])>> = vec![None; np];
    // Earliest planned start among gaps with work.
    let mut working: Vec<Option<u64>> = vec![None; np];
    for (i, &on) in active.iter().enumerate() {
        let Some(slot) = acc.get_mut(group[i] as usize).filter(|_| on) else {
            continue;
        };
        let s = days[1][i].0;
        let f = [days[0][i].1, days[1][i].1, days[2][i].1];
        *slot = Some(match *slot {
            None => (s, f),
            Some((s0, f0)) => (
                s0.min(s),
                [f0[0].max(f[0]), f0[1].max(f[1]), f0[2].max(f[2])],
            ),
        });
        if has_work[i] {
            let w = &mut working[group[i] as usize];
            *w = Some(w.map_or(s, |w| w.min(s)));
        }
    }
    let mut results = Vec::with_capacity(np);
    let mut starts = Vec::with_capacity(np);
    for ((p, a), w) in plan.phases.iter().zip(acc).zip(working) {
        let t = target(plan_start, p.weeks);
        let start = w.or(a.map(|a| a.0)).map(|k| dates.get(k));
        let finish = a.map(|(_, f)| Band {
            best: dates.get(f[0]),
            planned: dates.get(f[1]),
            worst: dates.get(f[2]),
        });
        starts.push(start.or(t.map(|t| date_of(t.0))).unwrap_or(plan.start));
        results.push(PhaseResult {
            start,
            finish,
            target: t.map(|(s, f)| Span {
                start: date_of(s),
                finish: date_of(f),
            }),
            slip_days: match (finish, t) {
                (Some(f), Some((_, tf))) => Some(epoch_day(f.planned) - tf),
                _ => None,
            },
            run_rate: Range::default(),
        });
    }
    (results, starts)
}
