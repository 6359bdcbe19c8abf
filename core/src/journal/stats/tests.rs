use crate::date::date;

use super::*;
use crate::journal::entry::tests::sample;

/// A session starting at `hour`:00 local time on `day`, on a clock
/// `offset` minutes ahead of UTC.
pub(crate) fn at(
    id: i64,
    routine: &str,
    day: Date,
    hour: i64,
    offset: i32,
    pain: (Option<u8>, Option<u8>),
) -> SessionRecord {
    let local_ms = day.day_number() * DAY_MS + hour * 3_600_000;
    let start_ms = local_ms - i64::from(offset) * 60_000;
    let mut e = sample();
    e.routine_id = routine.into();
    e.routine_title = format!("Title of {routine}");
    e.start_ms = start_ms;
    e.end_ms = start_ms + 600_000;
    e.utc_offset_min = offset;
    e.pain_before = pain.0;
    e.pain_after = pain.1;
    SessionRecord { id, entry: e }
}

const NONE: (Option<u8>, Option<u8>) = (None, None);

#[test]
fn local_dates_follow_the_offset() {
    // 2024-05-02T23:30Z is already May 3rd in Berlin (UTC+2) and still
    // May 2nd in New York (UTC-4).
    let ms = 1_714_692_600_000;
    assert_eq!(local_date(ms, 0), date!(2024 - 05 - 02));
    assert_eq!(local_date(ms, 120), date!(2024 - 05 - 03));
    assert_eq!(local_date(ms, -240), date!(2024 - 05 - 02));
    assert_eq!(local_date(0, -60), date!(1969 - 12 - 31));
    assert_eq!(local_date(i64::MAX, 840), Date::MAX);
    assert_eq!(local_date(i64::MIN, -840), Date::MIN);
}

#[test]
fn streak_counts_back_and_today_not_done_does_not_break_it() {
    let today = date!(2024 - 05 - 10);
    let days = [
        date!(2024 - 05 - 09),
        date!(2024 - 05 - 08),
        date!(2024 - 05 - 08),
        date!(2024 - 05 - 07),
        date!(2024 - 05 - 05),
        date!(2024 - 05 - 12), // after today: ignored
    ];
    let s = streak(days, today);
    assert_eq!(s.days, 3);
    assert!(!s.done_today);
    assert_eq!(s.last_day, Some(date!(2024 - 05 - 09)));

    let mut with_today = days.to_vec();
    with_today.push(today);
    let s = streak(with_today, today);
    assert_eq!((s.days, s.done_today), (4, true));

    // Two days without a session: the streak is over.
    let s = streak([date!(2024 - 05 - 08)], today);
    assert_eq!(s.days, 0);
    assert_eq!(streak([], today).days, 0);
}

#[test]
fn a_late_evening_session_abroad_counts_for_the_local_day() {
    // 23:30 local on the 9th at UTC-5 is the 10th in UTC.
    let r = at(1, "a", date!(2024 - 05 - 09), 23, -300, NONE);
    assert_eq!(r.local_date(), date!(2024 - 05 - 09));
    let s = streak([r.local_date()], date!(2024 - 05 - 10));
    assert_eq!(s.days, 1);
}

#[test]
fn adherence_per_week_with_pain_means() {
    let start = date!(2024 - 05 - 06);
    let due = [3, 5, 5, 5];
    let schedule = Schedule {
        program_id: Some("plantar-6w"),
        start,
        due_per_week: &due,
    };
    let mut records = vec![
        at(1, "a", date!(2024 - 05 - 06), 8, 120, (Some(6), Some(4))),
        at(2, "a", date!(2024 - 05 - 07), 8, 120, (Some(5), Some(4))),
        at(3, "b", date!(2024 - 05 - 12), 21, 120, (Some(4), None)),
        at(4, "a", date!(2024 - 05 - 13), 8, 120, (Some(3), Some(3))),
        at(5, "a", date!(2024 - 05 - 05), 8, 120, NONE), // before the start
        at(6, "a", date!(2024 - 05 - 14), 8, 120, NONE),
    ];
    let mut other = at(7, "a", date!(2024 - 05 - 07), 18, 120, (Some(9), Some(9)));
    other.entry.program_id = Some("other".into());
    records.push(other);

    let today = date!(2024 - 05 - 14);
    let weeks = adherence(&records, &schedule, today);
    assert_eq!(weeks.len(), 2, "weeks up to today only");
    let w1 = &weeks[0];
    assert_eq!(
        (w1.week, w1.start, w1.end),
        (1, start, date!(2024 - 05 - 12))
    );
    assert_eq!((w1.done, w1.due, w1.in_progress), (3, 3, false));
    assert_eq!(w1.pain_before, Some(5.0));
    assert_eq!(w1.pain_after, Some(4.0));
    assert_eq!(w1.pain_change, Some(-1.5));
    let w2 = &weeks[1];
    assert_eq!((w2.done, w2.due, w2.in_progress), (2, 5, true));
    assert_eq!(w2.pain_change, Some(0.0));

    // Before the start there is nothing; past the end, every week shows.
    assert!(adherence(&records, &schedule, date!(2024 - 05 - 01)).is_empty());
    let all = adherence(&records, &schedule, date!(2024 - 09 - 01));
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|w| !w.in_progress));

    // Without a program id every session counts.
    let any = Schedule {
        program_id: None,
        ..schedule
    };
    assert_eq!(adherence(&records, &any, today)[0].done, 4);
}

