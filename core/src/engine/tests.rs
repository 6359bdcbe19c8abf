use serde_json::json;

use super::*;
use crate::validate::validate_routine;

fn routine(steps: serde_json::Value) -> Routine {
    validate_routine(
        &json!({"format": "unknot.routine.v1", "id": "t", "title": "T", "steps": steps}),
        "",
    )
    .unwrap()
}

fn session(steps: serde_json::Value) -> Session {
    Session::new(routine(steps), "en")
}

fn kinds(o: &Outcome) -> Vec<(CueKind, u64)> {
    o.cues.iter().map(|c| (c.kind, c.due_ms)).collect()
}

use CueKind::*;

#[test]
fn a_prepare_step_runs_to_finished() {
    let mut s = session(json!([{"kind": "prepare", "title": "Ready", "seconds": 12}]));
    let o = s.apply(Command::Start, 1_000);
    assert_eq!(kinds(&o), [(Segment, 1_000)]);
    assert!(o.cues[0].speak);
    assert_eq!(o.cues[0].say, "Ready");
    assert_eq!(o.frame.status, Status::Running);
    // countdown at 9, 10, 11 s into the segment
    assert_eq!(o.frame.next_wake_ms, Some(10_000));
    let o = s.apply(Command::Tick, 9_999);
    assert!(o.cues.is_empty());
    assert_eq!(o.frame.position_ms, 8_999);
    let o = s.apply(Command::Tick, 10_000);
    assert_eq!(kinds(&o), [(Countdown, 10_000)]);
    assert_eq!(o.cues[0].say, "3");
    let o = s.apply(Command::Tick, 13_000);
    assert_eq!(
        kinds(&o),
        [(Countdown, 11_000), (Countdown, 12_000), (Finished, 13_000)]
    );
    assert_eq!(
        o.cues.iter().map(|c| c.speak).collect::<Vec<_>>(),
        [false, false, true]
    );
    assert!(o.cues.iter().all(|c| c.at_ms == 13_000));
    assert_eq!(o.frame.status, Status::Finished);
    assert_eq!(o.frame.position_ms, 12_000);
    assert_eq!(o.frame.remaining_ms, 0);
    assert_eq!(o.frame.next_wake_ms, None);
    assert_eq!(o.frame.segment_progress, 1.0);
}

#[test]
fn short_segments_have_no_countdown_and_halfway_only_for_long_holds() {
    let mut s = session(json!([
        {"kind": "stretch", "title": "S", "area": "neck", "hold": 20},
        {"kind": "rest", "title": "R", "seconds": 9.999},
        {"kind": "massage", "title": "M", "area": "neck", "technique": "kneading", "pressure": "light", "seconds": 19.999}
    ]));
    s.apply(Command::Start, 0);
    let o = s.apply(Command::Tick, 100_000);
    let got: Vec<_> = o
        .cues
        .iter()
        .map(|c| (c.kind, c.due_ms, c.segment))
        .collect();
    assert_eq!(
        got,
        [
            (Halfway, 10_000, 0),
            (Countdown, 17_000, 0),
            (Countdown, 18_000, 0),
            (Countdown, 19_000, 0),
            (Segment, 20_000, 1),
            (Segment, 29_999, 2),
            (Countdown, 46_998, 2),
            (Countdown, 47_998, 2),
            (Countdown, 48_998, 2),
            (Finished, 49_998, 2),
        ]
    );
    assert_eq!(o.cues.iter().filter(|c| c.speak).count(), 1);
}

