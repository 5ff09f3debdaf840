//! Tests for `plan::load`: errors with line:col and fixes, and hostile input.

use super::load::{MAX_FILE_BYTES, load_file, parse, parse_bytes};
use super::load_error::LoadErrorKind;
use super::model::{EffortUnit, Status};
use super::problem::Position;

const MINI: &str = r#"Plan(title: "x", start: "2026-01-05", gaps: [Gap(id: "a", title: "t", estimate: Hours(1, 2))])"#;

fn with_gap_field(field: &str) -> String {
    format!(
        "Plan(title: \"x\", start: \"2026-01-05\", gaps: [Gap(id: \"a\", title: \"t\", estimate: Hours(1, 2), {field})])"
    )
}

#[test]
fn minimal_plan_uses_defaults() {
    let l = parse(MINI).unwrap();
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    assert_eq!(l.plan.currency, "USD");
    assert_eq!(l.plan.gaps[0].status, Status::Missing);
    assert_eq!(l.plan.gaps[0].estimate.unwrap().unit, EffortUnit::Hours);
}

#[test]
fn implicit_some_works_without_the_header() {
    let l = parse(&with_gap_field("owner: \"ops\"")).unwrap();
    assert_eq!(l.plan.gaps[0].owner.as_deref(), Some("ops"));
    // ...and the unknown owner is a positioned problem, not a load error.
    assert_eq!(l.problems.len(), 1);
    assert_eq!(l.problems[0].path, "gaps[0].owner");
    assert_eq!(l.problems[0].pos, Some(Position { line: 1, col: 101 }));
}

#[test]
fn unknown_field_suggests_the_closest() {
    let e = parse(&with_gap_field("estimat: Hours(1, 2)")).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Syntax);
    assert!(e.message.contains("unknown field 'estimat' in Gap"), "{e}");
    assert_eq!(e.fix.as_deref(), Some("did you mean 'estimate'?"));
    assert_eq!(e.pos, Some(Position { line: 1, col: 94 }));
    let shown = e.to_string();
    assert!(shown.contains("\n 1 | Plan(title"), "{shown}");
    assert!(shown.ends_with(&format!("{}^", " ".repeat(93))), "{shown}");
}

#[test]
fn unknown_variant_lists_the_valid_ones() {
    let e = parse(&with_gap_field("status: Finished")).unwrap_err();
    assert!(e.message.contains("'Finished'"), "{e}");
    let fix = e.fix.unwrap();
    assert!(
        fix.contains("Missing | Partial | InProgress | Blocked | Done | Dropped"),
        "{fix}"
    );
}

#[test]
fn duplicate_keys_are_errors() {
    let e = parse(&with_gap_field("title: \"again\"")).unwrap_err();
    assert!(e.message.contains("'title' appears twice"), "{e}");
}

#[test]
fn unclosed_plan_says_the_file_ends_early() {
    let e = parse(&MINI[..MINI.len() - 1]).unwrap_err();
    assert!(e.message.contains("ends before"), "{e}");
}

#[test]
fn nan_inf_and_huge_numbers_are_refused() {
    for bad in [
        "NaN",
        "inf",
        "-inf",
        "1e400",
        "99999999999999999999999999",
        "1.234",
    ] {
        let src = MINI.replace("Hours(1, 2)", &format!("Hours(1, {bad})"));
        let e = parse(&src).unwrap_err();
        assert_eq!(e.kind, LoadErrorKind::Syntax, "{bad}: {e}");
        assert_eq!(e.pos.map(|p| p.line), Some(1), "{bad}");
    }
    let e = parse(&with_gap_field("progress: 256")).unwrap_err();
    assert!(e.message.contains("out of range"), "{e}");
}

#[test]
fn empty_binary_and_non_utf8_input() {
    for empty in ["", "  \n\t\n"] {
        let e = parse(empty).unwrap_err();
        assert_eq!(e.kind, LoadErrorKind::NotText);
        assert!(e.message.contains("empty"));
    }
    let e = parse_bytes(b"Plan(\x00\x01\x02").unwrap_err();
    assert!(e.message.contains("NUL byte at byte offset 5"), "{e}");
    let e = parse_bytes(b"Plan(\n  title: \"caf\xE9\",").unwrap_err();
    assert!(e.message.contains("byte 0xE9 at byte offset 19"), "{e}");
    assert_eq!(e.pos, Some(Position { line: 2, col: 14 }));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Plan()".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(parse_bytes(&utf16).unwrap_err().message.contains("UTF-16"));
    // A UTF-8 byte-order mark is fine.
    assert!(parse_bytes(format!("\u{feff}{MINI}").as_bytes()).is_ok());
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for (open, close) in [("[", "]"), ("(", ")"), ("Some(", ")")] {
        let depth = 200_000;
        let src = format!(
            "Plan(title: \"x\", start: \"2026-01-05\", gaps: {}{})",
            open.repeat(depth),
            close.repeat(depth)
        );
        assert!(parse(&src).is_err());
        let src = format!("{}{}", open.repeat(depth), close.repeat(depth));
        assert!(parse(&src).is_err());
    }
}

#[test]
fn bad_ids_and_dates_are_problems_with_positions() {
    let src = "Plan(\n  title: \"x\",\n  start: \"2026-02-30\",\n  gaps: [Gap(id: \"has space\", title: \"t\", estimate: Hours(1, 2)), Gap(id: \"b\\u{1b}[2J\", title: \"u\", estimate: Hours(1, 2))],\n)";
    let l = parse(src).unwrap();
    let paths: Vec<&str> = l.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["start", "gaps[0].id", "gaps[1].id"]);
    assert_eq!(l.problems[0].pos, Some(Position { line: 3, col: 10 }));
    assert_eq!(
        l.problems[1].fix.as_deref(),
        Some("ids are one word: try 'has-space'")
    );
    // The escape sequence is shown, not sent to the terminal.
    assert!(
        l.problems[2].message.contains("\\u{1b}[2J"),
        "{}",
        l.problems[2].message
    );
}

#[test]
fn load_file_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let e = load_file(&missing).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Io);
    assert!(
        e.to_string()
            .starts_with(&format!("{}:", missing.display())),
        "{e}"
    );
    let e = load_file(dir.path()).unwrap_err();
    assert!(e.message.contains("directory"), "{e}");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Plan(title: 5)").unwrap();
    let e = load_file(&bad).unwrap_err();
    assert!(
        e.to_string()
            .starts_with(&format!("{}:1:13: error:", bad.display())),
        "{e}"
    );
}

#[test]
fn oversized_files_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: no disk used
    let e = load_file(&big).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::TooLarge);
    assert!(e.message.contains("limited to 256 MiB"), "{e}");
}
