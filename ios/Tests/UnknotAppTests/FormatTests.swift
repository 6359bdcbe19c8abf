import Foundation
import XCTest
import UnknotApp
import UnknotCore

/// Display helpers, error reports, saved state, the QR layout and the screen wake.
/// Main-actor isolated (`@unchecked Sendable` only for the XCTest glue that
/// hands each instance to the main actor).
@MainActor
final class FormatTests: XCTestCase, @unchecked Sendable {
    func testClockTextRoundsUp() async throws {
        XCTAssertEqual(clockText(0), "0:00")
        XCTAssertEqual(clockText(1), "0:01")
        XCTAssertEqual(clockText(59_001), "1:00")
        XCTAssertEqual(clockText(600_000), "10:00")
        XCTAssertEqual(clockText(3_600_000 + 61_000), "1:01:01")
        XCTAssertEqual(clockText(-5), "0:00")
        XCTAssertEqual(vocabLabel("lower_back"), "lower back")
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

    func testWeekdayWordsUseTheCalendarsNames() async throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: "en_US")
        XCTAssertEqual(weekdayLabel("mon", calendar: calendar), "Monday")
        XCTAssertEqual(weekdayLabel("sun", short: true, calendar: calendar), "Sun")
        XCTAssertEqual(weekdayLabel("xyz", calendar: calendar), "xyz")
    }

    func testErrorReportsKeepTheCoresWords() async throws {
        let problem = Problem(path: "items[0].frequency", message: "too often", hint: "at most 14")
        XCTAssertEqual(ErrorReport(UnknotError.InvalidProgram(problems: [problem])),
                       ErrorReport(kind: .invalidProgram, problems: ["items[0].frequency: too often (at most 14)"]))
        XCTAssertEqual(ErrorReport(UnknotError.QrTooLarge(chars: 3000, max: 2331)),
                       ErrorReport(kind: .qrTooLarge, detail: "3000", extra: "2331"))
        XCTAssertEqual(ErrorReport(UnknotError.JournalTooNew(found: 9, supported: 1)).kind, .journalTooNew)
        let pain = ErrorReport(UnknotError.BadPain(value: 12, max: 10), lang: "de")
        XCTAssertEqual(pain.kind, .sentence)
        XCTAssertEqual(pain.detail, errorMessage(error: .BadPain(value: 12, max: 10), lang: "de"))
        XCTAssertTrue(pain.detail.contains("12"), "the core's German sentence names the rating: \(pain.detail)")
        let report = ErrorReport(kind: .journalClosed)
        XCTAssertEqual(ErrorReport(report), report, "a report stays itself")
    }

    func testASavedSessionRoundTripsAndIsForgotten() async throws {
        let folder = tempFolder()
        let store = SavedSessionStore(folder: folder)
        XCTAssertNil(store.load())
        let saved = SavedSession(routineId: "calf-release", lang: "de", snapshot: "abc")
        store.save(saved)
        XCTAssertEqual(SavedSessionStore(folder: folder).load(), saved)
        try? "{ broken".write(to: store.url, atomically: true, encoding: .utf8)
        XCTAssertNil(store.load(), "an unreadable file is no session")
        store.clear()
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.url.path))
    }

    func testAJournalThatCannotBeOpenedIsReported() async throws {
        let folder = tempFolder()
        try Data("this is not sqlite, just text long enough to be read as a header".utf8)
            .write(to: folder.appendingPathComponent("journal.sqlite"))
        let app = AppData(folder: folder, lang: "en")
        XCTAssertNil(app.journal)
        let error = try XCTUnwrap(app.journalError)
        XCTAssertEqual(error.kind, .notAJournal)
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

    func testPainAnswers() async throws {
        var a = PainAnswer()
        a.slider = 6.6
        XCTAssertEqual(a.shown, 7)
        XCTAssertEqual(a.rating, 7)
        a.skipped = true
        XCTAssertNil(a.rating)
        a.slider = 14
        XCTAssertEqual(a.shown, 10)
    }
}
