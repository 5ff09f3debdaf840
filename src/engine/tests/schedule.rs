//! Scheduling rules: sequencing, members, owners, dependencies, calendar, bands, cycles.

use super::*;
use crate::engine::{Analysis, Span, analyze};
use crate::plan::{EffortUnit, Status};

fn planned(a: &Analysis, i: usize) -> (Date, Date) {
    let t = a.gaps[i].timing.as_ref().expect("scheduled");
    (t.planned.start, t.planned.finish)
}

fn member(a: &Analysis, i: usize) -> Option<usize> {
    a.gaps[i].timing.as_ref().and_then(|t| t.member)
}

#[test]
fn one_member_does_gaps_in_rank_order() {
    let mut p = plan(&[("dev", 40)]);
    let mut c = gap("c", 0, 0);
    c.estimate = est(EffortUnit::Days, 1, 1);
    p.gaps = vec![gap("a", 8, 8), gap("b", 4, 12), c];
    let a = analyze(&p);
    assert_eq!(planned(&a, 0), (d(1, 5), d(1, 5)));
    assert_eq!(
        planned(&a, 1),
        (d(1, 6), d(1, 6)),
        "midpoint of 4..12 is 8 h"
    );
    assert_eq!(planned(&a, 2), (d(1, 7), d(1, 7)));
    let c = a.gaps[2].timing.as_ref().unwrap();
    // Best: b takes 4 h, so c runs from Tuesday noon to Wednesday noon.
    assert_eq!(
        c.best,
        Span {
            start: d(1, 6),
            finish: d(1, 7)
        }
    );
    // Worst: b takes 12 h (to Wednesday noon), c to Thursday noon.
    assert_eq!(
        c.worst,
        Span {
            start: d(1, 7),
            finish: d(1, 8)
        }
    );
    assert_eq!(a.finish.best, d(1, 7));
    assert_eq!(a.finish.planned, d(1, 7));
    assert_eq!(a.finish.worst, d(1, 8));
    assert_eq!(a.order, vec![0, 1, 2]);
    assert_eq!(member(&a, 1), Some(0));
}

#[test]
fn two_members_share_work_by_earliest_start() {
    let mut p = plan(&[("a", 40), ("b", 20)]);
    p.gaps = vec![gap("x", 8, 8), gap("y", 8, 8), gap("z", 8, 8)];
    let a = analyze(&p);
    assert_eq!(
        (member(&a, 0), planned(&a, 0)),
        (Some(0), (d(1, 5), d(1, 5)))
    );
    // 20 h/week is 4 h a day: 8 h takes two days.
    assert_eq!(
        (member(&a, 1), planned(&a, 1)),
        (Some(1), (d(1, 5), d(1, 6)))
    );
    assert_eq!(
        (member(&a, 2), planned(&a, 2)),
        (Some(0), (d(1, 6), d(1, 6)))
    );
}

#[test]
fn owners_get_their_gaps_and_unknown_owners_are_ignored() {
    let mut p = plan(&[("a", 40), ("b", 40), ("idle", 0)]);
    let mut x = gap("x", 8, 8);
    x.owner = Some("b".into());
    let mut y = gap("y", 8, 8);
    y.owner = Some("b".into());
    let mut z = gap("z", 8, 8);
    z.owner = Some("nobody".into());
    let mut w = gap("w", 8, 8);
    w.owner = Some("idle".into());
    p.gaps = vec![x, y, z, w];
    let a = analyze(&p);
    assert_eq!(
        (member(&a, 0), planned(&a, 0)),
        (Some(1), (d(1, 5), d(1, 5)))
    );
    assert_eq!(
        (member(&a, 1), planned(&a, 1)),
        (Some(1), (d(1, 6), d(1, 6)))
    );
    assert_eq!(
        (member(&a, 2), planned(&a, 2)),
        (Some(0), (d(1, 5), d(1, 5)))
    );
    assert_eq!(
        member(&a, 3),
        Some(0),
        "an owner with 0 hours counts as no owner"
    );
    assert_eq!(planned(&a, 3), (d(1, 6), d(1, 6)));
}

