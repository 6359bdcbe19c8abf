use super::*;
use crate::journal::entry::tests::sample;

fn checkpoint() -> Checkpoint {
    Checkpoint {
        snapshot: "engine.v1;step=3;pos=81234".into(),
        routine_id: "foot-release".into(),
        routine_json: None,
        lang: "de".into(),
        program_id: Some("plantar-6w".into()),
        started_at_ms: 1_714_716_000_000,
        saved_at_ms: 1_714_716_090_000,
        utc_offset_min: 120,
        program_week: Some(2),
        pain_before: Some(5),
        ended_at_ms: None,
        too_much: vec![DiscomfortMark {
            step: 1,
            position_ms: 12_500,
        }],
    }
}

#[test]
fn a_recorded_session_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let id = {
        let mut j = Journal::open(&path).unwrap();
        let mut e = sample();
        e.discomfort.push(DiscomfortMark {
            step: 4,
            position_ms: 300_000,
        });
        j.record(&e).unwrap()
    };
    let j = Journal::open(&path).unwrap();
    let rec = j.session(id).unwrap().unwrap();
    let mut want = sample();
    want.discomfort.push(DiscomfortMark {
        step: 4,
        position_ms: 300_000,
    });
    assert_eq!(rec.entry, want);
    assert_eq!(j.count().unwrap(), 1);
    assert_eq!(j.session(id + 1).unwrap(), None);
    assert_eq!(j.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = j
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = j
        .conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous = FULL");
}

#[test]
fn invalid_sessions_are_refused_and_not_written() {
    let mut j = Journal::open_in_memory().unwrap();
    let mut e = sample();
    e.pain_after = Some(12);
    match j.record(&e) {
        Err(JournalError::Invalid(p)) => assert_eq!(
            p,
            vec![EntryError::Pain {
                which: "after",
                value: 12
            }]
        ),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(j.count().unwrap(), 0);
}

#[test]
fn queries_order_and_filter_by_start() {
    let mut j = Journal::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for (i, start) in [3_000_000_i64, 1_000_000, 2_000_000].iter().enumerate() {
        let mut e = sample();
        e.start_ms = *start;
        e.end_ms = start + 600_000;
        e.discomfort = vec![DiscomfortMark {
            step: i as u32,
            position_ms: 1,
        }];
        ids.push(j.record(&e).unwrap());
    }
    let all: Vec<i64> = j.sessions().unwrap().iter().map(|r| r.start_ms).collect();
    assert_eq!(all, vec![1_000_000, 2_000_000, 3_000_000]);
    let recent = j.recent(2).unwrap();
    assert_eq!(recent.len(), 2);
    assert_eq!(recent[0].start_ms, 3_000_000);
    assert_eq!(
        recent[0].discomfort[0].step, 0,
        "marks follow their session"
    );
    assert_eq!(recent[1].discomfort[0].step, 2);
    let since: Vec<i64> = j
        .sessions_since(2_000_000)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(since, vec![ids[2], ids[0]]);
    assert_eq!(
        j.session_times().unwrap(),
        vec![(3_000_000, 120), (2_000_000, 120), (1_000_000, 120)]
    );
}

#[test]
fn checkpoint_is_saved_replaced_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.sqlite3");
    let mut j = Journal::open(&path).unwrap();
    assert_eq!(j.checkpoint().unwrap(), None);
    j.save_checkpoint(&checkpoint()).unwrap();
    let mut later = checkpoint();
    later.snapshot = "engine.v1;step=4".into();
    later.routine_json = Some("{\"format\":\"unknot.routine.v1\"}".into());
    j.save_checkpoint(&later).unwrap();
    drop(j);
    let mut j = Journal::open(&path).unwrap();
    assert_eq!(j.checkpoint().unwrap(), Some(later));
    j.clear_checkpoint().unwrap();
    assert_eq!(j.checkpoint().unwrap(), None);

    let mut huge = checkpoint();
    huge.snapshot = "x".repeat(MAX_SNAPSHOT_BYTES + 1);
    assert!(matches!(
        j.save_checkpoint(&huge),
        Err(JournalError::CheckpointTooLarge {
            what: "snapshot",
            ..
        })
    ));
}

