//! The published JSON Schema accepts every built-in routine and rejects
//! documents the validator rejects for the rules a schema can express.

use serde_json::{json, Value};

fn validator() -> jsonschema::Validator {
    let text = include_str!("../../docs/routine.schema.json");
    let schema: Value = serde_json::from_str(text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn every_builtin_routine_matches_the_schema() {
    let v = validator();
    let files = unknot_core::library::builtin_files();
    assert!(files.len() >= 2);
    for (id, text) in files {
        let doc: Value = serde_json::from_str(text).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_what_the_validator_rejects() {
    let v = validator();
    let ok = json!({"format": "unknot.routine.v1", "id": "x", "title": "X",
                    "steps": [{"kind": "stretch", "title": "s", "area": "calf", "hold": 30, "sides": "both", "switch": 5}]});
    assert!(v.is_valid(&ok));
    assert!(unknot_core::validate::validate_routine(&ok, "").is_ok());
    let mut cases = Vec::new();
    let mut c = ok.clone();
    c["steps"][0]["hodl"] = json!(3);
    cases.push(c);
    let mut c = ok.clone();
    c["steps"][0]["sides"] = json!("left");
    cases.push(c);
    let mut c = ok.clone();
    c["steps"][0]["area"] = json!("nek");
    cases.push(c);
    let mut c = ok.clone();
    c["format"] = json!("unknot.routine.v2");
    cases.push(c);
    let mut c = ok.clone();
    c["steps"] = json!([]);
    cases.push(c);
    let mut c = ok;
    c["id"] = json!("Bad Id");
    cases.push(c);
    for c in cases {
        assert!(!v.is_valid(&c), "schema accepted {c}");
        assert!(
            unknot_core::validate::validate_routine(&c, "").is_err(),
            "validator accepted {c}"
        );
    }
}
