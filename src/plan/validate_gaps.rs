//! The gap half of `plan::validate`: one pass indexes ids and phase ranks, one checks each
//! gap's fields and references and collects the dependency edges for the cycle search.
//! Problem paths are formatted only when a problem is found.

use rustc_hash::{FxHashMap, FxHashSet};

use super::cycles::DepGraph;
use super::id_index::IdIndex;
use super::load_error::visible;
use super::model::Plan;
use super::prefetch;
use super::problem::Problem;
use super::validate_values::{GapPath, bad_id, bad_id_problem, check_gap, duplicate, suggest};

/// Lists up to this long are scanned rather than hashed.
const SCAN_UP_TO: usize = 8;
/// `rank` of a gap without a phase (sorts after every phase).
const NO_PHASE: u32 = u32::MAX;
/// `rank` of a gap whose phase is not a known id.
const UNKNOWN_PHASE: u32 = u32::MAX - 1;

/// Known names (phase ids, member names) → index. A plan has a handful of phases and
/// members but up to 100,000 gaps asking, and scanning a few short strings beats hashing.
pub struct Names<'a> {
    list: Vec<(&'a str, usize)>,
    map: FxHashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    pub fn new(map: FxHashMap<&'a str, usize>) -> Self {
        let list = if map.len() <= SCAN_UP_TO {
            map.iter().map(|(&k, &v)| (k, v)).collect()
        } else {
            Vec::new()
        };
        Names { list, map }
    }

    pub fn get(&self, name: &str) -> Option<usize> {
        if self.map.len() <= SCAN_UP_TO {
            self.list.iter().find(|(k, _)| *k == name).map(|&(_, v)| v)
        } else {
            self.map.get(name).copied()
        }
    }
}

/// Gap ids → first index, and each gap's phase rank.
pub struct GapIndex {
    ids: IdIndex,
    rank: Vec<u32>,
}

/// Reports bad and duplicate gap ids (all of them before any other gap problem).
pub fn index_gaps(out: &mut Vec<Problem>, plan: &Plan, phases: &Names) -> GapIndex {
    let mut rank = Vec::with_capacity(plan.gaps.len());
    let mut bad: Vec<(usize, &str)> = Vec::new();
    let (ids, repeats) = IdIndex::build(&plan.gaps, |i, g| {
        prefetch::id_and_phase(&plan.gaps, i + prefetch::AHEAD);
        rank.push(match &g.phase {
            None => NO_PHASE,
            Some(p) => phases.get(p).map_or(UNKNOWN_PHASE, |r| r as u32),
        });
        let why = bad_id(&g.id);
        if let Some(why) = why {
            bad.push((i, why));
        }
        why.is_none()
    });
    // Both lists are in gap order (and usually empty): merge them.
    let (mut bad, mut repeats) = (bad.into_iter().peekable(), repeats.into_iter().peekable());
    loop {
        let take_bad = match (bad.peek(), repeats.peek()) {
            (Some(b), Some(r)) => b.0 < r.0,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_bad {
            let Some((i, why)) = bad.next() else { break };
            let g = &plan.gaps[i];
            out.push(bad_id_problem(&format!("gaps[{i}].id"), &g.id, why));
        } else {
            let Some((i, first)) = repeats.next() else {
                break;
            };
            let g = &plan.gaps[i];
            out.push(duplicate(
                &format!("gaps[{i}].id"),
                "gap id",
                &g.id,
                "gaps",
                first,
            ));
        }
    }
    GapIndex { ids, rank }
}

/// Each gap's own fields, phase, owner and dependencies; returns the resolved edges.
pub fn check_gaps(
    out: &mut Vec<Problem>,
    plan: &Plan,
    index: &GapIndex,
    members: &Names,
) -> DepGraph {
    let mut suggestions = 0;
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    let mut deps = DepGraph::with_capacity(plan.gaps.len());
    for (i, g) in plan.gaps.iter().enumerate() {
        prefetch::checked_fields(&plan.gaps, i + prefetch::AHEAD);
        let path = GapPath(i);
        check_gap(out, &path, g);
        if let Some(ph) = &g.phase
            && index.rank[i] == UNKNOWN_PHASE
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
            && members.get(owner).is_none()
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
        if !g.depends_on.is_empty() {
            seen.clear();
            for (k, d) in g.depends_on.iter().enumerate() {
                let dpath = || format!("{path}.depends_on[{k}]");
                let Some(j) = index.ids.get(&plan.gaps, d) else {
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
                    deps.current().iter().any(|&(x, _)| x as usize == j)
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
                deps.push_edge(j, k);
                let (mine, theirs) = (index.rank[i], index.rank[j]);
                // A phased gap waiting on a gap of a later phase, or on an unphased one.
                if mine < UNKNOWN_PHASE && theirs > mine && theirs != UNKNOWN_PHASE {
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
        }
        deps.finish_gap();
    }
    deps
}
