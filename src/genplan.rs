//! Deterministic synthetic plans of any size for benchmarks and tests: a realistic shape
//! (phases with week windows, a team of four, owners, dependencies, costs, actions) from a
//! seed, with a tiny xorshift generator so no randomness crate is needed.

use jiff::civil::date;

use crate::plan::{
    Action, Cost, CostKind, Dec2, EffortUnit, Estimate, Gap, Member, Phase, Plan, Priority,
    Settings, Status,
};

const AREAS: [&str; 6] = [
    "Operations",
    "Security",
    "Monitoring",
    "CI/CD",
    "Data",
    "API",
];
const TOPICS: [&str; 8] = [
    "Backup verification",
    "Secrets rotation",
    "Alerting on error rates",
    "Deploy pipeline checks",
    "Runbook for outages",
    "Access review",
    "Load testing",
    "Log retention",
];
const LABELS: [&str; 5] = [
    "Hosting",
    "Error tracking",
    "Uptime checks",
    "Backups",
    "Setup",
];
const TEAM: [(&str, i64); 4] = [
    ("backend", 30),
    ("ops", 20),
    ("security", 15),
    ("frontend", 25),
];
const PHASES: [(&str, &str, u32, u32); 5] = [
    ("p1", "Critical infrastructure", 1, 2),
    ("p2", "API & security", 3, 6),
    ("p3", "Observability", 7, 10),
    ("p4", "Automation", 11, 16),
    ("p5", "Hardening", 17, 26),
];

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability 1 / n.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
}

/// A plan with `n` gaps, the same for the same `(n, seed)`. Gaps are spread over five
/// phases in rank order (one in ten unphased); about 1 in 4 has an owner, 1 in 5 depends
/// on earlier-ranked gaps, 1 in 3 has costs; each has 2–6 actions.
pub fn generate(n: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let start = date(2026, 1, 5);
    let phases = PHASES
        .iter()
        .map(|&(id, name, from, to)| Phase {
            id: id.to_string(),
            name: name.to_string(),
            goal: None,
            weeks: Some((from, to)),
            costs: Vec::new(),
        })
        .collect();
    let mut gaps: Vec<Gap> = Vec::with_capacity(n);
    for i in 0..n {
        let mut g = gap(&mut rng, i, n);
        // Depend only on gaps in the same or an earlier phase (unphased ones come last).
        g.depends_on
            .retain(|d| g.phase.is_none() || phase_of(&gaps, d).is_some());
        gaps.push(g);
    }
    Plan {
        title: format!("Generated plan ({n} gaps, seed {seed})"),
        start,
        currency: "USD".into(),
        settings: Settings::default(),
        holidays: vec![date(2026, 4, 3), date(2026, 5, 25), date(2026, 12, 25)],
        team: TEAM
            .iter()
            .map(|&(name, h)| Member {
                name: name.to_string(),
                hours_per_week: Dec2::from_units(h),
            })
            .collect(),
        phases,
        gaps,
        costs: vec![Cost {
            kind: CostKind::Monthly,
            lo: Dec2::from_units(50),
            hi: Dec2::from_units(80),
            label: "Tooling".into(),
        }],
    }
}

/// Phase of the generated gap with id `id` ("gap-N").
fn phase_of<'a>(gaps: &'a [Gap], id: &str) -> Option<&'a str> {
    let i: usize = id.strip_prefix("gap-")?.parse().ok()?;
    gaps.get(i)?.phase.as_deref()
}

fn gap(rng: &mut Rng, i: usize, n: usize) -> Gap {
    let topic = TOPICS[rng.below(TOPICS.len() as u64) as usize];
    let mut g = Gap::new(format!("gap-{i}"), format!("{topic} #{i}"));
    g.area = Some(AREAS[rng.below(AREAS.len() as u64) as usize].to_string());
    g.priority = Priority::ALL[rng.below(4) as usize];
    g.status = match rng.below(100) {
        0..=4 => Status::Done,
        5..=7 => Status::Dropped,
        8..=27 => Status::Partial,
        28..=37 => Status::InProgress,
        38..=42 => Status::Blocked,
        _ => Status::Missing,
    };
    if !rng.one_in(10) {
        g.phase = Some(PHASES[i * PHASES.len() / n.max(1)].0.to_string());
    }
    let (unit, base) = match rng.below(3) {
        0 => (EffortUnit::Hours, 2 + rng.below(15) as i64),
        1 => (EffortUnit::Days, 1 + rng.below(5) as i64),
        _ => (EffortUnit::Weeks, 1 + rng.below(2) as i64),
    };
    g.estimate = Some(Estimate {
        unit,
        lo: Dec2::from_units(base),
        hi: Dec2::from_units(base + rng.below(base as u64 + 1) as i64),
    });
    let actions = 2 + rng.below(5);
    g.actions = (0..actions)
        .map(|k| Action {
            done: g.status == Status::Done || rng.one_in(3),
            text: format!("Step {} of {topic}", k + 1),
        })
        .collect();
    // Keep statuses believable: only a Done gap has every action ticked.
    if g.status != Status::Done
        && let Some(last) = g.actions.last_mut()
    {
        last.done = false;
    }
    if rng.one_in(10) {
        g.progress = Some(rng.below(101) as u8);
    }
    if rng.one_in(4) {
        g.owner = Some(TEAM[rng.below(TEAM.len() as u64) as usize].0.to_string());
    }
    if i > 0 && rng.one_in(5) {
        let deps = 1 + rng.below(2);
        g.depends_on = (0..deps)
            .map(|_| format!("gap-{}", i - 1 - rng.below(i.min(50) as u64) as usize))
            .collect();
        g.depends_on.dedup();
    }
    if rng.one_in(3) {
        let lo = 10 * (1 + rng.below(50) as i64);
        let monthly = !rng.one_in(3);
        g.costs = vec![Cost {
            kind: if monthly {
                CostKind::Monthly
            } else {
                CostKind::Once
            },
            lo: Dec2::from_units(lo),
            hi: Dec2::from_units(lo + 10 * rng.below(20) as i64),
            label: LABELS[rng.below(LABELS.len() as u64) as usize].to_string(),
        }];
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analyze;

    #[test]
    fn same_seed_same_plan_and_realistic_shape() {
        let a = generate(500, 7);
        assert_eq!(a, generate(500, 7));
        assert_ne!(a, generate(500, 8));
        assert_eq!(a.gaps.len(), 500);
        let with = |f: fn(&Gap) -> bool| a.gaps.iter().filter(|g| f(g)).count();
        assert!(
            (60..140).contains(&with(|g| !g.depends_on.is_empty())),
            "~1 in 5"
        );
        assert!(
            (120..220).contains(&with(|g| !g.costs.is_empty())),
            "~1 in 3"
        );
        assert!((80..180).contains(&with(|g| g.owner.is_some())), "~1 in 4");
        assert!(a.gaps.iter().all(|g| (2..=6).contains(&g.actions.len())));
        let ids: std::collections::HashMap<&str, usize> = a
            .gaps
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect();
        for (i, g) in a.gaps.iter().enumerate() {
            for d in &g.depends_on {
                let j = ids[d.as_str()];
                assert!(j < i, "dependencies point to earlier gaps");
                assert!(
                    g.phase.is_none() || a.gaps[j].phase.is_some(),
                    "not to later phases"
                );
            }
            let ticked = g.actions.iter().all(|x| x.done);
            assert_eq!(ticked, g.status == Status::Done, "{}", g.id);
        }
        let r = analyze(&a);
        assert!(r.finish.planned > a.start);
        assert!(r.costs.run_rate.low > Dec2::ZERO);
    }
}
