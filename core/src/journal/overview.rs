//! What the stats screen and the report read from an open journal: the
//! sessions to count (those of the active program's weeks, or all), the
//! streak days and their [`Summary`]. Shared by every shell so each counts
//! the same sessions.

use crate::date::CivilDate as Date;

use super::entry::SessionRecord;
use super::plan::ProgramInfo;
use super::stats::{local_date, summarize, Summary};
use super::store::{Journal, JournalError};
use crate::due::SessionDone;
use crate::program::Program;

const DAY_MS: i64 = 86_400_000;

impl Journal {
    /// The sessions counted against `program` (from a day before its start,
    /// a margin for UTC offsets; the schedule then filters by local date),
    /// or every session without a program, with their summary on `today`.
    /// Flags use the program's pain rules, or the defaults without one;
    /// their messages are in `lang`.
    pub fn overview(
        &self,
        program: Option<&ProgramInfo>,
        today: Date,
        lang: &str,
    ) -> Result<(Vec<SessionRecord>, Summary), JournalError> {
        let records = match program {
            Some(p) => self.sessions_since((p.start.day_number() - 1) * DAY_MS)?,
            None => self.sessions()?,
        };
        let days = self.session_times()?;
        let schedule = program.map(|p| p.schedule());
        let rules = program.map(|p| p.rules).unwrap_or_default();
        let summary = summarize(
            &records,
            days.iter().map(|(ms, off)| local_date(*ms, *off)),
            schedule.as_ref(),
            Some(rules),
            today,
            lang,
        );
        Ok((records, summary))
    }

    /// The sessions of `program` as [`crate::due::due_today`] counts them:
    /// every session recorded with the program's id, completed or stopped
    /// (as adherence counts them), on the local date it started.
    pub fn sessions_done(&self, program: &Program) -> Result<Vec<SessionDone>, JournalError> {
        let from = (program.start.day_number() - 1) * DAY_MS;
        Ok(sessions_done(&self.sessions_since(from)?, &program.id))
    }
}

/// The sessions among `records` that count for the program `program_id`,
/// with the local date each started on.
pub fn sessions_done(records: &[SessionRecord], program_id: &str) -> Vec<SessionDone> {
    records
        .iter()
        .filter(|r| r.program_id.as_deref() == Some(program_id))
        .map(|r| SessionDone {
            routine: r.routine_id.clone(),
            date: r.local_date(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{SessionEntry, SessionOutcome};
    use crate::CivilDate;

    fn entry(routine: &str, program: Option<&str>, start_ms: i64, offset: i32) -> SessionEntry {
        SessionEntry {
            routine_id: routine.into(),
            routine_title: "Box breathing".into(),
            program_id: program.map(str::to_string),
            start_ms,
            end_ms: start_ms + 60_000,
            utc_offset_min: offset,
            active_ms: 60_000,
            outcome: SessionOutcome::Stopped,
            steps_completed: 1,
            steps_skipped: 0,
            pain_before: Some(3),
            pain_after: Some(9),
            pressure: None,
            discomfort: Vec::new(),
            note: None,
        }
    }

    const MAR_3_2025_MS: i64 = 1_740_960_000_000; // 2025-03-03T00:00:00Z

    #[test]
    fn done_sessions_are_the_programs_on_their_local_dates() {
        let p = crate::parse_program(include_str!("../../../docs/examples/calm-breathing.unknot"))
            .unwrap();
        let mut j = Journal::open_in_memory().unwrap();
        // 23:30 UTC on Mar 3 is Mar 4 at UTC+1.
        j.record(&entry(
            "box-breathing",
            Some(&p.id),
            MAR_3_2025_MS + 84_600_000,
            60,
        ))
        .unwrap();
        j.record(&entry(
            "box-breathing",
            Some("other-program"),
            MAR_3_2025_MS,
            0,
        ))
        .unwrap();
        j.record(&entry("box-breathing", None, MAR_3_2025_MS, 0))
            .unwrap();
        let done = j.sessions_done(&p).unwrap();
        assert_eq!(
            done,
            vec![SessionDone {
                routine: "box-breathing".into(),
                date: CivilDate::new(2025, 3, 4).unwrap(),
            }]
        );
        let today = crate::due_today(&p, CivilDate::new(2025, 3, 4).unwrap(), &done, "en");
        assert_eq!(today.due[0].done, 1);
    }

    #[test]
    fn the_overview_counts_program_weeks_and_flags() {
        let p = crate::parse_program(include_str!("../../../docs/examples/calm-breathing.unknot"))
            .unwrap();
        let info = ProgramInfo::from_program(&p, "en");
        let mut j = Journal::open_in_memory().unwrap();
        // One session a week before the program, two in its first week.
        j.record(&entry(
            "box-breathing",
            Some(&p.id),
            MAR_3_2025_MS - 7 * DAY_MS,
            0,
        ))
        .unwrap();
        j.record(&entry("box-breathing", Some(&p.id), MAR_3_2025_MS, 0))
            .unwrap();
        j.record(&entry(
            "box-breathing",
            Some(&p.id),
            MAR_3_2025_MS + DAY_MS,
            0,
        ))
        .unwrap();
        let today = crate::date::date!(2025 - 03 - 04);
        let (records, s) = j.overview(Some(&info), today, "en").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(s.weeks.len(), 1);
        assert_eq!(s.weeks[0].done, 2);
        assert_eq!(s.streak.days, 2);
        // Pain 9 is above the program's 7 in both sessions, and rose twice in a row.
        assert_eq!(s.flags.len(), 3, "{:?}", s.flags);
        let (all, _) = j.overview(None, today, "en").unwrap();
        assert_eq!(all.len(), 3);
    }
}
