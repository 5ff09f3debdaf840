//! `gapdeck PLAN` (the TUI entry) reports a plan it cannot open like `check` does,
//! before touching the terminal.

use predicates::prelude::*;

use crate::cli_support::{copy_of, gapdeck};

#[test]
fn a_missing_plan_exits_2_naming_it() {
    gapdeck()
        .arg("/nonexistent/plan.ron")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: '/nonexistent/plan.ron': cannot open",
        ));
}

#[test]
fn a_plan_that_does_not_parse_exits_1_with_its_position() {
    let (_dir, path) = copy_of("tests/fixtures/invalid/unclosed.ron");
    gapdeck()
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "{}:36:7: error: ",
            path.display()
        )));
}
