//! Turns program JSON into a [`Program`], reporting every problem at once
//! with its path, in the same style (and with the same [`Checker`]) as
//! routine validation. It never panics, whatever the input.

use serde_json::{Map, Value};

use super::*;
use crate::library::{builtin, builtin_routines};
use crate::limits::{MAX_COUNT, MAX_FILE_BYTES};
use crate::problem::{did_you_mean, parse_json, DocumentError, Problem};
use crate::routine::StepBody;
use crate::validate::{display_path, index, join, type_name, validate_routine, Checker};

/// Parses and validates program JSON text.
pub fn parse_program(text: &str) -> Result<Program, DocumentError> {
    let value = parse_json(text, MAX_FILE_BYTES)?;
    validate_program(&value).map_err(DocumentError::Invalid)
}

/// Validates a parsed program.
pub fn validate_program(value: &Value) -> Result<Program, Vec<Problem>> {
    let mut c = Checker::default();
    let program = program(&mut c, value);
    match program {
        Some(p) if c.problems.is_empty() => Ok(p),
        _ => {
            if c.problems.is_empty() {
                c.err("", "the program is not valid");
            }
            Err(c.problems)
        }
    }
}

const TOP: &[&str] = &[
    "format", "id", "title", "from", "for", "start", "weeks", "notes", "cautions", "pain",
    "routines", "schedule", "progress",
];

fn program(c: &mut Checker, value: &Value) -> Option<Program> {
    let map = c.object(value, "", "a program")?;
    c.unknown_fields(map, "", TOP);
    let before = c.problems.len();

    format(c, map);
    let id = c.field(map, "", "id", true).and_then(|v| c.slug(v, "id"));
    let title = c.text(map, "", "title", true);
    let from = from(c, map);
    let for_name = match c.field(map, "", "for", false) {
        Some(v) => name(c, v, "for", 64),
        None => None,
    };
    let start = start(c, map);
    let weeks = c
        .field(map, "", "weeks", true)
        .and_then(|v| c.integer_value(v, "weeks", 1, u64::from(MAX_WEEKS)));
    let notes = c.text(map, "", "notes", false);
    let cautions = c.texts(map, "", "cautions");
    let pain = pain(c, map);
    let (routines, ids) = routines(c, map);
    let schedule = schedule(c, map, &ids);
    let progress = progress(c, map, &ids, routines.as_deref());

    if c.problems.len() != before {
        return None;
    }
    let program = Program {
        format: PROGRAM_FORMAT,
        id: id?,
        title: title?,
        from,
        for_name,
        start: start?,
        weeks: weeks?,
        notes,
        cautions,
        pain: pain?,
        routines: routines?,
        schedule: schedule?,
        progress: progress?,
    };
    check_progressions(c, &program);
    (c.problems.len() == before).then_some(program)
}

fn format(c: &mut Checker, map: &Map<String, Value>) {
    match c.field(map, "", "format", true) {
        Some(Value::String(f)) if f == PROGRAM_FORMAT => {}
        Some(other) => {
            let shown = match other {
                Value::String(s) => format!("\"{s}\""),
                v => type_name(v).to_string(),
            };
            let hint = if other.as_str() == Some(crate::routine::ROUTINE_FORMAT) {
                "this is a routine file; a program lists routines under \"routines\"".to_string()
            } else {
                format!("set \"format\": \"{PROGRAM_FORMAT}\"")
            };
            c.push(
                Problem::new(
                    "format",
                    format!("unsupported format {shown}: this version reads \"{PROGRAM_FORMAT}\""),
                )
                .with_hint(hint),
            );
        }
        None => {
            if let Some(last) = c.problems.last_mut() {
                last.hint = Some(format!("add \"format\": \"{PROGRAM_FORMAT}\""));
            }
        }
    }
}

/// A plain, non-empty, single-language string of at most `max` characters.
fn name(c: &mut Checker, v: &Value, path: &str, max: usize) -> Option<String> {
    match v {
        Value::String(s) if s.trim().is_empty() => {
            c.err(path, "must not be empty");
            None
        }
        Value::String(s) if s.chars().count() > max => {
            c.err(path, format!("is longer than {max} characters"));
            None
        }
        Value::String(s) => Some(s.clone()),
        other => {
            c.err(path, format!("must be text, found {}", type_name(other)));
            None
        }
    }
}

