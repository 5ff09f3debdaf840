//! The report data model: rows borrowed from the plan and its `Analysis`, in the order
//! every format prints them. No numbers are computed here beyond picking and counting.

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::engine::{Analysis, Band, GapResult, GapTiming, MonthTotal, PhaseResult, Range};
use crate::plan::{Dec2, Gap, Phase, Plan};

/// Everything a report shows, in display order.
pub struct Report<'a> {
    pub title: &'a str,
    pub currency: &'a str,
    pub start: Date,
    pub finish: Band,
    pub readiness: Dec2,
    pub phases: Vec<PhaseRow<'a>>,
    /// Scheduled gaps in planned schedule order.
    pub gaps: Vec<GapRow<'a>>,
    /// Dropped gaps, in rank order (left out of schedule and costs).
    pub dropped: Vec<&'a Gap>,
    pub months: &'a [MonthTotal],
    pub run_rate: Range,
    pub one_off: Range,
    /// Run rate of plan-level cost lines and unphased gaps.
    pub unphased_run_rate: Range,
    /// Run rate per area ("" for gaps with no area), sorted by area.
    pub by_area: &'a [(String, Range)],
}

pub struct PhaseRow<'a> {
    pub phase: &'a Phase,
    pub result: &'a PhaseResult,
    /// Number of non-dropped gaps in the phase.
    pub gaps: usize,
}

pub struct GapRow<'a> {
    /// 1-based position in the planned schedule order.
    pub rank: usize,
    pub gap: &'a Gap,
    pub result: &'a GapResult,
    pub timing: &'a GapTiming,
    /// Team member doing it in the planned schedule.
    pub member: Option<&'a str>,
}

impl<'a> Report<'a> {
    /// Pairs the plan with its analysis. `analysis` must come from `engine::analyze(plan)`.
    pub fn new(plan: &'a Plan, analysis: &'a Analysis) -> Self {
        let mut counts = vec![0usize; plan.phases.len()];
        // A repeated phase id counts for its last entry, as a map built in order would.
        let index: FxHashMap<&str, usize> = plan
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        // Consecutive gaps mostly share a phase: remember the last answer.
        let mut last: Option<(&str, Option<usize>)> = None;
        for g in &plan.gaps {
            if g.status == crate::plan::Status::Dropped {
                continue;
            }
            let Some(p) = g.phase.as_deref() else {
                continue;
            };
            let i = match last {
                Some((name, i)) if name == p => i,
                _ => {
                    let i = index.get(p).copied();
                    last = Some((p, i));
                    i
                }
            };
            if let Some(i) = i {
                counts[i] += 1;
            }
        }
        let phases = plan
            .phases
            .iter()
            .zip(&analysis.phases)
            .zip(counts)
            .map(|((phase, result), gaps)| PhaseRow {
                phase,
                result,
                gaps,
            })
            .collect();
        let gaps = analysis
            .order
            .iter()
            .filter_map(|&i| {
                let result = analysis.gaps.get(i)?;
                let timing = result.timing.as_ref()?;
                Some((i, result, timing))
            })
            .enumerate()
            .map(|(n, (i, result, timing))| GapRow {
                rank: n + 1,
                gap: &plan.gaps[i],
                result,
                timing,
                member: timing
                    .member
                    .and_then(|m| plan.team.get(m))
                    .map(|m| m.name.as_str()),
            })
            .collect();
        let dropped = plan
            .gaps
            .iter()
            .filter(|g| g.status == crate::plan::Status::Dropped)
            .collect();
        Report {
            title: &plan.title,
            currency: &plan.currency,
            start: plan.start,
            finish: analysis.finish,
            readiness: analysis.readiness,
            phases,
            gaps,
            dropped,
            months: &analysis.costs.months,
            run_rate: analysis.costs.run_rate,
            one_off: analysis.costs.one_off,
            unphased_run_rate: analysis.costs.unphased_run_rate,
            by_area: &analysis.costs.by_area,
        }
    }
}
