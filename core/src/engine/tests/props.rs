//! Property tests over random routines and random command scripts.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::super::*;
use crate::validate::validate_routine;

fn secs() -> impl Strategy<Value = f64> {
    (1u32..25_000).prop_map(|ms| f64::from(ms) / 1000.0)
}

fn sides() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("none"), Just("left"), Just("both")]
}

fn step() -> impl Strategy<Value = Value> {
    prop_oneof![
        secs().prop_map(|s| json!({"kind": "prepare", "title": "p", "seconds": s})),
        secs().prop_map(|s| json!({"kind": "rest", "title": "r", "seconds": s})),
        Just(json!({"kind": "manual", "title": "m"})),
        (secs(), 0u32..3, secs(), 1u32..4).prop_map(|(i, h, e, c)| json!({"kind": "breathing", "title": "b", "inhale": i, "hold_in": h, "exhale": e, "cycles": c})),
        (secs(), 1u32..3, 0u32..5, sides()).prop_map(|(h, r, rest, sd)| json!({"kind": "stretch", "title": "s", "area": "calf", "hold": h, "reps": r, "rest": rest, "sides": sd})),
        (secs(), sides()).prop_map(|(s, sd)| json!({"kind": "massage", "title": "m", "area": "foot", "technique": "rolling", "pressure": "light", "seconds": s, "sides": sd})),
        (1u32..4, proptest::option::of(1u32..4), 1u32..3, sides()).prop_map(|(reps, rs, sets, sd)| {
            let mut v = json!({"kind": "exercise", "title": "e", "reps": reps, "sets": sets, "rest": 1, "sides": sd});
            if let Some(rs) = rs { v["rep_seconds"] = json!(rs); }
            v
        }),
    ]
}

pub(super) fn routine() -> impl Strategy<Value = Routine> {
    proptest::collection::vec(step(), 1..7).prop_map(|steps| {
        validate_routine(
            &json!({"format": "unknot.routine.v1", "id": "p", "title": "P", "steps": steps}),
            "",
        )
        .unwrap()
    })
}

fn command(jumps: bool) -> impl Strategy<Value = Command> {
    let base = prop_oneof![
        4 => Just(Command::Tick),
        1 => Just(Command::Pause),
        1 => Just(Command::Resume),
        2 => Just(Command::Continue),
        1 => Just(Command::Start),
    ];
    if jumps {
        prop_oneof![
            6 => base,
            1 => Just(Command::Next),
            1 => Just(Command::Previous),
            1 => Just(Command::RestartStep),
            1 => (1u64..20_000).prop_map(Command::Extend),
            1 => Just(Command::Stop),
        ]
        .boxed()
    } else {
        base.boxed()
    }
}

pub(super) fn script(jumps: bool) -> impl Strategy<Value = Vec<(u64, Command)>> {
    proptest::collection::vec((0u64..15_000, command(jumps)), 1..80)
}

/// Checks the invariants that hold for any script; returns all cues.
fn run(r: &Routine, script: &[(u64, Command)], jumps: bool) -> (Session, Vec<Cue>, u64) {
    let mut s = Session::new(r.clone(), "en");
    let start = 1_000;
    let mut now = start;
    let mut cues: Vec<Cue> = Vec::new();
    s.apply(Command::Start, now)
        .cues
        .into_iter()
        .for_each(|c| cues.push(c));
    for (dt, cmd) in script {
        now += dt;
        let o = s.apply(*cmd, now);
        let f = &o.frame;
        assert!(f.position_ms <= f.timed_ms);
        assert_eq!(f.position_ms + f.remaining_ms, f.timed_ms);
        assert!((0.0..=1.0).contains(&f.segment_progress));
        if !jumps {
            // Without jumps the position is the running time: paused time never counts.
            assert!(
                f.paused_ms + f.position_ms <= now - start,
                "paused time counted"
            );
            if f.status == Status::Running {
                assert_eq!(f.paused_ms + f.position_ms, now - start);
            }
        }
        if let Some(w) = f.next_wake_ms {
            assert!(w > now, "wake {w} not after {now}");
            assert_eq!(f.status, Status::Running);
        }
        assert!(o.cues.iter().filter(|c| c.speak).count() == usize::from(!o.cues.is_empty()));
        for c in &o.cues {
            assert!(c.due_ms <= now, "cue handed out early");
            assert_eq!(c.at_ms, now);
        }
        cues.extend(o.cues);
        if o.ignored.is_some() {
            // An ignored command changes nothing but time.
            let mut probe = s.clone();
            assert_eq!(
                probe.apply(Command::Tick, now).frame.position_ms,
                f.position_ms
            );
        }
    }
    (s, cues, start)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_for_any_script(r in routine(), script in script(true)) {
        let (_, cues, _) = run(&r, &script, true);
        prop_assert!(cues.windows(2).all(|w| w[0].due_ms <= w[1].due_ms), "cues out of due order");
        prop_assert!(cues.iter().filter(|c| c.kind == CueKind::Finished).count() <= 1);
    }

    #[test]
    fn without_jumps_each_cue_once_and_finish_is_exact(r in routine(), script in script(false)) {
        let (mut s, mut cues, start) = run(&r, &script, false);
        // Drive to the end: continue at waits, resume when paused.
        let mut now = s.frame().now_ms;
        for _ in 0..10_000 {
            let cmd = match s.status() {
                Status::Waiting => Command::Continue,
                Status::Paused => Command::Resume,
                Status::Finished => break,
                _ => Command::Tick,
            };
            now = s.frame().next_wake_ms.unwrap_or(now).max(now);
            cues.extend(s.apply(cmd, now).cues);
        }
        prop_assert_eq!(s.status(), Status::Finished);
        let f = s.frame();
        prop_assert_eq!(f.position_ms, f.timed_ms);
        let fin = cues.iter().find(|c| c.kind == CueKind::Finished).unwrap();
        prop_assert_eq!(fin.due_ms, start + f.timed_ms + f.paused_ms);
        // Every segment's start cue exactly once, in segment order.
        let starts: Vec<usize> = cues.iter().filter(|c| c.kind == CueKind::Segment).map(|c| c.segment).collect();
        prop_assert_eq!(starts, (0..f.segment_count).collect::<Vec<_>>());
        let mut keys: Vec<_> = cues.iter().map(|c| (c.segment, c.kind, c.due_ms)).collect();
        let n = keys.len();
        keys.dedup();
        prop_assert_eq!(keys.len(), n, "a cue was handed out twice");
        prop_assert!(cues.windows(2).all(|w| w[0].due_ms <= w[1].due_ms));
    }

    #[test]
    fn snapshot_round_trip_matches(r in routine(), script in script(true), later in 0u64..50_000) {
        let (s, _, _) = run(&r, &script, true);
        let now = s.frame().now_ms + later;
        let mut a = s.clone();
        let mut b = Session::restore(r.clone(), "en", &s.snapshot(), s.frame().now_ms).unwrap();
        prop_assert_eq!(a.apply(Command::Tick, now), b.apply(Command::Tick, now));
    }

    #[test]
    fn restore_never_panics(text in ".{0,300}") {
        let r = crate::library::builtin("box-breathing").unwrap().clone();
        let _ = Session::restore(r, "en", &format!("unknot.session.v1:{text}"), 5);
    }
}
