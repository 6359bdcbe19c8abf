//! The active home program as the journal's stats, exports and report need
//! it: plain values, so the journal does not depend on how programs are
//! stored.

use serde::Serialize;
use time::{Date, Duration};

use super::stats::{PainRules, Schedule};

/// When a program routine is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// On these weekdays (`mon` … `sun`), `per_day` times each.
    Days {
        /// Weekday words, Monday first.
        days: Vec<String>,
        /// Times on each of those days.
        per_day: u32,
    },
    /// A number of times each program week, on any days.
    PerWeek(u32),
}

impl Timing {
    /// Sessions due in one whole week.
    pub fn per_week(&self) -> u32 {
        match self {
            Timing::Days { days, per_day } => days.len() as u32 * per_day,
            Timing::PerWeek(n) => *n,
        }
    }

    /// In words: `daily`, `mon, wed, fri, twice a day`, `3 times a week`.
    pub fn describe(&self) -> String {
        let times = |n: u32| match n {
            1 => "once".to_string(),
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        match self {
            Timing::Days { days, per_day } => {
                let d = if days.len() == 7 {
                    "daily".to_string()
                } else {
                    days.join(", ")
                };
                if *per_day == 1 {
                    d
                } else {
                    format!("{d}, {} a day", times(*per_day))
                }
            }
            Timing::PerWeek(n) => format!("{} a week", times(*n)),
        }
    }
}

/// One scheduled routine of the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedRoutine {
    /// The routine's id.
    pub routine_id: String,
    /// Its title.
    pub title: String,
    /// When it is due.
    pub timing: Timing,
}

/// The active program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramInfo {
    /// The program's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Who assigned it (therapist, clinic), as one line.
    pub from: Option<String>,
    /// The first day of week 1.
    pub start: Date,
    /// Sessions due in each program week (its length is the program's).
    pub due_per_week: Vec<u32>,
    /// The pain rules.
    pub rules: PainRules,
    /// The scheduled routines.
    pub routines: Vec<PlannedRoutine>,
}

impl ProgramInfo {
    /// The schedule adherence is measured against.
    pub fn schedule(&self) -> Schedule<'_> {
        Schedule {
            program_id: Some(&self.id),
            start: self.start,
            due_per_week: &self.due_per_week,
        }
    }

    /// The last day of the last week.
    pub fn end(&self) -> Date {
        let days = 7 * self.due_per_week.len().max(1) as i64 - 1;
        self.start
            .checked_add(Duration::days(days))
            .unwrap_or(Date::MAX)
    }
}
