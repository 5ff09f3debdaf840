//! `plan::fast` must agree with ron: whatever it accepts, ron accepts with the same meaning.

use std::path::Path;

use proptest::prelude::*;

use super::convert::convert;
use super::fast::parse_fast;
use super::load::parse_ron;
use super::model::Plan;
use super::save::to_ron_string;
use super::save_tests::plan;

fn fast(src: &str) -> Option<Plan> {
    parse_fast(src).map(|r| convert(r, &mut Vec::new()))
}

fn reference(src: &str) -> Option<Plan> {
    parse_ron(src).ok().map(|r| convert(r, &mut Vec::new()))
}

/// The sample plans, the valid fixtures, and their saved forms.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in ["plans", "tests/fixtures/valid"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let saved = to_ron_string(&reference(&text).unwrap());
            texts.push(text);
            texts.push(saved);
        }
    }
    texts
}

#[test]
fn agrees_on_the_corpus_and_reads_every_saved_form() {
    let corpus = corpus();
    for (i, text) in corpus.iter().enumerate() {
        let expected = reference(text).unwrap();
        match fast(text) {
            Some(p) => assert_eq!(p, expected),
            // Only hand-written files may use syntax it leaves to ron (raw strings, …).
            None => assert!(i % 2 == 0, "a saved form fell back to ron:\n{text}"),
        }
    }
}

#[test]
fn leaves_rare_or_wrong_syntax_to_ron() {
    let base = r#"Plan(title: "x", start: "2026-01-05", gaps: [Gap(id: "a", title: "t", estimate: Hours(1, 2))])"#;
    assert!(fast(base).is_some());
    for (from, to) in [
        ("Hours(1, 2)", "Hours(1, 2.125)"),
        ("Hours(1, 2)", "Hours(1, 1e3)"),
        ("Hours(1, 2)", "Hours(1, NaN)"),
        ("Hours(1, 2)", "Hours(007, 2)"),
        ("Hours(1, 2)", "Hours(- 1, 2)"),
        ("Hours(1, 2)", "Hours(1, 2), title: \"again\""),
        ("Hours(1, 2)", "Hours(1, 2), area: None"),
        ("\"t\"", "r\"t\""),
        ("\"t\"", "\"\\x41\""),
        ("Gap(", "Gapp("),
        ("])", "]"),
        ("])", "]) x"),
        ("])", "])/*"),
        ("])", "]) /* never closed"),
    ] {
        let src = base.replacen(from, to, 1);
        assert!(fast(&src).is_none(), "{src}");
    }
    assert_eq!(
        fast(&base.replace("\"t\"", "\"a\\u{1b}b\\\"c\\\\\""))
            .unwrap()
            .gaps[0]
            .title,
        "a\u{1b}b\"c\\"
    );
}

const SNIPPETS: &[&str] = &[
    ",",
    ")",
    "(",
    "]",
    "[",
    "\"",
    "\\",
    "//",
    "/*",
    "*/",
    "-",
    ".5",
    " ",
    "\n",
    "Some(",
    "None",
    "0",
    "e5",
    "#",
    "r#",
    ":",
    "9999999999999",
    "é",
    "\\u{41}",
    "_",
];

proptest! {
    #[test]
    fn generated_plans_read_the_same(plan in plan()) {
        let text = to_ron_string(&plan);
        prop_assert_eq!(fast(&text), Some(plan));
    }

    #[test]
    fn mutated_files_never_read_differently(
        which in 0usize..64,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..3, 0..SNIPPETS.len()), 1..4),
    ) {
        let corpus = corpus();
        let mut text = corpus[which % corpus.len()].clone();
        for (at, op, snippet) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match op {
                0 => text.insert_str(i, SNIPPETS[snippet]),
                1 => {
                    let mut j = (i + 1 + snippet % 3).min(text.len());
                    while !text.is_char_boundary(j) {
                        j += 1;
                    }
                    text.replace_range(i..j, "");
                }
                _ => text.replace_range(i..i, &SNIPPETS[snippet].repeat(2)),
            }
        }
        if let Some(p) = fast(&text) {
            prop_assert_eq!(Some(p), reference(&text), "fast accepted what ron reads differently:\n{}", text);
        }
    }
}
