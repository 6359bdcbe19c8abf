// What the lock screen, Control Center and the watch show of a running
// session, and which player action each remote command (headphone buttons
// included) maps to. The app's adapter puts it into MPNowPlayingInfoCenter
// and MPRemoteCommandCenter.

import Foundation
import UnknotCore

/// The Now Playing information of a session.
public struct NowPlayingInfo: Equatable, Sendable {
    /// The routine's title.
    public let title: String
    /// The step shown as the artist line: "2/5 · Step title".
    public let step: String
    /// Routine time played and its length, seconds.
    public let elapsedS: Double
    public let durationS: Double
    /// 1 while it runs, 0 otherwise.
    public let rate: Double

    /// From the core's frame and the routine's title.
    public init(title: String, frame f: Frame) {
        self.title = title
        step = "\(f.step + 1)/\(f.stepCount) · \(f.stepTitle)"
        elapsedS = Double(f.positionMs) / 1000
        durationS = Double(f.positionMs + f.remainingMs) / 1000
        rate = f.status == .running ? 1 : 0
    }
}

/// A remote command from the lock screen, a headset or the watch.
public enum RemoteCommand: Equatable, Sendable {
    case play, pause, toggle, nextStep, previousStep
}

/// The system's Now Playing centre.
@MainActor
public protocol NowPlaying: AnyObject {
    /// Shows `info`, or clears it (nil) when no session is open.
    func show(_ info: NowPlayingInfo?)
}

extension PlayerModel {
    /// What Now Playing shows now (nil without a session).
    public var nowPlaying: NowPlayingInfo? {
        guard let f = frame, let r = routine else { return nil }
        return NowPlayingInfo(title: r.title, frame: f)
    }

    /// Carries out a remote command; false when it does nothing now.
    @discardableResult
    public func handle(_ command: RemoteCommand) -> Bool {
        guard let status = frame?.status else { return false }
        switch (command, status) {
        case (.play, .paused), (.toggle, .paused): resume()
        case (.pause, .running), (.toggle, .running): pause()
        case (.nextStep, .running), (.nextStep, .paused), (.nextStep, .waiting): next()
        case (.previousStep, .running), (.previousStep, .paused), (.previousStep, .waiting): previous()
        default: return false
        }
        return true
    }
}
