import XCTest
@testable import UnknotApp
import UnknotCore

/// Renders speech as 10 samples a character, each holding 1000 + the
/// index of the text in `texts`, so a buffer tells which text it carries
/// (the core's tones stay within -1...1).
@MainActor
final class FakeVoice: SpeechRendering {
    private(set) var texts: [String] = []
    func render(_ text: String, lang: String, sampleRate: Double,
                done: @escaping @MainActor @Sendable ([Float]?) -> Void) {
        texts.append(text)
        done([Float](repeating: Float(1000 + texts.count - 1), count: text.count * 10))
    }
}

@MainActor
final class FakeBuffers: SampleBuffers {
    private(set) var samples: [Int: [Float]] = [:]
    private(set) var discarded: Set<Int> = []
    private var nextId = 0
    func store(_ s: [Float]) -> AudioBufferID? {
        nextId += 1
        samples[nextId] = s
        return AudioBufferID(nextId)
    }
    func discard(_ buffer: AudioBufferID) { discarded.insert(buffer.raw) }
}

@MainActor
final class FakeVibration: Vibration {
    private(set) var patterns: [[Int64]] = []
    func vibrate(onOffMs: [Int64]) { patterns.append(onOffMs) }
}

@MainActor
final class FakeEvents: AudioSessionEvents {
    var onEvent: (@MainActor (AudioSessionEvent) -> Void)?
    func send(_ e: AudioSessionEvent) { onEvent?(e) }
}

@MainActor
final class FakeNowPlaying: NowPlaying {
    private(set) var shown: [NowPlayingInfo?] = []
    func show(_ info: NowPlayingInfo?) { shown.append(info) }
}

/// A player with the guidance stream on fakes: the engine's play head
/// follows the clock while it runs (8 samples a millisecond from where it
/// was started), and wake-ups fire when the clock reaches them.
@MainActor
final class StreamHarness {
    let h = Harness()
    let engine = FakeEngine()
    let buffers = FakeBuffers()
    let voice = FakeVoice()
    let vibration = FakeVibration()
    let events = FakeEvents()
    let nowPlaying = FakeNowPlaying()
    let settings = MemorySettings()
    /// Where the engine was (re)started: clock ms and stream sample.
    private(set) var anchors: [(ms: Int64, sample: Int64)] = []
    private var starts = 0
    private(set) var wakeUps = 0

    init(style: CueStyle = .voice) {
        CueStyleSetting(store: settings).style = style
    }

    var clock: ManualClock { h.clock }
    var audio: FakeAudio { h.audio }

    lazy var services: PlayerServices = {
        var s = h.services
        s.guidance = GuidanceServices(engine: engine, buffers: buffers, voice: voice, vibration: vibration,
                                      events: events, nowPlaying: nowPlaying, settings: settings)
        return s
    }()
    lazy var player = PlayerModel(services: services)

    /// Notes a restart of the engine by the last command.
    func noteStart() {
        if engine.starts != starts {
            starts = engine.starts
            anchors.append((clock.now, engine.currentSample))
        }
    }

    /// Runs the clock to `ms` in steps of `step`, playing the engine and
    /// firing the wake-ups that fall due on the way.
    func run(to ms: Int64, step: Int64 = 50, each: (Int64) -> Void = { _ in }) {
        noteStart()
        while clock.now < ms {
            let t = min(clock.now + step, ms)
            while let at = h.timer.pending, at <= t {
                clock.now = max(clock.now, at)
                play()
                h.timer.fireNext(clock)
                wakeUps += 1
                noteStart()
            }
            clock.now = t
            play()
            each(t)
        }
    }

    private func play() {
        guard engine.running, let a = anchors.last else { return }
        engine.play(to: a.sample + (clock.now - a.ms) * 8)
    }

    /// A command at the clock's time.
    func tap(_ command: (PlayerModel) -> Void) {
        command(player)
        noteStart()
    }

