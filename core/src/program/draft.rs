//! Therapist mode: a home program put together field by field from built-in
//! routines, the way a form in the apps fills it in.
//!
//! A [`Draft`] holds what the therapist typed, loosely (numbers as the form
//! gives them, blank fields as empty text). [`Draft::build`] turns it into
//! program JSON and runs the one program validator over it, so a draft obeys
//! exactly the rules a program file does; every problem comes back with a
//! path into the draft (`items[1].frequency`) instead of into the JSON
//! (`schedule[1].days`).

use serde_json::{json, Map, Value};

use crate::date::{CivilDate, Weekday};
use crate::library;
use crate::problem::Problem;
use crate::routine::{Millis, Routine, StepBody};
use crate::text::Text;
use crate::timeline::routine_timed_ms;

use super::{Frequency, Program, PROGRAM_FORMAT};

/// Weeks a new draft lasts.
pub const DEFAULT_WEEKS: i64 = 4;
/// Pain above which a session stops, in a new draft.
pub const DEFAULT_STOP_ABOVE: i64 = 7;
/// Rise in pain that counts as a flare, in a new draft.
pub const DEFAULT_FLARE_RISE: i64 = 2;

/// A program being put together from built-in routines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Title, in the therapist's own words (one language).
    pub title: String,
    /// The patient's first name or nickname; blank for none.
    pub for_name: String,
    /// The therapist's name; blank for none.
    pub therapist: String,
    /// Clinic or practice; blank for none.
    pub clinic: String,
    /// How to reach the therapist; blank for none.
    pub contact: String,
    /// First day of week 1, `YYYY-MM-DD`.
    pub start: String,
    /// Number of weeks.
    pub weeks: i64,
    /// Notes for the patient; blank for none.
    pub notes: String,
    /// Warnings shown before every routine; blank entries are left out.
    pub cautions: Vec<String>,
    /// Stop a session when pain rises above this (0–10).
    pub pain_stop_above: i64,
    /// A rise in pain of this much counts as a flare.
    pub pain_flare_rise: i64,
    /// The routines, in order.
    pub items: Vec<DraftItem>,
    /// The program file this draft was opened from ([`Draft::from_program`]),
    /// as compact JSON; `None` for a new draft. Building keeps that
    /// program's id, so the patient's sessions go on counting for it, and
    /// keeps what the form shows in a simpler shape when it was left as it
    /// was: a title, note or caution in several languages, amounts in
    /// fractions of a second.
    pub based_on: Option<String>,
}

/// Longest saved draft [`Draft::restore`] reads: the form's own fields are
/// short, and [`Draft::based_on`] holds at most a program.
pub const MAX_SAVED_BYTES: usize = crate::share::MAX_JSON_BYTES + 64 * 1024;

/// One built-in routine of a draft and when it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftItem {
    /// The built-in routine's id.
    pub builtin: String,
    /// When it is due.
    pub frequency: DraftFrequency,
    /// How it grows week by week, if it does.
    pub progression: Option<DraftProgression>,
}

/// When a draft routine is due, as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftFrequency {
    /// On these weekdays (`mon` … `sun`), `per_day` times each.
    Days {
        /// Weekday words.
        days: Vec<String>,
        /// Times on each of those days.
        per_day: i64,
    },
    /// A number of times each week, on any days.
    PerWeek {
        /// Times per week.
        times: i64,
    },
}

impl DraftFrequency {
    /// Every day, once.
    pub fn daily() -> Self {
        DraftFrequency::Days {
            days: Weekday::ALL
                .iter()
                .map(|d| d.as_str().to_string())
                .collect(),
            per_day: 1,
        }
    }
}

/// Week-by-week growth of a draft routine, in whole seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftProgression {
    /// Grows once every this many weeks.
    pub every_weeks: i64,
    /// Seconds added to every stretch hold per growth.
    pub hold_add_s: i64,
    /// Seconds added to every massage time per growth.
    pub seconds_add_s: i64,
    /// Reps added to every stretch or exercise per growth.
    pub reps_add: i64,
    /// Holds never grow beyond this many seconds.
    pub max_hold_s: Option<i64>,
    /// Massage times never grow beyond this many seconds.
    pub max_seconds_s: Option<i64>,
    /// Reps never grow beyond this.
    pub max_reps: Option<i64>,
}

