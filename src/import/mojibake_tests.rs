//! Tests for mojibake repair: synthetic mangling through each code page, lost bytes,
//! double mangling, and text that must be left alone.

use super::*;
use encoding_rs::WINDOWS_1257;

/// Encodes real UTF-8 through `enc` the way a broken tool does: bytes read as `enc`.
fn mangle(text: &str, enc: &'static Encoding) -> String {
    enc.decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

/// Like `mangle`, then drops the characters a tool loses (C1 controls, the Apple logo).
fn mangle_lossy(text: &str, enc: &'static Encoding) -> String {
    mangle(text, enc)
        .chars()
        .filter(|c| !('\u{80}'..='\u{9F}').contains(c) && *c != '\u{F8FF}')
        .collect()
}

const SAMPLES: &[&str] = &[
    "🚀 Production Readiness",
    "### 1. ✅ Done — and ❌ not done",
    "**Status:** ⚠️ Partial",
    "## 🔴 Critical · 🟡 High · 🟢 Low",
    "├── Application → “quoted” café naïve",
    "Ops – 🛠️ Quick fixes 📊 📋 🎯",
];

#[test]
fn each_code_page_family_round_trips() {
    for enc in [
        WINDOWS_1252,
        WINDOWS_1254,
        MACINTOSH,
        WINDOWS_1250,
        WINDOWS_1251,
    ] {
        for s in SAMPLES {
            let broken = mangle(s, enc);
            assert_ne!(&broken, s, "{} should mangle {s}", enc.name());
            let fixed = repair(&broken).expect("repairable").text;
            assert_eq!(&fixed, s, "via {}: {broken:?}", enc.name());
            assert!(!has_mojibake(&fixed));
        }
    }
}

#[test]
fn known_forms_from_the_issue() {
    assert_eq!(repair("ðŸš€ Launch").unwrap().text, "🚀 Launch");
    assert_eq!(repair("âœ… done").unwrap().text, "✅ done");
    assert_eq!(repair("ğŸ”´ Critical").unwrap().text, "🔴 Critical");
    let mac = repair("üöÄ Launch").unwrap();
    assert_eq!(mac.text, "🚀 Launch");
    assert_eq!(mac.code_pages, vec!["macintosh"]);
}

#[test]
fn lost_bytes_are_completed_when_unambiguous_else_dropped() {
    // ❌ is E2 9D 8C; 0x9D has no Windows-1252 character and vanishes.
    let broken = mangle_lossy("❌ Missing", WINDOWS_1252);
    assert_eq!(broken, "âŒ Missing");
    assert_eq!(repair(&broken).unwrap().text, "❌ Missing");
    // ⚠️ = E2 9A A0 EF B8 8F: the variation selector loses its 0x8F.
    let broken = mangle_lossy("⚠️ Basic", WINDOWS_1252);
    assert_eq!(repair(&broken).unwrap().text, "⚠\u{FE0F} Basic");
    // 🏗️ (F0 9F 8F 97): the completion is a known marker, so it comes back.
    let broken = mangle_lossy("🏗️ Infra", WINDOWS_1252);
    assert_eq!(repair(&broken).unwrap().text, "🏗\u{FE0F} Infra");
    // 🐗 (F0 9F 90 97) loses 0x90: ambiguous with 🍗/🏗 — dropped, no garbage left.
    let broken = mangle_lossy("🐗 boar", WINDOWS_1252);
    let fixed = repair(&broken).unwrap().text;
    assert!(!has_mojibake(&fixed), "{fixed:?}");
    // Mac Roman loses the 0xF0 lead of every emoji.
    let broken = mangle_lossy("🚀 go", MACINTOSH);
    assert_eq!(repair(&broken).unwrap().text, "🚀 go");
}

#[test]
fn seed_style_lines_are_repaired() {
    let line = "## ðŸ›\u{A0}ï¸ QUICK FIXES";
    let fixed = repair(line).unwrap().text;
    assert_eq!(fixed, "## 🛠\u{FE0F} QUICK FIXES");
    // Windows-1254 box drawing from a priority-matrix tree.
    let tree = mangle("├── Redis", WINDOWS_1254);
    assert_eq!(repair(&tree).unwrap().text, "├── Redis");
}

#[test]
fn a_no_break_space_turned_into_a_space_is_recovered() {
    let broken = mangle("⚠️ Basic", WINDOWS_1252).replace('\u{A0}', " ");
    assert_eq!(broken.chars().filter(|c| *c == ' ').count(), 2);
    assert_eq!(repair(&broken).unwrap().text, "⚠\u{FE0F} Basic");
    // Genuine spaced text keeps its spaces.
    assert!(repair("é è ü").is_none());
    assert_eq!(repair("âœ… ✅ done").unwrap().text, "✅ ✅ done");
}

#[test]
fn twice_mangled_text_is_repaired() {
    let twice = mangle(&mangle("✅ ok 🚀", WINDOWS_1252), WINDOWS_1252);
    assert_eq!(repair(&twice).unwrap().text, "✅ ok 🚀");
}

#[test]
fn genuine_text_is_left_alone() {
    for s in [
        "café naïve über Größe",
        "Привет, мир — всё её",
        "Ελληνικά",
        "日本語のテキスト",
        "É» “Über” 🚀 ✅",
        "plain ascii",
        "ÿ and ß… fine",
    ] {
        assert!(repair(s).is_none(), "changed {s:?}: {:?}", repair(s));
        assert!(!has_mojibake(s));
    }
    assert!(has_mojibake("bad \u{FFFD}"));
    // A code page not in the list still produces text without panics.
    let _ = repair(&mangle("✅ 🚀", WINDOWS_1257));
}

#[test]
fn seed_files_come_out_clean() {
    for name in [
        "production-readiness.md",
        "whats-missing.md",
        "process-gaps.md",
    ] {
        let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("seed fixture");
        for (n, line) in text.lines().enumerate() {
            let fixed = repair(line).map_or(line.to_string(), |r| r.text);
            assert!(!has_mojibake(&fixed), "{name}:{}: {fixed:?}", n + 1);
        }
    }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "✅",
        "❌",
        "⚠️",
        "🚀",
        "🔴",
        "🟡",
        "é",
        "ü",
        "—",
        "“",
        "”",
        "├── ",
        "•",
        "…",
        "ß",
        "Ö",
        "a",
        "b",
        "Z",
        " ",
        "1",
        ".",
        "(",
    ];

    /// Mangles the pieces through code page `page` and repairs them; returns
    /// (repaired, original).
    fn mangle_and_repair(parts: &[usize], page: usize) -> (String, String) {
        let text: String = parts.iter().map(|i| PIECES[*i]).collect();
        let enc = [WINDOWS_1252, WINDOWS_1254, MACINTOSH][page];
        let broken = mangle(&text, enc);
        // Two-byte-only Mac Roman runs need the page to be known from elsewhere.
        let known = [enc.name()];
        let known: &[&'static str] = if page == 2 { &known } else { &[] };
        let fixed = repair_with(&broken, known).map_or(broken.clone(), |r| r.text);
        (fixed, text)
    }

    /// Cases the property test below once failed on (kept here rather than in a
    /// top-level proptest-regressions folder).
    #[test]
    fn mangled_text_past_failures_round_trip() {
        for (parts, page) in [
            (&[8, 6][..], 0),
            (&[6, 14][..], 2),
            (&[6, 8, 8][..], 0),
            (&[6][..], 2),
        ] {
            let (fixed, text) = mangle_and_repair(parts, page);
            assert_eq!(fixed, text, "parts {parts:?}, page {page}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn mangled_text_round_trips(parts in proptest::collection::vec(0..PIECES.len(), 1..24), page in 0usize..3) {
            let (fixed, text) = mangle_and_repair(&parts, page);
            prop_assert_eq!(fixed, text);
        }

        #[test]
        fn repair_never_panics_and_is_stable(s in "\\PC{0,40}") {
            if let Some(r) = repair(&s) {
                prop_assert!(repair(&r.text).is_none() || r.text != s);
            }
        }
    }
}
