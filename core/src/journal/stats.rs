//! Progress made from the journal: streak, adherence per program week, the
//! pain trend and safety flags. Pure functions; "today" is passed in.

use std::collections::HashMap;

use crate::date::CivilDate as Date;
use serde::Serialize;

use super::entry::{SessionEntry, SessionRecord};
use crate::text::primary_subtag;

const DAY_MS: i64 = 86_400_000;

/// The civil date at `utc_ms` on a clock `utc_offset_min` minutes ahead of UTC.
pub fn local_date(utc_ms: i64, utc_offset_min: i32) -> Date {
    let local = utc_ms.saturating_add(i64::from(utc_offset_min) * 60_000);
    let day = local.div_euclid(DAY_MS);
    Date::from_day_number(day).unwrap_or(if day < 0 { Date::MIN } else { Date::MAX })
}

impl SessionEntry {
    /// The day the session started on the phone's clock.
    pub fn local_date(&self) -> Date {
        local_date(self.start_ms, self.utc_offset_min)
    }
}

/// Days in a row with at least one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// Length of the streak in days, counted back from today (or from
    /// yesterday while today has no session yet).
    pub days: u32,
    /// Whether today has a session.
    pub done_today: bool,
    /// The last day with a session, up to today.
    pub last_day: Option<Date>,
}

/// The streak ending today, from the days sessions were done on. Days after
/// `today` are ignored; today without a session does not break the streak.
pub fn streak(days: impl IntoIterator<Item = Date>, today: Date) -> Streak {
    let mut days: Vec<Date> = days.into_iter().filter(|d| *d <= today).collect();
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    let done_today = days.first() == Some(&today);
    let mut expect = if done_today {
        Some(today)
    } else {
        today.previous_day()
    };
    let mut n = 0;
    for d in &days {
        if Some(*d) != expect {
            break;
        }
        n += 1;
        expect = d.previous_day();
    }
    Streak {
        days: n,
        done_today,
        last_day: days.first().copied(),
    }
}

/// A program's schedule as the journal needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule<'a> {
    /// Only sessions with this program id count; `None`: every session.
    pub program_id: Option<&'a str>,
    /// The program's first day; week 1 is this day and the six after it.
    pub start: Date,
    /// Sessions due in each program week.
    pub due_per_week: &'a [u32],
}

/// One program week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekStats {
    /// 1-based week number.
    pub week: u32,
    /// First day of the week.
    pub start: Date,
    /// Last day of the week.
    pub end: Date,
    /// Sessions due.
    pub due: u32,
    /// Sessions done.
    pub done: u32,
    /// Whether today falls in this week (so it is not over yet).
    pub in_progress: bool,
    /// Mean pain before sessions, over sessions rated before.
    pub pain_before: Option<f64>,
    /// Mean pain after sessions, over sessions rated after.
    pub pain_after: Option<f64>,
    /// Mean of (after − before) over sessions rated both times.
    pub pain_change: Option<f64>,
}

#[derive(Default)]
struct Acc {
    sum: i64,
    n: u32,
}

impl Acc {
    fn add(&mut self, v: Option<i32>) {
        if let Some(v) = v {
            self.sum += i64::from(v);
            self.n += 1;
        }
    }
    fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / f64::from(self.n))
    }
}