#[test]
fn summary_counts_finished_weeks_only_and_caps_extra_sessions() {
    let start = date!(2024 - 05 - 06);
    let due = [2, 2, 2];
    let schedule = Schedule {
        program_id: None,
        start,
        due_per_week: &due,
    };
    let records: Vec<_> = [6, 7, 8, 13, 20]
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let day = Date::new(2024, 5, *d).unwrap();
            at(i as i64, "a", day, 9, 0, NONE)
        })
        .collect();
    let today = date!(2024 - 05 - 21);
    let s = summarize(
        &records,
        records.iter().map(|r| r.local_date()),
        Some(&schedule),
        Some(PainRules::default()),
        today,
        "en",
    );
    // Week 1: 3 done of 2 (counted as 2); week 2: 1 of 2; week 3 in progress.
    assert_eq!(s.done_in_finished_weeks, 3);
    assert_eq!(s.due_in_finished_weeks, 4);
    assert_eq!(s.adherence, Some(0.75));
    assert_eq!(s.sessions, 5);
    assert_eq!(s.active_ms, 5 * 540_000);
    assert_eq!(s.streak.days, 1);
    assert!(s.flags.is_empty());
}

#[test]
fn a_rating_above_the_limit_raises_a_flag() {
    let rules = PainRules::default();
    let records = vec![
        at(1, "a", date!(2024 - 05 - 06), 8, 0, (Some(7), Some(7))),
        at(2, "b", date!(2024 - 05 - 07), 8, 0, (Some(8), Some(9))),
    ];
    let f = flags(&records, rules, "en");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FlagKind::AboveLimit);
    assert_eq!(f[0].routine_id, "b");
    assert_eq!(f[0].session_ids, vec![2]);
    assert_eq!(f[0].dates, vec![date!(2024 - 05 - 07)]);
    assert!(f[0].message.contains("Pain 9/10 after"), "{}", f[0].message);
    assert!(f[0].message.contains("contact your therapist"));
    // The same flag for a patient reading Spanish or German (any region).
    let es = &flags(&records, rules, "es-MX")[0];
    assert!(
        es.message.contains("Dolor 9/10 después de «Title of b»"),
        "{}",
        es.message
    );
    assert!(es.message.contains("2024-05-07") && es.message.contains("terapeuta"));
    let de = &flags(&records, rules, "de")[0];
    assert!(
        de.message.contains("Schmerz 9/10 nach „Title of b“"),
        "{}",
        de.message
    );
    assert_eq!((de.kind, &de.dates), (f[0].kind, &f[0].dates));
    // Other languages get English.
    assert_eq!(flags(&records, rules, "fr")[0].message, f[0].message);
}

#[test]
fn two_rises_in_a_row_of_one_routine_raise_a_flare_flag() {
    let rules = PainRules {
        stop_above: 9,
        flare_rise: 2,
    };
    let d = |n| Date::new(2024, 5, n).unwrap();
    let records = vec![
        at(1, "a", d(1), 8, 0, (Some(2), Some(4))), // +2
        at(2, "b", d(2), 8, 0, (Some(2), Some(2))), // other routine between
        at(3, "a", d(3), 8, 0, (None, Some(6))),    // unrated: skipped
        at(4, "a", d(4), 8, 0, (Some(3), Some(6))), // +3: flare with 1
        at(5, "a", d(5), 8, 0, (Some(3), Some(5))), // +2, run starts over
        at(6, "a", d(6), 8, 0, (Some(3), Some(4))), // +1 breaks it
        at(7, "a", d(7), 8, 0, (Some(3), Some(5))), // +2
    ];
    // Order of the input does not matter.
    let mut shuffled = records.clone();
    shuffled.reverse();
    let f = flags(&shuffled, rules, "en");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].kind, FlagKind::Flare);
    assert_eq!(f[0].session_ids, vec![1, 4]);
    assert_eq!(f[0].dates, vec![d(1), d(4)]);
    assert!(f[0].message.contains("2024-05-01 and 2024-05-04"));
    let de = &flags(&shuffled, rules, "de")[0];
    assert!(
        de.message.contains("2024-05-01 und 2024-05-04"),
        "{}",
        de.message
    );
    let es = &flags(&shuffled, rules, "es")[0];
    assert!(
        es.message.contains("2024-05-01 y 2024-05-04"),
        "{}",
        es.message
    );

    // Rises in two different routines are not a flare.
    let mixed = vec![
        at(1, "a", d(1), 8, 0, (Some(2), Some(4))),
        at(2, "b", d(2), 8, 0, (Some(2), Some(4))),
    ];
    assert!(flags(&mixed, rules, "en").is_empty());
}
