use serde_json::{json, Value};

use super::*;
use crate::problem::Problem;
use crate::routine::StepBody;

fn base() -> Value {
    json!({
        "format": "unknot.program.v1",
        "id": "p",
        "title": "Program",
        "start": "2025-03-03",
        "weeks": 6,
        "routines": [
            {"builtin": "box-breathing"},
            {"format": "unknot.routine.v1", "id": "calf", "title": "Calf", "steps": [
                {"kind": "stretch", "title": "Calf", "area": "calf", "hold": 30, "reps": 2},
                {"kind": "massage", "title": "Foot", "area": "foot", "technique": "rolling", "pressure": "moderate", "tool": "ball", "seconds": 60},
                {"kind": "exercise", "title": "Raises", "reps": 10, "rep_seconds": 3}
            ]}
        ],
        "schedule": [
            {"routine": "box-breathing", "days": "daily"},
            {"routine": "calf", "per_week": 3}
        ]
    })
}

fn problems(v: Value) -> Vec<Problem> {
    validate_program(&v).expect_err("expected problems")
}

fn has(p: &[Problem], path: &str, needle: &str) -> bool {
    p.iter()
        .any(|p| p.path == path && p.message_with_hint().contains(needle))
}

#[test]
fn accepts_a_program_and_resolves_builtins() {
    let p = validate_program(&base()).unwrap();
    assert_eq!(p.routines.len(), 2);
    assert_eq!(p.routines[0].builtin.as_deref(), Some("box-breathing"));
    assert_eq!(
        p.routines[0].routine,
        *crate::builtin("box-breathing").unwrap()
    );
    assert_eq!(p.pain, PainRules::default());
    assert_eq!(p.schedule[0].per_week(), 7);
    assert_eq!(p.schedule[1].frequency, Frequency::PerWeek { times: 3 });
    // Serialising gives the file back (built-ins by id, defaults kept).
    let again = validate_program(&serde_json::to_value(&p).unwrap()).unwrap();
    assert_eq!(again, p);
    let text = p.to_compact_json();
    assert!(text.contains(r#"{"builtin":"box-breathing"}"#), "{text}");
    assert!(text.contains(r#""days":"daily""#), "{text}");
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let mut v = base();
    v["weeks"] = json!(60);
    v["start"] = json!("2025-02-30");
    v["titel"] = json!("x");
    v["routines"][0] = json!({"builtin": "box-breathin"});
    v["routines"][1]["steps"][0]["hodl"] = json!(3);
    v["schedule"][0]["days"] = json!(["mon", "monday", "mon"]);
    v["schedule"][1]["routine"] = json!("calff");
    let p = problems(v);
    assert!(has(&p, "weeks", "from 1 to 52"), "{p:?}");
    assert!(has(&p, "start", "not a day of the calendar"), "{p:?}");
    assert!(has(&p, "titel", "did you mean \"title\""), "{p:?}");
    assert!(
        has(&p, "routines[0].builtin", "did you mean \"box-breathing\""),
        "{p:?}"
    );
    assert!(
        has(&p, "routines[1].steps[0].hodl", "did you mean \"hold\""),
        "{p:?}"
    );
    assert!(
        has(&p, "schedule[0].days[1]", "did you mean \"mon\""),
        "{p:?}"
    );
    assert!(has(&p, "schedule[0].days[2]", "listed twice"), "{p:?}");
    assert!(
        has(&p, "schedule[1].routine", "did you mean \"calf\""),
        "{p:?}"
    );
}

#[test]
fn schedule_rules() {
    let mut v = base();
    v["schedule"] = json!([
        {"routine": "calf", "days": ["mon"], "per_week": 2},
        {"routine": "box-breathing"},
        {"routine": "box-breathing", "per_week": 2, "per_day": 2},
        {"routine": "calf", "days": "weekly"},
        {"routine": "calf", "days": [], "per_day": 5}
    ]);
    let p = problems(v);
    assert!(has(&p, "schedule[0].per_week", "not both"), "{p:?}");
    assert!(has(&p, "schedule[1]", "neither"), "{p:?}");
    assert!(has(&p, "schedule[2].per_day", "only applies"), "{p:?}");
    assert!(has(&p, "schedule[3].days", "not a list of days"), "{p:?}");
    assert!(has(&p, "schedule[4].days", "no days"), "{p:?}");
    assert!(has(&p, "schedule[4].per_day", "from 1 to 4"), "{p:?}");

    let mut v = base();
    v["schedule"][1] = json!({"routine": "calf", "per_week": 15});
    v["schedule"]
        .as_array_mut()
        .unwrap()
        .push(json!({"routine": "box-breathing", "per_week": 2}));
    let p = problems(v);
    assert!(has(&p, "schedule[1].per_week", "from 1 to 14"), "{p:?}");
    assert!(has(&p, "schedule[2].routine", "already scheduled"), "{p:?}");

    let mut v = base();
    v["schedule"] = json!([]);
    assert!(has(&problems(v), "schedule", "empty"));
}

#[test]
fn routine_list_rules() {
    let mut v = base();
    v["routines"][1]["id"] = json!("box-breathing");
    assert!(has(&problems(v), "routines[1].id", "already used"));

    let mut v = base();
    v["routines"][0] = json!({"builtin": "box-breathing", "extra": 1});
    assert!(has(&problems(v), "routines[0].extra", "unknown field"));

    let mut v = base();
    v["routines"] = json!([]);
    assert!(has(&problems(v), "routines", "at least one"));

    let mut v = base();
    v["format"] = json!("unknot.routine.v1");
    assert!(has(&problems(v), "format", "this is a routine file"));
}

#[test]
fn from_for_and_pain() {
    let mut v = base();
    v["from"] = json!({"therapist": "Dana", "clinic": "", "phone": "1"});
    v["for"] = json!(5);
    v["pain"] = json!({"stop_above": 11, "flare_rise": 0});
    let p = problems(v);
    assert!(has(&p, "from.clinic", "empty"), "{p:?}");
    assert!(has(&p, "from.phone", "unknown field"), "{p:?}");
    assert!(has(&p, "for", "must be text"), "{p:?}");
    assert!(has(&p, "pain.stop_above", "from 0 to 10"), "{p:?}");
    assert!(has(&p, "pain.flare_rise", "from 1 to 10"), "{p:?}");
}

#[test]
fn progression_grows_by_week_with_caps() {
    let mut v = base();
    v["progress"] = json!([{"routine": "calf", "every_weeks": 2, "hold_add": 10, "max_hold": 45,
        "seconds_add": 15, "reps_add": 2, "max_reps": 12}]);
    let p = validate_program(&v).unwrap();
    let hold = |week| match p.routine_for_week("calf", week).unwrap().steps[0].body {
        StepBody::Stretch { hold, reps, .. } => (hold.0 / 1000, reps),
        _ => unreachable!(),
    };
    assert_eq!(hold(1), (30, 2));
    assert_eq!(hold(2), (30, 2));
    assert_eq!(hold(3), (40, 4));
    assert_eq!(hold(5), (45, 6)); // capped at max_hold
    assert_eq!(hold(99), hold(6)); // clamped to the program
    match &p.routine_for_week("calf", 6).unwrap().steps[1].body {
        StepBody::Massage { seconds, .. } => assert_eq!(seconds.0, 60_000 + 2 * 15_000),
        _ => unreachable!(),
    }
    match &p.routine_for_week("calf", 6).unwrap().steps[2].body {
        StepBody::Exercise { reps, .. } => assert_eq!(*reps, 12), // 10 + 2×2, capped at 12
        _ => unreachable!(),
    }
    // Routines without a progression are unchanged.
    assert_eq!(
        p.routine_for_week("box-breathing", 6).as_ref(),
        p.routine("box-breathing")
    );
}

#[test]
fn progression_problems() {
    let mut v = base();
    v["weeks"] = json!(52);
    v["progress"] = json!([
        {"routine": "calf", "every_weeks": 1, "hold_add": 100},
        {"routine": "box-breathing", "every_weeks": 1, "hold_add": 5},
        {"routine": "nope", "every_weeks": 0},
        {"routine": "calf", "every_weeks": 2}
    ]);
    let p = problems(v);
    assert!(has(&p, "progress[1].hold_add", "no stretch steps"), "{p:?}");
    assert!(
        has(
            &p,
            "progress[2].routine",
            "not one of the program's routines"
        ),
        "{p:?}"
    );
    assert!(has(&p, "progress[2].every_weeks", "from 1 to 52"), "{p:?}");
    assert!(has(&p, "progress[3]", "adds nothing"), "{p:?}");

    // A progression that breaks routine limits, checked on the progressed routine.
    let mut v = base();
    v["weeks"] = json!(52);
    v["progress"] = json!([{"routine": "calf", "every_weeks": 1, "hold_add": 100}]);
    let p = problems(v);
    assert!(
        has(
            &p,
            "progress[0]",
            "in week 52 the progressed routine breaks a limit: routines[1].steps[0].hold"
        ),
        "{p:?}"
    );
}

#[test]
fn never_panics_on_odd_values() {
    for v in [
        json!(null),
        json!([]),
        json!("x"),
        json!({"routines": {"a": 1}, "schedule": "daily", "progress": 3, "pain": [], "from": "x"}),
        json!({"routines": [null, 1, {"builtin": 5}], "schedule": [null, {"routine": 1, "days": 3}]}),
    ] {
        assert!(validate_program(&v).is_err());
    }
}
