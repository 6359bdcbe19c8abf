//! Exported copies of the engine's records: status, cues, frames, updates.

use unknot_core::engine;

use crate::convert::{count, count32, ms};
use crate::library::{SegmentKind, Side};

/// Where a session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Status {
    /// Made, not started.
    Ready,
    /// Time runs.
    Running,
    /// Paused by the user; time does not count.
    Paused,
    /// At an untimed segment, until the user continues.
    Waiting,
    /// Reached the end of the routine.
    Finished,
    /// Stopped by the user before the end.
    Stopped,
}

impl From<engine::Status> for Status {
    fn from(s: engine::Status) -> Self {
        match s {
            engine::Status::Ready => Status::Ready,
            engine::Status::Running => Status::Running,
            engine::Status::Paused => Status::Paused,
            engine::Status::Waiting => Status::Waiting,
            engine::Status::Finished => Status::Finished,
            engine::Status::Stopped => Status::Stopped,
        }
    }
}

/// What a cue marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CueKind {
    /// A segment starts.
    Segment,
    /// Halfway through a long hold, massage or work segment.
    Halfway,
    /// 3, 2 or 1 s before the end of a segment of 10 s or more.
    Countdown,
    /// The routine is complete.
    Finished,
}

impl From<engine::CueKind> for CueKind {
    fn from(k: engine::CueKind) -> Self {
        match k {
            engine::CueKind::Segment => CueKind::Segment,
            engine::CueKind::Halfway => CueKind::Halfway,
            engine::CueKind::Countdown => CueKind::Countdown,
            engine::CueKind::Finished => CueKind::Finished,
        }
    }
}

/// A prompt to play (speech, sound, vibration).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Cue {
    /// What it marks.
    pub kind: CueKind,
    /// Exact due time on the caller's clock, in milliseconds.
    pub due_ms: i64,
    /// The `now_ms` of the call that handed it out (never before `due_ms`).
    pub at_ms: i64,
    /// Segment it belongs to.
    pub segment: i32,
    /// Step it belongs to.
    pub step: i32,
    /// Text to speak.
    pub say: String,
    /// Whether to speak it: only the newest cue of one call is spoken.
    pub speak: bool,
    /// What it sounds like without speech, in playing order (one or two);
    /// `cue_play` turns them into what to play for a style.
    pub sounds: Vec<crate::lookahead::CueSound>,
}

impl From<engine::Cue> for Cue {
    fn from(c: engine::Cue) -> Self {
        Cue {
            kind: c.kind.into(),
            due_ms: ms(c.due_ms),
            at_ms: ms(c.at_ms),
            segment: count(c.segment),
            step: count(c.step),
            say: c.say,
            speak: c.speak,
            sounds: c.sounds.into_iter().map(Into::into).collect(),
        }
    }
}

/// Everything a player screen draws.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Frame {
    /// Session status.
    pub status: Status,
    /// The time of the call that made this frame.
    pub now_ms: i64,
    /// Current step index.
    pub step: i32,
    /// Number of steps.
    pub step_count: i32,
    /// Current segment index.
    pub segment: i32,
    /// Number of segments.
    pub segment_count: i32,
    /// The step's title.
    pub step_title: String,
    /// The step's instructions, if any.
    pub step_instructions: Option<String>,
    /// What the current segment is.
    pub kind: SegmentKind,
    /// Side, for sided steps.
    pub side: Option<Side>,
    /// 1-based rep or set.
    pub rep: Option<i32>,
    /// 1-based breathing cycle.
    pub cycle: Option<i32>,
    /// Progress through the segment, 0 to 1 (0 for untimed segments).
    pub segment_progress: f64,
    /// Length of the segment with extensions; `None` when untimed.
    pub segment_duration_ms: Option<i64>,
    /// Time left in the segment; `None` when untimed.
    pub segment_remaining_ms: Option<i64>,
    /// Timed time left in the step.
    pub step_remaining_ms: i64,
    /// How far into the timed duration the session is.
    pub position_ms: i64,
    /// Timed duration (with extensions) minus position.
    pub remaining_ms: i64,
    /// Timed duration with extensions.
    pub timed_ms: i64,
    /// Time the clock ran while the session stood still (paused or waiting).
    pub paused_ms: i64,
    /// When the next cue falls due: schedule one wake-up then. `None`
    /// unless running.
    pub next_wake_ms: Option<i64>,
    /// Caller time at which the current segment began; `None` unless
    /// running. A screen animates on its own clock from it: at time `t`
    /// the segment is `t - segment_started_ms` in (out of
    /// `segment_duration_ms`), so it calls the core only at `next_wake_ms`
    /// and on input. It changes only with a new frame.
    pub segment_started_ms: Option<i64>,
    /// Breathing segments: the breath level (0 breathed out, 1 breathed
    /// in) at the segment's start; `None` for other segments.
    pub breath_from: Option<f64>,
    /// Breathing segments: the breath level at the segment's end; in
    /// between it follows the segment's progress in a straight line.
    pub breath_to: Option<f64>,
}

