//! The generated plans the benchmarks load (`genplan`) survive save → load unchanged, and
//! the fast reader gives the same plan as ron on them, so the benches time real work.

use super::convert::convert;
use super::fast::parse_fast;
use super::load::{parse, parse_ron};
use super::save::to_ron_string;
use crate::genplan::generate;

#[test]
fn generated_plans_round_trip_through_the_fast_reader_and_ron() {
    for (n, seed) in [(0, 1), (1, 1), (2_000, 1), (700, 42)] {
        let plan = generate(n, seed);
        let text = to_ron_string(&plan);
        let loaded = parse(&text).unwrap_or_else(|e| panic!("{n} gaps: {e}"));
        assert_eq!(loaded.plan, plan, "{n} gaps, seed {seed}");
        assert!(!loaded.has_errors(), "{n} gaps: {:?}", loaded.problems);
        assert_eq!(
            to_ron_string(&loaded.plan),
            text,
            "saving again changes nothing"
        );

        let fast = parse_fast(&text).expect("a saved plan is in the fast reader's syntax");
        let by_ron = parse_ron(&text).expect("ron reads it too");
        assert_eq!(
            convert(fast, &mut Vec::new()),
            convert(by_ron, &mut Vec::new())
        );
    }
}