#[test]
fn pause_does_not_count_and_shifts_due_times() {
    let mut s = session(json!([{"kind": "rest", "title": "R", "seconds": 30}]));
    s.apply(Command::Start, 100);
    let o = s.apply(Command::Pause, 5_100);
    assert_eq!(o.frame.status, Status::Paused);
    assert_eq!(o.frame.position_ms, 5_000);
    assert_eq!(o.frame.next_wake_ms, None);
    let o = s.apply(Command::Tick, 60_000);
    assert_eq!(o.frame.position_ms, 5_000);
    assert_eq!(o.frame.paused_ms, 54_900);
    let o = s.apply(Command::Pause, 60_000);
    assert_eq!(o.ignored.as_deref(), Some("already paused"));
    let o = s.apply(Command::Resume, 65_100);
    assert_eq!(o.frame.paused_ms, 60_000);
    // end = start + 30 s + 60 s paused
    assert_eq!(o.frame.next_wake_ms, Some(100 + 27_000 + 60_000));
    let o = s.apply(Command::Tick, 200_000);
    assert_eq!(o.cues.last().unwrap().kind, Finished);
    assert_eq!(o.cues.last().unwrap().due_ms, 100 + 30_000 + 60_000);
}

#[test]
fn commands_that_do_not_apply_change_nothing() {
    let mut s = session(json!([{"kind": "rest", "title": "R", "seconds": 30}]));
    for (cmd, reason) in [
        (Command::Pause, "the session has not started yet"),
        (Command::Next, "the session has not started yet"),
        (Command::Resume, "the session has not started yet"),
    ] {
        let before = s.frame();
        let o = s.apply(cmd, 0);
        assert_eq!(o.ignored.as_deref(), Some(reason));
        assert_eq!(o.frame, before);
        assert!(o.cues.is_empty());
    }
    s.apply(Command::Start, 0);
    assert_eq!(
        s.apply(Command::Start, 1).ignored.as_deref(),
        Some("the session has already started")
    );
    assert_eq!(
        s.apply(Command::Resume, 1).ignored.as_deref(),
        Some("not paused")
    );
    assert_eq!(
        s.apply(Command::Continue, 1).ignored.as_deref(),
        Some("not waiting at an untimed step")
    );
    assert_eq!(
        s.apply(Command::Extend(0), 1).ignored.as_deref(),
        Some("nothing to extend by")
    );
    assert!(s.apply(Command::Tick, 1).ignored.is_none());
    s.apply(Command::Stop, 2);
    assert_eq!(s.status(), Status::Stopped);
    assert_eq!(
        s.apply(Command::Resume, 3).ignored.as_deref(),
        Some("the session is over")
    );
    let o = s.apply(Command::Tick, 100_000);
    assert!(o.cues.is_empty());
    assert_eq!(o.frame.position_ms, 2);
}

#[test]
fn time_never_runs_backwards() {
    let mut s = session(json!([{"kind": "rest", "title": "R", "seconds": 30}]));
    s.apply(Command::Start, 10_000);
    s.apply(Command::Tick, 15_000);
    let o = s.apply(Command::Tick, 12_000);
    assert_eq!(o.frame.position_ms, 5_000);
    assert_eq!(o.frame.now_ms, 15_000);
}

#[test]
fn manual_steps_wait_and_continue() {
    let mut s = session(json!([
        {"kind": "prepare", "title": "P", "seconds": 5},
        {"kind": "manual", "title": "Fetch the ball"},
        {"kind": "rest", "title": "R", "seconds": 5}
    ]));
    s.apply(Command::Start, 0);
    let o = s.apply(Command::Tick, 7_000);
    assert_eq!(kinds(&o), [(Segment, 5_000)]);
    assert_eq!(o.cues[0].say, "Fetch the ball");
    assert_eq!(o.frame.status, Status::Waiting);
    assert_eq!(o.frame.position_ms, 5_000);
    assert_eq!(o.frame.paused_ms, 2_000);
    assert_eq!(o.frame.next_wake_ms, None);
    assert_eq!(o.frame.segment_remaining_ms, None);
    assert_eq!(
        s.apply(Command::Pause, 8_000).ignored.as_deref(),
        Some("waiting for you to continue; nothing is running")
    );
    assert_eq!(
        s.apply(Command::Extend(1_000), 8_000).ignored.as_deref(),
        Some("the current segment is untimed")
    );
    let o = s.apply(Command::Continue, 20_000);
    assert_eq!(kinds(&o), [(Segment, 20_000)]);
    assert_eq!(o.frame.segment, 2);
    assert_eq!(o.frame.paused_ms, 15_000);
    let o = s.apply(Command::Tick, 25_000);
    assert_eq!(kinds(&o), [(Finished, 25_000)]);
    assert_eq!(o.frame.position_ms, 10_000);
}