#[test]
fn recording_the_finished_session_clears_the_checkpoint() {
    let mut j = Journal::open_in_memory().unwrap();
    j.save_checkpoint(&checkpoint()).unwrap();
    let mut bad = sample();
    bad.utc_offset_min = 2000;
    assert!(j.record_and_clear_checkpoint(&bad).is_err());
    assert!(
        j.checkpoint().unwrap().is_some(),
        "a refused session keeps it"
    );
    j.record_and_clear_checkpoint(&sample()).unwrap();
    assert_eq!(j.checkpoint().unwrap(), None);
    assert_eq!(j.count().unwrap(), 1);
}

/// Builds a database at schema `version` the way that version of Unknot
/// wrote it.
fn database_at(path: &Path, version: u32) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    for (i, sql) in MIGRATIONS.iter().enumerate().take(version as usize) {
        if i == 0 {
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
        }
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", i as i64 + 1)
            .unwrap();
    }
    conn
}

#[test]
fn a_new_file_migrates_from_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.sqlite3");
    drop(database_at(&path, 0));
    let j = Journal::open(&path).unwrap();
    assert_eq!(j.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn every_older_schema_migrates_to_the_latest_keeping_sessions() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.sqlite3");
        let conn = database_at(&path, version);
        // A session as schema v1 stores it: no pressure, no marks.
        conn.execute(
            "INSERT INTO sessions (routine_id, routine_title, program_id, start_ms, end_ms, \
             utc_offset_min, active_ms, outcome, steps_completed, steps_skipped, pain_before, \
             pain_after, note) VALUES ('neck-ease', 'Neck ease', NULL, 1700000000000, \
             1700000300000, -300, 280000, 'stopped', 3, 0, 6, 4, 'stiff')",
            [],
        )
        .unwrap();
        drop(conn);

        let mut j = Journal::open(&path).unwrap();
        assert_eq!(
            j.schema_version().unwrap(),
            SCHEMA_VERSION,
            "from v{version}"
        );
        let all = j.sessions().unwrap();
        assert_eq!(all.len(), 1);
        let e = &all[0].entry;
        assert_eq!(e.routine_id, "neck-ease");
        assert_eq!(e.utc_offset_min, -300);
        assert_eq!(e.outcome, SessionOutcome::Stopped);
        assert_eq!((e.pain_before, e.pain_after), (Some(6), Some(4)));
        assert_eq!(e.pressure, None);
        assert!(e.discomfort.is_empty());
        assert_eq!(e.note.as_deref(), Some("stiff"));
        // The new schema's features work on the migrated file.
        j.record(&sample()).unwrap();
        j.save_checkpoint(&checkpoint()).unwrap();
        assert_eq!(j.sessions().unwrap()[1].entry, sample());
        assert_eq!(j.integrity_check().unwrap(), Ok(()));
    }
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.sqlite3");
    {
        let mut j = Journal::open(&path).unwrap();
        j.record(&sample()).unwrap();
        j.conn
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        j.conn
            .execute_batch("CREATE TABLE future_things (x INTEGER)")
            .unwrap();
    }
    let before = file_bytes(&path);
    match Journal::open(&path) {
        Err(e @ JournalError::TooNew { found, supported }) => {
            assert_eq!(found, SCHEMA_VERSION + 1);
            assert_eq!(supported, SCHEMA_VERSION);
            assert!(e.to_string().contains("newer version of Unknot"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn files_that_are_not_journals_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello, this is not a database at all".repeat(100)).unwrap();
    let before = file_bytes(&text);
    assert!(matches!(
        Journal::open(&text),
        Err(JournalError::NotAJournal(_))
    ));
    assert_eq!(file_bytes(&text), before);

    let other = dir.path().join("other.sqlite3");
    {
        let c = Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    let before = file_bytes(&other);
    assert!(matches!(
        Journal::open(&other),
        Err(JournalError::NotAJournal(_))
    ));
    assert_eq!(file_bytes(&other), before);
}
