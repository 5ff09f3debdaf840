//! List scheduling of gaps onto workers on a global tick clock (see `crew::TICKS_PER_DAY`).
//!
//! - Order: a priority-queue topological order. Ready gaps (every dependency placed) are
//!   taken by (phase position, rank); gaps with no phase or an unknown phase come after
//!   the last phase. Unknown, dropped and self dependencies are ignored.
//! - Cycles: when no gap is ready but some are unplaced, the lowest (phase, rank) blocked
//!   gap is released, ignoring its unplaced dependencies. Deterministic, never hangs.
//! - A gap starts once every placed dependency has finished and its worker is free. An
//!   owned gap goes to its owner; others to the worker who can start it earliest (ties:
//!   team order). A zero-effort gap takes no worker: it starts and finishes the moment it
//!   is ready.
//! - The planned run (midpoint efforts) fixes the sequence and assignment. Best and worst
//!   re-time that same sequence with low/high efforts, so each gap's best ≤ planned ≤
//!   worst holds exactly and the band shows effort uncertainty only (no list-scheduling
//!   anomalies).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::crew::{Crew, FreeTree, TICKS_PER_DAY};
use super::graph::Graph;
use super::progress::Effort;

/// Which end of the estimates a re-timing uses (the planned run uses the midpoint).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scenario {
    Best,
    Worst,
}

/// No slot / no owner.
pub const NONE: u32 = u32::MAX;

fn key(group: u32, rank: usize) -> u64 {
    ((group as u64) << 32) | rank as u64
}

/// Start and end tick (exclusive) of every gap in one scenario (0 for inactive gaps).
pub struct Times {
    pub start: Vec<u64>,
    pub end: Vec<u64>,
}

impl Times {
    /// Working-day index of each gap's start (its first tick) and finish (its last tick;
    /// the start day for zero-length work).
    pub fn days(&self) -> Vec<(u64, u64)> {
        self.start
            .iter()
            .zip(&self.end)
            .map(|(&s, &e)| day_span(s, e))
            .collect()
    }
}

/// Working days of the first and last tick of `s..e` (the start day when empty).
fn day_span(s: u64, e: u64) -> (u64, u64) {
    let last = if e > s { e - 1 } else { s };
    (s / TICKS_PER_DAY, last / TICKS_PER_DAY)
}

/// The planned run: placement sequence, worker per gap, and planned times.
pub struct Planned {
    /// Gaps in the order they were placed.
    pub seq: Vec<u32>,
    /// Slot per gap (`NONE` for inactive or zero-effort unowned gaps).
    pub slot: Vec<u32>,
    pub times: Times,
}

/// Runs the list scheduler with planned efforts.
pub fn plan_run(graph: &Graph, efforts: &[Effort], crew: &Crew) -> Planned {
    let n = graph.active.len();
    let mut indeg = graph.indeg.clone();
    let mut ready = vec![0u64; n];
    let mut placed = vec![false; n];
    let mut slot = vec![NONE; n];
    let mut times = Times {
        start: vec![0; n],
        end: vec![0; n],
    };
    let mut seq = Vec::with_capacity(graph.by_key.len());
    let mut tree = FreeTree::new(crew.slots.len());
    // Gaps ready from the start come from `by_key` (already in key order); only gaps
    // freed by a dependency go through the heap.
    let mut heap = BinaryHeap::new();
    let (mut fresh, mut cursor) = (0, 0);
    loop {
        while fresh < graph.by_key.len() && graph.indeg[graph.by_key[fresh] as usize] != 0 {
            fresh += 1;
        }
        let from_list = graph
            .by_key
            .get(fresh)
            .map(|&g| key(graph.group[g as usize], g as usize));
        let from_heap = heap.peek().map(|&Reverse(k)| k);
        let g = match (from_list, from_heap) {
            (Some(a), Some(b)) if b < a => {
                heap.pop();
                (b & 0xffff_ffff) as usize
            }
            (Some(a), _) => {
                fresh += 1;
                (a & 0xffff_ffff) as usize
            }
            (None, Some(b)) => {
                heap.pop();
                (b & 0xffff_ffff) as usize
            }
            (None, None) => {
                // Only gaps blocked by a cycle are left: release the lowest-keyed one.
                while cursor < graph.by_key.len() && placed[graph.by_key[cursor] as usize] {
                    cursor += 1;
                }
                match graph.by_key.get(cursor) {
                    Some(&g) => g as usize,
                    None => break,
                }
            }
        };
        if placed[g] {
            continue;
        }
        placed[g] = true;
        seq.push(g as u32);
        let effort = efforts[g].planned;
        let (s, e) = if effort <= 0 {
            slot[g] = graph.owner[g];
            (ready[g], ready[g])
        } else {
            let w = match graph.owner[g] {
                NONE => tree.earliest(ready[g]),
                o => o as usize,
            };
            let s = ready[g].max(tree.free(w));
            let e = s.saturating_add(crew.slots[w].ticks(effort));
            tree.set(w, e);
            slot[g] = w as u32;
            (s, e)
        };
        times.start[g] = s;
        times.end[g] = e;
        for &d in graph.dependents(g) {
            let d = d as usize;
            indeg[d] = indeg[d].saturating_sub(1);
            ready[d] = ready[d].max(e);
            if indeg[d] == 0 && !placed[d] {
                heap.push(Reverse(key(graph.group[d], d)));
            }
        }
    }
    Planned { seq, slot, times }
}

/// Re-times the planned sequence and assignment with another scenario's efforts: the
/// working-day (start, finish) of each gap, as [`Times::days`] gives them.
pub fn retime(
    graph: &Graph,
    planned: &Planned,
    efforts: &[Effort],
    crew: &Crew,
    scenario: Scenario,
) -> Vec<(u64, u64)> {
    let n = graph.active.len();
    let mut ready = vec![0u64; n];
    let mut free = vec![0u64; crew.slots.len()];
    let mut days = vec![(0, 0); n];
    for &g in &planned.seq {
        let g = g as usize;
        let (s, e) = if efforts[g].planned <= 0 {
            (ready[g], ready[g])
        } else {
            let w = planned.slot[g] as usize;
            let s = ready[g].max(free[w]);
            let e = s.saturating_add(crew.slots[w].ticks(efforts[g].get(scenario)));
            free[w] = e;
            (s, e)
        };
        days[g] = day_span(s, e);
        for &d in graph.dependents(g) {
            let d = d as usize;
            ready[d] = ready[d].max(e);
        }
    }
    days
}
