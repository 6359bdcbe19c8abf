import Foundation
import XCTest
import UnknotCore

/// A clock the test moves by hand.
final class FakeClock: MonotonicClock {
    var now: Int64
    init(_ start: Int64 = 0) { now = start }
    func nowMs() -> Int64 { now }
}

/// Records what the controller schedules; `pending` is the one wake-up.
final class FakeScheduler: WakeScheduler {
    private(set) var pending: Int64?
    private(set) var scheduled: [Int64] = []
    private(set) var cancels = 0
    func schedule(atMs: Int64) {
        pending = atMs
        scheduled.append(atMs)
    }
    func cancel() {
        pending = nil
        cancels += 1
    }
}

/// Records the cues handed to speech.
final class RecordingSink: CueSink {
    private(set) var spoken: [Cue] = []
    func speak(_ cue: Cue) { spoken.append(cue) }
}

/// The repository root: $UNKNOT_REPO (set by tests/swift.sh), else found
/// from this file's path (ios/Tests/UnknotCoreTests/Support.swift).
func repoRoot(file: String = #filePath) -> URL {
    if let env = ProcessInfo.processInfo.environment["UNKNOT_REPO"], !env.isEmpty {
        return URL(fileURLWithPath: env)
    }
    var url = URL(fileURLWithPath: file)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
}

/// The text of a built-in routine's JSON file.
func builtinJSON(_ id: String) throws -> String {
    let url = repoRoot().appendingPathComponent("core/routines/\(id).json")
    return try String(contentsOf: url, encoding: .utf8)
}

/// A ready player of a built-in routine.
func makePlayer(_ id: String, lang: String) throws -> Player {
    try Player.fromBuiltin(id: id, lang: lang)
}
