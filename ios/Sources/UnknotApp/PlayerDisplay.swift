// What the visible player draws between the core's frames: the frame's own
// numbers carried forward on the monotonic clock (the segment's start and
// length, running or not), so the screen animates on the platform's
// animation clock and calls the core only at wake-ups and on input. And
// the screen kept on while the player is shown.

import Foundation
import UnknotCore

extension Frame {
    /// This frame as it stands at `t` on the clock passed to the core: a
    /// running timed segment is `t - segmentStartedMs` in (never past its
    /// end, where the core's next frame takes over); everything else is the
    /// frame as it is.
    public func at(_ t: Int64) -> Frame {
        guard status == .running, let started = segmentStartedMs, let length = segmentDurationMs,
              let left = segmentRemainingMs, length > 0 else { return self }
        let into = min(max(t - started, 0), length)
        // Time since this frame, within what was left of the segment.
        let e = min(max(t - nowMs, 0), left)
        var f = self
        f.nowMs = max(t, nowMs)
        f.segmentProgress = Double(into) / Double(length)
        f.segmentRemainingMs = length - into
        f.stepRemainingMs = max(stepRemainingMs - e, 0)
        f.positionMs = positionMs + e
        f.remainingMs = max(remainingMs - e, 0)
        return f
    }
}

extension PlayerModel {
    /// The clock passed to the core, for a screen drawing between frames.
    public var clockMs: Int64 { services.clock.nowMs() }

    /// The frame carried forward to `t` (no call into the core); nil
    /// without a session.
    public func frame(at t: Int64) -> Frame? { frame?.at(t) }

    /// The phase circle at `t` (no call into the core).
    public func phase(at t: Int64) -> PhaseDisplay? { frame(at: t).map { PhaseDisplay($0, lang: lang ?? "en") } }
}

/// Keeps the screen from locking by itself while the player is shown;
/// `release` puts back what it found.
@MainActor
public final class IdleTimerHold {
    private let screen: () -> ScreenControl?
    private var heldOn: ScreenControl?
    private var wasDisabled = false

    /// `screen` finds the screen in use when holding (nil when there is none).
    public init(screen: @escaping () -> ScreenControl?) { self.screen = screen }

    public var held: Bool { heldOn != nil }

    /// The player appeared.
    public func hold() {
        guard heldOn == nil, let s = screen() else { return }
        heldOn = s
        wasDisabled = s.idleTimerDisabled
        s.idleTimerDisabled = true
    }

    /// The player went away.
    public func release() {
        guard let s = heldOn else { return }
        s.idleTimerDisabled = wasDisabled
        heldOn = nil
    }
}