    /// The text a played buffer carries ("" for a tone alone).
    func text(of id: AudioBufferID) -> String {
        guard let last = buffers.samples[id.raw]?.last, last >= 1000 else { return "" }
        return voice.texts[Int(last) - 1000]
    }

    /// Each played buffer: its text and the clock time its first sample played at.
    var playedCues: [(text: String, ms: Int64)] {
        engine.played.compactMap { piece in
            guard case .buffer(let id, let at, _) = piece,
                  let a = anchors.last(where: { $0.sample <= at }) else { return nil }
            return (text(of: id), a.ms + (at - a.sample) / 8)
        }
    }
}

/// The cues a plain core `Player` hands out for the same script, ticked at
/// every wake-up: (text, due time) of each cue marked to be spoken.
func referenceCues(_ id: String, from t0: Int64, script: [(Int64, (Player, Int64) -> Update)],
                   until end: Int64) throws -> [(text: String, ms: Int64)] {
    let p = try Player.fromBuiltin(id: id, lang: "en")
    var out: [(String, Int64)] = []
    func take(_ u: Update) {
        for c in u.cues where c.speak && !c.say.isEmpty { out.append((c.say, c.dueMs)) }
    }
    var frame = p.start(nowMs: t0)
    take(frame)
    for (at, command) in script + [(end, { p, t in p.tick(nowMs: t) })] {
        while let wake = frame.frame.nextWakeMs, wake <= at {
            frame = p.tick(nowMs: wake)
            take(frame)
        }
        frame = command(p, at)
        take(frame)
    }
    return out
}

@MainActor
final class SessionAudioTests: XCTestCase, @unchecked Sendable {
    /// A script of taps and times: every cue sounds on the stream at the
    /// time the core's own player hands it out, the stream runs without a
    /// gap while the session runs and stops while it is paused.
    func testEveryCueOfAScriptOfTapsIsPlacedAtItsTime() async throws {
        let s = StreamHarness()
        let t0 = s.clock.now
        try s.player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        s.noteStart()
        XCTAssertTrue(s.audio.active)
        XCTAssertTrue(s.engine.running)
        s.run(to: t0 + 9_500)
        s.tap { $0.pause() }
        XCTAssertFalse(s.engine.running, "nothing plays while paused")
        XCTAssertFalse(s.audio.active, "the audio session ends with the stream")
        let playedWhilePaused = s.engine.played.count
        s.run(to: t0 + 20_000)
        XCTAssertEqual(s.engine.played.count, playedWhilePaused)
        s.tap { $0.resume() }
        XCTAssertTrue(s.audio.active)
        s.run(to: t0 + 31_000)
        s.tap { $0.extend() }
        s.run(to: t0 + 40_500)
        s.tap { $0.next() }
        s.run(to: t0 + 45_200)
        s.tap { $0.restartStep() }
        s.run(to: t0 + 52_300)
        s.tap { $0.previous() }
        s.run(to: t0 + 400_000)
        XCTAssertEqual(s.player.frame?.status, .finished)

        let expected = try referenceCues("box-breathing", from: t0, script: [
            (t0 + 9_500, { p, t in p.pause(nowMs: t) }),
            (t0 + 20_000, { p, t in p.resume(nowMs: t) }),
            (t0 + 31_000, { p, t in p.extend(nowMs: t, ms: numbers(lang: "en").extendMs) }),
            (t0 + 40_500, { p, t in p.next(nowMs: t) }),
            (t0 + 45_200, { p, t in p.restartStep(nowMs: t) }),
            (t0 + 52_300, { p, t in p.previous(nowMs: t) }),
        ], until: t0 + 400_000)
        let played = s.playedCues
        XCTAssertGreaterThan(expected.count, 12)
        XCTAssertEqual(played.map(\.text), expected.map(\.text))
        XCTAssertEqual(played.map(\.ms), expected.map(\.ms))
        // One stream per run of the session: resume and each command that
        // changes what is coming start it again from the core.
        XCTAssertEqual(s.anchors.count, 6)
        // Within each stream every piece starts where the one before ended.
        for (i, a) in s.anchors.enumerated() {
            let end = i + 1 < s.anchors.count ? s.anchors[i + 1].sample : Int64.max
            var at = a.sample
            for p in s.engine.played where p.at >= a.sample && p.at < end {
                XCTAssertEqual(p.at, at, "gap or overlap at \(p)")
                at = p.end
            }
        }
        // The end: the closing cue plays out, then the stream and the audio session end.
        XCTAssertFalse(s.engine.running)
        XCTAssertFalse(s.audio.active)
        XCTAssertFalse(s.player.audioActive)
    }

