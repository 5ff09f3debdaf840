//! The `/` fuzzy finder at 10k gaps: one typed character, from the key to the updated hit
//! list (target ≤ 16 ms per character). The corpus is built once per recompute, so it is
//! built outside the timed part, as the TUI does.

use std::sync::Arc;

use divan::{Bencher, black_box};
use gapdeck::engine::analyze;
use gapdeck::tui::finder::{Corpus, Finder};
use gapdeck::tui::rows::Rows;

use crate::fixtures::{SIZES, plan};

/// Types "backup" one character at a time; the timed step is the last character, with
/// the five before it already narrowing the list (the common case while typing).
#[divan::bench(args = SIZES)]
fn type_one_character(bencher: Bencher, n: usize) {
    let plan = plan(n);
    let rows = Rows::build(plan, &analyze(plan));
    let corpus = Arc::new(Corpus::build(plan, &rows));
    bencher
        .with_inputs(|| {
            let mut f = Finder::new(corpus.clone());
            f.paste("backu");
            f
        })
        .bench_local_refs(|f| {
            f.paste("p");
            black_box(f.chosen());
        });
}

/// The first character typed into an empty finder: every entry is searched.
#[divan::bench(args = SIZES)]
fn first_character(bencher: Bencher, n: usize) {
    let plan = plan(n);
    let rows = Rows::build(plan, &analyze(plan));
    let corpus = Arc::new(Corpus::build(plan, &rows));
    bencher
        .with_inputs(|| Finder::new(corpus.clone()))
        .bench_local_refs(|f| {
            f.paste("b");
            black_box(f.chosen());
        });
}
