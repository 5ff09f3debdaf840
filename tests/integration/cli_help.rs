//! `--help` on every command shows an example; bad command lines exit 2 with a clear message.

use predicates::prelude::*;

use crate::cli_support::gapdeck;

#[test]
fn every_command_help_has_an_example() {
    let cases: [&[&str]; 6] = [
        &["--help"],
        &["check", "--help"],
        &["report", "--help"],
        &["set", "--help"],
        &["tick", "--help"],
        &["move", "--help"],
    ];
    for args in cases {
        gapdeck()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"))
            .stdout(predicate::str::contains("gapdeck "));
    }
}

#[test]
fn top_level_help_documents_exit_codes() {
    gapdeck()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Exit codes: 0 ok, 1 the plan has problems, 2 usage or I/O error.",
        ));
}

#[test]
fn bad_status_lists_valid_values_and_exits_2() {
    gapdeck()
        .args(["set", "plan.ron", "gap", "--status", "finished"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown status 'finished' — valid values: Missing, Partial, InProgress, Blocked, \
             Done, Dropped",
        ));
}

#[test]
fn set_without_a_change_and_move_with_two_directions_are_usage_errors() {
    gapdeck()
        .args(["set", "plan.ron", "gap"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--status"));
    gapdeck()
        .args(["move", "plan.ron", "gap", "--up", "--down"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
    gapdeck()
        .args(["tick", "plan.ron", "gap", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("actions are numbered from 1"));
}

#[test]
fn unknown_format_is_a_usage_error() {
    gapdeck()
        .args(["report", "plan.ron", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("text, markdown, json, csv"));
}
