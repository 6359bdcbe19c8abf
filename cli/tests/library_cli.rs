//! The CLI's library commands and exit codes, run as a user would.

use std::path::PathBuf;
use std::process::{Command, Output};

fn unknot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unknot"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .output()
        .expect("run unknot")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unknot-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

#[test]
fn routines_lists_every_builtin_with_duration() {
    let o = unknot(&["routines"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.starts_with("box-breathing "))
        .expect("box-breathing listed");
    let expected =
        unknot_core::build_timeline(unknot_core::builtin("box-breathing").unwrap(), "en").timed_ms
            / 1000;
    assert!(
        line.contains(&format!("{}:{:02}", expected / 60, expected % 60)),
        "{line}"
    );
    assert!(line.contains("breathing"), "{line}");
    assert_eq!(out.lines().count(), unknot_core::builtin_routines().len());
}

#[test]
fn validate_exit_codes() {
    let good = temp_file(
        "good.json",
        r#"{"format": "unknot.routine.v1", "id": "good", "title": "Good", "steps": [{"kind": "prepare", "title": "Ready", "seconds": 5}]}"#,
    );
    let bad = temp_file(
        "bad.json",
        r#"{"format": "unknot.routine.v1", "id": "bad", "title": "Bad", "steps": [{"kind": "stretch", "title": "s", "area": "neck", "hodl": 20}]}"#,
    );
    let broken = temp_file(
        "broken.json",
        "{\n  \"format\": \"unknot.routine.v1\",\n  \"id\": \n}",
    );
    let (good, bad, broken) = (
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        broken.to_str().unwrap(),
    );

    let o = unknot(&["validate", good]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");

    let o = unknot(&["validate", good, bad]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines.contains(
            &format!("{bad}: steps[0].hodl: unknown field \"hodl\" (did you mean \"hold\"?)")
                .as_str()
        ),
        "{out}"
    );
    assert!(
        lines.contains(&format!("{bad}: steps[0].hold: \"hold\" is required").as_str()),
        "{out}"
    );

    let o = unknot(&["validate", broken]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with(&format!("{broken}: line 4, column 1: ")),
        "{}",
        stdout(&o)
    );

    let o = unknot(&["validate", good, "/nonexistent/routine.json"]);
    assert_eq!(o.status.code(), Some(2));
    let o = unknot(&["validate"]);
    assert_eq!(o.status.code(), Some(2));
    let o = unknot(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn validate_accepts_every_builtin_file() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/routines");
    let files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let o = unknot(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn plan_json_has_the_documented_shape() {
    let o = unknot(&["plan", "box-breathing", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["routine"], "box-breathing");
    let segments = v["segments"].as_array().unwrap();
    let mut at = 0;
    for (i, s) in segments.iter().enumerate() {
        let keys: Vec<_> = s.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "index",
                "step",
                "kind",
                "side",
                "rep",
                "cycle",
                "start_ms",
                "duration_ms",
                "say"
            ]
        );
        assert_eq!(s["index"], i);
        assert_eq!(s["start_ms"], at);
        at += s["duration_ms"].as_u64().unwrap_or(0);
    }
    assert_eq!(v["timed_ms"], at);
    assert_eq!(v["untimed"], 0);
    let inhales = segments.iter().filter(|s| s["kind"] == "inhale").count();
    assert_eq!(inhales, 6);
    assert!(segments.iter().all(|s| s["side"].is_null()));
}

#[test]
fn plan_json_of_a_file_with_sides_and_untimed_steps() {
    let f = temp_file(
        "sided.json",
        r#"{"format": "unknot.routine.v1", "id": "sided", "title": "Sided", "steps": [
            {"kind": "manual", "title": "Fetch the ball"},
            {"kind": "stretch", "title": "Calf", "area": "calf", "hold": 30, "reps": 2, "rest": 10, "sides": "both", "switch": 8}]}"#,
    );
    let o = unknot(&["plan", f.to_str().unwrap(), "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["untimed"], 1);
    assert_eq!(v["timed_ms"], 2 * 70_000 + 8_000);
    let s = &v["segments"];
    assert_eq!(s[0]["duration_ms"], serde_json::Value::Null);
    assert_eq!(s[1]["side"], "left");
    assert_eq!(s[1]["rep"], 1);
    assert_eq!(s[3]["rep"], 2);
    assert_eq!(s[4]["kind"], "switch");
    assert_eq!(s[4]["side"], serde_json::Value::Null);
    assert_eq!(s[5]["side"], "right");
    assert_eq!(s[1]["cycle"], serde_json::Value::Null);
}

#[test]
fn show_and_plan_handle_bad_arguments() {
    let o = unknot(&["show", "no-such-routine"]);
    assert_eq!(o.status.code(), Some(2));
    let bad = temp_file("bad-show.json", r#"{"format": "x"}"#);
    let o = unknot(&["show", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = unknot(&["show", "box-breathing"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("breathing"));
}

#[test]
fn lang_flag_and_environment_pick_the_language() {
    let o = unknot(&["plan", "box-breathing", "--json", "--lang", "de"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first_inhale = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "inhale")
        .unwrap()
        .clone();
    assert!(
        first_inhale["say"].as_str().unwrap().contains("Einatmen"),
        "{first_inhale}"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_unknot"))
        .args(["plan", "box-breathing", "--json"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first_inhale = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "inhale")
        .unwrap()
        .clone();
    assert!(
        first_inhale["say"].as_str().unwrap().contains("Inhala"),
        "{first_inhale}"
    );
}

#[test]
fn routines_search_and_filters_use_the_core() {
    let o = unknot(&[
        "--lang",
        "de",
        "routines",
        "--search",
        "RUCKEN",
        "--max-minutes",
        "8",
    ]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("low-back"), "{out}");
    assert!(
        !out.contains("desk-upper-back"),
        "8:10 is over 8 minutes: {out}"
    );
    let o = unknot(&["routines", "--area", "foot", "--tool", "ball"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("plantar-fascia") && !out.contains("box-breathing"),
        "{out}"
    );
    let o = unknot(&["routines", "--search", "zzzz"]);
    assert_eq!(o.status.code(), Some(1));
}