#[test]
fn a_routine_may_start_and_end_untimed() {
    let mut s =
        session(json!([{"kind": "manual", "title": "A"}, {"kind": "manual", "title": "B"}]));
    let o = s.apply(Command::Start, 50);
    assert_eq!(kinds(&o), [(Segment, 50)]);
    assert_eq!(o.frame.status, Status::Waiting);
    let o = s.apply(Command::Continue, 60);
    assert_eq!(kinds(&o), [(Segment, 60)]);
    let o = s.apply(Command::Continue, 70);
    assert_eq!(kinds(&o), [(Finished, 70)]);
    assert_eq!(o.frame.status, Status::Finished);
    assert_eq!(o.frame.timed_ms, 0);
}

#[test]
fn next_previous_and_restart() {
    let mut s = session(json!([
        {"kind": "prepare", "title": "P", "seconds": 10},
        {"kind": "stretch", "title": "S", "area": "calf", "hold": 30, "sides": "both", "switch": 5},
        {"kind": "rest", "title": "R", "seconds": 10}
    ]));
    s.apply(Command::Start, 0);
    let o = s.apply(Command::Next, 2_000);
    assert_eq!(kinds(&o), [(Segment, 2_000)]);
    assert_eq!(o.frame.step, 1);
    assert_eq!(o.frame.position_ms, 10_000);
    assert_eq!(o.cues[0].say, "S. Left side");
    // 2 s into step 1: previous goes to step 0
    let o = s.apply(Command::Previous, 4_000);
    assert_eq!(o.frame.step, 0);
    assert_eq!(o.frame.position_ms, 0);
    // into step 1 by more than 3 s: previous restarts it
    s.apply(Command::Next, 5_000);
    let o = s.apply(Command::Previous, 8_001);
    assert_eq!(o.frame.step, 1);
    assert_eq!(o.frame.position_ms, 10_000);
    assert_eq!(kinds(&o), [(Segment, 8_001)]);
    // exactly 3 s in: previous step
    let o = s.apply(Command::Previous, 11_001);
    assert_eq!(o.frame.step, 0);
    // previous on the first step restarts it
    let o = s.apply(Command::Previous, 11_002);
    assert_eq!((o.frame.step, o.frame.position_ms), (0, 0));
    // restart while paused stays paused and cues on resume
    s.apply(Command::Tick, 16_002);
    s.apply(Command::Pause, 16_002);
    let o = s.apply(Command::RestartStep, 17_000);
    assert!(o.cues.is_empty());
    assert_eq!((o.frame.status, o.frame.position_ms), (Status::Paused, 0));
    let o = s.apply(Command::Resume, 18_000);
    assert_eq!(kinds(&o), [(Segment, 18_000)]);
    // next from the last step finishes
    s.apply(Command::Next, 18_500);
    s.apply(Command::Next, 19_000);
    let o = s.apply(Command::Next, 19_500);
    assert_eq!(kinds(&o), [(Finished, 19_500)]);
    assert_eq!(o.frame.position_ms, o.frame.timed_ms);
}

