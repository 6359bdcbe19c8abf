//! The cost of one `Player::tick` made from Rust through the bindings
//! crate (the same call the Kotlin layer makes through JNA), in a running
//! session with no cue due: the steady-state call of a screen refresh.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use unknot_ffi::Player;

/// One 3600 s hold: no cue falls due for the first half hour.
pub const LONG_HOLD: &str = r#"{"format": "unknot.routine.v1", "id": "bench-hold",
  "title": "Hold", "steps": [{"kind": "stretch", "title": "Hold", "area": "calf", "hold": 3600}]}"#;

fn tick(c: &mut Criterion) {
    let player = Player::from_json(LONG_HOLD.into(), "en".into()).expect("valid routine");
    player.start(0);
    let mut now = 0i64;
    c.bench_function("player_tick_running", |b| {
        b.iter(|| {
            // 1 ms per call keeps the clock moving without reaching a cue.
            now = (now + 1) % 1_000_000;
            black_box(player.tick(black_box(now + 1)))
        })
    });
    c.bench_function("player_pulse_running", |b| {
        b.iter(|| {
            now = (now + 1) % 1_000_000;
            black_box(player.pulse(black_box(now + 1)))
        })
    });
}

criterion_group!(benches, tick);
criterion_main!(benches);
