//! Journal figures on ten years of twice-daily use (20,000 sessions):
//! stats for a program (load its sessions and the streak days, summarize)
//! and one insert (with its fsync, as on a phone).

use criterion::{criterion_group, criterion_main, Criterion};
use unknot_core::journal::{
    local_date, summarize, Journal, PainRules, PlannedRoutine, ProgramInfo, SessionEntry,
    SessionOutcome, Timing,
};

const SESSIONS: i64 = 20_000;
const DAY_MS: i64 = 86_400_000;
/// 2014-01-01T00:00:00Z.
const FIRST_MS: i64 = 1_388_534_400_000;

fn entry(n: i64) -> SessionEntry {
    let start = FIRST_MS + (n / 2) * DAY_MS + if n % 2 == 0 { 7 } else { 19 } * 3_600_000;
    SessionEntry {
        routine_id: ["foot-release", "calf-release", "box-breathing"][(n % 3) as usize].into(),
        routine_title: "A routine".into(),
        program_id: Some(format!("program-{}", n / 84)),
        start_ms: start,
        end_ms: start + 600_000,
        utc_offset_min: 60,
        active_ms: 540_000,
        outcome: SessionOutcome::Completed,
        steps_completed: 6,
        steps_skipped: 0,
        pain_before: Some((n % 7) as u8),
        pain_after: Some((n % 5) as u8),
        pressure: None,
        discomfort: vec![],
        note: (n % 10 == 0).then(|| "a short note about the heel".to_string()),
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut j = Journal::open(&path).unwrap();
    for n in 0..SESSIONS {
        j.record(&entry(n)).unwrap();
    }
    // The last program: six weeks, started 42 days before the last session.
    let last = SESSIONS - 1;
    let today = local_date(entry(last).start_ms, 60);
    let start = today.saturating_add_days(-41);
    let program = ProgramInfo {
        id: format!("program-{}", last / 84),
        title: "Six weeks".into(),
        from: None,
        start,
        due_per_week: vec![14; 6],
        rules: PainRules::default(),
        routines: vec![PlannedRoutine {
            routine_id: "foot-release".into(),
            title: "Foot release".into(),
            timing: Timing::Days {
                days: vec!["mon".into(), "wed".into()],
                per_day: 2,
            },
        }],
    };
    let from_ms = (start.day_number() - 1) * DAY_MS;
    c.bench_function(
        "stats for a program (20,000 sessions in the journal)",
        |b| {
            b.iter(|| {
                let records = j.sessions_since(from_ms).unwrap();
                let days = j.session_times().unwrap();
                let schedule = program.schedule();
                let s = summarize(
                    &records,
                    days.iter().map(|(ms, off)| local_date(*ms, *off)),
                    Some(&schedule),
                    Some(program.rules),
                    today,
                    "en",
                );
                assert!(s.streak.days > 3000);
                s
            })
        },
    );
    let mut n = SESSIONS;
    c.bench_function("insert one session (20,000 in the journal)", |b| {
        b.iter(|| {
            n += 1;
            j.record(&entry(n)).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
