//! End-to-end for the views: the real binary in a pseudo-terminal finds a gap with `/`,
//! switches to the timeline and the cost view, and the month totals on screen match
//! `gapdeck report --format json` for the same plan.

use std::path::Path;

use gapdeck::engine::Range;
use gapdeck::plan::Dec2;

use super::cli_support::gapdeck;
use super::pty_support::Session;

/// The views need room: 40 rows × 140 columns.
const SIZE: (u16, u16) = (40, 140);

/// The month totals `gapdeck report --format json` gives: ("Jan 2026", low–high).
fn report_months(plan: &Path) -> Vec<(String, Range)> {
    let out = gapdeck()
        .args(["report", "--format", "json"])
        .arg(plan)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("report is JSON");
    let dec = |x: &serde_json::Value| Dec2::parse(&x.to_string()).expect("amount");
    v["months"]
        .as_array()
        .expect("months")
        .iter()
        .map(|m| {
            let ym = m["month"].as_str().expect("YYYY-MM");
            let d = jiff::civil::Date::strptime("%Y-%m-%d", format!("{ym}-01")).expect("month");
            let name = d.strftime("%b %Y").to_string();
            let range = Range {
                low: dec(&m["low"]),
                high: dec(&m["high"]),
            };
            (name, range)
        })
        .collect()
}

#[test]
fn find_a_gap_then_timeline_and_costs_agree_with_report() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/process-gaps.ron");
    std::fs::copy(sample, &plan_path).unwrap();
    let plan = gapdeck::plan::load_file(&plan_path).unwrap().plan;
    let target = plan
        .gaps
        .iter()
        .find(|g| g.title.to_lowercase().contains("monitor"))
        .expect("the sample has a monitoring gap")
        .clone();
    let months = report_months(&plan_path);
    assert!(months.len() >= 2, "{months:?}");

    let mut t = Session::start_sized(Some(&plan_path), dir.path(), SIZE);
    t.wait_for(&target.title);

    t.keys("/");
    t.wait_for("Find a gap");
    t.keys("monitor");
    t.wait_for("/monitor");
    t.keys("\r");
    t.wait_for(&format!("Phase {}", {
        let p = target.phase.as_deref().unwrap();
        plan.phases.iter().find(|x| x.id == p).unwrap().name.clone()
    }));

    t.keys("t");
    let s = t.wait_for("Gap · days");
    assert!(s.contains("Team load"), "{s}");
    assert!(
        s.contains(&format!("{}: ← waits for", target.id)),
        "the found gap is selected in the timeline:\n{s}"
    );

    t.keys("c");
    for (i, (name, range)) in months.iter().enumerate() {
        let total = gapdeck::tui::format::range_full(*range);
        t.wait_for(&format!("{name} total {total}"));
        if i + 1 < months.len() {
            t.keys("l");
        }
    }
    t.keys("q");
    let st = t.wait_exit();
    assert!(st.success(), "exit status {st:?}");
}

#[test]
fn a_bad_config_file_is_shown_with_its_position_and_defaults_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/minimal.ron");
    std::fs::copy(sample, &plan_path).unwrap();
    let conf = dir.path().join("config").join("gapdeck");
    std::fs::create_dir_all(&conf).unwrap();
    std::fs::write(
        conf.join("keymap.ron"),
        "(\n  table: { fly_away: [\"x\"] },\n)",
    )
    .unwrap();
    let mut t = Session::start_sized(Some(&plan_path), dir.path(), SIZE);
    let s = t.wait_for("keymap.ron:2:");
    assert!(s.contains("fly_away"), "{s}");
    t.keys("t"); // the default bindings still apply
    t.wait_for("Gap · ");
    t.keys("q");
    t.wait_exit();
}
