import Foundation
import XCTest
import UnknotApp
import UnknotCore

/// Therapist mode's editor model on the real core.
/// Main-actor isolated (`@unchecked Sendable` only for the XCTest glue that
/// hands each instance to the main actor).
@MainActor
final class DraftEditorTests: XCTestCase, @unchecked Sendable {
    private func editor(_ item: DraftToEdit? = nil) throws -> (ProgramEditorModel, URL) {
        let folder = tempFolder("unknot-share")
        let start = try item ?? TherapistEntry.new(today: "2026-11-23")
        return (ProgramEditorModel(start, lang: "en", shareFolder: folder), folder)
    }

    func testAProblemIsShownForItsField() async throws {
        let (e, _) = try editor()
        XCTAssertFalse(e.isValid)
        XCTAssertEqual(e.problems(field: "title").count, 1)
        XCTAssertEqual(e.problems(field: "items").count, 1)
        XCTAssertEqual(e.problems(field: "weeks"), [])
        XCTAssertNil(e.shareFile)
        XCTAssertFalse(e.problems(field: "title")[0].message.isEmpty, "the core says what is wrong")

        var changes = 0
        e.onChange = { changes += 1 }
        e.draft.title = "Heel and breath"
        XCTAssertEqual(e.problems(field: "title"), [], "rebuilt by the core on every change")
        XCTAssertGreaterThan(changes, 0)
        e.add("plantar-fascia")
        e.add("box-breathing")
        XCTAssertTrue(e.isValid)

        // A problem of one routine goes with that routine.
        e.setChoice("box-breathing", .perWeek)
        e.setTimesAWeek("box-breathing", e.limits.maxPerWeek + 5)
        XCTAssertEqual(e.problems(item: 1).map(\.path), ["items[1].frequency"])
        XCTAssertEqual(e.problems(item: 0), [])
        XCTAssertEqual(e.problems(field: "items").map(\.path), ["items[1].frequency"])
        e.draft.weeks = e.limits.maxWeeks + 1
        XCTAssertEqual(e.problems(field: "weeks").count, 1)
    }

    func testAValidDraftIsWrittenToShareWithItsCode() async throws {
        let (e, folder) = try editor()
        e.draft.title = "Heel and breath"
        e.add("plantar-fascia")
        let url = try XCTUnwrap(try e.shareFile?.get())
        XCTAssertEqual(url.deletingLastPathComponent().standardizedFileURL.path, folder.standardizedFileURL.path)
        XCTAssertEqual(url.lastPathComponent, "heel-and-breath.unknot")
        let json = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(json, e.outcome.programJson)
        let code = try XCTUnwrap(e.outcome.share?.code)
        XCTAssertEqual(try shareDecode(code: code), json)
        XCTAssertEqual(e.timing("plantar-fascia")?.perWeek, 7)
        let qr = QRCodeModel(code: code, title: e.draft.title)
        XCTAssertNotNil(try? qr.matrix.get())
    }

    func testAddingTheSameRoutineTwiceIsTheCoresError() async throws {
        let (e, _) = try editor()
        e.add("calf-release")
        XCTAssertTrue(e.contains("calf-release"))
        e.add("no-such-routine")
        XCTAssertEqual(e.addError?.text, errorMessage(error: .UnknownRoutine(id: "no-such-routine"), lang: "en"))
        XCTAssertEqual(e.draft.items.count, 1)
        XCTAssertFalse(e.summaries(matching: "").isEmpty)
    }

    func testFrequencyChoicesStartFromTheCoresNewRoutine() async throws {
        let (e, _) = try editor()
        e.draft.title = "Calves"
        e.add("calf-release")
        XCTAssertEqual(e.everyDay.count, 7)
        XCTAssertEqual(e.choice("calf-release"), .daily)
        e.setChoice("calf-release", .days)
        XCTAssertEqual(e.choice("calf-release"), .days, "all seven chosen stay chosen days")
        e.toggle("calf-release", day: "wed")
        XCTAssertEqual(e.item("calf-release")?.frequency.weekdays, e.everyDay.filter { $0 != "wed" })
        e.toggle("calf-release", day: "wed")
        XCTAssertEqual(e.item("calf-release")?.frequency.weekdays, e.everyDay, "kept in the core's order")
        e.setTimesADay("calf-release", 2)
        XCTAssertEqual(e.item("calf-release")?.frequency.timesADay, 2)
        e.setChoice("calf-release", .perWeek)
        XCTAssertEqual(e.item("calf-release")?.frequency.timesAWeek, 14, "the sessions a week the core counted")
        e.setChoice("calf-release", .daily)
        XCTAssertEqual(e.item("calf-release")?.frequency, .days(days: e.everyDay, perDay: 1))
        // Every step is the core's own switch of the same draft.
        let i = try XCTUnwrap(e.draft.items.firstIndex { $0.builtinId == "calf-release" })
        let expected = try programDraftToggleDay(
            draft: programDraftSetFrequency(draft: e.draft, item: Int32(i), choice: .days), item: Int32(i), day: "fri")
        e.setChoice("calf-release", .days)
        e.toggle("calf-release", day: "fri")
        XCTAssertEqual(e.draft.items[i].frequency, expected.items[i].frequency)
        XCTAssertEqual(e.item("calf-release")?.frequency.weekdays?.contains("fri"), false)
    }

