import Foundation
import XCTest
import UnknotCore

/// Prints what one `tick` costs from Swift (through the generated bindings
/// into the Rust core). It measures only; it asserts nothing about speed.
/// The Rust figure for the same call pattern comes from the bindings
/// crate's `tick` benchmark.
///
/// Pattern: a running session of `calf-release`, four ticks per
/// millisecond of caller time (so cues fall due now and then, as in a
/// real session), in batches of 1,000 calls; the figure is the median
/// batch divided by 1,000. Up to 1,000,000 calls, or fewer when the
/// budget (UNKNOT_TICK_BENCH_SECONDS, default 1 s; tests/swift.sh sets 3 s with UNKNOT_TICK_BENCH=1) runs out.
final class TickBenchTests: XCTestCase {
    func testTickCost() throws {
        let env = ProcessInfo.processInfo.environment
        let budget = Double(env["UNKNOT_TICK_BENCH_SECONDS"] ?? "") ?? 1.0
        let batch = 1_000
        let maxCalls = 1_000_000

        let player = try makePlayer("calf-release", lang: "en")
        _ = player.start(nowMs: 0)
        var call: Int64 = 0
        var batches: [UInt64] = []
        var spoken = 0
        let began = DispatchTime.now().uptimeNanoseconds
        let deadline = began + UInt64(budget * 1e9)
        while batches.count * batch < maxCalls {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batch {
                let update = player.tick(nowMs: call / 4)
                spoken += update.cues.count
                call += 1
            }
            let t1 = DispatchTime.now().uptimeNanoseconds
            batches.append(t1 - t0)
            if t1 >= deadline { break }
        }
        batches.sort()
        let perCall = { (ns: UInt64) in Double(ns) / Double(batch) }
        let median = perCall(batches[batches.count / 2])
        let p10 = perCall(batches[batches.count / 10])
        let p90 = perCall(batches[batches.count * 9 / 10])
        print(String(format: "tick from Swift: median %.0f ns/call (p10 %.0f, p90 %.0f) over %d calls in %d batches; %d cues handed out",
                     median, p10, p90, batches.count * batch, batches.count, spoken))
        // Sanity only: the loop really drove a session.
        XCTAssertGreaterThan(spoken, 0)
        XCTAssertEqual(player.frame().status, .running)
    }
}
