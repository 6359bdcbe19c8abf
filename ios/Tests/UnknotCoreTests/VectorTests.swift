import Foundation
import XCTest
import UnknotCore

/// Plays every conformance vector in `tests/vectors/` through
/// `SessionController` and the real library, so the Swift layer is shown to
/// agree with the Rust and Kotlin runners of the same files.
final class VectorTests: XCTestCase {
    private var vectorsDir: URL {
        if let dir = ProcessInfo.processInfo.environment["UNKNOT_VECTORS"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return repoRoot().appendingPathComponent("tests/vectors")
    }

    func testEveryVector() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: vectorsDir.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        XCTAssertFalse(files.isEmpty, "no vectors in \(vectorsDir.path)")
        for file in files {
            try play(vectorsDir.appendingPathComponent(file))
        }
    }

    // MARK: - one vector

    private func play(_ url: URL) throws {
        let name = url.lastPathComponent
        let vector = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], name)
        let lang = try XCTUnwrap(vector["lang"] as? String, "\(name): lang")
        let routine = try XCTUnwrap(vector["routine"] as? [String: Any], "\(name): routine")
        let player: Player
        if let id = routine["builtin"] as? String {
            player = try Player.fromBuiltin(id: id, lang: lang)
        } else {
            let doc = try XCTUnwrap(routine["json"], "\(name): routine needs builtin or json")
            let json = String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self)
            player = try Player.fromJson(json: json, lang: lang)
        }

        let clock = FakeClock(0)
        let scheduler = FakeScheduler()
        let sink = RecordingSink()
        let controller = SessionController(player: player, clock: clock, scheduler: scheduler, cueSink: sink)
        var cues: [Cue] = []
        var ignored: [Int] = []
        let script = try XCTUnwrap(vector["script"] as? [[String: Any]], "\(name): script")
        for (i, entry) in script.enumerated() {
            let at = try XCTUnwrap(int64(entry["at_ms"]), "\(name)[\(i)]: at_ms")
            let command = try XCTUnwrap(entry["do"] as? String, "\(name)[\(i)]: do")
            clock.now = at
            let update: Update
            switch command {
            case "start": update = controller.start()
            case "pause": update = controller.pause()
            case "resume": update = controller.resume()
            case "next": update = controller.next()
            case "previous": update = controller.previous()
            case "restart_step": update = controller.restartStep()
            case "extend": update = controller.extend(ms: try XCTUnwrap(int64(entry["ms"]), "\(name)[\(i)]: ms"))
            case "continue": update = controller.proceed()
            case "stop": update = controller.stop()
            case "tick": update = controller.wake()
            default:
                XCTFail("\(name)[\(i)]: unknown command \(command)")
                continue
            }
            if update.ignored != nil { ignored.append(i) }
            cues += update.cues
            XCTAssertEqual(scheduler.pending, update.frame.nextWakeMs, "\(name)[\(i)]: the one wake-up is at next_wake_ms")
        }

        let expect = try XCTUnwrap(vector["expect"] as? [String: Any], "\(name): expect")
        let expectedIgnored = (expect["ignored"] as? [Any] ?? []).compactMap(int64).map(Int.init)
        XCTAssertEqual(ignored, expectedIgnored, "\(name): ignored commands")

        let expectedCues = try XCTUnwrap(expect["cues"] as? [[String: Any]], "\(name): expect.cues")
        XCTAssertEqual(cues.count, expectedCues.count, "\(name): number of cues")
        for (i, (cue, want)) in zip(cues, expectedCues).enumerated() {
            let at = "\(name): cue \(i)"
            XCTAssertEqual(cueKindName(cue.kind), want["kind"] as? String, at)
            XCTAssertEqual(cue.dueMs, int64(want["due_ms"]), "\(at) due_ms")
            XCTAssertEqual(cue.atMs, int64(want["at_ms"]), "\(at) at_ms")
            XCTAssertEqual(Int64(cue.segment), int64(want["segment"]), "\(at) segment")
            XCTAssertEqual(Int64(cue.step), int64(want["step"]), "\(at) step")
            XCTAssertEqual(cue.speak, bool(want["speak"]), "\(at) speak")
            if let say = want["say"] as? String {
                XCTAssertEqual(cue.say, say, "\(at) say")
            }
        }
        // The sink hears exactly the cues marked to be spoken.
        XCTAssertEqual(sink.spoken, cues.filter(\.speak), "\(name): spoken cues")

        let wantFrame = try XCTUnwrap(expect["frame"] as? [String: Any], "\(name): expect.frame")
        let frame = controller.frame
        XCTAssertEqual(frame, player.frame(), "\(name): the controller holds the player's frame")
        for (key, want) in wantFrame.sorted(by: { $0.key < $1.key }) {
            let got = try XCTUnwrap(frameField(frame, key), "\(name): the vector checks frame.\(key), which this runner does not know")
            XCTAssertEqual(got, normalize(want), "\(name): frame.\(key)")
        }
    }
}

