//! Programs, share codes, QR matrices and the safety screen, through the
//! exported functions.

use unknot_ffi::*;

const HEEL: &str = include_str!("../../docs/examples/heel-pain-progression.unknot");

fn s(v: &str) -> String {
    v.to_string()
}

#[test]
fn a_program_parses_into_its_details() {
    let p = parse_program(s(HEEL), s("en")).unwrap();
    assert_eq!(p.id, "heel-pain-8w");
    assert_eq!(
        (p.start.as_str(), p.end.as_str()),
        ("2025-03-03", "2025-04-27")
    );
    assert_eq!(p.weeks, 8);
    assert_eq!(p.pain_stop_above, 6);
    let ids: Vec<_> = p.routines.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["calf-and-foot", "calf-raises", "box-breathing"]);
    assert_eq!(p.routines[2].builtin.as_deref(), Some("box-breathing"));
    assert_eq!(p.routines[0].builtin, None);
    assert_eq!(
        p.schedule[1].frequency,
        Frequency::Days {
            days: vec![s("mon"), s("wed"), s("fri")],
            per_day: 1
        }
    );
    assert_eq!(p.schedule[2].frequency, Frequency::PerWeek { times: 2 });
    assert_eq!(p.schedule[0].per_week, 14);
    assert_eq!(p.progress[0].hold_add_ms, 10_000);
    assert_eq!(p.progress[1].max_reps, Some(15));
    assert!(validate_program(s(HEEL)).is_empty());
}

#[test]
fn an_invalid_program_lists_every_problem() {
    let bad = HEEL
        .replace("\"weeks\": 8", "\"weeks\": 0")
        .replace("\"per_week\": 2", "\"per_wek\": 2");
    let Err(UnknotError::InvalidProgram { problems }) = parse_program(bad.clone(), s("en")) else {
        panic!("expected InvalidProgram");
    };
    let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"weeks"), "{paths:?}");
    assert!(
        paths.iter().any(|p| p.starts_with("schedule[2]")),
        "{paths:?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.hint.as_deref().unwrap_or("").contains("per_week")));
    assert_eq!(validate_program(bad), problems);
    assert!(matches!(
        parse_program(s("{"), s("en")),
        Err(UnknotError::InvalidProgram { problems }) if problems.len() == 1
    ));
}

#[test]
fn due_today_follows_the_calendar_and_sessions_done() {
    let before = program_due_today(s(HEEL), s("2025-03-02"), vec![], s("en")).unwrap();
    assert_eq!(
        (before.status, before.week),
        (ProgramStatus::NotStarted, None)
    );
    assert!(before.due.is_empty());
    let after = program_due_today(s(HEEL), s("2025-04-28"), vec![], s("en")).unwrap();
    assert_eq!(after.status, ProgramStatus::Ended);

    let done = vec![SessionDoneRecord {
        routine_id: s("calf-and-foot"),
        date: s("2025-03-03"),
    }];
    let mon = program_due_today(s(HEEL), s("2025-03-03"), done, s("en")).unwrap();
    assert_eq!((mon.status, mon.week), (ProgramStatus::Active, Some(1)));
    let calf = &mon.due[0];
    assert_eq!((calf.today, calf.done, calf.left_today), (2, 1, 1));
    assert_eq!(calf.week_left, None);
    assert_eq!(mon.due[1].today, 1); // calf raises on Mondays
    let breathing = &mon.due[2];
    assert_eq!((breathing.today, breathing.week_left), (1, Some(2)));

    let tue = program_due_today(s(HEEL), s("2025-03-04"), vec![], s("en")).unwrap();
    assert_eq!(tue.due[1].today, 0);
    // Progression: week 3 is longer than week 1.
    let wk3 = program_due_today(s(HEEL), s("2025-03-17"), vec![], s("en")).unwrap();
    assert_eq!(wk3.week, Some(3));
    assert_eq!(wk3.due[0].timed_ms - calf.timed_ms, 90_000);
}

#[test]
fn bad_dates_are_typed_errors() {
    assert!(matches!(
        program_due_today(s(HEEL), s("2025-02-30"), vec![], s("en")),
        Err(UnknotError::BadDate { value, .. }) if value == "2025-02-30"
    ));
    let done = vec![SessionDoneRecord {
        routine_id: s("calf-and-foot"),
        date: s("3/3/2025"),
    }];
    assert!(matches!(
        program_due_today(s(HEEL), s("2025-03-03"), done, s("en")),
        Err(UnknotError::BadDate { .. })
    ));
}

