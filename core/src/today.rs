//! The Today screen: for a day of the active program, each routine with
//! whether it is shown, what is left today and this week, whether it is
//! done and the action the person gets, in their language (English,
//! Spanish, German; others get English). Every shell shows this answer.
//!
//! The rules, on top of [`crate::due::due_today`]:
//! - A routine is **shown** when something of it is due today or it was
//!   done today. A routine on other weekdays, or a `per_week` routine whose
//!   week is complete, is not shown unless it was done today.
//! - **Left today** is what is due today less what was done today; a shown
//!   routine with nothing left today is **done** for today.
//! - The **action** is *Start* while something is left today, *Do it
//!   again* once the routine is done for today, none when it is not shown.
//!   So a routine three times a week, done this morning, says "Done for
//!   today · 2 more this week" and offers "Do it again"; the next day it is
//!   due again (the week's share, `ceil(left / days left)`) and offers
//!   "Start", until the week's three are done.
//! - **Left this week**: for a `per_week` routine the week's number less
//!   the sessions done this week; for fixed days, what is left today plus
//!   every later scheduled session of this program week.

use serde::Serialize;

use crate::date::CivilDate;
use crate::due::{due_today, ProgramStatus, SessionDone};
use crate::program::{Frequency, Program};
use crate::text::primary_subtag;

/// What the person can do with a routine today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TodayAction {
    /// Something is left today.
    Start,
    /// Done for today; once more is allowed.
    DoAgain,
    /// Not shown today.
    None,
}

/// One scheduled routine on the Today screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodayRoutine {
    /// The routine's id.
    pub routine: String,
    /// Its title.
    pub title: String,
    /// Timed length as grown for this week, in milliseconds.
    pub timed_ms: u64,
    /// Whether the screen shows it.
    pub shown: bool,
    /// Times due today.
    pub due_today: u32,
    /// Times done today.
    pub done_today: u32,
    /// Times still to do today.
    pub left_today: u32,
    /// Times still to do this program week (today included).
    pub left_this_week: u32,
    /// Shown and nothing left today.
    pub done: bool,
    /// What the person can do.
    pub action: TodayAction,
    /// The button's label; `None` without an action.
    pub action_label: Option<String>,
    /// How today stands ("1 of 2 done today", "Done for today").
    pub today_text: String,
    /// How the week stands, for `per_week` routines ("2 more this week").
    pub week_text: Option<String>,
}

/// The Today screen for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Today {
    /// The day asked about.
    pub date: CivilDate,
    /// Where it lies relative to the program.
    pub status: ProgramStatus,
    /// The program week while active.
    pub week: Option<u32>,
    /// The program's title.
    pub title: String,
    /// "Week 2 of 6" while active.
    pub heading: Option<String>,
    /// A sentence for the whole day (not started, ended, nothing due,
    /// all done), if any.
    pub message: Option<String>,
    /// Every scheduled routine, in schedule order (empty outside the program).
    pub routines: Vec<TodayRoutine>,
}