#[test]
fn extend_lengthens_the_segment_and_moves_the_countdown() {
    let mut s = session(json!([{"kind": "stretch", "title": "S", "area": "neck", "hold": 12}]));
    s.apply(Command::Start, 0);
    let o = s.apply(Command::Tick, 9_500);
    assert_eq!(kinds(&o), [(Countdown, 9_000)]);
    let o = s.apply(Command::Extend(15_000), 9_500);
    assert_eq!(o.frame.timed_ms, 27_000);
    assert_eq!(o.frame.remaining_ms, 17_500);
    assert_eq!(o.frame.segment_duration_ms, Some(27_000));
    // halfway (13.5 s) now lies ahead; the countdown restarts at 24 s
    assert_eq!(o.frame.next_wake_ms, Some(13_500));
    let o = s.apply(Command::Tick, 30_000);
    assert_eq!(
        kinds(&o),
        [
            (Halfway, 13_500),
            (Countdown, 24_000),
            (Countdown, 25_000),
            (Countdown, 26_000),
            (Finished, 27_000)
        ]
    );
}

#[test]
fn slept_through_cues_are_all_handed_out_once_newest_spoken() {
    let r = crate::library::builtin("box-breathing").unwrap().clone();
    let mut s = Session::new(r, "en");
    s.apply(Command::Start, 0);
    let o = s.apply(Command::Tick, 60_000);
    assert!(o.cues.len() > 5);
    assert!(o.cues.windows(2).all(|w| w[0].due_ms <= w[1].due_ms));
    assert!(o
        .cues
        .iter()
        .all(|c| c.due_ms <= 60_000 && c.at_ms == 60_000));
    assert_eq!(o.cues.iter().filter(|c| c.speak).count(), 1);
    assert!(o.cues.last().unwrap().speak);
    let o = s.apply(Command::Tick, 60_000);
    assert!(o.cues.is_empty());
}

#[test]
fn frame_reports_step_and_segment_times() {
    let mut s = session(json!([
        {"kind": "stretch", "title": "Calf", "instructions": "Lean in", "area": "calf", "hold": 30, "reps": 2, "rest": 10}
    ]));
    s.apply(Command::Start, 0);
    let f = s.apply(Command::Tick, 15_000).frame;
    assert_eq!(f.step_title, "Calf");
    assert_eq!(f.step_instructions.as_deref(), Some("Lean in"));
    assert_eq!(f.kind, SegmentKind::Hold);
    assert_eq!(f.rep, Some(1));
    assert_eq!(f.segment_progress, 0.5);
    assert_eq!(f.segment_remaining_ms, Some(15_000));
    assert_eq!(f.step_remaining_ms, 55_000);
    assert_eq!(f.remaining_ms, 55_000);
    // the halfway cue at 15 s was handed out; next: the countdown at 27 s
    assert_eq!(f.next_wake_ms, Some(27_000));
    let f = s.apply(Command::Tick, 35_000).frame;
    assert_eq!((f.kind, f.segment, f.rep), (SegmentKind::Rest, 1, Some(1)));
}

#[test]
fn snapshot_restores_exactly_and_running_keeps_running() {
    let r = crate::library::builtin("box-breathing").unwrap().clone();
    let mut a = Session::new(r.clone(), "en");
    a.apply(Command::Start, 1_000);
    a.apply(Command::Tick, 20_500);
    let snap = a.snapshot();
    assert!(snap.starts_with("unknot.session.v1:"));
    assert!(snap.len() < 600, "{}", snap.len());
    let mut b = Session::restore(r.clone(), "en", &snap, 45_000).unwrap();
    let oa = a.apply(Command::Tick, 45_000);
    let ob = b.apply(Command::Tick, 45_000);
    assert_eq!(oa, ob);
    // paused snapshots stay paused
    a.apply(Command::Pause, 46_000);
    let mut c = Session::restore(r.clone(), "en", &a.snapshot(), 90_000).unwrap();
    let f = c.apply(Command::Tick, 90_000).frame;
    assert_eq!((f.status, f.position_ms), (Status::Paused, 45_000));
    assert_eq!(f.paused_ms, 44_000);
}

