//! Property tests of the engine over random plans: everything scheduled, capacity kept,
//! dependencies respected, best ≤ planned ≤ worst, month totals add up.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::{Analysis, analyze};
use crate::plan::{
    Action, Cost, CostKind, Dec2, EffortUnit, Estimate, Gap, Member, MonthlyFrom, Phase, Plan,
    Priority, Settings, Status,
};

/// One gap as generated: (unit, lo, hi, status, progress, actions, deps, owner, phase, costs, area).
type GapSpec = (
    u8,
    i64,
    i64,
    usize,
    Option<u8>,
    Vec<bool>,
    Vec<usize>,
    Option<usize>,
    Option<usize>,
    Vec<(bool, i64, i64)>,
    u8,
);

fn gap_spec() -> impl Strategy<Value = GapSpec> {
    (
        0u8..3,
        0i64..4000,
        0i64..4000,
        0usize..6,
        proptest::option::of(0u8..=100),
        proptest::collection::vec(any::<bool>(), 0..4),
        proptest::collection::vec(0usize..1000, 0..3),
        proptest::option::of(0usize..5),
        proptest::option::of(0usize..4),
        proptest::collection::vec((any::<bool>(), 0i64..100_000, 0i64..100_000), 0..3),
        0u8..3,
    )
}

/// (start offset, holidays, team hours, phase windows, plan costs, monthly_from, gaps)
type PlanSpec = (
    i64,
    Vec<i64>,
    Vec<i64>,
    Vec<Option<(u32, u32)>>,
    Vec<(bool, i64, i64)>,
    bool,
    Vec<GapSpec>,
);

fn plan_spec() -> impl Strategy<Value = PlanSpec> {
    (
        0i64..400,
        proptest::collection::vec(0i64..150, 0..6),
        proptest::collection::vec(0i64..6000, 0..4),
        proptest::collection::vec(proptest::option::of((0u32..10, 0u32..12)), 0..4),
        proptest::collection::vec((any::<bool>(), 0i64..100_000, 0i64..100_000), 0..2),
        any::<bool>(),
        proptest::collection::vec(gap_spec(), 0..25),
    )
}

fn day(offset: i64) -> Date {
    date(2026, 1, 1)
        .checked_add(jiff::Span::new().days(offset))
        .unwrap_or(Date::MAX)
}

fn costs(specs: &[(bool, i64, i64)]) -> Vec<Cost> {
    specs
        .iter()
        .map(|&(monthly, lo, hi)| Cost {
            kind: if monthly {
                CostKind::Monthly
            } else {
                CostKind::Once
            },
            lo: Dec2::from_hundredths(lo),
            hi: Dec2::from_hundredths(hi),
            label: format!("l{}", lo % 3),
        })
        .collect()
}

/// Builds a plan; with `acyclic`, every dependency points at an earlier-ranked gap.
fn build(spec: &PlanSpec, acyclic: bool) -> Plan {
    let (start, holidays, team, phases, plan_costs, from_finish, gaps) = spec;
    let n = gaps.len();
    let units = [EffortUnit::Hours, EffortUnit::Days, EffortUnit::Weeks];
    Plan {
        title: "p".into(),
        start: day(*start),
        currency: "USD".into(),
        settings: Settings {
            monthly_from: if *from_finish {
                MonthlyFrom::Finish
            } else {
                MonthlyFrom::Start
            },
            ..Settings::default()
        },
        holidays: holidays.iter().map(|h| day(start + h)).collect(),
        team: team
            .iter()
            .enumerate()
            .map(|(i, h)| Member {
                name: format!("m{i}"),
                hours_per_week: Dec2::from_hundredths(*h),
            })
            .collect(),
        phases: phases
            .iter()
            .enumerate()
            .map(|(i, w)| Phase {
                id: format!("p{i}"),
                name: format!("P{i}"),
                goal: None,
                weeks: *w,
                costs: costs(&plan_costs[..plan_costs.len().min(1)]),
            })
            .collect(),
        costs: costs(plan_costs),
        gaps: gaps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut g = Gap::new(format!("g{i}"), format!("G{i}"));
                g.estimate = Some(Estimate {
                    unit: units[s.0 as usize],
                    lo: Dec2::from_hundredths(s.1),
                    hi: Dec2::from_hundredths(s.2),
                });
                g.status = Status::ALL[s.3];
                g.priority = Priority::ALL[s.3 % 4];
                g.progress = s.4;
                g.actions =
                    s.5.iter()
                        .map(|&done| Action {
                            done,
                            text: String::new(),
                        })
                        .collect();
                g.depends_on =
                    s.6.iter()
                        .filter(|_| !acyclic || i > 0)
                        .map(|&d| format!("g{}", if acyclic { d % i } else { d % n.max(1) }))
                        .collect();
                g.owner = s.7.map(|o| format!("m{o}"));
                g.phase = s.8.map(|p| format!("p{p}"));
                g.costs = costs(&s.9);
                g.area = (s.10 > 0).then(|| format!("a{}", s.10));
                g
            })
            .collect(),
    }
}