fn from(c: &mut Checker, map: &Map<String, Value>) -> Option<ProgramFrom> {
    let v = c.field(map, "", "from", false)?;
    let m = c.object(v, "from", "\"from\"")?;
    c.unknown_fields(m, "from", &["therapist", "clinic", "contact"]);
    let part = |c: &mut Checker, key: &str| {
        c.field(m, "from", key, false)
            .and_then(|v| name(c, v, &join("from", key), MAX_NAME_CHARS))
    };
    Some(ProgramFrom {
        therapist: part(c, "therapist"),
        clinic: part(c, "clinic"),
        contact: part(c, "contact"),
    })
}

fn start(c: &mut Checker, map: &Map<String, Value>) -> Option<CivilDate> {
    let v = c.field(map, "", "start", true)?;
    match v {
        Value::String(s) => match CivilDate::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                c.push(Problem::new("start", e.to_string()).with_hint("write e.g. \"2025-03-03\""));
                None
            }
        },
        other => {
            c.push(
                Problem::new(
                    "start",
                    format!("must be a date, found {}", type_name(other)),
                )
                .with_hint("write e.g. \"2025-03-03\""),
            );
            None
        }
    }
}

fn pain(c: &mut Checker, map: &Map<String, Value>) -> Option<PainRules> {
    let d = PainRules::default();
    let Some(v) = c.field(map, "", "pain", false) else {
        return Some(d);
    };
    let m = c.object(v, "pain", "\"pain\"")?;
    c.unknown_fields(m, "pain", &["stop_above", "flare_rise"]);
    let stop_above = match c.field(m, "pain", "stop_above", false) {
        Some(v) => c.integer_value(v, "pain.stop_above", 0, u64::from(PAIN_MAX)),
        None => Some(d.stop_above),
    };
    let flare_rise = match c.field(m, "pain", "flare_rise", false) {
        Some(v) => c.integer_value(
            v,
            "pain.flare_rise",
            u64::from(FLARE_RISE_MIN),
            u64::from(PAIN_MAX),
        ),
        None => Some(d.flare_rise),
    };
    Some(PainRules {
        stop_above: stop_above?,
        flare_rise: flare_rise?,
    })
}

/// The routines, and the id each entry claims (even when the entry is
/// otherwise invalid, so the schedule is not reported as dangling too).
fn routines(
    c: &mut Checker,
    map: &Map<String, Value>,
) -> (Option<Vec<ProgramRoutine>>, Vec<String>) {
    let Some(v) = c.field(map, "", "routines", true) else {
        return (None, Vec::new());
    };
    let Value::Array(items) = v else {
        c.err(
            "routines",
            format!("must be a list of routines, found {}", type_name(v)),
        );
        return (None, Vec::new());
    };
    if items.is_empty() {
        c.err("routines", "a program needs at least one routine");
        return (None, Vec::new());
    }
    if items.len() > MAX_ROUTINES {
        c.push(
            Problem::new(
                "routines",
                format!(
                    "{} routines is too many; the limit is {MAX_ROUTINES}",
                    items.len()
                ),
            )
            .with_hint("split it into two programs"),
        );
        return (None, Vec::new());
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ids: Vec<String> = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = index("routines", i);
        let claimed = item
            .get("builtin")
            .or_else(|| item.get("id"))
            .and_then(Value::as_str);
        if let Some(id) = claimed {
            let key = if item.get("builtin").is_some() {
                "builtin"
            } else {
                "id"
            };
            if let Some(j) = ids.iter().position(|x| x == id) {
                c.push(
                    Problem::new(
                        join(&path, key),
                        format!("the id \"{id}\" is already used by routines[{j}]"),
                    )
                    .with_hint("give every routine of a program its own id"),
                );
                ok = false;
            }
            ids.push(id.to_string());
        } else {
            ids.push(String::new());
        }
        match routine_entry(c, item, &path) {
            Some(r) => out.push(r),
            None => ok = false,
        }
    }
    (ok.then_some(out), ids)
}

