//! Fuzz target: the Markdown importer never panics or hangs on any bytes, and every
//! plan it produces saves to text that loads back as the same plan.
#![no_main]

use gapdeck::import::{ImportOptions, import_markdown};
use gapdeck::plan::{parse, to_ron_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ImportOptions::new(jiff::civil::date(2026, 1, 5));
    let Ok(imported) = import_markdown(data, &opts) else {
        return;
    };
    let text = to_ron_string(&imported.plan);
    let again = parse(&text)
        .unwrap_or_else(|e| panic!("imported plan does not load: {e}\n--- saved ---\n{text}"));
    assert_eq!(again.plan, imported.plan, "save → load changed the imported plan\n{text}");
});
