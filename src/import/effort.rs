//! Effort quantities: converting estimates to hours and writing them for the log.

use crate::plan::{Dec2, EffortUnit, Estimate, Settings};

pub fn hours(v: Dec2, unit: EffortUnit, s: &Settings) -> Dec2 {
    match unit {
        EffortUnit::Hours => v,
        EffortUnit::Days => {
            Dec2::from_hundredths(v.hundredths() * s.hours_per_day.hundredths() / 100)
        }
        EffortUnit::Weeks => {
            Dec2::from_hundredths(v.hundredths() * s.hours_per_week.hundredths() / 100)
        }
    }
}

pub fn unit_name(u: EffortUnit) -> &'static str {
    match u {
        EffortUnit::Hours => "hours",
        EffortUnit::Days => "days",
        EffortUnit::Weeks => "weeks",
    }
}

pub fn est_text(e: &Estimate) -> String {
    if e.lo == e.hi {
        let unit = unit_name(e.unit);
        let unit = if e.lo == Dec2::from_units(1) {
            unit.trim_end_matches('s')
        } else {
            unit
        };
        format!("{} {unit}", e.lo)
    } else {
        format!("{}-{} {}", e.lo, e.hi, unit_name(e.unit))
    }
}