fn routine_entry(c: &mut Checker, item: &Value, path: &str) -> Option<ProgramRoutine> {
    if let Some(m) = item.as_object().filter(|m| m.contains_key("builtin")) {
        c.unknown_fields(m, path, &["builtin"]);
        let p = join(path, "builtin");
        let id = c.field(m, path, "builtin", true)?;
        let Value::String(id) = id else {
            c.err(
                &p,
                format!("must be a built-in routine id, found {}", type_name(id)),
            );
            return None;
        };
        return match builtin(id) {
            Some(r) if m.len() == 1 => Some(ProgramRoutine {
                builtin: Some(id.clone()),
                routine: r.clone(),
            }),
            Some(_) => None,
            None => {
                let known: Vec<&str> = builtin_routines().iter().map(|r| r.id.as_str()).collect();
                let p = Problem::new(p, format!("\"{id}\" is not a built-in routine"));
                c.push(match did_you_mean(id, &known) {
                    Some(s) => p.with_hint(format!("did you mean \"{s}\"?")),
                    None => p.with_hint(format!("built-in routines: {}", known.join(", "))),
                });
                None
            }
        };
    }
    match validate_routine(item, path) {
        Ok(r) => Some(ProgramRoutine {
            builtin: None,
            routine: r,
        }),
        Err(problems) => {
            for p in problems {
                c.push(p);
            }
            None
        }
    }
}

/// A `"routine"` reference that must name one of the program's routines.
fn routine_ref(
    c: &mut Checker,
    m: &Map<String, Value>,
    path: &str,
    ids: &[String],
) -> Option<String> {
    let v = c.field(m, path, "routine", true)?;
    let p = join(path, "routine");
    let Value::String(id) = v else {
        c.err(&p, format!("must be a routine id, found {}", type_name(v)));
        return None;
    };
    if ids.iter().any(|x| x == id) {
        return Some(id.clone());
    }
    let known: Vec<&str> = ids
        .iter()
        .filter(|s| !s.is_empty())
        .map(String::as_str)
        .collect();
    let problem = Problem::new(p, format!("\"{id}\" is not one of the program's routines"));
    c.push(match did_you_mean(id, &known) {
        Some(s) => problem.with_hint(format!("did you mean \"{s}\"?")),
        None if known.is_empty() => problem,
        None => problem.with_hint(format!("the program's routines: {}", known.join(", "))),
    });
    None
}

fn list<'a>(c: &mut Checker, v: &'a Value, path: &str, what: &str) -> Option<&'a Vec<Value>> {
    match v {
        Value::Array(items) => Some(items),
        other => {
            c.err(
                path,
                format!("must be a list of {what}, found {}", type_name(other)),
            );
            None
        }
    }
}