fn check_common(plan: &Plan, a: &Analysis) -> Result<(), TestCaseError> {
    let mut in_order = vec![false; plan.gaps.len()];
    for &g in &a.order {
        in_order[g] = true;
    }
    for (i, g) in plan.gaps.iter().enumerate() {
        let dropped = g.status == Status::Dropped;
        prop_assert_eq!(
            a.gaps[i].timing.is_none(),
            dropped,
            "gap {} scheduled iff not dropped",
            i
        );
        prop_assert_eq!(in_order[i], !dropped);
        if let Some(t) = &a.gaps[i].timing {
            prop_assert!(t.best.finish <= t.planned.finish && t.planned.finish <= t.worst.finish);
            prop_assert!(t.planned.start <= t.planned.finish);
            prop_assert!(t.planned.start >= plan.start);
        }
    }
    prop_assert_eq!(
        a.order.len(),
        plan.gaps
            .iter()
            .filter(|g| g.status != Status::Dropped)
            .count()
    );
    prop_assert!(a.finish.best <= a.finish.planned && a.finish.planned <= a.finish.worst);
    for (hours, cap) in a.load.hours.iter().zip(&a.load.capacity) {
        for (h, c) in hours.iter().zip(cap) {
            prop_assert!(h <= c, "load {} over capacity {}", h, c);
        }
    }
    let months = &a.costs.months;
    let mut running = (Dec2::ZERO, Dec2::ZERO);
    for (i, m) in months.iter().enumerate() {
        let mut want = (Dec2::ZERO, Dec2::ZERO);
        for l in &a.costs.lines {
            let active = match l.kind {
                CostKind::Monthly => l.month <= i,
                CostKind::Once => l.month == i,
            };
            if active {
                want.0 += l.amount.low;
                want.1 += l.amount.high;
            }
        }
        prop_assert_eq!((m.total.low, m.total.high), want, "month {}", i);
        running.0 += want.0;
        running.1 += want.1;
        prop_assert_eq!((m.cumulative.low, m.cumulative.high), running);
    }
    prop_assert!(a.costs.lines.iter().all(|l| l.month < months.len()));
    Ok(())
}

proptest! {
    #[test]
    fn any_plan_is_fully_and_soundly_analyzed(spec in plan_spec()) {
        let plan = build(&spec, false);
        check_common(&plan, &analyze(&plan))?;
    }

    #[test]
    fn acyclic_dependencies_are_respected(spec in plan_spec()) {
        let plan = build(&spec, true);
        let a = analyze(&plan);
        check_common(&plan, &a)?;
        for (i, g) in plan.gaps.iter().enumerate() {
            let Some(t) = &a.gaps[i].timing else { continue };
            for dep in &g.depends_on {
                let j: usize = dep[1..].parse().unwrap_or(usize::MAX);
                let Some(Some(dt)) = a.gaps.get(j).map(|r| r.timing.as_ref()) else { continue };
                prop_assert!(t.planned.start >= dt.planned.finish, "g{} before its dep g{}", i, j);
                prop_assert!(t.best.start >= dt.best.finish);
                prop_assert!(t.worst.start >= dt.worst.finish);
            }
        }
    }
}
