// The few things the app's models need from the phone, as small protocols.
// The app implements them over Apple's frameworks (AVSpeechSynthesizer,
// UIImpactFeedbackGenerator, AVAudioSession, the clocks, a dispatch timer,
// the screen); the tests implement them with fakes. Nothing here decides a
// rule: what is said and when comes from the core.
//
// They are shaped so an audio-engine scheduler can sit behind them later:
// every spoken cue carries the monotonic time it is due at, and the timer
// and speech are separate, so one object rendering cues ahead onto an
// audio stream can implement both.

import Foundation
import UnknotCore

/// The wall clock and the phone's time zone, for the journal's records and
/// the core's calendar dates. Session timing uses the `MonotonicClock`.
@MainActor
public protocol WallClock: AnyObject {
    /// The current date.
    func now() -> Date
    /// The phone's time zone.
    var timeZone: TimeZone { get }
}

/// One pending wake-up on the `MonotonicClock`'s time line (the clock passed
/// to the core). At most one is pending: `schedule` replaces it.
@MainActor
public protocol WakeTimer: AnyObject {
    /// Arranges `fire` to be called on the main actor at `atMs` (or as soon
    /// as possible when that is past), replacing any pending wake-up.
    func schedule(atMs: Int64, fire: @escaping @MainActor @Sendable () -> Void)
    /// Drops the pending wake-up, if any.
    func cancel()
}

/// Speech for the cues the core marks to be spoken.
@MainActor
public protocol SpeechOutput: AnyObject {
    /// Says `text` in `lang` (a language code such as "en"), replacing what
    /// is still being said. `dueMs` is when the core scheduled the cue on
    /// the monotonic time line: a speaker that speaks at once ignores it;
    /// an audio-engine scheduler may place the cue at that time.
    func say(_ text: String, lang: String, dueMs: Int64)
    /// Stops speaking at once and drops anything queued.
    func stop()
    /// Whether speech is playing or queued.
    var isSpeaking: Bool { get }
    /// Called on the main actor when nothing is left to say.
    var onSilent: (@MainActor () -> Void)? { get set }
}

/// One tap of a haptic pattern: its strength 0...1 and when it comes,
/// seconds after the pattern starts.
public struct HapticPulse: Equatable, Sendable {
    public let intensity: Double
    public let afterS: Double
    public init(intensity: Double, afterS: Double) {
        self.intensity = intensity
        self.afterS = afterS
    }
}

/// The haptic pattern of a cue, so each phase can be told apart by touch.
public enum HapticPattern: Equatable, Sendable {
    /// The routine is complete (the system's success pattern).
    case success
    /// Halfway and countdown cues: one light tap.
    case light
    /// A new segment of most kinds: one medium tap.
    case knock
    /// Breathe in: three taps growing stronger.
    case growing
    /// Breathe out: three taps fading.
    case fading
    /// Switch sides: two even knocks.
    case doubleKnock

    /// The taps of an impact pattern (empty for `success`, which the system draws).
    public var pulses: [HapticPulse] {
        func taps(_ levels: [Double], gap: Double) -> [HapticPulse] {
            levels.enumerated().map { HapticPulse(intensity: $0.element, afterS: gap * Double($0.offset)) }
        }
        switch self {
        case .success: return []
        case .light: return taps([0.4], gap: 0)
        case .knock: return taps([0.7], gap: 0)
        case .growing: return taps([0.3, 0.6, 1.0], gap: 0.09)
        case .fading: return taps([1.0, 0.6, 0.3], gap: 0.09)
        case .doubleKnock: return taps([1.0, 1.0], gap: 0.16)
        }
    }

    /// The pattern for `cue`; `segmentKind` is the kind of the segment a
    /// segment cue starts (nil when unknown).
    public static func forCue(_ cue: Cue, segmentKind: SegmentKind?) -> HapticPattern {
        switch cue.kind {
        case .finished: return .success
        case .halfway, .countdown: return .light
        case .segment:
            switch segmentKind {
            case .inhale?: return .growing
            case .exhale?: return .fading
            case .switch?: return .doubleKnock
            default: return .knock
            }
        }
    }
}

/// Haptic feedback.
@MainActor
public protocol Haptics: AnyObject {
    /// Plays `pattern` (its taps at their offsets).
    func play(_ pattern: HapticPattern)
}

/// The app's audio session: active while guidance may sound, inactive
/// otherwise; other apps' sound is lowered only while a cue sounds.
@MainActor
public protocol AudioSession: AnyObject {
    /// Makes the session active for spoken guidance, mixed with other apps'
    /// sound at its own level. Throws when the system refuses.
    func activate() throws
    /// Lowers other apps' sound (true, a cue starts) or gives it back
    /// (false, the cue ended) while the session stays active.
    func duckOthers(_ on: Bool)
    /// Ends the session and lets other apps' audio come back.
    func deactivate()
}

/// The screen's brightness (0...1) and whether it may lock by itself.
@MainActor
public protocol ScreenControl: AnyObject {
    var brightness: Double { get set }
    var idleTimerDisabled: Bool { get set }
}

/// A small store of whole numbers that outlives the app (UserDefaults).
public protocol SettingsStore: AnyObject {
    func integer(forKey key: String) -> Int
    func set(_ value: Int, forKey key: String)
}

extension UserDefaults: SettingsStore {}

/// A model the app observes: it calls `onChange` after every change that
/// views show (the app's thin observable wrapper sets it).
@MainActor
public protocol ChangeReporting: AnyObject {
    var onChange: (@MainActor () -> Void)? { get set }
}

/// The system's wall clock in the phone's current time zone.
@MainActor
public final class SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
    public var timeZone: TimeZone { TimeZone.current }
}
