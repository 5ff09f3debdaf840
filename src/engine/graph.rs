//! One sweep over the gaps gathers everything per gap the engine needs (active, phase
//! position, owner slot, progress, remaining effort, readiness sums, cost lines and run
//! rates, which gaps have dependencies), then dependencies are resolved into a compressed graph.
//!
//! The plan's gaps are large structs; touching each once instead of once per rule is
//! most of the cost at 100,000 gaps. Unknown, dropped and self dependencies are ignored.

use crate::plan::{Dec2, Plan, Status};

use super::costs;
use super::crew::Crew;
use super::ids::Ids;
use super::names::Names;
use super::progress::{self, Effort};
use super::readiness;
use super::schedule::NONE;

/// The dependency graph and ordering keys, shared by the three scenarios.
pub struct Graph {
    pub active: Vec<bool>,
    /// Phase position of each gap (`phases.len()` for none or unknown).
    pub group: Vec<u32>,
    /// Owner slot of each gap, or `NONE`.
    pub owner: Vec<u32>,
    /// Active gaps sorted by (group, rank): release order for cycle breaking.
    pub by_key: Vec<u32>,
    pub indeg: Vec<u32>,
    /// Dependents of gap `g` are `succ[succ_at[g]..succ_at[g + 1]]`.
    succ_at: Vec<u32>,
    succ: Vec<u32>,
}

/// Per-gap numbers from the same sweep.
pub struct Digest<'a> {
    pub progress: Vec<u8>,
    pub efforts: Vec<Effort>,
    pub readiness: Dec2,
    /// Every cost line with its amount and the run-rate sums; months come later.
    pub costs: costs::Acc<'a>,
}

/// A name lookup that first checks the previous answer (neighbouring gaps usually share
/// a phase or owner).
struct Cached<'a> {
    last: Option<(&'a str, u32)>,
}

impl<'a> Cached<'a> {
    fn get(&mut self, name: &'a str, look: impl Fn(&str) -> u32) -> u32 {
        match self.last {
            Some((k, v)) if k == name => v,
            _ => {
                let v = look(name);
                self.last = Some((name, v));
                v
            }
        }
    }
}

impl Graph {
    pub fn build<'a>(plan: &'a Plan, crew: &Crew) -> (Graph, Digest<'a>) {
        let n = plan.gaps.len();
        let id_of = |j: usize| plan.gaps[j].id.as_str();
        let mut ids = Ids::with_capacity(n);
        let mut phases = Names::with_capacity(plan.phases.len());
        for (i, p) in plan.phases.iter().enumerate() {
            phases.insert_first(&p.id, i as u32);
        }
        let last = plan.phases.len() as u32;
        let (mut phase_at, mut owner_at) = (Cached { last: None }, Cached { last: None });
        let mut active = Vec::with_capacity(n);
        let mut group = Vec::with_capacity(n);
        let mut owner = Vec::with_capacity(n);
        let mut progress = Vec::with_capacity(n);
        let mut efforts = Vec::with_capacity(n);
        let mut with_deps = Vec::new();
        let mut acc = costs::Acc::new(plan);
        let (mut num, mut den) = (0u128, 0u128);
        for (i, g) in plan.gaps.iter().enumerate() {
            ids.insert(&g.id, i as u32, id_of);
            let on = g.status != Status::Dropped;
            active.push(on);
            group.push(match g.phase.as_deref() {
                Some(p) => phase_at.get(p, |p| phases.get(p).unwrap_or(last)),
                None => last,
            });
            owner.push(match g.owner.as_deref() {
                Some(o) => owner_at.get(o, |o| crew.owner(Some(o)).unwrap_or(NONE)),
                None => NONE,
            });
            let p = progress::progress(g);
            progress.push(p);
            efforts.push(progress::remaining(g, &plan.settings, p));
            if on {
                let w = g.priority.weight() as u128;
                num += w * p as u128;
                den += w;
                if !g.depends_on.is_empty() {
                    with_deps.push(i as u32);
                }
                if !g.costs.is_empty() {
                    let area = g.area.as_deref().unwrap_or("");
                    acc.gap(i, &g.costs, group[i], area);
                }
            }
        }
        let mut indeg = vec![0u32; n];
        let mut outdeg = vec![0u32; n + 1];
        let mut edges: Vec<(u32, u32)> = Vec::with_capacity(with_deps.len() * 2);
        for &i in &with_deps {
            for d in &plan.gaps[i as usize].depends_on {
                match ids.get(d, id_of) {
                    Some(j) if j != i && active[j as usize] => {
                        edges.push((j, i));
                        indeg[i as usize] += 1;
                        outdeg[j as usize] += 1;
                    }
                    _ => {}
                }
            }
        }
        let (succ_at, succ) = adjacency(&outdeg, edges);
        let by_key = by_key(&active, &group, last);
        let graph = Graph {
            active,
            group,
            owner,
            by_key,
            indeg,
            succ_at,
            succ,
        };
        let digest = Digest {
            progress,
            efforts,
            readiness: readiness::percent(num, den),
            costs: acc,
        };
        (graph, digest)
    }

    pub fn dependents(&self, g: usize) -> &[u32] {
        &self.succ[self.succ_at[g] as usize..self.succ_at[g + 1] as usize]
    }
}

/// Counting sort of (dependency, dependent) edges by dependency into a compressed list.
fn adjacency(outdeg: &[u32], edges: Vec<(u32, u32)>) -> (Vec<u32>, Vec<u32>) {
    let mut succ_at = Vec::with_capacity(outdeg.len());
    let mut acc = 0u32;
    for d in outdeg {
        succ_at.push(acc);
        acc += d;
    }
    let mut fill = succ_at.clone();
    let mut succ = vec![0u32; edges.len()];
    for (d, g) in edges {
        succ[fill[d as usize] as usize] = g;
        fill[d as usize] += 1;
    }
    (succ_at, succ)
}

/// Active gaps by (phase group, rank): a counting sort by group keeps rank order.
fn by_key(active: &[bool], group: &[u32], last: u32) -> Vec<u32> {
    let mut at = vec![0u32; last as usize + 2];
    for (&on, &g) in active.iter().zip(group) {
        if on {
            at[g as usize + 1] += 1;
        }
    }
    for k in 1..at.len() {
        at[k] += at[k - 1];
    }
    let mut by_key = vec![0u32; at[at.len() - 1] as usize];
    for (i, (&on, &g)) in active.iter().zip(group).enumerate() {
        if on {
            by_key[at[g as usize] as usize] = i as u32;
            at[g as usize] += 1;
        }
    }
    by_key
}
