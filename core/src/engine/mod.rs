//! The session engine: a drift-free timer state machine.
//!
//! Every call carries the caller's monotonic time in milliseconds. The
//! engine never counts ticks: it keeps one anchor (a caller time and the
//! position it corresponds to) that is reset only when the session stops
//! or starts moving, and derives the position, every cue's due time and
//! the next wake-up from it. A late or missing tick therefore changes
//! nothing but when cues are handed out.

mod lookahead;
mod plan;
pub mod script;
mod snapshot;
mod tags;
mod types;

use crate::phrases::Phrase;
use crate::routine::Routine;
use crate::timeline::{build_timeline, build_timeline_unspoken, SegmentKind, Timeline};

use plan::Plan;

pub use snapshot::SnapshotError;
pub use types::{Command, Cue, CueKind, CueSound, Frame, Outcome, Status};

/// How far into a step `previous` restarts it instead of going back a step.
pub const PREVIOUS_GRACE_MS: u64 = 3_000;
/// Timed `hold`, `massage` and `work` segments this long get a halfway cue.
pub const HALFWAY_MIN_MS: u64 = 20_000;
/// Timed segments this long get a 3-2-1 countdown.
pub const COUNTDOWN_MIN_MS: u64 = 10_000;
/// Largest single extension accepted (one hour); larger asks are clamped.
pub const MAX_EXTEND_MS: u64 = 3_600_000;
/// Largest total of extensions in one session (four hours).
pub const MAX_TOTAL_EXTEND_MS: u64 = 4 * 3_600_000;

const STEP_COMPLETED: u8 = 1;
const STEP_SKIPPED: u8 = 2;

/// What a session amounts to, for the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SessionSummary {
    /// Status when asked (finished, stopped, or still going).
    pub status: Status,
    /// Time the clock ran while the session was running: from `start` to
    /// the last call, minus pauses and waits at untimed steps.
    pub active_ms: u64,
    /// Steps run to their end.
    pub steps_completed: u32,
    /// Steps left with `next` before their end.
    pub steps_skipped: u32,
}

/// A session of one routine.
#[derive(Debug, Clone)]
pub struct Session {
    routine: Routine,
    plan: Plan,
    lang: String,
    state: State,
}

/// Everything that changes during a session; what a snapshot saves.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct State {
    status: Status,
    /// Latest `now_ms` seen.
    last_now: u64,
    /// Caller time that corresponds to `anchor_pos` (while running).
    anchor_now: u64,
    /// Position at `anchor_now`.
    anchor_pos: u64,
    /// Position after the last call.
    pos: u64,
    /// Total time spent paused or waiting, before the current hold.
    paused_ms: u64,
    /// When the current pause or wait began.
    held_since: Option<u64>,
    /// Current segment.
    seg: usize,
    /// Position where the current segment starts (extensions included).
    seg_start: u64,
    /// Offset within the current segment of the last cue handed out.
    emitted: Option<u64>,
    /// Extensions as `(segment, ms)`, at most one entry per segment.
    ext: Vec<(usize, u64)>,
    /// Caller time of `start`.
    #[serde(default)]
    started_at: Option<u64>,
    /// Caller time at which the session finished or was stopped.
    #[serde(default)]
    ended_at: Option<u64>,
    /// Per step: 0 not yet left, 1 completed by running to its end, 2
    /// skipped with `next` before its end.
    #[serde(default)]
    step_marks: Vec<u8>,
}

impl Session {
    /// A ready session of a valid routine, speaking `lang`.
    pub fn new(routine: Routine, lang: &str) -> Session {
        let plan = Plan::of(&build_timeline_unspoken(&routine, lang));
        Session {
            routine,
            plan,
            lang: lang.to_string(),
            state: State {
                status: Status::Ready,
                last_now: 0,
                anchor_now: 0,
                anchor_pos: 0,
                pos: 0,
                paused_ms: 0,
                held_since: None,
                seg: 0,
                seg_start: 0,
                emitted: None,
                ext: Vec::new(),
                started_at: None,
                ended_at: None,
                step_marks: Vec::new(),
            },
        }
    }

