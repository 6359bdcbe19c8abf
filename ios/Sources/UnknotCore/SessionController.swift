// The iOS side of a running session: it reads the clock, hands every
// command to the Rust core's `Player`, passes on what the core says to
// speak, keeps one wake-up scheduled at the time the core asks for, and
// tells listeners about every new frame. It decides nothing itself: no
// timing rule, no cue rule, no state of its own beyond the latest frame.

import Foundation

/// A monotonic millisecond clock (never jumps with the wall clock). On iOS,
/// e.g. `DispatchTime.now().uptimeNanoseconds / 1_000_000`.
public protocol MonotonicClock: AnyObject {
    /// Milliseconds since an arbitrary fixed origin; never decreases.
    func nowMs() -> Int64
}

/// Schedules one wake-up on the `MonotonicClock`'s time line. At most one is
/// pending: `schedule` replaces the previous one. When it fires, the owner
/// calls `SessionController.wake()` (from any thread).
public protocol WakeScheduler: AnyObject {
    /// Arranges a single wake-up at `atMs` (replacing any pending one).
    func schedule(atMs: Int64)
    /// Drops the pending wake-up, if any.
    func cancel()
}

/// Receives the cues the core marks to be spoken (`speak == true`), in order.
public protocol CueSink: AnyObject {
    /// Speaks (or plays) one cue.
    func speak(_ cue: Cue)
}

/// A registered frame listener; pass it to
/// `SessionController.removeFrameListener(_:)` to unregister.
public struct FrameListenerToken: Hashable {
    fileprivate let id: Int
}

/// Drives one session of a routine through the core's `Player`.
///
/// Every command reads the clock once, calls the matching `Player` method,
/// speaks the cues marked `speak`, re-arms the single wake-up at the
/// frame's `nextWakeMs` (or cancels it when there is none) and hands the
/// frame to every listener. Calls are serialised by a lock, so commands
/// from the UI and wake-ups from a timer queue may interleave safely; the
/// sink, scheduler and listeners are called with the lock held, so they
/// must not call back into the controller synchronously (dispatch instead).
/// It is `@unchecked Sendable` for that reason: every mutable field is
/// read and written with the lock held.
public final class SessionController: @unchecked Sendable {
    private let player: PlayerProtocol
    private let clock: MonotonicClock
    private let scheduler: WakeScheduler
    private weak var cueSink: CueSink?
    private let lock = NSLock()
    private var listeners: [(id: Int, call: (Frame) -> Void)] = []
    private var nextListenerId = 0
    private var closed = false
    private var latest: Frame
    private var wakeMs: Int64?

    /// A controller over `player`. The cue sink is held weakly.
    public init(player: PlayerProtocol, clock: MonotonicClock, scheduler: WakeScheduler, cueSink: CueSink) {
        self.player = player
        self.clock = clock
        self.scheduler = scheduler
        self.cueSink = cueSink
        self.latest = player.frame()
    }

    /// A controller over a new session of `source`, spoken in `lang`.
    public static func create(
        source: RoutineSource, lang: String,
        clock: MonotonicClock, scheduler: WakeScheduler, cueSink: CueSink
    ) throws -> SessionController {
        SessionController(player: try Player(source: source, lang: lang), clock: clock, scheduler: scheduler, cueSink: cueSink)
    }

    /// A controller over a session restored from `snapshot` at the clock's
    /// current time; the next `refresh()` hands out what fell due meanwhile
    /// and arms the wake-up.
    public static func restore(
        source: RoutineSource, lang: String, snapshot: String,
        clock: MonotonicClock, scheduler: WakeScheduler, cueSink: CueSink
    ) throws -> SessionController {
        let player = try Player.restore(source: source, lang: lang, snapshot: snapshot, nowMs: clock.nowMs())
        return SessionController(player: player, clock: clock, scheduler: scheduler, cueSink: cueSink)
    }

    /// The latest frame the core handed out.
    public var frame: Frame { locked { latest } }

    /// The wake-up currently scheduled, if any (what the scheduler was last told).
    public var scheduledWakeMs: Int64? { locked { wakeMs } }

