import Foundation
import XCTest
import UnknotCore

/// Recording, checkpointing and resuming through `SessionController`, and
/// the Today screen it feeds, against the real library.
final class RecordingTests: XCTestCase {
    /// 2025-03-10T08:00:00Z, the Monday of the example program's second week.
    let mon8am: Int64 = 1_741_593_600_000
    var dir: URL!
    var path: String { dir.appendingPathComponent("journal.sqlite").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("unknot-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testASessionIsRecordedOnceByTheCoresRules() throws {
        let j = try Journal.open(path: path)
        let clock = FakeClock(0)
        let c = SessionController(player: try makePlayer("box-breathing", lang: "en"), clock: clock,
                                  scheduler: FakeScheduler(), cueSink: RecordingSink())
        XCTAssertThrowsError(try c.begin(SessionStart(wallMs: mon8am, utcOffsetMin: 60, painBefore: 12)))
        XCTAssertEqual(c.frame.status, .ready)
        XCTAssertNotNil(c.markTooMuch().ignored, "no tap counts before the start")
        try c.begin(SessionStart(wallMs: mon8am, utcOffsetMin: 60, painBefore: 5))
        clock.now = 10_000
        XCTAssertNil(c.markTooMuch().ignored)
        clock.now = 20_000
        c.stop()
        clock.now = 80_000
        let report = SessionReport(painAfter: 3, pressure: .right, note: " ")
        let e = try c.entry(report, wallMs: mon8am + 80_000, utcOffsetMin: 60)
        XCTAssertEqual(e.outcome, .stopped)
        XCTAssertEqual(e.endMs, mon8am + 20_000)
        XCTAssertEqual(e.activeMs, 20_000)
        XCTAssertEqual(e.painBefore, 5)
        XCTAssertEqual(e.discomfort.count, 1)
        XCTAssertNil(e.note)
        let id = try c.record(into: j, report, wallMs: mon8am + 80_000, utcOffsetMin: 60)
        XCTAssertEqual(try c.record(into: j, report, wallMs: mon8am + 90_000, utcOffsetMin: 60), id)
        XCTAssertEqual(try j.count(), 1)
        XCTAssertFalse(try c.checkpoint(into: j, wallMs: mon8am, utcOffsetMin: 60))
    }

    func testAProgramSessionResumesWithItsStartProgramAndRating() throws {
        let heel = try String(contentsOf: repoRoot().appendingPathComponent("docs/examples/heel-pain-progression.unknot"),
                              encoding: .utf8)
        let j = try Journal.open(path: path)
        let clock = FakeClock(0)
        XCTAssertNil(try SessionController.resume(from: j, clock: clock, scheduler: FakeScheduler(), cueSink: RecordingSink()))
        let sink = RecordingSink()
        let c = SessionController(player: try Player.fromProgram(programJson: heel, routineId: "box-breathing", week: 2, lang: "es"),
                                  clock: clock, scheduler: FakeScheduler(), cueSink: sink)
        try c.begin(SessionStart(wallMs: mon8am, utcOffsetMin: 60, painBefore: 6))
        clock.now = 5_000
        c.pause()
        XCTAssertTrue(try c.checkpoint(into: j, wallMs: mon8am + 5_000, utcOffsetMin: 60))
        c.close()
        // The phone restarted: its clock begins again near 0.
        clock.now = 100
        let r = try XCTUnwrap(try SessionController.resume(from: j, clock: clock, scheduler: FakeScheduler(), cueSink: sink))
        XCTAssertEqual(r.frame.status, .paused)
        let rec = r.recording()
        XCTAssertEqual(rec.programId, "heel-pain-8w")
        XCTAssertEqual(rec.programWeek, 2)
        XCTAssertEqual(rec.startedAtMs, mon8am)
        XCTAssertEqual(rec.painBefore, 6)
        r.stop()
        let id = try r.record(into: j, SessionReport(painAfter: nil, pressure: nil, note: nil),
                              wallMs: mon8am + 7_200_000, utcOffsetMin: 120)
        let saved = try XCTUnwrap(try j.session(id: id)).entry
        XCTAssertEqual(saved.startMs, mon8am)
        XCTAssertEqual(saved.programId, "heel-pain-8w")
        XCTAssertEqual(saved.utcOffsetMin, 60)
        XCTAssertNil(try j.checkpoint())
        // Today counts it: box-breathing twice a week, done once on Monday.
        let t = try j.today(programJson: heel, date: "2025-03-10", lang: "en")
        let b = try XCTUnwrap(t.routines.first { $0.routineId == "box-breathing" })
        XCTAssertEqual(b.action, .doAgain)
        XCTAssertEqual(b.todayText, "Done for today")
        XCTAssertEqual(b.weekText, "1 more this week")
        XCTAssertEqual(t.heading, "Week 2 of 8")
    }
}