#[test]
fn routines_grow_by_week_and_play_as_grown() {
    let w1 = program_routine_for_week(s(HEEL), s("calf-and-foot"), 1, s("en")).unwrap();
    let w3 = program_routine_for_week(s(HEEL), s("calf-and-foot"), 3, s("en")).unwrap();
    // Massage +15 s on two sides, three holds +10 s on two sides.
    assert_eq!(w3.timed_ms - w1.timed_ms, 2 * 15_000 + 3 * 2 * 10_000);
    // Weeks past the end count as the last; below 1 as the first.
    let w99 = program_routine_for_week(s(HEEL), s("calf-and-foot"), 99, s("en")).unwrap();
    let w8 = program_routine_for_week(s(HEEL), s("calf-and-foot"), 8, s("en")).unwrap();
    assert_eq!(w99, w8);
    assert_eq!(
        program_routine_for_week(s(HEEL), s("calf-and-foot"), -4, s("en")).unwrap(),
        w1
    );
    assert_eq!(
        program_routine_for_week(s(HEEL), s("nope"), 1, s("en")),
        Err(UnknotError::NotInProgram { id: s("nope") })
    );
    let player = Player::from_program(s(HEEL), s("calf-and-foot"), 3, s("en")).unwrap();
    assert_eq!(player.routine_id(), "calf-and-foot");
    assert_eq!(player.frame().timed_ms, w3.timed_ms);
}

#[test]
fn share_codes_round_trip_and_damage_is_typed() {
    let share = share_encode(s(HEEL)).unwrap();
    assert!(share.code.starts_with("UK1:"));
    assert!(looks_like_share_code(share.code.to_lowercase()));
    let version = share.qr_version.unwrap();
    assert!((1..=40).contains(&version));
    let json = share_decode(share.code.clone()).unwrap();
    assert_eq!(
        parse_program(json, s("de")).unwrap(),
        parse_program(s(HEEL), s("de")).unwrap()
    );

    let mid = share.code.len() / 2;
    let flipped = if &share.code[mid..mid + 1] == "A" {
        "B"
    } else {
        "A"
    };
    let damaged = format!(
        "{}{}{}",
        &share.code[..mid],
        flipped,
        &share.code[mid + 1..]
    );
    assert!(matches!(
        share_decode(damaged),
        Err(UnknotError::BadShareCode {
            problem: ShareProblem::Damaged,
            ..
        })
    ));
    assert!(matches!(
        share_decode(s("hello")),
        Err(UnknotError::BadShareCode {
            problem: ShareProblem::NotACode,
            ..
        })
    ));
    assert!(matches!(
        share_decode(s("UK7:ABC")),
        Err(UnknotError::BadShareCode {
            problem: ShareProblem::NewerVersion,
            ..
        })
    ));
    assert!(matches!(
        share_decode(s("   ")),
        Err(UnknotError::BadShareCode {
            problem: ShareProblem::Empty,
            ..
        })
    ));
    assert!(matches!(
        share_encode(s("[]")),
        Err(UnknotError::InvalidProgram { .. })
    ));
}

#[test]
fn qr_matrices_have_finder_patterns_and_a_size_limit() {
    let code = share_encode(s(HEEL)).unwrap();
    let m = qr_matrix(code.code).unwrap();
    assert_eq!(Some(m.version), code.qr_version);
    assert_eq!(m.size, 17 + 4 * m.version);
    assert_eq!(m.modules.len(), (m.size * m.size) as usize);
    let dark = |x: i32, y: i32| m.modules[(y * m.size + x) as usize];
    // Top-left finder: dark ring, light separator, dark centre.
    assert!(dark(0, 0) && dark(6, 0) && dark(0, 6) && dark(3, 3));
    assert!(!dark(7, 0) && !dark(1, 1) && !dark(7, 7));
    assert_eq!(
        qr_matrix("A".repeat(4000)),
        Err(UnknotError::QrTooLarge {
            chars: 4000,
            max: 3391
        })
    );
}

#[test]
fn the_safety_screen_is_translated() {
    let en = safety_screen(s("en"));
    let de = safety_screen(s("de"));
    assert!(en.version >= 1);
    assert_eq!(en.do_not.len(), de.do_not.len());
    assert!(en.do_not.len() >= 6);
    assert_ne!(en.title, de.title);
    assert!(en.do_not.join(" ").to_lowercase().contains("clot"));
}
