//! The active home program as the journal's stats, exports and report need
//! it: plain values, so the journal does not depend on how programs are
//! stored.

use crate::date::CivilDate as Date;
use serde::Serialize;

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
        self.start.saturating_add_days(days)
    }
}

impl ProgramInfo {
    /// The journal's view of a home program, titles in `lang`.
    pub fn from_program(p: &crate::program::Program, lang: &str) -> ProgramInfo {
        use crate::program::Frequency;
        let title_of = |id: &str| {
            p.routines
                .iter()
                .find(|r| r.routine.id == id)
                .map(|r| r.routine.title.get(lang).to_string())
                .unwrap_or_else(|| id.to_string())
        };
        let from = p.from.as_ref().and_then(|f| {
            let parts: Vec<&str> = [&f.therapist, &f.clinic]
                .into_iter()
                .filter_map(|x| x.as_deref())
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        });
        ProgramInfo {
            id: p.id.clone(),
            title: p.title.get(lang).to_string(),
            from,
            start: p.start,
            due_per_week: crate::due::weekly_due(p)
                .iter()
                .map(|w| w.sessions)
                .collect(),
            rules: p.pain,
            routines: p
                .schedule
                .iter()
                .map(|e| PlannedRoutine {
                    routine_id: e.routine.clone(),
                    title: title_of(&e.routine),
                    timing: match &e.frequency {
                        Frequency::Days { days, per_day } => Timing::Days {
                            days: days.iter().map(|d| d.as_str().to_string()).collect(),
                            per_day: *per_day,
                        },
                        Frequency::PerWeek { times } => Timing::PerWeek(*times),
                    },
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_program_becomes_the_journals_view() {
        let text = include_str!("../../../docs/examples/heel-pain-progression.unknot");
        let p = crate::program::parse_program(text).unwrap();
        let info = ProgramInfo::from_program(&p, "en");
        assert_eq!(info.id, "heel-pain-8w");
        assert_eq!(info.start, crate::date::date!(2025 - 03 - 03));
        assert_eq!(info.due_per_week.len(), 8);
        let per_week: u32 = info.routines.iter().map(|r| r.timing.per_week()).sum();
        assert_eq!(info.due_per_week[0], per_week);
        assert_eq!(info.from.as_deref(), Some("Dana Reyes, Riverside Physio"));
        assert_eq!(info.routines.len(), p.schedule.len());
        assert_eq!(info.rules.stop_above, p.pain.stop_above);
    }
}