    /// Registers `listener` and hands it the current frame at once; it is
    /// then called with every new frame.
    @discardableResult
    public func addFrameListener(_ listener: @escaping (Frame) -> Void) -> FrameListenerToken {
        let (token, current): (FrameListenerToken, Frame) = locked {
            nextListenerId += 1
            listeners.append((id: nextListenerId, call: listener))
            return (FrameListenerToken(id: nextListenerId), latest)
        }
        listener(current)
        return token
    }

    /// Unregisters a listener.
    public func removeFrameListener(_ token: FrameListenerToken) {
        locked { listeners.removeAll { $0.id == token.id } }
    }

    /// Starts the session.
    @discardableResult public func start() -> Update { run { self.player.start(nowMs: $0) } }
    /// Pauses a running session.
    @discardableResult public func pause() -> Update { run { self.player.pause(nowMs: $0) } }
    /// Resumes a paused session.
    @discardableResult public func resume() -> Update { run { self.player.resume(nowMs: $0) } }
    /// Goes to the next step (after the last step: finished).
    @discardableResult public func next() -> Update { run { self.player.next(nowMs: $0) } }
    /// Goes back to the step's start, or to the previous step near its start (the core decides).
    @discardableResult public func previous() -> Update { run { self.player.previous(nowMs: $0) } }
    /// Goes back to the start of the current step.
    @discardableResult public func restartStep() -> Update { run { self.player.restartStep(nowMs: $0) } }
    /// Lengthens the current timed segment by `ms` milliseconds.
    @discardableResult public func extend(ms: Int64) -> Update { run { self.player.extend(nowMs: $0, ms: ms) } }
    /// Leaves an untimed segment ("I'm ready").
    @discardableResult public func proceed() -> Update { run { self.player.proceed(nowMs: $0) } }
    /// Ends the session early.
    @discardableResult public func stop() -> Update { run { self.player.stop(nowMs: $0) } }
    /// The scheduled wake-up fired: hands out what fell due by now.
    @discardableResult public func wake() -> Update { run { self.player.tick(nowMs: $0) } }
    /// Brings the controller up to date after the app was away (back in the
    /// foreground, restored) or when the screen wants a fresh frame: the
    /// same as a wake-up.
    @discardableResult public func refresh() -> Update { wake() }

    /// A fresh frame for a screen that redraws many times a second. It
    /// crosses into the core with the light `pulse` call, which carries the
    /// whole frame only when the step, segment or status changed; otherwise
    /// the moving numbers are taken into the frame held. Cues that fell due
    /// are spoken and the wake-up re-armed, as on a wake-up.
    @discardableResult public func redraw() -> Frame {
        locked {
            guard !closed else { return latest }
            let pulse = player.pulse(nowMs: clock.nowMs())
            let next = pulse.frame ?? latest.with(pulse)
            publish(pulse.cues, next)
            return next
        }
    }

    /// The cues not yet handed out that fall due by `nowMs + withinMs` (the
    /// core's lookahead; it changes nothing). It does not take the
    /// controller's lock, so a frame listener may call it: the core's
    /// `Player` is safe to call from any thread.
    public func upcoming(nowMs: Int64, withinMs: Int64) -> [Cue] {
        player.upcoming(nowMs: nowMs, withinMs: withinMs)
    }

    /// A small string that `restore` brings this session back from.
    public func snapshot() -> String { player.snapshot() }

    /// What the session amounts to for the journal (active time, steps
    /// completed and skipped), as the core decides it.
    public func summary() -> SessionSummary { player.summary() }

    /// Starts the session and begins its journal entry with `start` (the
    /// wall clock, the phone's UTC offset and the pain rating before).
    /// Throws the core's `UnknotError.InvalidSession` for a rating outside
    /// the scale; nothing starts then.
    @discardableResult public func begin(_ start: SessionStart) throws -> Update {
        try locked {
            guard !closed else {
                return Update(cues: [], ignored: "the session controller is closed", frame: latest)
            }
            let update = try player.begin(nowMs: clock.nowMs(), start: start)
            publish(update.cues, update.frame)
            return update
        }
    }

    /// "Too much": marks the step and position playing now when the core
    /// counts the tap (`Update.ignored` says why when it does not).
    @discardableResult public func markTooMuch() -> Update { run { self.player.markTooMuch(nowMs: $0) } }

