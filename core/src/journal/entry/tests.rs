use super::*;

pub(crate) fn sample() -> SessionEntry {
    SessionEntry {
        routine_id: "foot-release".into(),
        routine_title: "Foot release".into(),
        program_id: Some("plantar-6w".into()),
        start_ms: 1_714_716_000_000,
        end_ms: 1_714_716_600_000,
        utc_offset_min: 120,
        active_ms: 540_000,
        outcome: SessionOutcome::Completed,
        steps_completed: 6,
        steps_skipped: 1,
        pain_before: Some(5),
        pain_after: Some(3),
        pressure: Some(PressureFeedback::Right),
        discomfort: vec![DiscomfortMark {
            step: 2,
            position_ms: 120_000,
        }],
        note: Some("Left heel tender".into()),
    }
}

#[test]
fn a_good_entry_has_no_problems() {
    assert_eq!(sample().validate(), Ok(()));
    assert_eq!(sample().pain_change(), Some(-2));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut e = sample();
    e.routine_id = "Foot Release".into();
    e.program_id = Some("".into());
    e.routine_title = " ".into();
    e.pain_before = Some(11);
    e.pain_after = Some(255);
    e.utc_offset_min = 900;
    e.note = Some("x".repeat(MAX_NOTE_CHARS + 1));
    e.discomfort = vec![DiscomfortMark {
        step: 0,
        position_ms: 30_000_000,
    }];
    let p = e.validate().unwrap_err();
    assert_eq!(
        p,
        vec![
            EntryError::RoutineId("Foot Release".into()),
            EntryError::ProgramId("".into()),
            EntryError::Title(1),
            EntryError::Pain {
                which: "before",
                value: 11
            },
            EntryError::Pain {
                which: "after",
                value: 255
            },
            EntryError::Offset(900),
            EntryError::NoteTooLong(MAX_NOTE_CHARS + 1),
            EntryError::MarkPosition {
                index: 0,
                position_ms: 30_000_000
            },
        ]
    );
}

#[test]
fn times_must_make_sense() {
    let mut e = sample();
    e.end_ms = e.start_ms - 1;
    assert_eq!(e.problems(), vec![EntryError::Duration(-1)]);
    e.end_ms = e.start_ms + 1000;
    assert_eq!(
        e.problems(),
        vec![
            // A mark's timeline position may pass the wall-clock span
            // (after `next`), so only the active time is refused here.
            EntryError::ActiveTime {
                active_ms: 540_000,
                span_ms: 1000
            },
        ]
    );
    e.start_ms = i64::MIN;
    e.end_ms = i64::MAX;
    let p = e.problems();
    assert!(p.contains(&EntryError::Time {
        which: "start",
        value: i64::MIN
    }));
    assert!(p.contains(&EntryError::Time {
        which: "end",
        value: i64::MAX
    }));
}

#[test]
fn a_note_at_the_limit_is_fine_and_counted_in_characters() {
    let mut e = sample();
    e.note = Some("ü".repeat(MAX_NOTE_CHARS));
    assert_eq!(e.validate(), Ok(()));
    e.discomfort = vec![
        DiscomfortMark {
            step: 0,
            position_ms: 0
        };
        MAX_MARKS + 1
    ];
    assert_eq!(e.problems(), vec![EntryError::TooManyMarks(MAX_MARKS + 1)]);
}

#[test]
fn names_round_trip() {
    for o in [SessionOutcome::Completed, SessionOutcome::Stopped] {
        assert_eq!(SessionOutcome::parse(o.as_str()), Some(o));
    }
    for p in [
        PressureFeedback::TooLight,
        PressureFeedback::Right,
        PressureFeedback::TooFirm,
    ] {
        assert_eq!(PressureFeedback::parse(p.as_str()), Some(p));
    }
    assert_eq!(PressureFeedback::parse("hard"), None);
}