impl From<engine::Frame> for Frame {
    fn from(f: engine::Frame) -> Self {
        Frame {
            status: f.status.into(),
            now_ms: ms(f.now_ms),
            step: count(f.step),
            step_count: count(f.step_count),
            segment: count(f.segment),
            segment_count: count(f.segment_count),
            step_title: f.step_title,
            step_instructions: f.step_instructions,
            kind: f.kind.into(),
            side: f.side.map(Side::from),
            rep: f.rep.map(count32),
            cycle: f.cycle.map(count32),
            segment_progress: f.segment_progress,
            segment_duration_ms: f.segment_duration_ms.map(ms),
            segment_remaining_ms: f.segment_remaining_ms.map(ms),
            step_remaining_ms: ms(f.step_remaining_ms),
            position_ms: ms(f.position_ms),
            remaining_ms: ms(f.remaining_ms),
            timed_ms: ms(f.timed_ms),
            paused_ms: ms(f.paused_ms),
            next_wake_ms: f.next_wake_ms.map(ms),
            segment_started_ms: f.segment_started_ms.map(ms),
            breath_from: f.breath.map(|b| b.0),
            breath_to: f.breath.map(|b| b.1),
        }
    }
}

/// The result of one command: the cues handed out (oldest first), why the
/// command was ignored when it did not apply, and the frame to draw.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Update {
    /// Cues that fell due, oldest first; only the newest has `speak` set.
    pub cues: Vec<Cue>,
    /// Why the command did not apply, when it did not.
    pub ignored: Option<String>,
    /// The frame after the command.
    pub frame: Frame,
}

impl From<engine::Outcome> for Update {
    fn from(o: engine::Outcome) -> Self {
        Update {
            cues: o.cues.into_iter().map(Cue::from).collect(),
            ignored: o.ignored,
            frame: o.frame.into(),
        }
    }
}

/// One tick, light to carry across the boundary: the cues, the numbers that
/// move on every tick, and the whole [`Frame`] only when something else in
/// it changed since the player last handed one out. With `frame` absent,
/// the screen keeps its last frame and takes these numbers into it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Pulse {
    /// Cues that fell due, oldest first; only the newest has `speak` set.
    pub cues: Vec<Cue>,
    /// The time of the call.
    pub now_ms: i64,
    /// Progress through the segment, 0 to 1 (0 for untimed segments).
    pub segment_progress: f64,
    /// Time left in the segment; `None` when untimed.
    pub segment_remaining_ms: Option<i64>,
    /// Timed time left in the step.
    pub step_remaining_ms: i64,
    /// How far into the timed duration the session is.
    pub position_ms: i64,
    /// Timed duration (with extensions) minus position.
    pub remaining_ms: i64,
    /// Time the clock ran while the session stood still.
    pub paused_ms: i64,
    /// When the next cue falls due; `None` unless running.
    pub next_wake_ms: Option<i64>,
    /// The whole frame, when the step, segment, status or timed length
    /// changed since the last frame handed out; otherwise `None`.
    pub frame: Option<Frame>,
}

impl Pulse {
    pub(crate) fn of(o: engine::Outcome, changed: bool) -> Self {
        let f = &o.frame;
        Pulse {
            now_ms: ms(f.now_ms),
            segment_progress: f.segment_progress,
            segment_remaining_ms: f.segment_remaining_ms.map(ms),
            step_remaining_ms: ms(f.step_remaining_ms),
            position_ms: ms(f.position_ms),
            remaining_ms: ms(f.remaining_ms),
            paused_ms: ms(f.paused_ms),
            next_wake_ms: f.next_wake_ms.map(ms),
            cues: o.cues.into_iter().map(Cue::from).collect(),
            frame: changed.then(|| o.frame.into()),
        }
    }
}

impl Frame {
    /// This frame with a pulse's moving numbers taken in (what a shell does
    /// with a pulse that carries no frame).
    pub fn with_pulse(&self, p: &Pulse) -> Frame {
        Frame {
            now_ms: p.now_ms,
            segment_progress: p.segment_progress,
            segment_remaining_ms: p.segment_remaining_ms,
            step_remaining_ms: p.step_remaining_ms,
            position_ms: p.position_ms,
            remaining_ms: p.remaining_ms,
            paused_ms: p.paused_ms,
            next_wake_ms: p.next_wake_ms,
            ..self.clone()
        }
    }
}

/// What a session amounts to, for the journal entry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionSummary {
    /// Status when asked.
    pub status: Status,
    /// Running time from start to the end (or now), pauses and waits left out.
    pub active_ms: i64,
    /// Steps run to their end.
    pub steps_completed: i32,
    /// Steps left with `next` before their end.
    pub steps_skipped: i32,
}

impl From<engine::SessionSummary> for SessionSummary {
    fn from(s: engine::SessionSummary) -> Self {
        SessionSummary {
            status: s.status.into(),
            active_ms: ms(s.active_ms),
            steps_completed: count32(s.steps_completed),
            steps_skipped: count32(s.steps_skipped),
        }
    }
}
