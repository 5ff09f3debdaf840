//! `gapdeck report` in every format on a sample plan; JSON checked against the contract
//! and against `engine::analyze` run in-process on the same file.

use gapdeck::cli::report::json::{CONTRACT_KEYS, GAP_KEYS, PHASE_KEYS};
use gapdeck::engine::{self, Analysis};
use gapdeck::plan::{Dec2, Plan, Status, load_file};
use predicates::prelude::*;
use serde_json::Value;

use crate::cli_support::{gapdeck, repo};

const SAMPLE: &str = "plans/process-gaps.ron";

fn analysed() -> (Plan, Analysis) {
    let loaded = load_file(repo(SAMPLE)).expect("sample plan loads");
    let analysis = engine::analyze(&loaded.plan);
    (loaded.plan, analysis)
}

fn report(format: &str) -> String {
    let out = gapdeck()
        .args(["report", repo(SAMPLE).to_str().unwrap(), "--format", format])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn num(d: Dec2) -> f64 {
    d.to_f64()
}

#[test]
fn json_has_the_contract_keys() {
    let v: Value = serde_json::from_str(&report("json")).expect("valid JSON");
    for key in CONTRACT_KEYS {
        assert!(v.get(key).is_some(), "missing top-level key {key}");
    }
    for g in v["gaps"].as_array().unwrap() {
        for key in GAP_KEYS {
            assert!(g.get(key).is_some(), "gap {} lacks {key}", g["id"]);
        }
    }
    for p in v["phases"].as_array().unwrap() {
        for key in PHASE_KEYS {
            assert!(p.get(key).is_some(), "phase {} lacks {key}", p["id"]);
        }
    }
    for m in v["months"].as_array().unwrap() {
        let month = m["month"].as_str().unwrap();
        assert!(month.len() == 7 && month.as_bytes()[4] == b'-', "{month}");
        assert!(m["low"].is_number() && m["high"].is_number());
    }
    for key in ["planned", "best", "worst"] {
        assert_eq!(v["finish"][key].as_str().unwrap().len(), 10, "ISO date");
    }
}

#[test]
fn json_values_match_the_engine() {
    let (plan, a) = analysed();
    let v: Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(v["finish"]["planned"], a.finish.planned.to_string());
    assert_eq!(v["finish"]["best"], a.finish.best.to_string());
    assert_eq!(v["finish"]["worst"], a.finish.worst.to_string());
    assert_eq!(v["readiness"].as_f64().unwrap(), num(a.readiness));
    assert_eq!(
        v["run_rate"]["low"].as_f64().unwrap(),
        num(a.costs.run_rate.low)
    );
    assert_eq!(
        v["run_rate"]["high"].as_f64().unwrap(),
        num(a.costs.run_rate.high)
    );
    assert_eq!(
        v["one_off"]["high"].as_f64().unwrap(),
        num(a.costs.one_off.high)
    );

    let gaps = v["gaps"].as_array().unwrap();
    let scheduled: Vec<usize> = a.order.clone();
    assert_eq!(gaps.len(), scheduled.len());
    for (g, &i) in gaps.iter().zip(&scheduled) {
        let t = a.gaps[i].timing.as_ref().unwrap();
        assert_eq!(g["id"], plan.gaps[i].id);
        assert_eq!(g["start"], t.planned.start.to_string());
        assert_eq!(g["finish"], t.planned.finish.to_string());
        assert_eq!(g["finish_best"], t.best.finish.to_string());
        assert_eq!(g["finish_worst"], t.worst.finish.to_string());
        assert_eq!(g["progress"], a.gaps[i].progress);
        assert_eq!(g["priority"], plan.gaps[i].priority.name());
    }
    let dropped = plan
        .gaps
        .iter()
        .filter(|g| g.status == Status::Dropped)
        .count();
    assert_eq!(gaps.len() + dropped, plan.gaps.len());

    let phases = v["phases"].as_array().unwrap();
    assert_eq!(phases.len(), plan.phases.len());
    for ((p, ph), r) in phases.iter().zip(&plan.phases).zip(&a.phases) {
        assert_eq!(p["id"], ph.id);
        assert_eq!(p["slip_days"], serde_json::json!(r.slip_days));
        assert_eq!(
            p["finish"],
            serde_json::json!(r.finish.map(|b| b.planned.to_string()))
        );
        assert_eq!(
            p["target_end"],
            serde_json::json!(r.target.map(|t| t.finish.to_string()))
        );
    }

    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), a.costs.months.len());
    for (m, t) in months.iter().zip(&a.costs.months) {
        assert_eq!(m["month"], format!("{:04}-{:02}", t.year, t.month));
        assert_eq!(m["low"].as_f64().unwrap(), num(t.total.low));
        assert_eq!(m["high"].as_f64().unwrap(), num(t.total.high));
        assert_eq!(
            m["cumulative_high"].as_f64().unwrap(),
            num(t.cumulative.high)
        );
    }
}

#[test]
fn text_fits_120_columns_and_shows_every_section() {
    let (plan, a) = analysed();
    let s = report("text");
    for line in s.lines() {
        assert!(line.chars().count() <= 120, "too wide: {line:?}");
    }
    for heading in [
        "Phases",
        "Gaps in schedule order",
        "Monthly costs",
        "Run rate",
        "BY AREA",
    ] {
        assert!(s.contains(heading), "missing {heading}:\n{s}");
    }
    assert!(s.contains(&format!("finish {}", a.finish.planned)), "{s}");
    for &i in &a.order {
        assert!(
            s.lines().any(|l| l.starts_with(&plan.gaps[i].id)),
            "no row for {}",
            plan.gaps[i].id
        );
    }
}

#[test]
fn markdown_has_tables() {
    let s = report("markdown");
    assert!(s.starts_with("# "));
    assert!(
        s.contains("## Gaps in schedule order\n\n| # | Id | Title |"),
        "{s}"
    );
    assert!(s.contains("## Monthly costs"));
}

#[test]
fn csv_is_one_row_per_scheduled_gap() {
    let (_, a) = analysed();
    let s = report("csv");
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].starts_with("rank,id,title,priority,status,progress,phase,"));
    assert_eq!(lines.len(), 1 + a.order.len());
}

#[test]
fn missing_plan_is_an_io_error() {
    gapdeck()
        .args(["report", "/nonexistent/plan.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/plan.ron"))
        .stdout(predicate::str::is_empty());
}

#[test]
fn readme_example_is_real_output() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let marker = "$ gapdeck report plans/process-gaps.ron\n";
    let start = readme.find(marker).expect("README shows a report example") + marker.len();
    let end = start + readme[start..].find("```").expect("example block closes");
    assert_eq!(
        &readme[start..end],
        report("text"),
        "README's report example is stale: paste the output of \
         `cargo run -- report plans/process-gaps.ron` into it"
    );
}

#[test]
fn a_plan_with_errors_is_reported_with_its_errors_and_exit_1() {
    let (_dir, path) = crate::cli_support::copy_of("tests/fixtures/invalid/unknown-dependency.ron");
    let out = gapdeck()
        .args(["report", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(":32:26: error: "), "{stderr}");
    assert!(stderr.contains("unknown dependency 'dr-doc'"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).expect("still a full JSON report");
    assert!(!v["gaps"].as_array().unwrap().is_empty());
}

#[test]
fn a_file_that_does_not_parse_is_not_reported() {
    let (_dir, path) = crate::cli_support::copy_of("tests/fixtures/invalid/unclosed.ron");
    gapdeck()
        .args(["report", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "the file ends before the plan is complete",
        ));
}
