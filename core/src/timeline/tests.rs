use serde_json::json;

use super::*;
use crate::validate::validate_routine;

fn timeline(steps: serde_json::Value) -> Timeline {
    let r = validate_routine(
        &json!({"format": "unknot.routine.v1", "id": "t", "title": "T", "steps": steps}),
        "",
    )
    .unwrap();
    build_timeline(&r, "en")
}

fn kinds(t: &Timeline) -> Vec<&'static str> {
    t.segments.iter().map(|s| s.kind.as_str()).collect()
}

fn assert_contiguous(t: &Timeline) {
    let mut at = 0;
    for (i, s) in t.segments.iter().enumerate() {
        assert_eq!(s.index, i);
        assert_eq!(s.start_ms, at);
        assert_ne!(s.duration_ms, Some(0), "zero-length segment {i}");
        at += s.duration_ms.unwrap_or(0);
    }
    assert_eq!(at, t.timed_ms);
}

#[test]
fn prepare_rest_manual() {
    let t = timeline(json!([
        {"kind": "prepare", "title": "Ready", "seconds": 5},
        {"kind": "manual", "title": "Get the ball"},
        {"kind": "rest", "title": "Breathe", "seconds": 2.5}
    ]));
    assert_eq!(kinds(&t), ["prepare", "manual", "rest"]);
    assert_eq!(t.timed_ms, 7_500);
    assert_eq!(t.untimed, 1);
    assert_eq!(t.segments[1].duration_ms, None);
    assert_eq!(t.segments[1].start_ms, 5_000);
    assert_eq!(t.segments[2].start_ms, 5_000);
    assert_eq!(t.segments[1].say, "Get the ball");
    assert_contiguous(&t);
}

#[test]
fn breathing_skips_zero_holds() {
    let t = timeline(
        json!([{"kind": "breathing", "title": "Calm", "inhale": 4, "hold_in": 7, "exhale": 8, "cycles": 4}]),
    );
    assert_eq!(t.segments.len(), 12);
    assert_eq!(kinds(&t)[..3], ["inhale", "hold_in", "exhale"]);
    assert_eq!(t.timed_ms, 4 * 19_000);
    assert_eq!(t.segments[3].cycle, Some(2));
    assert_eq!(t.segments[0].say, "Calm. Breathe in");
    assert_eq!(t.segments[2].say, "Breathe out");
    assert_contiguous(&t);

    let box_ = timeline(
        json!([{"kind": "breathing", "title": "Box", "inhale": 4, "hold_in": 4, "exhale": 4, "hold_out": 4, "cycles": 6}]),
    );
    assert_eq!(box_.segments.len(), 24);
    assert_eq!(box_.timed_ms, 96_000);
}

#[test]
fn breathing_times_add_up_exactly() {
    // 5.5 s phases and 0.001 s steps: integer milliseconds, no drift.
    let t = timeline(
        json!([{"kind": "breathing", "title": "R", "inhale": 5.5, "exhale": 5.5, "cycles": 100},
                            {"kind": "rest", "title": "r", "seconds": 0.001}]),
    );
    assert_eq!(t.timed_ms, 1_100_001);
    assert_eq!(t.segments[199].start_ms, 1_094_500);
    assert_contiguous(&t);
}

#[test]
fn stretch_reps_rest_and_both_sides() {
    let t = timeline(
        json!([{"kind": "stretch", "title": "Calf stretch", "area": "calf", "hold": 30, "reps": 3, "rest": 10, "sides": "both", "switch": 8}]),
    );
    assert_eq!(
        kinds(&t),
        [
            "hold", "rest", "hold", "rest", "hold", "switch", "hold", "rest", "hold", "rest",
            "hold"
        ]
    );
    // per side 3 × 30 + 2 × 10 = 110; twice plus 8.
    assert_eq!(t.timed_ms, 228_000);
    assert_eq!(t.segments[0].side, Some(Side::Left));
    assert_eq!(t.segments[5].side, None);
    assert_eq!(t.segments[6].side, Some(Side::Right));
    assert_eq!(t.segments[2].rep, Some(2));
    assert_eq!(t.segments[1].rep, Some(1));
    assert_eq!(t.segments[0].say, "Calf stretch. Left side");
    assert_eq!(t.segments[1].say, "Rest");
    assert_eq!(t.segments[2].say, "Stretch again");
    assert_eq!(t.segments[5].say, "Switch to the right side");
    assert_eq!(t.segments[6].say, "Right side");
    assert_contiguous(&t);

    let plain =
        timeline(json!([{"kind": "stretch", "title": "s", "area": "neck", "hold": 20, "reps": 2}]));
    assert_eq!(kinds(&plain), ["hold", "hold"]);
    assert_eq!(plain.timed_ms, 40_000);
    assert_eq!(plain.segments[0].side, None);

    let default_switch = timeline(
        json!([{"kind": "stretch", "title": "s", "area": "neck", "hold": 20, "sides": "both"}]),
    );
    assert_eq!(default_switch.timed_ms, 45_000);
}

