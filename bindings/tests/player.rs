//! The `Player` object: constructors, clamping of foreign inputs, snapshots.

use unknot_ffi::{CueKind, Player, RoutineSource, Status, UnknotError};

#[test]
fn constructors_agree_and_report_typed_errors() {
    let a = Player::from_builtin("box-breathing".into(), "en".into()).unwrap();
    let b = Player::new(
        RoutineSource::Builtin {
            id: "box-breathing".into(),
        },
        "en".into(),
    )
    .unwrap();
    assert_eq!(a.frame(), b.frame());
    assert_eq!(a.status(), Status::Ready);
    assert_eq!(a.routine_id(), "box-breathing");
    assert!(matches!(
        Player::from_builtin("nope".into(), "en".into()),
        Err(UnknotError::UnknownRoutine { .. })
    ));
    assert!(matches!(
        Player::from_json("{".into(), "en".into()),
        Err(UnknotError::InvalidRoutine { problems }) if problems.len() == 1
    ));
}

#[test]
fn negative_times_and_extensions_count_as_zero() {
    let p = Player::from_builtin("box-breathing".into(), "en".into()).unwrap();
    let u = p.start(-42);
    assert_eq!(u.frame.now_ms, 0);
    assert_eq!(u.cues[0].due_ms, 0);
    assert_eq!(u.cues[0].kind, CueKind::Segment);
    let timed = u.frame.timed_ms;
    let e = p.extend(1_000, -5_000);
    assert_eq!(e.frame.timed_ms, timed);
    // A later positive extension does lengthen the segment.
    let e = p.extend(1_000, 5_000);
    assert_eq!(e.frame.timed_ms, timed + 5_000);
    assert_eq!(e.frame.next_wake_ms, Some(12_000));
}

#[test]
fn restore_rejects_garbage_with_a_reason() {
    let source = RoutineSource::Builtin {
        id: "box-breathing".into(),
    };
    match Player::restore(source, "en".into(), "not a snapshot".into(), 0) {
        Err(UnknotError::BadSnapshot { reason }) => assert!(!reason.is_empty()),
        other => panic!("expected BadSnapshot, got {other:?}"),
    }
}

#[test]
fn summary_gives_the_journal_its_figures() {
    let p = Player::from_builtin("box-breathing".into(), "en".into()).unwrap();
    assert_eq!(p.summary().active_ms, 0);
    p.start(1_000);
    p.pause(11_000);
    p.resume(21_000);
    p.next(31_000);
    let s = p.summary();
    assert_eq!(s.status, unknot_ffi::Status::Running);
    assert_eq!(s.active_ms, 20_000);
    assert_eq!((s.steps_completed, s.steps_skipped), (1, 1));
}

#[test]
fn details_describe_the_routine_played() {
    let p = Player::from_builtin("calf-release".into(), "de".into()).unwrap();
    assert_eq!(
        p.details(),
        unknot_ffi::builtin_routine("calf-release".into(), "de".into()).unwrap()
    );
    let heel = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/examples/heel-pain-progression.unknot"
    ))
    .unwrap();
    let grown = Player::from_program(heel.clone(), "calf-and-foot".into(), 3, "en".into()).unwrap();
    assert_eq!(
        grown.details(),
        unknot_ffi::program_routine_for_week(heel, "calf-and-foot".into(), 3, "en".into()).unwrap()
    );
}
