//! The editable fields of a gap as text: how each is shown in the detail pane and
//! in the editor, and how typed text is parsed back (refused with the reason and an
//! example when it does not parse). Reference checks (phase, owner, dependencies)
//! are left to `edit::apply`, the one place that validates edits.

use crate::edit::GapField;
use crate::plan::{Cost, CostKind, Dec2, EffortUnit, Estimate, Gap, Priority, Status};

/// A field of the detail pane, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Id,
    Area,
    Priority,
    Status,
    Phase,
    Owner,
    Estimate,
    Progress,
    Costs,
    DependsOn,
    Impact,
    Notes,
}

/// Whether Enter ends the edit or the field takes several lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    Single,
    Multi,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Title,
        Field::Id,
        Field::Area,
        Field::Priority,
        Field::Status,
        Field::Phase,
        Field::Owner,
        Field::Estimate,
        Field::Progress,
        Field::Costs,
        Field::DependsOn,
        Field::Impact,
        Field::Notes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Id => "Id",
            Field::Area => "Area",
            Field::Priority => "Priority",
            Field::Status => "Status",
            Field::Phase => "Phase",
            Field::Owner => "Owner",
            Field::Estimate => "Estimate",
            Field::Progress => "Progress",
            Field::Costs => "Costs",
            Field::DependsOn => "Depends on",
            Field::Impact => "Impact",
            Field::Notes => "Notes",
        }
    }

    pub fn lines(self) -> Lines {
        match self {
            Field::Costs | Field::Impact | Field::Notes => Lines::Multi,
            _ => Lines::Single,
        }
    }

    /// Example of the accepted form, shown under the editor.
    pub fn hint(self) -> &'static str {
        match self {
            Field::Title => "a short title",
            Field::Id => "letters, digits, '-', '_' or '.'",
            Field::Area | Field::Impact | Field::Notes => "free text; empty clears it",
            Field::Priority => "critical, high, medium, low (or 1–4)",
            Field::Status => "missing, partial, in progress, blocked, done, dropped",
            Field::Phase => "a phase id; empty = unphased",
            Field::Owner => "a team member's name; empty = whoever is free",
            Field::Estimate => "e.g. \"2-3 hours\", \"1 day\", \"1-2 weeks\"; empty clears",
            Field::Progress => "0–100; empty = derived from ticked actions",
            Field::Costs => "one per line: \"monthly 500-1,500 Datadog\" or \"once 2000 Audit\"",
            Field::DependsOn => "gap ids separated by commas",
        }
    }

    /// The field's current value as editable text.
    pub fn text(self, g: &Gap) -> String {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        match self {
            Field::Title => g.title.clone(),
            Field::Id => g.id.clone(),
            Field::Area => opt(&g.area),
            Field::Priority => g.priority.name().to_string(),
            Field::Status => status_text(g.status).to_string(),
            Field::Phase => opt(&g.phase),
            Field::Owner => opt(&g.owner),
            Field::Estimate => g.estimate.map(estimate_text).unwrap_or_default(),
            Field::Progress => g.progress.map(|p| p.to_string()).unwrap_or_default(),
            Field::Costs => g.costs.iter().map(cost_text).collect::<Vec<_>>().join("\n"),
            Field::DependsOn => g.depends_on.join(", "),
            Field::Impact => opt(&g.impact),
            Field::Notes => opt(&g.notes),
        }
    }

    /// Parses edited text into a new field value.
    pub fn parse(self, text: &str) -> Result<GapField, String> {
        let t = text.trim();
        let opt = || (!t.is_empty()).then(|| t.to_string());
        Ok(match self {
            Field::Title => GapField::Title(t.to_string()),
            Field::Id => GapField::Id(t.to_string()),
            Field::Area => GapField::Area(opt()),
            Field::Owner => GapField::Owner(opt()),
            Field::Phase => GapField::Phase(opt()),
            Field::Impact => GapField::Impact(opt()),
            Field::Notes => GapField::Notes((!t.is_empty()).then(|| text.trim_end().to_string())),
            Field::Priority => GapField::Priority(parse_priority(t)?),
            Field::Status => GapField::Status(parse_status(t)?),
            Field::Progress => GapField::Progress(parse_progress(t)?),
            Field::Estimate => GapField::Estimate(parse_estimate(t)?),
            Field::Costs => GapField::Costs(
                t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(parse_cost)
                    .collect::<Result<_, _>>()?,
            ),
            Field::DependsOn => GapField::DependsOn(
                t.split([',', ' '])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
        })
    }
}

pub fn status_text(s: Status) -> &'static str {
    match s {
        Status::InProgress => "In progress",
        other => other.name(),
    }
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

pub fn parse_priority(t: &str) -> Result<Priority, String> {
    let s = squash(t);
    Priority::ALL
        .into_iter()
        .enumerate()
        .find(|(i, p)| {
            s == p.name().to_lowercase() || s == (i + 1).to_string() || s == format!("p{}", i + 1)
        })
        .map(|(_, p)| p)
        .ok_or_else(|| {
            format!("unknown priority '{t}' — use critical, high, medium or low (or 1–4)")
        })
}

pub fn parse_status(t: &str) -> Result<Status, String> {
    let s = squash(t);
    Status::ALL
        .into_iter()
        .find(|st| s == st.name().to_lowercase())
        .ok_or_else(|| {
            format!(
                "unknown status '{t}' — use missing, partial, in progress, blocked, done or dropped"
            )
        })
}

