import XCTest
import UnknotCore

/// Whole routines driven through `SessionController` with a fake clock and
/// scheduler, against the real core.
final class ControllerTests: XCTestCase {
    private var clock: FakeClock!
    private var scheduler: FakeScheduler!
    private var sink: RecordingSink!
    private var frames: [Frame] = []

    private func controller(_ id: String, lang: String = "en", at start: Int64 = 1_000) throws -> SessionController {
        clock = FakeClock(start)
        scheduler = FakeScheduler()
        sink = RecordingSink()
        frames = []
        let c = SessionController(player: try makePlayer(id, lang: lang), clock: clock, scheduler: scheduler, cueSink: sink)
        c.addFrameListener { [unowned self] in self.frames.append($0) }
        return c
    }

    /// Fires the pending wake-up at its exact time until none is pending.
    private func runWakeUps(_ c: SessionController, limit: Int = 10_000) {
        var n = 0
        while let at = scheduler.pending, n < limit {
            XCTAssertGreaterThanOrEqual(at, clock.now, "a wake-up in the past")
            clock.now = at
            c.wake()
            n += 1
        }
        XCTAssertLessThan(n, limit, "the session never settled")
    }

    func testTimedRoutineRunsToTheEndOnExactWakeUps() throws {
        let details = try builtinRoutine(id: "calf-release", lang: "en")
        XCTAssertEqual(details.untimed, 0)
        let c = try controller("calf-release")
        XCTAssertEqual(c.frame.status, .ready)
        XCTAssertNil(scheduler.pending, "nothing is scheduled before start")

        c.start()
        XCTAssertEqual(c.frame.status, .running)
        XCTAssertEqual(sink.spoken.map(\.say), [details.segments[0].say])
        runWakeUps(c)

        XCTAssertEqual(c.frame.status, .finished)
        XCTAssertEqual(clock.now - 1_000, details.timedMs, "finished exactly after the timed duration")
        XCTAssertNil(scheduler.pending)
        XCTAssertNil(c.scheduledWakeMs)
        // Woken exactly on time, every cue is handed out at its due time and spoken.
        for cue in sink.spoken {
            XCTAssertEqual(cue.atMs, cue.dueMs, "\(cue)")
            XCTAssertTrue(cue.speak)
        }
        XCTAssertEqual(sink.spoken.last?.kind, .finished)
        // Every segment's text is spoken once, in order.
        let segmentCues = sink.spoken.filter { $0.kind == .segment }
        XCTAssertEqual(segmentCues.map(\.say), details.segments.map(\.say))
        XCTAssertEqual(segmentCues.map(\.segment), Array(0..<Int32(details.segments.count)))
        // Wake-ups only move forward; listeners saw every frame.
        XCTAssertEqual(scheduler.scheduled, scheduler.scheduled.sorted())
        XCTAssertEqual(frames.count, 2 + scheduler.scheduled.count, "the frame at registration, at start and at every wake-up")
        XCTAssertEqual(frames.last, c.frame)
        XCTAssertEqual(c.frame.remainingMs, 0)
        XCTAssertEqual(c.frame.positionMs, details.timedMs)
    }

    func testRedrawingAt30FpsKeepsTheCoresFrameAndSpeaksEveryCue() throws {
        // The same session twice: one redrawn every 33 ms through light
        // pulses, one driven by plain ticks. They must say the same.
        let c = try controller("calf-release")
        let plain = try makePlayer("calf-release", lang: "en")
        c.start()
        _ = plain.start(nowMs: clock.now)
        let start = clock.now
        let before = frames.count
        while clock.now < start + 90_000 {
            clock.now += 33
            let f = c.redraw()
            XCTAssertEqual(f, plain.tick(nowMs: clock.now).frame, "a redraw is the frame the core would give")
            if f.status == .waiting {
                c.proceed()
                _ = plain.proceed(nowMs: clock.now)
            }
        }
        XCTAssertGreaterThanOrEqual(frames.count - before, 90_000 / 33, "every redraw reaches the listeners")
        let spoken = sink.spoken.map { "\($0.dueMs) \($0.kind)" }
        XCTAssertEqual(Set(spoken).count, spoken.count, "no cue is spoken twice")
        XCTAssertGreaterThanOrEqual(sink.spoken.filter { $0.kind == .segment }.count, 3)
        XCTAssertEqual(scheduler.pending, c.frame.nextWakeMs)
    }

