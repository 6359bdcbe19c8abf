//! The journal object: sessions, checkpoints and resuming, stats, exports
//! and the report, on real database files in a temporary folder.

use std::sync::Arc;

use unknot_ffi::*;

const HEEL: &str = include_str!("../../docs/examples/heel-pain-progression.unknot");
/// 2025-03-03T08:00:00Z, a Monday in the program's first week.
const MON_8AM: i64 = 1_740_988_800_000;
const DAY: i64 = 86_400_000;

fn s(v: &str) -> String {
    v.to_string()
}

fn entry(routine: &str, start_ms: i64, before: i32, after: i32) -> SessionEntry {
    SessionEntry {
        routine_id: s(routine),
        routine_title: s("Calf and foot"),
        program_id: Some(s("heel-pain-8w")),
        start_ms,
        end_ms: start_ms + 600_000,
        utc_offset_min: 60,
        active_ms: 590_000,
        outcome: SessionOutcome::Completed,
        steps_completed: 4,
        steps_skipped: 0,
        pain_before: Some(before),
        pain_after: Some(after),
        pressure: Some(PressureFeedback::Right),
        discomfort: vec![DiscomfortMark {
            step: 1,
            position_ms: 42_000,
        }],
        note: Some(s("easier today")),
    }
}

fn open(dir: &tempfile::TempDir) -> Arc<Journal> {
    let path = dir.path().join("journal.sqlite");
    Journal::open(path.to_string_lossy().into_owned()).unwrap()
}

#[test]
fn sessions_are_recorded_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    let first = j.record(entry("calf-and-foot", MON_8AM, 3, 2)).unwrap();
    let second = j.record(entry("calf-raises", MON_8AM + DAY, 2, 2)).unwrap();
    assert_eq!(j.count().unwrap(), 2);
    let recent = j.recent(10).unwrap();
    assert_eq!(
        recent.iter().map(|r| r.id).collect::<Vec<_>>(),
        [second, first]
    );
    assert_eq!(recent[1].entry, entry("calf-and-foot", MON_8AM, 3, 2));
    assert_eq!(recent[1].local_date, "2025-03-03");
    assert_eq!(j.recent(1).unwrap().len(), 1);
    assert!(j.recent(-1).unwrap().is_empty());
    assert_eq!(j.session(first).unwrap().unwrap().id, first);
    assert_eq!(j.session(999).unwrap(), None);
    // Kept across closing and opening again.
    drop(j);
    assert_eq!(open(&dir).count().unwrap(), 2);
}

#[test]
fn a_session_breaking_the_rules_is_refused_with_every_reason() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    let mut bad = entry("Calf And Foot", MON_8AM, 11, -1);
    bad.active_ms = -5;
    let Err(UnknotError::InvalidSession { problems }) = j.record(bad) else {
        panic!("expected InvalidSession");
    };
    assert!(problems.len() >= 4, "{problems:?}");
    assert!(
        problems.iter().any(|p| p.contains("pain before is 11")),
        "{problems:?}"
    );
    assert_eq!(j.count().unwrap(), 0);
}

