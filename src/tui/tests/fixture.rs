//! A small hand-built plan and an App around it, for update and screen tests.

use crate::plan::{
    Action, Cost, CostKind, Dec2, EffortUnit, Estimate, Gap, Member, Phase, Plan, Priority,
    Settings, Status,
};
use crate::tui::app::App;
use crate::tui::document::{Document, Origin};
use crate::tui::keymap::Keymap;
use crate::tui::theme::{ColorMode, Theme};

pub fn plan() -> Plan {
    let phase = |id: &str, name: &str, weeks| Phase {
        id: id.into(),
        name: name.into(),
        goal: None,
        weeks: Some(weeks),
        costs: vec![],
    };
    let gap = |id: &str, title: &str, ph: &str, hours: i64| {
        let mut g = Gap::new(id, title);
        g.phase = Some(ph.into());
        g.estimate = Some(Estimate {
            unit: EffortUnit::Hours,
            lo: Dec2::from_units(hours),
            hi: Dec2::from_units(hours * 2),
        });
        g
    };
    let mut backups = gap("backups", "Automated database backups", "p1", 8);
    backups.priority = Priority::Critical;
    backups.area = Some("Data".into());
    backups.actions = vec![
        Action {
            done: true,
            text: "Pick a backup tool".into(),
        },
        Action {
            done: false,
            text: "Schedule nightly dumps".into(),
        },
        Action {
            done: false,
            text: "Test a restore".into(),
        },
    ];
    backups.costs = vec![Cost {
        kind: CostKind::Monthly,
        lo: Dec2::from_units(50),
        hi: Dec2::from_units(120),
        label: "Storage".into(),
    }];
    backups.notes = Some("Keep 30 days.\nEncrypt at rest.".into());
    let mut secrets = gap("secrets", "Secrets out of the repo", "p1", 4);
    secrets.priority = Priority::High;
    secrets.status = Status::InProgress;
    secrets.area = Some("Security".into());
    let mut monitoring = gap("monitoring", "Uptime monitoring and alerts", "p2", 6);
    monitoring.depends_on = vec!["backups".into()];
    monitoring.costs = vec![Cost {
        kind: CostKind::Monthly,
        lo: Dec2::from_units(500),
        hi: Dec2::from_units(1500),
        label: "Datadog".into(),
    }];
    let mut runbooks = gap("runbooks", "Incident runbooks", "p2", 3);
    runbooks.priority = Priority::Low;
    Plan {
        title: "Launch readiness".into(),
        start: jiff::civil::date(2026, 1, 5),
        currency: "USD".into(),
        settings: Settings::default(),
        holidays: vec![],
        team: vec![Member {
            name: "ops".into(),
            hours_per_week: Dec2::from_units(20),
        }],
        phases: vec![
            phase("p1", "Foundation", (1, 2)),
            phase("p2", "Operations", (3, 4)),
        ],
        gaps: vec![backups, secrets, monitoring, runbooks],
        costs: vec![],
    }
}

pub fn app() -> App {
    app_with(plan())
}

pub fn app_with(plan: Plan) -> App {
    let doc = Document::new(plan, Origin::File("plan.ron".into()), vec![]);
    let mut app = App::new(doc, Keymap::defaults(), Theme::defaults(ColorMode::NoColor));
    app.update(crate::tui::action::Action::Resize(100, 30));
    app
}

/// Ids in display order (as the table shows them).
pub fn shown_ids(app: &App) -> Vec<String> {
    app.rows
        .rows
        .iter()
        .filter_map(|r| match r {
            crate::tui::rows::Row::Gap(g) => Some(app.rows.id(g.gap).to_owned()),
            crate::tui::rows::Row::Phase(_) => None,
        })
        .collect()
}

pub fn selected_id(app: &App) -> Option<String> {
    app.selected_gap().map(|g| app.doc.plan.gaps[g].id.clone())
}

/// A temp dir holding a copy of plans/minimal.ron as `plan.ron`, for tests that save.
pub fn minimal_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/plans/minimal.ron"),
        &path,
    )
    .expect("copy minimal.ron");
    (dir, path)
}
