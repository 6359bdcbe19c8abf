//! Turns routine JSON into a [`Routine`], reporting every problem at once.
//!
//! The validator walks the parsed JSON value by hand (rather than through
//! serde's derive) so that it can carry on after the first problem and name
//! the path of each one. It never panics, whatever the input.

use serde_json::{Map, Value};

use crate::limits::*;
use crate::problem::{did_you_mean, parse_json, DocumentError, Problem};
use crate::routine::*;
use crate::text::Text;
use crate::timeline::routine_timed_ms;
use crate::vocab::{Area, Pressure, Sides, Technique, Tool, Vocabulary};

/// Parses and validates routine JSON text.
pub fn parse_routine(text: &str) -> Result<Routine, DocumentError> {
    let value = parse_json(text, MAX_FILE_BYTES)?;
    validate_routine(&value, "").map_err(DocumentError::Invalid)
}

/// Validates a parsed routine. `base` prefixes every path (empty for a
/// routine file, `routines[2]` for a routine embedded in a program).
pub fn validate_routine(value: &Value, base: &str) -> Result<Routine, Vec<Problem>> {
    let mut c = Checker::default();
    let routine = c.routine(value, base);
    match routine {
        Some(r) if c.problems.is_empty() => Ok(r),
        _ => {
            if c.problems.is_empty() {
                c.problems
                    .push(Problem::new(display_path(base), "the routine is not valid"));
            }
            Err(c.problems)
        }
    }
}

/// Joins a path and a field name (`steps[2]` + `hold`).
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Joins a path and an index (`steps` + 2).
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// A path as shown to people: the empty root path reads `(document)`.
pub fn display_path(path: &str) -> String {
    if path.is_empty() {
        "(document)".to_string()
    } else {
        path.to_string()
    }
}

/// Whether `s` is a slug: `[a-z0-9][a-z0-9-]{0,63}`.
pub fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_SLUG_LEN
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphanumeric()))
}

/// How a JSON value's type is named in messages ("a number", "text").
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Collects problems while reading values. Each reader returns `None` when
/// the value is missing or wrong, after recording why.
#[derive(Default)]
pub struct Checker {
    /// Everything found so far.
    pub problems: Vec<Problem>,
}

impl Checker {
    /// Records a problem.
    pub fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    /// Records a problem without a hint.
    pub fn err(&mut self, path: &str, message: impl Into<String>) {
        self.problems
            .push(Problem::new(display_path(path), message));
    }