#[test]
fn a_checkpoint_resumes_in_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    assert_eq!(j.checkpoint().unwrap(), None);
    assert!(j.resume(0).unwrap().is_none());

    // A progressed program routine: kept as JSON, comes back as grown,
    // with its program, week, start and pain rating.
    let player = Player::from_program(s(HEEL), s("calf-and-foot"), 3, s("de")).unwrap();
    let start = SessionStart {
        wall_ms: MON_8AM,
        utc_offset_min: 60,
        pain_before: Some(4),
    };
    assert!(player.begin(0, start).unwrap().ignored.is_none());
    player.proceed(1_000); // past "Get a ball"
    player.tick(21_000);
    assert!(player.mark_too_much(21_000).ignored.is_none());
    player.pause(21_000);
    let before = player.frame();
    assert!(j
        .save_checkpoint(player.clone(), 30_000, MON_8AM + 30_000, 60)
        .unwrap());
    let c = j.checkpoint().unwrap().unwrap();
    assert_eq!(c.routine_id, "calf-and-foot");
    assert!(!c.builtin);
    assert_eq!(c.lang, "de");
    assert_eq!(c.program_id.as_deref(), Some("heel-pain-8w"));
    assert_eq!(
        (c.program_week, c.pain_before, c.over),
        (Some(3), Some(4), false)
    );
    assert_eq!(
        (c.started_at_ms, c.saved_at_ms, c.utc_offset_min),
        (MON_8AM, MON_8AM + 30_000, 60)
    );

    drop(j);
    let j = open(&dir);
    // After a restart of the phone: its clock starts again near 0.
    let resumed = j.resume(500).unwrap().unwrap();
    assert_eq!(resumed.status(), Status::Paused);
    let after = resumed.frame();
    assert_eq!(after.position_ms, before.position_ms);
    assert_eq!(after.timed_ms, before.timed_ms);
    assert_eq!(after.step_title, before.step_title);
    assert_eq!(resumed.recording(), player.recording());
    resumed.stop(1_500);
    let report = SessionReport {
        pain_after: Some(3),
        pressure: None,
        note: None,
    };
    let id = j
        .record_session(
            resumed.clone(),
            report.clone(),
            2_000,
            MON_8AM + 3_600_000,
            120,
        )
        .unwrap();
    assert_eq!(
        j.checkpoint().unwrap(),
        None,
        "recording clears the checkpoint"
    );
    let rec = j.session(id).unwrap().unwrap();
    assert_eq!(rec.entry.program_id.as_deref(), Some("heel-pain-8w"));
    assert_eq!(
        rec.entry.start_ms, MON_8AM,
        "the start before the restart is kept"
    );
    assert_eq!(rec.entry.utc_offset_min, 60, "the offset at the start");
    assert_eq!(
        (rec.entry.pain_before, rec.entry.pain_after),
        (Some(4), Some(3))
    );
    assert_eq!(rec.entry.discomfort.len(), 1);
    assert_eq!(rec.entry.outcome, SessionOutcome::Stopped);
    // Recorded once: again is the same id, nothing written; no checkpoint.
    assert_eq!(
        j.record_session(resumed.clone(), report, 9_000, MON_8AM + 4_000_000, 120)
            .unwrap(),
        id
    );
    assert_eq!(j.count().unwrap(), 1);
    assert!(!j.save_checkpoint(resumed, 9_000, MON_8AM, 60).unwrap());

    // A built-in routine is kept by id; a finished one is offered to record.
    let b = Player::from_builtin(s("box-breathing"), s("en")).unwrap();
    b.start(0);
    b.tick(10_000_000);
    assert!(j.save_checkpoint(b, 10_000_000, MON_8AM, 0).unwrap());
    let c = j.checkpoint().unwrap().unwrap();
    assert!(c.builtin);
    assert!(c.over);
    assert_eq!(c.routine_title, "Box breathing");
    assert_eq!(j.resume(10).unwrap().unwrap().routine_id(), "box-breathing");

    // A session that never started has nothing to resume.
    assert!(!j
        .save_checkpoint(
            Player::from_builtin(s("box-breathing"), s("en")).unwrap(),
            0,
            0,
            0,
        )
        .unwrap());
    assert!(j.resume(0).unwrap().is_none());
}

#[test]
fn a_session_is_recorded_by_the_cores_rules() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    let p = Player::from_builtin(s("box-breathing"), s("en")).unwrap();
    let bad = SessionStart {
        wall_ms: MON_8AM,
        utc_offset_min: 60,
        pain_before: Some(11),
    };
    assert!(matches!(
        p.begin(0, bad),
        Err(UnknotError::InvalidSession { .. })
    ));
    assert_eq!(p.status(), Status::Ready, "nothing starts on a bad rating");
    assert!(
        p.mark_too_much(0).ignored.is_some(),
        "no mark before the start"
    );
    let start = SessionStart {
        wall_ms: MON_8AM,
        utc_offset_min: 60,
        pain_before: None,
    };
    p.begin(0, start.clone()).unwrap();
    assert!(p.begin(2_000, start).unwrap().ignored.is_some());
    let report = SessionReport {
        pain_after: None,
        pressure: Some(PressureFeedback::TooFirm),
        note: Some(s("   ")),
    };
    assert!(matches!(
        j.record_session(p.clone(), report.clone(), 5_000, MON_8AM + 4_000, 60),
        Err(UnknotError::InvalidSession { .. })
    ));
    p.tick(10_000_000);
    assert_eq!(p.status(), Status::Finished);
    let timed = p.frame().timed_ms;
    let e = p
        .journal_entry(report.clone(), 20_000_000, MON_8AM + 20_000_000, 60)
        .unwrap();
    assert_eq!(e.outcome, SessionOutcome::Completed);
    assert_eq!(e.end_ms, MON_8AM + timed, "ended when the routine did");
    assert_eq!(e.active_ms, timed);
    assert_eq!(e.note, None);
    assert_eq!(e.pressure, Some(PressureFeedback::TooFirm));
    let id = j
        .record_session(p, report, 20_000_000, MON_8AM + 20_000_000, 60)
        .unwrap();
    assert_eq!(j.session(id).unwrap().unwrap().entry, e);
}