/// How long one routine of a built draft takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftTiming {
    /// The built-in routine's id.
    pub builtin: String,
    /// Timed length in week 1, in milliseconds.
    pub first_week_ms: u64,
    /// Timed length in the last week, in milliseconds.
    pub last_week_ms: u64,
    /// Sessions due in a whole week.
    pub per_week: u32,
}

/// A draft made into a valid program.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The program.
    pub program: Program,
    /// Per routine, in draft order: its length in the first and last week.
    pub timings: Vec<DraftTiming>,
    /// Timed minutes the whole program asks for in week 1 (rounded up).
    pub minutes_first_week: u64,
    /// Timed minutes it asks for in the last week (rounded up).
    pub minutes_last_week: u64,
}

/// Why a draft could not be changed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// No built-in routine has this id.
    #[error("there is no built-in routine \"{0}\"")]
    UnknownRoutine(String),
    /// The program holds a routine written out in full, which the form
    /// cannot show.
    #[error("\"{0}\" is written out in full in the program file, not taken from the library; edit the file instead")]
    NotEditable(String),
}

impl Draft {
    /// An empty draft starting on `start`, with the default weeks and pain rules.
    pub fn new(start: CivilDate) -> Self {
        Draft {
            title: String::new(),
            for_name: String::new(),
            therapist: String::new(),
            clinic: String::new(),
            contact: String::new(),
            start: start.to_string(),
            weeks: DEFAULT_WEEKS,
            notes: String::new(),
            cautions: Vec::new(),
            pain_stop_above: DEFAULT_STOP_ABOVE,
            pain_flare_rise: DEFAULT_FLARE_RISE,
            items: Vec::new(),
            based_on: None,
        }
    }

    /// Adds the built-in routine `id`, due daily, once a day, without
    /// progression. A routine already in the draft is not added twice.
    pub fn add_routine(&mut self, id: &str) -> Result<(), DraftError> {
        if library::builtin(id).is_none() {
            return Err(DraftError::UnknownRoutine(id.to_string()));
        }
        if !self.items.iter().any(|i| i.builtin == id) {
            self.items.push(DraftItem {
                builtin: id.to_string(),
                frequency: DraftFrequency::daily(),
                progression: None,
            });
        }
        Ok(())
    }

    /// A program back into a draft, for editing. The form shows texts in
    /// their English (or first) wording and amounts in whole seconds; the
    /// draft remembers the program ([`Draft::based_on`]) so that building it
    /// unchanged gives the same program back. Every routine must be built in.
    pub fn from_program(p: &Program) -> Result<Self, DraftError> {
        let mut items = Vec::with_capacity(p.routines.len());
        for r in &p.routines {
            let Some(builtin) = r.builtin.clone() else {
                return Err(DraftError::NotEditable(r.routine.id.clone()));
            };
            let frequency = match p.schedule_of(&builtin).map(|e| &e.frequency) {
                Some(Frequency::Days { days, per_day }) => DraftFrequency::Days {
                    days: days.iter().map(|d| d.as_str().to_string()).collect(),
                    per_day: i64::from(*per_day),
                },
                Some(Frequency::PerWeek { times }) => DraftFrequency::PerWeek {
                    times: i64::from(*times),
                },
                None => DraftFrequency::daily(),
            };
            let progression =
                p.progress
                    .iter()
                    .find(|g| g.routine == builtin)
                    .map(|g| DraftProgression {
                        every_weeks: i64::from(g.every_weeks),
                        hold_add_s: i64::from(g.hold_add.0 / 1000),
                        seconds_add_s: i64::from(g.seconds_add.0 / 1000),
                        reps_add: i64::from(g.reps_add),
                        max_hold_s: g.max_hold.map(|m| i64::from(m.0 / 1000)),
                        max_seconds_s: g.max_seconds.map(|m| i64::from(m.0 / 1000)),
                        max_reps: g.max_reps.map(i64::from),
                    });
            items.push(DraftItem {
                builtin,
                frequency,
                progression,
            });
        }
        let from = p.from.clone().unwrap_or_default();
        Ok(Draft {
            title: p.title.fallback().to_string(),
            for_name: p.for_name.clone().unwrap_or_default(),
            therapist: from.therapist.unwrap_or_default(),
            clinic: from.clinic.unwrap_or_default(),
            contact: from.contact.unwrap_or_default(),
            start: p.start.to_string(),
            weeks: i64::from(p.weeks),
            notes: p
                .notes
                .as_ref()
                .map(|n| n.fallback().to_string())
                .unwrap_or_default(),
            cautions: p
                .cautions
                .iter()
                .map(|c| c.fallback().to_string())
                .collect(),
            pain_stop_above: i64::from(p.pain.stop_above),
            pain_flare_rise: i64::from(p.pain.flare_rise),
            items,
            based_on: Some(p.to_compact_json()),
        })
    }

