//! Tests for `plan::locate` on tricky text: strings with brackets, escapes, raw strings,
//! comments, multi-line strings and non-ASCII columns.

use super::locate::locate;
use super::problem::Position;

fn at(src: &str, path: &str) -> Option<(usize, usize)> {
    locate(src, [path])
        .get(path)
        .map(|p: &Position| (p.line, p.col))
}

const TRICKY: &str = r##"#![enable(implicit_some)]
// a comment with ( [ and "quotes"
Plan(
    title: "paren ( bracket [ quote \" brace {",
    /* block /* nested */ comment ) ] */
    start: "2026-01-05",
    team: [Member(name: r#"raw "(" string"#, hours_per_week: 30), Member(name: "é€", hours_per_week: 10)],
    gaps: [
        Gap(id: "a", title: "multi
line ( string", notes: 'c'),
        Gap(
            id: "b", // trailing ] comment
            title: "ünï", depends_on: ["a", "c"],
        ),
    ],
)
"##;

#[test]
fn finds_fields_and_elements_past_tricky_text() {
    assert_eq!(at(TRICKY, ""), Some((3, 1)));
    assert_eq!(at(TRICKY, "title"), Some((4, 12)));
    assert_eq!(at(TRICKY, "start"), Some((6, 12)));
    assert_eq!(at(TRICKY, "team[1]"), Some((7, 67)));
    assert_eq!(at(TRICKY, "team[1].name"), Some((7, 80)));
    assert_eq!(at(TRICKY, "team[1].hours_per_week"), Some((7, 102)));
    assert_eq!(at(TRICKY, "gaps[0].notes"), Some((10, 24)));
    assert_eq!(at(TRICKY, "gaps[1]"), Some((11, 9)));
    assert_eq!(at(TRICKY, "gaps[1].title"), Some((13, 20)));
    assert_eq!(at(TRICKY, "gaps[1].depends_on[1]"), Some((13, 45)));
    assert_eq!(at(TRICKY, "gaps[2]"), None);
    assert_eq!(at(TRICKY, "gaps[1].owner"), None);
}

#[test]
fn problems_fall_back_to_the_nearest_written_parent() {
    let mut problems = vec![
        super::problem::Problem::error("gaps[1].estimate", "x"),
        super::problem::Problem::error("gaps[0].depends_on[0]", "y"),
    ];
    super::locate::locate_problems(TRICKY, &mut problems);
    assert_eq!(problems[0].pos, Some(Position { line: 11, col: 9 }));
    assert_eq!(problems[1].pos, Some(Position { line: 9, col: 9 }));
}

#[test]
fn skipping_unwanted_values_keeps_line_numbers() {
    // Only gaps[1] is wanted: gaps[0] (with a multi-line string and comments) is skipped.
    assert_eq!(at(TRICKY, "gaps[1].depends_on[0]"), Some((13, 40)));
    assert_eq!(at(TRICKY, "team[0].hours_per_week"), Some((7, 62)));
}
