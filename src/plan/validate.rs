//! Validation of a domain `Plan`: every problem at once, each with its field path
//! (`gaps[3].depends_on[1]`). Lenient: the plan stays usable so a broken file still opens.
//! Hash maps and one iterative DFS keep it linear for 100,000-gap plans.

use std::fmt;

use super::cycles::find_cycles;
use super::decimal::Dec2;
use super::fxhash::{FxMap, FxSet};
use super::load_error::visible;
use super::model::{Cost, EffortUnit, Estimate, Gap, Plan, Status};
use super::problem::{Problem, unknown_fix};

/// Ids longer than this are refused (they are meant to be short handles like `dr-docs`).
pub const MAX_ID_CHARS: usize = 64;
/// Estimates above ten years of one person's full-time work are refused as absurd.
const MAX_ESTIMATE_YEARS: i64 = 10;
/// "Did you mean" scans every known id; only this many unknown references get one.
const MAX_SUGGESTIONS: usize = 20;

/// All problems of a plan, errors and warnings, in plan order (cycles last).
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    if plan.title.trim().is_empty() {
        out.push(Problem::error("title", "the plan title is empty").with_fix("write a title"));
    }
    if plan.currency.trim().is_empty() {
        out.push(
            Problem::warning("currency", "the currency is empty").with_fix("e.g. \"USD\", \"EUR\""),
        );
    }
    let s = &plan.settings;
    check_hours(&mut out, "settings.hours_per_day", s.hours_per_day, 24);
    check_hours(&mut out, "settings.hours_per_week", s.hours_per_week, 168);

    let mut members: FxMap<&str, usize> =
        FxMap::with_capacity_and_hasher(plan.team.len(), Default::default());
    for (i, m) in plan.team.iter().enumerate() {
        let path = format!("team[{i}]");
        if m.name.trim().is_empty() || m.name.chars().any(char::is_control) {
            out.push(
                Problem::error(
                    format!("{path}.name"),
                    format!("bad member name '{}'", visible(&m.name)),
                )
                .with_fix("a name is non-empty text without control characters"),
            );
        } else if let Some(first) = members.insert(&m.name, i) {
            out.push(duplicate(
                &format!("{path}.name"),
                "member name",
                &m.name,
                "team",
                first,
            ));
        }
        check_hours(
            &mut out,
            &format!("{path}.hours_per_week"),
            m.hours_per_week,
            168,
        );
        if m.hours_per_week == Dec2::ZERO {
            out.push(Problem::warning(
                format!("{path}.hours_per_week"),
                format!(
                    "member '{}' has 0 hours per week, so nothing owned by them can finish",
                    visible(&m.name)
                ),
            ));
        }
    }

    let mut phases: FxMap<&str, usize> =
        FxMap::with_capacity_and_hasher(plan.phases.len(), Default::default());
    for (i, p) in plan.phases.iter().enumerate() {
        let path = format!("phases[{i}]");
        if let Some(why) = bad_id(&p.id) {
            out.push(bad_id_problem(&format!("{path}.id"), &p.id, why));
        } else if let Some(first) = phases.insert(&p.id, i) {
            out.push(duplicate(
                &format!("{path}.id"),
                "phase id",
                &p.id,
                "phases",
                first,
            ));
        }
        if let Some((from, to)) = p.weeks
            && (from == 0 || from > to || to > 52 * MAX_ESTIMATE_YEARS as u32)
        {
            out.push(
                Problem::error(
                    format!("{path}.weeks"),
                    format!("bad target weeks ({from}, {to})"),
                )
                .with_fix("write (from, to) with 1 ≤ from ≤ to ≤ 520; week 1 starts on `start`"),
            );
        }
        check_costs(&mut out, Some(&path), &p.costs);
    }
    check_costs(&mut out, None, &plan.costs);

    let mut ids: FxMap<&str, usize> =
        FxMap::with_capacity_and_hasher(plan.gaps.len(), Default::default());
    for (i, g) in plan.gaps.iter().enumerate() {
        if let Some(why) = bad_id(&g.id) {
            out.push(bad_id_problem(&format!("gaps[{i}].id"), &g.id, why));
        } else if let Some(first) = ids.insert(&g.id, i) {
            out.push(duplicate(
                &format!("gaps[{i}].id"),
                "gap id",
                &g.id,
                "gaps",
                first,
            ));
            ids.insert(&g.id, first);
        }
    }

    let mut suggestions = 0;
    let mut seen: FxSet<usize> = FxSet::default();
    let mut deps: Vec<Vec<(usize, usize)>> = Vec::with_capacity(plan.gaps.len());
    let rank: Vec<Option<usize>> = plan
        .gaps
        .iter()
        .map(|g| g.phase.as_deref().and_then(|p| phases.get(p).copied()))
        .collect();
    for (i, g) in plan.gaps.iter().enumerate() {
        let path = GapPath(i);
        check_gap(&mut out, &path, g);
        if let Some(ph) = &g.phase
            && !phases.contains_key(ph.as_str())
        {
            let fix = suggest(
                &mut suggestions,
                "phase",
                ph,
                plan.phases.iter().map(|p| p.id.as_str()),
            );
            out.push(
                Problem::error(
                    format!("{path}.phase"),
                    format!("unknown phase '{}'", visible(ph)),
                )
                .with_fix(fix),
            );
        }
        if let Some(owner) = &g.owner
            && !members.contains_key(owner.as_str())
        {
            let fix = suggest(
                &mut suggestions,
                "member",
                owner,
                plan.team.iter().map(|m| m.name.as_str()),
            );
            out.push(
                Problem::error(
                    format!("{path}.owner"),
                    format!("unknown owner '{}'", visible(owner)),
                )
                .with_fix(fix),
            );
        }
        let mut mine = Vec::with_capacity(g.depends_on.len());
        seen.clear();
        for (k, d) in g.depends_on.iter().enumerate() {
            let dpath = || format!("{path}.depends_on[{k}]");
            let Some(&j) = ids.get(d.as_str()) else {
                let fix = suggest(
                    &mut suggestions,
                    "gap",
                    d,
                    plan.gaps.iter().map(|g| g.id.as_str()),
                );
                out.push(
                    Problem::error(dpath(), format!("unknown dependency '{}'", visible(d)))
                        .with_fix(fix),
                );
                continue;
            };
            let repeat = if g.depends_on.len() <= 8 {
                mine.iter().any(|&(x, _)| x == j)
            } else {
                !seen.insert(j)
            };
            if repeat {
                out.push(
                    Problem::warning(dpath(), format!("'{}' is listed twice", visible(d)))
                        .with_fix("remove the repeat"),
                );
                continue;
            }
            mine.push((j, k));
            let later = match (rank[i], rank[j]) {
                (Some(mine), Some(theirs)) => theirs > mine,
                (Some(_), None) => plan.gaps[j].phase.is_none(),
                _ => false,
            };
            if later {
                out.push(
                    Problem::warning(
                        dpath(),
                        format!(
                            "'{}' depends on '{}', which is in a later phase",
                            visible(&g.id),
                            visible(d)
                        ),
                    )
                    .with_fix("move the dependency to an earlier phase, or this gap later"),
                );
            }
        }
        deps.push(mine);
    }
    out.extend(find_cycles(&plan.gaps, &deps));
    out
}

