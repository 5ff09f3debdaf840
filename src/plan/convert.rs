//! The one conversion from the raw file shape (`plan::raw`) to the domain `Plan`.
//! It fills defaults and parses dates and action boxes; it never fails: an unreadable
//! date becomes a positioned problem and a placeholder, so a broken plan still opens.

use jiff::civil::Date;

use super::model::{
    Action, Cost, CostKind, EffortUnit, Estimate, Gap, Member, Phase, Plan, Priority, Settings,
    Status,
};
use super::problem::Problem;
use super::raw;

/// Used for `start` when the file's date cannot be read (an error problem says so).
pub const PLACEHOLDER_START: Date = jiff::civil::date(2000, 1, 3);

/// Converts a parsed file into a `Plan`, reporting dates that do not parse.
pub fn convert(raw: raw::Plan, problems: &mut Vec<Problem>) -> Plan {
    let start = parse_date(&raw.start, "start", problems).unwrap_or(PLACEHOLDER_START);
    let mut holidays = Vec::with_capacity(raw.holidays.len());
    for (i, h) in raw.holidays.iter().enumerate() {
        if let Some(d) = parse_date(h, &format!("holidays[{i}]"), problems) {
            holidays.push(d);
        }
    }
    let settings = match raw.settings {
        None => Settings::default(),
        Some(s) => {
            let d = Settings::default();
            Settings {
                hours_per_day: s.hours_per_day.unwrap_or(d.hours_per_day),
                hours_per_week: s.hours_per_week.unwrap_or(d.hours_per_week),
                monthly_from: s.monthly_from.unwrap_or(d.monthly_from),
            }
        }
    };
    Plan {
        title: raw.title,
        start,
        currency: raw.currency,
        settings,
        holidays,
        team: raw.team.into_iter().map(member).collect(),
        phases: raw.phases.into_iter().map(phase).collect(),
        gaps: raw.gaps.into_iter().map(gap).collect(),
        costs: costs(raw.costs),
    }
}

fn parse_date(text: &str, path: &str, problems: &mut Vec<Problem>) -> Option<Date> {
    match text.trim().parse::<Date>() {
        Ok(d) if text.trim().len() == 10 => Some(d),
        _ => {
            problems.push(
                Problem::error(path, format!("'{text}' is not a date"))
                    .with_fix("write dates as \"YYYY-MM-DD\", e.g. \"2026-01-05\""),
            );
            None
        }
    }
}

fn member(m: raw::Member) -> Member {
    Member {
        name: m.name,
        hours_per_week: m.hours_per_week,
    }
}

fn phase(p: raw::Phase) -> Phase {
    Phase {
        name: p.name.unwrap_or_else(|| p.id.clone()),
        id: p.id,
        goal: p.goal,
        weeks: p.weeks,
        costs: costs(p.costs),
    }
}

fn gap(g: raw::Gap) -> Gap {
    Gap {
        id: g.id,
        title: g.title,
        area: g.area,
        priority: g.priority.unwrap_or(Priority::Medium),
        status: g.status.unwrap_or(Status::Missing),
        phase: g.phase,
        estimate: g.estimate.map(estimate),
        // Same layout: collected in place, no allocation.
        actions: g.actions.into_iter().map(|a| a.0).collect(),
        impact: g.impact,
        notes: g.notes,
        costs: costs(g.costs),
        depends_on: g.depends_on,
        owner: g.owner,
        progress: g.progress,
    }
}

fn estimate(e: raw::Estimate) -> Estimate {
    let (unit, lo, hi) = match e {
        raw::Estimate::Hours(lo, hi) => (EffortUnit::Hours, lo, hi),
        raw::Estimate::Days(lo, hi) => (EffortUnit::Days, lo, hi),
        raw::Estimate::Weeks(lo, hi) => (EffortUnit::Weeks, lo, hi),
    };
    Estimate { unit, lo, hi }
}

fn costs(list: Vec<raw::Cost>) -> Vec<Cost> {
    list.into_iter()
        .map(|c| {
            let (kind, lo, hi, label) = match c {
                raw::Cost::Monthly(lo, hi, l) => (CostKind::Monthly, lo, hi, l),
                raw::Cost::Once(lo, hi, l) => (CostKind::Once, lo, hi, l),
            };
            Cost {
                kind,
                lo,
                hi,
                label,
            }
        })
        .collect()
}

/// `"[x] text"` / `"[X] text"` is done, `"[ ] text"` and a plain `"text"` are not.
/// Exactly one space after the box is dropped, so `to_ron_string` round-trips any text.
pub fn action(mut s: String) -> Action {
    let done = if s.starts_with("[x]") || s.starts_with("[X]") {
        true
    } else if s.starts_with("[ ]") {
        false
    } else {
        return Action {
            done: false,
            text: s,
        };
    };
    let cut = if s[3..].starts_with(' ') { 4 } else { 3 };
    s.drain(..cut);
    Action { done, text: s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_boxes() {
        let a = action("[x] Write runbook".into());
        assert!(a.done);
        assert_eq!(a.text, "Write runbook");
        let a = action("[ ]  two spaces".into());
        assert!(!a.done);
        assert_eq!(a.text, " two spaces");
        let a = action("plain".into());
        assert!(!a.done);
        assert_eq!(a.text, "plain");
        assert_eq!(action("[X]".into()).text, "");
        assert!(action("[X]".into()).done);
    }

    #[test]
    fn bad_dates_become_problems() {
        let mut problems = Vec::new();
        assert!(parse_date("2026-02-30", "start", &mut problems).is_none());
        assert!(parse_date("2026-1-5", "start", &mut problems).is_none());
        assert_eq!(
            parse_date("2026-01-05", "start", &mut problems),
            Some(jiff::civil::date(2026, 1, 5))
        );
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.contains("'2026-02-30'"));
    }
}
