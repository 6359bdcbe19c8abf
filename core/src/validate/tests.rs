use serde_json::json;

use super::*;

fn problems(v: serde_json::Value) -> Vec<Problem> {
    validate_routine(&v, "").expect_err("expected problems")
}

fn paths(v: serde_json::Value) -> Vec<String> {
    problems(v).into_iter().map(|p| p.path).collect()
}

fn base(steps: serde_json::Value) -> serde_json::Value {
    json!({"format": "unknot.routine.v1", "id": "test", "title": "Test", "steps": steps})
}

#[test]
fn accepts_every_step_kind() {
    let r = validate_routine(
        &base(json!([
            {"kind": "prepare", "title": "Ready", "seconds": 5},
            {"kind": "manual", "title": "Get the ball"},
            {"kind": "breathing", "title": "Box", "inhale": 4, "hold_in": 4, "exhale": 4, "hold_out": 4, "cycles": 2},
            {"kind": "stretch", "title": "Calf", "area": "calf", "hold": 30, "reps": 2, "rest": 10, "sides": "both", "switch": 8},
            {"kind": "massage", "title": "Foot", "area": "foot", "technique": "rolling", "pressure": "moderate", "tool": "ball", "seconds": 60, "pace": 30, "sides": "left"},
            {"kind": "exercise", "title": "Circles", "reps": 10, "rep_seconds": 2.5, "sets": 2, "rest": 5},
            {"kind": "rest", "title": "Rest", "seconds": 0.25}
        ])),
        "",
    )
    .unwrap();
    assert_eq!(r.steps.len(), 7);
    assert_eq!(
        r.steps[6].body,
        StepBody::Rest {
            seconds: Millis(250)
        }
    );
    match &r.steps[4].body {
        StepBody::Massage { tool, pace, .. } => {
            assert_eq!(*tool, Tool::Ball);
            assert_eq!(*pace, Some(30.0));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn defaults_apply() {
    let r = validate_routine(
        &base(json!([{"kind": "stretch", "title": "s", "area": "neck", "hold": 20}])),
        "",
    )
    .unwrap();
    assert_eq!(
        r.steps[0].body,
        StepBody::Stretch {
            area: Area::Neck,
            hold: Millis(20_000),
            reps: 1,
            rest: Millis(0),
            sides: Sides::None,
            switch: None
        }
    );
}

#[test]
fn wrong_format_names_the_supported_version() {
    let mut v = base(json!([{"kind": "manual", "title": "m"}]));
    v["format"] = json!("unknot.routine.v2");
    let p = problems(v);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "format");
    assert!(
        p[0].message.contains("unknot.routine.v1"),
        "{}",
        p[0].message
    );

    let mut v = base(json!([{"kind": "manual", "title": "m"}]));
    v.as_object_mut().unwrap().remove("format");
    let p = problems(v);
    assert_eq!(p[0].path, "format");
    assert!(p[0].hint.as_deref().unwrap().contains("unknot.routine.v1"));
}

#[test]
fn unknown_fields_get_a_hint() {
    let p = problems(base(
        json!([{"kind": "stretch", "title": "s", "area": "neck", "hold": 20, "hodl": 30}]),
    ));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "steps[0].hodl");
    assert_eq!(p[0].hint.as_deref(), Some("did you mean \"hold\"?"));

    let mut v = base(json!([{"kind": "manual", "title": "m"}]));
    v["titel"] = json!("x");
    let p = problems(v);
    assert_eq!(p[0].path, "titel");
    assert_eq!(p[0].hint.as_deref(), Some("did you mean \"title\"?"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let v = json!({
        "format": "unknot.routine.v1",
        "id": "Bad Id",
        "title": "",
        "tags": ["ok", "Not OK"],
        "equipment": ["bal"],
        "steps": [
            {"kind": "stretch", "title": "s", "area": "nek", "hold": 0, "reps": 101},
            {"kind": "massage", "title": "m", "area": "foot", "technique": "rubbing", "pressure": "hard", "seconds": 3601},
            {"kind": "breathing", "title": "b", "inhale": 4.0001, "exhale": "4", "cycles": 2.5},
            {"kind": "jump", "title": "j"},
            {"title": "no kind"},
            {"kind": "exercise", "title": "e", "reps": 0, "sides": "both", "switch": 0},
            {"kind": "stretch", "title": "s", "area": "calf", "hold": 20, "switch": 5}
        ]
    });
    let got = paths(v);
    for expected in [
        "id",
        "title",
        "tags[1]",
        "equipment[0]",
        "steps[0].area",
        "steps[0].hold",
        "steps[0].reps",
        "steps[1].technique",
        "steps[1].pressure",
        "steps[1].seconds",
        "steps[2].inhale",
        "steps[2].exhale",
        "steps[2].cycles",
        "steps[3].kind",
        "steps[4].kind",
        "steps[5].reps",
        "steps[5].switch",
        "steps[6].switch",
    ] {
        assert!(
            got.contains(&expected.to_string()),
            "missing {expected} in {got:?}"
        );
    }
    assert_eq!(got.len(), 18, "{got:?}");
}

#[test]
fn vocabulary_hints() {
    let p = problems(base(
        json!([{"kind": "massage", "title": "m", "area": "lower back", "technique": "kneeding", "pressure": "firm", "seconds": 30}]),
    ));
    let hints: Vec<_> = p.iter().map(|p| p.hint.clone().unwrap()).collect();
    assert!(
        hints.contains(&"did you mean \"lower_back\"?".to_string()),
        "{hints:?}"
    );
    assert!(
        hints.contains(&"did you mean \"kneading\"?".to_string()),
        "{hints:?}"
    );
    let p = problems(base(json!([{"kind": "strech", "title": "s"}])));
    assert_eq!(p[0].hint.as_deref(), Some("did you mean \"stretch\"?"));
}

#[test]
fn time_rules() {
    let t = |x: serde_json::Value| {
        validate_routine(
            &base(json!([{"kind": "prepare", "title": "p", "seconds": x}])),
            "",
        )
    };
    assert!(t(json!(0.001)).is_ok());
    assert!(t(json!(3600)).is_ok());
    assert!(t(json!(1.125)).is_ok());
    for bad in [
        json!(0),
        json!(-1),
        json!(3600.001),
        json!(1.0005),
        json!("10"),
        json!(null),
        json!([1]),
    ] {
        assert!(t(bad.clone()).is_err(), "{bad} should fail");
    }
    // Zero is allowed where the format gives 0 as a default.
    assert!(validate_routine(
        &base(json!([{"kind": "breathing", "title": "b", "inhale": 4, "hold_in": 0, "exhale": 4, "cycles": 1}])),
        ""
    )
    .is_ok());
}

#[test]
fn count_rules() {
    let c = |x: serde_json::Value| {
        validate_routine(
            &base(
                json!([{"kind": "breathing", "title": "b", "inhale": 1, "exhale": 1, "cycles": x}]),
            ),
            "",
        )
    };
    assert!(c(json!(1)).is_ok());
    assert!(c(json!(100)).is_ok());
    for bad in [
        json!(0),
        json!(101),
        json!(-3),
        json!(2.5),
        json!("2"),
        json!(1e30),
    ] {
        assert!(c(bad.clone()).is_err(), "{bad} should fail");
    }
}

#[test]
fn step_count_limits() {
    assert_eq!(paths(base(json!([]))), vec!["steps"]);
    let many: Vec<_> = (0..201)
        .map(|_| json!({"kind": "manual", "title": "m"}))
        .collect();
    assert_eq!(paths(base(json!(many))), vec!["steps"]);
    let ok: Vec<_> = (0..200)
        .map(|_| json!({"kind": "manual", "title": "m"}))
        .collect();
    assert!(validate_routine(&base(json!(ok)), "").is_ok());
}

#[test]
fn total_timed_limit_is_four_hours() {
    let hour = json!({"kind": "rest", "title": "r", "seconds": 3600});
    assert!(validate_routine(&base(json!([hour, hour, hour, hour])), "").is_ok());
    let p = problems(base(
        json!([hour, hour, hour, hour, {"kind": "rest", "title": "r", "seconds": 1}]),
    ));
    assert_eq!(p[0].path, "steps");
    assert!(p[0].message.contains("4 hours"));
}

#[test]
fn a_set_may_not_exceed_an_hour() {
    let p = problems(base(
        json!([{"kind": "exercise", "title": "e", "reps": 100, "rep_seconds": 37}]),
    ));
    assert_eq!(p[0].path, "steps[0].rep_seconds");
}

#[test]
fn texts_may_be_multilingual() {
    let r = validate_routine(
        &json!({"format": "unknot.routine.v1", "id": "t", "title": {"en": "Hi", "de": "Hallo"},
                "steps": [{"kind": "manual", "title": {"de": "Los", "en": "Go"}}]}),
        "",
    )
    .unwrap();
    assert_eq!(r.title.get("de"), "Hallo");
    assert_eq!(r.steps[0].title.get("fr"), "Los");

    let got = paths(
        json!({"format": "unknot.routine.v1", "id": "t", "title": {},
        "cautions": [{"english": "x"}, 3],
        "steps": [{"kind": "manual", "title": {"en": 3}}]}),
    );
    assert_eq!(
        got,
        vec![
            "title",
            "cautions[0].english",
            "cautions[1]",
            "steps[0].title.en"
        ]
    );
}

#[test]
fn not_an_object() {
    assert_eq!(paths(json!([1, 2])), vec!["(document)"]);
    assert_eq!(paths(base(json!([3]))), vec!["steps[0]"]);
}

#[test]
fn embedded_paths_carry_the_base() {
    let p = validate_routine(&base(json!([{"kind": "manual"}])), "routines[2]").unwrap_err();
    assert_eq!(p[0].path, "routines[2].steps[0].title");
}

#[test]
fn parse_reports_syntax_and_size() {
    assert!(matches!(
        parse_routine("{\"format\": "),
        Err(DocumentError::Syntax { line: 1, .. })
    ));
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(MAX_FILE_BYTES));
    assert!(matches!(
        parse_routine(&big),
        Err(DocumentError::TooLarge { .. })
    ));
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "",
        "null",
        "0",
        "\"\"",
        "[]",
        "{}",
        "{\"steps\": {}}",
        "\u{feff}{}",
        "{\"format\": 1}",
        "{\"steps\": [{\"kind\": null}]}",
        "{\"steps\": [{\"kind\": \"breathing\", \"cycles\": 1e400}]}",
    ];
    for i in inputs {
        assert!(parse_routine(i).is_err(), "{i}");
    }
    let nested = format!("{}{}", "{\"a\":".repeat(5000), "}".repeat(5000));
    assert!(parse_routine(&nested).is_err());
    // Truncations of a valid document are all errors, none panic.
    let valid = crate::library::builtin_json("box-breathing")
        .unwrap()
        .trim_end();
    for end in 0..valid.len() {
        if valid.is_char_boundary(end) {
            assert!(parse_routine(&valid[..end]).is_err());
        }
    }
}

#[test]
fn serialised_routines_validate_again() {
    for r in crate::library::builtin_routines() {
        let text = serde_json::to_string(r).unwrap();
        assert_eq!(&parse_routine(&text).unwrap(), r);
    }
    let r = validate_routine(
        &base(json!([
            {"kind": "stretch", "title": "s", "area": "calf", "hold": 20.5, "reps": 2, "sides": "both", "switch": 3},
            {"kind": "exercise", "title": "e", "reps": 5, "sets": 3, "rest": 2, "sides": "right"},
            {"kind": "massage", "title": "m", "area": "foot", "technique": "rolling", "pressure": "light", "seconds": 30, "pace": 7.5}
        ])),
        "",
    )
    .unwrap();
    assert_eq!(
        parse_routine(&serde_json::to_string(&r).unwrap()).unwrap(),
        r
    );
}