    /// The program id a draft gets: its title as a slug (`program` when the
    /// title has no letters or digits).
    pub fn id(&self) -> String {
        let mut id = String::new();
        for c in self.title.trim().chars() {
            if c.is_ascii_alphanumeric() {
                id.push(c.to_ascii_lowercase());
            } else if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
            if id.len() >= 48 {
                break;
            }
        }
        let id = id.trim_end_matches('-');
        if id.is_empty() {
            "program".to_string()
        } else {
            id.to_string()
        }
    }

    /// The program file the draft stands for, and where its progression
    /// entries (draft item index) and cautions (draft caution index) came from.
    fn to_value(&self) -> (Value, Origins) {
        let base = self.base();
        let base = base.as_ref();
        let mut m = Map::new();
        m.insert("format".into(), json!(PROGRAM_FORMAT));
        m.insert(
            "id".into(),
            json!(base.map_or_else(|| self.id(), |b| b.id.clone())),
        );
        m.insert(
            "title".into(),
            kept_text(&self.title, base.map(|b| &b.title)),
        );
        let mut from = Map::new();
        for (key, v) in [
            ("therapist", &self.therapist),
            ("clinic", &self.clinic),
            ("contact", &self.contact),
        ] {
            if !v.trim().is_empty() {
                from.insert(key.into(), json!(v.trim()));
            }
        }
        if !from.is_empty() {
            m.insert("from".into(), Value::Object(from));
        }
        if !self.for_name.trim().is_empty() {
            m.insert("for".into(), json!(self.for_name.trim()));
        }
        m.insert("start".into(), json!(self.start.trim()));
        m.insert("weeks".into(), json!(self.weeks));
        if !self.notes.trim().is_empty() {
            m.insert(
                "notes".into(),
                kept_text(&self.notes, base.and_then(|b| b.notes.as_ref())),
            );
        }
        let (caution_origin, cautions): (Vec<usize>, Vec<&str>) = self
            .cautions
            .iter()
            .map(|c| c.trim())
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .unzip();
        if !cautions.is_empty() {
            let cautions: Vec<Value> = cautions
                .iter()
                .map(|c| {
                    let before =
                        base.and_then(|b| b.cautions.iter().find(|t| t.fallback().trim() == *c));
                    kept_text(c, before)
                })
                .collect();
            m.insert("cautions".into(), Value::Array(cautions));
        }
        m.insert(
            "pain".into(),
            json!({"stop_above": self.pain_stop_above, "flare_rise": self.pain_flare_rise}),
        );
        let routines: Vec<Value> = self
            .items
            .iter()
            .map(|i| json!({"builtin": i.builtin}))
            .collect();
        m.insert("routines".into(), Value::Array(routines));
        let schedule: Vec<Value> = self
            .items
            .iter()
            .map(|i| match &i.frequency {
                DraftFrequency::Days { days, per_day } => {
                    json!({"routine": i.builtin, "days": days, "per_day": per_day})
                }
                DraftFrequency::PerWeek { times } => {
                    json!({"routine": i.builtin, "per_week": times})
                }
            })
            .collect();
        m.insert("schedule".into(), Value::Array(schedule));
        let mut origin = Vec::new();
        let mut progress = Vec::new();
        for (n, item) in self.items.iter().enumerate() {
            let Some(g) = &item.progression else { continue };
            let before = base.and_then(|b| b.progress.iter().find(|p| p.routine == item.builtin));
            let mut e = Map::new();
            e.insert("routine".into(), json!(item.builtin));
            e.insert("every_weeks".into(), json!(g.every_weeks));
            for (key, v, was) in [
                ("hold_add", g.hold_add_s, before.map(|p| p.hold_add)),
                (
                    "seconds_add",
                    g.seconds_add_s,
                    before.map(|p| p.seconds_add),
                ),
            ] {
                if let Some(v) = kept_seconds(v, was) {
                    e.insert(key.into(), v);
                }
            }
            if g.reps_add != 0 {
                e.insert("reps_add".into(), json!(g.reps_add));
            }
            for (key, v, was) in [
                ("max_hold", g.max_hold_s, before.and_then(|p| p.max_hold)),
                (
                    "max_seconds",
                    g.max_seconds_s,
                    before.and_then(|p| p.max_seconds),
                ),
            ] {
                if let Some(v) = v {
                    e.insert(key.into(), kept_seconds(v, was).unwrap_or(json!(v)));
                }
            }
            if let Some(v) = g.max_reps {
                e.insert("max_reps".into(), json!(v));
            }
            progress.push(Value::Object(e));
            origin.push(n);
        }
        if !progress.is_empty() {
            m.insert("progress".into(), Value::Array(progress));
        }
        let origins = Origins {
            progress: origin,
            cautions: caution_origin,
        };
        (Value::Object(m), origins)
    }

