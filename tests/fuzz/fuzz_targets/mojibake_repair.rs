//! Fuzz target: mojibake repair of imported report text never panics or hangs, and
//! leaves plain ASCII alone.
#![no_main]

use gapdeck::import::mojibake;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let repaired = mojibake::repair(text);
    if text.is_ascii() {
        assert!(repaired.is_none());
    }
    let _ = mojibake::has_mojibake(text);
});
