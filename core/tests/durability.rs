//! Durability: a process writing sessions is killed with SIGKILL at random
//! moments, 200 times. Every session whose `record` call returned (its id
//! was printed and flushed) must still be there, and SQLite's integrity
//! check must pass.
//!
//! The writer is this test binary run again with an environment variable
//! set, so no extra program is needed.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use unknot_core::journal::{Checkpoint, Journal, SessionEntry, SessionOutcome};

const CHILD_ENV: &str = "UNKNOT_DURABILITY_WRITER";
const KILLS: usize = 200;

fn entry(n: i64) -> SessionEntry {
    SessionEntry {
        routine_id: "box-breathing".into(),
        routine_title: "Box breathing".into(),
        program_id: Some("durability".into()),
        start_ms: 1_700_000_000_000 + n * 60_000,
        end_ms: 1_700_000_000_000 + n * 60_000 + 30_000,
        utc_offset_min: 60,
        active_ms: 30_000,
        outcome: SessionOutcome::Completed,
        steps_completed: 3,
        steps_skipped: 0,
        pain_before: Some((n % 11) as u8),
        pain_after: Some(((n + 3) % 11) as u8),
        pressure: None,
        discomfort: vec![],
        note: Some(format!("session {n} {}", "x".repeat((n % 200) as usize))),
    }
}

/// The writer: records sessions (and checkpoints) until it is killed,
/// printing each returned id.
#[test]
fn writer_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut j = Journal::open(Path::new(&path)).expect("open");
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        if n % 3 == 0 {
            j.save_checkpoint(&Checkpoint {
                snapshot: format!("snapshot {n}"),
                routine_id: "box-breathing".into(),
                routine_json: None,
                lang: "en".into(),
                program_id: None,
                started_at_ms: n,
                saved_at_ms: n,
                utc_offset_min: 0,
                program_week: None,
                pain_before: None,
                ended_at_ms: None,
                too_much: Vec::new(),
            })
            .expect("checkpoint");
        }
        let id = j.record(&entry(n)).expect("record");
        writeln!(out, "{id}").expect("stdout");
        out.flush().expect("flush");
    }
}

#[test]
fn killed_writers_lose_no_returned_session() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let exe = std::env::current_exe().unwrap();
    let mut rng = fastrand::Rng::with_seed(0x554E_4B4A);
    let mut confirmed: Vec<i64> = Vec::new();
    let started = Instant::now();
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["--exact", "writer_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a random moment: during start-up, opening, or mid-write.
        std::thread::sleep(Duration::from_micros(rng.u64(0..60_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let stdout = child.stdout.take().unwrap();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            // Only whole lines count: a partial line was never confirmed.
            if let Ok(id) = line.trim().parse::<i64>() {
                confirmed.push(id);
            }
        }
        // Reopen (this also recovers the WAL) and check.
        let j = Journal::open(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(j.integrity_check().unwrap(), Ok(()), "round {round}");
        for id in &confirmed {
            let rec = j
                .session(*id)
                .unwrap()
                .unwrap_or_else(|| panic!("round {round}: session {id} was lost"));
            assert_eq!(rec.routine_id, "box-breathing");
        }
    }
    assert!(
        confirmed.len() > KILLS / 4,
        "the writer should get sessions through in many rounds ({} in {KILLS})",
        confirmed.len()
    );
    eprintln!(
        "{KILLS} kills, {} confirmed sessions, {:?}",
        confirmed.len(),
        started.elapsed()
    );
}
