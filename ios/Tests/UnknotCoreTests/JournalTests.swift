import Foundation
import XCTest
import UnknotCore

/// The journal object, seen from Swift, on database files in a temporary folder.
final class JournalTests: XCTestCase {
    /// 2025-03-03T08:00:00Z, a Monday in the example program's first week.
    let mon8am: Int64 = 1_740_988_800_000
    let day: Int64 = 86_400_000
    var dir: URL!
    var path: String { dir.appendingPathComponent("journal.sqlite").path }
    var heel = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("unknot-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        heel = try example("heel-pain-progression.unknot")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func entry(_ routine: String, _ startMs: Int64, _ before: Int32, _ after: Int32) -> SessionEntry {
        SessionEntry(
            routineId: routine, routineTitle: "Calf and foot", programId: "heel-pain-8w",
            startMs: startMs, endMs: startMs + 600_000, utcOffsetMin: 60, activeMs: 590_000,
            outcome: .completed, stepsCompleted: 4, stepsSkipped: 0,
            painBefore: before, painAfter: after, pressure: .right,
            discomfort: [DiscomfortMark(step: 1, positionMs: 42_000)], note: "easier today")
    }

    func testSessionsAreRecordedAndSurviveDeinit() throws {
        weak var released: Journal?
        var ids: [Int64] = []
        try {
            let j = try Journal.open(path: path)
            released = j
            ids.append(try j.record(entry: entry("calf-and-foot", mon8am, 3, 2)))
            ids.append(try j.record(entry: entry("calf-raises", mon8am + day, 2, 2)))
            XCTAssertEqual(try j.count(), 2)
            let recent = try j.recent(limit: 10)
            XCTAssertEqual(recent.map(\.id), ids.reversed())
            XCTAssertEqual(recent[1].entry, entry("calf-and-foot", mon8am, 3, 2))
            XCTAssertEqual(recent[1].localDate, "2025-03-03")
            XCTAssertEqual(try j.session(id: ids[0])?.id, ids[0])
            XCTAssertNil(try j.session(id: 999))
        }()
        // Released at the end of its scope: deinit closed the database.
        XCTAssertNil(released)
        XCTAssertEqual(try Journal.open(path: path).count(), 2)
    }

    func testAnInvalidSessionIsATypedErrorAndWritesNothing() throws {
        let j = try Journal.open(path: path)
        XCTAssertThrowsError(try j.record(entry: entry("Calf And Foot", mon8am, 11, -1))) { error in
            guard case UnknotError.InvalidSession(let problems) = error else {
                return XCTFail("expected InvalidSession, got \(error)")
            }
            XCTAssertGreaterThanOrEqual(problems.count, 3, "\(problems)")
            XCTAssertTrue(problems.contains { $0.contains("pain before is 11") }, "\(problems)")
        }
        XCTAssertEqual(try j.count(), 0)
    }

    func testACheckpointResumesInOneCall() throws {
        let j = try Journal.open(path: path)
        XCTAssertNil(try j.checkpoint())
        XCTAssertNil(try j.resume(nowMs: 0))
        let p = try Player.fromProgram(programJson: heel, routineId: "calf-and-foot", week: 3, lang: "de")
        _ = try p.begin(nowMs: 0, start: SessionStart(wallMs: mon8am, utcOffsetMin: 60, painBefore: 4))
        _ = p.proceed(nowMs: 1_000)
        _ = p.tick(nowMs: 21_000)
        _ = p.pause(nowMs: 21_000)
        XCTAssertTrue(try j.saveCheckpoint(player: p, nowMs: 30_000, wallMs: mon8am + 30_000, utcOffsetMin: 60))
        let c = try XCTUnwrap(try j.checkpoint())
        XCTAssertEqual(c.routineId, "calf-and-foot")
        XCTAssertFalse(c.builtin)
        XCTAssertEqual(c.lang, "de")
        XCTAssertEqual(c.programId, "heel-pain-8w")
        XCTAssertEqual(c.savedAtMs, mon8am + 30_000)
        XCTAssertEqual(c.programWeek, 3)
        XCTAssertEqual(c.painBefore, 4)
        XCTAssertFalse(c.over)
        let r = try XCTUnwrap(try j.resume(nowMs: 500_000))
        XCTAssertEqual(r.status(), .paused)
        XCTAssertEqual(r.frame().positionMs, p.frame().positionMs)
        XCTAssertEqual(r.frame().timedMs, p.frame().timedMs)
        XCTAssertEqual(r.frame().stepTitle, p.frame().stepTitle)
        XCTAssertEqual(r.recording(), p.recording())

        _ = try j.recordAndClearCheckpoint(entry: entry("calf-and-foot", mon8am, 2, 2))
        XCTAssertNil(try j.checkpoint())
        let b = try Player.fromBuiltin(id: "box-breathing", lang: "en")
        XCTAssertFalse(try j.saveCheckpoint(player: b, nowMs: 0, wallMs: mon8am, utcOffsetMin: 0))
        _ = b.start(nowMs: 0)
        XCTAssertTrue(try j.saveCheckpoint(player: b, nowMs: 0, wallMs: mon8am, utcOffsetMin: 0))
        XCTAssertEqual(try j.checkpoint()?.routineTitle, "Box breathing")
        XCTAssertEqual(try j.checkpoint()?.builtin, true)
        try j.clearCheckpoint()
        XCTAssertNil(try j.resume(nowMs: 0))
    }

