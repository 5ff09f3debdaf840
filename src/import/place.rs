//! Links what lives outside gap bodies to the gaps: roadmap phases (each gap joins the
//! first phase that names it; a phase's stated hours are shared by the items it lists),
//! priority-matrix lines (highest bucket wins) and loose amounts (the gap they name, else
//! the same amount already on a gap, else their phase, else the plan).

use std::collections::HashMap;

use crate::plan::{CostKind, Dec2, EffortUnit, Phase, Priority, Settings};

use super::collect::Outside;
use super::effort::{hours, unit_name};
use super::finish::{Read, to_cost};
use super::link::Matcher;
use super::log::{Found, ImportLog, PhaseLog};
use super::recog::Money;

/// Minimum match score for a phase item or matrix line to name a gap.
const LINK: f64 = 0.25;
/// Minimum match score for a cost label to attach to a gap.
const COST_LINK: f64 = 0.3;

/// Everything linked to gap `i` sits at index `i`.
pub struct Placed {
    pub phases: Vec<Phase>,
    pub gap_phase: Vec<Option<(usize, Found)>>,
    /// Share of stated phase hours: (low, high, phase ids).
    pub share: Vec<Option<(Dec2, Dec2, Vec<String>)>>,
    pub matrix: Vec<Option<(Priority, Found)>>,
    pub gap_costs: Vec<Vec<(Money, usize)>>,
    pub plan_costs: Vec<crate::plan::Cost>,
}