// MARK: - JSON helpers

private func int64(_ value: Any?) -> Int64? {
    guard let n = value as? NSNumber else { return nil }
    return n.int64Value
}

private func bool(_ value: Any?) -> Bool? {
    if let b = value as? Bool { return b }
    return (value as? NSNumber)?.boolValue
}

/// A frame field or expected value in one comparable form.
private enum Field: Equatable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    var description: String {
        switch self {
        case .null: return "null"
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .text(let s): return "\"\(s)\""
        }
    }

    static func == (a: Field, b: Field) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.int(x), .int(y)): return x == y
        case let (.text(x), .text(y)): return x == y
        default:
            guard let x = a.number, let y = b.number else { return false }
            return abs(x - y) < 1e-9
        }
    }

    private var number: Double? {
        switch self {
        case .int(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }
}

/// An expected JSON value as a `Field`.
private func normalize(_ value: Any) -> Field {
    if value is NSNull { return .null }
    if let s = value as? String { return .text(s) }
    if let n = value as? NSNumber {
        let d = n.doubleValue
        return d == d.rounded() && abs(d) < 9e15 ? .int(n.int64Value) : .double(d)
    }
    return .text(String(describing: value))
}

private func opt(_ n: Int64?) -> Field { n.map(Field.int) ?? .null }
private func opt(_ n: Int32?) -> Field { n.map { .int(Int64($0)) } ?? .null }

/// The frame field a vector names in snake_case, or nil for an unknown name.
private func frameField(_ f: Frame, _ key: String) -> Field? {
    switch key {
    case "status": return .text(statusName(f.status))
    case "now_ms": return .int(f.nowMs)
    case "step": return .int(Int64(f.step))
    case "step_count": return .int(Int64(f.stepCount))
    case "segment": return .int(Int64(f.segment))
    case "segment_count": return .int(Int64(f.segmentCount))
    case "step_title": return .text(f.stepTitle)
    case "step_instructions": return f.stepInstructions.map(Field.text) ?? .null
    case "kind": return .text(segmentKindName(f.kind))
    case "side": return f.side.map { .text($0 == .left ? "left" : "right") } ?? .null
    case "rep": return opt(f.rep)
    case "cycle": return opt(f.cycle)
    case "segment_progress": return .double(f.segmentProgress)
    case "segment_duration_ms": return opt(f.segmentDurationMs)
    case "segment_remaining_ms": return opt(f.segmentRemainingMs)
    case "step_remaining_ms": return .int(f.stepRemainingMs)
    case "position_ms": return .int(f.positionMs)
    case "remaining_ms": return .int(f.remainingMs)
    case "timed_ms": return .int(f.timedMs)
    case "paused_ms": return .int(f.pausedMs)
    case "next_wake_ms": return opt(f.nextWakeMs)
    default: return nil
    }
}

/// The snake_case names the vectors (and the core's JSON) use.
func statusName(_ s: Status) -> String {
    switch s {
    case .ready: return "ready"
    case .running: return "running"
    case .paused: return "paused"
    case .waiting: return "waiting"
    case .finished: return "finished"
    case .stopped: return "stopped"
    }
}

func cueKindName(_ k: CueKind) -> String {
    switch k {
    case .segment: return "segment"
    case .halfway: return "halfway"
    case .countdown: return "countdown"
    case .finished: return "finished"
    }
}

func segmentKindName(_ k: SegmentKind) -> String {
    switch k {
    case .prepare: return "prepare"
    case .rest: return "rest"
    case .manual: return "manual"
    case .inhale: return "inhale"
    case .holdIn: return "hold_in"
    case .exhale: return "exhale"
    case .holdOut: return "hold_out"
    case .hold: return "hold"
    case .massage: return "massage"
    case .work: return "work"
    case .switch: return "switch"
    }
}
