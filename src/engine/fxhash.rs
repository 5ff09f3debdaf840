//! A small, fast, non-cryptographic string hasher for the engine's id lookups (in the
//! spirit of rustc's FxHash). Plans are local files, so hash flooding is not a concern;
//! std's SipHash was a fifth of `analyze` at 100,000 gaps.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An empty [`FxMap`] with room for `n` entries.
pub fn map_with_capacity<K, V>(n: usize) -> FxMap<K, V> {
    HashMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

const K: u64 = 0xf135_7aea_2e62_a9c5;

#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

/// The 1–7 trailing bytes as one word, from two overlapping fixed-size reads (a
/// variable-length copy would call `memcpy`, which was a tenth of `analyze`).
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u32_at = |i: usize| u32::from_le_bytes([rest[i], rest[i + 1], rest[i + 2], rest[i + 3]]);
    let u16_at = |i: usize| u16::from_le_bytes([rest[i], rest[i + 1]]);
    if n >= 4 {
        u64::from(u32_at(0)) | (u64::from(u32_at(n - 4)) << 32)
    } else if n >= 2 {
        u64::from(u16_at(0)) | (u64::from(u16_at(n - 2)) << 16)
    } else {
        u64::from(rest[0])
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail(rest) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // Multiplication leaves the low bits weak; the table indexes by low bits.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_ids_stay_distinct() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("gap-{i}")).collect();
        let mut m = map_with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            m.insert(id.as_str(), i);
        }
        assert_eq!(m.len(), 10_000);
        assert_eq!(m.get("gap-9999"), Some(&9999));
        assert_eq!(m.get("gap-10000"), None);
        let h = |s: &[u8]| {
            let mut f = FxHasher::default();
            f.write(s);
            f.finish()
        };
        assert_ne!(h(b"a"), h(b"a\0"), "length matters");
    }
}
