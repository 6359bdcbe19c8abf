#![no_main]
//! Share codes: any text encodes to a code that decodes back to it, through
//! whichever method is shortest (the mixing coder included).

use libfuzzer_sys::fuzz_target;
use unknot_core::share::{decode_json, encode_json, MAX_CODE_CHARS};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (code, method) = encode_json(text);
        // Longer codes are refused before decoding, by design.
        if code.len() <= MAX_CODE_CHARS {
            assert_eq!(decode_json(&code).as_deref(), Ok(text), "{method:?}");
        }
    }
});
