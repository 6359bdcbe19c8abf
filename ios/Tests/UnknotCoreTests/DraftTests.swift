import XCTest
import UnknotCore

/// Therapist mode as the iOS form drives it: a draft in, a program and its QR out.
final class DraftTests: XCTestCase {
    func draft() throws -> ProgramDraft {
        var d = try programDraftNew(start: "2026-11-23")
        d = try programDraftAddRoutine(draft: d, builtinId: "plantar-fascia")
        d = try programDraftAddRoutine(draft: d, builtinId: "box-breathing")
        d.title = "Heel and breath"
        d.forName = "Sam"
        d.items[0].progression = try programDraftSuggestedProgression(builtinId: "plantar-fascia")
        d.items[1].frequency = .perWeek(times: 3)
        return d
    }

    func testANewDraftHasTheCoreDefaults() throws {
        let d = try programDraftNew(start: "2026-11-23")
        XCTAssertEqual([d.weeks, d.painStopAbove, d.painFlareRise], [4, 7, 2])
        XCTAssertTrue(d.items.isEmpty)
        let out = programDraftBuild(draft: d, lang: "en")
        XCTAssertEqual(out.problems.map(\.path), ["title", "items"])
        XCTAssertNil(out.programJson)
        // The steppers' bounds come from the core too.
        let limits = programDraftLimits()
        XCTAssertEqual([limits.maxWeeks, limits.maxPerDay, limits.maxPerWeek, limits.painMax, limits.flareRiseMin],
                       [52, 4, 14, 10, 1])
        var atMost = d
        atMost.title = "T"
        atMost.weeks = limits.maxWeeks
        XCTAssertFalse(programDraftBuild(draft: atMost, lang: "en").problems.contains { $0.path == "weeks" })
    }

    func testAValidDraftMakesAProgramItsCodeAndAQr() throws {
        let out = programDraftBuild(draft: try draft(), lang: "de")
        XCTAssertEqual(out.problems, [])
        let json = try XCTUnwrap(out.programJson)
        let p = try parseProgram(json: json, lang: "en")
        XCTAssertEqual(p.id, "heel-and-breath")
        XCTAssertEqual(p.forName, "Sam")
        let share = try XCTUnwrap(out.share)
        let version = try XCTUnwrap(share.qrVersion)
        XCTAssertLessThanOrEqual(version, 10)
        XCTAssertEqual(try shareDecode(code: share.code), json)
        XCTAssertEqual(try qrMatrix(code: share.code).version, version)
        XCTAssertEqual(out.routines.map(\.perWeek), [7, 3])
        XCTAssertGreaterThan(out.routines[0].lastWeekMs, out.routines[0].firstWeekMs)
        XCTAssertGreaterThan(out.minutesPerWeekLast, out.minutesPerWeekFirst)
        // The same program comes back as the same draft for editing,
        // remembering the program it was opened from.
        var back = try programDraftFromProgram(programJson: json)
        XCTAssertNotNil(back.basedOn)
        back.basedOn = nil
        XCTAssertEqual(back, try draft())
    }

    func testASavedDraftComesBackAsItWas() throws {
        for d in [try draft(), try programDraftFromProgram(programJson: try example("calm-breathing.unknot"))] {
            XCTAssertEqual(programDraftRestore(saved: programDraftSave(draft: d)), d)
        }
        XCTAssertNil(programDraftRestore(saved: "not a draft"))
        XCTAssertNil(programDraftRestore(saved: String(programDraftSave(draft: try draft()).dropLast())))
    }

    func testEditingKeepsTheIdAndTheLanguagesLeftAsTheyWere() throws {
        var d = try programDraftFromProgram(programJson: try example("calm-breathing.unknot"))
        XCTAssertEqual(d.title, "Calm breathing, four weeks")
        d.weeks = 6
        let es = try parseProgram(json: try XCTUnwrap(programDraftBuild(draft: d, lang: "en").programJson), lang: "es")
        XCTAssertEqual(es.id, "calm-breathing-4w")
        XCTAssertEqual(es.title, "Respiración tranquila, cuatro semanas")
        XCTAssertEqual(es.weeks, 6)
        // A new title is taken as typed; the id stays, so sessions still count.
        d.title = "Calm evenings"
        let renamed = try parseProgram(json: try XCTUnwrap(programDraftBuild(draft: d, lang: "en").programJson), lang: "es")
        XCTAssertEqual(renamed.id, "calm-breathing-4w")
        XCTAssertEqual(renamed.title, "Calm evenings")
    }

    func testProblemsNameTheDraftFields() throws {
        var d = try draft()
        d.weeks = 60
        d.items[1].frequency = .perWeek(times: 20)
        let out = programDraftBuild(draft: d, lang: "en")
        XCTAssertEqual(out.problems.map(\.path), ["weeks", "items[1].frequency"])
        XCTAssertNil(out.share)
    }

    func testBadInputsAreTypedErrors() throws {
        XCTAssertThrowsError(try programDraftAddRoutine(draft: try programDraftNew(start: "2026-11-23"),
                                                        builtinId: "plantar")) { error in
            guard case UnknotError.UnknownRoutine(let id) = error else {
                return XCTFail("expected UnknownRoutine, got \(error)")
            }
            XCTAssertEqual(id, "plantar")
        }
        XCTAssertThrowsError(try programDraftNew(start: "2026-02-30")) { error in
            guard case UnknotError.BadDate = error else { return XCTFail("expected BadDate, got \(error)") }
        }
        XCTAssertThrowsError(try programDraftFromProgram(programJson: try example("desk-neck-back-hips.unknot"))) { error in
            guard case UnknotError.NotEditable(let reason) = error else {
                return XCTFail("expected NotEditable, got \(error)")
            }
            XCTAssertTrue(reason.contains("neck-release"), reason)
        }
        XCTAssertNil(try programDraftSuggestedProgression(builtinId: "box-breathing"))
        XCTAssertNotNil(try programDraftSuggestedProgression(builtinId: "calf-release"))
    }
}
