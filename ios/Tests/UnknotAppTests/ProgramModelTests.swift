import Foundation
import XCTest
import UnknotApp
import UnknotCore

/// Import, preview, Today, progress, safety and the library on the real core.
/// Main-actor isolated (`@unchecked Sendable` only for the XCTest glue that
/// hands each instance to the main actor).
@MainActor
final class ProgramModelTests: XCTestCase, @unchecked Sendable {
    /// The share code of the example heel program, from the core.
    private func heelCode() throws -> String {
        try shareEncode(programJson: try example("heel-pain-progression.unknot")).code
    }

    func testABadCodeShowsTheCoresMessage() async throws {
        let h = Harness()
        let model = ImportModel(app: h.app)
        var expected = ""
        XCTAssertThrowsError(try shareDecode(code: "UK1:not-a-real-code")) { error in
            guard case UnknotError.BadShareCode(_, let reason)? = error as? UnknotError else {
                return XCTFail("expected BadShareCode, got \(error)")
            }
            expected = reason
        }
        model.text = "UK1:not-a-real-code"
        XCTAssertTrue(model.canRead)
        model.read()
        XCTAssertEqual(model.error?.kind, .badShareCode)
        XCTAssertEqual(model.error?.detail, expected, "the core's own sentence")
        XCTAssertFalse(expected.isEmpty)
        XCTAssertNil(h.app.pendingImport, "nothing waits for Accept")
    }

    func testAShareCodeOpensThePreviewAndAcceptMakesItActive() async throws {
        let h = Harness()
        let model = ImportModel(app: h.app)
        model.read(try heelCode())
        XCTAssertNil(model.error)
        let pending = try XCTUnwrap(h.app.pendingImport)

        let preview = ProgramPreviewModel(json: pending, app: h.app)
        let p = try XCTUnwrap(preview.program)
        XCTAssertEqual(p.id, "heel-pain-8w")
        XCTAssertFalse(p.routines.isEmpty)
        XCTAssertFalse(preview.replacesProgram)
        preview.accept()
        XCTAssertTrue(preview.accepted)
        XCTAssertNil(h.app.pendingImport)
        XCTAssertEqual(h.app.program?.id, "heel-pain-8w")

        // Kept between launches.
        let again = AppData(folder: h.folder, lang: "en")
        XCTAssertEqual(again.program?.id, "heel-pain-8w")
        XCTAssertTrue(ProgramPreviewModel(json: pending, app: again).replacesProgram)
        again.removeProgram()
        XCTAssertNil(AppData(folder: h.folder, lang: "en").program)
    }

