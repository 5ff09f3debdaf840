//! A small plan with a hand-written analysis, for formatter unit tests that must not
//! depend on the engine's arithmetic.

use jiff::civil::{Date, date};

use crate::engine::{
    Analysis, Band, CostSummary, GapResult, GapTiming, MonthTotal, PhaseResult, Range, Span,
};
use crate::plan::{
    Action, Cost, CostKind, Dec2, EffortUnit, Estimate, Gap, Member, Phase, Plan, Priority,
    Settings, Status,
};

fn d(m: i8, day: i8) -> Date {
    date(2026, m, day)
}

fn units(l: i64, h: i64) -> Range {
    Range {
        low: Dec2::from_units(l),
        high: Dec2::from_units(h),
    }
}

fn cost(kind: CostKind, lo: i64, hi: i64, label: &str) -> Cost {
    Cost {
        kind,
        lo: Dec2::from_units(lo),
        hi: Dec2::from_units(hi),
        label: label.into(),
    }
}

pub fn plan_and_analysis() -> (Plan, Analysis) {
    let mut dr = Gap::new(
        "dr-docs",
        "Disaster recovery documentation, with a title long enough to be cut",
    );
    dr.area = Some("Operations".into());
    dr.priority = Priority::Critical;
    dr.phase = Some("p1".into());
    dr.estimate = Some(Estimate {
        unit: EffortUnit::Hours,
        lo: Dec2::from_units(6),
        hi: Dec2::from_units(10),
    });
    dr.actions = vec![
        Action {
            done: true,
            text: "Document backups".into(),
        },
        Action {
            done: false,
            text: "Write runbook".into(),
        },
    ];
    let mut mon = Gap::new("monitoring", "Production monitoring, alerting | paging");
    mon.area = Some("Monitoring".into());
    mon.priority = Priority::Critical;
    mon.status = Status::Partial;
    mon.phase = Some("p1".into());
    mon.owner = Some("ops".into());
    mon.progress = Some(25);
    mon.costs = vec![
        cost(CostKind::Monthly, 26, 26, "Error tracking"),
        cost(CostKind::Monthly, 30, 80, "Uptime checks"),
        cost(CostKind::Once, 200, 200, "Setup"),
    ];
    let mut old = Gap::new("old-thing", "Something no longer needed");
    old.status = Status::Dropped;
    old.priority = Priority::Low;
    let phase = |id: &str, name: &str, weeks| Phase {
        id: id.into(),
        name: name.into(),
        goal: None,
        weeks: Some(weeks),
        costs: vec![],
    };
    let plan = Plan {
        title: "Marketing platform: process gaps".into(),
        start: d(1, 5),
        currency: "USD".into(),
        settings: Settings::default(),
        holidays: vec![],
        team: vec![
            Member {
                name: "backend".into(),
                hours_per_week: Dec2::from_units(30),
            },
            Member {
                name: "ops".into(),
                hours_per_week: Dec2::from_units(10),
            },
        ],
        phases: vec![
            phase("p1", "Critical infrastructure", (1, 2)),
            phase("p2", "API & security", (3, 6)),
        ],
        gaps: vec![dr, mon, old],
        costs: vec![],
    };
    let span = |a: Date, b: Date| Span {
        start: a,
        finish: b,
    };
    let analysis = Analysis {
        gaps: vec![
            GapResult {
                progress: 50,
                remaining_hours: units(3, 5),
                timing: Some(GapTiming {
                    member: Some(0),
                    planned: span(d(1, 5), d(1, 6)),
                    best: span(d(1, 5), d(1, 5)),
                    worst: span(d(1, 5), d(1, 7)),
                }),
                monthly: Range::default(),
                once: Range::default(),
            },
            GapResult {
                progress: 25,
                remaining_hours: units(6, 12),
                timing: Some(GapTiming {
                    member: Some(1),
                    planned: span(d(1, 7), d(1, 9)),
                    best: span(d(1, 6), d(1, 8)),
                    worst: span(d(1, 8), d(1, 13)),
                }),
                monthly: units(56, 106),
                once: units(200, 200),
            },
            GapResult {
                progress: 0,
                remaining_hours: Range::default(),
                timing: None,
                monthly: Range::default(),
                once: Range::default(),
            },
        ],
        phases: vec![
            PhaseResult {
                start: Some(d(1, 5)),
                finish: Some(Band {
                    planned: d(1, 9),
                    best: d(1, 8),
                    worst: d(1, 13),
                }),
                target: Some(span(d(1, 5), d(1, 16))),
                slip_days: Some(-7),
                run_rate: units(56, 106),
            },
            PhaseResult {
                start: None,
                finish: None,
                target: Some(span(d(1, 19), d(2, 13))),
                slip_days: None,
                run_rate: Range::default(),
            },
        ],
        order: vec![0, 1],
        finish: Band {
            planned: d(1, 9),
            best: d(1, 8),
            worst: d(1, 13),
        },
        costs: CostSummary {
            months: vec![MonthTotal {
                year: 2026,
                month: 1,
                total: units(256, 306),
                cumulative: units(256, 306),
            }],
            lines: vec![],
            run_rate: units(56, 106),
            one_off: units(200, 200),
            by_area: vec![("Monitoring".into(), units(56, 106))],
            by_label: vec![],
            unphased_run_rate: Range::default(),
        },
        readiness: Dec2::from_hundredths(3750),
        load: Default::default(),
    };
    (plan, analysis)
}