#[test]
fn dependencies_wait_across_members_and_ranks() {
    let mut p = plan(&[("a", 40), ("b", 40)]);
    let mut first = gap("first", 16, 16);
    first.owner = Some("a".into());
    let mut after = gap("after", 8, 8);
    after.depends_on = vec!["first".into(), "ghost".into()];
    // "early" is ranked before "late" but depends on it.
    let mut early = gap("early", 8, 8);
    early.depends_on = vec!["late".into()];
    p.gaps = vec![first, after, early, gap("late", 8, 8)];
    let a = analyze(&p);
    assert_eq!(planned(&a, 0), (d(1, 5), d(1, 6)));
    assert_eq!(planned(&a, 1), (d(1, 7), d(1, 7)), "waits for `first`");
    assert_eq!(member(&a, 1), Some(0), "both free when ready: team order");
    assert_eq!(
        (member(&a, 3), planned(&a, 3)),
        (Some(1), (d(1, 5), d(1, 5)))
    );
    assert_eq!(
        (member(&a, 2), planned(&a, 2)),
        (Some(1), (d(1, 6), d(1, 6)))
    );
    assert_eq!(a.order, vec![0, 3, 2, 1]);
}

#[test]
fn progress_reduces_remaining_effort() {
    let mut p = plan(&[("dev", 40)]);
    let mut x = gap("x", 16, 16);
    x.actions = vec![action(true), action(false)];
    let mut y = gap("y", 16, 16);
    y.progress = Some(75);
    let mut z = gap("z", 40, 40);
    z.status = Status::Done;
    p.gaps = vec![x, y, z];
    let a = analyze(&p);
    assert_eq!(a.gaps[0].progress, 50);
    assert_eq!(a.gaps[0].remaining_hours.high, units(8));
    assert_eq!(a.gaps[1].remaining_hours.low, units(4));
    assert_eq!(a.gaps[2].progress, 100);
    assert_eq!(a.gaps[2].remaining_hours.high, units(0));
    assert_eq!(planned(&a, 0), (d(1, 5), d(1, 5)));
    assert_eq!(planned(&a, 1), (d(1, 6), d(1, 6)), "4 h on Tuesday");
    assert_eq!(planned(&a, 2), (d(1, 5), d(1, 5)), "done: dated when ready");
    assert_eq!(member(&a, 2), None, "nobody works on a done gap");
}

#[test]
fn dropped_gaps_are_left_out() {
    let mut p = plan(&[("dev", 40)]);
    let mut x = gap("x", 80, 80);
    x.status = Status::Dropped;
    x.costs = vec![cost(crate::plan::CostKind::Monthly, 100, 100, "m")];
    let mut y = gap("y", 8, 8);
    y.depends_on = vec!["x".into()];
    p.gaps = vec![x, y];
    let a = analyze(&p);
    assert!(a.gaps[0].timing.is_none());
    assert_eq!(a.order, vec![1]);
    assert_eq!(planned(&a, 1), (d(1, 5), d(1, 5)));
    assert!(a.costs.lines.is_empty());
    assert_eq!(a.gaps[0].monthly, crate::engine::Range::default());
}

#[test]
fn weekends_and_holidays_are_skipped() {
    let mut p = plan(&[("dev", 40)]);
    p.start = d(1, 9); // a Friday
    p.holidays = vec![d(1, 12), d(1, 10)];
    p.gaps = vec![gap("x", 24, 24)];
    let a = analyze(&p);
    assert_eq!(planned(&a, 0), (d(1, 9), d(1, 14)));
    // Starting on a Sunday begins on Monday.
    p.start = d(1, 11);
    p.holidays.clear();
    assert_eq!(planned(&analyze(&p), 0), (d(1, 12), d(1, 14)));
}

#[test]
fn no_usable_team_means_one_anonymous_full_timer() {
    for team in [&[][..], &[("x", 0)][..]] {
        let mut p = plan(team);
        p.gaps = vec![gap("a", 40, 40), gap("b", 8, 8)];
        let a = analyze(&p);
        assert_eq!(planned(&a, 0), (d(1, 5), d(1, 9)));
        assert_eq!(planned(&a, 1), (d(1, 12), d(1, 12)));
        assert_eq!(member(&a, 0), None);
    }
}

#[test]
fn cycles_are_broken_in_rank_order() {
    let mut p = plan(&[("dev", 40)]);
    let mut x = gap("x", 8, 8);
    x.depends_on = vec!["y".into()];
    let mut y = gap("y", 8, 8);
    y.depends_on = vec!["x".into(), "y".into()];
    let mut z = gap("z", 8, 8);
    z.depends_on = vec!["y".into()];
    p.gaps = vec![x, y, z];
    let a = analyze(&p);
    assert_eq!(a.order, vec![0, 1, 2]);
    assert_eq!(planned(&a, 2), (d(1, 7), d(1, 7)));
}

