//! Ticks with no cue due, for instruction counting under callgrind:
//! `tick_cost <steps> <ticks>`. The difference between two tick counts,
//! divided by their difference, is the cost of one tick in instructions,
//! independent of machine load.

use serde_json::json;
use unknot_core::{Command, Session};

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let steps = args.next().unwrap_or(10);
    let ticks = args.next().unwrap_or(0);
    let list: Vec<_> = (0..steps)
        .map(|i| json!({"kind": "massage", "title": format!("Area {i}"), "area": "calf", "technique": "kneading", "pressure": "light", "seconds": 60}))
        .collect();
    let routine = unknot_core::validate::validate_routine(
        &json!({"format": "unknot.routine.v1", "id": "cost", "title": "Cost", "steps": list}),
        "",
    )
    .expect("valid");
    let mut s = Session::new(routine, "en");
    s.apply(Command::Start, 0);
    let mut sum = 0u64;
    for _ in 0..ticks {
        // 1 s in: the next cue (halfway) is 29 s away.
        sum += std::hint::black_box(s.apply(Command::Tick, 1_000))
            .frame
            .position_ms;
    }
    println!("{sum}");
}
