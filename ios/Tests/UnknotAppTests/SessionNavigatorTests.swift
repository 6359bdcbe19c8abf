import Foundation
import XCTest
import UnknotApp
import UnknotCore

/// Leaving the player, the "now playing" bar, asking before another
/// routine starts, and the session kept when the app was ended, on the
/// real core.
/// Main-actor isolated (`@unchecked Sendable` only for the XCTest glue that
/// hands each instance to the main actor).
@MainActor
final class SessionNavigatorTests: XCTestCase, @unchecked Sendable {
    func testLeavingThePlayerKeepsTheSessionRunningBehindTheBar() async throws {
        let h = Harness()
        let nav = h.navigator
        XCTAssertNil(nav.bar, "nothing open, nothing kept")
        XCTAssertNil(nav.askBeforeStarting)
        nav.started(try startCalf(h))
        XCTAssertTrue(nav.isPlayerShown)
        XCTAssertNil(nav.bar, "no bar over the player itself")

        nav.leave()
        XCTAssertFalse(nav.isPlayerShown)
        h.clock.now += 2_000
        h.timer.fireNext(h.clock)
        XCTAssertEqual(h.player.frame?.status, .running, "the session goes on")
        guard case .playing(let bar)? = nav.bar else { return XCTFail("expected the now playing bar") }
        let f = try XCTUnwrap(h.player.frame)
        XCTAssertEqual(bar.title, try builtinRoutine(id: "calf-release", lang: "en").title)
        XCTAssertEqual(bar.step, f.step + 1)
        XCTAssertEqual(bar.stepCount, f.stepCount)
        XCTAssertEqual(bar.timeLeft, countdownText(ms: f.remainingMs))
        XCTAssertEqual(bar.status, .running)
        XCTAssertFalse(bar.isOver)

        nav.show()
        XCTAssertTrue(nav.isPlayerShown)
        XCTAssertNil(nav.bar)
    }

    func testStartingAnotherRoutineAsksFirstAndRecordsTheOpenOne() async throws {
        let h = Harness()
        let nav = h.navigator
        nav.started(try startCalf(h, pain: 4))
        h.clock.now += 3_000
        h.wall.advance(ms: 3_000)
        h.player.refresh()
        nav.leave()
        let title = try builtinRoutine(id: "calf-release", lang: "en").title
        XCTAssertEqual(nav.askBeforeStarting, title, "asks, naming the session it would end")

        nav.endOpenSession()
        XCTAssertNil(h.player.frame)
        XCTAssertNil(nav.askBeforeStarting)
        XCTAssertNil(nav.bar)
        // Nothing lost: the ended session is in the journal, as stopped.
        let e = try XCTUnwrap(try h.app.journal?.recent(limit: 1).first?.entry)
        XCTAssertEqual(e.routineId, "calf-release")
        XCTAssertEqual(e.outcome, .stopped)
        XCTAssertEqual(e.painBefore, 4)
        XCTAssertNil(e.painAfter)
        XCTAssertEqual(e.activeMs, 3_000)
        XCTAssertEqual(h.app.journalVersion, 1)

        let detail = RoutineDetailModel(id: "box-breathing", lang: "en")
        nav.started(detail.start(painBefore: nil, on: h.player))
        XCTAssertTrue(nav.isPlayerShown)
        XCTAssertEqual(h.player.routine?.id, "box-breathing")
    }

    func testAnEndedSessionWaitsInTheBarForItsRating() async throws {
        let h = Harness()
        let nav = h.navigator
        nav.started(try startCalf(h))
        h.player.stop()
        nav.leave()
        guard case .playing(let bar)? = nav.bar else { return XCTFail("expected the bar") }
        XCTAssertTrue(bar.isOver)
        XCTAssertNotNil(nav.askBeforeStarting, "starting another would drop its rating")
        nav.show()
        try h.player.finish(painAfter: 0, pressure: nil, into: h.app)
        nav.leave()
        XCTAssertNil(nav.bar)
    }

    func testASessionKeptWhenTheAppWasEndedIsOfferedAtLaunch() async throws {
        let h = Harness()
        nav(h).started(try startCalf(h, pain: 2))
        h.clock.now += 4_000
        h.player.refresh()

        // The app was ended; at the next launch the bar offers the session.
        let (app, player) = h.relaunch()
        let nav = SessionNavigator(player: player, app: app)
        XCTAssertEqual(nav.bar, .kept(title: try builtinRoutine(id: "calf-release", lang: "en").title, isOver: false))
        XCTAssertFalse(nav.isPlayerShown)
        nav.resumeKept()
        XCTAssertNil(nav.resumeError)
        XCTAssertTrue(nav.isPlayerShown)
        XCTAssertEqual(player.frame?.status, .running, "it ran on while the app was gone")
        XCTAssertEqual(player.recording?.painBefore, 2)

        // Or it is discarded.
        let (app2, player2) = h.relaunch()
        let nav2 = SessionNavigator(player: player2, app: app2)
        XCTAssertNotNil(nav2.bar)
        nav2.discardKept()
        XCTAssertNil(nav2.bar)
        XCTAssertNil(try app2.journal?.checkpoint())
    }

    func testStartingAnotherWhileASessionIsKeptAsksAndRecordsTheKeptOne() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: 5)
        h.clock.now += 2_000
        h.wall.advance(ms: 2_000)
        h.player.pause()
        let (app, player) = h.relaunch()
        let nav = SessionNavigator(player: player, app: app)
        XCTAssertEqual(nav.askBeforeStarting, try builtinRoutine(id: "calf-release", lang: "en").title)
        nav.endOpenSession()
        XCTAssertNil(nav.bar)
        XCTAssertNil(nav.askBeforeStarting)
        let e = try XCTUnwrap(try app.journal?.recent(limit: 1).first?.entry)
        XCTAssertEqual(e.routineId, "calf-release")
        XCTAssertEqual(e.outcome, .stopped)
        XCTAssertEqual(e.painBefore, 5)
        XCTAssertEqual(e.activeMs, 2_000)
        XCTAssertNil(try app.journal?.checkpoint())
        try player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        XCTAssertEqual(try app.journal?.checkpoint()?.routineId, "box-breathing")
    }

    func testBeginningWhileASessionIsKeptNeverDropsIt() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        let (app, player) = h.relaunch()
        XCTAssertNotNil(player.resumable)
        try player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        XCTAssertNil(player.resumable)
        XCTAssertEqual(try app.journal?.recent(limit: 1).first?.entry.routineId, "calf-release",
                       "the kept session was recorded before its checkpoint was replaced")
    }

    private func nav(_ h: Harness) -> SessionNavigator { h.navigator }

    private func startCalf(_ h: Harness, pain: Int32? = nil) throws -> Bool {
        try h.player.begin(id: "calf-release", lang: "en", painBefore: pain)
        return h.player.frame != nil
    }
}
