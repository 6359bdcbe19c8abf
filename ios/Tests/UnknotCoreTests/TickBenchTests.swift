import Foundation
import XCTest
import UnknotCore

/// Prints what one `tick` costs from Swift (through the generated bindings
/// into the Rust core). It measures only; it asserts nothing about speed.
///
/// Two patterns, in batches of 1,000 calls; each figure is the median batch
/// divided by 1,000:
/// - the one of the bindings crate's Rust benchmark
///   (`cargo bench -p unknot-ffi --bench tick`, `player_tick_running`):
///   a running session of one 3600 s hold, the clock moving 1 ms per call,
///   no cue due; so the two figures differ only by the Swift side;
/// - a running session of `calf-release`, four ticks per millisecond of
///   caller time, so cues fall due now and then as in a real session. Up to 1,000,000 calls, or fewer when the budget
/// (UNKNOT_TICK_BENCH_SECONDS, default 0.3 s; tests/swift.sh sets 3 s with
/// UNKNOT_TICK_BENCH=1) runs out. For comparison it also prints the cost of
/// `status()` (a round trip returning a plain enum) and `frame()` (the
/// frame record alone, no state change).
final class TickBenchTests: XCTestCase {
    private let batch = 1_000
    private let maxCalls = 1_000_000

    private var budget: Double {
        Double(ProcessInfo.processInfo.environment["UNKNOT_TICK_BENCH_SECONDS"] ?? "") ?? 0.3
    }

    /// Median, 10th and 90th percentile nanoseconds per call of `body`,
    /// which is called with a running call number.
    private func measure(seconds: Double, _ body: (Int64) -> Void) -> (median: Double, p10: Double, p90: Double, calls: Int) {
        var call: Int64 = 0
        var batches: [UInt64] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while batches.count * batch < maxCalls {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batch {
                body(call)
                call += 1
            }
            let t1 = DispatchTime.now().uptimeNanoseconds
            batches.append(t1 - t0)
            if t1 >= deadline { break }
        }
        batches.sort()
        let perCall = { (ns: UInt64) in Double(ns) / Double(self.batch) }
        return (perCall(batches[batches.count / 2]), perCall(batches[batches.count / 10]),
                perCall(batches[batches.count * 9 / 10]), batches.count * batch)
    }

    private func report(_ what: String, _ m: (median: Double, p10: Double, p90: Double, calls: Int), _ extra: String = "") {
        print(String(format: "%@ from Swift: median %.0f ns/call (p10 %.0f, p90 %.0f) over %d calls%@",
                     what, m.median, m.p10, m.p90, m.calls, extra))
    }

    /// The routine of the Rust benchmark: one 3600 s hold.
    private let longHold = #"{"format": "unknot.routine.v1", "id": "bench-hold", "title": "Hold", "steps": [{"kind": "stretch", "title": "Hold", "area": "calf", "hold": 3600}]}"#

    func testTickCostNoCueDue() throws {
        let player = try Player.fromJson(json: longHold, lang: "en")
        player.start(nowMs: 0)
        var cues = 0
        let m = measure(seconds: budget) { call in
            cues += player.tick(nowMs: call % 1_000_000 + 1).cues.count
        }
        report("tick", m, " (no cue due, the Rust benchmark's pattern)")
        XCTAssertEqual(cues, 0)
        XCTAssertEqual(player.frame().status, .running)
        XCTAssertEqual(player.frame().positionMs, Int64(m.calls))
    }

    func testPulseCostNoCueDue() throws {
        let player = try Player.fromJson(json: longHold, lang: "en")
        player.start(nowMs: 0)
        var frames = 0
        let m = measure(seconds: budget) { call in
            if player.pulse(nowMs: call % 1_000_000 + 1).frame != nil { frames += 1 }
        }
        report("pulse", m, " (no cue due; \(frames) whole frames carried)")
        XCTAssertEqual(frames, 0, "start handed out the frame; within one segment no pulse carries it")
    }

    func testTickCost() throws {
        let player = try makePlayer("calf-release", lang: "en")
        player.start(nowMs: 0)
        var cues = 0
        let m = measure(seconds: budget) { call in
            cues += player.tick(nowMs: call / 4).cues.count
        }
        report("tick", m, " (calf-release, \(cues) cues handed out)")
        // Sanity only (however many calls fitted): the loop really drove the session.
        XCTAssertEqual(player.frame().status, .running)
        XCTAssertEqual(player.frame().positionMs, Int64(m.calls - 1) / 4)
    }

    func testRoundTripCosts() throws {
        let player = try makePlayer("calf-release", lang: "en")
        player.start(nowMs: 0)
        var running = 0
        let status = measure(seconds: budget / 3) { _ in
            if player.status() == .running { running += 1 }
        }
        report("status (round trip)", status)
        var chars = 0
        let frame = measure(seconds: budget / 3) { _ in
            chars += player.frame().stepTitle.utf8.count
        }
        report("frame (record only)", frame)
        XCTAssertEqual(running, status.calls)
        XCTAssertGreaterThan(chars, 0)
    }
}
