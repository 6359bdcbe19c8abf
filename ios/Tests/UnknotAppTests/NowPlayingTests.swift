import XCTest
import UnknotApp
import UnknotCore

@MainActor
final class NowPlayingTests: XCTestCase, @unchecked Sendable {
    func testInfoShowsTitleStepTimeAndRate() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        let details = try builtinRoutine(id: "calf-release", lang: "en")
        let f = try XCTUnwrap(h.player.frame)
        let info = try XCTUnwrap(h.player.nowPlaying)
        XCTAssertEqual(info.title, details.title)
        XCTAssertEqual(info.step, "1/\(f.stepCount) · \(f.stepTitle)")
        XCTAssertEqual(info.elapsedS, 0)
        XCTAssertEqual(info.durationS, Double(f.remainingMs) / 1000)
        XCTAssertEqual(info.rate, 1)
        XCTAssertTrue(h.player.handle(.pause))
        XCTAssertEqual(h.player.nowPlaying?.rate, 0)
    }

    func testRemoteCommandsMapToPlayerActions() async throws {
        let h = Harness()
        XCTAssertFalse(h.player.handle(.play), "nothing without a session")
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        XCTAssertFalse(h.player.handle(.play), "already running")
        XCTAssertTrue(h.player.handle(.toggle))
        XCTAssertEqual(h.player.frame?.status, .paused)
        XCTAssertTrue(h.player.handle(.toggle))
        XCTAssertEqual(h.player.frame?.status, .running)
        XCTAssertTrue(h.player.handle(.nextStep))
        XCTAssertEqual(h.player.frame?.step, 1)
        XCTAssertTrue(h.player.handle(.previousStep))
        XCTAssertEqual(h.player.frame?.step, 0)
        h.player.stop()
        XCTAssertFalse(h.player.handle(.nextStep), "over")
    }
}
