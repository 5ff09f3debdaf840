//! Gap id → gap index, for resolving `depends_on`: an open-addressing table, half full at
//! most, of one tag byte per slot (the part probed) beside the gap indices. Keys are not
//! copied: a tag match is confirmed against the gap's own id. The first gap with an id
//! wins (duplicates are a validation problem; the engine tolerates them).

use std::hash::Hasher;

use rustc_hash::FxHasher;

pub struct Ids {
    mask: usize,
    /// Per slot: 0 = empty, else an 8-bit tag of the hash (never 0). Small enough to stay
    /// in cache while the gaps stream past.
    ctrl: Vec<u8>,
    /// Per slot: the gap index (valid where `ctrl` is not 0).
    index: Vec<u32>,
}

/// FxHash of the bytes, then a full avalanche (the table uses both the high and the low
/// bits, and ids differ only in a few trailing characters).
fn hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    let mut h = h.finish();
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Slot to start probing at and the tag.
fn split(h: u64, mask: usize) -> (usize, u8) {
    (h as usize & mask, ((h >> 56) as u8).max(1))
}

impl Ids {
    /// An empty table for `n` ids (at most half full).
    pub fn with_capacity(n: usize) -> Self {
        let size = (2 * n).max(16).next_power_of_two();
        Ids {
            mask: size - 1,
            ctrl: vec![0; size],
            index: vec![0; size],
        }
    }

    /// Adds `id → index` unless the id is already there; `id_of(j)` is gap `j`'s id.
    pub fn insert<'a>(&mut self, id: &str, index: u32, id_of: impl Fn(usize) -> &'a str) {
        let (mut pos, tag) = split(hash(id), self.mask);
        loop {
            let c = self.ctrl[pos];
            if c == 0 {
                self.ctrl[pos] = tag;
                self.index[pos] = index;
                return;
            }
            if c == tag && id_of(self.index[pos] as usize) == id {
                return;
            }
            pos = (pos + 1) & self.mask;
        }
    }

    /// Index of the first gap with `id`.
    pub fn get<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<u32> {
        let (mut pos, tag) = split(hash(id), self.mask);
        loop {
            let c = self.ctrl[pos];
            if c == 0 {
                return None;
            }
            let j = self.index[pos];
            if c == tag && id_of(j as usize) == id {
                return Some(j);
            }
            pos = (pos + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_of_duplicates_wins_and_unknown_is_none() {
        let ids: Vec<String> = (0..5000).map(|i| format!("gap-{}", i % 4000)).collect();
        let id_of = |j: usize| ids[j].as_str();
        let mut t = Ids::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            t.insert(id, i as u32, id_of);
        }
        assert_eq!(t.get("gap-17", id_of), Some(17), "17 and 4017 share an id");
        assert_eq!(t.get("gap-3999", id_of), Some(3999));
        assert_eq!(t.get("gap-4000", id_of), None);
        assert_eq!(t.get("", id_of), None);
    }
}
