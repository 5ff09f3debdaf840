//! Checks of single values for `plan::validate`: one gap's own fields, estimates, costs,
//! hours, ids; plus the shared wording of duplicate and unknown-reference problems.

use std::fmt;

use super::decimal::Dec2;
use super::load_error::visible;
use super::model::{Cost, EffortUnit, Estimate, Gap, Status};
use super::problem::{Problem, unknown_fix};

/// Ids longer than this are refused (they are meant to be short handles like `dr-docs`).
pub const MAX_ID_CHARS: usize = 64;
/// Estimates above ten years of one person's full-time work are refused as absurd.
pub const MAX_ESTIMATE_YEARS: i64 = 10;
/// "Did you mean" scans every known id; only this many unknown references get one.
const MAX_SUGGESTIONS: usize = 20;

pub fn check_gap(out: &mut Vec<Problem>, path: &dyn fmt::Display, g: &Gap) {
    if is_blank(&g.title) {
        out.push(
            Problem::error(
                format!("{path}.title"),
                format!("gap '{}' has an empty title", visible(&g.id)),
            )
            .with_fix("write a title"),
        );
    }
    if let Some(p) = g.progress
        && p > 100
    {
        out.push(
            Problem::error(
                format!("{path}.progress"),
                format!("progress {p} is over 100"),
            )
            .with_fix("write a percent from 0 to 100"),
        );
    }
    match &g.estimate {
        Some(e) => check_estimate(out, path, e),
        None if !matches!(g.status, Status::Done | Status::Dropped) => out.push(
            Problem::warning(
                format!("{path}.estimate"),
                format!(
                    "gap '{}' has no estimate, so it takes no time in the schedule",
                    visible(&g.id)
                ),
            )
            .with_fix("add e.g. `estimate: Days(1, 2)`"),
        ),
        None => {}
    }
    let ticked = g.actions.iter().filter(|a| a.done).count();
    if !g.actions.is_empty()
        && ticked == g.actions.len()
        && !matches!(g.status, Status::Done | Status::Dropped)
    {
        out.push(
            Problem::warning(
                format!("{path}.status"),
                format!(
                    "all actions of '{}' are ticked but its status is {}",
                    visible(&g.id),
                    g.status.name()
                ),
            )
            .with_fix("set `status: Done`, or add the missing action"),
        );
    }
    if g.status == Status::Done && ticked < g.actions.len() {
        out.push(
            Problem::warning(
                format!("{path}.actions"),
                format!(
                    "'{}' is Done but {} of its actions are not ticked",
                    visible(&g.id),
                    g.actions.len() - ticked
                ),
            )
            .with_fix("tick them, or change the status"),
        );
    }
    check_costs(out, Some(path), &g.costs);
}

pub fn check_estimate(out: &mut Vec<Problem>, parent: &dyn fmt::Display, e: &Estimate) {
    let unit = match e.unit {
        EffortUnit::Hours => "Hours",
        EffortUnit::Days => "Days",
        EffortUnit::Weeks => "Weeks",
    };
    let max = match e.unit {
        EffortUnit::Hours => 52 * 40 * MAX_ESTIMATE_YEARS,
        EffortUnit::Days => 52 * 5 * MAX_ESTIMATE_YEARS,
        EffortUnit::Weeks => 52 * MAX_ESTIMATE_YEARS,
    };
    let path = || format!("{parent}.estimate");
    let shown = || format!("{unit}({}, {})", e.lo, e.hi);
    if e.lo.is_negative() || e.hi.is_negative() {
        out.push(
            Problem::error(path(), format!("negative estimate {}", shown()))
                .with_fix("effort is 0 or more"),
        );
    } else if e.lo > e.hi {
        out.push(
            Problem::error(path(), format!("estimate {} has low > high", shown()))
                .with_fix(format!("write {unit}({}, {})", e.hi, e.lo)),
        );
    } else if e.hi > Dec2::from_units(max) {
        out.push(
            Problem::error(
                path(),
                format!(
                    "estimate {} is over {MAX_ESTIMATE_YEARS} years of work",
                    shown()
                ),
            )
            .with_fix(format!("at most {unit}(…, {max}); split the gap")),
        );
    }
}

/// Cost lines of the plan (`parent` None), a phase or a gap.
pub fn check_costs(out: &mut Vec<Problem>, parent: Option<&dyn fmt::Display>, costs: &[Cost]) {
    for (j, c) in costs.iter().enumerate() {
        let path = || match parent {
            None => format!("costs[{j}]"),
            Some(p) => format!("{p}.costs[{j}]"),
        };
        if c.lo.is_negative() || c.hi.is_negative() {
            out.push(
                Problem::error(
                    path(),
                    format!("negative cost '{}' ({}, {})", visible(&c.label), c.lo, c.hi),
                )
                .with_fix("costs are 0 or more"),
            );
        } else if c.lo > c.hi {
            out.push(
                Problem::error(
                    path(),
                    format!(
                        "cost '{}' has low {} > high {}",
                        visible(&c.label),
                        c.lo,
                        c.hi
                    ),
                )
                .with_fix(format!("write ({}, {}, …)", c.hi, c.lo)),
            );
        }
    }
}

pub fn check_hours(out: &mut Vec<Problem>, path: &str, v: Dec2, max: i64) {
    if v.is_negative() || v > Dec2::from_units(max) {
        out.push(
            Problem::error(path, format!("{v} hours is out of range"))
                .with_fix(format!("write a number from 0 to {max}")),
        );
    }
}

/// Whether `s.trim()` is empty, deciding on the first byte when it is printable ASCII.
pub fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(&b) if b > b' ' && b < 0x80 => false,
        _ => s.trim().is_empty(),
    }
}

/// Why an id is unusable: ids are short single words used in `depends_on` and `phase`.
pub fn bad_id(id: &str) -> Option<&'static str> {
    // Fast path: short printable ASCII (no space, no control byte) is the common case, and
    // a byte loop over it is several times cheaper than decoding chars.
    let b = id.as_bytes();
    if !b.is_empty() && b.len() <= MAX_ID_CHARS && b.iter().all(|&c| c > b' ' && c < 0x7f) {
        return None;
    }
    if id.is_empty() {
        Some("is empty")
    } else if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("contains spaces or control characters")
    } else if id.chars().count() > MAX_ID_CHARS {
        Some("is longer than 64 characters")
    } else {
        None
    }
}

pub fn bad_id_problem(path: &str, id: &str, why: &str) -> Problem {
    let slug: String = id
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(MAX_ID_CHARS)
        .collect();
    let fix = if slug.is_empty() {
        "write a short id like 'dr-docs'".to_string()
    } else {
        format!("ids are one word: try '{}'", slug.to_lowercase())
    };
    Problem::error(path, format!("id '{}' {why}", visible(id))).with_fix(fix)
}

pub fn duplicate(path: &str, what: &str, value: &str, list: &str, first: usize) -> Problem {
    Problem::error(path, format!("duplicate {what} '{}'", visible(value))).with_fix(format!(
        "already used by {list}[{first}]; rename one of them"
    ))
}

pub fn suggest<'a>(
    count: &mut usize,
    what: &str,
    bad: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> String {
    *count += 1;
    if *count > MAX_SUGGESTIONS {
        return format!("no {what} is called '{}'", visible(bad));
    }
    unknown_fix(what, bad, known)
}

/// `gaps[i]`, formatted only when a problem needs it.
pub struct GapPath(pub usize);

impl fmt::Display for GapPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gaps[{}]", self.0)
    }
}
