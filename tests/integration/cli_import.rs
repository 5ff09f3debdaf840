//! `gapdeck import` end to end: each seed report becomes a plan that `gapdeck check`
//! accepts; the log goes to stderr or --log; --dry-run writes nothing; bad input exits 2.

use predicates::prelude::*;

use crate::cli_support::{copy_of, gapdeck, write_temp};

#[test]
fn each_seed_imports_into_a_plan_that_check_accepts() {
    for (name, gaps) in [
        ("process-gaps.md", 8),
        ("production-readiness.md", 15),
        ("whats-missing.md", 14),
    ] {
        let (dir, report) = copy_of(&format!("tests/fixtures/seeds/{name}"));
        let plan = dir.path().join("plan.ron");
        gapdeck()
            .args(["import", "--start", "2026-01-05", "-o"])
            .arg(&plan)
            .arg(&report)
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("wrote {gaps} gaps")))
            .stderr(predicate::str::contains("totals cross-check:"))
            .stderr(predicate::str::contains("priority rule:"));
        gapdeck()
            .arg("check")
            .arg(&plan)
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!("ok — {gaps} gaps")));
    }
}

#[test]
fn default_output_log_file_dry_run_and_refusals() {
    let (dir, report) = copy_of("tests/fixtures/seeds/whats-missing.md");
    let log = dir.path().join("import.log");
    // --dry-run: plan on stdout, log in the file, nothing written beside the report.
    gapdeck()
        .args(["import", "--dry-run", "--log"])
        .arg(&log)
        .arg(&report)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("#![enable(implicit_some)]"))
        .stdout(predicate::str::contains("id: \"ssl-tls-certificates\""));
    assert!(!dir.path().join("whats-missing.ron").exists());
    let log_text = std::fs::read_to_string(&log).unwrap();
    assert!(log_text.contains("line 79: gap 'ssl-tls-certificates'"));
    assert!(log_text.contains("windows-1254"));
    // Default output is the report's name with .ron; a second run refuses to overwrite.
    gapdeck().arg("import").arg(&report).assert().success();
    assert!(dir.path().join("whats-missing.ron").exists());
    gapdeck()
        .arg("import")
        .arg(&report)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists — pass --force"));
    gapdeck()
        .args(["import", "--force"])
        .arg(&report)
        .assert()
        .success();
}

#[test]
fn unusable_reports_exit_2_naming_the_file() {
    let (_d, empty) = write_temp("empty.md", "");
    gapdeck()
        .arg("import")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.md: the report is empty"));
    let (_d, prose) = write_temp("prose.md", "just prose\n");
    gapdeck()
        .args(["import", "--dry-run"])
        .arg(&prose)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("prose.md: no gaps found"));
    let (_d, bin) = write_temp("bin.md", "\u{0}\u{1}\u{2}binary");
    gapdeck()
        .args(["import", "--dry-run"])
        .arg(&bin)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary data"));
    gapdeck()
        .args(["import", "missing-report.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing-report.md: cannot read the report",
        ));
    let (_d, ok) = write_temp("r.md", "## Gaps\n### 1. Backups\n");
    gapdeck()
        .args(["import", "--start", "soon"])
        .arg(&ok)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--start 'soon' is not a date"));
}
