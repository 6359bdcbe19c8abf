import Foundation
import UnknotApp
import UnknotCore

/// A monotonic clock the test moves by hand.
final class ManualClock: MonotonicClock, @unchecked Sendable {
    var now: Int64
    init(_ start: Int64 = 1_000) { now = start }
    func nowMs() -> Int64 { now }
}

/// A wall clock fixed where the test puts it, in UTC.
@MainActor
final class FixedWallClock: WallClock {
    var date: Date
    let timeZone: TimeZone
    init(_ ms: Int64, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        date = Date(timeIntervalSince1970: Double(ms) / 1000)
        self.timeZone = timeZone
    }
    func now() -> Date { date }
    func advance(ms: Int64) { date = date.addingTimeInterval(Double(ms) / 1000) }
}

/// The one pending wake-up; the test fires it by moving the clock to it.
@MainActor
final class FakeTimer: WakeTimer {
    private(set) var pending: Int64?
    private var fire: (@MainActor @Sendable () -> Void)?
    private(set) var scheduled = 0

    func schedule(atMs: Int64, fire: @escaping @MainActor @Sendable () -> Void) {
        pending = atMs
        self.fire = fire
        scheduled += 1
    }

    func cancel() {
        pending = nil
        fire = nil
    }

    /// Moves `clock` to the pending wake-up and fires it; false when none is pending.
    @discardableResult
    func fireNext(_ clock: ManualClock) -> Bool {
        guard let at = pending, let f = fire else { return false }
        clock.now = max(clock.now, at)
        pending = nil
        fire = nil
        f()
        return true
    }
}

/// Records what is said; speech lasts until the test calls `finish()`.
@MainActor
final class FakeSpeech: SpeechOutput {
    private(set) var said: [(text: String, lang: String, dueMs: Int64)] = []
    private(set) var stops = 0
    var isSpeaking = false
    var onSilent: (@MainActor () -> Void)?

    func say(_ text: String, lang: String, dueMs: Int64) {
        said.append((text, lang, dueMs))
        isSpeaking = true
    }

    func stop() {
        stops += 1
        isSpeaking = false
    }

    /// The utterance ends and nothing is left to say.
    func finish() {
        isSpeaking = false
        onSilent?()
    }
}

@MainActor
final class FakeHaptics: Haptics {
    private(set) var played: [HapticPattern] = []
    func play(_ pattern: HapticPattern) { played.append(pattern) }
}

@MainActor
final class FakeAudio: AudioSession {
    private(set) var active = false
    private(set) var activations = 0
    var refuse = false
    struct Refused: Error {}

    func activate() throws {
        if refuse { throw Refused() }
        active = true
        activations += 1
    }

    /// Every change of ducking, in order (true: other apps lowered).
    private(set) var ducks: [Bool] = []
    func duckOthers(_ on: Bool) { ducks.append(on) }

    func deactivate() { active = false }
}

@MainActor
final class FakeScreen: ScreenControl {
    var brightness: Double = 0.4
    var idleTimerDisabled = false
}

final class MemorySettings: SettingsStore {
    var values: [String: Int] = [:]
    func integer(forKey key: String) -> Int { values[key] ?? 0 }
    func set(_ value: Int, forKey key: String) { values[key] = value }
}

/// A fresh folder under the temporary directory.
func tempFolder(_ name: String = "unknot-app") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository root: $UNKNOT_REPO (set by tests/swift.sh), else found
/// from this file's path (ios/Tests/UnknotAppTests/Fakes.swift).
func repoRoot(file: String = #filePath) -> URL {
    if let env = ProcessInfo.processInfo.environment["UNKNOT_REPO"], !env.isEmpty {
        return URL(fileURLWithPath: env)
    }
    var url = URL(fileURLWithPath: file)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
}

/// An example program of `docs/examples`.
func example(_ name: String) throws -> String {
    try String(contentsOf: repoRoot().appendingPathComponent("docs/examples/\(name)"), encoding: .utf8)
}

/// 2025-03-03T08:00:00Z, a Monday in the example heel program's first week.
let mon8am: Int64 = 1_740_988_800_000
let dayMs: Int64 = 86_400_000

/// Everything a test of the app's models needs, with fakes for the phone.
@MainActor
final class Harness {
    let folder = tempFolder()
    let clock = ManualClock()
    let wall: FixedWallClock
    let timer = FakeTimer()
    let speech = FakeSpeech()
    let haptics = FakeHaptics()
    let audio = FakeAudio()
    let lang: String
    lazy var app = AppData(folder: folder, lang: lang)
    lazy var player = PlayerModel(services: services)
    lazy var navigator = SessionNavigator(player: player, app: app)

    init(at wallMs: Int64 = mon8am, lang: String = "en") {
        wall = FixedWallClock(wallMs)
        self.lang = lang
    }

    var services: PlayerServices {
        PlayerServices(clock: clock, wallClock: wall, timer: timer, speech: speech, haptics: haptics,
                       audio: audio, journal: app.journal)
    }

    /// The app started again over the same folder (after being ended):
    /// a fresh journal connection, the monotonic clock going on.
    func relaunch() -> (AppData, PlayerModel) {
        let app = AppData(folder: folder, lang: lang)
        let player = PlayerModel(services: PlayerServices(
            clock: clock, wallClock: wall, timer: timer, speech: speech, haptics: haptics,
            audio: audio, journal: app.journal))
        return (app, player)
    }

    /// Plays the open session to its end, tapping "I'm ready" at untimed steps.
    func playToEnd() {
        runToEnd()
        while player.frame?.status == .waiting {
            player.proceed()
            runToEnd()
        }
    }

    /// Fires wake-ups (moving both clocks) until the session settles.
    func runToEnd(limit: Int = 10_000) {
        var n = 0
        while let at = timer.pending, n < limit {
            let step = at - clock.now
            timer.fireNext(clock)
            wall.advance(ms: max(step, 0))
            n += 1
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}