#[test]
fn phases_order_work_and_report_slip() {
    let mut p = plan(&[("dev", 40)]);
    p.phases = vec![
        phase("p1", Some((1, 1))),
        phase("p2", Some((2, 3))),
        phase("empty", None),
    ];
    let mut late = gap("late", 8, 8);
    late.phase = Some("p2".into());
    let mut loose = gap("loose", 8, 8);
    loose.phase = Some("nope".into());
    let mut first = gap("first", 40, 48);
    first.phase = Some("p1".into());
    p.gaps = vec![loose, late, first];
    let a = analyze(&p);
    assert_eq!(a.order, vec![2, 1, 0], "phase order, then unphased");
    let p1 = &a.phases[0];
    assert_eq!(p1.start, Some(d(1, 5)));
    let f = p1.finish.unwrap();
    assert_eq!((f.best, f.planned, f.worst), (d(1, 9), d(1, 12), d(1, 12)));
    let t = p1.target.unwrap();
    assert_eq!((t.start, t.finish), (d(1, 5), d(1, 11)));
    assert_eq!(
        p1.slip_days,
        Some(1),
        "44 h end on Monday, target ends Sunday"
    );
    let t2 = a.phases[1].target.unwrap();
    assert_eq!((t2.start, t2.finish), (d(1, 12), d(1, 25)));
    assert_eq!(a.phases[1].slip_days, Some(-12));
    assert_eq!((a.phases[2].start, a.phases[2].slip_days), (None, None));
}

#[test]
fn team_load_stays_within_capacity() {
    let mut p = plan(&[("a", 40), ("b", 10)]);
    p.holidays = vec![d(1, 7)];
    let mut x = gap("x", 50, 50);
    x.owner = Some("a".into());
    p.gaps = vec![x];
    let a = analyze(&p);
    assert_eq!(a.load.capacity[0][..2], [units(32), units(40)]);
    assert_eq!(a.load.capacity[1][0], units(8));
    assert_eq!(a.load.hours[0][..2], [units(32), units(18)]);
    assert_eq!(a.load.hours[1][0], units(0));
}

#[test]
fn empty_and_absurd_plans_do_not_panic() {
    let p = plan(&[]);
    let a = analyze(&p);
    assert_eq!(a.finish.planned, p.start);
    assert_eq!(a.readiness, units(100));
    assert_eq!(a.costs.months.len(), 1);
    let mut p = plan(&[("a", 1)]);
    let mut g = gap("huge", 0, 0);
    g.estimate = est(EffortUnit::Weeks, 1_000_000_000_000, 1);
    p.phases = vec![phase("p", Some((u32::MAX, 0)))];
    g.phase = Some("p".into());
    p.gaps = vec![g];
    p.settings.hours_per_week = units(1_000_000_000_000);
    let a = analyze(&p);
    assert_eq!(a.finish.worst, Date::MAX);
    assert!(a.costs.months.len() <= crate::engine::MAX_MONTHS);
}

#[test]
fn done_gaps_do_not_pull_a_phase_start_back() {
    let mut p = plan(&[("dev", 40)]);
    p.phases = vec![phase("p1", None), phase("p2", None)];
    let mut a = gap("a", 16, 16);
    a.phase = Some("p1".into());
    let mut done = gap("done", 8, 8);
    done.phase = Some("p2".into());
    done.status = Status::Done;
    let mut b = gap("b", 8, 8);
    b.phase = Some("p2".into());
    let mut all_done = done.clone();
    all_done.id = "all-done".into();
    all_done.phase = Some("p3".into());
    p.phases.push(phase("p3", None));
    p.gaps = vec![a, done, b, all_done];
    let r = analyze(&p);
    assert_eq!(planned(&r, 1), (d(1, 5), d(1, 5)), "done: dated when ready");
    assert_eq!(
        r.phases[1].start,
        Some(d(1, 7)),
        "p2's work starts after p1's"
    );
    assert_eq!(r.phases[1].finish.unwrap().planned, d(1, 7));
    assert_eq!(
        r.phases[2].start,
        Some(d(1, 5)),
        "only done gaps: their date"
    );
}
