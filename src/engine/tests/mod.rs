//! Engine unit tests by rule, on small plans whose dates and amounts are worked out by hand.

mod costs;
mod schedule;

use jiff::civil::{Date, date};

use crate::plan::{
    Action, Cost, CostKind, Dec2, EffortUnit, Estimate, Gap, Member, Phase, Plan, Settings,
};

/// A plan starting Monday 2026-01-05 with the given team (name, hours per week).
pub fn plan(team: &[(&str, i64)]) -> Plan {
    Plan {
        title: "t".into(),
        start: date(2026, 1, 5),
        currency: "USD".into(),
        settings: Settings::default(),
        holidays: Vec::new(),
        team: team
            .iter()
            .map(|(n, h)| Member {
                name: n.to_string(),
                hours_per_week: Dec2::from_units(*h),
            })
            .collect(),
        phases: Vec::new(),
        gaps: Vec::new(),
        costs: Vec::new(),
    }
}

pub fn est(unit: EffortUnit, lo: i64, hi: i64) -> Option<Estimate> {
    Some(Estimate {
        unit,
        lo: Dec2::from_units(lo),
        hi: Dec2::from_units(hi),
    })
}

/// A gap of `lo..hi` hours.
pub fn gap(id: &str, lo: i64, hi: i64) -> Gap {
    let mut g = Gap::new(id, id.to_uppercase());
    g.estimate = est(EffortUnit::Hours, lo, hi);
    g
}

pub fn phase(id: &str, weeks: Option<(u32, u32)>) -> Phase {
    Phase {
        id: id.into(),
        name: id.into(),
        goal: None,
        weeks,
        costs: Vec::new(),
    }
}

pub fn cost(kind: CostKind, lo: i64, hi: i64, label: &str) -> Cost {
    Cost {
        kind,
        lo: Dec2::from_units(lo),
        hi: Dec2::from_units(hi),
        label: label.into(),
    }
}

pub fn action(done: bool) -> Action {
    Action {
        done,
        text: "x".into(),
    }
}

pub fn d(m: i8, day: i8) -> Date {
    date(2026, m, day)
}

pub fn units(u: i64) -> Dec2 {
    Dec2::from_units(u)
}