    func testWeekdayNamesAreTheCores() async throws {
        let (e, _) = try editor()
        XCTAssertEqual(e.weekdays, weekdayNames(lang: "en"))
        XCTAssertEqual(e.everyDay, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        XCTAssertEqual(e.weekday("wed").name, weekdayNames(lang: "en")[2].name)
        XCTAssertEqual(e.weekday("xyz").short, "xyz")
        XCTAssertEqual(e.length(480_000), durationText(ms: 480_000, lang: "en"))
    }

    func testGrowingSwitchesBackToTheLastProgression() async throws {
        let (e, _) = try editor()
        e.add("calf-release")
        e.add("box-breathing")
        XCTAssertFalse(e.canGrow("box-breathing"), "nothing in it grows")
        XCTAssertTrue(e.canGrow("calf-release"))
        e.setGrows("calf-release", true)
        let suggested = try XCTUnwrap(e.item("calf-release")?.progression)
        XCTAssertEqual(suggested, try programDraftSuggestedProgression(builtinId: "calf-release"))
        e.setProgression("calf-release") { $0.holdAddS += 5 }
        let edited = try XCTUnwrap(e.item("calf-release")?.progression)
        e.setGrows("calf-release", false)
        XCTAssertNil(e.item("calf-release")?.progression)
        e.setGrows("calf-release", true)
        XCTAssertEqual(e.item("calf-release")?.progression, edited)
    }

    func testRoutinesMoveAndGo() async throws {
        let (e, _) = try editor()
        e.add("calf-release")
        e.add("box-breathing")
        e.moveItem(1, by: -1)
        XCTAssertEqual(e.draft.items.map(\.builtinId), ["box-breathing", "calf-release"])
        e.moveItem(0, by: -1)
        XCTAssertEqual(e.draft.items.map(\.builtinId), ["box-breathing", "calf-release"], "no place above the first")
        e.removeItem(0)
        XCTAssertEqual(e.draft.items.map(\.builtinId), ["calf-release"])
        e.addCaution()
        e.setCaution(0, "Stop if it tingles")
        e.setCaution(3, "ignored")
        XCTAssertEqual(e.draft.cautions, ["Stop if it tingles"])
    }

    func testCloseAsksOnlyAfterAChangeOrARestore() async throws {
        let (e, _) = try editor()
        XCTAssertFalse(e.closeNeedsConfirmation)
        e.draft.notes = "Gently"
        XCTAssertTrue(e.closeNeedsConfirmation)

        // The text kept while the editor is open brings the draft back.
        let back = try XCTUnwrap(TherapistEntry.restore(saved: e.saved))
        XCTAssertEqual(back.draft, e.draft)
        XCTAssertTrue(back.restored)
        XCTAssertTrue(back.isNew)
        XCTAssertTrue(ProgramEditorModel(back, lang: "en", shareFolder: tempFolder()).closeNeedsConfirmation)
        XCTAssertNil(TherapistEntry.restore(saved: ""))
        XCTAssertNil(TherapistEntry.restore(saved: "not a draft"))
    }

    func testTheActiveProgramOpensAsADraftOrSaysWhyNot() async throws {
        let item = try TherapistEntry.edit(programJson: try example("calm-breathing.unknot"))
        XCTAssertFalse(item.isNew)
        let (e, _) = try editor(item)
        XCTAssertTrue(e.isValid)
        XCTAssertEqual(e.draft.title, "Calm breathing, four weeks")
        XCTAssertThrowsError(try TherapistEntry.edit(programJson: try example("desk-neck-back-hips.unknot"))) { error in
            let report = ErrorReport(error, lang: "en")
            XCTAssertEqual(report.text, errorMessage(error: error as! UnknotError, lang: "en"))
            guard case UnknotError.NotEditable? = error as? UnknotError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try TherapistEntry.new(today: "2026-02-30")) { error in
            guard case UnknotError.BadDate? = error as? UnknotError else { return XCTFail("\(error)") }
            XCTAssertEqual(ErrorReport(error, lang: "de").text, errorMessage(error: error as! UnknotError, lang: "de"))
        }
    }

    func testTheStartDayFollowsThePicker() async throws {
        let (e, _) = try editor()
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let picked = try XCTUnwrap(dayDate("2026-12-01", berlin))
        e.setStart(picked, berlin)
        XCTAssertEqual(e.draft.start, "2026-12-01")
        XCTAssertEqual(localDay(e.startDate(berlin, today: Date()), berlin), "2026-12-01")
    }
}
