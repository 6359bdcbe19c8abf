import Foundation
import XCTest
import UnknotApp
import UnknotCore

/// Calendar values, the core's words and error sentences, the QR layout and the screen wake.
/// Main-actor isolated (`@unchecked Sendable` only for the XCTest glue that
/// hands each instance to the main actor).
@MainActor
final class FormatTests: XCTestCase, @unchecked Sendable {
    func testVocabularyNamesAreTheCores() async throws {
        XCTAssertEqual(vocabName(.area, "lower_back", lang: "de"), "unterer Rücken")
        XCTAssertEqual(vocabName(.tool, "ball", lang: "es"), "pelota")
        XCTAssertEqual(vocabName(.tool, "hammer", lang: "en"), "hammer", "an unknown word stays as it is")
    }

    func testCalendarDaysFollowTheTimeZone() async throws {
        // 2025-03-03T23:30Z is already the 4th in Berlin.
        let date = Date(timeIntervalSince1970: Double(mon8am + 15 * 3_600_000 + 1_800_000) / 1000)
        let utc = TimeZone(identifier: "UTC")!
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        XCTAssertEqual(localDay(date, utc), "2025-03-03")
        XCTAssertEqual(localDay(date, berlin), "2025-03-04")
        XCTAssertEqual(utcOffsetMin(date, berlin), 60)
        XCTAssertEqual(wallMs(date), mon8am + 15 * 3_600_000 + 1_800_000)
        XCTAssertEqual(localDay(try XCTUnwrap(dayDate("2025-03-04", berlin)), berlin), "2025-03-04")
        XCTAssertNil(dayDate("2025-3", berlin))
        XCTAssertNil(dayDate("a-b-c", berlin))
    }

    func testErrorReportsAreTheCoresSentences() async throws {
        let problem = Problem(path: "items[0].frequency", message: "too often", hint: "at most 14")
        let invalid = UnknotError.InvalidProgram(problems: [problem])
        XCTAssertEqual(ErrorReport(invalid, lang: "es").text, errorMessage(error: invalid, lang: "es"))
        XCTAssertEqual(ErrorReport(invalid, lang: "es").source, .core)
        XCTAssertTrue(ErrorReport(invalid, lang: "en").text.contains("items[0].frequency: too often (at most 14)"))
        let pain = ErrorReport(UnknotError.BadPain(value: 12, max: 10), lang: "de")
        XCTAssertEqual(pain.text, errorMessage(error: .BadPain(value: 12, max: 10), lang: "de"))
        XCTAssertTrue(pain.text.contains("12"), "the core's German sentence names the rating: \(pain.text)")
        let code = ErrorReport(UnknotError.BadShareCode(problem: .damaged, reason: "x"), lang: "en")
        XCTAssertEqual(code.shareProblem, .damaged)
        XCTAssertEqual(code.text, shareProblemMessage(problem: .damaged, lang: "en"))
        XCTAssertEqual(ErrorReport(code), code, "a report stays itself")
        struct Disk: LocalizedError { var errorDescription: String? { "disk full" } }
        let file = ErrorReport(Disk())
        XCTAssertEqual(file.source, .file)
        XCTAssertEqual(file.text, "disk full", "the system's words for a file")
    }

    func testAJournalThatCannotBeOpenedIsReported() async throws {
        let folder = tempFolder()
        try Data("this is not sqlite, just text long enough to be read as a header".utf8)
            .write(to: folder.appendingPathComponent("journal.sqlite"))
        let app = AppData(folder: folder, lang: "en")
        XCTAssertNil(app.journal)
        let error = try XCTUnwrap(app.journalError)
        XCTAssertEqual(error.source, .core)
        XCTAssertFalse(error.text.isEmpty)
        let entry = SessionEntry(routineId: "calf-release", routineTitle: "Calf", programId: nil,
                                 startMs: mon8am, endMs: mon8am + 1_000, utcOffsetMin: 0, activeMs: 1_000,
                                 outcome: .completed, stepsCompleted: 1, stepsSkipped: 0, painBefore: nil,
                                 painAfter: nil, pressure: nil, discomfort: [], note: nil)
        XCTAssertThrowsError(try app.record(entry)) { XCTAssertEqual(ErrorReport($0), error) }
    }

    func testTheQrLayoutUsesWholePixelsAndAQuietZone() async throws {
        let matrix = try qrMatrix(code: try shareEncode(programJson: try example("calm-breathing.unknot")).code)
        let layout = try XCTUnwrap(QRCodeLayout(matrix: matrix, width: 390, height: 500, scale: 3))
        let cells = Double(Int(matrix.size) + 2 * QRCodeLayout.quietModules)
        XCTAssertEqual((layout.module * 3).rounded(), layout.module * 3, "whole pixels a module")
        XCTAssertLessThanOrEqual(layout.background.width, 390)
        XCTAssertEqual(layout.background.width, layout.module * cells, accuracy: 1e-9)
        XCTAssertEqual(layout.dark.count, matrix.modules.filter { $0 }.count)
        let first = try XCTUnwrap(layout.dark.first)
        XCTAssertGreaterThanOrEqual(first.x, layout.background.x + 4 * layout.module - 1e-9)
        XCTAssertNil(QRCodeLayout(matrix: QrMatrixRecord(version: 1, size: 3, modules: [true]),
                                  width: 100, height: 100, scale: 2))
    }

    func testScreenWakePutsBackWhatItFound() async throws {
        let screen = FakeScreen()
        let wake = ScreenWake { screen }
        wake.raise()
        XCTAssertEqual(screen.brightness, 1)
        XCTAssertTrue(screen.idleTimerDisabled)
        wake.raise()
        wake.restore()
        XCTAssertEqual(screen.brightness, 0.4)
        XCTAssertFalse(screen.idleTimerDisabled)
        XCTAssertFalse(wake.raised)
        ScreenWake { nil }.raise()
    }

    func testTheScannerHandsOverTheFirstShareCodeOnly() async throws {
        let code = try shareEncode(programJson: try example("calm-breathing.unknot")).code
        let scanned = ScannedCode()
        XCTAssertNil(scanned.accept(nil))
        XCTAssertNil(scanned.accept("https://example.org"), "not a share code")
        XCTAssertEqual(scanned.accept(code), code)
        XCTAssertNil(scanned.accept(code), "handed over once")
        XCTAssertEqual(scanned.delivered, code)
    }

    func testPainAnswersStayOnTheCoresScale() async throws {
        var a = PainAnswer(lang: "en")
        let n = numbers(lang: "en")
        XCTAssertEqual(a.shown, n.painMin)
        a.slider = 6.6
        XCTAssertEqual(a.shown, 7)
        XCTAssertEqual(a.rating, 7)
        a.skipped = true
        XCTAssertNil(a.rating)
        a.slider = Double(n.painMax) + 4
        XCTAssertEqual(a.shown, n.painMax)
        XCTAssertEqual(a.numbers.painWorst, n.painWorst)
    }
}