    func testOtherAppsAreLoweredOnlyWhileACueSounds() async throws {
        let s = StreamHarness()
        let t0 = s.clock.now
        try s.player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        var lowered: [Bool] = []
        let lead8 = GuidanceStream.duckLeadMs * 8
        var duckedWhileSilent = 0
        s.run(to: t0 + 30_000) { _ in
            // After each step of the clock: lowered exactly while the play
            // head is inside a cue's buffer or the lead before it.
            let head = s.engine.currentSample, lead = GuidanceStream.duckLeadMs * 8
            let inCue = s.engine.log.contains {
                if case .buffer(_, let at, let f) = $0 { return at - lead <= head && head < at + f }
                return false
            }
            let ducked = s.audio.ducks.last ?? false
            if ducked != inCue { duckedWhileSilent += 1 }
            lowered.append(ducked)
        }
        let cues = s.engine.played.filter { if case .buffer = $0 { return true } else { return false } }
        XCTAssertGreaterThan(cues.count, 5)
        // Down at each cue, up after it (and down now if a cue is sounding).
        let sounding = lowered.last == true ? 1 : 0
        XCTAssertEqual(s.audio.ducks.count, 2 * cues.count + sounding)
        XCTAssertEqual(Array(s.audio.ducks.prefix(2 * cues.count)),
                       Array(repeating: [true, false], count: cues.count).flatMap { $0 })
        XCTAssertEqual(duckedWhileSilent, 0)
        // Each lowering starts when the silence before a cue ends, the lead before it.
        let silenceEnds = Set(s.engine.played.compactMap { p -> Int64? in
            if case .silence = p { return p.end } else { return nil }
        })
        for c in cues.dropFirst() { XCTAssertTrue(silenceEnds.contains(c.at - lead8), "\(c)") }
        XCTAssertTrue(lowered.contains(false))
    }

    func testAtATapWhenDoneTheCuePlaysOutAndTheAudioSessionEnds() async throws {
        let s = StreamHarness()
        let details = try builtinRoutine(id: "chest-opener", lang: "en")
        try s.player.begin(id: "chest-opener", lang: "en", painBefore: nil)
        XCTAssertEqual(s.player.frame?.status, .waiting)
        XCTAssertTrue(s.engine.running, "the cue of the wait is heard")
        s.run(to: s.clock.now + 5_000)
        XCTAssertEqual(s.playedCues.map(\.text), [details.segments[0].say])
        XCTAssertFalse(s.engine.running, "nothing plays while the session waits")
        XCTAssertFalse(s.audio.active)
        let at = s.clock.now
        s.tap { $0.proceed() }
        XCTAssertEqual(s.player.frame?.status, .running)
        XCTAssertTrue(s.engine.running)
        XCTAssertTrue(s.audio.active)
        s.run(to: at + 3_000)
        XCTAssertEqual(s.playedCues.count, 2)
        XCTAssertEqual(s.playedCues.last?.text, details.segments[1].say)
        XCTAssertEqual(s.playedCues.last?.ms, at)
    }

