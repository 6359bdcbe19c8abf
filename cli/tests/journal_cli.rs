//! The journal commands, run as a user would, against a temporary data
//! directory.

use std::path::Path;
use std::process::{Command, Output};

fn unknot(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unknot"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("UNKNOT_DATA_DIR")
        .env("LANG", "C")
        .env("TZ", "UTC")
        .output()
        .expect("run unknot")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn add(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["journal", "add"];
    args.extend_from_slice(extra);
    unknot(dir, &args)
}

#[test]
fn sessions_added_show_in_log_stats_exports_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = add(
        d,
        &[
            "--routine",
            "box-breathing",
            "--start",
            "2024-05-03T07:30:00+02:00",
            "--minutes",
            "6.5",
            "--pain-before",
            "5",
            "--pain-after",
            "3",
            "--pressure",
            "right",
            "--note",
            "<b>heel</b> better",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout(&o).trim(), "1");
    // Milliseconds work too (offset: the machine's, UTC here).
    let o = add(
        d,
        &[
            "--routine",
            "calf-release",
            "--start",
            "1714816800000",
            "--minutes",
            "8",
            "--pain-before",
            "4",
            "--pain-after",
            "8",
            "--stopped",
        ],
    );
    assert_eq!(stdout(&o).trim(), "2");

    let log = stdout(&unknot(d, &["log"]));
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("2024-05-04 10:00") && lines[0].contains("Calf release"));
    assert!(lines[0].contains("stopped") && lines[0].contains("pain 4→8"));
    assert!(lines[1].contains("2024-05-03 07:30") && lines[1].contains("6:30"));

    let o = unknot(d, &["stats", "--json", "--today", "2024-05-04"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let s = &v["summary"];
    assert_eq!(s["sessions"], 2);
    assert_eq!(s["completed"], 1);
    assert_eq!(s["streak"]["days"], 2);
    assert_eq!(s["streak"]["done_today"], true);
    assert_eq!(s["flags"][0]["kind"], "above_limit");
    assert_eq!(s["flags"][0]["dates"][0], "2024-05-04");
    let text = stdout(&unknot(d, &["stats", "--today", "2024-05-06"]));
    assert!(text.contains("Streak: 0 day(s)"), "{text}");
    assert!(
        text.contains("FLAG: Pain 8/10 after \"Calf release\""),
        "{text}"
    );

    let csv = d.join("out.csv");
    let fhir = d.join("out.json");
    let o = unknot(
        d,
        &[
            "export",
            "--csv",
            csv.to_str().unwrap(),
            "--fhir",
            fhir.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    let csv = std::fs::read_to_string(csv).unwrap();
    assert_eq!(csv.lines().count(), 3);
    assert!(csv.contains("2024-05-03T07:30:00+02:00"));
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fhir).unwrap()).unwrap();
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    assert_eq!(b["entry"].as_array().unwrap().len(), 6);

    let html = d.join("report.html");
    let o = unknot(
        d,
        &[
            "report",
            "--html",
            html.to_str().unwrap(),
            "--today",
            "2024-05-04",
        ],
    );
    assert!(o.status.success());
    let page = std::fs::read_to_string(html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("&lt;b&gt;heel&lt;/b&gt; better"));
    assert!(page.contains("<svg"));
}

#[test]
fn bad_sessions_are_refused_with_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let o = add(
        dir.path(),
        &[
            "--routine",
            "Not A Slug",
            "--start",
            "0",
            "--minutes",
            "3",
            "--pain-before",
            "11",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("not a slug"), "{out}");
    assert!(out.contains("pain before is 11"), "{out}");
    let o = add(
        dir.path(),
        &["--routine", "x", "--start", "yesterday", "--minutes", "3"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("--start"));
    assert!(stdout(&unknot(dir.path(), &["log"])).contains("No sessions yet."));
}

#[test]
fn a_journal_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journal.sqlite3");
    make_newer_journal(&file);
    let before = std::fs::read(&file).unwrap();
    let o = unknot(dir.path(), &["log"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("newer version of Unknot"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// Makes a journal, then marks it as written by a future schema version by
/// patching `user_version` (bytes 60..64 of the SQLite header).
fn make_newer_journal(file: &Path) {
    let dir = file.parent().unwrap();
    let o = add(
        dir,
        &[
            "--routine",
            "box-breathing",
            "--start",
            "0",
            "--minutes",
            "1",
        ],
    );
    assert!(o.status.success());
    let mut bytes = std::fs::read(file).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(file, bytes).unwrap();
}
