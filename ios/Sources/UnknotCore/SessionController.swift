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
/// calls `SessionController.wake()`.
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
/// Use it from one thread (the main thread in an app). Every public command
/// reads the clock once, calls the matching `Player` method, speaks the cues
/// marked `speak`, reschedules the single wake-up at the frame's
/// `nextWakeMs` (or cancels it when there is none) and notifies listeners.
public final class SessionController {
    private let player: PlayerProtocol
    private let clock: MonotonicClock
    private let scheduler: WakeScheduler
    private weak var cueSink: CueSink?
    private var listeners: [(id: Int, call: (Frame) -> Void)] = []
    private var nextListenerId = 0

    /// The latest frame the core handed out.
    public private(set) var frame: Frame
    /// The wake-up currently scheduled, if any (mirrors the scheduler).
    public private(set) var scheduledWakeMs: Int64?

    /// A controller over `player`. The cue sink is held weakly.
    public init(player: PlayerProtocol, clock: MonotonicClock, scheduler: WakeScheduler, cueSink: CueSink) {
        self.player = player
        self.clock = clock
        self.scheduler = scheduler
        self.cueSink = cueSink
        self.frame = player.frame()
    }

    /// Registers `listener`; it is called with every new frame.
    @discardableResult
    public func addFrameListener(_ listener: @escaping (Frame) -> Void) -> FrameListenerToken {
        nextListenerId += 1
        listeners.append((id: nextListenerId, call: listener))
        return FrameListenerToken(id: nextListenerId)
    }

    /// Unregisters a listener.
    public func removeFrameListener(_ token: FrameListenerToken) {
        listeners.removeAll { $0.id == token.id }
    }

    /// Starts the session.
    @discardableResult public func start() -> Update { run { self.player.start(nowMs: $0) } }
    /// Pauses a running session.
    @discardableResult public func pause() -> Update { run { self.player.pause(nowMs: $0) } }
    /// Resumes a paused session.
    @discardableResult public func resume() -> Update { run { self.player.resume(nowMs: $0) } }
    /// Goes to the next step.
    @discardableResult public func next() -> Update { run { self.player.next(nowMs: $0) } }
    /// Goes back to the step's start, or to the previous step (the core decides).
    @discardableResult public func previous() -> Update { run { self.player.previous(nowMs: $0) } }
    /// Restarts the current step.
    @discardableResult public func restartStep() -> Update { run { self.player.restartStep(nowMs: $0) } }
    /// Lengthens the current timed segment by `ms` milliseconds.
    @discardableResult public func extend(ms: Int64) -> Update { run { self.player.extend(nowMs: $0, ms: ms) } }
    /// Leaves an untimed segment (the user is ready to go on).
    @discardableResult public func proceed() -> Update { run { self.player.proceed(nowMs: $0) } }
    /// Ends the session early.
    @discardableResult public func stop() -> Update { run { self.player.stop(nowMs: $0) } }
    /// Called when the scheduled wake-up fires, or whenever the screen wants
    /// a fresh frame: hands out what fell due by now.
    @discardableResult public func wake() -> Update { run { self.player.tick(nowMs: $0) } }

    /// A small string that `Player.restore` brings this session back from.
    public func snapshot() -> String { player.snapshot() }

    /// Calls the core once at the clock's current time, then passes on the
    /// result: spoken cues to the sink, the wake-up to the scheduler, the
    /// frame to the listeners.
    private func run(_ call: (Int64) -> Update) -> Update {
        let update = call(clock.nowMs())
        frame = update.frame
        for cue in update.cues where cue.speak {
            cueSink?.speak(cue)
        }
        reschedule(update.frame.nextWakeMs)
        for listener in listeners {
            listener.call(update.frame)
        }
        return update
    }

    // Always re-arms, even at an unchanged time: a wake-up that fired early
    // (before its time) must still be followed by one.
    private func reschedule(_ wake: Int64?) {
        scheduledWakeMs = wake
        if let wake {
            scheduler.schedule(atMs: wake)
        } else {
            scheduler.cancel()
        }
    }
}
