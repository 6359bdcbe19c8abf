import Foundation
import XCTest
import UnknotApp
import UnknotCore

/// The player screen's model on the real core, with fakes for the clock,
/// timer, speech, haptics and audio session.
/// Main-actor isolated (`@unchecked Sendable` only for the XCTest glue that
/// hands each instance to the main actor).
@MainActor
final class PlayerModelTests: XCTestCase, @unchecked Sendable {
    func testStartSpeaksTheFirstCueArmsTheTimerAndActivatesAudio() async throws {
        let h = Harness()
        let details = try builtinRoutine(id: "calf-release", lang: "en")
        var changes = 0
        h.player.onChange = { changes += 1 }
        try h.player.begin(id: "calf-release", lang: "en", painBefore: 4)

        let f = try XCTUnwrap(h.player.frame)
        XCTAssertEqual(f.status, .running)
        XCTAssertEqual(f.step, 0)
        XCTAssertEqual(h.player.routine?.id, "calf-release")
        XCTAssertEqual(h.speech.said.map(\.text), [details.segments[0].say])
        XCTAssertEqual(h.speech.said.first?.lang, "en")
        XCTAssertEqual(h.haptics.played.count, 1, "one pattern for the first cue")
        XCTAssertTrue(h.audio.active)
        XCTAssertTrue(h.player.audioActive)
        XCTAssertEqual(h.timer.pending, f.nextWakeMs)
        XCTAssertNotNil(h.timer.pending)
        XCTAssertGreaterThan(changes, 0, "the view was told")
        XCTAssertEqual(h.player.draft?.painBefore, 4)
        XCTAssertEqual(h.player.draft?.startMs, mon8am)
        XCTAssertFalse(h.player.isOver)
    }

    func testPauseSavesTheSessionAndResumeGoesOn() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 3_000
        h.player.pause()
        XCTAssertEqual(h.player.frame?.status, .paused)
        XCTAssertNil(h.timer.pending, "nothing to wake for while paused")
        let saved = try XCTUnwrap(SavedSessionStore(folder: h.folder).load())
        XCTAssertEqual(saved.routineId, "calf-release")
        XCTAssertEqual(saved.lang, "en")
        // Speech still going: the audio session stays until it falls silent.
        XCTAssertTrue(h.audio.active)
        h.speech.finish()
        XCTAssertFalse(h.audio.active)

