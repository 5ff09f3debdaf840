//! The tuned `validate` must report exactly what the straightforward oracle reports
//! (same problems, same order, same wording) on random plans full of mistakes.

use proptest::prelude::*;

use super::decimal::Dec2;
use super::model::*;
use super::validate::validate;
use super::validate_oracle::{self, reference};

/// A tiny deterministic generator: proptest picks the seed, this picks the plan.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const NAMES: [&str; 14] = [
    "p1", "p2", "p3", "ops", "backend", "p1", "", " ", "a b", "é-id", "tab\tid", "x\u{7f}",
    "spaced ", "q",
];
const LONG: &str = "an-id-that-is-far-too-long-to-be-a-handle-because-it-goes-on-and-on";

fn name(rng: &mut Rng, ids: &[String]) -> String {
    match rng.below(10) {
        0 => LONG.to_string(),
        1..=4 if !ids.is_empty() => ids[rng.below(ids.len())].clone(),
        _ => rng.pick(&NAMES).to_string(),
    }
}

fn dec(rng: &mut Rng) -> Dec2 {
    Dec2::from_units(rng.below(4000) as i64 - 100)
}

fn costs(rng: &mut Rng) -> Vec<Cost> {
    (0..rng.below(3))
        .map(|_| Cost {
            kind: if rng.chance(50) {
                CostKind::Monthly
            } else {
                CostKind::Once
            },
            lo: dec(rng),
            hi: dec(rng),
            label: "c".into(),
        })
        .collect()
}

pub fn random_plan(seed: u64) -> Plan {
    let mut rng = Rng(seed | 1);
    let mut plan = super::load::parse("Plan(title: \"t\", start: \"2026-01-05\")")
        .map(|l| l.plan)
        .unwrap_or_else(|e| panic!("{e}"));
    plan.title = if rng.chance(10) {
        " ".into()
    } else {
        "T".into()
    };
    let ids: Vec<String> = (0..rng.below(60)).map(|i| format!("g{i}")).collect();
    plan.team = (0..rng.below(12))
        .map(|_| Member {
            name: name(&mut rng, &[]),
            hours_per_week: Dec2::from_units(rng.below(200) as i64),
        })
        .collect();
    plan.phases = (0..rng.below(12))
        .map(|_| Phase {
            id: name(&mut rng, &[]),
            name: "P".into(),
            goal: None,
            weeks: rng
                .chance(50)
                .then(|| (rng.below(8) as u32, rng.below(600) as u32)),
            costs: costs(&mut rng),
        })
        .collect();
    plan.costs = costs(&mut rng);
    plan.gaps = ids
        .iter()
        .map(|id| {
            let id = if rng.chance(15) {
                name(&mut rng, &ids)
            } else {
                id.clone()
            };
            let mut g = Gap::new(id, if rng.chance(5) { "" } else { "title" });
            g.status = Status::ALL[rng.below(6)];
            g.phase = rng.chance(80).then(|| name(&mut rng, &[]));
            g.owner = rng.chance(40).then(|| name(&mut rng, &[]));
            g.progress = rng.chance(10).then(|| rng.below(120) as u8);
            g.estimate = rng.chance(85).then(|| Estimate {
                unit: EffortUnit::Days,
                lo: dec(&mut rng),
                hi: dec(&mut rng),
            });
            g.actions = (0..rng.below(4))
                .map(|_| Action {
                    done: rng.chance(60),
                    text: "a".into(),
                })
                .collect();
            g.costs = costs(&mut rng);
            let deps = if rng.chance(5) { 12 } else { rng.below(4) };
            g.depends_on = (0..deps).map(|_| name(&mut rng, &ids)).collect();
            g
        })
        .collect();
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn matches_the_oracle_on_random_plans(seed in any::<u64>()) {
        let plan = random_plan(seed);
        prop_assert_eq!(validate(&plan), reference(&plan));
    }

    #[test]
    fn is_blank_is_trim_is_empty(s in "[a \t\u{b}\u{85}\u{a0}\u{3000}é]{0,6}") {
        prop_assert_eq!(super::validate_values::is_blank(&s), s.trim().is_empty());
    }

    #[test]
    fn bad_id_fast_path_matches_the_char_rules(id in "[a-z\\- \t\u{7f}\u{85}\u{a0}é]{0,70}") {
        prop_assert_eq!(super::validate::bad_id(&id), validate_oracle::bad_id(&id));
    }
}

#[test]
fn random_plans_do_have_every_kind_of_problem() {
    let all: Vec<String> = (0..200u64)
        .flat_map(|s| reference(&random_plan(s)))
        .map(|p| p.message)
        .collect();
    for needle in [
        "duplicate gap id",
        "duplicate phase id",
        "duplicate member name",
        "unknown dependency",
        "unknown phase",
        "unknown owner",
        "listed twice",
        "later phase",
        "dependency cycle",
        "depends on itself",
        "is longer than 64",
        "contains spaces",
    ] {
        assert!(all.iter().any(|m| m.contains(needle)), "no '{needle}'");
    }
}