    func testAnInterruptionPausesAndTheSessionDoesNotResumeByItself() async throws {
        let s = StreamHarness()
        try s.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        s.run(to: s.clock.now + 4_000)
        s.events.send(.interruptionBegan)
        XCTAssertEqual(s.player.frame?.status, .paused)
        XCTAssertFalse(s.engine.running)
        XCTAssertFalse(s.player.audioActive)
        // Checkpointed where it paused, as by the pause button.
        let kept = try XCTUnwrap(try s.h.app.journal?.resume(nowMs: s.clock.now))
        XCTAssertEqual(kept.frame().positionMs, 4_000, "checkpointed as by the pause button")
        s.run(to: s.clock.now + 60_000)
        s.events.send(.interruptionEnded(shouldResume: true))
        XCTAssertEqual(s.player.frame?.status, .paused, "the person resumes when they want to")
        XCTAssertFalse(s.engine.running)
        s.tap { $0.resume() }
        XCTAssertEqual(s.player.frame?.status, .running)
        XCTAssertTrue(s.engine.running)
        XCTAssertTrue(s.audio.active)
        XCTAssertEqual(s.player.frame?.positionMs, 4_000)
    }

    func testHeadphonesUnpluggedPause() async throws {
        let s = StreamHarness()
        try s.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        s.run(to: s.clock.now + 2_000)
        s.events.send(.outputLost)
        XCTAssertEqual(s.player.frame?.status, .paused)
        XCTAssertFalse(s.engine.running)
        s.events.send(.outputLost)
        XCTAssertEqual(s.player.frame?.status, .paused)
    }

    func testAnEngineResetSchedulesAgainFromTheCore() async throws {
        let s = StreamHarness()
        try s.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        s.run(to: s.clock.now + 2_000)
        let starts = s.engine.starts
        s.events.send(.engineReset)
        XCTAssertEqual(s.engine.starts, starts + 1)
        XCTAssertEqual(s.player.frame?.status, .running)
        XCTAssertTrue(s.engine.running)
    }

    func testTonesAreTheCoresSamplesOnTheSameStream() async throws {
        let s = StreamHarness(style: .tones)
        try s.player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        let p = try Player.fromBuiltin(id: "box-breathing", lang: "en")
        let first = try XCTUnwrap(p.start(nowMs: 0).cues.last)
        s.run(to: s.clock.now + 20_000)
        XCTAssertTrue(s.voice.texts.isEmpty, "no speech in the tones style")
        let firstBuffer = try XCTUnwrap(s.engine.played.first { if case .buffer = $0 { return true }; return false })
        guard case .buffer(let id, _, _) = firstBuffer else { return XCTFail() }
        let tone = try XCTUnwrap(cuePlay(cue: first, style: .tones).tone)
        let samples = renderTone(tone: tone, sampleRate: 8_000).map { Float($0) / 32_768 }
        XCTAssertEqual(s.buffers.samples[id.raw], samples)
        XCTAssertGreaterThan(s.engine.played.filter { if case .buffer = $0 { return true }; return false }.count, 4)
    }

    func testVoiceCuesBeginWithTheCoresChimeAtANewStep() async throws {
        let s = StreamHarness()
        try s.player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        let p = try Player.fromBuiltin(id: "box-breathing", lang: "en")
        let first = try XCTUnwrap(p.start(nowMs: 0).cues.last)
        let chime = renderTone(tone: try XCTUnwrap(cuePlay(cue: first, style: .voice).tone), sampleRate: 8_000)
        let buffer = try XCTUnwrap(s.buffers.samples[1])
        XCTAssertEqual(Array(buffer.prefix(chime.count)), chime.map { Float($0) / 32_768 })
        XCTAssertEqual(s.voice.texts.first, first.say)
        XCTAssertEqual(buffer.count, chime.count + first.say.count * 10)
    }

