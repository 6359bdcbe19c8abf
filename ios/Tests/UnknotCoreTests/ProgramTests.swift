import XCTest
import UnknotCore

/// An example program of the repository's docs.
func example(_ name: String) throws -> String {
    let url = repoRoot().appendingPathComponent("docs/examples/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

/// Programs, share codes, QR matrices and the safety screen, seen from Swift.
final class ProgramTests: XCTestCase {
    var heel = ""

    override func setUpWithError() throws {
        heel = try example("heel-pain-progression.unknot")
    }

    func testAProgramParsesIntoItsDetails() throws {
        let p = try parseProgram(json: heel, lang: "en")
        XCTAssertEqual(p.id, "heel-pain-8w")
        XCTAssertEqual(p.start, "2025-03-03")
        XCTAssertEqual(p.end, "2025-04-27")
        XCTAssertEqual(p.weeks, 8)
        XCTAssertEqual(p.painStopAbove, 6)
        XCTAssertEqual(p.routines.map(\.id), ["calf-and-foot", "calf-raises", "box-breathing"])
        XCTAssertEqual(p.routines[2].builtin, "box-breathing")
        XCTAssertNil(p.routines[0].builtin)
        XCTAssertEqual(p.schedule[1].frequency, .days(days: ["mon", "wed", "fri"], perDay: 1))
        XCTAssertEqual(p.schedule[2].frequency, .perWeek(times: 2))
        XCTAssertEqual(p.schedule[0].perWeek, 14)
        XCTAssertEqual(p.progress[0].holdAddMs, 10_000)
        XCTAssertTrue(validateProgram(json: heel).isEmpty)
        let calm = try example("calm-breathing.unknot")
        XCTAssertEqual(try parseProgram(json: calm, lang: "de").title, "Ruhig atmen, vier Wochen")
    }

    func testAnInvalidProgramIsATypedErrorWithEveryProblem() {
        let bad = heel.replacingOccurrences(of: "\"weeks\": 8", with: "\"weeks\": 0")
            .replacingOccurrences(of: "\"per_week\": 2", with: "\"per_wek\": 2")
        XCTAssertThrowsError(try parseProgram(json: bad, lang: "en")) { error in
            guard case UnknotError.InvalidProgram(let problems) = error else {
                return XCTFail("expected InvalidProgram, got \(error)")
            }
            let paths = problems.map(\.path)
            XCTAssertTrue(paths.contains("weeks"), "\(paths)")
            XCTAssertTrue(paths.contains { $0.hasPrefix("schedule[2]") }, "\(paths)")
            XCTAssertTrue(problems.contains { ($0.hint ?? "").contains("per_week") })
            XCTAssertEqual(problems, validateProgram(json: bad))
        }
        XCTAssertThrowsError(try parseProgram(json: "{", lang: "en")) { error in
            guard case UnknotError.InvalidProgram(let problems) = error else {
                return XCTFail("expected InvalidProgram, got \(error)")
            }
            XCTAssertEqual(problems.count, 1)
        }
    }

    func testDueTodayFollowsTheCalendarAndSessionsDone() throws {
        let before = try programDueToday(programJson: heel, date: "2025-03-02", done: [], lang: "en")
        XCTAssertEqual(before.status, .notStarted)
        XCTAssertNil(before.week)
        XCTAssertTrue(before.due.isEmpty)
        XCTAssertEqual(try programDueToday(programJson: heel, date: "2025-04-28", done: [], lang: "en").status, .ended)

        let done = [SessionDoneRecord(routineId: "calf-and-foot", date: "2025-03-03")]
        let mon = try programDueToday(programJson: heel, date: "2025-03-03", done: done, lang: "en")
        XCTAssertEqual(mon.status, .active)
        XCTAssertEqual(mon.week, 1)
        let calf = mon.due[0]
        XCTAssertEqual([calf.today, calf.done, calf.leftToday], [2, 1, 1])
        XCTAssertNil(calf.weekLeft)
        XCTAssertEqual(mon.due[1].today, 1)
        XCTAssertEqual(mon.due[2].weekLeft, 2)
        XCTAssertEqual(try programDueToday(programJson: heel, date: "2025-03-04", done: [], lang: "en").due[1].today, 0)
        let week3 = try programDueToday(programJson: heel, date: "2025-03-17", done: [], lang: "en")
        XCTAssertEqual(week3.week, 3)
        XCTAssertEqual(week3.due[0].timedMs - calf.timedMs, 90_000)
    }

    func testABadDateIsATypedError() {
        XCTAssertThrowsError(try programDueToday(programJson: heel, date: "2025-02-30", done: [], lang: "en")) { error in
            guard case UnknotError.BadDate(let value, _) = error else {
                return XCTFail("expected BadDate, got \(error)")
            }
            XCTAssertEqual(value, "2025-02-30")
        }
    }

    func testRoutinesGrowByWeekAndPlayAsGrown() throws {
        let w1 = try programRoutineForWeek(programJson: heel, routineId: "calf-and-foot", week: 1, lang: "en")
        let w3 = try programRoutineForWeek(programJson: heel, routineId: "calf-and-foot", week: 3, lang: "en")
        XCTAssertEqual(w3.timedMs - w1.timedMs, 2 * 15_000 + 3 * 2 * 10_000)
        XCTAssertEqual(
            try programRoutineForWeek(programJson: heel, routineId: "calf-and-foot", week: 99, lang: "en"),
            try programRoutineForWeek(programJson: heel, routineId: "calf-and-foot", week: 8, lang: "en"))
        XCTAssertThrowsError(try programRoutineForWeek(programJson: heel, routineId: "nope", week: 1, lang: "en")) { error in
            XCTAssertEqual(error as? UnknotError, UnknotError.NotInProgram(id: "nope"))
        }
        let player = try Player.fromProgram(programJson: heel, routineId: "calf-and-foot", week: 3, lang: "en")
        XCTAssertEqual(player.routineId(), "calf-and-foot")
        XCTAssertEqual(player.frame().timedMs, w3.timedMs)
    }

    func testShareCodesRoundTrip() throws {
        let share = try shareEncode(programJson: heel)
        XCTAssertTrue(share.code.hasPrefix("UK1:"))
        XCTAssertTrue(looksLikeShareCode(text: share.code.lowercased()))
        XCTAssertFalse(looksLikeShareCode(text: "heel.unknot"))
        let version = try XCTUnwrap(share.qrVersion)
        XCTAssertTrue((1...40).contains(version))
        XCTAssertEqual(try parseProgram(json: try shareDecode(code: share.code), lang: "es"),
                       try parseProgram(json: heel, lang: "es"))
        XCTAssertEqual(try shareDecode(code: "  " + share.code.lowercased() + "\n"),
                       try shareDecode(code: share.code))
    }

    func testADamagedShareCodeIsATypedError() throws {
        let code = Array(try shareEncode(programJson: heel).code)
        var damaged = code
        let mid = code.count / 2
        damaged[mid] = code[mid] == "A" ? "B" : "A"
        func problem(_ text: String) -> ShareProblem? {
            do {
                _ = try shareDecode(code: text)
                XCTFail("expected BadShareCode for \(text)")
            } catch UnknotError.BadShareCode(let problem, let reason) {
                XCTAssertFalse(reason.isEmpty)
                return problem
            } catch {
                XCTFail("expected BadShareCode, got \(error)")
            }
            return nil
        }
        XCTAssertEqual(problem(String(damaged)), .damaged)
        XCTAssertEqual(problem("hello"), .notACode)
        XCTAssertEqual(problem("UK7:ABC"), .newerVersion)
        XCTAssertEqual(problem(" "), .empty)
    }

    func testQrMatrixHasFinderPatternsAndASizeLimit() throws {
        let share = try shareEncode(programJson: heel)
        let m = try qrMatrix(code: share.code)
        XCTAssertEqual(m.version, share.qrVersion)
        XCTAssertEqual(m.size, 17 + 4 * m.version)
        XCTAssertEqual(m.modules.count, Int(m.size * m.size))
        func dark(_ x: Int32, _ y: Int32) -> Bool { m.modules[Int(y * m.size + x)] }
        XCTAssertTrue(dark(0, 0) && dark(6, 0) && dark(0, 6) && dark(3, 3))
        XCTAssertFalse(dark(7, 0) || dark(1, 1) || dark(7, 7))
        XCTAssertThrowsError(try qrMatrix(code: String(repeating: "A", count: 4000))) { error in
            XCTAssertEqual(error as? UnknotError, UnknotError.QrTooLarge(chars: 4000, max: 3391))
        }
    }

    func testTheSafetyScreenIsTranslated() {
        let en = safetyScreen(lang: "en")
        let de = safetyScreen(lang: "de")
        XCTAssertGreaterThanOrEqual(en.version, 1)
        XCTAssertGreaterThanOrEqual(en.doNot.count, 6)
        XCTAssertEqual(en.doNot.count, de.doNot.count)
        XCTAssertNotEqual(en.title, de.title)
        XCTAssertTrue(en.doNot.joined(separator: " ").lowercased().contains("clot"))
    }
}
