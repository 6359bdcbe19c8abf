//! The CLI's program commands and exit codes, run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples")
}

fn example(name: &str) -> String {
    examples().join(name).to_string_lossy().into_owned()
}

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

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("unknot-program-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_exit_codes() {
    let dir = temp_dir("validate");
    let bad = dir.join("bad.unknot");
    std::fs::write(
        &bad,
        r#"{"format": "unknot.program.v1", "id": "b", "title": "B", "start": "2025-03-03", "weeks": 2,
           "routines": [{"builtin": "box-breathin"}], "schedule": [{"routine": "box-breathing", "days": "daily"}]}"#,
    )
    .unwrap();
    let bad = bad.to_string_lossy().into_owned();

    let o = unknot(&["program", "validate", &example("calm-breathing.unknot")]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");

    let o = unknot(&["program", "validate", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l
            == format!("{bad}: routines[0].builtin: \"box-breathin\" is not a built-in routine (did you mean \"box-breathing\"?)")),
        "{out}"
    );

    let o = unknot(&["program", "validate", "/no/such/file.unknot"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn share_import_and_today() {
    let dir = temp_dir("share");
    let data = dir.join("data");
    let data_s = data.to_string_lossy().into_owned();
    let file = example("heel-pain-progression.unknot");

    let o = unknot(&["program", "share", &file, "--code"]);
    assert!(o.status.success());
    let code = stdout(&o).trim().to_string();
    assert!(code.starts_with("UK1:"));
    assert_eq!(stdout(&o).lines().count(), 1);

    // Terminal QR, SVG and PNG.
    let svg = dir.join("q.svg");
    let png = dir.join("q.png");
    let o = unknot(&[
        "program",
        "share",
        &file,
        "--svg",
        &svg.to_string_lossy(),
        "--png",
        &png.to_string_lossy(),
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains('▀') || out.contains('█'), "{out}");
    assert!(out.contains(&code));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");

    // show reads codes as well as files.
    let o = unknot(&["program", "show", &code]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("calf-and-foot              5:35 →   9:35"),
        "{}",
        stdout(&o)
    );

    // Nothing imported yet: today is an I/O error.
    let o = unknot(&["--data-dir", &data_s, "today", "--date", "2025-03-12"]);
    assert_eq!(o.status.code(), Some(2));

    let o = unknot(&["--data-dir", &data_s, "program", "import", &code]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(data.join("active-program.unknot").exists());

    let o = unknot(&[
        "--data-dir",
        &data_s,
        "today",
        "--date",
        "2025-03-12",
        "--json",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["status"], "active");
    assert_eq!(v["week"], 2);
    assert_eq!(v["date"], "2025-03-12");
    // The same answer as the apps' Today screen (`Journal.today`).
    assert_eq!(v["heading"], "Week 2 of 8");
    let r = &v["routines"][0];
    assert_eq!(r["routine"], "calf-and-foot");
    assert_eq!(
        (r["due_today"].as_i64(), r["left_today"].as_i64()),
        (Some(2), Some(2))
    );
    assert_eq!(r["shown"], true);
    assert_eq!(r["action"], "start");
    assert_eq!(r["action_label"], "Start");
    assert_eq!(r["today_text"], "0 of 2 done today");
    assert!(r["week_text"].is_null());
    assert_eq!(r["timed_ms"], 335_000);
    assert_eq!(v["routines"][2]["left_this_week"], 2);
    assert_eq!(v["routines"][2]["week_text"], "2 more this week");

    let o = unknot(&[
        "--data-dir",
        &data_s,
        "today",
        "--date",
        "2025-03-01",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["status"], "not_started");
    assert!(v["week"].is_null());
    assert_eq!(v["routines"], serde_json::json!([]));
    assert_eq!(v["message"], "Your program starts on Monday 3 March 2025.");

    let o = unknot(&["--data-dir", &data_s, "today", "--date", "2025-06-01"]);
    assert!(stdout(&o).contains("ended"), "{}", stdout(&o));

    let o = unknot(&["--data-dir", &data_s, "today", "--date", "2025-02-30"]);
    assert_eq!(o.status.code(), Some(2));

    // A damaged code is refused and the active program is kept.
    let mut damaged = code.clone();
    damaged.truncate(code.len() / 3 * 2);
    let o = unknot(&["--data-dir", &data_s, "program", "import", &damaged]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("code: (code): "), "{}", stdout(&o));
    assert!(std::fs::read_to_string(data.join("active-program.unknot"))
        .unwrap()
        .contains("heel-pain-8w"));
}

#[test]
fn handout_is_a_self_contained_page() {
    let dir = temp_dir("handout");
    let html = dir.join("handout.html");
    let o = unknot(&[
        "program",
        "handout",
        &example("heel-pain-progression.unknot"),
        "--html",
        &html.to_string_lossy(),
    ]);
    assert!(o.status.success());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("@media print"));
    assert!(page.contains("<svg"));
    assert!(page.contains("Wall calf stretch"));
    assert!(page.contains("heel is hot"));
    assert!(page.contains("The stretches get a little longer"));
    assert!(page.contains("2× a week, on any days"));
    assert!(!page.contains("<script"));
    assert!(!page.contains("http://") || page.contains("http://www.w3.org/2000/svg"));
}
