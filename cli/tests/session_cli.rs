//! `unknot play` without a terminal and `unknot simulate`.

use std::process::{Command, Output, Stdio};

fn unknot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unknot"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .output()
        .expect("run unknot")
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("unknot-session-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn play_without_a_terminal_prints_spoken_cues() {
    let data = std::env::temp_dir().join(format!("unknot-play-{}", std::process::id()));
    let o = unknot(&[
        "play",
        "box-breathing",
        "--speed",
        "200",
        "--data-dir",
        data.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        !out.contains('\x1b') && !out.contains('\x07'),
        "escape codes in {out:?}"
    );
    let lines: Vec<_> = out.lines().collect();
    assert!(lines[0].starts_with("[0:00] "), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("[0:10] ") && l.contains("Breathe in")),
        "{out}"
    );
    assert!(lines.last().unwrap().contains("complete"), "{out}");
    // The safety screen is shown before the first session (on stderr).
    assert!(String::from_utf8_lossy(&o.stderr).contains("clot"));
    // The finished session is in the journal.
    let log = unknot(&["log", "--data-dir", data.to_str().unwrap()]);
    assert_eq!(log.status.code(), Some(0));
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(
        log.contains("box-breathing") || log.contains("Box breathing"),
        "{log}"
    );
}

#[test]
fn play_rejects_a_bad_speed_and_unknown_routine() {
    assert_eq!(
        unknot(&["play", "box-breathing", "--speed", "0"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(unknot(&["play", "nope"]).status.code(), Some(2));
}

#[test]
fn simulate_prints_cues_ignored_frames_and_end() {
    let script = temp(
        "s.json",
        r#"[{"at_ms": 1000, "do": "start"}, {"at_ms": 1000, "do": "resume"},
            {"at_ms": 6000, "do": "pause"}, {"at_ms": 16000, "do": "resume"},
            {"at_ms": 400000, "do": "tick"}]"#,
    );
    let o = unknot(&["simulate", "box-breathing", "--script", &script]);
    assert_eq!(o.status.code(), Some(0));
    let l = lines(&o);
    assert_eq!(l[0]["type"], "cue");
    assert_eq!(l[0]["due_ms"], 1000);
    assert_eq!(l[0]["speak"], true);
    assert_eq!(l[1]["type"], "frame");
    assert_eq!(l[1]["next_wake_ms"], 8000);
    let ignored = l.iter().find(|v| v["type"] == "ignored").unwrap();
    assert_eq!(ignored["do"], "resume");
    assert_eq!(ignored["reason"], "not paused");
    let end = l.last().unwrap();
    assert_eq!(end["type"], "end");
    assert_eq!(end["status"], "finished");
    assert_eq!(end["paused_ms"], 10_000);
    assert_eq!(end["position_ms"], end["timed_ms"]);
    let finished = l.iter().find(|v| v["kind"] == "finished").unwrap();
    assert_eq!(
        finished["due_ms"],
        1000 + end["timed_ms"].as_u64().unwrap() + 10_000
    );
    let keys: Vec<_> = l[1].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "type",
            "at_ms",
            "status",
            "step",
            "segment",
            "position_ms",
            "remaining_ms",
            "segment_remaining_ms",
            "next_wake_ms"
        ]
    );
}

#[test]
fn simulate_refuses_malformed_scripts_naming_the_entry() {
    let bad = temp(
        "bad.json",
        r#"[{"at_ms": 5, "do": "start"}, {"at_ms": 1, "do": "tick"}]"#,
    );
    let o = unknot(&["simulate", "box-breathing", "--script", &bad]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("script entry 1"));
    let o = unknot(&["simulate", "box-breathing", "--script", "/nonexistent.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_played_routine_of_the_active_program_counts_as_done_today() {
    // Today's date in UTC, as the session's record sees it with TZ=UTC.
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        / 86_400;
    let today = unknot_core::CivilDate::from_day_number(days)
        .unwrap()
        .to_string();
    let program = temp(
        "today.unknot",
        &format!(
            r#"{{"format": "unknot.program.v1", "id": "daily-box", "title": "Daily box", "start": "{today}", "weeks": 2,
                "routines": [{{"builtin": "box-breathing"}}],
                "schedule": [{{"routine": "box-breathing", "days": "daily", "per_day": 2}}]}}"#
        ),
    );
    let data = std::env::temp_dir().join(format!("unknot-today-{}", std::process::id()));
    let data = data.to_str().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_unknot"))
            .args(args)
            .args(["--data-dir", data])
            .env("TZ", "UTC")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    assert_eq!(run(&["program", "import", &program]).status.code(), Some(0));
    assert_eq!(
        run(&["play", "box-breathing", "--speed", "1000"])
            .status
            .code(),
        Some(0)
    );
    let o = run(&["today", "--date", &today, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["status"], "active", "{v}");
    let r = &v["routines"][0];
    assert_eq!(r["routine"], "box-breathing");
    assert_eq!(r["due_today"], 2);
    assert_eq!(r["done_today"], 1, "{v}");
    assert_eq!(r["action"], "start", "one of two left today");
    // The core recorded it: completed, for the program, over the 2:06 it ran.
    let csv = std::path::Path::new(data).join("sessions.csv");
    let o = run(&["export", "--csv", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let csv = std::fs::read_to_string(csv).unwrap();
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[5], "box-breathing", "{csv}");
    assert_eq!(row[7], "daily-box", "{csv}");
    assert_eq!(row[8], "completed", "{csv}");
    assert_eq!(row[9], "2.1", "{csv}");
}

#[test]
fn play_says_plainly_what_a_cue_style_cannot_do_here() {
    let data = std::env::temp_dir().join(format!("unknot-play-cues-{}", std::process::id()));
    let empty = data.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let run = |style: &str| {
        Command::new(env!("CARGO_BIN_EXE_unknot"))
            .args(["play", "box-breathing", "--speed", "500", "--cues", style])
            .args(["--data-dir", data.to_str().unwrap()])
            .env("LANG", "C")
            .env("PATH", &empty)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    for (style, says) in [
        ("tones", "no sound player found"),
        ("vibration", "vibration has no effect on a terminal"),
        ("voice", "neither espeak-ng nor say is installed"),
    ] {
        let o = run(style);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{style}: {err}");
        assert!(err.contains(says), "{style}: {err}");
        // The session still plays: one line per cue.
        assert!(String::from_utf8_lossy(&o.stdout).contains("Breathe in"));
    }
    let bad = run("loud");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("tones"));
    let both = unknot(&["play", "box-breathing", "--voice", "--cues", "tones"]);
    assert_eq!(both.status.code(), Some(2));
}
