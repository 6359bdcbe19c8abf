//! The `Player`: one session of one routine, driven by the app with its
//! monotonic clock. A thin lock around [`engine::Session`]; every rule
//! lives in the engine.

use std::sync::{Arc, Mutex, MutexGuard};

use unknot_core::engine::{Command, Session, SnapshotError};
use unknot_core::Routine;

use crate::convert::from_ms;
use crate::error::UnknotError;
use crate::session::{Frame, Pulse, SessionSummary, Status, Update};

/// Where a session's routine comes from (what an app saves next to a snapshot).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RoutineSource {
    /// A built-in routine, by id.
    Builtin {
        /// The routine id.
        id: String,
    },
    /// Routine JSON (an imported or therapist-written routine).
    Json {
        /// The routine document.
        json: String,
    },
}

impl RoutineSource {
    pub(crate) fn load(&self) -> Result<Routine, UnknotError> {
        match self {
            RoutineSource::Builtin { id } => unknot_core::builtin(id)
                .cloned()
                .ok_or_else(|| UnknotError::UnknownRoutine { id: id.clone() }),
            RoutineSource::Json { json } => Ok(unknot_core::parse_routine(json)?),
        }
    }
}

impl From<SnapshotError> for UnknotError {
    fn from(e: SnapshotError) -> Self {
        UnknotError::BadSnapshot {
            reason: e.to_string(),
        }
    }
}

/// One session of one routine. Every command takes the caller's monotonic
/// time in milliseconds (negative values count as 0) and returns an
/// [`Update`]; a command that does not apply is reported in
/// `Update::ignored`, never thrown. Safe to call from any thread.
#[derive(Debug, uniffi::Object)]
pub struct Player {
    inner: Mutex<Inner>,
}

/// The session and what the app was last given of it.
#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) session: Session,
    /// What the journal entry is made of besides the engine's state.
    pub(crate) recording: unknot_core::record::Recording,
    /// What the last whole frame handed out showed in words and structure.
    shown: Option<Shown>,
}

/// The parts of a frame that change only at step or segment boundaries, on
/// a status change or with `extend`: when they are as last handed out, a
/// [`Pulse`] leaves the frame out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    status: unknot_core::engine::Status,
    segment: usize,
    segment_duration_ms: Option<u64>,
    timed_ms: u64,
}

impl Shown {
    fn of(f: &unknot_core::engine::Frame) -> Self {
        Shown {
            status: f.status,
            segment: f.segment,
            segment_duration_ms: f.segment_duration_ms,
            timed_ms: f.timed_ms,
        }
    }
}

#[uniffi::export]
impl Player {
    /// A ready session of routine JSON, spoken in `lang`.
    #[uniffi::constructor]
    pub fn from_json(json: String, lang: String) -> Result<Arc<Self>, UnknotError> {
        Self::new(RoutineSource::Json { json }, lang)
    }

    /// A ready session of the built-in routine `id`, spoken in `lang`.
    #[uniffi::constructor]
    pub fn from_builtin(id: String, lang: String) -> Result<Arc<Self>, UnknotError> {
        Self::new(RoutineSource::Builtin { id }, lang)
    }

    /// A ready session of a routine from `source`, spoken in `lang`.
    #[uniffi::constructor]
    pub fn new(source: RoutineSource, lang: String) -> Result<Arc<Self>, UnknotError> {
        let routine = source.load()?;
        Ok(Arc::new(Player::wrap(Session::new(routine, &lang))))
    }

    /// A ready session of the program routine `routine_id` as it has grown
    /// by program `week` (from 1; `DueTodayRecord.week`), spoken in `lang`.
    #[uniffi::constructor]
    pub fn from_program(
        program_json: String,
        routine_id: String,
        week: i32,
        lang: String,
    ) -> Result<Arc<Self>, UnknotError> {
        let program = crate::program::load(&program_json)?;
        let routine = crate::program::routine_for_week(&program, &routine_id, week)?;
        let player = Player::wrap(Session::new(routine, &lang));
        {
            let mut inner = player.lock();
            inner.recording.program_id = Some(program.id.clone());
            inner.recording.program_week =
                Some(u32::try_from(week).unwrap_or(1).clamp(1, program.weeks));
        }
        Ok(Arc::new(player))
    }

    /// Brings back a session saved with [`Player::snapshot`], at the caller's
    /// time `now_ms`. The routine must be the one the snapshot was taken of.
    #[uniffi::constructor]
    pub fn restore(
        source: RoutineSource,
        lang: String,
        snapshot: String,
        now_ms: i64,
    ) -> Result<Arc<Self>, UnknotError> {
        let routine = source.load()?;
        let session = Session::restore(routine, &lang, &snapshot, from_ms(now_ms))?;
        Ok(Arc::new(Player::wrap(session)))
    }

