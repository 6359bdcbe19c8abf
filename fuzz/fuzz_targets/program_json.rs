#![no_main]
//! Program JSON: parsing and validation never panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = unknot_core::parse_program(text);
    }
});
