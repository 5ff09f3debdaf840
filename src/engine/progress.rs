//! Progress percent and remaining effort of one gap, in hundredths of an hour.
//!
//! - Progress: `Done` is 100; else the explicit `progress` (capped at 100); else the
//!   share of ticked actions, rounded down; else 0. Dropped gaps get a progress too
//!   (for display) but are never scheduled.
//! - Effort: `Hours` as written, `Days` × `settings.hours_per_day`, `Weeks` ×
//!   `settings.hours_per_week`. Negative numbers count as 0 and a reversed range
//!   (lo > hi) is swapped. A gap with no estimate has zero effort (`check` warns).
//! - Remaining = effort × (100 − progress) / 100, rounded up to a hundredth of an hour.
//!   The planned scenario uses the midpoint of the remaining range rounded *up*, so a
//!   gap has zero planned effort only when its high end is zero too.

use crate::plan::{Dec2, EffortUnit, Gap, Settings, Status};

use super::Range;

/// Remaining effort of one gap in hundredths of an hour, per scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Effort {
    pub best: i64,
    pub planned: i64,
    pub worst: i64,
}

impl Effort {
    pub fn get(&self, s: super::schedule::Scenario) -> i64 {
        match s {
            super::schedule::Scenario::Best => self.best,
            super::schedule::Scenario::Worst => self.worst,
        }
    }

    pub fn hours(&self) -> Range {
        Range {
            low: Dec2::from_hundredths(self.best),
            high: Dec2::from_hundredths(self.worst),
        }
    }
}

/// Percent done, 0–100.
pub fn progress(gap: &Gap) -> u8 {
    if gap.status == Status::Done {
        return 100;
    }
    if let Some(p) = gap.progress {
        return p.min(100);
    }
    let total = gap.actions.len();
    if total == 0 {
        return 0;
    }
    let done = gap.actions.iter().filter(|a| a.done).count();
    ((done * 100) / total).min(100) as u8
}

/// Hundredths of an hour for `v` in `unit` (never negative, saturating).
fn to_hours(v: Dec2, unit: EffortUnit, settings: &Settings) -> i64 {
    let v = v.hundredths().max(0);
    let per = match unit {
        EffortUnit::Hours => return v,
        EffortUnit::Days => settings.hours_per_day,
        EffortUnit::Weeks => settings.hours_per_week,
    }
    .hundredths()
    .max(0);
    match v.checked_mul(per) {
        Some(p) => p / 100,
        None => (v as i128 * per as i128 / 100).min(i64::MAX as i128) as i64,
    }
}

/// Remaining effort of `gap` given its progress percent.
pub fn remaining(gap: &Gap, settings: &Settings, progress: u8) -> Effort {
    let Some(est) = gap.estimate else {
        return Effort::default();
    };
    let (a, b) = (
        to_hours(est.lo, est.unit, settings),
        to_hours(est.hi, est.unit, settings),
    );
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let left = 100 - progress.min(100) as i64;
    // h × left / 100 rounded up, without overflow for any i64 h ≥ 0.
    let part = |h: i64| (h / 100) * left + ((h % 100) * left + 99) / 100;
    let (best, worst) = (part(lo), part(hi));
    let spread = worst - best;
    let planned = best + spread / 2 + spread % 2;
    Effort {
        best,
        planned,
        worst,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Action, Estimate};

    fn act(done: bool) -> Action {
        Action {
            done,
            text: String::new(),
        }
    }

    #[test]
    fn progress_rules() {
        let mut g = Gap::new("a", "A");
        assert_eq!(progress(&g), 0);
        g.actions = vec![act(true), act(false), act(false)];
        assert_eq!(progress(&g), 33, "1 of 3 rounds down");
        g.progress = Some(40);
        assert_eq!(progress(&g), 40, "explicit wins over actions");
        g.progress = Some(250);
        assert_eq!(progress(&g), 100);
        g.progress = Some(10);
        g.status = Status::Done;
        assert_eq!(progress(&g), 100, "Done is 100");
    }

    #[test]
    fn remaining_effort_in_each_unit() {
        let s = Settings::default();
        let mut g = Gap::new("a", "A");
        assert_eq!(remaining(&g, &s, 0), Effort::default(), "no estimate");
        g.estimate = Some(Estimate {
            unit: EffortUnit::Days,
            lo: Dec2::from_units(1),
            hi: Dec2::from_units(2),
        });
        let e = remaining(&g, &s, 0);
        assert_eq!((e.best, e.planned, e.worst), (800, 1200, 1600));
        let e = remaining(&g, &s, 40);
        assert_eq!((e.best, e.planned, e.worst), (480, 720, 960));
        g.estimate = Some(Estimate {
            unit: EffortUnit::Weeks,
            lo: Dec2::from_units(2),
            hi: Dec2::from_units(1),
        });
        let e = remaining(&g, &s, 0);
        assert_eq!((e.best, e.worst), (4000, 8000), "reversed range swapped");
        g.estimate = Some(Estimate {
            unit: EffortUnit::Hours,
            lo: Dec2::from_units(-5),
            hi: Dec2::from_hundredths(1),
        });
        let e = remaining(&g, &s, 0);
        assert_eq!(
            (e.best, e.planned, e.worst),
            (0, 1, 1),
            "midpoint rounds up"
        );
    }
}