#[test]
fn stats_count_program_weeks_pain_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    // Week 1: pain rises by 2 twice in a row (a flare), then by 3 to 7,
    // above the program's 6 (a third rise starts a new run: no flare yet).
    j.record(entry("calf-and-foot", MON_8AM, 2, 4)).unwrap();
    j.record(entry("calf-and-foot", MON_8AM + DAY, 3, 5))
        .unwrap();
    j.record(entry("calf-and-foot", MON_8AM + 2 * DAY, 4, 7))
        .unwrap();
    let st = j.stats(Some(s(HEEL)), s("2025-03-10"), s("en")).unwrap();
    assert_eq!(st.program_id.as_deref(), Some("heel-pain-8w"));
    assert_eq!((st.sessions, st.completed), (3, 3));
    assert_eq!(st.active_ms, 3 * 590_000);
    assert_eq!(st.weeks.len(), 2);
    let w1 = &st.weeks[0];
    assert_eq!(
        (w1.week, w1.start.as_str(), w1.end.as_str()),
        (1, "2025-03-03", "2025-03-09")
    );
    assert_eq!((w1.done, w1.due, w1.in_progress), (3, 14 + 3 + 2, false));
    assert_eq!(w1.pain_before, Some(3.0));
    assert!(st.weeks[1].in_progress);
    assert_eq!(st.done_in_finished_weeks, 3);
    assert_eq!(st.adherence, Some(3.0 / 19.0));
    // The streak ended on Wednesday: nothing on Sunday or Monday.
    assert_eq!(st.streak.days, 0);
    assert_eq!(st.streak.last_day.as_deref(), Some("2025-03-05"));
    let kinds: Vec<_> = st.flags.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FlagKind::Flare, FlagKind::AboveLimit]);
    assert_eq!(st.flags[0].dates, [s("2025-03-03"), s("2025-03-04")]);
    assert!(st.flags[1]
        .message
        .contains("above your program's limit of 6"));
    // The patient reads them in the app's language.
    let de = j.stats(Some(s(HEEL)), s("2025-03-10"), s("de")).unwrap();
    assert!(
        de.flags[1]
            .message
            .contains("über der Grenze deines Programms (6)"),
        "{}",
        de.flags[1].message
    );

    // Without a program: every session, default rules (7), no weeks.
    let plain = j.stats(None, s("2025-03-05"), s("en")).unwrap();
    assert!(plain.weeks.is_empty());
    assert_eq!(plain.adherence, None);
    assert_eq!(plain.streak.days, 3);
    assert!(plain.streak.done_today);
    let plain_kinds: Vec<_> = plain.flags.iter().map(|f| f.kind).collect();
    assert_eq!(plain_kinds, [FlagKind::Flare]);
    assert!(matches!(
        j.stats(None, s("yesterday"), s("en")),
        Err(UnknotError::BadDate { .. })
    ));
    assert!(matches!(
        j.stats(Some(s("{}")), s("2025-03-05"), s("en")),
        Err(UnknotError::InvalidProgram { .. })
    ));
}

#[test]
fn due_today_counts_the_journals_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    j.record(entry("calf-and-foot", MON_8AM, 2, 2)).unwrap();
    let mut other = entry("calf-and-foot", MON_8AM, 2, 2);
    other.program_id = None;
    j.record(other).unwrap();
    let due = j.due_today(s(HEEL), s("2025-03-03"), s("en")).unwrap();
    assert_eq!((due.due[0].done, due.due[0].left_today), (1, 1));
}

#[test]
fn exports_and_report_hold_the_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    j.record(entry("calf-and-foot", MON_8AM, 3, 2)).unwrap();
    let csv = j.export_csv().unwrap();
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].contains("calf-and-foot") && lines[1].contains("easier today"));
    let fhir: serde_json::Value =
        serde_json::from_str(&j.export_fhir(Some(s(HEEL)), s("en")).unwrap()).unwrap();
    assert_eq!(fhir["resourceType"], "Bundle");
    assert!(fhir["entry"].as_array().unwrap().len() > 1);
    let html = j
        .report_html(Some(s(HEEL)), s("2025-03-04"), s("en"))
        .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    assert!(html.contains("Calf and foot"));
    assert!(j
        .report_html(None, s("2025-03-04"), s("en"))
        .unwrap()
        .contains("</html>"));
    // The three together, named and typed for the share sheet.
    let docs = j.exports(Some(s(HEEL)), s("2025-03-04"), s("en")).unwrap();
    let names: Vec<_> = docs.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "unknot-report-2025-03-04.html",
            "unknot-sessions-2025-03-04.csv",
            "unknot-fhir-2025-03-04.json"
        ]
    );
    assert_eq!(docs[1].text, csv);
    assert_eq!(docs[2].mime_type, "application/fhir+json");
    assert!(docs[0].text.contains("Calf and foot"));
    assert!(j.exports(None, s("4 March"), s("en")).is_err());
}

#[test]
fn a_newer_journal_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    let j = open(&dir);
    j.record(entry("calf-and-foot", MON_8AM, 3, 2)).unwrap();
    drop(j);
    // SQLite keeps user_version at byte 60 of the header, big-endian.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        Journal::open(path.to_string_lossy().into_owned()).err(),
        Some(UnknotError::JournalTooNew {
            found: 99,
            supported: journal_schema_version()
        })
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "x".repeat(2048)).unwrap();
    assert!(matches!(
        Journal::open(text.to_string_lossy().into_owned()),
        Err(UnknotError::NotAJournal { .. })
    ));
}
