use super::*;
use crate::program::parse_program;
use crate::share::{decode_program, share_code};

fn day(s: &str) -> CivilDate {
    CivilDate::parse(s).expect("date")
}

fn heel_draft() -> Draft {
    let mut d = Draft::new(day("2026-11-23"));
    d.title = "Heel pain, six weeks".into();
    d.for_name = " Sam ".into();
    d.therapist = "Dana Reyes".into();
    d.weeks = 6;
    d.notes = "Mornings before the first steps.".into();
    d.cautions = vec!["".into(), "Stop if the heel swells.".into()];
    d.add_routine("plantar-fascia").expect("built in");
    d.add_routine("calf-release").expect("built in");
    d.items[1].frequency = DraftFrequency::PerWeek { times: 3 };
    d.items[0].progression = suggested_progression(library::builtin("plantar-fascia").unwrap());
    d
}

fn paths(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

#[test]
fn a_new_draft_has_the_defaults_and_is_not_yet_a_program() {
    let d = Draft::new(day("2026-11-23"));
    assert_eq!((d.weeks, d.pain_stop_above, d.pain_flare_rise), (4, 7, 2));
    assert_eq!(d.start, "2026-11-23");
    let problems = d.build().expect_err("no title, no routines");
    assert_eq!(paths(&problems), ["title", "items"], "{problems:?}");
}

#[test]
fn adding_routines_checks_ids_and_skips_repeats() {
    let mut d = Draft::new(day("2026-11-23"));
    d.add_routine("box-breathing").unwrap();
    d.add_routine("box-breathing").unwrap();
    assert_eq!(d.items.len(), 1);
    assert_eq!(d.items[0].frequency, DraftFrequency::daily());
    assert_eq!(d.items[0].progression, None);
    assert_eq!(
        d.add_routine("box-breathin"),
        Err(DraftError::UnknownRoutine("box-breathin".into()))
    );
}

#[test]
fn a_valid_draft_builds_a_program_that_files_and_codes_keep() {
    let d = heel_draft();
    let built = d.build().expect("valid");
    let p = &built.program;
    assert_eq!(p.id, "heel-pain-six-weeks");
    assert_eq!(p.for_name.as_deref(), Some("Sam"));
    assert_eq!(p.cautions.len(), 1, "blank cautions are left out");
    assert_eq!(p.weeks, 6);
    assert_eq!(p.schedule[0].per_week(), 7);
    assert_eq!(p.schedule[1].per_week(), 3);
    // The file and the share code give the same program back.
    assert_eq!(parse_program(&p.to_pretty_json()).expect("file"), *p);
    assert_eq!(decode_program(&share_code(p)).expect("code"), *p);
    // Timings: progression makes the last week longer, never shorter.
    let t = &built.timings;
    assert_eq!(t.len(), 2);
    let base = routine_timed_ms(library::builtin("plantar-fascia").unwrap());
    assert_eq!(t[0].first_week_ms, base);
    assert!(t[0].last_week_ms > base, "{t:?}");
    assert_eq!(t[1].first_week_ms, t[1].last_week_ms);
    let first: u64 = t
        .iter()
        .map(|t| t.first_week_ms * u64::from(t.per_week))
        .sum();
    assert_eq!(built.minutes_first_week, first.div_ceil(60_000));
    assert!(built.minutes_last_week > built.minutes_first_week);
}

#[test]
fn problems_point_at_draft_fields() {
    let mut d = heel_draft();
    d.weeks = 0;
    d.start = "2026-13-01".into();
    d.pain_stop_above = 11;
    d.contact = "x".repeat(300);
    d.cautions = vec!["".into(), "  ".into(), "y".repeat(5000)];
    d.items[0].frequency = DraftFrequency::Days {
        days: vec!["mon".into(), "funday".into()],
        per_day: 9,
    };
    d.items[1].frequency = DraftFrequency::PerWeek { times: 0 };
    d.items[0].progression.as_mut().unwrap().every_weeks = 0;
    d.items[0].progression.as_mut().unwrap().max_hold_s = Some(-4);
    let problems = d.build().expect_err("invalid");
    let got = paths(&problems);
    for want in [
        "weeks",
        "start",
        "pain_stop_above",
        "contact",
        "items[0].frequency",
        "items[0].per_day",
        "items[1].frequency",
        "items[0].progression.every_weeks",
        "items[0].progression.max_hold_s",
        "cautions[2]",
    ] {
        assert!(got.contains(&want), "{want} missing from {problems:#?}");
    }
    assert!(
        got.iter()
            .all(|p| !p.starts_with("schedule") && !p.starts_with("progress")),
        "{got:?}"
    );
}

#[test]
fn a_progression_growing_past_the_routine_limits_is_refused() {
    let mut d = heel_draft();
    d.weeks = 52;
    let g = d.items[0].progression.as_mut().unwrap();
    g.hold_add_s = 3000;
    g.max_hold_s = None;
    let problems = d.build().expect_err("a hold beyond an hour");
    assert!(
        paths(&problems)
            .iter()
            .all(|p| p.starts_with("items[0].progression")),
        "{problems:#?}"
    );
}

#[test]
fn ids_come_from_titles() {
    let mut d = Draft::new(day("2026-11-23"));
    for (title, id) in [
        ("Heel pain, six weeks", "heel-pain-six-weeks"),
        ("  Rücken & Hüfte ", "r-cken-h-fte"),
        ("!!!", "program"),
        ("", "program"),
    ] {
        d.title = title.into();
        assert_eq!(d.id(), id, "{title}");
    }
    d.title = "a".repeat(200);
    assert!(d.id().len() <= 48);
}

#[test]
fn a_program_of_built_in_routines_comes_back_as_the_same_draft() {
    let d = heel_draft();
    let p = d.build().unwrap().program;
    let back = Draft::from_program(&p).expect("editable");
    assert_eq!(back.build().unwrap().program, p);
    assert_eq!(back.for_name, "Sam");
    assert_eq!(back.cautions, ["Stop if the heel swells."]);
    assert_eq!(
        back.items[1].frequency,
        DraftFrequency::PerWeek { times: 3 }
    );
}

/// A hand-written program of built-in routines in the shapes the form
/// shows more simply: texts in three languages, amounts in fractions of a
/// second, an id that is not its title's.
const WRITTEN_BY_HAND: &str = r#"{
  "format": "unknot.program.v1", "id": "heel-2025-03", "start": "2025-03-03", "weeks": 6,
  "title": {"en": "Heel pain", "es": "Dolor de talón", "de": "Fersenschmerz"},
  "notes": {"en": "Mornings first.", "es": "Primero por la mañana.", "de": "Morgens zuerst."},
  "cautions": [{"en": "Stop if it swells.", "de": "Bei Schwellung aufhören."}, "Call if numb."],
  "routines": [{"builtin": "plantar-fascia"}, {"builtin": "calf-release"}],
  "schedule": [{"routine": "plantar-fascia", "days": "daily"}, {"routine": "calf-release", "per_week": 3}],
  "progress": [{"routine": "plantar-fascia", "every_weeks": 2, "hold_add": 2.5, "seconds_add": 0.5,
                "max_hold": 42.5, "max_seconds": 90}]
}"#;

