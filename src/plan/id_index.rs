//! Gap id → index of its first use, for `plan::validate`: a counting sort of the ids into
//! hash buckets (three flat arrays, ~14 bytes a gap) instead of a hash map of `&str` (~32
//! bytes a slot, scattered writes), so building it for 100,000 gaps stays mostly in cache.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::model::Gap;

pub struct IdIndex {
    /// Each gap's id hash (unused for gaps left out).
    keys: Vec<u64>,
    /// Bucket `b` holds `order[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// Gap indices by bucket, increasing within each bucket.
    order: Vec<u32>,
    shift: u32,
}

fn hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

impl IdIndex {
    /// Indexes the gaps for which `keep(i, gap)` (called once each, in order) holds; returns
    /// the index and every `(i, first)` where gap `i` repeats the id of the earlier gap
    /// `first`, in gap order.
    pub fn build(
        gaps: &[Gap],
        mut keep: impl FnMut(usize, &Gap) -> bool,
    ) -> (IdIndex, Vec<(usize, usize)>) {
        let n = gaps.len();
        let bits = usize::BITS - n.max(2).saturating_sub(1).leading_zeros();
        let shift = 64 - bits;
        let mut starts = vec![0u32; (1usize << bits) + 1];
        let mut keys = Vec::with_capacity(n);
        let mut kept = Vec::with_capacity(n);
        for (i, g) in gaps.iter().enumerate() {
            let keep = keep(i, g);
            let k = if keep { hash(&g.id) } else { 0 };
            if keep {
                starts[(k >> shift) as usize + 1] += 1;
            }
            keys.push(k);
            kept.push(keep);
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut next = starts.clone();
        let mut order = vec![0u32; starts[starts.len() - 1] as usize];
        for (i, (&k, keep)) in keys.iter().zip(kept).enumerate() {
            if keep {
                let slot = &mut next[(k >> shift) as usize];
                order[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        drop(next);
        let index = IdIndex {
            keys,
            starts,
            order,
            shift,
        };
        let repeats = index.repeats(gaps);
        (index, repeats)
    }

    fn bucket(&self, key: u64) -> &[u32] {
        let b = (key >> self.shift) as usize;
        &self.order[self.starts[b] as usize..self.starts[b + 1] as usize]
    }

    /// `(i, first)` for every gap whose id an earlier gap already has.
    fn repeats(&self, gaps: &[Gap]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        // Distinct ids seen so far in the current bucket (first users); a bucket holds
        // about one id, and repeats of one id compare against it alone.
        let mut firsts: Vec<u32> = Vec::new();
        for b in 0..self.starts.len() - 1 {
            let entries = &self.order[self.starts[b] as usize..self.starts[b + 1] as usize];
            if entries.len() < 2 {
                continue;
            }
            firsts.clear();
            for &i in entries {
                let (k, id) = (self.keys[i as usize], &gaps[i as usize].id);
                let first = firsts
                    .iter()
                    .find(|&&f| self.keys[f as usize] == k && gaps[f as usize].id == *id);
                match first {
                    Some(&f) => out.push((i as usize, f as usize)),
                    None => firsts.push(i),
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Index of the first gap (among those kept) whose id is `id`.
    pub fn get(&self, gaps: &[Gap], id: &str) -> Option<usize> {
        let k = hash(id);
        self.bucket(k)
            .iter()
            .find(|&&j| self.keys[j as usize] == k && gaps[j as usize].id == id)
            .map(|&j| j as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_uses_repeats_and_left_out_ids() {
        let gaps: Vec<Gap> = ["a", "b", "a", "skip", "c", "a", "b", "skip"]
            .iter()
            .map(|id| Gap::new(*id, "t"))
            .collect();
        let (index, repeats) = IdIndex::build(&gaps, |i, _| i != 3);
        assert_eq!(repeats, vec![(2, 0), (5, 0), (6, 1)]);
        assert_eq!(index.get(&gaps, "a"), Some(0));
        assert_eq!(index.get(&gaps, "c"), Some(4));
        assert_eq!(index.get(&gaps, "skip"), Some(7));
        assert_eq!(index.get(&gaps, "zz"), None);
        let (empty, none) = IdIndex::build(&[], |_, _| true);
        assert_eq!((empty.get(&[], "a"), none.len()), (None, 0));
    }

    #[test]
    fn one_id_repeated_many_times_is_linear() {
        let gaps: Vec<Gap> = (0..50_000).map(|_| Gap::new("same", "t")).collect();
        let (index, repeats) = IdIndex::build(&gaps, |_, _| true);
        assert_eq!(repeats.len(), 49_999);
        assert_eq!(index.get(&gaps, "same"), Some(0));
    }
}