    /// The program this draft makes, or every problem with a path into the
    /// draft. The rules are the program format's own.
    pub fn build(&self) -> Result<Built, Vec<Problem>> {
        let (value, origin) = self.to_value();
        let program = super::validate_program(&value).map_err(|problems| {
            problems
                .into_iter()
                // The schedule follows the items one to one; "no routines"
                // already says it all.
                .filter(|p| p.path != "schedule")
                .map(|p| {
                    // The form picks days; the file's wording does not fit it.
                    let hint = if p.path.starts_with("schedule[") && p.path.ends_with(".days") {
                        Some("choose at least one day, or every day".to_string())
                    } else {
                        p.hint
                    };
                    Problem {
                        path: draft_path(&p.path, &origin),
                        hint,
                        ..p
                    }
                })
                .collect::<Vec<_>>()
        })?;
        let last = program.weeks;
        let mut timings = Vec::with_capacity(self.items.len());
        let (mut first_total, mut last_total) = (0u64, 0u64);
        for item in &self.items {
            let id = &item.builtin;
            let first_week_ms = program
                .routine_for_week(id, 1)
                .map_or(0, |r| routine_timed_ms(&r));
            let last_week_ms = program
                .routine_for_week(id, last)
                .map_or(0, |r| routine_timed_ms(&r));
            let per_week = program.schedule_of(id).map_or(0, |e| e.per_week());
            first_total += first_week_ms * u64::from(per_week);
            last_total += last_week_ms * u64::from(per_week);
            timings.push(DraftTiming {
                builtin: id.clone(),
                first_week_ms,
                last_week_ms,
                per_week,
            });
        }
        Ok(Built {
            program,
            timings,
            minutes_first_week: first_total.div_ceil(60_000),
            minutes_last_week: last_total.div_ceil(60_000),
        })
    }
}

impl Draft {
    /// The draft as text for an app to keep while the form is away (saved
    /// instance state, scene storage); [`Draft::restore`] reads it back.
    pub fn save(&self) -> String {
        let items: Vec<Value> = self
            .items
            .iter()
            .map(|i| {
                let frequency = match &i.frequency {
                    DraftFrequency::Days { days, per_day } => {
                        json!({"days": days, "per_day": per_day})
                    }
                    DraftFrequency::PerWeek { times } => json!({"per_week": times}),
                };
                let progression = i.progression.as_ref().map(|g| {
                    json!([
                        g.every_weeks,
                        g.hold_add_s,
                        g.seconds_add_s,
                        g.reps_add,
                        g.max_hold_s,
                        g.max_seconds_s,
                        g.max_reps
                    ])
                });
                json!({"builtin": i.builtin, "frequency": frequency, "progression": progression})
            })
            .collect();
        json!({
            "title": self.title,
            "for": self.for_name,
            "therapist": self.therapist,
            "clinic": self.clinic,
            "contact": self.contact,
            "start": self.start,
            "weeks": self.weeks,
            "notes": self.notes,
            "cautions": self.cautions,
            "pain_stop_above": self.pain_stop_above,
            "pain_flare_rise": self.pain_flare_rise,
            "items": items,
            "based_on": self.based_on,
        })
        .to_string()
    }

