//! A small, fast non-cryptographic hasher (the Fx algorithm used inside rustc) for the
//! id and path maps built on every load and validation; SipHash showed up in profiles of
//! 100k-gap plans.
//! Keys come from the user's own file, so hash flooding is not a concern here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        // The tail (up to 7 bytes) is one word, tagged with its length.
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // A product's low bits depend only on its inputs' low bits, and the table picks
        // buckets by low bits: unmixed, 100,000 ids like `gap-12345` crowded into 2,000
        // buckets and every insert compared strings. Folding a 128-bit product spreads them.
        let m = u128::from(self.0) * u128::from(SEED);
        (m as u64) ^ ((m >> 64) as u64)
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguishes_similar_keys() {
        let mut m: FxMap<&str, usize> = FxMap::default();
        for (i, k) in ["gap-000001", "gap-000010", "gap-000100", "a", "b", ""]
            .iter()
            .enumerate()
        {
            m.insert(k, i);
        }
        assert_eq!(m.len(), 6);
        assert_eq!(m["gap-000010"], 1);
        assert_eq!(m[""], 5);
    }

    #[test]
    fn low_bits_spread_over_sequential_ids() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<FxHasher>::default();
        let buckets: FxSet<u64> = (0..100_000)
            .map(|i| build.hash_one(format!("gap-{i}").as_str()) & 0x1_ffff)
            .collect();
        // 100,000 keys into 131,072 buckets: a good hash fills about 70,000 of them.
        assert!(buckets.len() > 65_000, "{}", buckets.len());
    }
}