    func testALateWakeUpSpeaksOnlyTheNewestCue() throws {
        let c = try controller("calf-release")
        c.start()
        XCTAssertEqual(sink.spoken.count, 1)
        clock.now += 100_000 // well past several cues
        let update = c.wake()
        XCTAssertGreaterThan(update.cues.count, 1)
        XCTAssertEqual(update.cues.filter(\.speak).count, 1)
        XCTAssertEqual(sink.spoken.count, 2, "the start cue and the newest cue of the late wake-up")
        XCTAssertEqual(sink.spoken.last, update.cues.last)
        XCTAssertEqual(update.frame.positionMs, 100_000)
        XCTAssertEqual(scheduler.pending, update.frame.nextWakeMs)
    }

    func testPauseCancelsTheWakeUpAndResumeShiftsIt() throws {
        let c = try controller("calf-release")
        c.start()
        let firstWake = try XCTUnwrap(scheduler.pending)
        clock.now += 4_000
        c.pause()
        XCTAssertEqual(c.frame.status, .paused)
        XCTAssertNil(scheduler.pending)
        XCTAssertGreaterThan(scheduler.cancels, 0)
        clock.now += 60_000
        c.wake()
        XCTAssertEqual(c.frame.positionMs, 4_000, "time does not count while paused")
        c.resume()
        XCTAssertEqual(c.frame.status, .running)
        XCTAssertEqual(c.frame.pausedMs, 60_000)
        XCTAssertEqual(scheduler.pending, firstWake + 60_000)
    }

    func testAnUntimedStepWaitsForTheUser() throws {
        let details = try builtinRoutine(id: "chest-opener", lang: "en")
        XCTAssertNil(details.segments[0].durationMs)
        let c = try controller("chest-opener")
        c.start()
        XCTAssertEqual(c.frame.status, .waiting)
        XCTAssertNil(scheduler.pending, "no wake-up while waiting")
        clock.now += 30_000
        c.proceed()
        XCTAssertEqual(c.frame.status, .running)
        XCTAssertEqual(c.frame.segment, 1)
        XCTAssertEqual(sink.spoken.last?.say, details.segments[1].say)
        XCTAssertNotNil(scheduler.pending)
    }

    func testAnEarlyWakeUpIsRescheduled() throws {
        let c = try controller("calf-release")
        c.start()
        let due = try XCTUnwrap(scheduler.pending)
        let before = scheduler.scheduled.count
        clock.now = due - 5 // the platform timer fired early
        let update = c.wake()
        XCTAssertTrue(update.cues.isEmpty)
        XCTAssertEqual(scheduler.pending, due)
        XCTAssertEqual(scheduler.scheduled.count, before + 1, "re-armed even at the same time")
    }

    func testIgnoredCommandsSayWhyAndChangeNothing() throws {
        let c = try controller("calf-release")
        let update = c.pause()
        XCTAssertNotNil(update.ignored)
        XCTAssertEqual(c.frame.status, .ready)
        XCTAssertTrue(sink.spoken.isEmpty)
        XCTAssertNil(scheduler.pending)
    }

    func testStopEndsTheSession() throws {
        let c = try controller("calf-release")
        c.start()
        clock.now += 12_000
        c.next()
        XCTAssertEqual(c.frame.step, 2)
        c.stop()
        XCTAssertEqual(c.frame.status, .stopped)
        XCTAssertNil(scheduler.pending)
        clock.now += 1_000
        XCTAssertNotNil(c.start().ignored, "a stopped session does not start again")
    }

    func testExtendLengthensTheSegment() throws {
        let c = try controller("calf-release")
        c.start()
        let before = try XCTUnwrap(c.frame.segmentDurationMs)
        let timed = c.frame.timedMs
        c.extend(ms: 15_000)
        XCTAssertEqual(c.frame.segmentDurationMs, before + 15_000)
        XCTAssertEqual(c.frame.timedMs, timed + 15_000)
    }

    func testASnapshotRestoresTheSessionWhereItWas() throws {
        let c = try controller("calf-release")
        c.start()
        clock.now += 17_000
        c.wake()
        c.pause()
        let saved = c.snapshot()
        let before = c.frame

        // The app was killed; a new controller over the restored player.
        clock.now += 5_000
        let restored = try Player.restore(source: .builtin(id: "calf-release"), lang: "en", snapshot: saved, nowMs: clock.now)
        let again = SessionController(player: restored, clock: clock, scheduler: scheduler, cueSink: sink)
        XCTAssertEqual(again.frame.status, .paused)
        XCTAssertEqual(again.frame.positionMs, before.positionMs)
        XCTAssertEqual(again.frame.segment, before.segment)
        again.resume()
        XCTAssertEqual(again.frame.status, .running)
        XCTAssertEqual(again.frame.pausedMs, 5_000)
        XCTAssertNotNil(scheduler.pending)
    }