#[test]
fn restore_after_reboot_comes_back_paused() {
    let r = crate::library::builtin("box-breathing").unwrap().clone();
    let mut a = Session::new(r.clone(), "en");
    a.apply(Command::Start, 500_000);
    a.apply(Command::Tick, 530_000);
    let mut b = Session::restore(r, "en", &a.snapshot(), 2_000).unwrap();
    let o = b.apply(Command::Tick, 10_000);
    assert_eq!(o.frame.status, Status::Paused);
    assert_eq!(o.frame.position_ms, 30_000);
    assert!(o.cues.is_empty());
    let o = b.apply(Command::Resume, 12_000);
    assert_eq!(o.frame.status, Status::Running);
    assert_eq!(o.frame.position_ms, 30_000);
}

#[test]
fn a_session_restored_after_a_reboot_saves_and_restores_again() {
    // Waiting at the first (untimed) step when the phone restarts: the time
    // held before the restart exceeds the new clock's time.
    let mut a = session(json!([
        {"kind": "manual", "title": "Get the ball"},
        {"kind": "rest", "title": "R", "seconds": 10}
    ]));
    a.apply(Command::Start, 0);
    a.apply(Command::Tick, 90_000);
    let r = a.routine().clone();
    let b = Session::restore(r.clone(), "en", &a.snapshot(), 1_000).unwrap();
    assert_eq!(b.frame().paused_ms, 90_000);
    let mut c = Session::restore(r, "en", &b.snapshot(), 2_000).expect("restores again");
    assert_eq!(c.status(), Status::Waiting);
    let o = c.apply(Command::Continue, 3_000);
    assert_eq!(o.frame.status, Status::Running);
    assert_eq!(o.frame.paused_ms, 92_000);
}

#[test]
fn bad_snapshots_are_errors() {
    let r = crate::library::builtin("box-breathing").unwrap().clone();
    let other = crate::library::builtin("4-7-8-breathing").unwrap().clone();
    let mut a = Session::new(r.clone(), "en");
    a.apply(Command::Start, 0);
    let snap = a.snapshot();
    assert_eq!(
        Session::restore(other, "en", &snap, 0).unwrap_err(),
        SnapshotError::WrongRoutine
    );
    assert_eq!(
        Session::restore(r.clone(), "en", "unknot.session.v9:{}", 0).unwrap_err(),
        SnapshotError::UnsupportedVersion
    );
    for bad in [
        "",
        "garbage",
        "unknot.session.v1:",
        "unknot.session.v1:{}",
        &snap[..snap.len() - 3],
    ] {
        assert!(
            matches!(
                Session::restore(r.clone(), "en", bad, 0),
                Err(SnapshotError::Malformed(_))
            ),
            "{bad}"
        );
    }
    let tampered = snap.replace("\"seg\":0", "\"seg\":999");
    assert!(Session::restore(r.clone(), "en", &tampered, 0).is_err());
    let tampered = snap.replace("\"pos\":0", "\"pos\":99999999");
    assert!(Session::restore(r, "en", &tampered, 0).is_err());
}

/// A 60-minute routine driven by late ticks and ten pauses ends exactly.
#[test]
fn no_drift_over_an_hour() {
    let steps: Vec<_> = (0..60)
        .map(|i| json!({"kind": "massage", "title": format!("Area {i}"), "area": "calf", "technique": "kneading", "pressure": "light", "seconds": 60}))
        .collect();
    let mut s = session(json!(steps));
    let timed = s.timeline().timed_ms;
    assert_eq!(timed, 3_600_000);
    // A small deterministic generator for lateness (0-2000 ms).
    let mut seed: u64 = 0x5eed;
    let mut rand = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let start = 1_234_567;
    let mut handed = s.apply(Command::Start, start).cues.len();
    let mut now = start;
    let mut paused = 0;
    let mut pauses = 0;
    let mut finished_due = None;
    while s.status() != Status::Finished {
        let wake = s.frame().next_wake_ms.unwrap();
        now = now.max(wake) + rand(2_001);
        let o = s.apply(Command::Tick, now);
        handed += o.cues.len();
        for c in &o.cues {
            assert!(c.due_ms <= now);
            if c.kind == Finished {
                finished_due = Some(c.due_ms);
            }
        }
        if pauses < 10 && s.status() == Status::Running && handed % 23 == 0 {
            s.apply(Command::Pause, now);
            let length = 1 + rand(120_000);
            now += length;
            paused += length;
            s.apply(Command::Resume, now);
            pauses += 1;
        }
    }
    assert_eq!(pauses, 10);
    let f = s.frame();
    assert_eq!(f.position_ms, timed);
    assert_eq!(f.paused_ms, paused);
    assert_eq!(finished_due, Some(start + timed + paused));
    // 60 segment cues, 60 halfway, 180 countdown, 1 finished
    assert_eq!(handed, 60 + 60 + 180 + 1);
}

