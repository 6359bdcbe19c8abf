// Nothing lost by navigating: the player screen can be left while its
// session goes on (a "now playing" bar leads back to it), starting another
// routine while one is open asks first, and a session the journal kept
// unfinished when the app was ended is offered again at the next launch.
// The views only show what this says; the session itself is the core's.

import Foundation
import UnknotCore

/// The bar shown over the app's screens while the player is not.
public enum SessionBar: Equatable {
    /// A session is open: its routine, where it is, and what is left.
    case playing(PlayingBar)
    /// A session kept from an earlier run waits to be resumed or discarded.
    case kept(title: String, isOver: Bool)
}

/// What the "now playing" bar shows of the open session.
public struct PlayingBar: Equatable {
    /// The routine's title.
    public let title: String
    /// The step shown, from 1, of `stepCount`, and its title.
    public let step: Int32
    public let stepCount: Int32
    public let stepTitle: String
    /// The routine time left, as the core writes a countdown.
    public let timeLeft: String
    /// The core's status of the session.
    public let status: Status

    /// Whether the session is over and waits for its rating.
    public var isOver: Bool { status == .finished || status == .stopped }
}

/// Where the player is and what the bar shows; the way to start, return
/// to and resume sessions without losing one.
@MainActor
public final class SessionNavigator: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    public let player: PlayerModel
    private let app: AppData

    /// Whether the player screen is shown.
    public private(set) var isPlayerShown = false
    /// Why the kept session could not be resumed, in the core's words.
    public private(set) var resumeError: ErrorReport?

    public init(player: PlayerModel, app: AppData) {
        self.player = player
        self.app = app
    }

    /// The bar to show, nil while the player is shown or nothing is open or kept.
    public var bar: SessionBar? {
        guard !isPlayerShown else { return nil }
        if let f = player.frame {
            return .playing(PlayingBar(
                title: player.routine?.title ?? "", step: f.step + 1, stepCount: f.stepCount,
                stepTitle: f.stepTitle, timeLeft: countdownText(ms: f.remainingMs), status: f.status))
        }
        if let kept = player.resumable {
            return .kept(title: kept.title, isOver: kept.isOver)
        }
        return nil
    }

    /// The title of the open session (or of the one kept from an earlier
    /// run) when starting another must be confirmed first, since it would
    /// end that one; nil when nothing is open or kept.
    public var askBeforeStarting: String? {
        if player.frame != nil { return player.routine?.title ?? "" }
        return player.resumable?.title
    }

    /// Shows the player (from the bar), when a session is open.
    public func show() {
        guard player.frame != nil else { return }
        isPlayerShown = true
        onChange?()
    }

    /// Leaves the player screen; the session goes on and the bar leads back.
    /// A session that is over and has nothing to record is closed instead.
    public func leave() {
        if player.isOver && !player.canRecord { player.close() }
        isPlayerShown = false
        onChange?()
    }

    /// A start asked from a screen went through (`started`): the player is shown.
    public func started(_ started: Bool) {
        guard started else { return }
        isPlayerShown = true
        onChange?()
    }

    /// The person confirmed starting another routine: the open session (or
    /// the kept one) is stopped and recorded as the core makes its entry
    /// (without a rating after), then closed. It is closed even when the
    /// journal refuses it.
    public func endOpenSession() {
        guard player.frame != nil else {
            player.recordKept()
            onChange?()
            return
        }
        if !player.isOver { player.stop() }
        if player.canRecord {
            try? player.finish(painAfter: nil, pressure: nil, into: app)
        }
        player.close()
        isPlayerShown = false
        onChange?()
    }

    /// Resumes the session kept from an earlier run and shows it; when the
    /// core cannot bring it back, `resumeError` says why (it is forgotten).
    public func resumeKept() {
        do {
            try player.resumeKept()
            resumeError = nil
            isPlayerShown = player.frame != nil
        } catch {
            resumeError = ErrorReport(error, lang: app.lang)
        }
        onChange?()
    }

    /// Forgets the kept session.
    public func discardKept() {
        player.discardKept()
        resumeError = nil
        onChange?()
    }
}
