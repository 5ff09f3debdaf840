//! Word search in short report lines: whether a line holds any of a list of words, in
//! one pass over the line (`str::contains` per word spends more on searcher setup than
//! on searching lines of a few dozen bytes).

/// True when `hay` contains any of `needles`, in one pass over `hay` (these are short
/// lines checked against lists of words, where `str::contains` per word costs more in
/// searcher setup than in searching).
pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    let h = hay.as_bytes();
    if needles.len() <= 6 || h.len() < 8 {
        return needles.iter().any(|n| has_bytes(h, n.as_bytes()));
    }
    if needles.len() > 64 {
        return needles.iter().any(|n| hay.contains(n));
    }
    // For each first byte, the needles starting with it.
    let mut by_first = [0u64; 256];
    for (k, n) in needles.iter().enumerate() {
        match n.as_bytes().first() {
            Some(&b) => by_first[usize::from(b)] |= 1 << k,
            None => return true,
        }
    }
    (0..h.len()).any(|i| {
        let mut m = by_first[usize::from(h[i])];
        while m != 0 {
            let n = needles[m.trailing_zeros() as usize].as_bytes();
            m &= m - 1;
            if h.len() - i >= n.len() && n[1..].iter().zip(&h[i + 1..]).all(|(a, b)| a == b) {
                return true;
            }
        }
        false
    })
}

/// A plain substring search for short needles.
fn has_bytes(h: &[u8], n: &[u8]) -> bool {
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    h.len() >= n.len()
        && h[..=h.len() - n.len()]
            .iter()
            .enumerate()
            .any(|(i, &b)| b == first && rest.iter().zip(&h[i + 1..]).all(|(x, y)| x == y))
}

/// Up to 64 words, indexed once, found in a line in one pass.
pub struct WordSet {
    words: Vec<&'static str>,
    /// For each first byte, the words starting with it.
    by_first: [u64; 256],
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        assert!(words.len() <= 64, "a WordSet holds at most 64 words");
        let mut by_first = [0u64; 256];
        for (k, w) in words.iter().enumerate() {
            let first = w.as_bytes().first().expect("no empty words");
            by_first[usize::from(*first)] |= 1 << k;
        }
        WordSet {
            words: words.to_vec(),
            by_first,
        }
    }

    /// Bit `k` is set when word `k` occurs in `hay`.
    pub fn found_in(&self, hay: &str) -> u64 {
        let h = hay.as_bytes();
        let mut found = 0;
        for i in 0..h.len() {
            let mut m = self.by_first[usize::from(h[i])] & !found;
            while m != 0 {
                let k = m.trailing_zeros();
                m &= m - 1;
                let w = self.words[k as usize].as_bytes();
                if h.len() - i >= w.len() && w[1..].iter().zip(&h[i + 1..]).all(|(a, b)| a == b) {
                    found |= 1 << k;
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_any_word() {
        assert!(contains_any("must fix now", &["should", "fix"]));
        assert!(contains_any("café au lait", &["é a"]));
        assert!(!contains_any("fi", &["fix", "x"]));
        assert!(contains_any("", &[""]));
        let many: Vec<String> = (0..70).map(|k| format!("w{k}x")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        for n in [3, 10, 70] {
            assert!(contains_any("a w2x b", &many[..n]));
            assert!(!contains_any("a w2 x b", &many[..n]));
        }
    }

    #[test]
    fn word_sets_report_every_word_found() {
        let set = WordSet::new(&["fix", "must", "x", "nowhere", "é a"]);
        assert_eq!(set.found_in("must fix now"), 0b00111);
        assert_eq!(set.found_in("café au lait"), 0b10000);
        assert_eq!(set.found_in(""), 0);
    }
}