    func testStatsCountWeeksPainAndFlags() throws {
        let j = try Journal.open(path: path)
        _ = try j.record(entry: entry("calf-and-foot", mon8am, 2, 4))
        _ = try j.record(entry: entry("calf-and-foot", mon8am + day, 3, 5))
        _ = try j.record(entry: entry("calf-and-foot", mon8am + 2 * day, 4, 7))
        let st = try j.stats(programJson: heel, today: "2025-03-10", lang: "en")
        XCTAssertEqual(st.programId, "heel-pain-8w")
        XCTAssertEqual(st.sessions, 3)
        XCTAssertEqual(st.weeks.count, 2)
        let w1 = st.weeks[0]
        XCTAssertEqual([w1.start, w1.end], ["2025-03-03", "2025-03-09"])
        XCTAssertEqual(w1.done, 3)
        XCTAssertEqual(w1.due, 19)
        XCTAssertFalse(w1.inProgress)
        XCTAssertEqual(try XCTUnwrap(w1.painBefore), 3.0, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(st.adherence), 3.0 / 19.0, accuracy: 1e-9)
        XCTAssertEqual(st.streak.days, 0)
        XCTAssertEqual(st.streak.lastDay, "2025-03-05")
        XCTAssertEqual(st.flags.map(\.kind), [.flare, .aboveLimit])
        XCTAssertEqual(st.flags[0].dates, ["2025-03-03", "2025-03-04"])
        XCTAssertTrue(st.flags[1].message.contains("limit of 6"))
        // In the app's language.
        let de = try j.stats(programJson: heel, today: "2025-03-10", lang: "de")
        XCTAssertTrue(de.flags[1].message.contains("über der Grenze deines Programms (6)"), de.flags[1].message)

        let plain = try j.stats(programJson: nil, today: "2025-03-05", lang: "en")
        XCTAssertTrue(plain.weeks.isEmpty)
        XCTAssertNil(plain.adherence)
        XCTAssertEqual(plain.streak.days, 3)
        XCTAssertTrue(plain.streak.doneToday)

        XCTAssertEqual(try j.dueToday(programJson: heel, date: "2025-03-05", lang: "en").due[0].done, 1)
    }

    func testExportsAndReportHoldTheSessions() throws {
        let j = try Journal.open(path: path)
        _ = try j.record(entry: entry("calf-and-foot", mon8am, 3, 2))
        let csv = try j.exportCsv().split(separator: "\n")
        XCTAssertEqual(csv.count, 2)
        XCTAssertTrue(csv[1].contains("calf-and-foot") && csv[1].contains("easier today"))
        let fhir = try JSONSerialization.jsonObject(with: Data(try j.exportFhir(programJson: heel, lang: "en").utf8))
        XCTAssertEqual((fhir as? [String: Any])?["resourceType"] as? String, "Bundle")
        let html = try j.reportHtml(programJson: heel, today: "2025-03-04", lang: "en")
        XCTAssertTrue(html.contains("Calf and foot"))
        XCTAssertTrue(html.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"))
        // The three together, named and typed for the share sheet.
        let docs = try j.exports(programJson: heel, today: "2025-03-04", lang: "en")
        XCTAssertEqual(docs.map(\.name), ["unknot-report-2025-03-04.html", "unknot-sessions-2025-03-04.csv", "unknot-fhir-2025-03-04.json"])
        XCTAssertEqual(docs.map(\.mimeType), ["text/html", "text/csv", "application/fhir+json"])
        XCTAssertEqual(docs[0].text, html)
    }

    func testANewerJournalIsRefusedAndLeftAsItIs() throws {
        _ = try Journal.open(path: path).record(entry: entry("calf-and-foot", mon8am, 3, 2))
        let url = URL(fileURLWithPath: path)
        var bytes = try Data(contentsOf: url)
        // SQLite keeps user_version at byte 60 of the header, big-endian.
        bytes.replaceSubrange(60..<64, with: [0, 0, 0, 99])
        try bytes.write(to: url)
        XCTAssertThrowsError(try Journal.open(path: path)) { error in
            XCTAssertEqual(error as? UnknotError,
                           UnknotError.JournalTooNew(found: 99, supported: journalSchemaVersion()))
        }
        XCTAssertEqual(try Data(contentsOf: url), bytes)

        let text = dir.appendingPathComponent("notes.txt")
        try Data(String(repeating: "x", count: 2048).utf8).write(to: text)
        XCTAssertThrowsError(try Journal.open(path: text.path)) { error in
            guard case UnknotError.NotAJournal = error else {
                return XCTFail("expected NotAJournal, got \(error)")
            }
        }
    }
}
