//! The `/` finder: fuzzy search (skim v2) over gap ids, titles, areas, owners and action
//! texts. The corpus is built once per recompute; each keystroke searches only what
//! matched the shorter query when the user keeps typing, and keeps the best `CAP` gaps.

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui_textarea::{Input, Key};

use super::finder_scan::{Pool, char_mask, parts, scan};
use super::query::{self, Changed};
use super::rows::{Row, Rows};
use super::sanitize::sanitize;
use crate::plan::Plan;

/// Most gaps listed at once.
pub const CAP: usize = 200;

/// Which field of a gap an entry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Id,
    Title,
    Area,
    Owner,
    Action,
}

impl FieldKind {
    pub fn label(self) -> &'static str {
        match self {
            FieldKind::Id => "id",
            FieldKind::Title => "title",
            FieldKind::Area => "area",
            FieldKind::Owner => "owner",
            FieldKind::Action => "action",
        }
    }
}

/// One searchable text.
#[derive(Clone, Debug)]
pub struct Entry {
    pub gap: usize,
    pub kind: FieldKind,
    pub text: String,
    /// Which ASCII letters and digits occur in `text` (see `finder_scan::char_mask`).
    pub(super) mask: u64,
}

/// Every searchable text of a plan, gap by gap in table order (ties rank in that order).
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub entries: Vec<Entry>,
    /// Index of each gap's title entry, in table order (the list for an empty query).
    titles: Vec<usize>,
}

impl Corpus {
    pub fn build(plan: &Plan, rows: &Rows) -> Corpus {
        let mut c = Corpus::default();
        for row in &rows.rows {
            let Row::Gap(r) = row else { continue };
            let Some(g) = plan.gaps.get(r.gap) else {
                continue;
            };
            // The title always gets an entry (even empty) so the empty query lists it.
            c.titles.push(c.entries.len());
            let fields = [
                (FieldKind::Title, g.title.as_str()),
                (FieldKind::Id, g.id.as_str()),
                (FieldKind::Area, g.area.as_deref().unwrap_or("")),
                (FieldKind::Owner, g.owner.as_deref().unwrap_or("")),
            ];
            let actions = g
                .actions
                .iter()
                .map(|a| (FieldKind::Action, a.text.as_str()));
            for (kind, text) in fields.into_iter().chain(actions) {
                if kind == FieldKind::Title || !text.is_empty() {
                    let text = sanitize(text).into_owned();
                    c.entries.push(Entry {
                        gap: r.gap,
                        kind,
                        mask: char_mask(&text),
                        text,
                    });
                }
            }
        }
        c
    }
}

/// A gap that matches: its best entry, the score and the matched character positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    /// Char indices into the entry's text that matched the query.
    pub matched: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct Finder {
    pub query: String,
    pub corpus: Arc<Corpus>,
    /// Best gaps first, at most `CAP`.
    pub hits: Vec<Hit>,
    /// Gaps that matched in all (may exceed `hits.len()`).
    pub total: usize,
    pub selected: usize,
    /// Entries that matched `narrowed_for`; a longer query can only match a subset.
    narrowed: Vec<usize>,
    narrowed_for: String,
}

impl Finder {
    pub fn new(corpus: Arc<Corpus>) -> Finder {
        let mut f = Finder {
            query: String::new(),
            corpus,
            hits: Vec::new(),
            total: 0,
            selected: 0,
            narrowed: Vec::new(),
            narrowed_for: String::new(),
        };
        f.search();
        f
    }

    pub fn input(&mut self, input: Input) {
        if let Input {
            key: Key::Char('u'),
            ctrl: true,
            ..
        } = input
        {
            self.query.clear();
        } else if query::edit(&mut self.query, &input) == Changed::No {
            return;
        }
        self.search();
    }

    pub fn paste(&mut self, text: &str) {
        query::paste(&mut self.query, text);
        self.search();
    }

    pub fn step(&mut self, delta: isize) {
        self.selected = query::step(self.selected, delta, self.hits.len());
    }

    /// The gap under the cursor.
    pub fn chosen(&self) -> Option<usize> {
        let hit = self.hits.get(self.selected)?;
        Some(self.corpus.entries[hit.entry].gap)
    }