#[test]
fn massage_per_side() {
    let t = timeline(
        json!([{"kind": "massage", "title": "Foot", "area": "foot", "technique": "rolling", "pressure": "moderate", "tool": "ball", "seconds": 60, "sides": "both", "switch": 10}]),
    );
    assert_eq!(kinds(&t), ["massage", "switch", "massage"]);
    assert_eq!(t.timed_ms, 130_000);
    let right = timeline(
        json!([{"kind": "massage", "title": "Foot", "area": "foot", "technique": "rolling", "pressure": "moderate", "seconds": 45, "sides": "right"}]),
    );
    assert_eq!(right.segments[0].side, Some(Side::Right));
    assert_eq!(right.timed_ms, 45_000);
}

#[test]
fn exercise_timed_and_untimed() {
    let t = timeline(
        json!([{"kind": "exercise", "title": "Circles", "reps": 10, "rep_seconds": 3, "sets": 3, "rest": 15}]),
    );
    assert_eq!(kinds(&t), ["work", "rest", "work", "rest", "work"]);
    assert_eq!(t.segments[0].duration_ms, Some(30_000));
    assert_eq!(t.timed_ms, 3 * 30_000 + 2 * 15_000);
    assert_eq!(t.segments[2].say, "Set 2");

    let u = timeline(
        json!([{"kind": "exercise", "title": "Squeeze", "reps": 10, "sets": 2, "rest": 20, "sides": "both"}]),
    );
    assert_eq!(
        kinds(&u),
        ["work", "rest", "work", "switch", "work", "rest", "work"]
    );
    assert_eq!(u.untimed, 4);
    assert_eq!(u.timed_ms, 20_000 + 5_000 + 20_000);
    assert_contiguous(&u);

    let no_rest = timeline(
        json!([{"kind": "exercise", "title": "x", "reps": 2, "rep_seconds": 1, "sets": 3}]),
    );
    assert_eq!(kinds(&no_rest), ["work", "work", "work"]);
}

#[test]
fn step_spans_cover_every_segment() {
    let t = timeline(json!([
        {"kind": "prepare", "title": "p", "seconds": 5},
        {"kind": "stretch", "title": "s", "area": "neck", "hold": 20, "reps": 2, "rest": 5, "sides": "both"},
        {"kind": "manual", "title": "m"}
    ]));
    assert_eq!(t.steps.len(), 3);
    assert_eq!(t.steps[1].first_segment, 1);
    assert_eq!(t.steps[1].segments, 7);
    assert_eq!(t.steps[1].start_ms, 5_000);
    assert_eq!(t.steps[1].timed_ms, 2 * 45_000 + 5_000);
    assert_eq!(t.steps[2].first_segment, 8);
    let total: usize = t.steps.iter().map(|s| s.segments).sum();
    assert_eq!(total, t.segments.len());
}

#[test]
fn say_uses_the_step_say_and_language() {
    let r = validate_routine(
        &json!({"format": "unknot.routine.v1", "id": "t", "title": {"en": "T", "de": "Ü"},
                "steps": [{"kind": "breathing", "title": {"en": "Box", "de": "Box"}, "say": {"en": "Let's begin.", "de": "Los geht's."},
                           "inhale": 4, "exhale": 4, "cycles": 1}]}),
        "",
    )
    .unwrap();
    let de = build_timeline(&r, "de-DE");
    assert_eq!(de.title, "Ü");
    assert_eq!(de.segments[0].say, "Los geht's. Einatmen");
    assert_eq!(de.segments[1].say, "Ausatmen");
    let en = build_timeline(&r, "en");
    assert_eq!(en.segments[0].say, "Let's begin. Breathe in");
}

#[test]
fn builtin_box_breathing() {
    let r = crate::library::builtin("box-breathing").expect("box-breathing is built in");
    let t = build_timeline(r, "en");
    let breathing: Vec<_> = t
        .segments
        .iter()
        .filter(|s| s.kind.is_breathing())
        .collect();
    assert_eq!(breathing.len(), 24);
    assert!(breathing.iter().all(|s| s.duration_ms == Some(4_000)));
    assert_contiguous(&t);
    let r = crate::library::builtin("4-7-8-breathing").expect("4-7-8-breathing is built in");
    let t = build_timeline(r, "en");
    assert_eq!(
        t.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::HoldIn && s.duration_ms == Some(7_000))
            .count()
            % 4,
        0
    );
}

#[test]
fn spoken_texts_made_one_at_a_time_are_the_built_ones() {
    for r in crate::library::builtin_routines() {
        for lang in ["en", "es", "de", "fr"] {
            let full = build_timeline(r, lang);
            let quiet = build_timeline_unspoken(r, lang);
            assert!(quiet.segments.iter().all(|s| s.say.is_empty()));
            for (i, s) in full.segments.iter().enumerate() {
                assert_eq!(spoken_at(r, &quiet, i, lang), s.say, "{} {lang} #{i}", r.id);
            }
            assert_eq!(spoken_at(r, &quiet, full.segments.len(), lang), "");
        }
    }
}