pub fn parse_progress(t: &str) -> Result<Option<u8>, String> {
    let s = t.trim_end_matches('%').trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<u8>() {
        Ok(p) if p <= 100 => Ok(Some(p)),
        _ => Err(format!(
            "progress '{t}' is not a percent — give a whole number from 0 to 100"
        )),
    }
}

fn unit_of(u: &str) -> Option<EffortUnit> {
    match u.trim().to_lowercase().as_str() {
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(EffortUnit::Hours),
        "d" | "day" | "days" => Some(EffortUnit::Days),
        "w" | "wk" | "wks" | "week" | "weeks" => Some(EffortUnit::Weeks),
        _ => None,
    }
}

/// "2-3 hours", "2–3h", "1 day", "1.5 weeks"; empty means no estimate.
pub fn parse_estimate(t: &str) -> Result<Option<Estimate>, String> {
    if t.is_empty() {
        return Ok(None);
    }
    let split = t.find(|c: char| c.is_alphabetic()).unwrap_or(t.len());
    let (nums, unit) = t.split_at(split);
    let unit = unit_of(unit).ok_or_else(|| {
        format!(
            "estimate '{t}': unknown unit '{}' — use hours, days or weeks, e.g. \"2-3 days\"",
            unit.trim()
        )
    })?;
    let (lo, hi) = parse_range(nums).ok_or_else(|| {
        format!(
            "estimate '{t}': '{}' is not a number or range — write e.g. \"2-3 days\"",
            nums.trim()
        )
    })?;
    Ok(Some(Estimate { unit, lo, hi }))
}

fn parse_range(s: &str) -> Option<(Dec2, Dec2)> {
    let s = s.trim();
    match s.split_once(['-', '–']) {
        Some((a, b)) => Some((Dec2::parse(a)?, Dec2::parse(b)?)),
        None => Dec2::parse(s).map(|v| (v, v)),
    }
}

pub fn estimate_text(e: Estimate) -> String {
    let unit = match e.unit {
        EffortUnit::Hours => "hours",
        EffortUnit::Days => "days",
        EffortUnit::Weeks => "weeks",
    };
    if e.lo == e.hi {
        format!("{} {unit}", e.lo)
    } else {
        format!("{}-{} {unit}", e.lo, e.hi)
    }
}

/// "monthly 500-1,500 Datadog" / "once 2000 Audit".
pub fn parse_cost(line: &str) -> Result<Cost, String> {
    let l = line.trim();
    let mut words = l.splitn(3, char::is_whitespace);
    let kind = match words.next().map(str::to_lowercase).as_deref() {
        Some("monthly" | "month" | "mo") => CostKind::Monthly,
        Some("once" | "one-off" | "oneoff") => CostKind::Once,
        _ => {
            return Err(format!(
                "cost line '{l}' must start with 'monthly' or 'once', e.g. \"monthly 500-1,500 Datadog\""
            ));
        }
    };
    let amount = words.next().unwrap_or("");
    let (lo, hi) = parse_range(amount.trim_start_matches('$')).ok_or_else(|| {
        format!("cost line '{l}': '{amount}' is not an amount or range like 500-1,500")
    })?;
    let label = words.next().unwrap_or("").trim().to_string();
    Ok(Cost {
        kind,
        lo,
        hi,
        label,
    })
}

pub fn cost_text(c: &Cost) -> String {
    let kind = match c.kind {
        CostKind::Monthly => "monthly",
        CostKind::Once => "once",
    };
    let amount = if c.lo == c.hi {
        c.lo.to_string()
    } else {
        format!("{}-{}", c.lo, c.hi)
    };
    format!("{kind} {amount} {}", c.label)
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_round_trip_and_refuse_with_reason() {
        let e = parse_estimate("2-3 hours").unwrap().unwrap();
        assert_eq!(
            (e.unit, e.lo, e.hi),
            (EffortUnit::Hours, Dec2::from_units(2), Dec2::from_units(3))
        );
        assert_eq!(estimate_text(e), "2-3 hours");
        assert_eq!(
            parse_estimate("1.5w").unwrap().unwrap().unit,
            EffortUnit::Weeks
        );
        assert_eq!(parse_estimate("").unwrap(), None);
        let err = parse_estimate("3 fortnights").unwrap_err();
        assert!(err.contains("'fortnights'"), "{err}");
        assert!(parse_estimate("lots days").is_err());
    }

    #[test]
    fn costs_round_trip() {
        let c = parse_cost("monthly 500-1,500 Datadog APM").unwrap();
        assert_eq!(
            (c.kind, c.lo, c.hi),
            (
                CostKind::Monthly,
                Dec2::from_units(500),
                Dec2::from_units(1500)
            )
        );
        assert_eq!(c.label, "Datadog APM");
        assert_eq!(cost_text(&c), "monthly 500-1500 Datadog APM");
        assert!(
            parse_cost("weekly 5 x")
                .unwrap_err()
                .contains("'weekly 5 x'")
        );
    }

    #[test]
    fn small_fields() {
        assert_eq!(parse_priority("2").unwrap(), Priority::High);
        assert_eq!(parse_priority("Critical").unwrap(), Priority::Critical);
        assert_eq!(parse_status("in progress").unwrap(), Status::InProgress);
        assert_eq!(parse_progress("40%").unwrap(), Some(40));
        assert_eq!(parse_progress("").unwrap(), None);
        assert!(parse_progress("140").unwrap_err().contains("'140'"));
        assert_eq!(
            Field::DependsOn.parse("a, b c").unwrap(),
            GapField::DependsOn(vec!["a".into(), "b".into(), "c".into()])
        );
    }
}