    /// The routine this session plays (as grown for its program week, or as
    /// brought back from a checkpoint), as the core describes it.
    public func details() -> RoutineDetails { player.details() }

    /// The journal record so far: program and week, start, rating before, taps.
    public func recording() -> SessionRecording { player.recording() }

    /// The journal entry the core makes of the session once it is over.
    public func entry(_ report: SessionReport, wallMs: Int64, utcOffsetMin: Int32) throws -> SessionEntry {
        try locked { try player.journalEntry(report: report, nowMs: clock.nowMs(), wallMs: wallMs, utcOffsetMin: utcOffsetMin) }
    }

    /// Records the session, once it is over, into `journal` and removes its
    /// checkpoint; returns the journal id (the same id on a second call).
    /// The controller must run over the core's own `Player`.
    public func record(into journal: Journal, _ report: SessionReport, wallMs: Int64, utcOffsetMin: Int32) throws -> Int64 {
        try locked {
            try journal.recordSession(player: try corePlayer(), report: report, nowMs: clock.nowMs(),
                                      wallMs: wallMs, utcOffsetMin: utcOffsetMin)
        }
    }

    /// Saves the session in `journal` for resuming after the app is gone (on
    /// pause, when the app goes to the background). Returns false when there
    /// is nothing to resume (not started, or recorded): the checkpoint is
    /// then removed.
    @discardableResult
    public func checkpoint(into journal: Journal, wallMs: Int64, utcOffsetMin: Int32) throws -> Bool {
        try locked {
            try journal.saveCheckpoint(player: try corePlayer(), nowMs: clock.nowMs(),
                                       wallMs: wallMs, utcOffsetMin: utcOffsetMin)
        }
    }

    /// A controller over the session checkpointed in `journal`, with its
    /// program, start, rating before and taps; nil without a checkpoint. The
    /// next `refresh()` hands out what fell due meanwhile.
    public static func resume(
        from journal: Journal,
        clock: MonotonicClock, scheduler: WakeScheduler, cueSink: CueSink
    ) throws -> SessionController? {
        guard let player = try journal.resume(nowMs: clock.nowMs()) else { return nil }
        return SessionController(player: player, clock: clock, scheduler: scheduler, cueSink: cueSink)
    }

    private func corePlayer() throws -> Player {
        guard let p = player as? Player else {
            throw UnknotError.InvalidSession(problems: ["only a session of the core's Player is recorded"])
        }
        return p
    }

    /// Cancels the wake-up and drops the listeners; later commands change
    /// nothing and report that the controller is closed. Safe to call twice.
    public func close() {
        locked {
            guard !closed else { return }
            closed = true
            wakeMs = nil
            scheduler.cancel()
            listeners.removeAll()
        }
    }

    /// Calls the core once at the clock's current time, then passes on the
    /// result: spoken cues to the sink, the wake-up to the scheduler, the
    /// frame to the listeners.
    private func run(_ call: (Int64) -> Update) -> Update {
        locked {
            guard !closed else {
                return Update(cues: [], ignored: "the session controller is closed", frame: latest)
            }
            let update = call(clock.nowMs())
            publish(update.cues, update.frame)
            return update
        }
    }

    /// Speaks the cues marked `speak`, re-arms the wake-up and hands `next`
    /// to the listeners. Called with the lock held.
    private func publish(_ cues: [Cue], _ next: Frame) {
        latest = next
        for cue in cues where cue.speak {
            cueSink?.speak(cue)
        }
        // Always re-armed, even at an unchanged time: a wake-up that
        // fired early (before its time) must still be followed by one.
        wakeMs = next.nextWakeMs
        if let wake = wakeMs {
            scheduler.schedule(atMs: wake)
        } else {
            scheduler.cancel()
        }
        for listener in listeners {
            listener.call(next)
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

extension Frame {
    /// This frame with a pulse's moving numbers taken in.
    func with(_ p: Pulse) -> Frame {
        var f = self
        f.nowMs = p.nowMs
        f.segmentProgress = p.segmentProgress
        f.segmentRemainingMs = p.segmentRemainingMs
        f.stepRemainingMs = p.stepRemainingMs
        f.positionMs = p.positionMs
        f.remainingMs = p.remainingMs
        f.pausedMs = p.pausedMs
        f.nextWakeMs = p.nextWakeMs
        return f
    }
}