    func testABadSnapshotIsATypedError() {
        XCTAssertThrowsError(try Player.restore(source: .builtin(id: "calf-release"), lang: "en", snapshot: "not a snapshot", nowMs: 0)) { error in
            guard case UnknotError.BadSnapshot(let reason) = error else {
                return XCTFail("expected BadSnapshot, got \(error)")
            }
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testInvalidRoutineJSONForAPlayerListsItsProblems() {
        let json = #"{"format":"unknot.routine.v1","id":"x","title":"T","steps":[{"kind":"rest","title":"R","seconds":-4}]}"#
        XCTAssertThrowsError(try Player.fromJson(json: json, lang: "en")) { error in
            guard case UnknotError.InvalidRoutine(let problems) = error else {
                return XCTFail("expected InvalidRoutine, got \(error)")
            }
            XCTAssertEqual(problems.map(\.path), ["steps[0].seconds"])
        }
    }

    func testRemovedListenersHearNothing() throws {
        let c = try controller("calf-release")
        var heard = 0
        let token = c.addFrameListener { _ in heard += 1 }
        c.start()
        c.removeFrameListener(token)
        clock.now += 1_000
        c.wake()
        XCTAssertEqual(heard, 2, "the frame at registration and at start")
        XCTAssertEqual(frames.count, 3, "the other listener still hears every frame")
    }

    func testRestoreThroughTheControllerAndRefresh() throws {
        let c = try controller("calf-release")
        c.start()
        clock.now += 3_000
        c.wake()
        let saved = c.snapshot()
        c.close()
        XCTAssertNil(scheduler.pending, "closing cancels the wake-up")
        XCTAssertNotNil(c.wake().ignored, "a closed controller changes nothing")

        // Back 20 s later: the restored session ran on meanwhile.
        clock.now += 20_000
        let again = try SessionController.restore(source: .builtin(id: "calf-release"), lang: "en", snapshot: saved,
                                                  clock: clock, scheduler: scheduler, cueSink: sink)
        let update = again.refresh()
        XCTAssertEqual(update.frame.positionMs, 23_000)
        XCTAssertEqual(update.cues.filter(\.speak).count, 1, "only the newest cue of the catch-up is spoken")
        XCTAssertEqual(scheduler.pending, update.frame.nextWakeMs)
    }

    func testCommandsFromTwoThreadsAreSerialised() throws {
        let c = try SessionController.create(source: .builtin(id: "calf-release"), lang: "en",
                                             clock: SteppingClock(), scheduler: FakeScheduler(), cueSink: RecordingSink())
        c.start()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<500 { c.wake() }
        }
        XCTAssertEqual(c.frame.positionMs, 2_000, "each of the 2,000 wake-ups saw its own millisecond")
    }

    func testSummaryGivesTheJournalItsFiguresFromTheCore() throws {
        let p = try Player.fromBuiltin(id: "box-breathing", lang: "en")
        XCTAssertEqual(p.summary().activeMs, 0)
        _ = p.start(nowMs: 1_000)
        _ = p.pause(nowMs: 11_000)
        _ = p.resume(nowMs: 21_000)
        _ = p.next(nowMs: 31_000)
        let s = p.summary()
        XCTAssertEqual(s.status, .running)
        XCTAssertEqual(s.activeMs, 20_000)
        XCTAssertEqual(s.stepsCompleted, 1)
        XCTAssertEqual(s.stepsSkipped, 1)
    }

    func testTheControllerHandsOnTheCoresSummary() throws {
        let c = try controller("box-breathing", at: 1_000)
        c.start()
        clock.now = 11_000
        c.pause()
        clock.now = 21_000
        c.resume()
        clock.now = 31_000
        c.next()
        let s = c.summary()
        XCTAssertEqual(s.activeMs, 20_000)
        XCTAssertEqual(s.stepsCompleted, 1)
        XCTAssertEqual(s.stepsSkipped, 1)
    }
}

/// A clock that moves 1 ms each time it is read (thread-safe).
private final class SteppingClock: MonotonicClock {
    private let lock = NSLock()
    private var now: Int64 = 0
    func nowMs() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        now += 1
        return now
    }
}
