//! Hostile and broken plan files through the real `gapdeck check`: each gets a clear
//! error (exit 1 or 2) naming the file, within a time limit, without a panic, and
//! without echoing raw control characters to the terminal.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::run::{path_str, run};

/// A valid plan around one gap whose fields are replaced by `gap_fields`.
fn plan_with_gap(gap_fields: &str) -> String {
    format!(
        "Plan(\n    title: \"Hostile\",\n    start: \"2026-01-05\",\n    team: [Member(name: \"dev\", \
         hours_per_week: 30)],\n    phases: [Phase(id: \"p1\", name: \"One\", weeks: (1, 2))],\n    \
         gaps: [\n        Gap({gap_fields}),\n    ],\n)\n"
    )
}

fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let gap = |fields: &str| plan_with_gap(fields).into_bytes();
    let mut binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    binary[0] = 0;
    let mut latin1 = plan_with_gap("id: \"a\", title: \"Caf\u{e9}\"").into_bytes();
    let at = latin1.windows(2).position(|w| w == [0xc3, 0xa9]).unwrap();
    latin1.splice(at..at + 2, [0xe9]); // é as a lone Latin-1 byte: not UTF-8
    let deep = format!(
        "Plan(title: {}1{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let deep_parens = format!(
        "Plan(title: {}1{})",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    vec![
        ("empty", Vec::new()),
        ("only whitespace", b"  \n\t\n".to_vec()),
        ("binary", binary),
        ("non-UTF-8", latin1),
        ("UTF-16 with BOM", {
            let mut v = vec![0xff, 0xfe];
            v.extend("Plan()".encode_utf16().flat_map(u16::to_le_bytes));
            v
        }),
        ("deeply nested lists", deep.into_bytes()),
        ("deeply nested tuples", deep_parens.into_bytes()),
        (
            "unclosed",
            b"Plan(title: \"x\", gaps: [Gap(id: \"a\"".to_vec(),
        ),
        (
            "huge integer",
            gap("id: \"a\", title: \"t\", estimate: Hours(1, 99999999999999999999999999999)"),
        ),
        (
            "huge float",
            gap("id: \"a\", title: \"t\", estimate: Hours(1, 1e308)"),
        ),
        (
            "overflowing float",
            gap("id: \"a\", title: \"t\", estimate: Hours(1, 1e999)"),
        ),
        (
            "NaN",
            gap("id: \"a\", title: \"t\", estimate: Hours(NaN, 2)"),
        ),
        (
            "inf",
            gap("id: \"a\", title: \"t\", estimate: Hours(1, inf)"),
        ),
        (
            "negative",
            gap("id: \"a\", title: \"t\", estimate: Hours(-5, 2)"),
        ),
        (
            "huge progress",
            gap("id: \"a\", title: \"t\", progress: 4294967296"),
        ),
        (
            "huge cost",
            gap("id: \"a\", title: \"t\", costs: [Monthly(1, 1e30, \"x\")]"),
        ),
        ("duplicate key", gap("id: \"a\", id: \"b\", title: \"t\"")),
        (
            "duplicate top key",
            b"Plan(title: \"a\", title: \"b\", start: \"2026-01-05\")".to_vec(),
        ),
        ("id with spaces", gap("id: \"a b\", title: \"t\"")),
        (
            "id with escape",
            gap("id: \"a\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\", title: \"t\""),
        ),
        ("id with NUL", gap("id: \"a\\u{0}b\", title: \"t\"")),
        ("empty id", gap("id: \"\", title: \"t\"")),
        (
            "bad date",
            b"Plan(title: \"x\", start: \"2026-02-30\")".to_vec(),
        ),
        (
            "lone surrogate escape",
            gap("id: \"a\", title: \"\\u{d800}\""),
        ),
    ]
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let file: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let path = dir.join(format!("{file}.ron"));
    fs::write(&path, bytes).unwrap();
    path
}

/// Whether a hostile input may also be accepted as a valid plan ("a clear error or works").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Accept {
    ErrorOnly,
    ErrorOrWorks,
}

/// `gapdeck check` refuses `path` cleanly (or, if allowed, accepts it); returns stderr.
fn assert_handled_cleanly(what: &str, path: &Path, accept: Accept, limit: Duration) -> String {
    let ran = run(&["check", path_str(path)], limit);
    let code = ran.status.code();
    if accept == Accept::ErrorOrWorks && code == Some(0) {
        assert!(
            !ran.stderr.contains("panicked"),
            "{what}: panicked\n{}",
            ran.stderr
        );
        return ran.stderr;
    }
    assert!(
        matches!(code, Some(1 | 2)),
        "{what}: expected exit 1 or 2, got {:?}\nstderr: {}",
        ran.status,
        ran.stderr
    );
    assert!(
        !ran.stderr.contains("panicked"),
        "{what}: panicked\n{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains(path_str(path)),
        "{what}: the message must name the file\nstderr: {}",
        ran.stderr
    );
    let raw = ran
        .stderr
        .chars()
        .chain(ran.stdout.chars())
        .find(|c| c.is_control() && *c != '\n' && *c != '\t');
    assert_eq!(
        raw, None,
        "{what}: raw control character sent to the terminal\nstderr: {:?}",
        ran.stderr
    );
    ran.stderr
}

#[test]
fn broken_and_hostile_plans_get_clear_errors_and_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (what, bytes) in cases() {
        let path = write(dir.path(), what, &bytes);
        let accept = if what == "id with spaces" {
            Accept::ErrorOrWorks
        } else {
            Accept::ErrorOnly
        };
        assert_handled_cleanly(what, &path, accept, Duration::from_secs(20));
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: 300 MB on paper, nothing on disk. Reading it would take seconds and the memory.
    let f = fs::File::create(&path).unwrap();
    f.set_len(300 * 1024 * 1024).unwrap();
    let ran = run(&["check", path_str(&path)], Duration::from_secs(20));
    assert_eq!(ran.status.code(), Some(2), "stderr: {}", ran.stderr);
    assert!(
        ran.elapsed < Duration::from_secs(2),
        "took {:?}",
        ran.elapsed
    );
    assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    assert!(ran.stderr.contains(path_str(&path)), "{}", ran.stderr);
}

#[test]
fn a_100_mb_plan_is_refused_or_loaded_within_limits() {
    let dir = tempfile::tempdir().unwrap();
    // 100 MB inside one title string: valid RON that a careless loader would copy around.
    let path = dir.path().join("hundred.ron");
    let mut f = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    f.write_all(b"Plan(title: \"").unwrap();
    let chunk = vec![b'x'; 1024 * 1024];
    for _ in 0..100 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\", start: \"2026-01-05\")\n").unwrap();
    f.into_inner().unwrap().sync_all().unwrap();
    let ran = run(&["check", path_str(&path)], Duration::from_secs(60));
    assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    assert!(
        matches!(ran.status.code(), Some(0..=2)),
        "exit {:?}: {}",
        ran.status,
        ran.stderr
    );
    if ran.status.code() != Some(0) {
        assert!(ran.stderr.contains(path_str(&path)), "{}", ran.stderr);
    }
}