#[test]
fn every_program_of_built_in_routines_edits_back_unchanged() {
    let files = [
        include_str!("../../../../docs/examples/heel-library.unknot"),
        include_str!("../../../../docs/examples/calm-breathing.unknot"),
        WRITTEN_BY_HAND,
    ];
    for text in files {
        let p = parse_program(text).expect("example");
        let d = Draft::from_program(&p).expect("editable");
        assert_eq!(d.build().expect("valid").program, p, "{}", p.id);
        // Not the title's slug: the patient's sessions count for this id.
        assert_ne!(d.id(), p.id);
    }
}

#[test]
fn what_the_therapist_changes_is_taken_as_typed_and_the_rest_is_kept() {
    let p = parse_program(WRITTEN_BY_HAND).unwrap();
    let mut d = Draft::from_program(&p).unwrap();
    assert_eq!(
        (d.title.as_str(), d.notes.as_str()),
        ("Heel pain", "Mornings first.")
    );
    let g = d.items[0].progression.clone().unwrap();
    assert_eq!(
        (g.hold_add_s, g.seconds_add_s, g.max_hold_s),
        (2, 0, Some(42))
    );
    d.title = "Heel pain, round two".into();
    d.cautions.push("Ice after, not before.".into());
    d.items[0].progression = Some(DraftProgression { hold_add_s: 3, ..g });
    let built = d.build().unwrap().program;
    assert_eq!(built.id, "heel-2025-03");
    assert_eq!(built.title, Text::plain("Heel pain, round two"));
    assert_eq!(built.notes, p.notes, "left as it was: three languages");
    assert_eq!(built.cautions[..2], p.cautions[..]);
    assert_eq!(built.cautions[2], Text::plain("Ice after, not before."));
    let (was, now) = (&p.progress[0], &built.progress[0]);
    assert_eq!(now.hold_add, Millis(3000), "changed");
    assert_eq!(
        now.seconds_add, was.seconds_add,
        "0.5 s kept though the form shows 0"
    );
    assert_eq!(now.max_hold, Some(Millis(42_500)));

    // A new draft has nothing to keep: its id is its title's.
    let fresh = Draft {
        based_on: None,
        ..d.clone()
    };
    assert_eq!(fresh.build().unwrap().program.id, "heel-pain-round-two");
    // What it was opened from no longer reads: built like a new draft.
    let broken = Draft {
        based_on: Some("{".into()),
        ..d
    };
    assert_eq!(broken.build().unwrap().program.id, "heel-pain-round-two");
}

