//! The library and validation surface, through the exported functions.

use unknot_ffi::error::Problem;
use unknot_ffi::*;

#[test]
fn summaries_cover_every_builtin_in_the_language_asked() {
    let ids = builtin_routine_ids();
    let en = builtin_summaries("en".into());
    assert_eq!(en.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), ids);
    let de = builtin_summaries("de".into());
    let box_de = de.iter().find(|s| s.id == "box-breathing").unwrap();
    assert_eq!(box_de.title, "Box-Atmung");
    assert_eq!(box_de.timed_ms, 10_000 + 6 * 16_000 + 20_000);
}

#[test]
fn details_match_the_timeline() {
    let d = builtin_routine("box-breathing".into(), "en".into()).unwrap();
    assert_eq!(d.steps.len(), 3);
    assert_eq!(d.steps[1].kind, StepKind::Breathing);
    assert_eq!(d.steps[2].start_ms, 106_000);
    assert_eq!(d.steps[2].timed_ms, 20_000);
    let covered: i32 = d.steps.iter().map(|s| s.segment_count).sum();
    assert_eq!(covered as usize, d.segments.len());
    for s in &d.steps {
        assert_eq!(d.segments[s.first_segment as usize].step, s.index);
    }
}

#[test]
fn unknown_builtin_is_a_typed_error() {
    assert_eq!(
        builtin_routine("nope".into(), "en".into()),
        Err(UnknotError::UnknownRoutine { id: "nope".into() })
    );
}

#[test]
fn invalid_json_reports_every_problem() {
    let json = r#"{"format": "unknot.routine.v1", "id": "Bad Id", "title": "x",
        "steps": [{"kind": "rest", "title": "r", "secods": 5}]}"#;
    let err = parse_routine(json.into(), "en".into()).unwrap_err();
    let UnknotError::InvalidRoutine { problems } = err else {
        panic!("expected InvalidRoutine, got {err:?}");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"id"), "{paths:?}");
    assert!(paths.contains(&"steps[0].secods"), "{paths:?}");
    let typo: &Problem = problems
        .iter()
        .find(|p| p.path == "steps[0].secods")
        .unwrap();
    assert!(typo.hint.as_deref().unwrap_or("").contains("seconds"));
    assert_eq!(validate_routine(json.into()), problems);
}

#[test]
fn garbage_is_an_error_never_a_panic() {
    for text in ["", "[", "null", "{\"steps\": 5}", &"[".repeat(10_000)] {
        let r = parse_routine(text.to_string(), "en".into());
        assert!(
            matches!(r, Err(UnknotError::InvalidRoutine { ref problems }) if !problems.is_empty())
        );
    }
}
