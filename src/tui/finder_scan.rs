//! The finder's matching: which corpus entries match a query and with what score. A
//! per-entry letter/digit mask skips entries that cannot match before skim runs, and large
//! pools are scanned on every core, in slices joined in order (same hits as one thread).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::finder::Entry;

/// A bit per ASCII letter (case folded) and digit occurring in `text`. An entry can
/// only match a query whose mask is a subset of its own, which skips most entries
/// without running the matcher.
pub(super) fn char_mask(text: &str) -> u64 {
    let mut m = 0u64;
    for b in text.bytes() {
        let bit = match b.to_ascii_lowercase() {
            c @ b'a'..=b'z' => c - b'a',
            c @ b'0'..=b'9' => 26 + c - b'0',
            _ => continue,
        };
        m |= 1 << bit;
    }
    m
}

/// The entries a search looks at: all of them, or those that matched a shorter query.
pub(super) enum Pool {
    All(usize),
    Some(Vec<usize>),
}

impl Pool {
    pub(super) fn len(&self) -> usize {
        match self {
            Pool::All(n) => *n,
            Pool::Some(v) => v.len(),
        }
    }

    fn get(&self, k: usize) -> usize {
        match self {
            Pool::All(_) => k,
            Pool::Some(v) => v[k],
        }
    }
}

/// Below this many entries one thread is quicker than starting others.
const PARALLEL_FROM: usize = 20_000;

/// How many threads to scan `len` entries with (one per core, for large pools).
pub(super) fn parts(len: usize) -> usize {
    if len < PARALLEL_FROM {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Every entry of `pool` that matches `query`, with its score, in pool order. Matching is
/// nearly all of a keystroke's cost, so the pool is cut into `parts` consecutive slices
/// scanned side by side; joining them in order gives what one thread would.
pub(super) fn scan(entries: &[Entry], pool: &Pool, query: &str, parts: usize) -> Vec<(usize, i64)> {
    let need = char_mask(query);
    let slice = |from: usize, to: usize| {
        let matcher = SkimMatcherV2::default().smart_case();
        let mut out = Vec::new();
        for k in from..to {
            let i = pool.get(k);
            let e = &entries[i];
            if e.mask & need != need {
                continue;
            }
            if let Some(score) = matcher.fuzzy_match(&e.text, query) {
                out.push((i, score));
            }
        }
        out
    };
    let len = pool.len();
    if parts <= 1 {
        return slice(0, len);
    }
    let step = len.div_ceil(parts);
    std::thread::scope(|s| {
        let workers: Vec<_> = (1..parts)
            .map(|p| {
                let (from, to) = ((p * step).min(len), ((p + 1) * step).min(len));
                s.spawn(move || slice(from, to))
            })
            .collect();
        let mut all = slice(0, step.min(len));
        for w in workers {
            let part = w.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            all.extend(part);
        }
        all
    })
}
