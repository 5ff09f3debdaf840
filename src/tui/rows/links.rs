//! Dependency links between gaps by index, both directions, as flat arrays: resolved
//! from ids once, then carried across edits (remapped when one gap moves) so an edit that
//! leaves ids and `depends_on` alone never hashes 100,000 ids again.

use rustc_hash::FxHashMap;

use crate::plan::Plan;

/// Lists per gap, packed: the list of gap `g` is `items[start[g]..start[g + 1]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Packed {
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Packed {
    fn get(&self, g: usize) -> &[usize] {
        match (self.start.get(g), self.start.get(g + 1)) {
            (Some(&a), Some(&b)) => &self.items[a..b],
            _ => &[],
        }
    }

    fn map_list(&mut self, g: usize, f: impl Fn(usize) -> usize) {
        let (a, b) = (self.start[g], self.start[g + 1]);
        for x in &mut self.items[a..b] {
            *x = f(*x);
        }
    }

    fn sort_list(&mut self, g: usize) {
        let (a, b) = (self.start[g], self.start[g + 1]);
        self.items[a..b].sort_unstable();
    }

    /// Reorders the lists themselves as the move reorders the gaps owning them.
    fn shift_lists(&mut self, s: Shift) {
        let (lo, hi) = (s.from.min(s.to), s.from.max(s.to));
        let block = self.start[lo]..self.start[hi + 1];
        let moved = self.start[s.from + 1] - self.start[s.from];
        if s.from < s.to {
            self.items[block].rotate_left(moved);
        } else {
            self.items[block].rotate_right(moved);
        }
        // Lengths in new order, then the starts inside the block from them.
        let lens: Vec<usize> = (lo..=hi)
            .map(|j| {
                let o = s.old_index(j);
                self.start[o + 1] - self.start[o]
            })
            .collect();
        for (k, len) in lens.into_iter().enumerate() {
            self.start[lo + k + 1] = self.start[lo + k] + len;
        }
    }

    /// The reverse lists: `g` appears in the list of `t` once per time `t` is in `g`'s
    /// list, in increasing `g` (a counting sort, no hashing).
    fn reversed(&self, n: usize) -> Packed {
        let mut start = vec![0usize; n + 1];
        for &t in &self.items {
            start[t + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut fill = start.clone();
        let mut items = vec![0usize; self.items.len()];
        for g in 0..n {
            for &t in self.get(g) {
                items[fill[t]] = g;
                fill[t] += 1;
            }
        }
        Packed { start, items }
    }
}

/// Which known gaps each gap depends on, and which gaps depend on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    depends_on: Packed,
    dependents: Packed,
    /// Some id is used by two gaps: a dependency then resolves to the later one, which a
    /// move can change, so moves rebuild instead of remapping.
    duplicate_ids: bool,
}

impl Links {
    /// Resolves every `depends_on` id (unknown ids are skipped; a duplicated id means the
    /// last gap that has it).
    pub fn build(plan: &Plan) -> Links {
        let n = plan.gaps.len();
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        index.reserve(n);
        let mut duplicate_ids = false;
        for (i, g) in plan.gaps.iter().enumerate() {
            duplicate_ids |= index.insert(g.id.as_str(), i).is_some();
        }
        let mut start = Vec::with_capacity(n + 1);
        let mut items = Vec::new();
        start.push(0);
        for g in &plan.gaps {
            items.extend(g.depends_on.iter().filter_map(|d| index.get(d.as_str())));
            start.push(items.len());
        }
        let depends_on = Packed { start, items };
        Links {
            dependents: depends_on.reversed(n),
            depends_on,
            duplicate_ids,
        }
    }

    /// Whether [`Links::moved`] gives what a rebuild would after `shift`.
    pub fn can_move(&self, shift: Shift) -> bool {
        let n = self.depends_on.start.len().saturating_sub(1);
        !self.duplicate_ids && shift.from < n && shift.to < n
    }

    /// Brings the links in line with `edit::apply` moving gap `shift.from` to index
    /// `shift.to` (the gaps between shift by one); check [`Links::can_move`] first. Touches
    /// only the shifted range and the lists naming a gap in it.
    pub fn apply_move(&mut self, shift: Shift) {
        let (lo, hi) = (shift.from.min(shift.to), shift.from.max(shift.to));
        // Lists holding an index in lo..=hi (found through the reverse lists), by owner.
        let mut name_range: Vec<usize> = (lo..=hi)
            .flat_map(|t| self.dependents.get(t).iter().copied())
            .collect();
        let mut named_by_range: Vec<usize> = (lo..=hi)
            .flat_map(|d| self.depends_on.get(d).iter().copied())
            .collect();
        for owners in [&mut name_range, &mut named_by_range] {
            owners.sort_unstable();
            owners.dedup();
        }
        for &d in &name_range {
            self.depends_on.map_list(d, |t| shift.new_index(t));
        }
        for &t in &named_by_range {
            // Dependents are kept in increasing index: the moved gap may now sort elsewhere.
            self.dependents.map_list(t, |d| shift.new_index(d));
            self.dependents.sort_list(t);
        }
        self.depends_on.shift_lists(shift);
        self.dependents.shift_lists(shift);
    }

    /// Whether some id is used by more than one gap.
    pub fn duplicate_ids(&self) -> bool {
        self.duplicate_ids
    }

    pub fn depends_on(&self, g: usize) -> &[usize] {
        self.depends_on.get(g)
    }

    pub fn dependents(&self, g: usize) -> &[usize] {
        self.dependents.get(g)
    }
}

/// Index bookkeeping of `Edit::Move { from, to }`: the gap at `from` is removed and
/// inserted at `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    pub from: usize,
    pub to: usize,
}

impl Shift {
    /// Index after the move of the gap that was at `i`.
    pub fn new_index(self, i: usize) -> usize {
        let Shift { from, to } = self;
        if i == from {
            to
        } else if from < to && from < i && i <= to {
            i - 1
        } else if to < from && to <= i && i < from {
            i + 1
        } else {
            i
        }
    }

    /// Index before the move of the gap now at `j`.
    pub fn old_index(self, j: usize) -> usize {
        let Shift { from, to } = self;
        if j == to {
            from
        } else if from < to && from <= j && j < to {
            j + 1
        } else if to < from && to < j && j <= from {
            j - 1
        } else {
            j
        }
    }
}