/// Sessions done against sessions due for each program week from the start
/// up to the week holding `today` (at most the program's length).
pub fn adherence(
    records: &[SessionRecord],
    schedule: &Schedule<'_>,
    today: Date,
) -> Vec<WeekStats> {
    let elapsed = today.days_since(schedule.start);
    if elapsed < 0 || schedule.due_per_week.is_empty() {
        return Vec::new();
    }
    let current = (elapsed / 7) as usize;
    let shown = (current + 1).min(schedule.due_per_week.len());
    let mut acc: Vec<(u32, Acc, Acc, Acc)> = (0..shown).map(|_| Default::default()).collect();
    for r in records {
        if schedule
            .program_id
            .is_some_and(|p| r.program_id.as_deref() != Some(p))
        {
            continue;
        }
        let offset = r.local_date().days_since(schedule.start);
        if offset < 0 || r.local_date() > today {
            continue;
        }
        let Some(w) = acc.get_mut((offset / 7) as usize) else {
            continue;
        };
        w.0 += 1;
        w.1.add(r.pain_before.map(i32::from));
        w.2.add(r.pain_after.map(i32::from));
        w.3.add(r.pain_change());
    }
    acc.into_iter()
        .enumerate()
        .map(|(i, (done, before, after, change))| {
            let start = schedule.start.saturating_add_days(7 * i as i64);
            WeekStats {
                week: i as u32 + 1,
                start,
                end: start.saturating_add_days(6),
                due: schedule.due_per_week[i],
                done,
                in_progress: i == current,
                pain_before: before.mean(),
                pain_after: after.mean(),
                pain_change: change.mean(),
            }
        })
        .collect()
}

/// A program's pain rules: the program format's own type, so a rule read
/// from a program and a rule the journal applies are one type.
pub use crate::program::PainRules;

/// What raised a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A rating above the program's `stop_above`.
    AboveLimit,
    /// Pain rose by at least `flare_rise` in two sessions in a row.
    Flare,
}

/// A safety flag: the person should stop a routine and contact their
/// therapist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// What raised it.
    pub kind: FlagKind,
    /// The routine to stop.
    pub routine_id: String,
    /// Its title.
    pub routine_title: String,
    /// The day(s) of the session(s) that raised it.
    pub dates: Vec<Date>,
    /// The session(s) that raised it.
    pub session_ids: Vec<i64>,
    /// What to tell the person.
    pub message: String,
}

/// Every safety flag the sessions raise under `rules`, in time order, with
/// messages in `lang` (English, Spanish or German; others get English).
///
/// A session without both ratings neither raises nor interrupts a flare run:
/// missing ratings never hide two rises.
pub fn flags(records: &[SessionRecord], rules: PainRules, lang: &str) -> Vec<Flag> {
    let lang = primary_subtag(lang).to_ascii_lowercase();
    let mut order: Vec<&SessionRecord> = records.iter().collect();
    order.sort_by_key(|r| (r.start_ms, r.id));
    let mut out = Vec::new();
    // routine id -> the last rated session of it, if its pain rose.
    let mut last_rise: HashMap<&str, Option<&SessionRecord>> = HashMap::new();
    for r in order {
        let worst = [("before", r.pain_before), ("after", r.pain_after)]
            .into_iter()
            .filter_map(|(w, p)| p.map(|p| (w == "before", p)))
            .filter(|(_, p)| u32::from(*p) > rules.stop_above)
            .max_by_key(|(_, p)| *p);
        if let Some((before, p)) = worst {
            out.push(Flag {
                kind: FlagKind::AboveLimit,
                routine_id: r.routine_id.clone(),
                routine_title: r.routine_title.clone(),
                dates: vec![r.local_date()],
                session_ids: vec![r.id],
                message: above_limit_message(
                    &lang,
                    p,
                    before,
                    &r.routine_title,
                    r.local_date(),
                    rules.stop_above,
                ),
            });
        }
        let Some(change) = r.pain_change() else {
            continue;
        };
        let slot = last_rise.entry(r.routine_id.as_str()).or_default();
        if i64::from(change) >= i64::from(rules.flare_rise) {
            if let Some(prev) = slot.take() {
                out.push(Flag {
                    kind: FlagKind::Flare,
                    routine_id: r.routine_id.clone(),
                    routine_title: r.routine_title.clone(),
                    dates: vec![prev.local_date(), r.local_date()],
                    session_ids: vec![prev.id, r.id],
                    message: flare_message(
                        &lang,
                        rules.flare_rise,
                        &r.routine_title,
                        prev.local_date(),
                        r.local_date(),
                    ),
                });
            } else {
                *slot = Some(r);
            }
        } else {
            *slot = None;
        }
    }
    out
}

