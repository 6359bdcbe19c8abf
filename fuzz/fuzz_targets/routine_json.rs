#![no_main]
//! Routine JSON: parsing and validation never panic; a valid routine
//! builds a timeline whose segments add up.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(r) = unknot_core::parse_routine(text) {
            let t = unknot_core::build_timeline(&r, "en");
            let sum: u64 = t.segments.iter().map(|s| s.duration_ms.unwrap_or(0)).sum();
            assert_eq!(sum, t.timed_ms);
        }
    }
});
