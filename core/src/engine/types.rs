//! The records the engine hands to shells: status, commands, cues, frames.

use serde::Serialize;

use crate::timeline::SegmentKind;
use crate::vocab::Side;

/// Where a session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Made, not started.
    Ready,
    /// Time runs.
    Running,
    /// Paused by the user; time does not count.
    Paused,
    /// At an untimed segment, until the user continues.
    Waiting,
    /// Reached the end of the timeline.
    Finished,
    /// Stopped by the user before the end.
    Stopped,
}

impl Status {
    /// The word used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ready => "ready",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Waiting => "waiting",
            Status::Finished => "finished",
            Status::Stopped => "stopped",
        }
    }

    /// True once the session is finished or stopped.
    pub fn is_over(self) -> bool {
        matches!(self, Status::Finished | Status::Stopped)
    }
}

/// Something the user (or the shell's wake-up) asks of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a ready session.
    Start,
    /// Pause a running session.
    Pause,
    /// Resume a paused session.
    Resume,
    /// Go to the start of the next step (after the last: finished).
    Next,
    /// More than 3 s into the step: its start; otherwise the previous step's start.
    Previous,
    /// Go back to the start of the current step.
    RestartStep,
    /// Lengthen the current timed segment by this many milliseconds.
    Extend(u64),
    /// Leave an untimed segment.
    Continue,
    /// End the session early.
    Stop,
    /// Nothing but the passing of time: hand out what fell due.
    Tick,
}

impl Command {
    /// The command's name in scripts (`restart_step`).
    pub fn name(&self) -> &'static str {
        match self {
            Command::Start => "start",
            Command::Pause => "pause",
            Command::Resume => "resume",
            Command::Next => "next",
            Command::Previous => "previous",
            Command::RestartStep => "restart_step",
            Command::Extend(_) => "extend",
            Command::Continue => "continue",
            Command::Stop => "stop",
            Command::Tick => "tick",
        }
    }
}

/// What a cue marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// A segment starts (its text is spoken).
    Segment,
    /// Halfway through a long hold, massage or work segment.
    Halfway,
    /// 3, 2 or 1 s before the end of a segment of 10 s or more.
    Countdown,
    /// The routine is complete.
    Finished,
}

impl CueKind {
    /// The word used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Segment => "segment",
            CueKind::Halfway => "halfway",
            CueKind::Countdown => "countdown",
            CueKind::Finished => "finished",
        }
    }
}

/// What a cue sounds like, for the cue styles that do not speak (see
/// [`crate::sound`]). A cue carries one or two, played in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueSound {
    /// A new step begins (a chime).
    Step,
    /// A side begins within a step (the other chime).
    Side,
    /// Breathe in (a rising tone).
    BreatheIn,
    /// Hold the breath (a level tone).
    Hold,
    /// Breathe out (a falling tone).
    BreatheOut,
    /// Any other segment within the same step and side begins (a rest, the
    /// next hold or set, the switch pause).
    Change,
    /// Halfway through a long segment.
    Halfway,
    /// 3, 2 or 1 s before the end of a segment.
    Countdown,
    /// The routine is complete (the closing sound).
    Finish,
}

impl CueSound {
    /// The word used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            CueSound::Step => "step",
            CueSound::Side => "side",
            CueSound::BreatheIn => "breathe_in",
            CueSound::Hold => "hold",
            CueSound::BreatheOut => "breathe_out",
            CueSound::Change => "change",
            CueSound::Halfway => "halfway",
            CueSound::Countdown => "countdown",
            CueSound::Finish => "finish",
        }
    }
}

/// A prompt for the shell to play (speech, sound, vibration).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cue {
    /// What it marks.
    pub kind: CueKind,
    /// Exact due time on the caller's clock.
    pub due_ms: u64,
    /// The `now_ms` of the call that handed it out (never before `due_ms`).
    pub at_ms: u64,
    /// Segment it belongs to.
    pub segment: usize,
    /// Step it belongs to.
    pub step: usize,
    /// Text to speak.
    pub say: String,
    /// Whether to speak it: only the newest cue of one call is spoken.
    pub speak: bool,
    /// What it sounds like without speech, in playing order (one or two).
    pub sounds: Vec<CueSound>,
}

/// Everything a shell needs to draw the player.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Frame {
    /// Session status.
    pub status: Status,
    /// The time of the call that made this frame.
    pub now_ms: u64,
    /// Current step index.
    pub step: usize,
    /// Number of steps.
    pub step_count: usize,
    /// Current segment index.
    pub segment: usize,
    /// Number of segments.
    pub segment_count: usize,
    /// The step's title.
    pub step_title: String,
    /// The step's instructions, if any.
    pub step_instructions: Option<String>,
    /// What the current segment is.
    pub kind: SegmentKind,
    /// Side, for sided steps.
    pub side: Option<Side>,
    /// 1-based rep or set.
    pub rep: Option<u32>,
    /// 1-based breathing cycle.
    pub cycle: Option<u32>,
    /// Progress through the segment, 0 to 1 (0 for untimed segments).
    pub segment_progress: f64,
    /// Length of the segment with extensions; `None` when untimed.
    pub segment_duration_ms: Option<u64>,
    /// Time left in the segment; `None` when untimed.
    pub segment_remaining_ms: Option<u64>,
    /// Timed time left in the step.
    pub step_remaining_ms: u64,
    /// How far into the timed duration the session is.
    pub position_ms: u64,
    /// Timed duration (with extensions) minus position.
    pub remaining_ms: u64,
    /// Timed duration with extensions.
    pub timed_ms: u64,
    /// Time the clock ran while the session stood still (paused, or waiting
    /// at an untimed segment). Due times are start + position + this.
    pub paused_ms: u64,
    /// When the next cue falls due; `None` unless running.
    pub next_wake_ms: Option<u64>,
    /// How far into the current segment the session is at `now_ms`.
    /// While running, a screen animates on its own clock: at time `t` the
    /// segment is `segment_elapsed_ms + (t - now_ms)` in, until
    /// `next_wake_ms`; otherwise it stands still.
    pub segment_elapsed_ms: u64,
    /// Caller time at which the current segment began (`now_ms` minus
    /// `segment_elapsed_ms`); `None` unless running.
    pub segment_started_ms: Option<u64>,
    /// Breathing segments: the breath level (0 breathed out, 1 breathed in)
    /// at the segment's start and at its end, as `(from, to)`; the level in
    /// between follows the segment's progress in a straight line. `None`
    /// for other segments.
    pub breath: Option<(f64, f64)>,
}

/// The result of one call: the cues handed out, whether the command was
/// ignored (and why), and the frame to draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Cues that fell due, oldest first.
    pub cues: Vec<Cue>,
    /// Why the command did not apply, when it did not.
    pub ignored: Option<String>,
    /// The frame after the call.
    pub frame: Frame,
}
