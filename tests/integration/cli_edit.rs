//! `set`, `tick` and `move` change exactly what they say in the saved file, and a refused
//! edit leaves the file byte-identical.

use std::path::Path;

use gapdeck::plan::{Plan, Priority, Status, load_file};
use predicates::prelude::*;

use crate::cli_support::{copy_of, gapdeck, write_temp};

const MINIMAL: &str = "plans/minimal.ron";

fn load(path: &Path) -> Plan {
    load_file(path).expect("saved plan loads").plan
}

fn idx(plan: &Plan, id: &str) -> usize {
    plan.gaps.iter().position(|g| g.id == id).unwrap()
}

/// Runs a refused command and checks the file did not change at all.
fn assert_refused(path: &Path, args: &[&str], code: i32, fragment: &str) {
    let before = std::fs::read(path).unwrap();
    gapdeck()
        .args(args)
        .assert()
        .code(code)
        .stderr(predicate::str::contains(fragment));
    assert_eq!(std::fs::read(path).unwrap(), before, "file changed");
}

#[test]
fn set_changes_only_the_named_fields() {
    let (_dir, path) = copy_of(MINIMAL);
    let mut expected = load(&path);
    let p = path.to_str().unwrap();
    gapdeck()
        .args([
            "set",
            p,
            "error-tracking",
            "--status",
            "in-progress",
            "--priority",
            "CRITICAL",
        ])
        .args(["--progress", "40", "--owner", "dev"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "error-tracking: status Missing → InProgress, priority High → Critical, \
             progress auto → 40%, owner (none) → dev",
        ));
    let i = idx(&expected, "error-tracking");
    let g = &mut expected.gaps[i];
    g.status = Status::InProgress;
    g.priority = Priority::Critical;
    g.progress = Some(40);
    g.owner = Some("dev".into());
    assert_eq!(load(&path), expected);
    assert!(
        path.with_extension("ron.bak").exists(),
        "previous version kept"
    );
}

#[test]
fn set_progress_auto_and_no_phase_clear_fields() {
    let (_dir, path) = copy_of(MINIMAL);
    let p = path.to_str().unwrap();
    gapdeck()
        .args(["set", p, "backups", "--progress", "70"])
        .assert()
        .success();
    gapdeck()
        .args(["set", p, "backups", "--progress", "auto", "--no-phase"])
        .assert()
        .success();
    let plan = load(&path);
    let g = &plan.gaps[idx(&plan, "backups")];
    assert_eq!(g.progress, None);
    assert_eq!(g.phase, None);
}

#[test]
fn unknown_gap_suggests_a_close_id_and_changes_nothing() {
    let (_dir, path) = copy_of(MINIMAL);
    let p = path.to_str().unwrap();
    assert_refused(
        &path,
        &["set", p, "backup", "--status", "done"],
        2,
        "unknown gap 'backup' — did you mean 'backups'?",
    );
    assert_refused(
        &path,
        &["move", p, "backups", "--after", "error-trackin"],
        2,
        "did you mean 'error-tracking'?",
    );
}

#[test]
fn refused_edits_print_the_reason_and_change_nothing() {
    let (_dir, path) = copy_of(MINIMAL);
    let p = path.to_str().unwrap();
    assert_refused(
        &path,
        &["set", p, "backups", "--phase", "lunch"],
        2,
        "unknown phase 'lunch'",
    );
    assert_refused(
        &path,
        &["set", p, "backups", "--owner", "bob"],
        2,
        "unknown team member 'bob'",
    );
    assert_refused(
        &path,
        &["tick", p, "backups", "3"],
        2,
        "actions are numbered 1 to 2",
    );
    assert_refused(
        &path,
        &["move", p, "backups", "--up"],
        2,
        "'backups' is already first",
    );
    assert_refused(
        &path,
        &["move", p, "backups", "--before", "backups"],
        2,
        "relative to itself",
    );
}

#[test]
fn tick_toggles_one_action() {
    let (_dir, path) = copy_of(MINIMAL);
    let mut expected = load(&path);
    let p = path.to_str().unwrap();
    gapdeck()
        .args(["tick", p, "backups", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "backups: action 2 [x] Test a restore",
        ));
    let i = idx(&expected, "backups");
    expected.gaps[i].actions[1].done = true;
    assert_eq!(load(&path), expected);
    gapdeck()
        .args(["tick", p, "backups", "2"])
        .assert()
        .success();
    expected.gaps[i].actions[1].done = false;
    assert_eq!(load(&path), expected);
}

#[test]
fn move_reorders_the_rank() {
    let (_dir, path) = copy_of(MINIMAL);
    let p = path.to_str().unwrap();
    let mut expected = load(&path);
    gapdeck()
        .args(["move", p, "error-tracking", "--up"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "error-tracking: now #1 in phase launch, before 'backups'",
        ));
    expected.gaps.swap(0, 1);
    assert_eq!(load(&path), expected);
    gapdeck()
        .args(["move", p, "error-tracking", "--after", "backups"])
        .assert()
        .success();
    expected.gaps.swap(0, 1);
    assert_eq!(load(&path), expected);
}

#[test]
fn a_file_that_does_not_parse_is_not_edited() {
    let (_dir, path) = write_temp(
        "broken.ron",
        "Plan(\n  title: \"x\",\n  start: 2026-01-05,\n)\n",
    );
    let p = path.to_str().unwrap();
    assert_refused(
        &path,
        &["set", p, "a", "--status", "done"],
        1,
        "not editing",
    );
}

#[test]
fn a_plan_with_validation_errors_is_edited_with_a_warning() {
    let (_dir, path) = copy_of(MINIMAL);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("depends_on: [\"backups\"]", "depends_on: [\"nope\"]"),
    )
    .unwrap();
    let p = path.to_str().unwrap();
    gapdeck()
        .args(["set", p, "backups", "--status", "done"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "has 1 validation error; editing anyway",
        ));
    let plan = load(&path);
    assert_eq!(plan.gaps[idx(&plan, "backups")].status, Status::Done);
}

#[test]
fn setting_the_current_value_does_not_rewrite_the_file() {
    let (_dir, path) = copy_of(MINIMAL);
    let p = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    gapdeck()
        .args(["set", p, "backups", "--priority", "critical"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to change"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