        h.clock.now += 60_000
        h.player.resume()
        XCTAssertEqual(h.player.frame?.status, .running)
        XCTAssertEqual(h.player.frame?.positionMs, 3_000, "the pause did not count")
        XCTAssertTrue(h.audio.active)
        XCTAssertNotNil(h.timer.pending)
    }

    func testNextGoesToTheFollowingStepAndSpeaksIt() async throws {
        let h = Harness()
        let details = try builtinRoutine(id: "calf-release", lang: "en")
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 1_000
        h.player.next()
        let f = try XCTUnwrap(h.player.frame)
        XCTAssertEqual(f.step, 1)
        XCTAssertEqual(f.stepTitle, details.steps[1].title)
        let firstOfStep = try XCTUnwrap(details.segments.first { $0.step == 1 })
        XCTAssertEqual(h.speech.said.last?.text, firstOfStep.say)
        h.player.previous()
        // Near a step's start, previous goes where the core's own player goes.
        let plain = try Player.fromBuiltin(id: "calf-release", lang: "en")
        _ = plain.start(nowMs: 1_000)
        _ = plain.next(nowMs: 2_000)
        XCTAssertEqual(h.player.frame?.step, plain.previous(nowMs: 2_000).frame.step)
    }

    func testTooMuchMarksWhereItWas() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: 5)
        h.clock.now += 2_500
        h.player.refresh()
        h.player.markDiscomfort()
        h.player.next()
        h.clock.now += 1_000
        h.player.refresh()
        h.player.markDiscomfort()
        XCTAssertEqual(h.player.discomfortCount, 2)
        XCTAssertEqual(h.player.draft?.discomfort.map(\.step), [0, 1])
        XCTAssertEqual(h.player.draft?.discomfort.first?.positionMs, 2_500)
    }

    func testTheEndRecordsPainAfterInTheJournal() async throws {
        let h = Harness()
        let details = try builtinRoutine(id: "calf-release", lang: "en")
        try h.player.begin(id: "calf-release", lang: "en", painBefore: 5)
        h.player.markDiscomfort()
        h.runToEnd()

        XCTAssertEqual(h.player.frame?.status, .finished)
        XCTAssertTrue(h.player.isOver)
        XCTAssertNil(h.timer.pending)
        XCTAssertEqual(h.haptics.played.last, .success)
        let said = h.speech.said.map(\.text)
        XCTAssertEqual(said.filter { t in details.segments.contains { $0.say == t } }.count, details.segments.count,
                       "every segment is spoken")
        XCTAssertNil(SavedSessionStore(folder: h.folder).load(), "a finished session is not kept to resume")
        // Still speaking the last cue: the audio session waits for silence.
        XCTAssertTrue(h.audio.active)
        h.speech.finish()
        XCTAssertFalse(h.audio.active)

        try h.player.finish(painAfter: 2, pressure: .right, into: h.app)
        XCTAssertNil(h.player.frame, "closed once recorded")
        XCTAssertEqual(h.app.journalVersion, 1)
        let recorded = try XCTUnwrap(try h.app.journal?.recent(limit: 1).first?.entry)
        XCTAssertEqual(recorded.routineId, "calf-release")
        XCTAssertEqual(recorded.outcome, .completed)
        XCTAssertEqual(recorded.painBefore, 5)
        XCTAssertEqual(recorded.painAfter, 2)
        XCTAssertEqual(recorded.pressure, .right)
        XCTAssertEqual(recorded.discomfort.count, 1)
        XCTAssertEqual(recorded.activeMs, details.timedMs)
        XCTAssertEqual(recorded.startMs, mon8am)
        XCTAssertEqual(recorded.endMs, mon8am + details.timedMs)
        XCTAssertEqual(recorded.stepsCompleted, Int32(details.steps.count))
    }

    func testStopEndsTheSessionAsStopped() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 4_000
        h.wall.advance(ms: 4_000)
        h.player.stop()
        XCTAssertEqual(h.player.frame?.status, .stopped)
        XCTAssertTrue(h.player.isOver)
        let entry = try XCTUnwrap(h.player.entry(painAfter: nil, pressure: nil))
        XCTAssertEqual(entry.outcome, .stopped)
        XCTAssertNil(entry.painAfter)
        XCTAssertEqual(entry.activeMs, 4_000)
    }

    func testAnEntryIsOnlyMadeOnceTheSessionEnded() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        XCTAssertNil(h.player.entry(painAfter: 1, pressure: nil))
        try h.player.finish(painAfter: 1, pressure: nil, into: h.app)
        XCTAssertNotNil(h.player.frame, "a running session is not recorded or closed")
        XCTAssertEqual(try h.app.journal?.count(), 0)
    }

    func testASavedSessionIsOfferedAndRestored() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 5_000
        h.player.next()
        h.player.pause()
        let step = h.player.frame?.step

        // The app is gone; a new launch finds the saved session.
        let again = PlayerModel(services: h.services)
        let offer = try XCTUnwrap(again.resumable)
        XCTAssertEqual(offer.title, try builtinRoutine(id: "calf-release", lang: "en").title)
        h.clock.now += 600_000
        try again.restore(offer.saved)
        XCTAssertNil(again.resumable)
        XCTAssertEqual(again.frame?.status, .paused)
        XCTAssertEqual(again.frame?.step, step)
        XCTAssertNil(again.draft?.painBefore)
        again.resume()
        XCTAssertEqual(again.frame?.status, .running)
    }

    func testABadSnapshotThrowsTheCoresErrorAndIsForgotten() async throws {
        let h = Harness()
        let store = SavedSessionStore(folder: h.folder)
        store.save(SavedSession(routineId: "calf-release", lang: "en", snapshot: "not a snapshot"))
        let offer = try XCTUnwrap(h.player.resumable)
        XCTAssertThrowsError(try h.player.restore(offer.saved)) { error in
            XCTAssertEqual(ErrorReport(error).kind, .badSnapshot)
            XCTAssertFalse(ErrorReport(error).detail.isEmpty, "the core says why")
        }
        XCTAssertNil(store.load())
        XCTAssertNil(h.player.resumable)
        XCTAssertNil(h.player.frame)
    }

    func testDiscardForgetsTheSavedSession() async throws {
        let h = Harness()
        SavedSessionStore(folder: h.folder).save(SavedSession(routineId: "calf-release", lang: "en", snapshot: "x"))
        XCTAssertNotNil(h.player.resumable)
        h.player.discardSaved()
        XCTAssertNil(h.player.resumable)
        XCTAssertNil(SavedSessionStore(folder: h.folder).load())
    }

    func testBreathingCuesHaveGrowingAndFadingHaptics() async throws {
        let h = Harness()
        let details = try builtinRoutine(id: "box-breathing", lang: "en")
        try h.player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        for _ in 0..<12 { h.timer.fireNext(h.clock) }
        XCTAssertTrue(h.haptics.played.contains(.growing), "\(h.haptics.played)")
        XCTAssertTrue(details.segments.contains { $0.kind == .inhale })
        XCTAssertEqual(HapticPattern.growing.pulses.map(\.intensity), [0.3, 0.6, 1.0])
        XCTAssertEqual(HapticPattern.fading.pulses.map(\.intensity), [1.0, 0.6, 0.3])
        XCTAssertEqual(HapticPattern.success.pulses, [])
        // The phase circle fills while breathing in.
        if let phase = h.player.phase, case .breath = phase.shape {
            XCTAssertGreaterThanOrEqual(phase.circleScale, 0.35)
            XCTAssertLessThanOrEqual(phase.circleScale, 1)
        }
    }

    func testARefusedAudioSessionDoesNotStopTheSession() async throws {
        let h = Harness()
        h.audio.refuse = true
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        XCTAssertEqual(h.player.frame?.status, .running)
        XCTAssertFalse(h.player.audioActive)
        XCTAssertFalse(h.speech.said.isEmpty, "the cue is still spoken")
    }

    func testAnUnknownRoutineIsTheCoresError() async throws {
        let h = Harness()
        XCTAssertThrowsError(try h.player.begin(id: "no-such-routine", lang: "en", painBefore: nil)) { error in
            XCTAssertEqual(ErrorReport(error), ErrorReport(kind: .unknownRoutine, detail: "no-such-routine"))
        }
        XCTAssertNil(h.player.frame)
    }

    func testCloseCancelsTheTimerAndStopsSpeech() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.player.close()
        XCTAssertNil(h.player.frame)
        XCTAssertNil(h.timer.pending)
        XCTAssertGreaterThan(h.speech.stops, 0)
        XCTAssertFalse(h.audio.active)
        XCTAssertNil(SavedSessionStore(folder: h.folder).load())
    }

    func testRedrawFollowsTheClock() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 1_234
        h.player.redraw()
        XCTAssertEqual(h.player.frame?.positionMs, 1_234)
        XCTAssertEqual(h.player.phase?.remaining, h.player.frame?.segmentRemainingMs.map(clockText))
    }
}
