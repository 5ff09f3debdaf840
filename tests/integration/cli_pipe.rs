//! A closed stdout (`gapdeck report plan.ron | head -1`) is a normal end: exit 0, no error.

use std::process::{Command, Stdio};

use crate::cli_support::write_temp;

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("gapdeck")
}

#[test]
fn reader_closing_early_is_not_an_error_in_any_format() {
    // Big enough that no report fits in a pipe buffer.
    let (_dir, plan) = write_temp("big.ron", &big_plan(3000));
    for format in ["text", "markdown", "json", "csv"] {
        let mut child = Command::new(binary())
            .args(["report", plan.to_str().unwrap(), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // nobody will read: every write fails with a broken pipe
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}

#[test]
fn report_piped_into_head_exits_0() {
    let (_dir, plan) = write_temp("big.ron", &big_plan(3000));
    let script = format!(
        "set -o pipefail; '{}' report '{}' | head -1",
        binary().display(),
        plan.display()
    );
    let out = Command::new("bash").args(["-c", &script]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A valid plan with `n` gaps over two members and two phases, for output-size tests.
fn big_plan(n: usize) -> String {
    let mut s = String::from(
        "Plan(\n  title: \"Big plan\",\n  start: \"2026-01-05\",\n  team: [\n    \
         Member(name: \"a\", hours_per_week: 40),\n    Member(name: \"b\", hours_per_week: 40),\n  ],\n  \
         phases: [\n    Phase(id: \"p1\", name: \"One\", weeks: (1, 4)),\n    \
         Phase(id: \"p2\", name: \"Two\", weeks: (5, 8)),\n  ],\n  gaps: [\n",
    );
    for i in 0..n {
        let phase = if i % 2 == 0 { "p1" } else { "p2" };
        s.push_str(&format!(
            "    Gap(id: \"g{i}\", title: \"Gap number {i}\", phase: \"{phase}\", \
             estimate: Hours(1, 3)),\n"
        ));
    }
    s.push_str("  ],\n)\n");
    s
}
