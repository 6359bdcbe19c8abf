//! Command scripts: a session driven with no real time, for `unknot
//! simulate`, the conformance vectors and tests.
//!
//! A script is a JSON array of `{"at_ms": int, "do": command, "ms": int}`
//! (`ms` only for `extend`) with non-decreasing `at_ms`.

use serde::Serialize;
use serde_json::Value;

use super::{Command, Cue, Frame, Session, Status};

/// Largest script accepted, in bytes.
pub const MAX_SCRIPT_BYTES: usize = 4 * 1024 * 1024;
/// Most entries in one script.
pub const MAX_SCRIPT_ENTRIES: usize = 100_000;

/// One scripted command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScriptEntry {
    /// Caller time of the command.
    pub at_ms: u64,
    /// The command.
    pub command: Command,
}

/// Why a script could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    /// The text is not a JSON array, or too large.
    #[error("the script is not valid: {0}")]
    Document(String),
    /// An entry is malformed; `entry` is 0-based.
    #[error("script entry {entry}: {message}")]
    Entry {
        /// Index of the entry.
        entry: usize,
        /// What is wrong.
        message: String,
    },
}

const COMMANDS: &[&str] = &[
    "start",
    "pause",
    "resume",
    "next",
    "previous",
    "restart_step",
    "extend",
    "continue",
    "stop",
    "tick",
];

/// Parses a command name (`ms` is used by `extend` only).
pub fn command_from_name(name: &str, ms: u64) -> Option<Command> {
    Some(match name {
        "start" => Command::Start,
        "pause" => Command::Pause,
        "resume" => Command::Resume,
        "next" => Command::Next,
        "previous" => Command::Previous,
        "restart_step" => Command::RestartStep,
        "extend" => Command::Extend(ms),
        "continue" => Command::Continue,
        "stop" => Command::Stop,
        "tick" => Command::Tick,
        _ => return None,
    })
}

/// Parses script text.
pub fn parse_script(text: &str) -> Result<Vec<ScriptEntry>, ScriptError> {
    let value = crate::problem::parse_json(text, MAX_SCRIPT_BYTES)
        .map_err(|e| ScriptError::Document(e.to_string()))?;
    let Value::Array(items) = value else {
        return Err(ScriptError::Document(
            "a script is a JSON array of entries".into(),
        ));
    };
    if items.len() > MAX_SCRIPT_ENTRIES {
        return Err(ScriptError::Document(format!(
            "{} entries; the limit is {MAX_SCRIPT_ENTRIES}",
            items.len()
        )));
    }
    let mut out = Vec::with_capacity(items.len());
    let mut last = 0;
    for (i, item) in items.iter().enumerate() {
        let err = |message: String| ScriptError::Entry { entry: i, message };
        let Value::Object(map) = item else {
            return Err(err(
                "must be an object like {\"at_ms\": 0, \"do\": \"start\"}".into(),
            ));
        };
        if let Some(k) = map
            .keys()
            .find(|k| !["at_ms", "do", "ms"].contains(&k.as_str()))
        {
            let hint = crate::problem::did_you_mean(k, &["at_ms", "do", "ms"])
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            return Err(err(format!("unknown field \"{k}\"{hint}")));
        }
        let at_ms = map.get("at_ms").and_then(Value::as_u64).ok_or_else(|| {
            err("\"at_ms\" must be a whole number of milliseconds, 0 or more".into())
        })?;
        if at_ms < last {
            return Err(err(format!(
                "\"at_ms\" {at_ms} is earlier than the entry before ({last})"
            )));
        }
        last = at_ms;
        let name = map
            .get("do")
            .and_then(Value::as_str)
            .ok_or_else(|| err(format!("\"do\" must be one of: {}", COMMANDS.join(", "))))?;
        let ms = match (name, map.get("ms")) {
            ("extend", Some(v)) => v.as_u64().filter(|ms| *ms > 0).ok_or_else(|| {
                err("\"ms\" must be a whole number of milliseconds above 0".into())
            })?,
            ("extend", None) => return Err(err("\"extend\" needs \"ms\"".into())),
            (_, Some(_)) => return Err(err("\"ms\" only applies to \"extend\"".into())),
            (_, None) => 0,
        };
        let command = command_from_name(name, ms).ok_or_else(|| {
            let hint = crate::problem::did_you_mean(name, COMMANDS)
                .map(|s| format!("did you mean \"{s}\"?"))
                .unwrap_or_else(|| format!("one of: {}", COMMANDS.join(", ")));
            err(format!("\"{name}\" is not a command ({hint})"))
        })?;
        out.push(ScriptEntry { at_ms, command });
    }
    Ok(out)
}