    func testVibrationOnlyGivesTheCoresPatternsWithoutAudio() async throws {
        let s = StreamHarness(style: .vibration)
        let t0 = s.clock.now
        try s.player.begin(id: "box-breathing", lang: "en", painBefore: nil)
        s.run(to: t0 + 20_000)
        let p = try Player.fromBuiltin(id: "box-breathing", lang: "en")
        var expected: [[Int64]] = []
        var u = p.start(nowMs: t0)
        while true {
            for c in u.cues where c.speak { expected.append(cuePlay(cue: c, style: .vibration).vibrationMs) }
            guard let w = u.frame.nextWakeMs, w <= t0 + 20_000 else { break }
            u = p.tick(nowMs: w)
        }
        XCTAssertEqual(s.vibration.patterns, expected.filter { !$0.isEmpty })
        XCTAssertGreaterThan(s.vibration.patterns.count, 4)
        XCTAssertEqual(s.engine.starts, 0)
        XCTAssertEqual(s.audio.activations, 0, "no audio session: nothing is heard")
        XCTAssertTrue(s.h.speech.said.isEmpty)
        XCTAssertTrue(s.h.haptics.played.isEmpty)
    }

    func testAnEngineThatCannotStartFallsBackToDirectSpeech() async throws {
        let s = StreamHarness()
        s.engine.refuse = true
        try s.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        XCTAssertEqual(s.player.frame?.status, .running)
        XCTAssertEqual(s.h.speech.said.count, 1, "the first cue is spoken at once")
        s.run(to: s.clock.now + 60_000)
        XCTAssertGreaterThan(s.h.speech.said.count, 1)
        XCTAssertTrue(s.audio.active)
    }

    func testNowPlayingFollowsTheFramesAndIsClearedAtTheEnd() async throws {
        let s = StreamHarness()
        try s.player.begin(id: "calf-release", lang: "en", painBefore: nil)
        XCTAssertEqual(s.nowPlaying.shown.last??.rate, 1)
        s.run(to: s.clock.now + 30_000)
        let shows = s.nowPlaying.shown.count
        XCTAssertLessThanOrEqual(shows, s.wakeUps + 3, "only at wake-ups and commands")
        XCTAssertEqual(s.nowPlaying.shown.last!, s.player.nowPlaying)
        s.tap { $0.pause() }
        XCTAssertEqual(s.nowPlaying.shown.last??.rate, 0)
        XCTAssertTrue(s.player.handle(.toggle))
        XCTAssertEqual(s.nowPlaying.shown.last??.rate, 1)
        s.player.close()
        XCTAssertEqual(s.nowPlaying.shown.last!, nil)
        XCTAssertFalse(s.audio.active)
        XCTAssertFalse(s.engine.running)
    }

    func testTheCueStyleIsKeptAndAnUnknownValueReadsAsVoice() async throws {
        let store = MemorySettings()
        let setting = CueStyleSetting(store: store)
        XCTAssertEqual(setting.style, .voice, "the default")
        var changes = 0
        setting.onChange = { changes += 1 }
        setting.style = .tones
        XCTAssertEqual(changes, 1)
        XCTAssertEqual(CueStyleSetting(store: store).style, .tones)
        setting.style = .vibration
        XCTAssertEqual(CueStyleSetting(store: store).style, .vibration)
        store.values["cueStyle"] = 9
        XCTAssertEqual(CueStyleSetting(store: store).style, .voice)
        XCTAssertEqual(CueStyleSetting.choices, [.voice, .tones, .vibration])
    }

    func testThePlayerKeepsTheScreenOnWhileShown() async throws {
        let screen = FakeScreen()
        let hold = IdleTimerHold { screen }
        hold.hold()
        XCTAssertTrue(screen.idleTimerDisabled)
        hold.hold()
        hold.release()
        XCTAssertFalse(screen.idleTimerDisabled, "what it found is put back")
        screen.idleTimerDisabled = true
        hold.hold()
        hold.release()
        XCTAssertTrue(screen.idleTimerDisabled, "kept off for whoever turned it off")
        let none = IdleTimerHold { nil }
        none.hold()
        XCTAssertFalse(none.held)
    }
}
