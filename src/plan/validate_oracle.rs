//! The validator as it was before it was tuned for speed (a hash map per name list,
//! a vector per gap's dependencies), kept verbatim as the oracle the fast one must match.

use rustc_hash::{FxHashMap, FxHashSet};

use super::cycles::{DepGraph, find_cycles};
use super::decimal::Dec2;
use super::load_error::visible;
use super::model::Plan;
use super::problem::Problem;
use super::validate::{MAX_ESTIMATE_YEARS, MAX_ID_CHARS};
use super::validate_values::{
    GapPath, bad_id_problem, check_costs, check_gap, check_hours, duplicate, suggest,
};

/// All problems of a plan, errors and warnings, in plan order (cycles last).
pub fn reference(plan: &Plan) -> Vec<Problem> {
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

    let mut members: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(plan.team.len(), Default::default());
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

    let mut phases: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(plan.phases.len(), Default::default());
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

    let mut ids: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(plan.gaps.len(), Default::default());
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
    let mut seen: FxHashSet<usize> = FxHashSet::default();
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
    let mut graph = DepGraph::with_capacity(deps.len());
    for list in &deps {
        for &(j, k) in list {
            graph.push_edge(j, k);
        }
        graph.finish_gap();
    }
    out.extend(find_cycles(&plan.gaps, &graph));
    out
}

/// `validate::bad_id` as first written: by chars, no byte fast path.
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