    func testAnInvalidProgramShowsEveryProblemWithItsPath() async throws {
        let h = Harness()
        let preview = ProgramPreviewModel(json: #"{"format": "unknot-program"}"#, app: h.app)
        XCTAssertNil(preview.program)
        let error = try XCTUnwrap(preview.error)
        XCTAssertEqual(error.kind, .invalidProgram)
        XCTAssertFalse(error.problems.isEmpty)
        XCTAssertTrue(error.problems.allSatisfy { $0.contains(": ") }, "\(error.problems)")
        preview.accept()
        XCTAssertNotNil(preview.acceptError)
        XCTAssertNil(h.app.program)
    }

    func testAnOpenedFileWaitsForThePreview() async throws {
        let h = Harness()
        let file = h.folder.appendingPathComponent("heel.unknot")
        try example("heel-pain-progression.unknot").write(to: file, atomically: true, encoding: .utf8)
        let model = ImportModel(app: h.app)
        model.open(fileAt: file)
        XCTAssertNil(model.error)
        XCTAssertEqual(h.app.pendingImport, try example("heel-pain-progression.unknot"))
        model.open(fileAt: h.folder.appendingPathComponent("missing.unknot"))
        XCTAssertEqual(model.error?.kind, .file)
    }

    func testTodayWithAnImportedProgram() async throws {
        let h = Harness(at: mon8am)
        try h.app.accept(programJson: try example("heel-pain-progression.unknot"))
        let today = TodayModel(app: h.app, wallClock: h.wall)
        today.load()
        XCTAssertNil(today.error)
        let due = try XCTUnwrap(today.due)
        XCTAssertEqual(due.status, .active)
        XCTAssertEqual(due.week, 1)
        let rows = today.rows
        XCTAssertFalse(rows.isEmpty)
        let first = try XCTUnwrap(rows.first)
        XCTAssertTrue(first.hasSessionsLeft)
        XCTAssertEqual(first.routine.done, 0)
        XCTAssertEqual(first.time, clockText(first.routine.timedMs))

        // Start it, play it to the end, record it: Today counts it.
        XCTAssertTrue(today.start(first.routine, painBefore: 3, on: h.player))
        XCTAssertEqual(h.player.draft?.programId, "heel-pain-8w")
        h.player.pause()
        XCTAssertNil(SavedSessionStore(folder: h.folder).load(), "a program session is not saved to resume")
        h.player.resume()
        h.runToEnd()
        // "Tap when done" steps wait for the person.
        while h.player.frame?.status == .waiting {
            h.player.proceed()
            h.runToEnd()
        }
        XCTAssertEqual(h.player.frame?.status, .finished)
        try h.player.finish(painAfter: 2, pressure: nil, into: h.app)
        today.load()
        let after = try XCTUnwrap(today.rows.first { $0.routine.routineId == first.routine.routineId })
        XCTAssertEqual(after.routine.done, first.routine.done + 1)
    }

    func testTodayBeforeTheProgramStarts() async throws {
        let h = Harness(at: mon8am - 30 * dayMs)
        try h.app.accept(programJson: try example("heel-pain-progression.unknot"))
        let today = TodayModel(app: h.app, wallClock: h.wall)
        today.load()
        XCTAssertEqual(today.due?.status, .notStarted)
        XCTAssertEqual(today.rows, [])
    }

    func testTodayWithoutAProgramShowsNothing() async throws {
        let h = Harness()
        let today = TodayModel(app: h.app, wallClock: h.wall)
        today.load()
        XCTAssertNil(today.due)
        XCTAssertEqual(today.rows, [])
    }

    private func entry(_ startMs: Int64, _ before: Int32, _ after: Int32) -> SessionEntry {
        SessionEntry(
            routineId: "calf-and-foot", routineTitle: "Calf and foot", programId: "heel-pain-8w",
            startMs: startMs, endMs: startMs + 600_000, utcOffsetMin: 0, activeMs: 590_000,
            outcome: .completed, stepsCompleted: 4, stepsSkipped: 0,
            painBefore: before, painAfter: after, pressure: .right, discomfort: [], note: nil)
    }

    func testProgressShowsASafetyFlag() async throws {
        let h = Harness(at: mon8am + 7 * dayMs)
        try h.app.accept(programJson: try example("heel-pain-progression.unknot"))
        try h.app.record(entry(mon8am, 2, 4))
        try h.app.record(entry(mon8am + dayMs, 3, 5))
        try h.app.record(entry(mon8am + 2 * dayMs, 4, 7))
        let progress = ProgressModel(app: h.app, wallClock: h.wall, exportFolder: h.folder)
        progress.load()
        XCTAssertNil(progress.error)
        let stats = try XCTUnwrap(progress.stats)
        XCTAssertEqual(stats.sessions, 3)
        XCTAssertEqual(stats.flags.map(\.kind), [.flare, .aboveLimit])
        XCTAssertTrue(stats.flags[1].message.contains("limit of 6"), stats.flags[1].message)
        XCTAssertEqual(progress.adherencePercent, stats.adherence.map { Int(($0 * 100).rounded()) })
        XCTAssertEqual(progress.painPoints.filter { $0.week == 1 }.map(\.after), [false, true])

        // The flag in German, from the core.
        let de = AppData(folder: h.folder, lang: "de")
        let progressDe = ProgressModel(app: de, wallClock: h.wall, exportFolder: h.folder)
        progressDe.load()
        XCTAssertTrue(progressDe.stats?.flags.last?.message.contains("Grenze") ?? false)
    }

    func testProgressExportsTheReportCsvAndFhir() async throws {
        let h = Harness(at: mon8am + dayMs)
        try h.app.record(entry(mon8am, 2, 1))
        let progress = ProgressModel(app: h.app, wallClock: h.wall, exportFolder: h.folder)
        progress.load()
        progress.export()
        XCTAssertNil(progress.error)
        XCTAssertEqual(progress.files.map(\.lastPathComponent),
                       ["unknot-report-2025-03-04.html", "unknot-sessions-2025-03-04.csv", "unknot-fhir-2025-03-04.json"])
        let csv = try String(contentsOf: progress.files[1], encoding: .utf8)
        XCTAssertTrue(csv.contains("calf-and-foot"))
        progress.load()
        XCTAssertEqual(progress.files, [], "a reload asks for fresh exports")
    }

    func testAnInvalidSessionIsNotRecorded() async throws {
        let h = Harness()
        XCTAssertThrowsError(try h.app.record(entry(mon8am, 11, -1))) { error in
            let report = ErrorReport(error)
            XCTAssertEqual(report.kind, .invalidSession)
            XCTAssertFalse(report.problems.isEmpty)
        }
        XCTAssertEqual(h.app.journalVersion, 0)
        XCTAssertEqual(try h.app.journal?.count(), 0)
    }

    func testTheSafetyScreenIsAskedUntilAccepted() async throws {
        let settings = MemorySettings()
        let safety = SafetyModel(lang: "en", store: settings)
        XCTAssertFalse(safety.isAccepted)
        XCTAssertFalse(safety.screen.intro.isEmpty)
        XCTAssertFalse(safety.screen.accept.isEmpty)
        var told = false
        safety.onChange = { told = true }
        safety.accept()
        XCTAssertTrue(told)
        XCTAssertTrue(safety.isAccepted)
        XCTAssertTrue(SafetyModel(lang: "de", store: settings).isAccepted, "accepted once, in any language")
        // An older acceptance asks again.
        settings.values = settings.values.mapValues { _ in Int(safety.screen.version) - 1 }
        XCTAssertFalse(SafetyModel(lang: "en", store: settings).isAccepted)
        XCTAssertNotEqual(SafetyModel(lang: "es", store: settings).screen.title, safety.screen.title)
    }

    func testTheLibraryFiltersByTextAreaAndTag() async throws {
        let library = LibraryModel(lang: "en")
        XCTAssertFalse(library.all.isEmpty)
        XCTAssertEqual(library.shown.count, library.all.count)
        let area = try XCTUnwrap(library.areas.first)
        library.area = area
        XCTAssertTrue(library.shown.allSatisfy { $0.areas.contains(area) })
        XCTAssertFalse(library.shown.isEmpty)
        library.area = nil
        let calf = try XCTUnwrap(library.all.first { $0.id == "calf-release" })
        library.query = String(calf.title.prefix(4)).uppercased()
        XCTAssertTrue(library.shown.contains { $0.id == "calf-release" })
        library.query = "zzzz-nothing"
        XCTAssertEqual(library.shown.count, 0)
        XCTAssertEqual(library.tags, library.tags.sorted())
    }

    func testARoutineStartsFromItsDetails() async throws {
        let h = Harness()
        let detail = RoutineDetailModel(id: "calf-release", lang: "en")
        XCTAssertEqual(try detail.details.get().id, "calf-release")
        XCTAssertTrue(detail.start(painBefore: 6, on: h.player))
        XCTAssertEqual(h.player.draft?.painBefore, 6)
        let missing = RoutineDetailModel(id: "nope", lang: "en")
        XCTAssertFalse(missing.start(painBefore: nil, on: h.player))
        XCTAssertEqual(missing.startError?.kind, .unknownRoutine)
    }
}