#[test]
fn a_program_with_a_routine_written_out_is_not_editable() {
    let text = include_str!("../../../../docs/examples/desk-neck-back-hips.unknot");
    let p = parse_program(text).expect("example");
    assert_eq!(
        Draft::from_program(&p),
        Err(DraftError::NotEditable("neck-release".into()))
    );
}

#[test]
fn suggestions_grow_what_each_routine_has() {
    // Breathing alone has nothing to grow.
    assert_eq!(
        suggested_progression(library::builtin("box-breathing").unwrap()),
        None
    );
    for r in library::builtin_routines() {
        let Some(g) = suggested_progression(r) else {
            continue;
        };
        let has = |f: fn(&StepBody) -> bool| r.steps.iter().any(|s| f(&s.body));
        assert_eq!(g.hold_add_s > 0, g.max_hold_s.is_some(), "{}", r.id);
        if g.seconds_add_s > 0 {
            assert!(has(|b| matches!(b, StepBody::Massage { .. })), "{}", r.id);
        }
        if g.reps_add > 0 {
            assert!(has(|b| matches!(b, StepBody::Exercise { .. })), "{}", r.id);
        }
        // Every suggestion is valid over a whole year.
        let mut d = Draft::new(day("2026-01-05"));
        d.title = "Year".into();
        d.weeks = 52;
        d.add_routine(&r.id).unwrap();
        d.items[0].progression = Some(g);
        let built = d.build().unwrap_or_else(|p| panic!("{}: {p:#?}", r.id));
        assert!(built.timings[0].last_week_ms >= built.timings[0].first_week_ms);
    }
}

#[test]
fn a_full_draft_of_library_routines_fits_one_qr_code_of_version_13() {
    // Everything a therapist can fill in: who, for whom, a note, a caution,
    // four library routines on different schedules, three of them growing.
    // Measured: version 10 (286 characters) with the mixing coder; version
    // 13 with zlib and dictionary v2. The 215 characters of the therapist's
    // own words take about half.
    let mut d = Draft::new(day("2026-11-23"));
    d.title = "Heel and calf, six weeks".into();
    d.for_name = "Sam".into();
    d.therapist = "Dana Reyes".into();
    d.clinic = "Riverside Physio".into();
    d.contact = "+1 555 0100".into();
    d.weeks = 6;
    d.notes = "Roll the foot before your first steps in the morning. Calf work after the walk home; breathing at bedtime.".into();
    d.cautions = vec!["Stop if the heel swells or the pain is sharp.".into()];
    for id in [
        "plantar-fascia",
        "calf-release",
        "post-run-legs",
        "sleep-breathing",
    ] {
        d.add_routine(id).unwrap();
    }
    for i in 0..3 {
        d.items[i].progression =
            suggested_progression(library::builtin(&d.items[i].builtin).unwrap());
    }
    d.items[1].frequency = DraftFrequency::Days {
        days: vec!["mon".into(), "wed".into(), "fri".into()],
        per_day: 2,
    };
    d.items[2].frequency = DraftFrequency::PerWeek { times: 3 };
    let built = d.build().expect("valid");
    let code = share_code(&built.program);
    let version = crate::qr_version(&code).expect("fits a QR code");
    println!("full draft: version {version}, {} characters", code.len());
    assert!(
        version <= 10,
        "version {version}, {} characters",
        code.len()
    );

    let lean = Draft {
        therapist: String::new(),
        clinic: String::new(),
        contact: String::new(),
        notes: String::new(),
        cautions: Vec::new(),
        ..d
    };
    let code = share_code(&lean.build().expect("valid").program);
    let version = crate::qr_version(&code).expect("fits a QR code");
    println!("lean draft: version {version}, {} characters", code.len());
    assert!(
        version <= 10,
        "version {version}, {} characters",
        code.len()
    );
}

#[test]
fn a_saved_draft_restores_whole_and_anything_else_restores_nothing() {
    let new = heel_draft();
    let opened = Draft::from_program(&parse_program(WRITTEN_BY_HAND).unwrap()).unwrap();
    for d in [new, opened] {
        let saved = d.save();
        assert_eq!(Draft::restore(&saved).as_ref(), Some(&d));
        // Cut anywhere, it is not a draft: never a panic, never half a draft.
        for cut in (0..saved.len()).filter(|&i| saved.is_char_boundary(i)) {
            assert_eq!(Draft::restore(&saved[..cut]), None, "cut at {cut}");
        }
    }
    assert_eq!(Draft::restore("{\"title\": 5}"), None);
    assert_eq!(Draft::restore(&" ".repeat(MAX_SAVED_BYTES + 1)), None);
    assert_eq!(Draft::restore(&"[".repeat(100_000)), None);
}
