#![no_main]
//! Simulate scripts: any script runs through a built-in routine without
//! panicking, and the session's invariants hold at the end.

use libfuzzer_sys::fuzz_target;
use unknot_core::engine::script::{parse_script, run_script};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(script) = parse_script(text) else { return };
    let routine = unknot_core::builtin("box-breathing").expect("built in").clone();
    let mut session = unknot_core::Session::new(routine, "en");
    run_script(&mut session, &script);
    let f = session.frame();
    assert!(f.position_ms <= f.timed_ms);
    assert_eq!(f.position_ms + f.remaining_ms, f.timed_ms);
});
