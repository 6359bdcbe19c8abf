import XCTest
import UnknotCore

/// The routine library and routine documents, seen from Swift.
final class LibraryTests: XCTestCase {
    func testBuiltinIdsMatchTheRoutineFiles() throws {
        let dir = repoRoot().appendingPathComponent("core/routines")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
        XCTAssertEqual(builtinRoutineIds(), files)
    }

    func testSummariesAreTranslated() throws {
        let en = builtinSummaries(lang: "en")
        let es = builtinSummaries(lang: "es")
        XCTAssertEqual(en.map(\.id), es.map(\.id))
        let box = try XCTUnwrap(en.first { $0.id == "box-breathing" })
        XCTAssertEqual(box.title, "Box breathing")
        XCTAssertEqual(es.first { $0.id == "box-breathing" }?.title, "Respiración en caja")
        XCTAssertGreaterThan(box.timedMs, 0)
    }

    func testParsedFileEqualsTheBuiltin() throws {
        let parsed = try parseRoutine(json: try builtinJSON("box-breathing"), lang: "de")
        let builtin = try builtinRoutine(id: "box-breathing", lang: "de")
        XCTAssertEqual(parsed, builtin)
        XCTAssertEqual(parsed.title, "Box-Atmung")
        XCTAssertEqual(parsed.segments.last.map { $0.startMs + ($0.durationMs ?? 0) }, parsed.timedMs)
    }

    func testUnknownBuiltinIsATypedError() {
        XCTAssertThrowsError(try builtinRoutine(id: "no-such-routine", lang: "en")) { error in
            guard case UnknotError.UnknownRoutine(let id) = error else {
                return XCTFail("expected UnknownRoutine, got \(error)")
            }
            XCTAssertEqual(id, "no-such-routine")
        }
    }

    func testInvalidRoutineListsEveryProblemWithItsPath() {
        let json = #"{"format":1,"id":"Bad Id","title":"x","steps":[{"title":"s","seconds":5}]}"#
        XCTAssertThrowsError(try parseRoutine(json: json, lang: "en")) { error in
            guard case UnknotError.InvalidRoutine(let problems) = error else {
                return XCTFail("expected InvalidRoutine, got \(error)")
            }
            let paths = problems.map(\.path)
            XCTAssertTrue(paths.contains("format"), "\(paths)")
            XCTAssertTrue(paths.contains("id"), "\(paths)")
            XCTAssertTrue(paths.contains("steps[0].kind"), "\(paths)")
            let id = problems.first { $0.path == "id" }
            XCTAssertEqual(id?.hint.map { $0.contains("bad-id") }, true, "\(String(describing: id))")
        }
        XCTAssertEqual(validateRoutine(json: json).map(\.path).sorted(), ["format", "id", "steps[0].kind"])
    }

    func testBrokenJSONIsOneProblemWithALinePath() {
        XCTAssertThrowsError(try parseRoutine(json: #"{"format":"unknot.routine.v1","id":"#, lang: "en")) { error in
            guard case UnknotError.InvalidRoutine(let problems) = error else {
                return XCTFail("expected InvalidRoutine, got \(error)")
            }
            XCTAssertEqual(problems.count, 1)
            XCTAssertTrue(problems[0].path.hasPrefix("line 1, column"), problems[0].path)
        }
    }

    func testValidRoutineHasNoProblems() throws {
        XCTAssertEqual(validateRoutine(json: try builtinJSON("calf-release")), [])
    }
}