fn schedule(
    c: &mut Checker,
    map: &Map<String, Value>,
    ids: &[String],
) -> Option<Vec<ScheduleEntry>> {
    let v = c.field(map, "", "schedule", true)?;
    let items = list(c, v, "schedule", "schedule entries")?;
    if items.is_empty() {
        c.push(
            Problem::new("schedule", "the schedule is empty")
                .with_hint("add e.g. {\"routine\": \"...\", \"days\": \"daily\"}"),
        );
        return None;
    }
    if items.len() > MAX_ROUTINES {
        c.err(
            "schedule",
            format!(
                "{} entries is too many; the limit is {MAX_ROUTINES}",
                items.len()
            ),
        );
        return None;
    }
    let mut out: Vec<ScheduleEntry> = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = index("schedule", i);
        match schedule_entry(c, item, &path, ids) {
            Some(e) => {
                if let Some(j) = out.iter().position(|x| x.routine == e.routine) {
                    c.push(
                        Problem::new(
                            join(&path, "routine"),
                            format!("\"{}\" is already scheduled by schedule[{j}]", e.routine),
                        )
                        .with_hint("schedule each routine once; merge the two entries"),
                    );
                    ok = false;
                }
                out.push(e);
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn schedule_entry(
    c: &mut Checker,
    item: &Value,
    path: &str,
    ids: &[String],
) -> Option<ScheduleEntry> {
    let m = c.object(item, path, "a schedule entry")?;
    c.unknown_fields(m, path, &["routine", "days", "per_day", "per_week"]);
    let before = c.problems.len();
    let routine = routine_ref(c, m, path, ids);
    let days = c.field(m, path, "days", false);
    let per_day = c.field(m, path, "per_day", false);
    let per_week = c.field(m, path, "per_week", false);
    let frequency = match (days, per_week) {
        (Some(_), Some(_)) => {
            c.push(
                Problem::new(
                    join(path, "per_week"),
                    "use either \"days\" or \"per_week\", not both",
                )
                .with_hint("\"days\" fixes the weekdays; \"per_week\" lets the patient choose"),
            );
            None
        }
        (None, None) => {
            c.push(
                Problem::new(display_path(path), "says neither \"days\" nor \"per_week\"")
                    .with_hint(
                        "add \"days\": \"daily\", \"days\": [\"mon\", \"thu\"] or \"per_week\": 3",
                    ),
            );
            None
        }
        (Some(d), None) => {
            let days = weekdays(c, d, &join(path, "days"));
            let per_day = match per_day {
                Some(v) => c.integer_value(v, &join(path, "per_day"), 1, u64::from(MAX_PER_DAY)),
                None => Some(1),
            };
            Some(Frequency::Days {
                days: days?,
                per_day: per_day?,
            })
        }
        (None, Some(w)) => {
            if per_day.is_some() {
                c.push(
                    Problem::new(
                        join(path, "per_day"),
                        "\"per_day\" only applies with \"days\"",
                    )
                    .with_hint("remove \"per_day\"; \"per_week\" counts every session of the week"),
                );
            }
            c.integer_value(w, &join(path, "per_week"), 1, u64::from(MAX_PER_WEEK))
                .map(|times| Frequency::PerWeek { times })
        }
    };
    if c.problems.len() != before {
        return None;
    }
    Some(ScheduleEntry {
        routine: routine?,
        frequency: frequency?,
    })
}

fn weekdays(c: &mut Checker, v: &Value, path: &str) -> Option<Vec<Weekday>> {
    const HINT: &str = "write \"daily\" or a list such as [\"mon\", \"wed\", \"fri\"]";
    let items = match v {
        Value::String(s) if s == "daily" => return Some(Weekday::ALL.to_vec()),
        Value::Array(items) => items,
        Value::String(s) => {
            c.push(Problem::new(path, format!("\"{s}\" is not a list of days")).with_hint(HINT));
            return None;
        }
        other => {
            c.push(
                Problem::new(
                    path,
                    format!(
                        "must be \"daily\" or a list of days, found {}",
                        type_name(other)
                    ),
                )
                .with_hint(HINT),
            );
            return None;
        }
    };
    if items.is_empty() {
        c.push(Problem::new(path, "no days are listed").with_hint(HINT));
        return None;
    }
    let words: Vec<&str> = Weekday::ALL.iter().map(|d| d.as_str()).collect();
    let mut seen = [false; 7];
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let p = index(path, i);
        let Value::String(s) = item else {
            c.err(
                &p,
                format!("must be a day such as \"mon\", found {}", type_name(item)),
            );
            ok = false;
            continue;
        };
        match Weekday::parse(s) {
            Some(d) if seen[d.index()] => {
                c.err(&p, format!("\"{s}\" is listed twice"));
                ok = false;
            }
            Some(d) => seen[d.index()] = true,
            None => {
                let lower = s.to_ascii_lowercase();
                let guess = words
                    .iter()
                    .find(|w| lower.len() >= 3 && lower.starts_with(*w))
                    .copied()
                    .or_else(|| did_you_mean(s, &words));
                let problem = Problem::new(p, format!("\"{s}\" is not a day"));
                c.push(match guess {
                    Some(w) => problem.with_hint(format!("did you mean \"{w}\"?")),
                    None => problem.with_hint(format!("days are {}", words.join(", "))),
                });
                ok = false;
            }
        }
    }
    ok.then(|| {
        Weekday::ALL
            .into_iter()
            .filter(|d| seen[d.index()])
            .collect()
    })
}

fn progress(
    c: &mut Checker,
    map: &Map<String, Value>,
    ids: &[String],
    routines: Option<&[ProgramRoutine]>,
) -> Option<Vec<Progression>> {
    let Some(v) = c.field(map, "", "progress", false) else {
        return Some(Vec::new());
    };
    let items = list(c, v, "progress", "progressions")?;
    let mut out: Vec<Progression> = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = index("progress", i);
        match progression(c, item, &path, ids, routines) {
            Some(p) => {
                if let Some(j) = out.iter().position(|x| x.routine == p.routine) {
                    c.push(
                        Problem::new(
                            join(&path, "routine"),
                            format!("\"{}\" already progresses in progress[{j}]", p.routine),
                        )
                        .with_hint("give each routine one progression"),
                    );
                    ok = false;
                }
                out.push(p);
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

const PROGRESS_FIELDS: &[&str] = &[
    "routine",
    "every_weeks",
    "hold_add",
    "seconds_add",
    "reps_add",
    "max_hold",
    "max_seconds",
    "max_reps",
];

fn progression(
    c: &mut Checker,
    item: &Value,
    path: &str,
    ids: &[String],
    routines: Option<&[ProgramRoutine]>,
) -> Option<Progression> {
    let m = c.object(item, path, "a progression")?;
    c.unknown_fields(m, path, PROGRESS_FIELDS);
    let before = c.problems.len();
    let routine = routine_ref(c, m, path, ids);
    let every_weeks = c
        .field(m, path, "every_weeks", true)
        .and_then(|v| c.integer_value(v, &join(path, "every_weeks"), 1, u64::from(MAX_WEEKS)));
    let hold_add = c.seconds(m, path, "hold_add", Some(Millis(0)), true);
    let seconds_add = c.seconds(m, path, "seconds_add", Some(Millis(0)), true);
    let reps_add = match c.field(m, path, "reps_add", false) {
        Some(v) => c.integer_value(v, &join(path, "reps_add"), 0, u64::from(MAX_COUNT)),
        None => Some(0),
    };
    let max_hold = optional_seconds(c, m, path, "max_hold");
    let max_seconds = optional_seconds(c, m, path, "max_seconds");
    let max_reps = match c.field(m, path, "max_reps", false) {
        Some(v) => c
            .integer_value(v, &join(path, "max_reps"), 1, u64::from(MAX_COUNT))
            .map(Some),
        None => Some(None),
    };
    if c.problems.len() != before {
        return None;
    }
    let p = Progression {
        routine: routine?,
        every_weeks: every_weeks?,
        hold_add: hold_add?,
        seconds_add: seconds_add?,
        reps_add: reps_add?,
        max_hold: max_hold?,
        max_seconds: max_seconds?,
        max_reps: max_reps?,
    };
    if p.hold_add.0 == 0 && p.seconds_add.0 == 0 && p.reps_add == 0 {
        c.push(
            Problem::new(display_path(path), "the progression adds nothing")
                .with_hint("set \"hold_add\", \"seconds_add\" or \"reps_add\""),
        );
        return None;
    }
    // Each add must have something to act on.
    if let Some(r) = routines
        .and_then(|rs| rs.iter().find(|r| r.routine.id == p.routine))
        .map(|r| &r.routine)
    {
        let has = |f: fn(&StepBody) -> bool| r.steps.iter().any(|s| f(&s.body));
        let checks: [(&str, bool, bool, &str); 3] = [
            (
                "hold_add",
                p.hold_add.0 > 0,
                has(|b| matches!(b, StepBody::Stretch { .. })),
                "stretch",
            ),
            (
                "seconds_add",
                p.seconds_add.0 > 0,
                has(|b| matches!(b, StepBody::Massage { .. })),
                "massage",
            ),
            (
                "reps_add",
                p.reps_add > 0,
                has(|b| matches!(b, StepBody::Stretch { .. } | StepBody::Exercise { .. })),
                "stretch or exercise",
            ),
        ];
        for (key, set, applies, kind) in checks {
            if set && !applies {
                c.push(
                    Problem::new(
                        join(path, key),
                        format!(
                            "\"{}\" has no {kind} steps, so \"{key}\" changes nothing",
                            p.routine
                        ),
                    )
                    .with_hint(format!("remove \"{key}\"")),
                );
            }
        }
    }
    (c.problems.len() == before).then_some(p)
}

fn optional_seconds(
    c: &mut Checker,
    m: &Map<String, Value>,
    path: &str,
    key: &str,
) -> Option<Option<Millis>> {
    match c.field(m, path, key, false) {
        Some(v) => c.seconds_value(v, &join(path, key), false).map(Some),
        None => Some(None),
    }
}

/// Re-validates every progressed routine in the program's last week (where
/// it is largest), reporting broken limits at the progression's path.
fn check_progressions(c: &mut Checker, program: &Program) {
    for (j, p) in program.progress.iter().enumerate() {
        let Some(i) = program
            .routines
            .iter()
            .position(|r| r.routine.id == p.routine)
        else {
            continue;
        };
        let week = program.weeks;
        let grown = progressed(&program.routines[i].routine, p, week);
        let json = match serde_json::to_value(&grown) {
            Ok(v) => v,
            Err(e) => {
                c.err(
                    &index("progress", j),
                    format!("cannot check the progression: {e}"),
                );
                continue;
            }
        };
        if let Err(problems) = validate_routine(&json, &index("routines", i)) {
            for q in problems {
                c.push(
                    Problem::new(
                        index("progress", j),
                        format!("in week {week} the progressed routine breaks a limit: {q}"),
                    )
                    .with_hint(
                        "lower the adds, or set \"max_hold\", \"max_seconds\" or \"max_reps\"",
                    ),
                );
            }
        }
    }
}