/// The message of an above-limit flag in `lang` (a primary subtag).
fn above_limit_message(
    lang: &str,
    pain: u8,
    before: bool,
    title: &str,
    day: Date,
    limit: u32,
) -> String {
    match lang {
        "es" => {
            let when = if before { "antes de" } else { "después de" };
            format!(
                "Dolor {pain}/10 {when} «{title}» el {day}: supera el límite de tu programa ({limit}). \
                 Deja esta rutina y habla con tu terapeuta."
            )
        }
        "de" => {
            let when = if before { "vor" } else { "nach" };
            format!(
                "Schmerz {pain}/10 {when} „{title}“ am {day} liegt über der Grenze deines Programms ({limit}). \
                 Hör mit dieser Übung auf und melde dich bei deiner Therapeutin oder deinem Therapeuten."
            )
        }
        _ => {
            let when = if before { "before" } else { "after" };
            format!(
                "Pain {pain}/10 {when} \"{title}\" on {day} is above your program's limit of {limit}. \
                 Stop this routine and contact your therapist."
            )
        }
    }
}

/// The message of a flare flag in `lang` (a primary subtag).
fn flare_message(lang: &str, rise: u32, title: &str, first: Date, second: Date) -> String {
    match lang {
        "es" => format!(
            "El dolor subió {rise} puntos o más durante «{title}» en dos sesiones seguidas \
             ({first} y {second}). Deja esta rutina y habla con tu terapeuta."
        ),
        "de" => format!(
            "Der Schmerz stieg bei „{title}“ in zwei Einheiten hintereinander um {rise} oder mehr Punkte \
             ({first} und {second}). Hör mit dieser Übung auf und melde dich bei deiner Therapeutin \
             oder deinem Therapeuten."
        ),
        _ => format!(
            "Pain rose by {rise} or more points during \"{title}\" in two sessions in a row \
             ({first} and {second}). Stop this routine and contact your therapist."
        ),
    }
}

/// Everything the stats screen, `unknot stats` and the report show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Sessions considered.
    pub sessions: u32,
    /// Of them, completed.
    pub completed: u32,
    /// Their active time in total, in milliseconds.
    pub active_ms: u64,
    /// The streak.
    pub streak: Streak,
    /// Adherence per program week (empty without a program).
    pub weeks: Vec<WeekStats>,
    /// Sessions done in the finished program weeks, at most the due
    /// number in each week.
    pub done_in_finished_weeks: u32,
    /// Sessions due in the finished program weeks.
    pub due_in_finished_weeks: u32,
    /// `done / due` over the finished weeks, 0–1.
    pub adherence: Option<f64>,
    /// Safety flags.
    pub flags: Vec<Flag>,
}

/// The summary of `records` (the sessions to count: all of them, or those
/// since the program started); `days` are the days of every session, for
/// the streak; flag messages in `lang`.
pub fn summarize(
    records: &[SessionRecord],
    days: impl IntoIterator<Item = Date>,
    schedule: Option<&Schedule<'_>>,
    rules: Option<PainRules>,
    today: Date,
    lang: &str,
) -> Summary {
    let weeks = schedule
        .map(|s| adherence(records, s, today))
        .unwrap_or_default();
    let finished = weeks.iter().filter(|w| !w.in_progress);
    let done: u32 = finished.clone().map(|w| w.done.min(w.due)).sum();
    let due: u32 = finished.map(|w| w.due).sum();
    Summary {
        sessions: records.len() as u32,
        completed: records
            .iter()
            .filter(|r| r.outcome == super::SessionOutcome::Completed)
            .count() as u32,
        active_ms: records.iter().map(|r| r.active_ms).sum(),
        streak: streak(days, today),
        weeks,
        done_in_finished_weeks: done,
        due_in_finished_weeks: due,
        adherence: (due > 0).then(|| f64::from(done) / f64::from(due)),
        flags: rules.map(|r| flags(records, r, lang)).unwrap_or_default(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