    /// A draft kept by [`Draft::save`], or `None` when `saved` is not one
    /// (an app then starts the form afresh).
    pub fn restore(saved: &str) -> Option<Self> {
        if saved.len() > MAX_SAVED_BYTES {
            return None;
        }
        let v: Value = serde_json::from_str(saved).ok()?;
        let text = |v: &Value, key: &str| v.get(key)?.as_str().map(str::to_string);
        let number = |v: &Value, key: &str| v.get(key)?.as_i64();
        let texts = |v: &Value| -> Option<Vec<String>> {
            v.as_array()?
                .iter()
                .map(|t| t.as_str().map(str::to_string))
                .collect()
        };
        let mut items = Vec::new();
        for i in v.get("items")?.as_array()? {
            let f = i.get("frequency")?;
            let frequency = match (f.get("days"), number(f, "per_week")) {
                (Some(days), None) => DraftFrequency::Days {
                    days: texts(days)?,
                    per_day: number(f, "per_day")?,
                },
                (None, Some(times)) => DraftFrequency::PerWeek { times },
                _ => return None,
            };
            let progression = match i.get("progression")? {
                Value::Null => None,
                g => {
                    let g = g.as_array()?;
                    let at = |n: usize| g.get(n)?.as_i64();
                    let maybe = |n: usize| -> Option<Option<i64>> {
                        match g.get(n)? {
                            Value::Null => Some(None),
                            x => x.as_i64().map(Some),
                        }
                    };
                    if g.len() != 7 {
                        return None;
                    }
                    Some(DraftProgression {
                        every_weeks: at(0)?,
                        hold_add_s: at(1)?,
                        seconds_add_s: at(2)?,
                        reps_add: at(3)?,
                        max_hold_s: maybe(4)?,
                        max_seconds_s: maybe(5)?,
                        max_reps: maybe(6)?,
                    })
                }
            };
            items.push(DraftItem {
                builtin: text(i, "builtin")?,
                frequency,
                progression,
            });
        }
        Some(Draft {
            title: text(&v, "title")?,
            for_name: text(&v, "for")?,
            therapist: text(&v, "therapist")?,
            clinic: text(&v, "clinic")?,
            contact: text(&v, "contact")?,
            start: text(&v, "start")?,
            weeks: number(&v, "weeks")?,
            notes: text(&v, "notes")?,
            cautions: texts(v.get("cautions")?)?,
            pain_stop_above: number(&v, "pain_stop_above")?,
            pain_flare_rise: number(&v, "pain_flare_rise")?,
            items,
            based_on: match v.get("based_on") {
                None | Some(Value::Null) => None,
                Some(b) => Some(b.as_str()?.to_string()),
            },
        })
    }

    /// The program this draft was opened from, when it still reads.
    fn base(&self) -> Option<Program> {
        let json = self.based_on.as_deref()?;
        let value = crate::problem::parse_json(json, crate::share::MAX_JSON_BYTES).ok()?;
        super::validate_program(&value).ok()
    }
}

/// `typed` as program JSON, or the text it was opened from (with all its
/// languages) when the form left it as it was.
fn kept_text(typed: &str, before: Option<&Text>) -> Value {
    let typed = typed.trim();
    match before {
        Some(t) if t.fallback().trim() == typed => {
            serde_json::to_value(t).unwrap_or_else(|_| json!(typed))
        }
        _ => json!(typed),
    }
}

/// Whole seconds `typed` as program JSON (`None` for zero), or the amount it
/// was opened from when that shows as the same whole seconds in the form.
fn kept_seconds(typed: i64, before: Option<Millis>) -> Option<Value> {
    match before {
        Some(ms) if ms.0 != 0 && i64::from(ms.0 / 1000) == typed => Some(json!(ms)),
        _ if typed != 0 => Some(json!(typed)),
        _ => None,
    }
}

