//! What a program asks for on a given day: a pure function of the program,
//! the caller's local date and the sessions done so far.
//!
//! Program week 1 starts on the program's `start` date; every program week
//! is seven days and so holds every weekday once. A `per_week` routine
//! spreads what is left of its week evenly over the days left: on a day it
//! is due `ceil(left / days left)` times, so missed sessions catch up.

use serde::Serialize;

use crate::date::CivilDate;
use crate::program::{Frequency, Program};
use crate::timeline::routine_timed_ms;

/// One session done: which routine, on which local date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionDone {
    /// The routine's id.
    pub routine: String,
    /// The local date it was done on.
    pub date: CivilDate,
}

/// Where a date lies relative to a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramStatus {
    /// Before the start date.
    NotStarted,
    /// Within the program's weeks.
    Active,
    /// After the last week.
    Ended,
}

impl ProgramStatus {
    /// The word used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            ProgramStatus::NotStarted => "not_started",
            ProgramStatus::Active => "active",
            ProgramStatus::Ended => "ended",
        }
    }
}

/// One scheduled routine on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueRoutine {
    /// The routine's id.
    pub routine: String,
    /// Its title in the requested language.
    pub title: String,
    /// Times due today (for `per_week` entries: the share of what is left
    /// this week that falls on today).
    pub today: u32,
    /// Times done today.
    pub done: u32,
    /// For `per_week` entries, times still to do this program week (today's
    /// sessions counted); `None` for routines on fixed days.
    pub week_left: Option<u32>,
    /// Timed length of the routine as progressed for this week.
    pub timed_ms: u64,
}

impl DueRoutine {
    /// Times still to do today.
    pub fn left_today(&self) -> u32 {
        self.today.saturating_sub(self.done)
    }
}

/// What a program asks for on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueToday {
    /// The day asked about.
    pub date: CivilDate,
    /// Whether the program runs on that day.
    pub status: ProgramStatus,
    /// The program week (1-based) while active.
    pub week: Option<u32>,
    /// Every scheduled routine, in schedule order; empty outside the program.
    pub due: Vec<DueRoutine>,
}

/// The program's status on `date`, with the program week while active.
pub fn program_week(program: &Program, date: CivilDate) -> (ProgramStatus, Option<u32>) {
    let offset = date.days_since(program.start);
    if offset < 0 {
        (ProgramStatus::NotStarted, None)
    } else if offset >= i64::from(program.weeks) * 7 {
        (ProgramStatus::Ended, None)
    } else {
        (ProgramStatus::Active, Some((offset / 7) as u32 + 1))
    }
}

/// What is due on `date` (the caller's local date), given the sessions done.
/// Done records of other routines or other days are ignored where they do
/// not matter.
pub fn due_today(program: &Program, date: CivilDate, done: &[SessionDone], lang: &str) -> DueToday {
    let (status, week) = program_week(program, date);
    let Some(week) = week else {
        return DueToday {
            date,
            status,
            week,
            due: Vec::new(),
        };
    };
    let offset = date.days_since(program.start);
    let week_start = program.start.day_number() + (offset / 7) * 7;
    let days_left = 7 - (offset % 7) as u32;
    let today_n = date.day_number();
    let due = program
        .schedule
        .iter()
        .filter_map(|entry| {
            let routine = program.routine_for_week(&entry.routine, week)?;
            let of_this = |d: &&SessionDone| d.routine == entry.routine;
            let done_today = done
                .iter()
                .filter(of_this)
                .filter(|d| d.date == date)
                .count() as u32;
            let (today, week_left) = match &entry.frequency {
                Frequency::Days { .. } => (entry.on_day(date.weekday()), None),
                Frequency::PerWeek { times } => {
                    let before = done
                        .iter()
                        .filter(of_this)
                        .filter(|d| (week_start..today_n).contains(&d.date.day_number()))
                        .count() as u32;
                    let left = times.saturating_sub(before);
                    (
                        left.div_ceil(days_left),
                        Some(left.saturating_sub(done_today)),
                    )
                }
            };
            Some(DueRoutine {
                routine: entry.routine.clone(),
                title: routine.title.get(lang).to_string(),
                today,
                done: done_today,
                week_left,
                timed_ms: routine_timed_ms(&routine),
            })
        })
        .collect();
    DueToday {
        date,
        status,
        week: Some(week),
        due,
    }
}

/// The sessions a program asks for in one program week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekDue {
    /// Program week, from 1.
    pub week: u32,
    /// Its first day.
    pub start: CivilDate,
    /// Sessions due that week, all scheduled routines together.
    pub sessions: u32,
}

/// The number of sessions due in each program week, for adherence.
pub fn weekly_due(program: &Program) -> Vec<WeekDue> {
    let per_week: u32 = program.schedule.iter().map(|e| e.per_week()).sum();
    (1..=program.weeks)
        .filter_map(|week| {
            Some(WeekDue {
                week,
                start: program.start.add_days(i64::from(week - 1) * 7)?,
                sessions: per_week,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
