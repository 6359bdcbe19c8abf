import Foundation
import XCTest
import UnknotCore

/// The recording vectors (`tests/vectors/record/`) through `SessionController`
/// and the Today vectors (`tests/vectors/today/`) through `Journal.today`:
/// the same files the Rust and Kotlin runners play.
final class RecordTodayVectorTests: XCTestCase {
    private var vectorsDir: URL { repoRoot().appendingPathComponent("tests/vectors") }

    private func files(_ dir: String) throws -> [[String: Any]] {
        let folder = vectorsDir.appendingPathComponent(dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(names.isEmpty, "no vectors in \(dir)")
        return try names.map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0))) as? [String: Any])
        }
    }

    private func num(_ v: Any?) -> Int64? { (v as? NSNumber)?.int64Value }
    private func i32(_ v: Any?) -> Int32? { num(v).map { Int32($0) } }

    private func pressure(_ v: Any?) -> PressureFeedback? {
        switch v as? String {
        case "too_light": return .tooLight
        case "right": return .right
        case "too_firm": return .tooFirm
        default: return nil
        }
    }

    private func tempJournal() throws -> (URL, Journal) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, try Journal.open(path: dir.appendingPathComponent("journal.sqlite").path))
    }

    func testEveryRecordingVector() throws {
        for v in try files("record") {
            let name = v["name"] as? String ?? "?"
            let routine = try XCTUnwrap((v["routine"] as? [String: Any])?["json"])
            let json = String(decoding: try JSONSerialization.data(withJSONObject: routine), as: UTF8.self)
            let clock = FakeClock(0)
            let c = SessionController(player: try Player.fromJson(json: json, lang: try XCTUnwrap(v["lang"] as? String)),
                                      clock: clock, scheduler: FakeScheduler(), cueSink: RecordingSink())
            if let st = v["start"] as? [String: Any] {
                clock.now = try XCTUnwrap(num(st["at_ms"]))
                try c.begin(SessionStart(wallMs: try XCTUnwrap(num(st["wall_ms"])),
                                         utcOffsetMin: try XCTUnwrap(i32(st["utc_offset_min"])),
                                         painBefore: i32(st["pain_before"])))
            }
            var ignored: [Int64] = []
            for (i, e) in (v["script"] as? [[String: Any]] ?? []).enumerated() {
                clock.now = try XCTUnwrap(num(e["at_ms"]))
                let u: Update
                switch e["do"] as? String {
                case "start": u = c.start()
                case "pause": u = c.pause()
                case "resume": u = c.resume()
                case "next": u = c.next()
                case "continue": u = c.proceed()
                case "stop": u = c.stop()
                case "tick": u = c.wake()
                case "too_much": u = c.markTooMuch()
                default: XCTFail("\(name): unknown command"); continue
                }
                if u.ignored != nil { ignored.append(Int64(i)) }
            }
            let expect = try XCTUnwrap(v["expect"] as? [String: Any])
            XCTAssertEqual(ignored, (expect["ignored"] as? [Any] ?? []).compactMap(num), "\(name): ignored")
            let r = try XCTUnwrap(v["record"] as? [String: Any])
            clock.now = try XCTUnwrap(num(r["at_ms"]))
            let (dir, j) = try tempJournal()
            defer { try? FileManager.default.removeItem(at: dir) }
            let id = try c.record(into: j, SessionReport(painAfter: i32(r["pain_after"]), pressure: pressure(r["pressure"]),
                                                         note: r["note"] as? String),
                                  wallMs: try XCTUnwrap(num(r["wall_ms"])), utcOffsetMin: try XCTUnwrap(i32(r["utc_offset_min"])))
            let e = try XCTUnwrap(try j.session(id: id)).entry
            let w = try XCTUnwrap(expect["entry"] as? [String: Any])
            XCTAssertEqual(e.routineId, w["routine_id"] as? String, name)
            XCTAssertEqual(e.routineTitle, w["routine_title"] as? String, name)
            XCTAssertEqual(e.programId, w["program_id"] as? String, name)
            XCTAssertEqual(e.outcome == .completed ? "completed" : "stopped", w["outcome"] as? String, name)
            XCTAssertEqual(e.startMs, num(w["start_ms"]), "\(name): start")
            XCTAssertEqual(e.endMs, num(w["end_ms"]), "\(name): end")
            XCTAssertEqual(e.utcOffsetMin, i32(w["utc_offset_min"]), "\(name): offset")
            XCTAssertEqual(e.activeMs, num(w["active_ms"]), "\(name): active")
            XCTAssertEqual(e.stepsCompleted, i32(w["steps_completed"]), name)
            XCTAssertEqual(e.stepsSkipped, i32(w["steps_skipped"]), name)
            XCTAssertEqual(e.painBefore, i32(w["pain_before"]), name)
            XCTAssertEqual(e.painAfter, i32(w["pain_after"]), name)
            XCTAssertEqual(e.pressure, pressure(w["pressure"]), name)
            XCTAssertEqual(e.note, w["note"] as? String, name)
            let want: [[Int64]] = (w["discomfort"] as? [[Any]] ?? []).map { pair in pair.map { num($0) ?? -1 } }
            let got: [[Int64]] = e.discomfort.map { [Int64($0.step), $0.positionMs] }
            XCTAssertEqual(got, want, "\(name): marks")
        }
    }

    func testEveryTodayVector() throws {
        for v in try files("today") {
            let name = v["name"] as? String ?? "?"
            let file = try XCTUnwrap((v["program"] as? [String: Any])?["file"] as? String)
            let program = try String(contentsOf: repoRoot().appendingPathComponent(file), encoding: .utf8)
            let programId = try parseProgram(json: program, lang: "en").id
            let lang = try XCTUnwrap(v["lang"] as? String)
            let (dir, j) = try tempJournal()
            defer { try? FileManager.default.removeItem(at: dir) }
            for (i, day) in (v["days"] as? [[String: Any]] ?? []).enumerated() {
                let date = try XCTUnwrap(day["date"] as? String)
                let at = "\(name) day \(i) (\(date))"
                let t = try j.today(programJson: program, date: date, lang: lang)
                let want = try XCTUnwrap(day["expect"] as? [String: Any])
                let status: String = switch t.status {
                case .notStarted: "not_started"
                case .active: "active"
                case .ended: "ended"
                }
                XCTAssertEqual(status, want["status"] as? String, at)
                XCTAssertEqual(t.week, i32(want["week"]), at)
                XCTAssertEqual(t.heading, want["heading"] as? String, at)
                XCTAssertEqual(t.message, want["message"] as? String, at)
                let routines = want["routines"] as? [[String: Any]] ?? []
                XCTAssertEqual(t.routines.count, routines.count, at)
                for (r, w) in zip(t.routines, routines) {
                    let here = "\(at) \(r.routineId)"
                    XCTAssertEqual(r.routineId, w["routine"] as? String, here)
                    XCTAssertEqual(r.shown, w["shown"] as? Bool, here)
                    XCTAssertEqual(r.dueToday, i32(w["due_today"]), here)
                    XCTAssertEqual(r.doneToday, i32(w["done_today"]), here)
                    XCTAssertEqual(r.leftToday, i32(w["left_today"]), here)
                    XCTAssertEqual(r.leftThisWeek, i32(w["left_this_week"]), here)
                    let action: String = switch r.action {
                    case .start: "start"
                    case .doAgain: "do_again"
                    case .none: "none"
                    }
                    XCTAssertEqual(action, w["action"] as? String, here)
                    XCTAssertEqual(r.todayText, w["today_text"] as? String, here)
                    XCTAssertEqual(r.weekText, w["week_text"] as? String, here)
                }
                for s in day["then_record"] as? [[String: Any]] ?? [] {
                    let start = try XCTUnwrap(num(s["start_ms"]))
                    _ = try j.record(entry: SessionEntry(
                        routineId: try XCTUnwrap(s["routine"] as? String), routineTitle: "Session", programId: programId,
                        startMs: start, endMs: start + 60_000, utcOffsetMin: try XCTUnwrap(i32(s["utc_offset_min"])),
                        activeMs: 60_000, outcome: .completed, stepsCompleted: 1, stepsSkipped: 0,
                        painBefore: nil, painAfter: nil, pressure: nil, discomfort: [], note: nil))
                }
            }
        }
    }
}
