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
/// reads the clock once, applies the command in the core, speaks the cues
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
    @discardableResult public func start() -> Outcome { send(.start) }
    /// Pauses a running session.
    @discardableResult public func pause() -> Outcome { send(.pause) }
    /// Resumes a paused session.
    @discardableResult public func resume() -> Outcome { send(.resume) }
    /// Goes to the next step.
    @discardableResult public func next() -> Outcome { send(.next) }
    /// Goes back to the step's start, or to the previous step (the core decides).
    @discardableResult public func previous() -> Outcome { send(.previous) }
    /// Restarts the current step.
    @discardableResult public func restartStep() -> Outcome { send(.restartStep) }
    /// Lengthens the current timed segment by `ms` milliseconds.
    @discardableResult public func extend(ms: Int64) -> Outcome { send(.extend(ms: ms)) }
    /// Leaves an untimed segment (the user is ready to go on).
    @discardableResult public func proceed() -> Outcome { send(.continue) }
    /// Ends the session early.
    @discardableResult public func stop() -> Outcome { send(.stop) }
    /// Called when the scheduled wake-up fires, or whenever the screen wants
    /// a fresh frame: hands out what fell due by now.
    @discardableResult public func wake() -> Outcome { send(.tick) }

    /// A small string that `Player` can restore this session from.
    public func snapshot() -> String { player.snapshot() }

    /// Applies `command` at the clock's current time.
    @discardableResult
    public func send(_ command: Command) -> Outcome {
        let outcome = player.apply(command: command, nowMs: clock.nowMs())
        frame = outcome.frame
        for cue in outcome.cues where cue.speak {
            cueSink?.speak(cue)
        }
        reschedule(outcome.frame.nextWakeMs)
        for listener in listeners {
            listener.call(outcome.frame)
        }
        return outcome
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