    /// Starts a ready session.
    pub fn start(&self, now_ms: i64) -> Update {
        self.apply(Command::Start, now_ms)
    }

    /// Pauses a running session.
    pub fn pause(&self, now_ms: i64) -> Update {
        self.apply(Command::Pause, now_ms)
    }

    /// Resumes a paused session.
    pub fn resume(&self, now_ms: i64) -> Update {
        self.apply(Command::Resume, now_ms)
    }

    /// Goes to the start of the next step (after the last step: finished).
    pub fn next(&self, now_ms: i64) -> Update {
        self.apply(Command::Next, now_ms)
    }

    /// More than 3 s into the step: back to its start; otherwise to the
    /// start of the previous step.
    pub fn previous(&self, now_ms: i64) -> Update {
        self.apply(Command::Previous, now_ms)
    }

    /// Back to the start of the current step.
    pub fn restart_step(&self, now_ms: i64) -> Update {
        self.apply(Command::RestartStep, now_ms)
    }

    /// Lengthens the current timed segment by `ms` milliseconds (negative: 0).
    pub fn extend(&self, now_ms: i64, ms: i64) -> Update {
        self.apply(Command::Extend(from_ms(ms)), now_ms)
    }

    /// Leaves an untimed segment (the engine's `continue`).
    pub fn proceed(&self, now_ms: i64) -> Update {
        self.apply(Command::Continue, now_ms)
    }

    /// Ends the session early.
    pub fn stop(&self, now_ms: i64) -> Update {
        self.apply(Command::Stop, now_ms)
    }

    /// Only the passing of time: hands out the cues that fell due. Call it
    /// at the frame's `next_wake_ms` and whenever the screen needs a fresh frame.
    pub fn tick(&self, now_ms: i64) -> Update {
        self.apply(Command::Tick, now_ms)
    }

    /// The same as [`Player::tick`], lighter to carry across: the cues and
    /// the numbers that move every tick, and the whole frame only when the
    /// step, segment, status or timed length differs from the last frame
    /// this player handed out (from any command or [`Player::frame`]). A
    /// screen that redraws many times a second calls this and keeps the
    /// last whole frame.
    pub fn pulse(&self, now_ms: i64) -> Pulse {
        let mut inner = self.lock();
        let o = inner.session.apply(Command::Tick, from_ms(now_ms));
        let key = Shown::of(&o.frame);
        let changed = inner.shown != Some(key);
        inner.shown = Some(key);
        Pulse::of(o, changed)
    }

    /// The frame at the last time passed in.
    pub fn frame(&self) -> Frame {
        let mut inner = self.lock();
        let f = inner.session.frame();
        inner.shown = Some(Shown::of(&f));
        f.into()
    }

    /// The session's status.
    pub fn status(&self) -> Status {
        self.lock().session.status().into()
    }

    /// What the session amounts to so far, for the journal entry: active
    /// time (running time, pauses and waits left out), steps completed and
    /// steps skipped. The same rule for every app.
    pub fn summary(&self) -> SessionSummary {
        self.lock().session.summary().into()
    }

    /// The routine's id.
    pub fn routine_id(&self) -> String {
        self.lock().session.routine().id.clone()
    }

    /// The session as a small versioned string, for [`Player::restore`].
    pub fn snapshot(&self) -> String {
        self.lock().session.snapshot()
    }
}

impl Player {
    pub(crate) fn wrap(session: Session) -> Self {
        Player {
            inner: Mutex::new(Inner {
                session,
                recording: Default::default(),
                shown: None,
            }),
        }
    }

    /// The session. The engine never panics; should one still happen while
    /// the lock is held, UniFFI turns it into an exception and later calls
    /// take the lock over rather than failing forever.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the engine session (for Rust callers such as the journal).
    pub fn with_session<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        f(&self.lock().session)
    }

    /// Applies `cmd` at `now_ms`, then `after` on the session and its
    /// recording; `after`'s reason, if any, is reported as ignored.
    pub(crate) fn apply_then(
        &self,
        cmd: Command,
        now_ms: i64,
        after: impl FnOnce(&mut Inner) -> Option<String>,
    ) -> Update {
        let mut inner = self.lock();
        let mut o = inner.session.apply(cmd, from_ms(now_ms));
        if o.ignored.is_none() {
            o.ignored = after(&mut inner);
        }
        inner.shown = Some(Shown::of(&o.frame));
        o.into()
    }

    /// Applies an engine command at `now_ms`.
    pub fn apply(&self, cmd: Command, now_ms: i64) -> Update {
        let mut inner = self.lock();
        let o = inner.session.apply(cmd, from_ms(now_ms));
        inner.shown = Some(Shown::of(&o.frame));
        o.into()
    }
}
