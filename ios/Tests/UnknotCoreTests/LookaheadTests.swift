import XCTest
import UnknotCore

/// The core's lookahead and cue styles, through the generated Swift bindings.
final class LookaheadTests: XCTestCase {
    func testUpcomingCuesAreWhatTheWakeUpsHandOut() throws {
        let clock = FakeClock(1_000)
        let scheduler = FakeScheduler()
        let player = try makePlayer("box-breathing", lang: "en")
        let c = SessionController(player: player, clock: clock, scheduler: scheduler, cueSink: RecordingSink())
        XCTAssertTrue(player.upcoming(nowMs: clock.now, withinMs: 60_000).isEmpty)
        c.start()
        let before = player.snapshot()
        let coming = player.upcoming(nowMs: clock.now, withinMs: 20_000)
        XCTAssertEqual(player.snapshot(), before, "upcoming changes nothing")
        XCTAssertEqual(coming.count, 6)
        XCTAssertEqual(coming[3].sounds, [.step, .breatheIn])
        XCTAssertEqual(coming[3].say, "Begin. Breathe in")
        for cue in coming {
            XCTAssertEqual(scheduler.pending, cue.dueMs)
            clock.now = cue.dueMs
            XCTAssertEqual(c.wake().cues, [cue])
        }
        let f = c.frame
        XCTAssertEqual(f.breathFrom, 1.0)
        XCTAssertEqual(f.breathTo, 0.0)
        XCTAssertEqual(f.segmentStartedMs, 19_000)
        c.pause()
        XCTAssertTrue(player.upcoming(nowMs: clock.now, withinMs: 60_000).isEmpty)
    }

    func testEachStylePlaysWhatTheCoreSays() throws {
        let p = try makePlayer("box-breathing", lang: "en")
        p.start(nowMs: 0)
        let cue = try XCTUnwrap(p.upcoming(nowMs: 0, withinMs: 10_000).last)
        let voice = cuePlay(cue: cue, style: .voice)
        XCTAssertEqual(voice.speech, "Begin. Breathe in")
        XCTAssertEqual(voice.tone, cueSoundTone(sound: .step))
        let tones = cuePlay(cue: cue, style: .tones)
        XCTAssertNil(tones.speech)
        XCTAssertEqual(tones.tone?.notes.count, 3)
        XCTAssertEqual(cuePlay(cue: cue, style: .vibration).vibrationMs, [500, 150, 500, 150, 350])
        XCTAssertEqual(renderTone(tone: cueSoundTone(sound: .hold), sampleRate: 16_000).count, 300 * 16)
        XCTAssertEqual(cueStyleFromName(name: "tones"), .tones)
        XCTAssertNil(cueStyleFromName(name: "beeps"))
    }
}