mod lookahead;
mod props;
mod sessions;
mod visible;

/// The screen-off path: a shell that sleeps until `next_wake_ms` wakes no
/// more often than there are cues, for every built-in routine.
#[test]
fn sleeping_until_next_wake_needs_no_more_wakeups_than_cues() {
    for r in crate::library::builtin_routines() {
        let mut s = Session::new(r.clone(), "en");
        let mut o = s.apply(Command::Start, 0);
        let mut cues = o.cues.len();
        let mut wakes = 0;
        let mut now = 0;
        while s.status() != Status::Finished {
            o = match o.frame.next_wake_ms {
                Some(w) => {
                    now = w;
                    wakes += 1;
                    s.apply(Command::Tick, now)
                }
                None => s.apply(Command::Continue, now),
            };
            assert!(
                !o.cues.is_empty() || o.frame.status == Status::Waiting,
                "{}: a wake-up with no cue",
                r.id
            );
            cues += o.cues.len();
        }
        assert!(wakes <= cues, "{}: {wakes} wake-ups for {cues} cues", r.id);
    }
}

#[test]
fn summary_counts_active_time_and_steps() {
    let mut s = session(json!([
        {"kind": "prepare", "title": "P", "seconds": 10},
        {"kind": "manual", "title": "M"},
        {"kind": "rest", "title": "R", "seconds": 10},
        {"kind": "rest", "title": "R2", "seconds": 10}
    ]));
    assert_eq!(s.summary().active_ms, 0);
    s.apply(Command::Start, 1_000);
    s.apply(Command::Pause, 4_000);
    s.apply(Command::Resume, 9_000); // 5 s paused
    s.apply(Command::Tick, 16_000); // prepare done at 16 s: waiting
    s.apply(Command::Continue, 20_000); // 4 s waiting
    s.apply(Command::Next, 22_000); // step 2 skipped after 2 s
    let o = s.apply(Command::Tick, 40_000);
    assert_eq!(o.frame.status, Status::Finished);
    let sum = s.summary();
    assert_eq!(sum.status, Status::Finished);
    // finished at 32 s: 31 s since start, minus 5 s paused and 4 s waiting
    assert_eq!(sum.active_ms, 22_000);
    assert_eq!((sum.steps_completed, sum.steps_skipped), (3, 1));
    // a snapshot keeps the marks
    let r = s.routine().clone();
    let back = Session::restore(r, "en", &s.snapshot(), 40_000).unwrap();
    assert_eq!(back.summary(), sum);
}

#[test]
fn summary_survives_a_reboot_restore() {
    let mut s = session(json!([{"kind": "rest", "title": "R", "seconds": 100}]));
    s.apply(Command::Start, 500_000);
    s.apply(Command::Tick, 530_000);
    let r = s.routine().clone();
    let mut b = Session::restore(r, "en", &s.snapshot(), 40_000).unwrap();
    assert_eq!(b.summary().active_ms, 30_000);
    b.apply(Command::Resume, 50_000); // 10 s paused after the reboot
    b.apply(Command::Tick, 60_000);
    assert_eq!(b.summary().active_ms, 40_000);
}
