//! Fuzzy linking of free text (phase items, matrix lines, cost labels) to gaps.
//!
//! Method: token overlap weighted by rarity. Each gap is indexed by the stemmed words of
//! its title (weight 3) and of its actions and notes (weight 1); a query scores every gap
//! sharing a word with it by Σ idf·weight over the query's words, divided by the best
//! possible score (every known word in the title; words no gap uses weigh 1). An inverted index keeps this linear in the
//! size of the text, never gaps × items.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::words::{each_word, token_of, tokens};

pub struct Matcher {
    /// Word → index into `postings`.
    words: FxHashMap<String, usize>,
    /// Per word: (gap, weight) in gap order.
    postings: Vec<Vec<(usize, u32)>>,
    gaps: usize,
}

impl Matcher {
    /// `docs[i]` = (title, body text) of gap `i`.
    pub fn new(docs: &[(String, String)]) -> Self {
        let mut words: FxHashMap<String, usize> = FxHashMap::default();
        let mut postings: Vec<Vec<(usize, u32)>> = Vec::new();
        let mut mine: Vec<(usize, u32)> = Vec::new();
        let mut by_raw: FxHashMap<String, Option<usize>> = FxHashMap::default();
        let mut stemmed = String::new();
        for (i, (title, body)) in docs.iter().enumerate() {
            mine.clear();
            let mut note = |raw: &str, weight: u32| {
                // Reports repeat their words: each distinct one is stemmed once.
                let id = match by_raw.get(raw) {
                    Some(&id) => id,
                    None => {
                        let id = token_of(raw, &mut stemmed).map(|t| match words.get(t) {
                            Some(&w) => w,
                            None => {
                                words.insert(t.to_string(), postings.len());
                                postings.push(Vec::new());
                                postings.len() - 1
                            }
                        });
                        by_raw.insert(raw.to_string(), id);
                        id
                    }
                };
                if let Some(w) = id {
                    mine.push((w, weight));
                }
            };
            each_word(body, |w| note(w, 1));
            // A word in the title weighs 3 even when the body uses it too.
            each_word(title, |w| note(w, 3));
            mine.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            mine.dedup_by_key(|m| m.0);
            for &(w, weight) in &mine {
                postings[w].push((i, weight));
            }
        }
        Matcher {
            words,
            postings,
            gaps: docs.len(),
        }
    }

    fn idf(&self, df: usize) -> f64 {
        (1.0 + self.gaps as f64 / df.max(1) as f64).ln()
    }

    /// Generic head nouns ("infrastructure", "strategy") say less than topic words.
    fn weight(word: &str) -> f64 {
        static GENERIC: OnceLock<HashSet<String>> = OnceLock::new();
        let generic = GENERIC.get_or_init(|| {
            tokens(
                "infrastructure system strategy management support configuration process \
                 plan tools framework enhancements improvements procedures implementation \
                 integration solution services",
            )
            .into_iter()
            .collect()
        });
        if generic.contains(word) { 0.4 } else { 1.0 }
    }

    /// The best gap for `query` and its score in 0..=1, if any gap shares a word.
    pub fn best(&self, query: &str) -> Option<(usize, f64)> {
        let mut words = tokens(query);
        words.sort();
        words.dedup();
        if words.is_empty() {
            return None;
        }
        let mut acc: HashMap<usize, f64> = HashMap::new();
        let mut max = 0.0;
        for w in &words {
            let post = self.words.get(w).map(|&i| &self.postings[i]);
            let idf = self.idf(post.map_or(0, Vec::len)) * Self::weight(w);
            // A word no gap uses counts against the match, but less than a missed title word.
            max += if post.is_some() { idf * 3.0 } else { idf };
            // Words in most gaps say nothing about which one is meant.
            // (A hard cap keeps 100,000-gap reports linear.)
            if let Some(post) = post.filter(|p| p.len() <= 50.max(self.gaps / 5).min(200)) {
                for (g, wt) in post {
                    *acc.entry(*g).or_default() += idf * f64::from(*wt);
                }
            }
        }
        acc.into_iter()
            .map(|(g, s)| (g, s / max))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// `best` when its score reaches `threshold`.
    pub fn find(&self, query: &str, threshold: f64) -> Option<usize> {
        self.best(query)
            .filter(|(_, s)| *s >= threshold)
            .map(|(g, _)| g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_items_to_the_right_gap() {
        let docs = vec![
            (
                "Disaster Recovery Documentation".to_string(),
                "Create disaster recovery runbook; Test restoration procedures".to_string(),
            ),
            (
                "Advanced Secrets Management".to_string(),
                "Implement secrets rotation strategy".to_string(),
            ),
            (
                "Production Monitoring & Alerting".to_string(),
                "Integrate Sentry for error tracking".to_string(),
            ),
        ];
        let m = Matcher::new(&docs);
        assert_eq!(
            m.find("Document disaster recovery procedures", 0.3),
            Some(0)
        );
        assert_eq!(
            m.find("Implement basic secrets rotation strategy", 0.3),
            Some(1)
        );
        assert_eq!(m.find("Set up Sentry error monitoring", 0.3), Some(2));
        assert_eq!(m.find("Sentry", 0.2), Some(2));
        assert_eq!(m.find("Buy coffee for the team", 0.3), None);
    }
}
