//! Tests for `plan::save`: stable bytes, and load → save → load round trips (with proptest).

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::decimal::Dec2;
use super::load::parse;
use super::model::*;
use super::save::to_ron_string;

fn full_plan() -> Plan {
    let mut g = Gap::new("monitoring", "Production \"monitoring\" & alerting\\");
    g.area = Some("Monitoring".into());
    g.priority = Priority::Critical;
    g.status = Status::Partial;
    g.phase = Some("p1".into());
    g.estimate = Some(Estimate {
        unit: EffortUnit::Days,
        lo: Dec2::from_hundredths(150),
        hi: Dec2::from_units(2),
    });
    g.actions = vec![
        Action {
            done: true,
            text: "[x] looks ticked but is text".into(),
        },
        Action {
            done: false,
            text: " leading space, tab\t, newline\n, bell\u{7}".into(),
        },
    ];
    g.costs = vec![Cost {
        kind: CostKind::Monthly,
        lo: Dec2::from_units(26),
        hi: Dec2::from_hundredths(2650),
        label: "Error tracking (Sentry)".into(),
    }];
    g.depends_on = vec!["dr-docs".into()];
    g.owner = Some("ops".into());
    g.progress = Some(40);
    g.notes = Some("multi\nline // not a comment /* nor this */".into());
    Plan {
        title: "Marketing: process gaps — ünïcödé 🚀".into(),
        start: date(2026, 1, 5),
        currency: "EUR".into(),
        settings: Settings {
            hours_per_day: Dec2::from_units(7),
            hours_per_week: Dec2::from_hundredths(3750),
            monthly_from: MonthlyFrom::Finish,
        },
        holidays: vec![date(2026, 1, 19)],
        team: vec![Member {
            name: "ops".into(),
            hours_per_week: Dec2::from_units(10),
        }],
        phases: vec![Phase {
            id: "p1".into(),
            name: "Critical".into(),
            goal: Some("Stop the bleeding".into()),
            weeks: Some((1, 2)),
            costs: vec![Cost {
                kind: CostKind::Once,
                lo: Dec2::from_units(200),
                hi: Dec2::from_units(300),
                label: "Setup".into(),
            }],
        }],
        gaps: vec![Gap::new("dr-docs", "Disaster recovery"), g],
        costs: vec![],
    }
}

#[test]
fn round_trip_and_byte_identical_resave() {
    let plan = full_plan();
    let text = to_ron_string(&plan);
    let loaded = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(loaded.plan, plan);
    assert_eq!(to_ron_string(&loaded.plan), text);
}

#[test]
fn saved_form_is_one_field_per_line_without_defaults() {
    let mut plan = full_plan();
    plan.settings = Settings::default();
    let text = to_ron_string(&plan);
    assert!(text.starts_with("#![enable(implicit_some)]\nPlan(\n    title: "));
    assert!(!text.contains("settings"), "default settings are left out");
    assert!(
        text.contains("\n            estimate: Days(1.50, 2),\n"),
        "{text}"
    );
    assert!(
        text.contains("\n            costs: [Monthly(26, 26.50, \"Error tracking (Sentry)\")],\n")
    );
    assert!(text.contains("\n                \"[x] [x] looks ticked but is text\",\n"));
    // The second gap has only defaults beyond id/title/priority/status.
    assert!(text.contains(
        "        Gap(\n            id: \"dr-docs\",\n            title: \"Disaster recovery\",\n            priority: Medium,\n            status: Missing,\n        ),\n"
    ), "{text}");
}

#[test]
fn comments_are_not_kept() {
    let src = "// team notes\nPlan(title: \"x\", start: \"2026-01-05\") // trailing\n";
    let text = to_ron_string(&parse(src).unwrap().plan);
    assert!(!text.contains("team notes"));
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 -]{0,12}",
        any::<String>(),
        "[\"\\\\/()\\[\\]{}#r,:* \n\t]{0,10}",
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,8}"
}

fn dec() -> impl Strategy<Value = Dec2> {
    prop_oneof![
        (0i64..1000).prop_map(Dec2::from_units),
        (-100_000_000_000_000i64..100_000_000_000_000).prop_map(Dec2::from_hundredths),
    ]
}

fn a_date() -> impl Strategy<Value = Date> {
    (1990i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

fn cost() -> impl Strategy<Value = Cost> {
    (any::<bool>(), dec(), dec(), text()).prop_map(|(monthly, lo, hi, label)| Cost {
        kind: if monthly {
            CostKind::Monthly
        } else {
            CostKind::Once
        },
        lo,
        hi,
        label,
    })
}

fn gap() -> impl Strategy<Value = Gap> {
    let opt = || proptest::option::of(text());
    (
        (
            id(),
            text(),
            opt(),
            0usize..4,
            0usize..6,
            proptest::option::of(id()),
        ),
        (
            proptest::option::of((0usize..3, dec(), dec())),
            prop::collection::vec((any::<bool>(), text()), 0..4),
        ),
        (
            opt(),
            opt(),
            prop::collection::vec(cost(), 0..3),
            prop::collection::vec(id(), 0..3),
        ),
        (
            proptest::option::of(id()),
            proptest::option::of(any::<u8>()),
        ),
    )
        .prop_map(
            |(
                (id, title, area, pr, st, phase),
                (est, actions),
                (impact, notes, costs, deps),
                (owner, progress),
            )| Gap {
                id,
                title,
                area,
                priority: Priority::ALL[pr],
                status: Status::ALL[st],
                phase,
                estimate: est.map(|(u, lo, hi)| Estimate {
                    unit: [EffortUnit::Hours, EffortUnit::Days, EffortUnit::Weeks][u],
                    lo,
                    hi,
                }),
                actions: actions
                    .into_iter()
                    .map(|(done, text)| Action { done, text })
                    .collect(),
                impact,
                notes,
                costs,
                depends_on: deps,
                owner,
                progress,
            },
        )
}

pub(super) fn plan() -> impl Strategy<Value = Plan> {
    (
        (text(), a_date(), text(), dec(), dec(), any::<bool>()),
        prop::collection::vec(a_date(), 0..3),
        prop::collection::vec((text(), dec()), 0..3),
        prop::collection::vec(
            (
                id(),
                text(),
                proptest::option::of(text()),
                proptest::option::of((any::<u32>(), any::<u32>())),
                prop::collection::vec(cost(), 0..2),
            ),
            0..3,
        ),
        prop::collection::vec(gap(), 0..5),
        prop::collection::vec(cost(), 0..2),
    )
        .prop_map(
            |((title, start, currency, hpd, hpw, finish), holidays, team, phases, gaps, costs)| {
                Plan {
                    title,
                    start,
                    currency,
                    settings: Settings {
                        hours_per_day: hpd,
                        hours_per_week: hpw,
                        monthly_from: if finish {
                            MonthlyFrom::Finish
                        } else {
                            MonthlyFrom::Start
                        },
                    },
                    holidays,
                    team: team
                        .into_iter()
                        .map(|(name, hours_per_week)| Member {
                            name,
                            hours_per_week,
                        })
                        .collect(),
                    phases: phases
                        .into_iter()
                        .map(|(id, name, goal, weeks, costs)| Phase {
                            id,
                            name,
                            goal,
                            weeks,
                            costs,
                        })
                        .collect(),
                    gaps,
                    costs,
                }
            },
        )
}

proptest! {
    #[test]
    fn any_plan_round_trips(plan in plan()) {
        let text = to_ron_string(&plan);
        let loaded = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded.plan, &plan);
        prop_assert_eq!(to_ron_string(&loaded.plan), text);
    }
}