fn pick(lang: &str, en: String, es: String, de: String) -> String {
    match primary_subtag(lang).to_ascii_lowercase().as_str() {
        "es" => es,
        "de" => de,
        _ => en,
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DAYS_ES: [&str; 7] = [
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];
const DAYS_DE: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];

/// A date in words: "Monday 3 March 2025", "lunes 3 de marzo de 2025",
/// "Montag, 3. März 2025".
pub fn date_words(d: CivilDate, lang: &str) -> String {
    let (w, m) = (d.weekday().index(), usize::from(d.month) - 1);
    pick(
        lang,
        format!("{} {} {} {}", DAYS_EN[w], d.day, MONTHS_EN[m], d.year),
        format!("{} {} de {} de {}", DAYS_ES[w], d.day, MONTHS_ES[m], d.year),
        format!("{}, {}. {} {}", DAYS_DE[w], d.day, MONTHS_DE[m], d.year),
    )
}

fn action_label(a: TodayAction, lang: &str) -> Option<String> {
    let s = |x: &str| x.to_string();
    match a {
        TodayAction::Start => Some(pick(lang, s("Start"), s("Empezar"), s("Starten"))),
        TodayAction::DoAgain => Some(pick(
            lang,
            s("Do it again"),
            s("Hacerlo otra vez"),
            s("Noch einmal"),
        )),
        TodayAction::None => None,
    }
}

fn today_text(done: u32, due: u32, left: u32, lang: &str) -> String {
    let s = |x: &str| x.to_string();
    if due == 0 && done == 0 {
        pick(lang, s("Not today"), s("Hoy no"), s("Heute nicht"))
    } else if left == 0 {
        pick(
            lang,
            s("Done for today"),
            s("Hecho por hoy"),
            s("Für heute erledigt"),
        )
    } else {
        pick(
            lang,
            format!("{done} of {due} done today"),
            format!("{done} de {due} hechas hoy"),
            format!("{done} von {due} heute erledigt"),
        )
    }
}

fn week_text(left: u32, lang: &str) -> String {
    if left == 0 {
        let s = |x: &str| x.to_string();
        pick(
            lang,
            s("Done for this week"),
            s("Hecho esta semana"),
            s("Für diese Woche erledigt"),
        )
    } else {
        pick(
            lang,
            format!("{left} more this week"),
            format!("{left} más esta semana"),
            format!("Noch {left} diese Woche"),
        )
    }
}

/// The Today screen of `program` on `date` (the phone's local date), given
/// the sessions done for it, in `lang`.
pub fn today(program: &Program, date: CivilDate, done: &[SessionDone], lang: &str) -> Today {
    let due = due_today(program, date, done, lang);
    let title = program.title.get(lang).to_string();
    let mut out = Today {
        date,
        status: due.status,
        week: due.week,
        title,
        heading: None,
        message: None,
        routines: Vec::new(),
    };
    match due.status {
        ProgramStatus::NotStarted => {
            let d = date_words(program.start, lang);
            out.message = Some(pick(
                lang,
                format!("Your program starts on {d}."),
                format!("Tu programa empieza el {d}."),
                format!("Dein Programm beginnt am {d}."),
            ));
            return out;
        }
        ProgramStatus::Ended => {
            let d = program
                .last_day()
                .map(|d| date_words(d, lang))
                .unwrap_or_default();
            out.message = Some(pick(
                lang,
                format!("Your program ended on {d}. Ask your therapist what comes next."),
                format!("Tu programa terminó el {d}. Pregunta a tu terapeuta cómo seguir."),
                format!(
                    "Dein Programm endete am {d}. Frag deine Therapeutin oder deinen Therapeuten, wie es weitergeht."
                ),
            ));
            return out;
        }
        ProgramStatus::Active => {}
    }
    let week = due.week.unwrap_or(1);
    out.heading = Some(pick(
        lang,
        format!("Week {week} of {}", program.weeks),
        format!("Semana {week} de {}", program.weeks),
        format!("Woche {week} von {}", program.weeks),
    ));
    let offset = date.days_since(program.start);
    let days_after = 6 - (offset % 7);
    for d in &due.due {
        let left_today = d.left_today();
        let shown = d.today > 0 || d.done > 0;
        let entry = program.schedule.iter().find(|e| e.routine == d.routine);
        let (left_week, per_week) = match (d.week_left, entry.map(|e| &e.frequency)) {
            (Some(w), _) => (w, true),
            (None, Some(Frequency::Days { per_day, .. })) => {
                let later = (1..=days_after)
                    .filter_map(|k| date.add_days(k))
                    .filter(|day| entry.is_some_and(|e| e.on_day(day.weekday()) > 0))
                    .count() as u32;
                (left_today + later * per_day, false)
            }
            _ => (left_today, false),
        };
        let action = if !shown {
            TodayAction::None
        } else if left_today > 0 {
            TodayAction::Start
        } else {
            TodayAction::DoAgain
        };
        out.routines.push(TodayRoutine {
            routine: d.routine.clone(),
            title: d.title.clone(),
            timed_ms: d.timed_ms,
            shown,
            due_today: d.today,
            done_today: d.done,
            left_today,
            left_this_week: left_week,
            done: shown && left_today == 0,
            action,
            action_label: action_label(action, lang),
            today_text: today_text(d.done, d.today, left_today, lang),
            week_text: per_week.then(|| week_text(left_week, lang)),
        });
    }
    let shown: Vec<&TodayRoutine> = out.routines.iter().filter(|r| r.shown).collect();
    if shown.is_empty() {
        out.message = Some(pick(
            lang,
            "Nothing is due today. Rest well.".into(),
            "Hoy no toca nada. Descansa.".into(),
            "Heute steht nichts an. Erhol dich gut.".into(),
        ));
    } else if shown.iter().all(|r| r.done) {
        out.message = Some(pick(
            lang,
            "All done for today. Well done.".into(),
            "Todo hecho por hoy. Muy bien.".into(),
            "Für heute alles erledigt. Gut gemacht.".into(),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
