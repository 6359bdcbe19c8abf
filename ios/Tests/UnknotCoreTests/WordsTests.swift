import XCTest
import UnknotCore

/// Words, numbers, safety words, library search, import, errors and the
/// form's frequency calls, seen from Swift.
final class WordsTests: XCTestCase {
    let langs = ["en", "es", "de"]
    let kinds: [WordKind] = [.area, .technique, .pressure, .tool, .sides, .segment, .weekday]

    func testEveryVocabularyWordHasANameInEachLanguage() {
        for kind in kinds {
            for lang in langs {
                let names = vocabularyNames(kind: kind, lang: lang)
                XCTAssertFalse(names.isEmpty)
                for n in names { XCTAssertFalse(n.name.isEmpty, "\(kind) \(n.word) in \(lang)") }
            }
        }
        XCTAssertEqual(vocabularyNames(kind: .area, lang: "de").count, 24)
        XCTAssertEqual(wordName(kind: .area, word: "lower_back", lang: "de"), "unterer Rücken")
        XCTAssertNil(wordName(kind: .tool, word: "hammer", lang: "en"))
        XCTAssertEqual(segmentKindName(kind: .holdIn, lang: "es"), "Mantén")
        XCTAssertEqual(sideName(side: .right, lang: "de"), "Rechte Seite")
        let days = weekdayNames(lang: "es")
        XCTAssertEqual(days.map(\.word), ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        XCTAssertEqual(days[2].name, "miércoles")
    }

    func testTimesDurationsAndNumbers() {
        XCTAssertEqual(countdownText(ms: 1), "0:01")
        XCTAssertEqual(elapsedText(ms: 59_999), "0:59")
        XCTAssertEqual(countdownText(ms: 3_600_000), "1:00:00")
        XCTAssertEqual(durationText(ms: 480_000, lang: "de"), "8 Min.")
        XCTAssertEqual(durationWords(ms: 3_900_000, lang: "de"), "1 Stunde 5 Minuten")
        let n = numbers(lang: "de")
        XCTAssertEqual(n.extendMs, 15_000)
        XCTAssertEqual(n.extendDescription, "15 Sekunden mehr")
        XCTAssertEqual(n.painMin, 0)
        XCTAssertEqual(n.painMax, 10)
        XCTAssertEqual(painValueText(pain: 3, lang: "en"), "Pain: 3 of 10")
    }

    func testSafetyWordsAndThePainCheckBeforeASession() throws {
        XCTAssertEqual(safetyWords(lang: "en").stopRoutine, "Stop this routine and contact your therapist.")
        XCTAssertEqual(tooMuchText(marks: 3, lang: "en").message, "Noted 3 times. Ease off, or stop if it keeps hurting.")
        XCTAssertEqual(flagTitle(routineTitle: "Rücken", lang: "de"), "„Rücken“ beenden")
        let ok = try checkPainBefore(pain: 6, stopAbove: 6, lang: "en")
        XCTAssertTrue(ok.goOn)
        XCTAssertEqual(ok.limitFrom, .program)
        let stop = try checkPainBefore(pain: 7, stopAbove: 6, lang: "es")
        XCTAssertFalse(stop.goOn)
        XCTAssertEqual(stop.title, "Hoy no")
        let general = try checkPainBefore(pain: 8, stopAbove: nil, lang: "en")
        XCTAssertFalse(general.goOn)
        XCTAssertEqual(general.limitFrom, .general)
        XCTAssertTrue(try checkPainBefore(pain: nil, stopAbove: 0, lang: "en").goOn)
        XCTAssertThrowsError(try checkPainBefore(pain: -1, stopAbove: nil, lang: "en")) { e in
            guard case UnknotError.BadPain(let value, let max) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(value, -1)
            XCTAssertEqual(max, 10)
            XCTAssertEqual(errorMessage(error: e as! UnknotError, lang: "de"),
                           "Schmerz -1 liegt nicht auf der Skala; sie reicht von 0 bis 10.")
        }
    }

    func testTheLibrarySearchesInThePersonsLanguage() {
        let all = searchRoutines(query: LibraryQuery(text: "", area: nil, tool: nil, maxMinutes: nil), lang: "en")
        XCTAssertEqual(all.count, 26)
        let feet = searchRoutines(query: LibraryQuery(text: "PELOTA pie", area: nil, tool: nil, maxMinutes: nil), lang: "es")
        XCTAssertTrue(feet.map(\.id).contains("plantar-fascia"))
        let short = searchRoutines(query: LibraryQuery(text: "", area: nil, tool: nil, maxMinutes: 3), lang: "en")
        XCTAssertTrue(short.allSatisfy { $0.timedMs <= 180_000 })
        let glute = searchRoutines(query: LibraryQuery(text: "", area: "glute", tool: "ball", maxMinutes: nil), lang: "de")
        XCTAssertFalse(glute.isEmpty)
        XCTAssertTrue(glute.allSatisfy { $0.areas.contains("glute") && $0.equipment.contains("ball") })
        XCTAssertTrue(libraryFilters(lang: "de").areas.contains { $0.word == "foot" && $0.name == "Fuß" })
        XCTAssertEqual(libraryFilters(lang: "de").lengths.map(\.maxMinutes), [5, 10, 20])
        XCTAssertEqual(libraryFilters(lang: "de").lengths.first?.name, "5 Min.")
    }

    func testImportTakesCodesLinksAndJson() throws {
        let json = try example("calm-breathing.unknot")
        let code = try shareEncode(programJson: json).code
        let fromCode = try importProgram(text: "  unknot:\(code)\n", lang: "en")
        XCTAssertEqual(fromCode.kind, .code)
        let fromJson = try importProgram(text: "\n\(json)", lang: "en")
        XCTAssertEqual(fromJson.kind, .json)
        XCTAssertEqual(fromCode.details, fromJson.details)
        XCTAssertThrowsError(try importProgram(text: "   ", lang: "en")) { e in
            guard case UnknotError.BadShareCode(let problem, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(problem, .empty)
            XCTAssertEqual(errorMessage(error: e as! UnknotError, lang: "en"),
                           shareProblemMessage(problem: .empty, lang: "en"))
        }
    }

    func testErrorsCarryASentenceInEachLanguage() {
        let e = UnknotError.NotInProgram(id: "x")
        let sentences = langs.map { errorMessage(error: e, lang: $0) }
        XCTAssertEqual(Set(sentences).count, 3)
        XCTAssertEqual(sentences[0], "The program has no routine called “x”.")
        let problems: [ShareProblem] = [.empty, .notACode, .newerVersion, .tooLong, .damaged, .unknownMethod, .tooLarge]
        for p in problems {
            XCTAssertEqual(Set(langs.map { shareProblemMessage(problem: p, lang: $0) }).count, 3)
        }
    }

    func testTheFormsFrequencyAndFieldProblemsAreCoreCalls() throws {
        var d = try programDraftAddRoutine(draft: programDraftNew(start: "2026-03-02"), builtinId: "low-back")
        XCTAssertEqual(frequencyChoice(frequency: d.items[0].frequency), .daily)
        d = try programDraftToggleDay(draft: d, item: 0, day: "mon")
        XCTAssertEqual(d.items[0].frequency, .days(days: ["tue", "wed", "thu", "fri", "sat", "sun"], perDay: 1))
        d = try programDraftSetFrequency(draft: d, item: 0, choice: .perWeek)
        XCTAssertEqual(d.items[0].frequency, .perWeek(times: 6))
        d = try programDraftSetFrequency(draft: d, item: 0, choice: .daily)
        XCTAssertEqual(frequencyChoice(frequency: d.items[0].frequency), .daily)
        XCTAssertThrowsError(try programDraftSetFrequency(draft: d, item: -1, choice: .days))
        let ps = [Problem(path: "title", message: "a", hint: nil),
                  Problem(path: "items[0].frequency", message: "b", hint: nil),
                  Problem(path: "items[0]", message: "c", hint: nil)]
        XCTAssertEqual(draftFieldProblems(problems: ps, field: "items[0]").map(\.message), ["b", "c"])
        XCTAssertEqual(draftOtherProblems(problems: ps, field: "items[0]", shown: ["items[0].frequency"]).map(\.message), ["c"])
    }
}
