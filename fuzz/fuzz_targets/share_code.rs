#![no_main]
//! Share codes: decoding any text, or any payload behind a valid prefix,
//! never panics and never inflates past its bound.

use libfuzzer_sys::fuzz_target;
use unknot_core::share::{base45, decode_json, CODE_PREFIX};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = unknot_core::decode_program(text);
        let _ = decode_json(text);
    }
    // The bytes as a payload: the first names the method.
    let _ = decode_json(&format!("{CODE_PREFIX}{}", base45::encode(data)));
});