    /// The routine being played.
    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    /// The routine's title in the session's language.
    pub fn title(&self) -> &str {
        self.routine.title.get(&self.lang)
    }

    /// The routine's timeline in the session's language (without
    /// extensions), built afresh: the session itself keeps only a packed
    /// copy and makes each spoken text when its cue falls due.
    pub fn timeline(&self) -> Timeline {
        build_timeline(&self.routine, &self.lang)
    }

    /// The language of spoken texts.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Current status.
    pub fn status(&self) -> Status {
        self.state.status
    }

    /// Applies a command at the caller's time `now_ms`. Time never runs
    /// backwards: an earlier `now_ms` than the last one counts as the last.
    pub fn apply(&mut self, cmd: Command, now_ms: u64) -> Outcome {
        let now = now_ms.max(self.state.last_now);
        self.state.last_now = now;
        let mut cues = Vec::new();
        self.advance(now, false, &mut cues);
        let ignored = self.command(cmd, now, &mut cues).err();
        if let Some(last) = cues.last_mut() {
            last.speak = true;
        }
        Outcome {
            cues,
            ignored: ignored.map(str::to_string),
            frame: self.frame(),
        }
    }

    fn command(&mut self, cmd: Command, now: u64, cues: &mut Vec<Cue>) -> Result<(), &'static str> {
        let status = self.state.status;
        if status.is_over() && cmd != Command::Tick {
            return Err("the session is over");
        }
        match cmd {
            Command::Tick => Ok(()),
            Command::Start => {
                if status != Status::Ready {
                    return Err("the session has already started");
                }
                self.state.started_at = Some(now);
                self.run_from(now, self.state.pos);
                self.advance(now, false, cues);
                Ok(())
            }
            Command::Stop => {
                self.end_hold(now);
                self.state.ended_at = Some(now);
                self.state.status = Status::Stopped;
                Ok(())
            }
            _ if status == Status::Ready => Err("the session has not started yet"),
            Command::Pause => match status {
                Status::Running => {
                    self.state.status = Status::Paused;
                    self.state.held_since = Some(now);
                    Ok(())
                }
                Status::Paused => Err("already paused"),
                _ => Err("waiting for you to continue; nothing is running"),
            },
            Command::Resume => {
                if status != Status::Paused {
                    return Err("not paused");
                }
                self.end_hold(now);
                self.run_from(now, self.state.pos);
                self.advance(now, false, cues);
                Ok(())
            }
            Command::Continue => {
                if status != Status::Waiting {
                    return Err("not waiting at an untimed step");
                }
                self.end_hold(now);
                self.run_from(now, self.state.pos);
                self.advance(now, true, cues);
                Ok(())
            }
            Command::Extend(ms) => {
                let seg = &self.plan.segments[self.state.seg];
                let total_ext: u64 = self.state.ext.iter().map(|e| e.1).sum();
                let ms = ms.min(MAX_EXTEND_MS).min(MAX_TOTAL_EXTEND_MS - total_ext);
                if seg.is_untimed() {
                    Err("the current segment is untimed")
                } else if ms == 0 {
                    Err("nothing to extend by")
                } else {
                    let i = self.state.seg;
                    match self.state.ext.iter_mut().find(|e| e.0 == i) {
                        Some(e) => e.1 += ms,
                        None => self.state.ext.push((i, ms)),
                    }
                    // Cues of the longer segment that now fall behind the
                    // position (a later halfway) are not handed out late.
                    let into = self.state.pos - self.state.seg_start;
                    if let Some(e) = self.state.emitted {
                        self.state.emitted = Some(e.max(into));
                    }
                    Ok(())
                }
            }
            Command::Next => {
                let step = self.plan.segments[self.state.seg].step();
                self.mark_step(step, STEP_SKIPPED);
                match self.plan.first_segment(step + 1) {
                    Some(first) => self.jump(first, now, cues),
                    None => self.finish_now(now, cues),
                }
                Ok(())
            }
            Command::Previous => {
                let step = self.plan.segments[self.state.seg].step();
                let first = self.plan.first_segment(step).unwrap_or(self.state.seg);
                let into = self.state.pos.saturating_sub(self.segment_start(first));
                let target = if into > PREVIOUS_GRACE_MS || step == 0 {
                    step
                } else {
                    step - 1
                };
                let first = self.plan.first_segment(target).unwrap_or(self.state.seg);
                self.jump(first, now, cues);
                Ok(())
            }
            Command::RestartStep => {
                let step = self.plan.segments[self.state.seg].step();
                let first = self.plan.first_segment(step).unwrap_or(self.state.seg);
                self.jump(first, now, cues);
                Ok(())
            }
        }
    }

    /// Marks how `step` was left; a completed step stays completed.
    fn mark_step(&mut self, step: usize, mark: u8) {
        let marks = &mut self.state.step_marks;
        if marks.len() < self.routine.steps.len() {
            marks.resize(self.routine.steps.len(), 0);
        }
        if let Some(m) = marks.get_mut(step) {
            if *m != STEP_COMPLETED {
                *m = mark;
            }
        }
    }

    /// What the session amounts to so far, for the journal: the same rule
    /// for every shell.
    pub fn summary(&self) -> SessionSummary {
        let st = &self.state;
        let count = |m: u8| st.step_marks.iter().filter(|x| **x == m).count() as u32;
        let held = st
            .held_since
            .map_or(0, |since| st.last_now.saturating_sub(since));
        SessionSummary {
            status: st.status,
            active_ms: st.started_at.map_or(0, |start| {
                st.ended_at
                    .unwrap_or(st.last_now)
                    .saturating_sub(start)
                    .saturating_sub(st.paused_ms.saturating_add(held))
            }),
            steps_completed: count(STEP_COMPLETED),
            steps_skipped: count(STEP_SKIPPED),
        }
    }

    /// Caller time of `start`, if the session started.
    pub fn started_at(&self) -> Option<u64> {
        self.state.started_at
    }

    /// Caller time at which the session finished or was stopped.
    pub fn ended_at(&self) -> Option<u64> {
        self.state.ended_at
    }

    /// The latest caller time the session has seen.
    pub fn last_now(&self) -> u64 {
        self.state.last_now
    }

    /// Ends a pause or wait, counting its time.
    fn end_hold(&mut self, now: u64) {
        if let Some(since) = self.state.held_since.take() {
            self.state.paused_ms = self
                .state
                .paused_ms
                .saturating_add(now.saturating_sub(since));
        }
    }

    /// Sets the session running from position `pos` at time `now`.
    fn run_from(&mut self, now: u64, pos: u64) {
        self.state.status = Status::Running;
        self.state.anchor_now = now;
        self.state.anchor_pos = pos;
        self.state.pos = pos;
    }

    /// Moves to the start of segment `seg`. A running or waiting session
    /// runs on from there; a paused one stays paused.
    fn jump(&mut self, seg: usize, now: u64, cues: &mut Vec<Cue>) {
        let start = self.segment_start(seg);
        self.state.seg = seg;
        self.state.seg_start = start;
        self.state.emitted = None;
        self.state.pos = start;
        if self.state.status == Status::Paused {
            return;
        }
        self.end_hold(now);
        self.run_from(now, start);
        self.advance(now, false, cues);
    }

    /// Finishes at once (`next` on the last step).
    fn finish_now(&mut self, now: u64, cues: &mut Vec<Cue>) {
        self.end_hold(now);
        let last = self.plan.segments.len() - 1;
        self.state.seg = last;
        self.state.seg_start = self.segment_start(last);
        self.state.emitted = None;
        let end = self.timed_total();
        self.run_from(now, end);
        self.finish(end, cues);
    }

    fn finish(&mut self, end: u64, cues: &mut Vec<Cue>) {
        let due = self.due(end);
        self.state.ended_at = Some(due);
        self.push_cue(
            cues,
            CueKind::Finished,
            due,
            Phrase::Finished.text(&self.lang, 0),
        );
        self.state.pos = end;
        self.state.status = Status::Finished;
    }

    /// Extension of segment `i`.
    fn ext_of(&self, i: usize) -> u64 {
        self.state.ext.iter().find(|e| e.0 == i).map_or(0, |e| e.1)
    }

    /// Position where segment `i` starts, extensions included.
    fn segment_start(&self, i: usize) -> u64 {
        let before: u64 = self.state.ext.iter().filter(|e| e.0 < i).map(|e| e.1).sum();
        self.plan.segments[i].start_ms() + before
    }

    /// Length of segment `i` with its extension; `None` when untimed.
    fn segment_len(&self, i: usize) -> Option<u64> {
        self.plan.segments[i]
            .duration_ms()
            .map(|d| d + self.ext_of(i))
    }

    /// Timed duration with extensions.
    fn timed_total(&self) -> u64 {
        self.plan.timed_ms + self.state.ext.iter().map(|e| e.1).sum::<u64>()
    }

    /// Caller time at which position `p` is reached while running.
    fn due(&self, p: u64) -> u64 {
        self.state.anchor_now + p.saturating_sub(self.state.anchor_pos)
    }

    /// The next cue of the current segment after the last one handed out,
    /// as `(offset, kind, countdown number)`.
    fn next_cue_in_segment(&self) -> Option<(u64, CueKind, u32)> {
        self.cue_after(self.state.seg, self.state.emitted)
    }

    /// The next cue of segment `i` after offset `emitted` (`None`: none
    /// handed out yet), as `(offset, kind, countdown number)`.
    fn cue_after(&self, i: usize, emitted: Option<u64>) -> Option<(u64, CueKind, u32)> {
        let seg = &self.plan.segments[i];
        let after = |off: u64| emitted.is_none_or(|e| off > e);
        if after(0) {
            return Some((0, CueKind::Segment, 0));
        }
        let len = self.segment_len(i)?;
        let halfway_kind = matches!(
            seg.kind,
            SegmentKind::Hold | SegmentKind::Massage | SegmentKind::Work
        );
        let mut best: Option<(u64, CueKind, u32)> = None;
        let mut consider = |off: u64, kind: CueKind, n: u32| {
            if after(off) && off < len && best.is_none_or(|b| off < b.0) {
                best = Some((off, kind, n));
            }
        };
        if halfway_kind && len >= HALFWAY_MIN_MS {
            consider(len / 2, CueKind::Halfway, 0);
        }
        if len >= COUNTDOWN_MIN_MS {
            for n in [3u32, 2, 1] {
                consider(len - u64::from(n) * 1000, CueKind::Countdown, n);
            }
        }
        best
    }

    fn cue_text(&self, kind: CueKind, i: usize, n: u32) -> String {
        match kind {
            CueKind::Segment => self.plan.spoken(&self.routine, i, &self.lang),
            CueKind::Halfway => Phrase::Halfway.text(&self.lang, 0),
            CueKind::Countdown => n.to_string(),
            CueKind::Finished => Phrase::Finished.text(&self.lang, 0),
        }
    }

    fn push_cue(&self, cues: &mut Vec<Cue>, kind: CueKind, due: u64, say: String) {
        cues.push(self.make_cue(kind, self.state.seg, due, self.state.last_now, say));
    }

    /// A cue of segment `i`, handed out at `at`.
    fn make_cue(&self, kind: CueKind, i: usize, due: u64, at: u64, say: String) -> Cue {
        Cue {
            kind,
            due_ms: due,
            at_ms: at,
            segment: i,
            step: self.plan.segments[i].step(),
            say,
            speak: false,
            sounds: self.sounds_of(kind, i),
        }
    }

    /// Runs a running session forward to `now`, handing out every cue that
    /// fell due in order. `pass_untimed` lets it leave the untimed segment
    /// it waits at (the `continue` command).
    fn advance(&mut self, now: u64, mut pass_untimed: bool, cues: &mut Vec<Cue>) {
        if self.state.status != Status::Running {
            return;
        }
        let target = self.due_position(now);
        loop {
            let i = self.state.seg;
            // Cues of the current segment that are due.
            while let Some((off, kind, n)) = self.next_cue_in_segment() {
                let p = self.state.seg_start + off;
                if p > target {
                    self.state.pos = target;
                    return;
                }
                let text = self.cue_text(kind, i, n);
                self.push_cue(cues, kind, self.due(p), text);
                self.state.emitted = Some(off);
            }
            let end = match self.segment_len(i) {
                Some(len) => self.state.seg_start + len,
                None if pass_untimed => {
                    pass_untimed = false;
                    self.state.seg_start
                }
                None => {
                    // Wait here from the moment the segment was reached.
                    let p = self.state.seg_start;
                    self.state.held_since = Some(self.due(p));
                    self.state.pos = p;
                    self.state.status = Status::Waiting;
                    return;
                }
            };
            if target < end {
                self.state.pos = target;
                return;
            }
            let step = self.plan.segments[i].step();
            if i + 1 == self.plan.segments.len() {
                self.mark_step(step, STEP_COMPLETED);
                self.finish(end, cues);
                return;
            }
            if self.plan.segments[i + 1].step() != step {
                self.mark_step(step, STEP_COMPLETED);
            }
            self.state.seg = i + 1;
            self.state.seg_start = end;
            self.state.emitted = None;
        }
    }

    /// Where a running session is at `now` if nothing stops it.
    fn due_position(&self, now: u64) -> u64 {
        self.state.anchor_pos + now.saturating_sub(self.state.anchor_now)
    }

    /// The frame at the last call's time.
    pub fn frame(&self) -> Frame {
        let st = &self.state;
        let seg = &self.plan.segments[st.seg];
        let step = &self.routine.steps[seg.step()];
        let total = self.timed_total();
        let len = self.segment_len(st.seg);
        let into = st.pos.saturating_sub(st.seg_start);
        let step_end = self
            .plan
            .first_segment(seg.step() + 1)
            .map_or(total, |next| self.segment_start(next));
        let progress = match (st.status, len) {
            (Status::Finished, _) => 1.0,
            (_, Some(l)) if l > 0 => (into as f64 / l as f64).clamp(0.0, 1.0),
            _ => 0.0,
        };
        let next_wake_ms = if st.status == Status::Running {
            self.next_wake()
        } else {
            None
        };
        let held = st
            .held_since
            .map_or(0, |since| st.last_now.saturating_sub(since));
        let running = st.status == Status::Running;
        Frame {
            status: st.status,
            now_ms: st.last_now,
            step: seg.step(),
            step_count: self.routine.steps.len(),
            segment: st.seg,
            segment_count: self.plan.segments.len(),
            step_title: step.title.get(&self.lang).to_string(),
            step_instructions: step
                .instructions
                .as_ref()
                .map(|t| t.get(&self.lang).to_string()),
            kind: seg.kind,
            side: seg.side,
            rep: seg.rep(),
            cycle: seg.cycle(),
            segment_progress: progress,
            segment_duration_ms: len,
            segment_remaining_ms: len.map(|l| l.saturating_sub(into)),
            step_remaining_ms: step_end.saturating_sub(st.pos),
            position_ms: st.pos,
            remaining_ms: total.saturating_sub(st.pos),
            timed_ms: total,
            paused_ms: st.paused_ms.saturating_add(held),
            next_wake_ms,
            segment_elapsed_ms: into,
            segment_started_ms: running.then(|| st.last_now.saturating_sub(into)),
            breath: tags::breath_levels(seg.kind),
        }
    }

    /// Due time of the next cue of a running session.
    fn next_wake(&self) -> Option<u64> {
        let st = &self.state;
        if let Some((off, _, _)) = self.next_cue_in_segment() {
            return Some(self.due(st.seg_start + off));
        }
        // The next segment's start (or the finished cue) comes next.
        let len = self.segment_len(st.seg)?;
        Some(self.due(st.seg_start + len))
    }
}

#[cfg(test)]
mod tests;
