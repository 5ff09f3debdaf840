//! Display order, defined once for rank moves, the CLI and the TUI's rows: gaps grouped by
//! phase (in phase order, unphased and unknown phases last), plan order within a group.
//! A counting sort, so ordering N gaps is linear and hashes only at phase changes.

use rustc_hash::FxHashMap;

use crate::plan::{Gap, Plan};

/// Finds the group of gaps one after another: the position of its phase (the first phase
/// with that id), or `phases.len()` when it has none or an unknown one.
pub struct Groups<'a> {
    index: FxHashMap<&'a str, usize>,
    unphased: usize,
    /// Consecutive gaps usually share a phase: the last lookup, reused when it matches.
    last: Option<(&'a str, usize)>,
}

impl<'a> Groups<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let mut index = FxHashMap::default();
        for (i, p) in plan.phases.iter().enumerate() {
            index.entry(p.id.as_str()).or_insert(i);
        }
        Groups {
            index,
            unphased: plan.phases.len(),
            last: None,
        }
    }

    /// The group of `gap`.
    pub fn of(&mut self, gap: &'a Gap) -> usize {
        let Some(phase) = gap.phase.as_deref() else {
            return self.unphased;
        };
        match self.last {
            Some((id, group)) if id == phase => group,
            _ => {
                let group = self.index.get(phase).copied().unwrap_or(self.unphased);
                self.last = Some((phase, group));
                group
            }
        }
    }
}

/// Gaps in display order with the group boundaries: group `p` (phase `p`, or unphased
/// for `p == phases.len()`) is `order[starts[p]..starts[p + 1]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grouped {
    pub order: Vec<usize>,
    /// `phases.len() + 2` offsets into `order`.
    pub starts: Vec<usize>,
}

/// [`Grouped`] of `plan`.
pub fn grouped(plan: &Plan) -> Grouped {
    let mut groups = Groups::new(plan);
    let of: Vec<usize> = plan.gaps.iter().map(|g| groups.of(g)).collect();
    let mut starts = vec![0usize; plan.phases.len() + 2];
    for &group in &of {
        starts[group + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut fill = starts.clone();
    let mut order = vec![0usize; of.len()];
    for (gap, &group) in of.iter().enumerate() {
        order[fill[group]] = gap;
        fill[group] += 1;
    }
    Grouped { order, starts }
}

/// Gap indices in display order.
pub fn display_order(plan: &Plan) -> Vec<usize> {
    grouped(plan).order
}

/// Group of one gap (see [`Groups`]); for many gaps use [`Groups`] or [`grouped`].
pub fn group_of(plan: &Plan, gap: usize) -> usize {
    let phase = plan.gaps[gap].phase.as_deref();
    phase
        .and_then(|p| plan.phases.iter().position(|ph| ph.id == p))
        .unwrap_or(plan.phases.len())
}