    /// Re-ranks for the current query.
    fn search(&mut self) {
        self.selected = 0;
        let query = self.query.trim();
        if query.is_empty() {
            self.hits = self
                .corpus
                .titles
                .iter()
                .take(CAP)
                .map(|&entry| Hit {
                    entry,
                    score: 0,
                    matched: Vec::new(),
                })
                .collect();
            self.total = self.corpus.titles.len();
            self.narrowed.clear();
            self.narrowed_for.clear();
            return;
        }
        let matcher = SkimMatcherV2::default().smart_case();
        let entries = &self.corpus.entries;
        let narrow = !self.narrowed_for.is_empty() && query.starts_with(&self.narrowed_for);
        let pool = if narrow {
            Pool::Some(std::mem::take(&mut self.narrowed))
        } else {
            Pool::All(entries.len())
        };
        let found = scan(entries, &pool, query, parts(pool.len()));
        // Entries of one gap are consecutive, so the best per gap is kept in one pass.
        let mut matched = Vec::with_capacity(found.len());
        let mut best: Vec<(i64, usize)> = Vec::new();
        let mut current: Option<(usize, i64, usize)> = None;
        for (i, score) in found {
            matched.push(i);
            let gap = entries[i].gap;
            match current {
                Some((g, s, _)) if g == gap => {
                    if score > s {
                        current = Some((g, score, i));
                    }
                }
                _ => {
                    if let Some((_, s, e)) = current {
                        best.push((s, e));
                    }
                    current = Some((gap, score, i));
                }
            }
        }
        if let Some((_, s, e)) = current {
            best.push((s, e));
        }
        self.narrowed = matched;
        self.narrowed_for = query.to_string();
        self.total = best.len();
        let order = |a: &(i64, usize), b: &(i64, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if best.len() > CAP {
            best.select_nth_unstable_by(CAP, order);
            best.truncate(CAP);
        }
        best.sort_unstable_by(order);
        self.hits = best
            .into_iter()
            .map(|(score, entry)| Hit {
                entry,
                score,
                matched: matcher
                    .fuzzy_indices(&entries[entry].text, query)
                    .map(|(_, m)| m)
                    .unwrap_or_default(),
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analyze;

    fn finder(plan: &Plan) -> Finder {
        let rows = Rows::build(plan, &analyze(plan));
        Finder::new(Arc::new(Corpus::build(plan, &rows)))
    }

    fn typed(f: &mut Finder, text: &str) {
        for c in text.chars() {
            f.input(Input {
                key: Key::Char(c),
                ctrl: false,
                alt: false,
                shift: false,
            });
        }
    }

    #[test]
    fn ranks_close_matches_first_and_marks_the_matched_chars() {
        let plan = crate::plan::parse(crate::sample::DEFAULT).unwrap().plan;
        let mut f = finder(&plan);
        assert_eq!(f.hits.len(), plan.gaps.len().min(CAP));
        typed(&mut f, "backup");
        assert!(!f.hits.is_empty());
        let top = &f.corpus.entries[f.hits[0].entry];
        assert!(top.text.to_lowercase().contains("backup"), "{top:?}");
        assert_eq!(f.hits[0].matched.len(), 6);
        // scores never increase down the list, each gap listed once
        assert!(f.hits.windows(2).all(|w| w[0].score >= w[1].score));
        let mut gaps: Vec<usize> = f
            .hits
            .iter()
            .map(|h| f.corpus.entries[h.entry].gap)
            .collect();
        gaps.sort_unstable();
        gaps.dedup();
        assert_eq!(gaps.len(), f.hits.len());
        // narrowing while typing gives the same result as searching from scratch
        let mut fresh = finder(&plan);
        fresh.paste("backup");
        assert_eq!(fresh.hits, f.hits);
        typed(&mut f, "zzzq");
        assert!(f.hits.is_empty() && f.chosen().is_none());
    }

    #[test]
    fn an_exact_id_beats_a_scattered_match() {
        let mut plan = crate::plan::parse(crate::sample::DEFAULT).unwrap().plan;
        plan.gaps[3].id = "dbx".into();
        let mut f = finder(&plan);
        typed(&mut f, "dbx");
        assert_eq!(f.chosen(), Some(3));
    }

    #[test]
    fn narrowing_on_ten_thousand_gaps_matches_a_fresh_search() {
        // Speed is measured by `cargo bench --bench perf -- finder`; this checks that the
        // incremental narrowing used for speed never changes what is found.
        let plan = crate::genplan::generate(10_000, 7);
        let mut f = finder(&plan);
        for c in "backup restore".chars() {
            typed(&mut f, &c.to_string());
            let mut fresh = finder(&plan);
            fresh.paste(&f.query.clone());
            assert_eq!(fresh.hits, f.hits, "after typing {:?}", f.query);
        }
        assert!(f.hits.len() <= CAP);
    }

    #[test]
    fn a_scan_split_across_threads_finds_what_one_thread_finds() {
        let plan = crate::genplan::generate(3_000, 11);
        let f = finder(&plan);
        let entries = &f.corpus.entries;
        let narrowed: Vec<usize> = (0..entries.len()).filter(|i| i % 3 != 0).collect();
        for query in ["b", "backup", "Mon", "zzzq", "a1"] {
            for pool in [Pool::All(entries.len()), Pool::Some(narrowed.clone())] {
                let one = scan(entries, &pool, query, 1);
                for parts in [2, 3, 7] {
                    assert_eq!(
                        scan(entries, &pool, query, parts),
                        one,
                        "{query:?} in {parts}"
                    );
                }
            }
            assert!(!scan(entries, &Pool::All(entries.len()), "b", 2).is_empty());
        }
    }
}
