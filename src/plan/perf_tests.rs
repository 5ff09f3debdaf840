//! Load/save speed on a synthetic 100,000-gap plan (~57 MB). Ignored by default; run with
//! `cargo test --release --lib plan::perf_tests -- --ignored --nocapture`. Times are thread CPU time.

use std::time::Duration;

/// CPU time of this thread: on a loaded 2-core machine wall time says little.
struct Instant(Duration);

impl Instant {
    fn now() -> Self {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        Instant(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }

    fn elapsed(&self) -> Duration {
        Instant::now().0.saturating_sub(self.0)
    }
}

use super::decimal::Dec2;
use super::load::parse;
use super::model::*;
use super::save::to_ron_string;

/// A plan of `n` gaps shaped like the sample plans (actions, costs, dependencies, owners).
pub fn synthetic_plan(n: usize) -> Plan {
    let mut plan = parse("Plan(title: \"Synthetic\", start: \"2026-01-05\")")
        .map(|l| l.plan)
        .unwrap_or_else(|e| panic!("{e}"));
    plan.team = (0..8)
        .map(|i| Member {
            name: format!("member-{i}"),
            hours_per_week: Dec2::from_units(30),
        })
        .collect();
    plan.phases = (0..10)
        .map(|i| Phase {
            id: format!("p{i}"),
            name: format!("Phase {i}: hardening and follow-up"),
            goal: Some("Close the gaps found in the review".into()),
            weeks: Some((i * 4 + 1, i * 4 + 4)),
            costs: Vec::new(),
        })
        .collect();
    plan.gaps = (0..n)
        .map(|i| {
            let mut g = Gap::new(
                format!("gap-{i:06}"),
                format!("Production readiness gap number {i} (monitoring & alerting)"),
            );
            g.area = Some(["Operations", "Security", "Monitoring", "CI/CD"][i % 4].into());
            g.priority = Priority::ALL[i % 4];
            g.status = Status::ALL[i % 5];
            g.phase = Some(format!("p{}", i * 10 / n.max(1)));
            g.estimate = Some(Estimate {
                unit: EffortUnit::Hours,
                lo: Dec2::from_units(2 + (i % 7) as i64),
                hi: Dec2::from_hundredths(1250 + (i % 13) as i64 * 100),
            });
            g.actions = (0..4)
                .map(|k| Action {
                    done: (i + k) % 3 == 0,
                    text: format!("Step {k}: document, implement and verify the change"),
                })
                .collect();
            g.impact = Some("Outages go unnoticed until customers report them".into());
            g.costs = vec![Cost {
                kind: CostKind::Monthly,
                lo: Dec2::from_units(26),
                hi: Dec2::from_hundredths(8050),
                label: "Error tracking".into(),
            }];
            if i > 0 {
                g.depends_on = vec![format!("gap-{:06}", i / 2)];
            }
            g.owner = (i % 3 == 0).then(|| format!("member-{}", i % 8));
            g
        })
        .collect();
    plan
}

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn load_and_save_100k_gaps() {
    let plan = synthetic_plan(100_000);
    let t = Instant::now();
    let text = to_ron_string(&plan);
    let save = t.elapsed();
    let t = Instant::now();
    let loaded = parse(&text).unwrap_or_else(|e| panic!("{e}"));
    let load = t.elapsed();
    let errors = loaded.problems.iter().filter(|p| p.is_error()).count();
    let t = Instant::now();
    let _ = super::load::parse_ron(&text).unwrap();
    let ron_only = t.elapsed();
    let t = Instant::now();
    let raw = super::fast::parse_fast(&text).unwrap();
    let fast = t.elapsed();
    let t = Instant::now();
    let mut problems = Vec::new();
    let plan2 = super::convert::convert(raw, &mut problems);
    let convert = t.elapsed();
    let t = Instant::now();
    let problems = super::validate::validate(&plan2);
    let validate = t.elapsed();
    let t = Instant::now();
    let mut problems = problems;
    super::locate::locate_problems(&text, &mut problems);
    let locate = t.elapsed();
    println!(
        "ron {ron_only:?}; fast {fast:?}; convert {convert:?}; validate {validate:?}; locate {locate:?}"
    );
    println!(
        "100k gaps: {:.1} MB; save {save:?}; parse+convert+validate {load:?}; {} problems ({errors} errors)",
        text.len() as f64 / 1e6,
        loaded.problems.len()
    );
    assert_eq!(loaded.plan, plan);
}

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn load_genplan_100k() {
    let plan = crate::genplan::generate(100_000, 1);
    let text = to_ron_string(&plan);
    let t = Instant::now();
    let loaded = parse(&text).unwrap_or_else(|e| panic!("{e}"));
    let load = t.elapsed();
    let t = Instant::now();
    let again = to_ron_string(&loaded.plan);
    let save = t.elapsed();
    println!(
        "genplan 100k: {:.1} MB; parse {load:?} ({} problems); save {save:?}",
        text.len() as f64 / 1e6,
        loaded.problems.len()
    );
    assert_eq!(again, text);
}

/// Fastest of `runs` thread-CPU timings of `f` (the minimum is what noise cannot inflate).
fn fastest<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn validate_genplan_100k() {
    let text = to_ron_string(&crate::genplan::generate(100_000, 1));
    let plan = parse(&text).unwrap_or_else(|e| panic!("{e}")).plan;
    let validate = fastest(60, || super::validate::validate(&plan));
    println!("genplan 100k (parsed): validate {validate:?} (fastest of 60, thread CPU)");
}
