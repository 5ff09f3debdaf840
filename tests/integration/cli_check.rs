//! `gapdeck check` over the fixture sets: every valid plan exits 0; every invalid one exits
//! 1 with the message and line:col listed in tests/fixtures/invalid/EXPECTED.md.

use predicates::prelude::*;

use crate::cli_support::{copy_of, gapdeck, repo, ron_files, write_temp};

#[test]
fn every_valid_fixture_and_sample_plan_passes() {
    let mut files = ron_files("tests/fixtures/valid");
    files.extend(ron_files("plans"));
    assert!(files.len() >= 4, "fixtures found: {files:?}");
    for f in files {
        let out = gapdeck().arg("check").arg(&f).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(": ok — "), "{}: {stdout}", f.display());
    }
}

/// Rows of the EXPECTED.md table: (file, "line:col" or "-", fragment).
fn expected() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(repo("tests/fixtures/invalid/EXPECTED.md")).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| ") && l.contains(".ron"))
        .map(|l| {
            let l = l.replace("\\|", "\u{0}");
            let cells: Vec<String> = l
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('\u{0}', "|"))
                .collect();
            (cells[0].clone(), cells[1].clone(), cells[2].clone())
        })
        .collect()
}

#[test]
fn every_invalid_fixture_fails_with_its_message_and_position() {
    let rows = expected();
    let files = ron_files("tests/fixtures/invalid");
    assert_eq!(rows.len(), files.len(), "one EXPECTED.md row per fixture");
    for (file, pos, fragment) in rows {
        // A copy, so the printed path is known exactly.
        let (_dir, path) = copy_of(&format!("tests/fixtures/invalid/{file}"));
        let out = gapdeck().arg("check").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
        let prefix = if pos == "-" {
            format!("{}: error: ", path.display())
        } else {
            format!("{}:{pos}: error: ", path.display())
        };
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("{file}: no line starting {prefix:?} in\n{stderr}"));
        assert!(
            line.contains(&fragment),
            "{file}: {line:?} lacks {fragment:?}"
        );
        assert!(out.stdout.is_empty(), "{file}: nothing on stdout");
    }
}

#[test]
fn syntax_error_shows_the_offending_line_with_a_caret() {
    let (_dir, path) = copy_of("tests/fixtures/invalid/syntax-missing-comma.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let offending = text.lines().nth(27).unwrap().trim().to_string();
    gapdeck()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(" 28 | "))
        .stderr(predicate::str::contains(offending))
        .stderr(predicate::str::contains("^"));
}

#[test]
fn warnings_are_printed_but_do_not_fail() {
    let (_dir, path) = copy_of("plans/minimal.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    // All actions ticked but status left at its default: legal, suspicious.
    std::fs::write(
        &path,
        text.replace("\"[ ] Test a restore\"", "\"[x] Test a restore\""),
    )
    .unwrap();
    let out = gapdeck().arg("check").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(": warning: gaps[0]"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok — 2 gaps in 1 phase, 1 warning"));
}

#[test]
fn missing_or_unreadable_files_exit_2() {
    gapdeck()
        .args(["check", "/nonexistent/plan.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: '/nonexistent/plan.ron': cannot open",
        ));
    let (dir, _) = write_temp("x.ron", "");
    gapdeck()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
}