/// Where generated program entries came from in the draft.
struct Origins {
    /// Per `progress` entry, its draft item.
    progress: Vec<usize>,
    /// Per `cautions` entry, its draft caution (blank ones are left out).
    cautions: Vec<usize>,
}

/// Where a problem in the generated program JSON lives in the draft.
fn draft_path(path: &str, origins: &Origins) -> String {
    let progress_origin = &origins.progress;
    let (head, rest) = match path.find(['.', '[']) {
        Some(i) => path.split_at(i),
        None => (path, ""),
    };
    let index_and_tail = |rest: &str| -> Option<(usize, String)> {
        let inner = rest.strip_prefix('[')?;
        let close = inner.find(']')?;
        let n = inner[..close].parse().ok()?;
        Some((n, inner[close + 1..].to_string()))
    };
    match head {
        "id" => "title".into(),
        "cautions" => match index_and_tail(rest) {
            Some((n, tail)) => match origins.cautions.get(n) {
                Some(i) => format!("cautions[{i}]{tail}"),
                None => path.to_string(),
            },
            None => "cautions".into(),
        },
        "for" => "for_name".into(),
        "from" => rest.trim_start_matches('.').to_string(),
        "pain" => format!("pain_{}", rest.trim_start_matches('.')),
        "routines" => match index_and_tail(rest) {
            Some((n, _)) => format!("items[{n}]"),
            None => "items".into(),
        },
        "schedule" => match index_and_tail(rest) {
            Some((n, tail)) if tail == ".per_day" => format!("items[{n}].per_day"),
            Some((n, _)) => format!("items[{n}].frequency"),
            None => "items".into(),
        },
        "progress" => match index_and_tail(rest) {
            Some((n, tail)) => match progress_origin.get(n) {
                Some(item) => {
                    // The draft counts these in whole seconds: `hold_add_s`.
                    let tail = match tail.as_str() {
                        ".hold_add" | ".seconds_add" | ".max_hold" | ".max_seconds" => {
                            format!("{tail}_s")
                        }
                        _ => tail,
                    };
                    format!("items[{item}].progression{tail}")
                }
                None => path.to_string(),
            },
            None => "items".into(),
        },
        _ => path.to_string(),
    }
}

/// A starting progression for a routine: holds +5 s a week up to 60 s,
/// massage +15 s a week up to 2 minutes, exercise reps +1 a week up to 5 more
/// than the routine's most; each only when the routine has such steps below
/// the cap (stretches grow by holding longer, not by more reps).
/// `None` when nothing in it can grow (breathing, rests).
pub fn suggested_progression(routine: &Routine) -> Option<DraftProgression> {
    const MAX_HOLD_S: i64 = 60;
    const MAX_MASSAGE_S: i64 = 120;
    const MORE_REPS: i64 = 5;
    let (mut hold, mut massage, mut reps) = (None::<i64>, None::<i64>, None::<i64>);
    for step in &routine.steps {
        match &step.body {
            StepBody::Stretch { hold: h, .. } => {
                let h = i64::from(h.0 / 1000);
                hold = Some(hold.map_or(h, |x| x.max(h)));
            }
            StepBody::Massage { seconds, .. } => {
                let s = i64::from(seconds.0 / 1000);
                massage = Some(massage.map_or(s, |x| x.max(s)));
            }
            StepBody::Exercise { reps: r, .. } => {
                reps = Some(reps.map_or(i64::from(*r), |x| x.max(i64::from(*r))));
            }
            _ => {}
        }
    }
    let grow_hold = hold.is_some_and(|h| h < MAX_HOLD_S);
    let grow_massage = massage.is_some_and(|s| s < MAX_MASSAGE_S);
    let max_reps = reps.map(|r| r + MORE_REPS);
    if !grow_hold && !grow_massage && max_reps.is_none() {
        return None;
    }
    Some(DraftProgression {
        every_weeks: 1,
        hold_add_s: if grow_hold { 5 } else { 0 },
        seconds_add_s: if grow_massage { 15 } else { 0 },
        reps_add: i64::from(max_reps.is_some()),
        max_hold_s: grow_hold.then_some(MAX_HOLD_S),
        max_seconds_s: grow_massage.then_some(MAX_MASSAGE_S),
        max_reps,
    })
}

#[cfg(test)]
mod tests;
