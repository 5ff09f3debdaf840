//! The people who can take work: members with capacity, owner lookup, and a min-tree
//! answering "who can start earliest?" in O(log members).
//!
//! Members with zero (or negative) hours cannot take work; an owner who cannot take work
//! counts as no owner. When nobody can take work (empty team, or every member at 0 hours),
//! the plan is scheduled as if one anonymous 40 h/week member did it (`member: None`).

use crate::plan::Plan;

use super::names::Names;

/// Ticks in one working day: the global clock of the scheduler.
pub const TICKS_PER_DAY: u64 = 1440;

/// One worker the scheduler can assign gaps to.
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    /// Index into `plan.team`, `None` for the anonymous stand-in.
    pub member: Option<usize>,
    /// Weekly capacity in hundredths of an hour (always > 0).
    pub week_h100: i64,
}

impl Slot {
    /// Ticks this worker needs for `effort` hundredths of an hour (rounded up).
    pub fn ticks(&self, effort: i64) -> u64 {
        if effort <= 0 {
            return 0;
        }
        let den = self.week_h100 as u64;
        match (effort as u64).checked_mul(TICKS_PER_DAY * 5) {
            Some(num) => num.div_ceil(den),
            None => {
                let num = effort as u128 * TICKS_PER_DAY as u128 * 5;
                num.div_ceil(den as u128).min(u64::MAX as u128) as u64
            }
        }
    }
}

/// The workers and how owner names map to them.
pub struct Crew<'a> {
    pub slots: Vec<Slot>,
    /// Owner name → slot index (first member of that name; only members with capacity).
    by_name: Names<'a>,
}

impl<'a> Crew<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let mut slots = Vec::with_capacity(plan.team.len().max(1));
        let mut by_name = Names::with_capacity(plan.team.len());
        for (i, m) in plan.team.iter().enumerate() {
            let h = m.hours_per_week.hundredths();
            if h > 0 {
                by_name.insert_first(&m.name, slots.len() as u32);
                slots.push(Slot {
                    member: Some(i),
                    week_h100: h,
                });
            }
        }
        if slots.is_empty() {
            slots.push(Slot {
                member: None,
                week_h100: 4000,
            });
        }
        Crew { slots, by_name }
    }

    /// Slot of a gap's owner, `None` when unowned, unknown or without capacity.
    pub fn owner(&self, name: Option<&str>) -> Option<u32> {
        name.and_then(|n| self.by_name.get(n))
    }
}

/// Free-from tick per slot, with "earliest start" queries.
pub struct FreeTree {
    size: usize,
    /// Segment tree of minimum free ticks; leaves at `size..size + n`, padding at `u64::MAX`.
    min: Vec<u64>,
}

impl FreeTree {
    pub fn new(n: usize) -> Self {
        let size = n.max(1).next_power_of_two();
        let mut min = vec![u64::MAX; 2 * size];
        for v in &mut min[size..size + n] {
            *v = 0;
        }
        for i in (1..size).rev() {
            min[i] = min[2 * i].min(min[2 * i + 1]);
        }
        FreeTree { size, min }
    }

    pub fn free(&self, slot: usize) -> u64 {
        self.min[self.size + slot]
    }

    pub fn set(&mut self, slot: usize, tick: u64) {
        let mut i = self.size + slot;
        self.min[i] = tick;
        while i > 1 {
            i /= 2;
            self.min[i] = self.min[2 * i].min(self.min[2 * i + 1]);
        }
    }

    /// The slot that can start earliest at or after `ready` (ties: lowest slot).
    pub fn earliest(&self, ready: u64) -> usize {
        let mut i = 1;
        if self.min[1] <= ready {
            // Leftmost slot already free by `ready`.
            while i < self.size {
                i = if self.min[2 * i] <= ready {
                    2 * i
                } else {
                    2 * i + 1
                };
            }
        } else {
            // Nobody is free yet: the one free first, leftmost on ties.
            while i < self.size {
                i = if self.min[2 * i] <= self.min[2 * i + 1] {
                    2 * i
                } else {
                    2 * i + 1
                };
            }
        }
        i - self.size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earliest_prefers_free_then_lowest_index() {
        let mut t = FreeTree::new(3);
        assert_eq!(t.earliest(0), 0);
        t.set(0, 100);
        assert_eq!(t.earliest(0), 1);
        t.set(1, 50);
        t.set(2, 50);
        assert_eq!(t.earliest(0), 1, "tie on free time goes to team order");
        assert_eq!(t.earliest(60), 1);
        assert_eq!(t.earliest(200), 0, "all free: first in team order");
        assert_eq!(t.free(0), 100);
    }

    #[test]
    fn ticks_round_up() {
        let s = Slot {
            member: None,
            week_h100: 4000,
        };
        assert_eq!(s.ticks(800), TICKS_PER_DAY, "8 h is one day at 40 h/week");
        assert_eq!(s.ticks(1), 2);
        assert_eq!(s.ticks(0), 0);
        assert!(
            s.ticks(i64::MAX) > i64::MAX as u64,
            "huge efforts do not overflow"
        );
    }
}