/// One line of a simulation's output.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A cue handed out.
    Cue {
        /// Time of the call.
        at_ms: u64,
        /// Exact due time.
        due_ms: u64,
        /// Cue kind.
        kind: &'static str,
        /// Segment index.
        segment: usize,
        /// Step index.
        step: usize,
        /// Text.
        say: String,
        /// Whether to speak it.
        speak: bool,
    },
    /// A command that did not apply.
    Ignored {
        /// Time of the call.
        at_ms: u64,
        /// Command name.
        #[serde(rename = "do")]
        command: &'static str,
        /// Why.
        reason: String,
    },
    /// The frame after a call.
    Frame {
        /// Time of the call.
        at_ms: u64,
        /// Status.
        status: Status,
        /// Step index.
        step: usize,
        /// Segment index.
        segment: usize,
        /// Position.
        position_ms: u64,
        /// Remaining timed time.
        remaining_ms: u64,
        /// Remaining in the segment (null when untimed).
        segment_remaining_ms: Option<u64>,
        /// Next wake-up.
        next_wake_ms: Option<u64>,
    },
    /// The summary after the last entry.
    End {
        /// Final status.
        status: Status,
        /// Final position.
        position_ms: u64,
        /// Timed duration with extensions.
        timed_ms: u64,
        /// Time spent paused or waiting.
        paused_ms: u64,
    },
}

fn cue_event(c: Cue) -> Event {
    Event::Cue {
        at_ms: c.at_ms,
        due_ms: c.due_ms,
        kind: c.kind.as_str(),
        segment: c.segment,
        step: c.step,
        say: c.say,
        speak: c.speak,
    }
}

fn frame_event(at_ms: u64, f: &Frame) -> Event {
    Event::Frame {
        at_ms,
        status: f.status,
        step: f.step,
        segment: f.segment,
        position_ms: f.position_ms,
        remaining_ms: f.remaining_ms,
        segment_remaining_ms: f.segment_remaining_ms,
        next_wake_ms: f.next_wake_ms,
    }
}

/// Runs a script through a session, returning every output line.
pub fn run_script(session: &mut Session, script: &[ScriptEntry]) -> Vec<Event> {
    let mut out = Vec::new();
    for e in script {
        let o = session.apply(e.command, e.at_ms);
        out.extend(o.cues.into_iter().map(cue_event));
        if let Some(reason) = o.ignored {
            out.push(Event::Ignored {
                at_ms: e.at_ms,
                command: e.command.name(),
                reason,
            });
        }
        out.push(frame_event(e.at_ms, &o.frame));
    }
    let f = session.frame();
    out.push(Event::End {
        status: f.status,
        position_ms: f.position_ms,
        timed_ms: f.timed_ms,
        paused_ms: f.paused_ms,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_names_bad_entries() {
        let s = parse_script(
            r#"[{"at_ms": 0, "do": "start"}, {"at_ms": 5, "do": "extend", "ms": 1000}]"#,
        )
        .unwrap();
        assert_eq!(s[1].command, Command::Extend(1000));
        let bad = |t: &str| parse_script(t).unwrap_err().to_string();
        assert_eq!(
            bad("{}"),
            "the script is not valid: a script is a JSON array of entries"
        );
        assert!(
            bad(r#"[{"at_ms": 5, "do": "start"}, {"at_ms": 4, "do": "tick"}]"#)
                .starts_with("script entry 1:")
        );
        assert!(bad(r#"[{"at_ms": 0, "do": "strat"}]"#).contains("did you mean \"start\""));
        assert!(bad(r#"[{"at_ms": 0, "do": "extend"}]"#).contains("needs \"ms\""));
        assert!(bad(r#"[{"at_ms": 0, "do": "tick", "ms": 3}]"#).contains("only applies"));
        assert!(bad(r#"[{"at_ms": -1, "do": "tick"}]"#).starts_with("script entry 0:"));
        assert!(bad(r#"[{"atms": 0, "do": "tick"}]"#).contains("did you mean \"at_ms\""));
        assert!(bad("[1").starts_with("the script is not valid"));
    }

    #[test]
    fn runs_a_script() {
        let r = crate::library::builtin("box-breathing").unwrap().clone();
        let mut s = Session::new(r, "en");
        let script = parse_script(r#"[{"at_ms": 0, "do": "start"}, {"at_ms": 10, "do": "start"}, {"at_ms": 500000, "do": "tick"}]"#).unwrap();
        let out = run_script(&mut s, &script);
        assert!(matches!(out[0], Event::Cue { due_ms: 0, .. }));
        assert!(out.iter().any(|e| matches!(
            e,
            Event::Ignored {
                command: "start",
                ..
            }
        )));
        match out.last().unwrap() {
            Event::End {
                status,
                position_ms,
                timed_ms,
                paused_ms,
            } => {
                assert_eq!(*status, Status::Finished);
                assert_eq!(position_ms, timed_ms);
                assert_eq!(*paused_ms, 0);
            }
            other => panic!("{other:?}"),
        }
        let line = serde_json::to_string(&out[0]).unwrap();
        assert!(
            line.starts_with(r#"{"type":"cue","at_ms":0,"due_ms":0,"kind":"segment""#),
            "{line}"
        );
    }
}
