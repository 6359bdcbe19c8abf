//! Plays every conformance vector in `tests/vectors/` through the exported
//! `Player` API and checks the cues, ignored commands and final frame.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use unknot_ffi::{Cue, CueKind, Frame, Player, RoutineSource, Status, Update};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn kind_word(k: CueKind) -> &'static str {
    match k {
        CueKind::Segment => "segment",
        CueKind::Halfway => "halfway",
        CueKind::Countdown => "countdown",
        CueKind::Finished => "finished",
    }
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Ready => "ready",
        Status::Running => "running",
        Status::Paused => "paused",
        Status::Waiting => "waiting",
        Status::Finished => "finished",
        Status::Stopped => "stopped",
    }
}

fn player_for(v: &Value) -> std::sync::Arc<Player> {
    let lang = v["lang"].as_str().expect("lang").to_string();
    let routine = &v["routine"];
    let source = if let Some(id) = routine["builtin"].as_str() {
        RoutineSource::Builtin { id: id.into() }
    } else {
        RoutineSource::Json {
            json: serde_json::to_string(&routine["json"]).expect("routine json"),
        }
    };
    Player::new(source, lang).expect("vector routine loads")
}

fn run(player: &Player, entry: &Value) -> Update {
    let at = entry["at_ms"].as_i64().expect("at_ms");
    match entry["do"].as_str().expect("do") {
        "start" => player.start(at),
        "pause" => player.pause(at),
        "resume" => player.resume(at),
        "next" => player.next(at),
        "previous" => player.previous(at),
        "restart_step" => player.restart_step(at),
        "extend" => player.extend(at, entry["ms"].as_i64().expect("ms")),
        "continue" => player.proceed(at),
        "stop" => player.stop(at),
        "tick" => player.tick(at),
        other => panic!("unknown command {other:?}"),
    }
}

fn cue_mismatch(i: usize, want: &Value, got: &Cue) -> Option<String> {
    let mut diffs = Vec::new();
    let mut num = |field: &str, g: i64| {
        if want[field].as_i64() != Some(g) {
            diffs.push(format!("{field}: want {} got {g}", want[field]));
        }
    };
    num("due_ms", got.due_ms);
    num("at_ms", got.at_ms);
    num("segment", got.segment.into());
    num("step", got.step.into());
    if want["kind"].as_str() != Some(kind_word(got.kind)) {
        diffs.push(format!(
            "kind: want {} got {}",
            want["kind"],
            kind_word(got.kind)
        ));
    }
    if want["speak"].as_bool() != Some(got.speak) {
        diffs.push(format!("speak: want {} got {}", want["speak"], got.speak));
    }
    if let Some(say) = want.get("say").and_then(Value::as_str) {
        if say != got.say {
            diffs.push(format!("say: want {say:?} got {:?}", got.say));
        }
    }
    (!diffs.is_empty()).then(|| format!("cue {i}: {}", diffs.join(", ")))
}

fn frame_mismatches(want: &Value, got: &Frame) -> Vec<String> {
    let mut diffs = Vec::new();
    if want["status"].as_str() != Some(status_word(got.status)) {
        diffs.push(format!(
            "frame.status: want {} got {}",
            want["status"],
            status_word(got.status)
        ));
    }
    let fields: [(&str, Option<i64>); 6] = [
        ("step", Some(got.step.into())),
        ("segment", Some(got.segment.into())),
        ("position_ms", Some(got.position_ms)),
        ("remaining_ms", Some(got.remaining_ms)),
        ("paused_ms", Some(got.paused_ms)),
        ("next_wake_ms", got.next_wake_ms),
    ];
    for (field, g) in fields {
        if want[field].as_i64() != g {
            diffs.push(format!("frame.{field}: want {} got {g:?}", want[field]));
        }
    }
    diffs
}

/// Every difference between what the vector expects and what the player does.
fn check(v: &Value) -> Vec<String> {
    let player = player_for(v);
    let mut cues = Vec::new();
    let mut ignored = Vec::new();
    let mut last = None;
    let mut problems = Vec::new();
    for (i, entry) in v["script"].as_array().expect("script").iter().enumerate() {
        let update = run(&player, entry);
        if let Some(reason) = &update.ignored {
            assert!(!reason.is_empty(), "an ignored command names its reason");
            ignored.push(i as i64);
        }
        // The frame of every update is the one `frame()` returns afterwards.
        if update.frame != player.frame() {
            problems.push(format!("script {i}: update frame differs from frame()"));
        }
        cues.extend(update.cues);
        last = Some(update.frame);
    }
    let want_ignored: Vec<i64> = v["expect"]["ignored"]
        .as_array()
        .expect("ignored")
        .iter()
        .map(|x| x.as_i64().expect("index"))
        .collect();
    if want_ignored != ignored {
        problems.push(format!("ignored: want {want_ignored:?} got {ignored:?}"));
    }
    let want_cues = v["expect"]["cues"].as_array().expect("cues");
    if want_cues.len() != cues.len() {
        problems.push(format!(
            "cue count: want {} got {}",
            want_cues.len(),
            cues.len()
        ));
    }
    for (i, (w, g)) in want_cues.iter().zip(&cues).enumerate() {
        problems.extend(cue_mismatch(i, w, g));
    }
    if cues.len() > want_cues.len() {
        for (i, c) in cues.iter().enumerate().skip(want_cues.len()) {
            problems.push(format!("extra cue {i}: {c:?}"));
        }
    }
    problems.extend(frame_mismatches(
        &v["expect"]["frame"],
        &last.expect("a script has commands"),
    ));
    problems
}

#[test]
fn every_vector_plays_as_expected() {
    let mut files: Vec<PathBuf> = fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 7,
        "expected the vector files, found {files:?}"
    );
    let mut failures = Vec::new();
    for file in &files {
        let v: Value = serde_json::from_str(&fs::read_to_string(file).expect("readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for p in check(&v) {
            failures.push(format!("{}: {p}", v["name"].as_str().unwrap_or("?")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn snapshot_round_trips_mid_vector() {
    let v: Value = serde_json::from_str(
        &fs::read_to_string(vectors_dir().join("calf-pause-resume.json")).expect("readable"),
    )
    .expect("json");
    let player = player_for(&v);
    player.start(0);
    player.pause(5000);
    let saved = player.snapshot();
    let source = RoutineSource::Json {
        json: serde_json::to_string(&v["routine"]["json"]).expect("json"),
    };
    let back = Player::restore(source, "en".into(), saved, 5000).expect("restores");
    assert_eq!(back.frame(), player.frame());
    assert_eq!(back.resume(15000), player.resume(15000));
    assert_eq!(back.tick(17000), player.tick(17000));
    let wrong = Player::restore(
        RoutineSource::Builtin {
            id: "box-breathing".into(),
        },
        "en".into(),
        back.snapshot(),
        17000,
    );
    assert!(matches!(
        wrong,
        Err(unknot_ffi::UnknotError::BadSnapshot { .. })
    ));
}
