//! Fuzz target: the plan loader never panics, hangs or blows the stack on any bytes, and
//! every plan it accepts saves to text that loads back as the same plan.
#![no_main]

use gapdeck::plan::{parse, parse_bytes, to_ron_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = parse_bytes(data) else {
        return;
    };
    let text = to_ron_string(&loaded.plan);
    let again = parse(&text)
        .unwrap_or_else(|e| panic!("saved text does not load: {e}\n--- saved ---\n{text}"));
    assert_eq!(again.plan, loaded.plan, "save → load changed the plan\n{text}");
});
