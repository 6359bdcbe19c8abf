import Foundation
import XCTest
@testable import UnknotApp
import UnknotCore

/// The core's `Player`, counting every call made into it.
final class CountingPlayer: PlayerProtocol, @unchecked Sendable {
    private let p: Player
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    init(_ p: Player) { self.p = p }

    var calls: Int { lock.lock(); defer { lock.unlock() }; return counts.values.reduce(0, +) }
    func count(_ name: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[name] ?? 0 }
    private func c<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        counts[name, default: 0] += 1
        lock.unlock()
        return try body()
    }

    func upcoming(nowMs: Int64, withinMs: Int64) -> [Cue] { c("upcoming") { p.upcoming(nowMs: nowMs, withinMs: withinMs) } }
    func extend(nowMs: Int64, ms: Int64) -> Update { c("extend") { p.extend(nowMs: nowMs, ms: ms) } }
    func frame() -> Frame { c("frame") { p.frame() } }
    func next(nowMs: Int64) -> Update { c("next") { p.next(nowMs: nowMs) } }
    func pause(nowMs: Int64) -> Update { c("pause") { p.pause(nowMs: nowMs) } }
    func previous(nowMs: Int64) -> Update { c("previous") { p.previous(nowMs: nowMs) } }
    func proceed(nowMs: Int64) -> Update { c("proceed") { p.proceed(nowMs: nowMs) } }
    func pulse(nowMs: Int64) -> Pulse { c("pulse") { p.pulse(nowMs: nowMs) } }
    func restartStep(nowMs: Int64) -> Update { c("restartStep") { p.restartStep(nowMs: nowMs) } }
    func resume(nowMs: Int64) -> Update { c("resume") { p.resume(nowMs: nowMs) } }
    func routineId() -> String { c("routineId") { p.routineId() } }
    func snapshot() -> String { c("snapshot") { p.snapshot() } }
    func start(nowMs: Int64) -> Update { c("start") { p.start(nowMs: nowMs) } }
    func status() -> Status { c("status") { p.status() } }
    func stop(nowMs: Int64) -> Update { c("stop") { p.stop(nowMs: nowMs) } }
    func summary() -> SessionSummary { c("summary") { p.summary() } }
    func tick(nowMs: Int64) -> Update { c("tick") { p.tick(nowMs: nowMs) } }
    func begin(nowMs: Int64, start: SessionStart) throws -> Update {
        try c("begin") { try p.begin(nowMs: nowMs, start: start) }
    }
    func journalEntry(report: SessionReport, nowMs: Int64, wallMs: Int64, utcOffsetMin: Int32) throws -> SessionEntry {
        try c("journalEntry") {
            try p.journalEntry(report: report, nowMs: nowMs, wallMs: wallMs, utcOffsetMin: utcOffsetMin)
        }
    }
    func markTooMuch(nowMs: Int64) -> Update { c("markTooMuch") { p.markTooMuch(nowMs: nowMs) } }
    func recording() -> SessionRecording { c("recording") { p.recording() } }
    func details() -> RoutineDetails { c("details") { p.details() } }
}

@MainActor
final class PlayerDisplayTests: XCTestCase, @unchecked Sendable {
    /// Between wake-ups the frame carried forward on the clock shows what
    /// the core itself answers at that time, over a whole routine.
    func testTheFrameCarriedForwardIsWhatTheCoreSays() async throws {
        for id in ["calf-release", "box-breathing"] {
            let shown = try Player.fromBuiltin(id: id, lang: "en")
            let asked = try Player.fromBuiltin(id: id, lang: "en")
            var f = shown.start(nowMs: 0).frame
            _ = asked.start(nowMs: 0)
            var t: Int64 = 0
            var compared = 0
            while f.status == .running {
                t += 137
                if let wake = f.nextWakeMs, wake <= t {
                    f = shown.tick(nowMs: wake).frame
                    t = wake
                    continue
                }
                let truth = asked.tick(nowMs: t).frame
                let g = f.at(t)
                XCTAssertEqual(g.nowMs, truth.nowMs)
                XCTAssertEqual(g.positionMs, truth.positionMs, "\(id) at \(t)")
                XCTAssertEqual(g.remainingMs, truth.remainingMs)
                XCTAssertEqual(g.stepRemainingMs, truth.stepRemainingMs)
                XCTAssertEqual(g.segmentRemainingMs, truth.segmentRemainingMs)
                XCTAssertEqual(g.segmentProgress, truth.segmentProgress, accuracy: 1e-9)
                XCTAssertEqual(g.segment, truth.segment)
                XCTAssertEqual(PhaseDisplay(g), PhaseDisplay(truth))
                compared += 1
            }
            XCTAssertEqual(f.status, .finished)
            XCTAssertGreaterThan(compared, 500)
        }
    }

    func testAPausedOrWaitingFrameStandsStill() async throws {
        let p = try Player.fromBuiltin(id: "calf-release", lang: "en")
        _ = p.start(nowMs: 0)
        let paused = p.pause(nowMs: 5_000).frame
        XCTAssertEqual(paused.at(90_000), paused)
    }

    /// The whole routine with the player on screen at 60 frames a second:
    /// the core is called at wake-ups, on the taps, and by the stream's
    /// lookahead, never to draw.
    func testAVisiblePlayerCallsTheCoreAtMostOnceASecondBesidesWakeUpsAndInput() async throws {
        let s = StreamHarness()
        let core = CountingPlayer(try Player.fromBuiltin(id: "calf-release", lang: "en"))
        let details = try builtinRoutine(id: "calf-release", lang: "en")
        let t0 = s.clock.now
        try s.player.play(core, details: details, lang: "en")
        var drawn = 0
        var positions: Set<Int64> = []
        func draw(_ t: Int64) {
            let now = s.player.clockMs
            guard let f = s.player.frame(at: now), s.player.phase(at: now) != nil else { return }
            positions.insert(f.positionMs)
            drawn += 1
        }
        var inputs = 0
        let taps: [(Int64, (PlayerModel) -> Void)] = [
            (20_000, { $0.pause() }), (35_000, { $0.resume() }), (70_000, { $0.next() }),
            (90_000, { $0.extend() }), (120_000, { $0.previous() }),
        ]
        for (at, tap) in taps {
            s.run(to: t0 + at, step: 16, each: draw)
            s.tap(tap)
            inputs += 1
        }
        s.run(to: t0 + details.timedMs + 200_000, step: 16, each: draw)
        XCTAssertEqual(s.player.frame?.status, .finished)
        let seconds = Int((s.clock.now - t0) / 1000)
        // Each tap is one call, each wake-up one tick; the controller reads
        // the first frame once. (A checkpoint is the journal's own call on
        // the core's player, not a call through this one.)
        XCTAssertEqual(core.count("tick"), s.wakeUps)
        let besides = core.calls - s.wakeUps - inputs - core.count("start") - core.count("frame")
        XCTAssertGreaterThan(drawn, 60 * 300, "the screen was drawn all along")
        XCTAssertGreaterThan(positions.count, 1_000, "and it moved between wake-ups")
        XCTAssertLessThanOrEqual(besides, seconds, "at most one call a second besides wake-ups and input")
        XCTAssertEqual(core.count("pulse"), 0, "nothing asked to draw")
        XCTAssertEqual(besides, core.count("upcoming"), "the rest is the stream's lookahead")
        print("visible player over \(seconds) s: \(core.calls) core calls, \(s.wakeUps) wake-ups, "
              + "\(inputs) taps, \(core.count("upcoming")) lookaheads, \(drawn) frames drawn")
    }
}
