//! Engine speed: a tick with no cue due, on 10- and 200-step routines, a
//! tick that hands out a cue, and the lookahead the iOS audio stream
//! schedules from (the cues of the next 60 s).

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::json;
use unknot_core::validate::validate_routine;
use unknot_core::{Command, Routine, Session};

/// A routine of `n` steps mixing every timed kind.
pub fn routine(n: usize) -> Routine {
    let steps: Vec<_> = (0..n)
        .map(|i| match i % 4 {
            0 => json!({"kind": "breathing", "title": "b", "inhale": 4, "hold_in": 2, "exhale": 6, "cycles": 3}),
            1 => json!({"kind": "stretch", "title": "s", "area": "calf", "hold": 20, "sides": "both"}),
            2 => json!({"kind": "massage", "title": "m", "area": "foot", "technique": "rolling", "pressure": "light", "seconds": 30, "sides": "both"}),
            _ => json!({"kind": "rest", "title": "r", "seconds": 20}),
        })
        .collect();
    validate_routine(
        &json!({"format": "unknot.routine.v1", "id": "bench", "title": "Bench", "steps": steps}),
        "",
    )
    .unwrap()
}

fn tick(c: &mut Criterion) {
    let mut g = c.benchmark_group("tick_no_cue");
    for n in [10usize, 200] {
        let mut s = Session::new(routine(n), "en");
        s.apply(Command::Start, 0);
        // Halfway into the last step's position range is irrelevant: stay
        // inside the first segment, where no cue is due for 4 s.
        s.apply(Command::Tick, 1_000);
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(s.apply(Command::Tick, black_box(1_000))));
        });
    }
    g.finish();
    c.bench_function("tick_with_cue", |b| {
        let r = routine(200);
        let mut ready = Session::new(r, "en");
        ready.apply(Command::Start, 0);
        // The session is cloned outside the timing and dropped outside it.
        b.iter_batched_ref(
            || ready.clone(),
            |s| black_box(s.apply(Command::Tick, 4_000)),
            criterion::BatchSize::SmallInput,
        );
    });
}

fn upcoming(c: &mut Criterion) {
    let mut g = c.benchmark_group("upcoming_60s");
    for n in [10usize, 200] {
        let mut s = Session::new(routine(n), "en");
        s.apply(Command::Start, 0);
        s.apply(Command::Tick, 1_000);
        let cues = s.upcoming(1_000, 60_000).len();
        assert!(cues > 5, "{cues} cues in the next minute");
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(s.upcoming(black_box(1_000), black_box(60_000))));
        });
    }
    g.finish();
}

criterion_group!(benches, tick, upcoming);
criterion_main!(benches);
