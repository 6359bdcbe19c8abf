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
        // The core's recording holds the start, offset and rating.
        XCTAssertEqual(h.player.recording?.painBefore, 4)
        XCTAssertEqual(h.player.recording?.startedAtMs, mon8am)
        XCTAssertEqual(h.player.recording?.utcOffsetMin, 0)
        XCTAssertTrue(h.player.canRecord)
        XCTAssertFalse(h.player.isOver)
        // Checkpointed from the start, so an app ended now loses nothing.
        XCTAssertEqual(try h.app.journal?.checkpoint()?.routineId, "calf-release")
    }

    func testPauseCheckpointsTheSessionAndResumeGoesOn() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 3_000
        h.player.pause()
        XCTAssertEqual(h.player.frame?.status, .paused)
        XCTAssertNil(h.timer.pending, "nothing to wake for while paused")
        let saved = try XCTUnwrap(try h.app.journal?.checkpoint())
        XCTAssertEqual(saved.routineId, "calf-release")
        XCTAssertEqual(saved.lang, "en")
        XCTAssertTrue(saved.builtin)
        XCTAssertFalse(saved.over)
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

    func testTooMuchMarksWhereItWasAsTheCoreCountsIt() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: 5)
        h.clock.now += 2_500
        h.player.markDiscomfort()
        h.player.next()
        h.clock.now += 1_000
        h.player.markDiscomfort()
        XCTAssertEqual(h.player.discomfortCount, 2)
        XCTAssertEqual(h.player.recording?.tooMuch.map(\.step), [0, 1])
        XCTAssertEqual(h.player.recording?.tooMuch.first?.positionMs, 2_500)
        // Once over, the core does not count a tap.
        h.player.stop()
        h.player.markDiscomfort()
        XCTAssertEqual(h.player.discomfortCount, 2)
    }

    func testARatingOffTheCoresScaleStartsNothing() async throws {
        let h = Harness()
        let max = numbers(lang: "en").painMax
        XCTAssertThrowsError(try h.player.begin(id: "calf-release", lang: "en", painBefore: max + 1)) { error in
            XCTAssertEqual(ErrorReport(error, lang: "en").source, .core)
        }
        XCTAssertNil(h.player.frame)
        XCTAssertNil(try h.app.journal?.checkpoint())
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
        // A finished session waits for its rating: the checkpoint keeps it, over.
        XCTAssertEqual(try h.app.journal?.checkpoint()?.over, true)
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
        XCTAssertNil(try h.app.journal?.checkpoint(), "recorded: nothing left to resume")
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
        // The entry ends at the stop, however long the end form takes.
        h.wall.advance(ms: 60_000)
        h.clock.now += 60_000
        XCTAssertEqual(h.player.entry(painAfter: 1, pressure: nil)?.endMs, mon8am + 4_000)
    }

    func testAnEntryIsOnlyMadeOnceTheSessionEnded() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        XCTAssertNil(h.player.entry(painAfter: 1, pressure: nil))
        try h.player.finish(painAfter: 1, pressure: nil, into: h.app)
        XCTAssertNotNil(h.player.frame, "a running session is not recorded or closed")
        XCTAssertEqual(try h.app.journal?.count(), 0)
    }

    func testAKeptSessionIsOfferedAtTheNextLaunchAndResumed() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: 3)
        h.clock.now += 5_000
        h.player.next()
        h.player.markDiscomfort()
        let step = h.player.frame?.step
        // The app is ended while the session runs (no pause, no background).
        let (app, again) = h.relaunch()
        let offer = try XCTUnwrap(again.resumable)
        XCTAssertEqual(offer.title, try builtinRoutine(id: "calf-release", lang: "en").title)
        XCTAssertFalse(offer.isOver)
        h.clock.now += 500
        try again.resumeKept()
        XCTAssertNil(again.resumable)
        XCTAssertEqual(again.frame?.status, .running, "it ran on while the app was gone")
        XCTAssertEqual(again.frame?.step, step)
        XCTAssertNotNil(h.timer.pending, "the wake-up is armed again")
        XCTAssertEqual(again.routine?.id, "calf-release")
        // The start, the rating before and the taps are kept.
        XCTAssertEqual(again.recording?.startedAtMs, mon8am)
        XCTAssertEqual(again.recording?.painBefore, 3)
        XCTAssertEqual(again.discomfortCount, 1)
        again.pause()
        again.resume()
        XCTAssertEqual(again.frame?.status, .running)
        again.stop()
        try again.finish(painAfter: 2, pressure: nil, into: app)
        let e = try XCTUnwrap(try app.journal?.recent(limit: 1).first?.entry)
        XCTAssertEqual(e.startMs, mon8am)
        XCTAssertEqual(e.painBefore, 3)
        XCTAssertEqual(e.outcome, .stopped)
        XCTAssertEqual(app.journalVersion, 1)
    }

    func testAProgramSessionIsKeptAndResumedWithItsProgramAndWeek() async throws {
        let h = Harness()
        let heel = try example("heel-pain-progression.unknot")
        try h.player.beginProgram(programJson: heel, routineId: "calf-and-foot", week: 3, lang: "en", painBefore: 4)
        let grown = try programRoutineForWeek(programJson: heel, routineId: "calf-and-foot", week: 3, lang: "en")
        XCTAssertEqual(h.player.routine, grown, "the routine as grown for the week")
        h.clock.now += 2_000
        h.player.pause()
        let kept = try XCTUnwrap(try h.app.journal?.checkpoint())
        XCTAssertEqual(kept.programId, "heel-pain-8w")
        XCTAssertEqual(kept.programWeek, 3)
        XCTAssertFalse(kept.builtin)

        let (_, again) = h.relaunch()
        try again.resumeKept()
        XCTAssertEqual(again.routine, grown)
        XCTAssertEqual(again.recording?.programId, "heel-pain-8w")
        XCTAssertEqual(again.recording?.programWeek, 3)
        XCTAssertEqual(again.recording?.painBefore, 4)
        XCTAssertEqual(again.recording?.startedAtMs, mon8am)
    }

    func testASessionOverButNotRatedIsOfferedToRecord() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 3_000
        h.wall.advance(ms: 3_000)
        h.player.stop()
        let (app, again) = h.relaunch()
        XCTAssertEqual(again.resumable?.isOver, true)
        try again.resumeKept()
        XCTAssertTrue(again.isOver)
        XCTAssertTrue(again.canRecord)
        try again.finish(painAfter: 1, pressure: .tooFirm, into: app)
        let e = try XCTUnwrap(try app.journal?.recent(limit: 1).first?.entry)
        XCTAssertEqual(e.endMs, mon8am + 3_000, "ended when it was stopped")
        XCTAssertEqual(e.pressure, .tooFirm)
    }

    func testAnOfferWhoseCheckpointWentAwayOpensNothing() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.player.pause()
        let (_, again) = h.relaunch()
        XCTAssertNotNil(again.resumable)
        // Recorded or discarded elsewhere meanwhile.
        try h.app.journal?.clearCheckpoint()
        try again.resumeKept()
        XCTAssertNil(again.resumable)
        XCTAssertNil(again.frame)
    }

    func testDiscardForgetsTheKeptSession() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        let (app, again) = h.relaunch()
        XCTAssertNotNil(again.resumable)
        again.discardKept()
        XCTAssertNil(again.resumable)
        XCTAssertNil(try app.journal?.checkpoint())
    }

    func testEachNewStepIsCheckpointed() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        let first = try XCTUnwrap(try h.app.journal?.checkpoint()).savedAtMs
        // Wake-ups until the core moves to the second step.
        while h.player.frame?.step == 0, let at = h.timer.pending {
            h.wall.advance(ms: max(at - h.clock.now, 0))
            h.timer.fireNext(h.clock)
        }
        XCTAssertEqual(h.player.frame?.step, 1)
        let kept = try XCTUnwrap(try h.app.journal?.checkpoint())
        XCTAssertGreaterThan(kept.savedAtMs, first, "taken again at the new step")
        let (_, again) = h.relaunch()
        try again.resumeKept()
        XCTAssertEqual(again.frame?.step, 1)
    }

    func testExtendAddsTheCoresStep() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "de", painBefore: nil)
        let before = try XCTUnwrap(h.player.frame?.timedMs)
        h.player.extend()
        XCTAssertEqual(h.player.frame?.timedMs, before + numbers(lang: "de").extendMs)
        XCTAssertEqual(h.player.numbers.extendLabel, numbers(lang: "de").extendLabel)
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
            XCTAssertEqual(ErrorReport(error, lang: "es").text,
                           errorMessage(error: .UnknownRoutine(id: "no-such-routine"), lang: "es"))
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
        XCTAssertNil(try h.app.journal?.checkpoint(), "a closed session is not offered again")
    }

    func testRedrawFollowsTheClock() async throws {
        let h = Harness()
        try h.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        h.clock.now += 1_234
        h.player.redraw()
        XCTAssertEqual(h.player.frame?.positionMs, 1_234)
        XCTAssertEqual(h.player.phase?.remaining, h.player.frame?.segmentRemainingMs.map { countdownText(ms: $0) })
    }

    func testThePhaseIsNamedByTheCore() async throws {
        let h = Harness()
        try h.player.begin(id: "box-breathing", lang: "es", painBefore: nil)
        let phase = try XCTUnwrap(h.player.phase)
        XCTAssertEqual(phase.kindName, segmentKindName(kind: phase.kind, lang: "es"))
        XCTAssertEqual(phase.sideName, phase.side.map { sideName(side: $0, lang: "es") })
    }
}
