use super::*;
use crate::program::parse_program;

fn program() -> Program {
    // Starts on a Monday; 2 weeks.
    parse_program(
        r#"{"format": "unknot.program.v1", "id": "p", "title": "P", "start": "2025-03-03", "weeks": 2,
        "routines": [{"builtin": "box-breathing"}, {"builtin": "4-7-8-breathing"},
            {"format": "unknot.routine.v1", "id": "calf", "title": {"en": "Calf", "de": "Wade"}, "steps": [
                {"kind": "stretch", "title": "Calf", "area": "calf", "hold": 30}]}],
        "schedule": [
            {"routine": "box-breathing", "days": ["mon", "thu"], "per_day": 2},
            {"routine": "4-7-8-breathing", "per_week": 3},
            {"routine": "calf", "days": "daily"}],
        "progress": [{"routine": "calf", "every_weeks": 1, "hold_add": 10}]}"#,
    )
    .unwrap()
}

fn d(s: &str) -> CivilDate {
    CivilDate::parse(s).unwrap()
}

fn done(routine: &str, date: &str) -> SessionDone {
    SessionDone {
        routine: routine.into(),
        date: d(date),
    }
}

#[test]
fn status_outside_the_program() {
    let p = program();
    let before = due_today(&p, d("2025-03-02"), &[], "en");
    assert_eq!(before.status, ProgramStatus::NotStarted);
    assert_eq!(before.week, None);
    assert!(before.due.is_empty());
    let after = due_today(&p, d("2025-03-17"), &[], "en");
    assert_eq!(after.status, ProgramStatus::Ended);
    assert!(after.due.is_empty());
    assert_eq!(
        program_week(&p, d("2025-03-16")),
        (ProgramStatus::Active, Some(2))
    );
    assert_eq!(
        program_week(&p, d("2025-03-03")),
        (ProgramStatus::Active, Some(1))
    );
    assert_eq!(
        program_week(&p, d("2025-03-10")),
        (ProgramStatus::Active, Some(2))
    );
}

#[test]
fn day_scheduled_routines() {
    let p = program();
    let mon = due_today(
        &p,
        d("2025-03-03"),
        &[done("box-breathing", "2025-03-03")],
        "de",
    );
    assert_eq!(mon.week, Some(1));
    let box_ = &mon.due[0];
    assert_eq!((box_.today, box_.done, box_.week_left), (2, 1, None));
    assert_eq!(box_.left_today(), 1);
    let calf = &mon.due[2];
    assert_eq!(calf.title, "Wade");
    assert_eq!((calf.today, calf.timed_ms), (1, 30_000));
    let tue = due_today(&p, d("2025-03-04"), &[], "en");
    assert_eq!(tue.due[0].today, 0);
    // Week 2: the calf stretch has grown by 10 s.
    let week2 = due_today(&p, d("2025-03-10"), &[], "en");
    assert_eq!(week2.due[2].timed_ms, 40_000);
}

#[test]
fn per_week_routines_spread_and_catch_up() {
    let p = program();
    let r = "4-7-8-breathing";
    let on = |date: &str, sessions: &[SessionDone]| {
        let t = due_today(&p, d(date), sessions, "en");
        let e = t.due.iter().find(|e| e.routine == r).unwrap().clone();
        (e.today, e.done, e.week_left)
    };
    // Day 1 of 7, nothing done: ceil(3/7) = 1.
    assert_eq!(on("2025-03-03", &[]), (1, 0, Some(3)));
    // Done once today.
    assert_eq!(on("2025-03-03", &[done(r, "2025-03-03")]), (1, 1, Some(2)));
    // Last day of week 1 with nothing done: all 3 fall on it.
    assert_eq!(on("2025-03-09", &[]), (3, 0, Some(3)));
    // Two done earlier in the week: 1 left over 2 days.
    let s = [
        done(r, "2025-03-04"),
        done(r, "2025-03-05"),
        done("calf", "2025-03-05"),
    ];
    assert_eq!(on("2025-03-08", &s), (1, 0, Some(1)));
    // Sessions of week 1 do not count in week 2.
    assert_eq!(on("2025-03-10", &s), (1, 0, Some(3)));
    // More than asked: nothing left, never negative.
    let many: Vec<_> = (0..5).map(|_| done(r, "2025-03-04")).collect();
    assert_eq!(on("2025-03-05", &many), (0, 0, Some(0)));
}

#[test]
fn sessions_per_week() {
    let w = weekly_due(&program());
    assert_eq!(w.len(), 2);
    // box 2 × 2 days + 4-7-8 3 + calf 7.
    assert_eq!(w[0].sessions, 14);
    assert_eq!(w[1].start, d("2025-03-10"));
}
