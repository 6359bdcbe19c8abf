use super::*;
use crate::engine::Command;

/// Two timed steps of 10 s each: 20 s in all.
fn two_steps(title: &str) -> Session {
    let json = format!(
        r#"{{"format": "unknot.routine.v1", "id": "two-steps", "title": {title:?},
            "steps": [{{"kind": "prepare", "title": "Settle", "seconds": 10}},
                      {{"kind": "rest", "title": "Rest", "seconds": 10}}]}}"#
    );
    Session::new(crate::parse_routine(&json).unwrap(), "en")
}

const WALL: i64 = 1_740_988_800_000; // 2025-03-03T08:00:00Z

fn now(mono_ms: u64, wall_ms: i64) -> Now {
    Now {
        mono_ms,
        wall_ms,
        utc_offset_min: 60,
    }
}

#[test]
fn a_paused_session_played_to_the_end_is_completed() {
    let mut s = two_steps("Two steps");
    let mut rec = Recording::default();
    rec.begin(WALL, 60, Some(4)).unwrap();
    s.apply(Command::Start, 1_000);
    s.apply(Command::Pause, 6_000);
    assert!(rec.mark_too_much(&s).is_ok(), "a tap while paused counts");
    s.apply(Command::Resume, 16_000);
    s.apply(Command::Tick, 40_000);
    assert_eq!(s.status(), Status::Finished);
    assert_eq!(rec.mark_too_much(&s), Err("the session is over"));
    // Rated a minute after the end: the end is still when it ended (at 31 s).
    let after = AfterSession {
        pain_after: Some(2),
        pressure: Some(PressureFeedback::Right),
        note: Some("  better  ".into()),
    };
    let e = journal_entry(&s, &rec, &after, now(91_000, WALL + 90_000)).unwrap();
    assert_eq!(e.outcome, SessionOutcome::Completed);
    assert_eq!(e.start_ms, WALL);
    assert_eq!(e.end_ms, WALL + 30_000);
    assert_eq!(e.active_ms, 20_000);
    assert_eq!((e.steps_completed, e.steps_skipped), (2, 0));
    assert_eq!((e.pain_before, e.pain_after), (Some(4), Some(2)));
    assert_eq!(e.utc_offset_min, 60);
    assert_eq!(
        e.discomfort,
        vec![DiscomfortMark {
            step: 0,
            position_ms: 5_000
        }]
    );
    assert_eq!(e.note.as_deref(), Some("better"));
    assert_eq!(e.routine_title, "Two steps");
}

#[test]
fn skipping_through_to_the_end_is_not_completed() {
    let mut s = two_steps("Two steps");
    s.apply(Command::Start, 0);
    s.apply(Command::Next, 2_000);
    s.apply(Command::Next, 3_000);
    assert_eq!(s.status(), Status::Finished);
    assert_eq!(outcome(&s), Some(SessionOutcome::Stopped));
    // One step played, one skipped: half, so completed.
    let mut s = two_steps("Two steps");
    s.apply(Command::Start, 0);
    s.apply(Command::Tick, 10_000);
    s.apply(Command::Next, 12_000);
    assert_eq!(outcome(&s), Some(SessionOutcome::Completed));
}

#[test]
fn only_a_session_that_is_over_is_recorded() {
    let mut s = two_steps("Two steps");
    let mut rec = Recording::default();
    let after = AfterSession::default();
    assert_eq!(
        journal_entry(&s, &rec, &after, now(0, WALL)),
        Err(RecordError::NotOver("not started"))
    );
    assert_eq!(
        rec.mark_too_much(&s),
        Err("the session has not started yet")
    );
    s.apply(Command::Start, 0);
    assert!(matches!(
        journal_entry(&s, &rec, &after, now(5_000, WALL)),
        Err(RecordError::NotOver("running"))
    ));
    s.apply(Command::Stop, 5_000);
    // No wall start was given: it follows from the engine's span.
    let e = journal_entry(&s, &rec, &after, now(65_000, WALL + 60_000)).unwrap();
    assert_eq!(e.outcome, SessionOutcome::Stopped);
    assert_eq!((e.start_ms, e.end_ms), (WALL - 5_000, WALL));
    assert_eq!(e.utc_offset_min, 60, "the offset passed in now");
    assert_eq!(e.active_ms, 5_000);
    assert!(rec.begin(WALL, 60, Some(11)).is_err());
    assert!(rec.begin(WALL, 15 * 60, None).is_err());
    assert_eq!(rec, Recording::default(), "a refused start changes nothing");
}