    /// The value as an object, or a problem.
    pub fn object<'a>(
        &mut self,
        v: &'a Value,
        path: &str,
        what: &str,
    ) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.err(
                    path,
                    format!("{what} must be an object, found {}", type_name(other)),
                );
                None
            }
        }
    }

    /// Reports every field of `map` not in `allowed`, with a hint for near misses.
    pub fn unknown_fields(&mut self, map: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                let mut p = Problem::new(join(path, key), format!("unknown field \"{key}\""));
                p = match did_you_mean(key, allowed) {
                    Some(s) => p.with_hint(format!("did you mean \"{s}\"?")),
                    None => p.with_hint(format!("allowed here: {}", allowed.join(", "))),
                };
                self.push(p);
            }
        }
    }

    /// A required or optional field.
    pub fn field<'a>(
        &mut self,
        map: &'a Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'a Value> {
        match map.get(key) {
            Some(Value::Null) | None => {
                if required {
                    self.err(&join(path, key), format!("\"{key}\" is required"));
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    /// A text: a non-empty string or an object of language tags to non-empty strings.
    pub fn text_value(&mut self, v: &Value, path: &str) -> Option<Text> {
        match v {
            Value::String(s) => self.text_string(s, path).map(Text::plain),
            Value::Object(m) => {
                if m.is_empty() {
                    self.err(
                        path,
                        "a text object needs at least one language, e.g. {\"en\": \"...\"}",
                    );
                    return None;
                }
                let mut entries = Vec::with_capacity(m.len());
                let mut ok = true;
                for (tag, s) in m {
                    let p = join(path, tag);
                    if !is_language_tag(tag) {
                        self.push(
                            Problem::new(p.clone(), format!("\"{tag}\" is not a language tag"))
                                .with_hint("use tags such as en, de, es or pt-BR"),
                        );
                        ok = false;
                    }
                    match s {
                        Value::String(s) => match self.text_string(s, &p) {
                            Some(s) => entries.push((tag.clone(), s)),
                            None => ok = false,
                        },
                        other => {
                            self.err(&p, format!("must be text, found {}", type_name(other)));
                            ok = false;
                        }
                    }
                }
                if ok {
                    Text::from_entries(entries)
                } else {
                    None
                }
            }
            other => {
                self.push(
                    Problem::new(path, format!("must be text, found {}", type_name(other)))
                        .with_hint(
                        "write a string, or an object such as {\"en\": \"...\", \"de\": \"...\"}",
                    ),
                );
                None
            }
        }
    }

    fn text_string(&mut self, s: &str, path: &str) -> Option<String> {
        if s.trim().is_empty() {
            self.err(path, "must not be empty");
            None
        } else if s.chars().count() > MAX_TEXT_CHARS {
            self.err(path, format!("is longer than {MAX_TEXT_CHARS} characters"));
            None
        } else {
            Some(s.to_string())
        }
    }

    /// A text field.
    pub fn text(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<Text> {
        let v = self.field(map, path, key, required)?;
        self.text_value(v, &join(path, key))
    }

    /// A list of texts.
    pub fn texts(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Vec<Text> {
        let Some(v) = self.field(map, path, key, false) else {
            return Vec::new();
        };
        let p = join(path, key);
        match v {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, t)| self.text_value(t, &index(&p, i)))
                .collect(),
            other => {
                self.err(
                    &p,
                    format!("must be a list of texts, found {}", type_name(other)),
                );
                Vec::new()
            }
        }
    }

    /// A slug string.
    pub fn slug(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) if is_slug(s) => Some(s.clone()),
            Value::String(s) => {
                let suggestion: String = s
                    .to_ascii_lowercase()
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect();
                let mut p = Problem::new(path, format!("\"{s}\" is not a valid id"));
                p = p.with_hint(format!(
                    "use lowercase letters, digits and dashes, at most {MAX_SLUG_LEN} characters, e.g. \"{}\"",
                    suggestion.trim_matches('-')
                ));
                self.push(p);
                None
            }
            other => {
                self.err(path, format!("must be text, found {}", type_name(other)));
                None
            }
        }
    }

    /// A time in seconds (> 0, or ≥ 0 when `allow_zero`), at most three
    /// decimals and at most 3600, as milliseconds.
    pub fn seconds_value(&mut self, v: &Value, path: &str, allow_zero: bool) -> Option<Millis> {
        let Some(x) = v.as_f64().filter(|_| v.is_number()) else {
            self.push(
                Problem::new(
                    path,
                    format!("must be a number of seconds, found {}", type_name(v)),
                )
                .with_hint("write e.g. 30 or 5.5, without quotes"),
            );
            return None;
        };
        let scaled = x * 1000.0;
        let ms = scaled.round();
        if x < 0.0 || (x == 0.0 && !allow_zero) {
            self.err(
                path,
                if allow_zero {
                    "must be 0 seconds or more"
                } else {
                    "must be more than 0 seconds"
                },
            );
            None
        } else if ms > f64::from(MAX_TIME_MS) {
            self.push(
                Problem::new(path, format!("{x} seconds is too long"))
                    .with_hint("the limit is 3600 seconds (one hour)"),
            );
            None
        } else if (scaled - ms).abs() > 1e-6 {
            self.push(
                Problem::new(path, format!("{x} has more than 3 decimals"))
                    .with_hint("times are counted in milliseconds; round to e.g. 5.125"),
            );
            None
        } else {
            Some(Millis(ms as u32))
        }
    }

    /// A seconds field; `default` when absent (required when `default` is `None`).
    pub fn seconds(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        default: Option<Millis>,
        allow_zero: bool,
    ) -> Option<Millis> {
        match self.field(map, path, key, default.is_none()) {
            Some(v) => self.seconds_value(v, &join(path, key), allow_zero),
            None => default,
        }
    }

    /// A whole number from `min` to `max`.
    pub fn integer_value(&mut self, v: &Value, path: &str, min: u64, max: u64) -> Option<u32> {
        match v {
            Value::Number(n) => {
                if let Some(i) = n.as_u64() {
                    if (min..=max).contains(&i) {
                        return Some(i as u32);
                    }
                } else if n.as_i64().is_none() {
                    self.push(
                        Problem::new(path, format!("{n} is not a whole number"))
                            .with_hint(format!("write a whole number from {min} to {max}")),
                    );
                    return None;
                }
                self.err(
                    path,
                    format!("{n} is out of range: must be from {min} to {max}"),
                );
                None
            }
            other => {
                self.push(
                    Problem::new(
                        path,
                        format!("must be a whole number, found {}", type_name(other)),
                    )
                    .with_hint("write the number without quotes"),
                );
                None
            }
        }
    }

    /// A count field (1..=100); `default` when absent.
    pub fn count(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        default: Option<u32>,
    ) -> Option<u32> {
        match self.field(map, path, key, default.is_none()) {
            Some(v) => self.integer_value(v, &join(path, key), 1, u64::from(MAX_COUNT)),
            None => default,
        }
    }

    /// A word from a closed vocabulary.
    pub fn word<T: Vocabulary>(&mut self, v: &Value, path: &str) -> Option<T> {
        let words = T::all_words();
        let Value::String(s) = v else {
            self.push(
                Problem::new(path, format!("must be text, found {}", type_name(v)))
                    .with_hint(format!("one of: {}", words.join(", "))),
            );
            return None;
        };
        if let Some(x) = T::from_word(s) {
            return Some(x);
        }
        let p = Problem::new(path, format!("\"{s}\" is not a known {}", T::WHAT));
        let normalised = s.to_ascii_lowercase().replace([' ', '-'], "_");
        let p = match T::from_word(&normalised)
            .map(|_| normalised.as_str())
            .or_else(|| did_you_mean(s, &words))
        {
            Some(w) => p.with_hint(format!("did you mean \"{w}\"?")),
            None => p.with_hint(format!("one of: {}", words.join(", "))),
        };
        self.push(p);
        None
    }

    /// A vocabulary field; `default` when absent (required when `None`).
    pub fn vocab_field<T: Vocabulary>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        default: Option<T>,
    ) -> Option<T> {
        match self.field(map, path, key, default.is_none()) {
            Some(v) => self.word(v, &join(path, key)),
            None => default,
        }
    }

    /// A whole routine at `base`.
    pub fn routine(&mut self, value: &Value, base: &str) -> Option<Routine> {
        let map = self.object(value, base, "a routine")?;
        const TOP: &[&str] = &[
            "format",
            "id",
            "title",
            "summary",
            "tags",
            "equipment",
            "cautions",
            "steps",
        ];
        self.unknown_fields(map, base, TOP);
        let before = self.problems.len();

        match self.field(map, base, "format", true) {
            Some(Value::String(f)) if f == ROUTINE_FORMAT => {}
            Some(other) => {
                let shown = match other {
                    Value::String(s) => format!("\"{s}\""),
                    v => type_name(v).to_string(),
                };
                self.push(
                    Problem::new(
                        join(base, "format"),
                        format!(
                            "unsupported format {shown}: this version reads \"{ROUTINE_FORMAT}\""
                        ),
                    )
                    .with_hint(format!("set \"format\": \"{ROUTINE_FORMAT}\"")),
                );
            }
            None => {
                if let Some(last) = self.problems.last_mut() {
                    last.hint = Some(format!("add \"format\": \"{ROUTINE_FORMAT}\""));
                }
            }
        }
        let id = self
            .field(map, base, "id", true)
            .and_then(|v| self.slug(v, &join(base, "id")));
        let title = self.text(map, base, "title", true);
        let summary = self.text(map, base, "summary", false);
        let tags = self.slug_list(map, base, "tags");
        let equipment = self.tool_list(map, base);
        let cautions = self.texts(map, base, "cautions");
        let steps = self.steps(map, base);

        if self.problems.len() != before {
            return None;
        }
        let routine = Routine {
            format: ROUTINE_FORMAT,
            id: id?,
            title: title?,
            summary,
            tags,
            equipment,
            cautions,
            steps: steps?,
        };
        let timed = routine_timed_ms(&routine);
        if timed > MAX_TIMED_MS {
            self.push(
                Problem::new(
                    join(base, "steps"),
                    format!(
                        "the routine's timed steps add up to {} minutes; the limit is {} hours",
                        timed / 60_000,
                        MAX_TIMED_MS / 3_600_000
                    ),
                )
                .with_hint("split it into shorter routines"),
            );
            return None;
        }
        Some(routine)
    }

    /// A list of slugs (tags).
    pub fn slug_list(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Vec<String> {
        let Some(v) = self.field(map, path, key, false) else {
            return Vec::new();
        };
        let p = join(path, key);
        match v {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, t)| self.slug(t, &index(&p, i)))
                .collect(),
            other => {
                self.err(&p, format!("must be a list, found {}", type_name(other)));
                Vec::new()
            }
        }
    }

    fn tool_list(&mut self, map: &Map<String, Value>, path: &str) -> Vec<Tool> {
        let Some(v) = self.field(map, path, "equipment", false) else {
            return Vec::new();
        };
        let p = join(path, "equipment");
        match v {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, t)| self.word::<Tool>(t, &index(&p, i)))
                .collect(),
            other => {
                self.err(
                    &p,
                    format!("must be a list of tools, found {}", type_name(other)),
                );
                Vec::new()
            }
        }
    }

    fn steps(&mut self, map: &Map<String, Value>, base: &str) -> Option<Vec<Step>> {
        let v = self.field(map, base, "steps", true)?;
        let p = join(base, "steps");
        let Value::Array(items) = v else {
            self.err(
                &p,
                format!("must be a list of steps, found {}", type_name(v)),
            );
            return None;
        };
        if items.is_empty() {
            self.err(&p, "a routine needs at least one step");
            return None;
        }
        if items.len() > MAX_STEPS {
            self.push(
                Problem::new(
                    p.clone(),
                    format!(
                        "{} steps is too many; the limit is {MAX_STEPS}",
                        items.len()
                    ),
                )
                .with_hint("split it into shorter routines"),
            );
            return None;
        }
        let steps: Vec<Option<Step>> = items
            .iter()
            .enumerate()
            .map(|(i, s)| self.step(s, &index(&p, i)))
            .collect();
        steps.into_iter().collect()
    }

    fn step(&mut self, v: &Value, path: &str) -> Option<Step> {
        let map = self.object(v, path, "a step")?;
        let kind = match self.field(map, path, "kind", true) {
            Some(Value::String(k)) => k.as_str(),
            Some(other) => {
                self.err(
                    &join(path, "kind"),
                    format!("must be text, found {}", type_name(other)),
                );
                return None;
            }
            None => {
                if let Some(last) = self.problems.last_mut() {
                    last.hint = Some(format!("one of: {}", STEP_KINDS.join(", ")));
                }
                return None;
            }
        };
        const COMMON: &[&str] = &["kind", "title", "instructions", "say"];
        let own: &[&str] = match kind {
            "prepare" | "rest" => &["seconds"],
            "manual" => &[],
            "breathing" => &["inhale", "hold_in", "exhale", "hold_out", "cycles"],
            "stretch" => &["area", "hold", "reps", "rest", "sides", "switch"],
            "massage" => &[
                "area",
                "technique",
                "pressure",
                "tool",
                "seconds",
                "pace",
                "sides",
                "switch",
            ],
            "exercise" => &[
                "area",
                "reps",
                "rep_seconds",
                "sets",
                "rest",
                "sides",
                "switch",
            ],
            other => {
                let p = Problem::new(
                    join(path, "kind"),
                    format!("\"{other}\" is not a step kind"),
                );
                self.push(match did_you_mean(other, STEP_KINDS) {
                    Some(s) => p.with_hint(format!("did you mean \"{s}\"?")),
                    None => p.with_hint(format!("one of: {}", STEP_KINDS.join(", "))),
                });
                return None;
            }
        };
        let allowed: Vec<&str> = COMMON.iter().chain(own).copied().collect();
        self.unknown_fields(map, path, &allowed);
        let before = self.problems.len();

        let title = self.text(map, path, "title", true);
        let instructions = self.text(map, path, "instructions", false);
        let say = self.text(map, path, "say", false);
        let body = match kind {
            "prepare" => self
                .seconds(map, path, "seconds", None, false)
                .map(|seconds| StepBody::Prepare { seconds }),
            "rest" => self
                .seconds(map, path, "seconds", None, false)
                .map(|seconds| StepBody::Rest { seconds }),
            "manual" => Some(StepBody::Manual),
            "breathing" => {
                let inhale = self.seconds(map, path, "inhale", None, false);
                let hold_in = self.seconds(map, path, "hold_in", Some(Millis(0)), true);
                let exhale = self.seconds(map, path, "exhale", None, false);
                let hold_out = self.seconds(map, path, "hold_out", Some(Millis(0)), true);
                let cycles = self.count(map, path, "cycles", None);
                Some(StepBody::Breathing {
                    inhale: inhale?,
                    hold_in: hold_in?,
                    exhale: exhale?,
                    hold_out: hold_out?,
                    cycles: cycles?,
                })
            }
            "stretch" => {
                let area = self.area(map, path);
                let hold = self.seconds(map, path, "hold", None, false);
                let reps = self.count(map, path, "reps", Some(1));
                let rest = self.seconds(map, path, "rest", Some(Millis(0)), true);
                let (sides, switch) = self.sides(map, path);
                Some(StepBody::Stretch {
                    area: area?,
                    hold: hold?,
                    reps: reps?,
                    rest: rest?,
                    sides: sides?,
                    switch: switch?,
                })
            }
            "massage" => {
                let area = self.area(map, path);
                let technique = self.vocab_field::<Technique>(map, path, "technique", None);
                let pressure = self.vocab_field::<Pressure>(map, path, "pressure", None);
                let tool = self.vocab_field(map, path, "tool", Some(Tool::Hands));
                let seconds = self.seconds(map, path, "seconds", None, false);
                let pace = match self.field(map, path, "pace", false) {
                    None => Some(None),
                    Some(v) => self.pace(v, &join(path, "pace")).map(Some),
                };
                let (sides, switch) = self.sides(map, path);
                Some(StepBody::Massage {
                    area: area?,
                    technique: technique?,
                    pressure: pressure?,
                    tool: tool?,
                    seconds: seconds?,
                    pace: pace?,
                    sides: sides?,
                    switch: switch?,
                })
            }
            "exercise" => {
                let area = match self.field(map, path, "area", false) {
                    None => Some(None),
                    Some(_) => self.area(map, path).map(Some),
                };
                let reps = self.count(map, path, "reps", None);
                let rep_seconds = match self.field(map, path, "rep_seconds", false) {
                    None => Some(None),
                    Some(v) => self
                        .seconds_value(v, &join(path, "rep_seconds"), false)
                        .map(Some),
                };
                let sets = self.count(map, path, "sets", Some(1));
                let rest = self.seconds(map, path, "rest", Some(Millis(0)), true);
                let (sides, switch) = self.sides(map, path);
                let (reps, rep_seconds) = (reps?, rep_seconds?);
                if let Some(rs) = rep_seconds {
                    if u64::from(reps) * rs.ms() > u64::from(MAX_TIME_MS) {
                        self.push(
                            Problem::new(
                                join(path, "rep_seconds"),
                                format!(
                                    "one set lasts {} s (reps × rep_seconds); the limit is 3600 s",
                                    u64::from(reps) * rs.ms() / 1000
                                ),
                            )
                            .with_hint("use fewer reps per set, or more sets"),
                        );
                        return None;
                    }
                }
                Some(StepBody::Exercise {
                    area: area?,
                    reps,
                    rep_seconds,
                    sets: sets?,
                    rest: rest?,
                    sides: sides?,
                    switch: switch?,
                })
            }
            _ => None,
        };
        if self.problems.len() != before {
            return None;
        }
        Some(Step {
            body: body?,
            title: title?,
            instructions,
            say,
        })
    }

    fn area(&mut self, map: &Map<String, Value>, path: &str) -> Option<Area> {
        self.vocab_field::<Area>(map, path, "area", None)
    }

    fn pace(&mut self, v: &Value, path: &str) -> Option<f64> {
        match v.as_f64().filter(|_| v.is_number()) {
            Some(x) if x > 0.0 && x <= MAX_PACE => Some(x),
            Some(x) => {
                self.err(path, format!("{x} strokes per minute is out of range: must be more than 0 and at most {MAX_PACE}"));
                None
            }
            None => {
                self.err(
                    path,
                    format!(
                        "must be a number of strokes per minute, found {}",
                        type_name(v)
                    ),
                );
                None
            }
        }
    }

    /// `sides` [none] and `switch` (only with `both`).
    fn sides(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
    ) -> (Option<Sides>, Option<Option<Millis>>) {
        let sides = self.vocab_field(map, path, "sides", Some(Sides::None));
        let switch = match self.field(map, path, "switch", false) {
            None => Some(None),
            Some(v) => {
                let p = join(path, "switch");
                let s = self.seconds_value(v, &p, false);
                match sides {
                    Some(Sides::Both) => s.map(Some),
                    Some(other) => {
                        self.push(
                            Problem::new(p, format!("\"switch\" only applies when \"sides\" is \"both\" (here it is \"{other}\")"))
                                .with_hint("remove \"switch\", or set \"sides\": \"both\""),
                        );
                        None
                    }
                    None => None,
                }
            }
        };
        (sides, switch)
    }
}

#[cfg(test)]
mod tests;