pub fn place(
    reads: &[Read],
    outside: &Outside,
    matcher: &Matcher,
    settings: &Settings,
    log: &mut ImportLog,
) -> Placed {
    let n = reads.len();
    // Phases, and each gap's first phase.
    let mut phases: Vec<Phase> = Vec::new();
    let mut gap_phase: Vec<Option<(usize, Found)>> = vec![None; n];
    let mut share: Vec<Option<(Dec2, Dec2, Vec<String>)>> = vec![None; n];
    let mut prev_end = 0u32;
    for (pi, p) in outside.phases.iter().enumerate() {
        let id = format!("p{}", pi + 1);
        let weeks = p.head.weeks.or_else(|| {
            // "Sprint 2 (2 weeks)": a length, so it follows the phase before it.
            let d = p.head.duration.filter(|d| d.unit == EffortUnit::Weeks)?;
            let len = u32::try_from((d.hi.hundredths() + 99) / 100).ok()?.max(1);
            Some((prev_end + 1, prev_end + len))
        });
        if let Some((_, end)) = weeks {
            prev_end = prev_end.max(end);
        }
        let mut unmatched = Vec::new();
        // A stated effort in hours or days is shared by the items; a length in weeks
        // ("Sprint 1 (2 weeks)") is calendar time, not effort.
        let per_item = p
            .head
            .duration
            .filter(|d| !p.items.is_empty() && d.unit != EffortUnit::Weeks)
            .map(|d| {
                let k = p.items.len() as i64;
                let (lo, hi) = (hours(d.lo, d.unit, settings), hours(d.hi, d.unit, settings));
                (
                    Dec2::from_hundredths(lo.hundredths() / k),
                    Dec2::from_hundredths(hi.hundredths() / k),
                )
            });
        for (line, item) in &p.items {
            match matcher.find(item, LINK) {
                Some(g) => {
                    if gap_phase[g].is_none() {
                        gap_phase[g] = Some((
                            pi,
                            Found {
                                what: item.clone(),
                                from: format!("phase {id} item"),
                                line: *line,
                            },
                        ));
                    }
                    if let Some((lo, hi)) = per_item {
                        let s = share[g].get_or_insert((Dec2::ZERO, Dec2::ZERO, Vec::new()));
                        s.0 += lo;
                        s.1 += hi;
                        if !s.2.contains(&id) {
                            s.2.push(id.clone());
                        }
                    }
                }
                None => unmatched.push((*line, item.clone())),
            }
        }
        let window = match (weeks, p.head.duration) {
            (Some((a, b)), Some(_)) if p.head.weeks.is_none() => {
                format!("weeks {a}-{b}, placed after the phase before it")
            }
            (Some((a, b)), _) => format!("weeks {a}-{b}"),
            (None, Some(d)) => format!(
                "no week window; stated duration {}-{} {}",
                d.lo,
                d.hi,
                unit_name(d.unit)
            ),
            (None, None) => "no week window".to_string(),
        };
        log.phases.push(PhaseLog {
            id: id.clone(),
            name: p.head.name.clone(),
            line: p.line,
            window,
            items: p.items.len(),
            unmatched,
        });
        phases.push(Phase {
            id,
            name: p.head.name.clone(),
            goal: p.goal.clone(),
            weeks,
            costs: Vec::new(),
        });
    }

    // Priority matrix lines: the highest bucket naming a gap wins.
    let mut matrix: Vec<Option<(Priority, Found)>> = vec![None; n];
    for (line, text, p) in &outside.matrix {
        if let Some(g) = matcher.find(text, LINK)
            && matrix[g].as_ref().is_none_or(|(q, _)| p < q)
        {
            matrix[g] = Some((
                *p,
                Found {
                    what: text.clone(),
                    from: "priority matrix".into(),
                    line: *line,
                },
            ));
        }
    }

    // Loose costs: a gap they name, else their phase, else the plan.
    let mut gap_costs: Vec<Vec<(Money, usize)>> = vec![Vec::new(); n];
    let mut plan_costs = Vec::new();
    let loose = outside
        .costs
        .iter()
        .map(|(m, l, c)| (m, *l, None, c.as_deref()))
        .chain(
            outside
                .phases
                .iter()
                .enumerate()
                .flat_map(|(pi, p)| p.costs.iter().map(move |(m, l)| (m, *l, Some(pi), None))),
        );
    let mut by_amount: HashMap<(CostKind, Dec2, Dec2), usize> = HashMap::new();
    for (g, r) in reads.iter().enumerate() {
        for (c, _) in &r.draft.costs {
            by_amount.entry((c.kind, c.lo, c.hi)).or_insert(g);
        }
    }
    for (m, line, phase, category) in loose {
        let label = if m.label.is_empty() {
            format!("cost on line {line}")
        } else {
            m.label.clone()
        };
        // A cost under a topic heading ("### Monitoring" in a cost section) belongs to
        // the gap that topic names.
        let by_name = matcher
            .find(&label, COST_LINK)
            .map(|g| (g, "it names it".to_string()));
        let named = by_name.or_else(|| {
            let t = category.and_then(topic)?;
            matcher
                .find(&t, COST_LINK)
                .map(|g| (g, format!("it sits under '{t}'")))
        });
        if let Some((g, why)) = named {
            let same = |c: &(Money, usize)| (c.0.kind, c.0.lo, c.0.hi) == (m.kind, m.lo, m.hi);
            if reads[g]
                .draft
                .costs
                .iter()
                .chain(gap_costs[g].iter())
                .any(same)
            {
                log.costs.push(format!(
                    "line {line}: '{label}' restates a cost of gap '{}': not added again",
                    reads[g].draft.title
                ));
                continue;
            }
            log.costs.push(format!(
                "line {line}: '{label}' attached to gap '{}' ({why})",
                reads[g].draft.title
            ));
            gap_costs[g].push((m.clone(), line));
        } else if let Some(&g) = by_amount.get(&(m.kind, m.lo, m.hi)) {
            log.costs.push(format!(
                "line {line}: '{label}' has the same amount as a cost of gap '{}': taken as the same line",
                reads[g].draft.title
            ));
        } else if let Some(pi) = phase {
            log.costs.push(format!(
                "line {line}: '{label}' kept as a phase {} cost line",
                phases[pi].id
            ));
            phases[pi].costs.push(to_cost(m, &label));
        } else {
            log.costs.push(format!(
                "line {line}: '{label}' names no gap: kept as a plan-level cost line"
            ));
            plan_costs.push(to_cost(m, &label));
        }
    }

    Placed {
        phases,
        gap_phase,
        share,
        matrix,
        gap_costs,
        plan_costs,
    }
}

/// The topic words of a heading, without the words every cost section uses.
fn topic(heading: &str) -> Option<String> {
    const COSTY: &[&str] = &[
        "cost",
        "costs",
        "budget",
        "pricing",
        "price",
        "summary",
        "estimate",
        "estimated",
        "estimates",
        "resource",
        "resources",
        "requirements",
        "monthly",
        "total",
        "tools",
        "tooling",
        "breakdown",
        "expenses",
        "spend",
        "third-party",
        "infrastructure",
        "services",
        "overview",
        "and",
        "&",
        "recurring",
        "one-time",
    ];
    let words: Vec<&str> = heading
        .split_whitespace()
        .filter(|w| {
            !COSTY.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
            )
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}
