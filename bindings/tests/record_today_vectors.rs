//! Plays the recording vectors (`tests/vectors/record/`) and the Today
//! vectors (`tests/vectors/today/`) through the exported API: a scripted
//! session recorded into a journal, and the Today screen over a run of
//! dates with sessions recorded in between.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use unknot_ffi::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &str) -> Vec<Value> {
    let mut paths: Vec<PathBuf> = fs::read_dir(root().join("tests/vectors").join(dir))
        .expect("vector folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no vectors in {dir}");
    paths
        .iter()
        .map(|p| serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

fn pressure_word(p: Option<PressureFeedback>) -> Value {
    match p {
        None => Value::Null,
        Some(PressureFeedback::TooLight) => json!("too_light"),
        Some(PressureFeedback::Right) => json!("right"),
        Some(PressureFeedback::TooFirm) => json!("too_firm"),
    }
}

fn pressure_of(v: &Value) -> Option<PressureFeedback> {
    match v.as_str()? {
        "too_light" => Some(PressureFeedback::TooLight),
        "right" => Some(PressureFeedback::Right),
        "too_firm" => Some(PressureFeedback::TooFirm),
        other => panic!("pressure {other}"),
    }
}

fn int(v: &Value) -> Option<i32> {
    v.as_i64().map(|n| n as i32)
}

#[test]
fn every_recording_vector_gives_its_entry() {
    for v in files("record") {
        let name = v["name"].as_str().unwrap();
        let player = Player::from_json(
            serde_json::to_string(&v["routine"]["json"]).unwrap(),
            v["lang"].as_str().unwrap().into(),
        )
        .unwrap();
        if let Some(st) = v["start"].as_object() {
            player
                .begin(
                    st["at_ms"].as_i64().unwrap(),
                    SessionStart {
                        wall_ms: st["wall_ms"].as_i64().unwrap(),
                        utc_offset_min: int(&st["utc_offset_min"]).unwrap(),
                        pain_before: int(&st["pain_before"]),
                    },
                )
                .unwrap();
        }
        let mut ignored = Vec::new();
        for (i, e) in v["script"].as_array().unwrap().iter().enumerate() {
            let at = e["at_ms"].as_i64().unwrap();
            let u = match e["do"].as_str().unwrap() {
                "start" => player.start(at),
                "pause" => player.pause(at),
                "resume" => player.resume(at),
                "next" => player.next(at),
                "continue" => player.proceed(at),
                "stop" => player.stop(at),
                "tick" => player.tick(at),
                "too_much" => player.mark_too_much(at),
                other => panic!("{name}: unknown command {other}"),
            };
            if u.ignored.is_some() {
                ignored.push(i as i64);
            }
        }
        assert_eq!(json!(ignored), v["expect"]["ignored"], "{name}: ignored");
        let r = &v["record"];
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path().join("j.sqlite").to_string_lossy().into()).unwrap();
        let id = j
            .record_session(
                player,
                SessionReport {
                    pain_after: int(&r["pain_after"]),
                    pressure: pressure_of(&r["pressure"]),
                    note: r["note"].as_str().map(str::to_string),
                },
                r["at_ms"].as_i64().unwrap(),
                r["wall_ms"].as_i64().unwrap(),
                int(&r["utc_offset_min"]).unwrap(),
            )
            .unwrap();
        let e = j.session(id).unwrap().unwrap().entry;
        let got = json!({
            "routine_id": e.routine_id, "routine_title": e.routine_title,
            "program_id": e.program_id,
            "outcome": match e.outcome { SessionOutcome::Completed => "completed", SessionOutcome::Stopped => "stopped" },
            "start_ms": e.start_ms, "end_ms": e.end_ms, "utc_offset_min": e.utc_offset_min,
            "active_ms": e.active_ms, "steps_completed": e.steps_completed,
            "steps_skipped": e.steps_skipped, "pain_before": e.pain_before,
            "pain_after": e.pain_after, "pressure": pressure_word(e.pressure),
            "discomfort": e.discomfort.iter().map(|m| json!([m.step, m.position_ms])).collect::<Vec<_>>(),
            "note": e.note,
        });
        assert_eq!(got, v["expect"]["entry"], "{name}: entry");
    }
}

fn action_word(a: TodayAction) -> &'static str {
    match a {
        TodayAction::Start => "start",
        TodayAction::DoAgain => "do_again",
        TodayAction::None => "none",
    }
}

fn status_word(s: ProgramStatus) -> &'static str {
    match s {
        ProgramStatus::NotStarted => "not_started",
        ProgramStatus::Active => "active",
        ProgramStatus::Ended => "ended",
    }
}

#[test]
fn every_today_vector_answers_each_day() {
    for v in files("today") {
        let name = v["name"].as_str().unwrap();
        let program =
            fs::read_to_string(root().join(v["program"]["file"].as_str().unwrap())).unwrap();
        let id = parse_program(program.clone(), "en".into()).unwrap().id;
        let lang = v["lang"].as_str().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path().join("j.sqlite").to_string_lossy().into()).unwrap();
        for (i, d) in v["days"].as_array().unwrap().iter().enumerate() {
            let t = j
                .today(
                    program.clone(),
                    d["date"].as_str().unwrap().into(),
                    lang.into(),
                )
                .unwrap();
            let got = json!({
                "status": status_word(t.status), "week": t.week, "heading": t.heading,
                "message": t.message,
                "routines": t.routines.iter().map(|r| json!({
                    "routine": r.routine_id, "shown": r.shown, "due_today": r.due_today,
                    "done_today": r.done_today, "left_today": r.left_today,
                    "left_this_week": r.left_this_week, "action": action_word(r.action),
                    "today_text": r.today_text, "week_text": r.week_text,
                })).collect::<Vec<_>>(),
            });
            assert_eq!(got, d["expect"], "{name}: day {i} ({})", d["date"]);
            for s in d["then_record"].as_array().into_iter().flatten() {
                let start = s["start_ms"].as_i64().unwrap();
                j.record(SessionEntry {
                    routine_id: s["routine"].as_str().unwrap().into(),
                    routine_title: "Session".into(),
                    program_id: Some(id.clone()),
                    start_ms: start,
                    end_ms: start + 60_000,
                    utc_offset_min: int(&s["utc_offset_min"]).unwrap(),
                    active_ms: 60_000,
                    outcome: SessionOutcome::Completed,
                    steps_completed: 1,
                    steps_skipped: 0,
                    pain_before: None,
                    pain_after: None,
                    pressure: None,
                    discomfort: Vec::new(),
                    note: None,
                })
                .unwrap();
            }
        }
    }
}
