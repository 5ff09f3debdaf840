//! Tests for `plan::validate`: each rule, by path and message, on plans parsed from text.

use super::load::parse;
use super::problem::{Position, Problem, Severity};
use super::validate::validate;

/// A sound two-phase plan; `extra_gaps` are appended to its gap list.
fn plan_src(extra_gaps: &str) -> String {
    format!(
        r#"Plan(
    title: "T",
    start: "2026-01-05",
    team: [Member(name: "backend", hours_per_week: 30), Member(name: "ops", hours_per_week: 10)],
    phases: [Phase(id: "p1", name: "One", weeks: (1, 2)), Phase(id: "p2", name: "Two", weeks: (3, 6))],
    gaps: [
        Gap(id: "monitoring", title: "M", phase: "p1", estimate: Hours(1, 2)),
        Gap(id: "dr-docs", title: "D", phase: "p2", estimate: Hours(1, 2)),
        {extra_gaps}
    ],
)"#
    )
}

fn problems(extra_gaps: &str) -> Vec<Problem> {
    parse(&plan_src(extra_gaps))
        .unwrap_or_else(|e| panic!("{e}"))
        .problems
}

fn only(extra_gaps: &str) -> Problem {
    let p = problems(extra_gaps);
    assert_eq!(p.len(), 1, "{p:#?}");
    p.into_iter().next().unwrap()
}

#[test]
fn the_base_plan_is_sound() {
    assert!(problems("").is_empty());
}

#[test]
fn unknown_references_suggest_a_fix() {
    let p = only(r#"Gap(id: "x", title: "X", phase: "p3", estimate: Hours(1, 2)),"#);
    assert_eq!(
        (p.path.as_str(), p.message.as_str()),
        ("gaps[2].phase", "unknown phase 'p3'")
    );
    assert_eq!(p.fix.as_deref(), Some("known phases: p1, p2"));
    assert_eq!(p.pos, Some(Position { line: 9, col: 41 }));

    let p = only(r#"Gap(id: "x", title: "X", owner: "opps", estimate: Hours(1, 2)),"#);
    assert_eq!(p.message, "unknown owner 'opps'");
    assert_eq!(p.fix.as_deref(), Some("did you mean 'ops'?"));

    let p = only(
        r#"Gap(id: "x", title: "X", depends_on: ["dr-docs", "monitorng"], estimate: Hours(1, 2)),"#,
    );
    assert_eq!(p.path, "gaps[2].depends_on[1]");
    assert_eq!(p.fix.as_deref(), Some("did you mean 'monitoring'?"));
}

#[test]
fn duplicates_name_the_first_use() {
    let p = only(r#"Gap(id: "dr-docs", title: "again", estimate: Hours(1, 2)),"#);
    assert_eq!(p.path, "gaps[2].id");
    assert_eq!(p.message, "duplicate gap id 'dr-docs'");
    assert!(p.fix.unwrap().contains("gaps[1]"));
    let src = plan_src("").replace("Member(name: \"ops\"", "Member(name: \"backend\"");
    let p = parse(&src).unwrap().problems;
    assert_eq!(p[0].path, "team[1].name");
}

#[test]
fn cycles_are_printed_in_order() {
    let src = plan_src(
        r#"Gap(id: "a", title: "A", depends_on: ["b"], estimate: Hours(1, 2)),
        Gap(id: "b", title: "B", depends_on: ["c"], estimate: Hours(1, 2)),
        Gap(id: "c", title: "C", depends_on: ["a"], estimate: Hours(1, 2)),"#,
    );
    let p = parse(&src).unwrap().problems;
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].message, "dependency cycle: a → b → c → a");
    assert_eq!(p[0].path, "gaps[4].depends_on[0]");
    assert_eq!(p[0].pos.map(|p| p.line), Some(11));
}

#[test]
fn numbers_out_of_range() {
    let p = only(r#"Gap(id: "x", title: "X", estimate: Days(5, 2)),"#);
    assert_eq!(p.message, "estimate Days(5, 2) has low > high");
    assert_eq!(p.fix.as_deref(), Some("write Days(2, 5)"));
    let p = only(r#"Gap(id: "x", title: "X", estimate: Weeks(1, 600)),"#);
    assert!(p.message.contains("over 10 years"), "{}", p.message);
    let p = only(r#"Gap(id: "x", title: "X", estimate: Hours(-1, 2)),"#);
    assert!(p.message.contains("negative"));
    let p = only(r#"Gap(id: "x", title: "X", progress: 101, estimate: Hours(1, 2)),"#);
    assert_eq!(p.message, "progress 101 is over 100");
    let p =
        only(r#"Gap(id: "x", title: "X", costs: [Once(9, 2, "Setup")], estimate: Hours(1, 2)),"#);
    assert_eq!(p.path, "gaps[2].costs[0]");
    let src = plan_src("").replace("weeks: (3, 6)", "weeks: (6, 3)");
    let p = parse(&src).unwrap().problems;
    assert_eq!(p[0].path, "phases[1].weeks");
    let src = plan_src("").replace("hours_per_week: 10", "hours_per_week: 200");
    assert_eq!(
        parse(&src).unwrap().problems[0].path,
        "team[1].hours_per_week"
    );
}

#[test]
fn empty_titles() {
    let p = only(r#"Gap(id: "x", title: "  ", estimate: Hours(1, 2)),"#);
    assert_eq!(p.path, "gaps[2].title");
    let src = plan_src("").replace("title: \"T\"", "title: \"\"");
    assert_eq!(parse(&src).unwrap().problems[0].path, "title");
}

#[test]
fn warnings_for_suspicious_but_legal_plans() {
    let p = only(
        r#"Gap(id: "x", title: "X", phase: "p1", depends_on: ["dr-docs"], estimate: Hours(1, 2)),"#,
    );
    assert_eq!(p.severity, Severity::Warning);
    assert!(p.message.contains("later phase"), "{}", p.message);
    let p =
        only(r#"Gap(id: "x", title: "X", actions: ["[x] a", "[X] b"], estimate: Hours(1, 2)),"#);
    assert_eq!(
        (p.severity, p.path.as_str()),
        (Severity::Warning, "gaps[2].status")
    );
    let p = only(r#"Gap(id: "x", title: "X", status: Done, actions: ["[x] a", "b"]),"#);
    assert_eq!(p.path, "gaps[2].actions");
    let p = only(r#"Gap(id: "x", title: "X"),"#);
    assert_eq!(
        (p.severity, p.path.as_str()),
        (Severity::Warning, "gaps[2].estimate")
    );
    // Not written in the file: positioned at the gap itself.
    assert_eq!(p.pos, Some(Position { line: 9, col: 9 }));
}

#[test]
fn a_100k_gap_chain_validates_in_linear_time() {
    let mut plan = parse(&plan_src("")).unwrap().plan;
    let n = 100_000;
    plan.gaps = (0..n)
        .map(|i| {
            let mut g = super::model::Gap::new(format!("g{i}"), "t");
            g.estimate = plan.gaps[0].estimate;
            if i > 0 {
                g.depends_on = vec![format!("g{}", i - 1)];
            }
            g
        })
        .collect();
    let t = std::time::Instant::now();
    assert!(validate(&plan).is_empty());
    plan.gaps[0].depends_on = vec![format!("g{}", n - 1)];
    let p = validate(&plan);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].message
            .starts_with("dependency cycle: g0 → g99999 → g99998")
    );
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
}
