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
        let h = Harness(lang: "de")
        let model = ImportModel(app: h.app)
        var expected = ""
        XCTAssertThrowsError(try importProgram(text: "UK1:not-a-real-code", lang: "de")) { error in
            expected = errorMessage(error: error as! UnknotError, lang: "de")
        }
        model.text = "UK1:not-a-real-code"
        XCTAssertTrue(model.canRead)
        model.read()
        XCTAssertEqual(model.error?.source, .core)
        XCTAssertNotNil(model.error?.shareProblem)
        XCTAssertEqual(model.error?.text, expected, "the core's own sentence, in German")
        XCTAssertFalse(expected.isEmpty)
        XCTAssertNil(h.app.pendingImport, "nothing waits for Accept")
    }

    func testBlankTextIsTheCoresEmptyCode() async throws {
        let h = Harness()
        let model = ImportModel(app: h.app)
        model.text = "  \n "
        XCTAssertTrue(model.canRead, "whether it is blank is the core's to say")
        model.read()
        XCTAssertEqual(model.error?.shareProblem, .empty)
        XCTAssertEqual(model.error?.text, shareProblemMessage(problem: .empty, lang: "en"))
    }

    func testACodeWithWhitespaceAroundItAndJsonAreBothRead() async throws {
        let h = Harness()
        let model = ImportModel(app: h.app)
        model.read("\n   \(try heelCode())  \n")
        XCTAssertNil(model.error)
        let fromCode = try XCTUnwrap(h.app.pendingImport)
        model.read("  " + (try example("heel-pain-progression.unknot")))
        XCTAssertNil(model.error)
        XCTAssertEqual(try parseProgram(json: fromCode, lang: "en"),
                       try parseProgram(json: try XCTUnwrap(h.app.pendingImport), lang: "en"))
        // Over the core's size bound: refused before parsing.
        model.read(String(repeating: " ", count: 2_000_000) + "{}")
        XCTAssertEqual(model.error?.source, .core)
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
        XCTAssertEqual(error.source, .core)
        let problems = validateProgram(json: #"{"format": "unknot-program"}"#)
        XCTAssertFalse(problems.isEmpty)
        XCTAssertEqual(error.text, errorMessage(error: .InvalidProgram(problems: problems), lang: "en"))
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
        let pending = try XCTUnwrap(h.app.pendingImport)
        XCTAssertEqual(try parseProgram(json: pending, lang: "en").id, "heel-pain-8w")
        model.open(fileAt: h.folder.appendingPathComponent("missing.unknot"))
        XCTAssertEqual(model.error?.source, .file)
    }

    func testTodayIsTheCoresAnswer() async throws {
        let h = Harness(at: mon8am)
        let heel = try example("heel-pain-progression.unknot")
        try h.app.accept(programJson: heel)
        let today = TodayModel(app: h.app, wallClock: h.wall)
        today.load()
        XCTAssertNil(today.error)
        let t = try XCTUnwrap(today.today)
        XCTAssertEqual(t, try h.app.journal?.today(programJson: heel, date: "2025-03-03", lang: "en"))
        XCTAssertEqual(t.status, .active)
        XCTAssertEqual(t.week, 1)
        XCTAssertEqual(today.rows, t.routines.filter(\.shown), "only what the core shows")
        let first = try XCTUnwrap(today.rows.first)
        XCTAssertEqual(first.action, .start)
        XCTAssertEqual(first.doneToday, 0)
        XCTAssertEqual(today.length(first), durationText(ms: first.timedMs, lang: "en"))
        XCTAssertEqual(today.stopAbove, h.app.program?.painStopAbove)

        // Start it, play it to the end, record it: Today counts it.
        XCTAssertTrue(today.start(first, painBefore: 3, on: h.player))
        XCTAssertEqual(h.player.recording?.programId, "heel-pain-8w")
        XCTAssertEqual(h.player.recording?.programWeek, 1)
        h.player.pause()
        XCTAssertEqual(try h.app.journal?.checkpoint()?.programId, "heel-pain-8w", "a program session is kept too")
        h.player.resume()
        h.playToEnd()
        XCTAssertEqual(h.player.frame?.status, .finished)
        try h.player.finish(painAfter: 2, pressure: nil, into: h.app)
        today.load()
        let after = try XCTUnwrap(today.rows.first { $0.routineId == first.routineId })
        XCTAssertEqual(after.doneToday, first.doneToday + 1)
        XCTAssertEqual(after.todayText, try XCTUnwrap(try h.app.journal?.today(programJson: heel, date: "2025-03-03", lang: "en")
            .routines.first { $0.routineId == first.routineId }).todayText)
    }

    func testTodayInSpanishWithoutAJournal() async throws {
        let h = Harness(at: mon8am, lang: "es")
        try h.app.accept(programJson: try example("heel-pain-progression.unknot"))
        let today = TodayModel(app: h.app, wallClock: h.wall)
        today.load()
        let t = try XCTUnwrap(today.today)
        XCTAssertEqual(t, try programToday(programJson: try example("heel-pain-progression.unknot"),
                                           date: "2025-03-03", done: [], lang: "es"))
        XCTAssertNotNil(t.heading)
    }

    func testTodayBeforeTheProgramStarts() async throws {
        let h = Harness(at: mon8am - 30 * dayMs)
        try h.app.accept(programJson: try example("heel-pain-progression.unknot"))
        let today = TodayModel(app: h.app, wallClock: h.wall)
        today.load()
        XCTAssertEqual(today.today?.status, .notStarted)
        XCTAssertEqual(today.rows, [])
        XCTAssertNotNil(today.today?.message, "the core says when it starts")
    }

    func testTodayWithoutAProgramShowsNothing() async throws {
        let h = Harness()
        let today = TodayModel(app: h.app, wallClock: h.wall)
        today.load()
        XCTAssertNil(today.today)
        XCTAssertEqual(today.rows, [])
    }

    func testThePainBeforeASessionIsCheckedByTheCore() async throws {
        var a = PainAnswer(lang: "en")
        XCTAssertEqual(a.range, Double(numbers(lang: "en").painMin)...Double(numbers(lang: "en").painMax))
        a.slider = 7
        let stop = try a.checkBefore(stopAbove: 6, lang: "en").get()
        XCTAssertFalse(stop.goOn)
        XCTAssertEqual(stop.limitFrom, .program)
        XCTAssertFalse(stop.message.isEmpty)
        XCTAssertTrue(try a.checkBefore(stopAbove: 7, lang: "en").get().goOn)
        a.skipped = true
        XCTAssertTrue(try a.checkBefore(stopAbove: 0, lang: "en").get().goOn, "a skipped rating is not checked")
        a.skipped = false
        a.slider = 10
        XCTAssertEqual(try a.checkBefore(stopAbove: nil, lang: "de").get().limitFrom, .general)
        XCTAssertEqual(a.spoken(lang: "en"), painValueText(pain: 10, lang: "en"))
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
        // The safety words around the flags are the core's, in German.
        XCTAssertEqual(progressDe.safety, safetyWords(lang: "de"))
        let flag = try XCTUnwrap(progressDe.stats?.flags.last)
        XCTAssertEqual(progressDe.flagHeading(flag), flagTitle(routineTitle: flag.routineTitle, lang: "de"))
        XCTAssertEqual(progressDe.activeTime, durationText(ms: stats.activeMs, lang: "de"))
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
            let report = ErrorReport(error, lang: "en")
            XCTAssertEqual(report.source, .core)
            XCTAssertEqual(report.text, errorMessage(error: error as! UnknotError, lang: "en"))
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

    func testTheLibraryIsTheCoresSearch() async throws {
        let library = LibraryModel(lang: "es")
        let all = searchRoutines(query: LibraryQuery(text: "", area: nil, tool: nil, maxMinutes: nil), lang: "es")
        XCTAssertEqual(library.shown, all)
        XCTAssertEqual(library.filters, libraryFilters(lang: "es"))
        var changes = 0
        library.onChange = { changes += 1 }
        library.query = "PELOTA pie"
        XCTAssertTrue(library.shown.map(\.id).contains("plantar-fascia"), "searched in Spanish")
        XCTAssertGreaterThan(changes, 0)
        library.query = ""
        let area = try XCTUnwrap(library.filters.areas.first { $0.word == "glute" })
        library.area = area.word
        library.tool = "ball"
        XCTAssertFalse(library.shown.isEmpty)
        XCTAssertTrue(library.shown.allSatisfy { $0.areas.contains("glute") && $0.equipment.contains("ball") })
        library.area = nil
        library.tool = nil
        library.maxMinutes = library.filters.lengths.first?.maxMinutes
        XCTAssertTrue(library.shown.allSatisfy { $0.timedMs <= Int64(library.filters.lengths[0].maxMinutes) * 60_000 })
        library.maxMinutes = nil
        library.query = "zzzz-nothing"
        XCTAssertEqual(library.shown.count, 0)
        let any = try XCTUnwrap(all.first)
        XCTAssertEqual(library.length(any), durationText(ms: any.timedMs, lang: "es"))
    }

    func testARoutineStartsFromItsDetails() async throws {
        let h = Harness()
        let detail = RoutineDetailModel(id: "calf-release", lang: "en")
        XCTAssertEqual(try detail.details.get().id, "calf-release")
        XCTAssertTrue(detail.start(painBefore: 6, on: h.player))
        XCTAssertEqual(h.player.recording?.painBefore, 6)
        let missing = RoutineDetailModel(id: "nope", lang: "en")
        XCTAssertFalse(missing.start(painBefore: nil, on: h.player))
        XCTAssertEqual(missing.startError?.text, errorMessage(error: .UnknownRoutine(id: "nope"), lang: "en"))
        let de = RoutineDetailModel(id: "plantar-fascia", lang: "de")
        let equipment = try de.details.get().equipment
        XCTAssertEqual(de.equipment, equipment.map { wordName(kind: .tool, word: $0, lang: "de") ?? $0 })
        XCTAssertEqual(de.length(480_000), durationText(ms: 480_000, lang: "de"))
        XCTAssertEqual(de.clock(61_000), countdownText(ms: 61_000))
    }
}