#[test]
fn times_marks_and_titles_are_kept_within_the_journals_bounds() {
    let long = "x".repeat(300);
    let mut s = two_steps(&long);
    let mut rec = Recording::default();
    // The wall clock was set back after the start: no negative span.
    rec.begin(WALL, 0, None).unwrap();
    s.apply(Command::Start, 0);
    s.apply(Command::Stop, 4_000);
    rec.too_much.push(DiscomfortMark {
        step: 7,
        position_ms: 999_999,
    });
    let e = journal_entry(
        &s,
        &rec,
        &AfterSession::default(),
        now(4_000, WALL - 10_000),
    )
    .unwrap();
    assert_eq!((e.start_ms, e.end_ms, e.active_ms), (WALL, WALL, 0));
    assert_eq!(e.routine_title.chars().count(), MAX_TITLE_CHARS);
    assert_eq!(
        e.discomfort,
        vec![DiscomfortMark {
            step: 1,
            position_ms: 20_000
        }]
    );
    // Paused overnight for two days: the journal keeps one day at most.
    let mut s = two_steps("Two steps");
    let mut rec = Recording::default();
    rec.begin(WALL, 0, None).unwrap();
    s.apply(Command::Start, 0);
    s.apply(Command::Pause, 3_000);
    s.apply(Command::Stop, 2 * 86_400_000);
    let e = journal_entry(
        &s,
        &rec,
        &AfterSession::default(),
        now(2 * 86_400_000, WALL + 2 * 86_400_000),
    )
    .unwrap();
    assert_eq!(e.end_ms - e.start_ms, MAX_SESSION_MS);
    assert_eq!(e.active_ms, 3_000);
    let too_long = AfterSession {
        note: Some("n".repeat(2001)),
        ..AfterSession::default()
    };
    assert!(matches!(
        journal_entry(&s, &rec, &too_long, now(2 * 86_400_000, WALL)),
        Err(RecordError::Invalid(_))
    ));
}

#[test]
fn marks_stop_counting_at_the_journals_limit() {
    let mut s = two_steps("Two steps");
    let mut rec = Recording::default();
    s.apply(Command::Start, 0);
    for _ in 0..MAX_MARKS {
        rec.mark_too_much(&s).unwrap();
    }
    assert!(rec.mark_too_much(&s).is_err());
    assert_eq!(rec.too_much.len(), MAX_MARKS);
}

#[test]
fn a_checkpoint_resumes_with_its_start_program_pain_and_marks() {
    let mut s = two_steps("Two steps");
    let mut rec = Recording {
        program_id: Some("knee-home".into()),
        program_week: Some(2),
        ..Recording::default()
    };
    assert_eq!(
        checkpoint(&s, &rec, now(0, WALL)),
        None,
        "a session not started has nothing to resume"
    );
    rec.begin(WALL, 60, Some(5)).unwrap();
    s.apply(Command::Start, 1_000);
    s.apply(Command::Tick, 4_000);
    rec.mark_too_much(&s).unwrap();
    s.apply(Command::Pause, 7_000);
    let c = checkpoint(&s, &rec, now(7_000, WALL + 6_000)).unwrap();
    assert_eq!(c.routine_id, "two-steps");
    assert!(
        c.routine_json.is_some(),
        "not a built-in routine: kept as JSON"
    );
    assert_eq!((c.started_at_ms, c.saved_at_ms), (WALL, WALL + 6_000));
    assert_eq!(c.ended_at_ms, None);
    assert_eq!(c.utc_offset_min, 60);

    // The app is gone; a new process's clock starts again at 0.
    let routine = crate::parse_routine(c.routine_json.as_deref().unwrap()).unwrap();
    let mut back = Session::restore(routine, &c.lang, &c.snapshot, 0).unwrap();
    let mut rec2 = Recording::resumed_from(&c);
    assert_eq!(rec2.program_id.as_deref(), Some("knee-home"));
    assert_eq!(rec2.program_week, Some(2));
    assert_eq!(rec2.pain_before, Some(5));
    assert_eq!(rec2.too_much.len(), 1);
    back.apply(Command::Resume, 100);
    back.apply(Command::Tick, 20_000);
    assert_eq!(back.status(), Status::Finished);
    let e = journal_entry(
        &back,
        &rec2,
        &AfterSession::default(),
        now(20_000, WALL + 600_000),
    )
    .unwrap();
    assert_eq!(e.start_ms, WALL, "the start is kept across the restart");
    assert_eq!(e.program_id.as_deref(), Some("knee-home"));
    assert_eq!(e.pain_before, Some(5));
    assert_eq!(e.outcome, SessionOutcome::Completed);
    assert_eq!(
        e.discomfort,
        vec![DiscomfortMark {
            step: 0,
            position_ms: 3_000
        }]
    );
    rec2.recorded_id = Some(7);
    assert_eq!(
        checkpoint(&back, &rec2, now(20_000, WALL + 600_000)),
        None,
        "a recorded session has nothing to resume"
    );
}

#[test]
fn a_session_over_but_not_rated_keeps_its_end() {
    let mut s = two_steps("Two steps");
    let mut rec = Recording::default();
    rec.begin(WALL, 0, None).unwrap();
    s.apply(Command::Start, 0);
    s.apply(Command::Tick, 25_000);
    assert_eq!(s.status(), Status::Finished);
    // Saved 40 s after the end (at 20 s): the end stays at 20 s.
    let c = checkpoint(&s, &rec, now(60_000, WALL + 60_000)).unwrap();
    assert_eq!(c.ended_at_ms, Some(WALL + 20_000));
    assert_eq!(Recording::resumed_from(&c).ended_at_ms, Some(WALL + 20_000));
}
