//! Memory: heap bytes held by a session of a 200-step routine, counted by
//! a global allocator that tracks live bytes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use serde_json::json;
use unknot_core::{Command, Session};

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: forwards to the system allocator and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let steps: Vec<_> = (0..200)
        .map(|i| match i % 4 {
            0 => json!({"kind": "breathing", "title": format!("Breathe {i}"), "inhale": 4, "exhale": 6, "cycles": 3}),
            1 => json!({"kind": "stretch", "title": format!("Stretch {i}"), "instructions": "Lean in gently and hold.", "area": "calf", "hold": 20, "sides": "both"}),
            2 => json!({"kind": "massage", "title": format!("Massage {i}"), "area": "foot", "technique": "rolling", "pressure": "light", "seconds": 30}),
            _ => json!({"kind": "rest", "title": format!("Rest {i}"), "seconds": 10}),
        })
        .collect();
    let doc =
        json!({"format": "unknot.routine.v1", "id": "memory", "title": "Memory", "steps": steps});
    // Everything a player holds: the parsed routine, its timeline and the state.
    let before = LIVE.load(Ordering::Relaxed);
    let routine = unknot_core::validate::validate_routine(&doc, "").expect("valid");
    let routine_bytes = LIVE.load(Ordering::Relaxed) - before;
    let mut session = Session::new(routine, "en");
    session.apply(Command::Start, 0);
    session.apply(Command::Tick, 60_000);
    let held = LIVE.load(Ordering::Relaxed) - before;
    let segments = session.timeline().segments.len();
    println!(
        "session_heap_bytes_200_steps {held} (routine {routine_bytes}, timeline and state {}; {segments} segments; target 65536)",
        held - routine_bytes
    );
    drop(session);
}
