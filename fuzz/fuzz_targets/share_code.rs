#![no_main]
//! Share codes: decoding any text never panics and never inflates past
//! its bound.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = unknot_core::decode_program(text);
        let _ = unknot_core::decode_json(text);
    }
});