fn check_gap(out: &mut Vec<Problem>, path: &dyn fmt::Display, g: &Gap) {
    if g.title.trim().is_empty() {
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

fn check_estimate(out: &mut Vec<Problem>, parent: &dyn fmt::Display, e: &Estimate) {
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
fn check_costs(out: &mut Vec<Problem>, parent: Option<&dyn fmt::Display>, costs: &[Cost]) {
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

fn check_hours(out: &mut Vec<Problem>, path: &str, v: Dec2, max: i64) {
    if v.is_negative() || v > Dec2::from_units(max) {
        out.push(
            Problem::error(path, format!("{v} hours is out of range"))
                .with_fix(format!("write a number from 0 to {max}")),
        );
    }
}

/// Why an id is unusable: ids are short single words used in `depends_on` and `phase`.
pub fn bad_id(id: &str) -> Option<&'static str> {
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

fn bad_id_problem(path: &str, id: &str, why: &str) -> Problem {
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

fn duplicate(path: &str, what: &str, value: &str, list: &str, first: usize) -> Problem {
    Problem::error(path, format!("duplicate {what} '{}'", visible(value))).with_fix(format!(
        "already used by {list}[{first}]; rename one of them"
    ))
}

fn suggest<'a>(
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
struct GapPath(usize);

impl fmt::Display for GapPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gaps[{}]", self.0)
    }
}
