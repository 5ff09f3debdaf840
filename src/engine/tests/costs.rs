//! Cost rules: placement of Monthly and Once lines, months, run rate, readiness.

use super::*;
use crate::engine::{CostSource, Range, analyze};
use crate::plan::{CostKind, MonthlyFrom, Priority, Status};

fn r(low: i64, high: i64) -> Range {
    Range {
        low: units(low),
        high: units(high),
    }
}

/// Two back-to-back gaps for one 40 h/week member from Monday 2026-01-26:
/// "a" runs Jan 26 – Feb 6 (two weeks), "b" Feb 9 – Feb 13.
fn month_plan() -> crate::plan::Plan {
    let mut p = plan(&[("dev", 40)]);
    p.start = d(1, 26);
    let mut a = gap("a", 0, 0);
    a.estimate = est(crate::plan::EffortUnit::Weeks, 2, 2);
    a.area = Some("Ops".into());
    a.costs = vec![
        cost(CostKind::Monthly, 10, 20, "Hosting"),
        cost(CostKind::Once, 100, 100, "Setup"),
    ];
    let mut b = gap("b", 40, 40);
    b.costs = vec![cost(CostKind::Monthly, 5, 5, "Hosting")];
    p.gaps = vec![a, b];
    p
}

#[test]
fn monthly_recurs_from_start_month_and_once_is_paid_once() {
    let p = month_plan();
    let a = analyze(&p);
    let t = a.gaps[0].timing.as_ref().unwrap();
    assert_eq!((t.planned.start, t.planned.finish), (d(1, 26), d(2, 6)));
    assert_eq!(a.finish.planned, d(2, 13));
    let m = &a.costs.months;
    assert_eq!(m.len(), 2);
    assert_eq!((m[0].year, m[0].month), (2026, 1));
    assert_eq!((m[1].year, m[1].month), (2026, 2));
    assert_eq!(m[0].total, r(110, 120), "Hosting 10–20 plus Setup 100");
    assert_eq!(m[1].total, r(15, 25), "Hosting again plus b's 5");
    assert_eq!(m[1].cumulative, r(125, 145));
    assert_eq!(a.costs.run_rate, r(15, 25));
    assert_eq!(a.costs.one_off, r(100, 100));
    assert_eq!(a.gaps[0].monthly, r(10, 20));
    assert_eq!(a.gaps[0].once, r(100, 100));
    assert_eq!(a.costs.lines[0].source, CostSource::Gap(0));
    assert_eq!(a.costs.lines[0].month, 0);
}

#[test]
fn monthly_from_finish_moves_recurring_to_the_finish_month() {
    let mut p = month_plan();
    p.settings.monthly_from = MonthlyFrom::Finish;
    let a = analyze(&p);
    let m = &a.costs.months;
    assert_eq!(m[0].total, r(100, 100), "Once still in the start month");
    assert_eq!(m[1].total, r(15, 25));
    assert_eq!(m[1].cumulative, r(115, 125));
}

#[test]
fn phase_and_plan_lines_and_run_rate_breakdowns() {
    let mut p = month_plan();
    p.phases = vec![
        phase("p1", None),
        phase("p2", None),
        phase("p3", Some((10, 12))),
    ];
    p.phases[0].costs = vec![cost(CostKind::Monthly, 1, 1, "Tools")];
    p.phases[2].costs = vec![cost(CostKind::Once, 7, 7, "Audit")];
    p.costs = vec![cost(CostKind::Monthly, 3, 4, "Tools")];
    p.gaps[0].phase = Some("p1".into());
    p.gaps[1].phase = Some("p2".into());
    let a = analyze(&p);
    let line = |src| {
        a.costs
            .lines
            .iter()
            .find(|l| l.source == src)
            .unwrap()
            .month
    };
    assert_eq!(
        line(CostSource::Phase(0)),
        0,
        "p1 starts with gap a in January"
    );
    // p3 has no gaps: its lines start with its target, week 10 = 2026-03-30.
    assert_eq!(line(CostSource::Phase(2)), 2);
    assert_eq!(line(CostSource::Plan), 0);
    assert_eq!(a.costs.months.len(), 3, "extended to the Audit month");
    assert_eq!(a.costs.months[2].total, r(26, 37));
    assert_eq!(a.costs.run_rate, r(19, 30));
    assert_eq!(a.phases[0].run_rate, r(11, 21));
    assert_eq!(a.phases[1].run_rate, r(5, 5));
    assert_eq!(a.phases[2].run_rate, r(0, 0));
    assert_eq!(a.costs.unphased_run_rate, r(3, 4));
    assert_eq!(
        a.costs.by_area,
        vec![("".to_string(), r(9, 10)), ("Ops".to_string(), r(10, 20))]
    );
    assert_eq!(
        a.costs.by_label,
        vec![
            ("Hosting".to_string(), r(15, 25)),
            ("Tools".to_string(), r(4, 5))
        ]
    );
}

#[test]
fn reversed_cost_ranges_are_swapped() {
    let mut p = plan(&[("dev", 40)]);
    p.costs = vec![cost(CostKind::Once, 9, 2, "x")];
    assert_eq!(analyze(&p).costs.one_off, r(2, 9));
}

#[test]
fn readiness_weights_by_priority_and_skips_dropped() {
    let mut p = plan(&[("dev", 40)]);
    let mut c = gap("c", 1, 1);
    c.priority = Priority::Critical;
    c.progress = Some(50);
    let mut l = gap("l", 1, 1);
    l.priority = Priority::Low;
    l.status = Status::Done;
    let mut x = gap("x", 1, 1);
    x.status = Status::Dropped;
    p.gaps = vec![c, l, x];
    // (8 × 50 + 1 × 100) / 9 = 55.555…
    assert_eq!(analyze(&p).readiness, Dec2::from_hundredths(5556));
}
