//! Name → index lookup for the few names a plan has (phases, team members): a linear scan
//! while there are few, a hash map past that. The first name inserted wins on duplicates.

use rustc_hash::FxHashMap;

/// Up to this many names are scanned in order; more go in a hash map.
const FEW: usize = 8;

pub enum Names<'a> {
    Few(Vec<(&'a str, u32)>),
    Many(FxHashMap<&'a str, u32>),
}

impl<'a> Names<'a> {
    /// An empty index expecting about `n` names.
    pub fn with_capacity(n: usize) -> Self {
        if n <= FEW {
            Names::Few(Vec::with_capacity(n))
        } else {
            Names::Many(FxHashMap::with_capacity_and_hasher(n, Default::default()))
        }
    }

    /// Adds `name → v` unless `name` is already there.
    pub fn insert_first(&mut self, name: &'a str, v: u32) {
        match self {
            Names::Few(list) => {
                if !list.iter().any(|(k, _)| *k == name) {
                    list.push((name, v));
                }
            }
            Names::Many(map) => {
                map.entry(name).or_insert(v);
            }
        }
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        match self {
            Names::Few(list) => list.iter().find(|(k, _)| *k == name).map(|&(_, v)| v),
            Names::Many(map) => map.get(name).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_wins_in_both_forms() {
        let owned: Vec<String> = (0..20).map(|i| format!("n{}", i % 12)).collect();
        for count in [5, 20] {
            let mut names = Names::with_capacity(count);
            for (i, s) in owned[..count].iter().enumerate() {
                names.insert_first(s, i as u32);
            }
            assert_eq!(names.get("n3"), Some(3), "{count} names");
            assert_eq!(names.get("nope"), None);
        }
        let mut many = Names::with_capacity(20);
        for (i, s) in owned.iter().enumerate() {
            many.insert_first(s, i as u32);
        }
        assert_eq!(
            many.get("n1"),
            Some(1),
            "n1 appears at 1 and 13: first wins"
        );
    }
}
