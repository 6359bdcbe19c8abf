import XCTest
import UnknotApp
import UnknotCore

/// An audio engine that records what is scheduled; the test plays it by
/// moving the play head, which calls `played` for every piece that ended.
@MainActor
final class FakeEngine: AudioEngineOutput {
    enum Piece: Equatable {
        case buffer(AudioBufferID, at: Int64, frames: Int64)
        case silence(at: Int64, frames: Int64)
        var at: Int64 { switch self { case .buffer(_, let a, _), .silence(let a, _): return a } }
        var end: Int64 {
            switch self { case .buffer(_, let a, let f), .silence(let a, let f): return a + f }
        }
    }
    let sampleRate: Double = 8_000
    private(set) var currentSample: Int64 = 0
    private(set) var log: [Piece] = []
    private var pending: [(Piece, @MainActor @Sendable () -> Void)] = []
    private(set) var starts = 0
    private(set) var stops = 0
    /// What has played, in order.
    private(set) var played: [Piece] = []
    /// Whether the engine runs (started and not stopped since).
    private(set) var running = false
    var refuse = false
    struct Refused: Error {}

    func start() throws {
        if refuse { throw Refused() }
        starts += 1
        running = true
    }
    func schedule(_ buffer: AudioBufferID, atSample: Int64, frames: Int64,
                  played: @escaping @MainActor @Sendable () -> Void) {
        add(.buffer(buffer, at: atSample, frames: frames), played)
    }
    func scheduleSilence(atSample: Int64, frames: Int64, played: @escaping @MainActor @Sendable () -> Void) {
        add(.silence(at: atSample, frames: frames), played)
    }
    private func add(_ p: Piece, _ played: @escaping @MainActor @Sendable () -> Void) {
        log.append(p)
        pending.append((p, played))
    }
    func stopAll() {
        stops += 1
        pending = []
        running = false
    }
    /// Plays up to `sample`, calling `played` for each piece that ends by then.
    func play(to sample: Int64) {
        while let first = pending.first, first.0.end <= sample {
            pending.removeFirst()
            played.append(first.0)
            currentSample = first.0.end
            first.1()
        }
        currentSample = sample
    }
    var buffers: [(id: Int, at: Int64, frames: Int64)] {
        log.compactMap { if case .buffer(let id, let a, let f) = $0 { return (id.raw, a, f) } else { return nil } }
    }
    var idle: Bool { pending.isEmpty }
}

/// Renders each cue to a buffer of 10 samples per character of its text
/// (ids count up); with `hold`, rendering finishes when the test says.
@MainActor
final class FakeRenderer: CueRenderer {
    private(set) var rendered: [String] = []
    private(set) var discarded: [Int] = []
    var hold = false
    private var waiting: [(Int, Int64, @MainActor @Sendable (RenderedCue?) -> Void)] = []
    private var nextId = 0
    func render(_ cue: UpcomingCue, lang: String, sampleRate: Double,
                done: @escaping @MainActor @Sendable (RenderedCue?) -> Void) {
        nextId += 1
        rendered.append(cue.text)
        let frames = Int64(cue.text.count * 10)
        if hold { waiting.append((nextId, frames, done)) } else {
            done(RenderedCue(buffer: AudioBufferID(nextId), frames: frames))
        }
    }
    func release() {
        let w = waiting
        waiting = []
        for (id, frames, done) in w { done(RenderedCue(buffer: AudioBufferID(id), frames: frames)) }
    }
    func discard(_ buffer: AudioBufferID) { discarded.append(buffer.raw) }
}

/// What the core would say is coming: the test sets the cues after each
/// command; it gives those due within the window.
@MainActor
final class FakeLookahead: CueLookahead {
    var cues: [UpcomingCue] = []
    private(set) var asked: [(Int64, Int64)] = []
    func upcoming(nowMs: Int64, withinMs: Int64) -> [UpcomingCue] {
        asked.append((nowMs, withinMs))
        return cues.filter { $0.dueMs <= nowMs + withinMs }
    }
}

/// What the stream reported: cue sounding on/off, drained.
@MainActor
final class StreamEvents {
    var ducks: [Bool] = []
    var drained = 0
    func attach(to stream: GuidanceStream) {
        stream.onCueSounding = { [unowned self] in self.ducks.append($0) }
        stream.onDrained = { [unowned self] in self.drained += 1 }
    }
}

@MainActor
final class GuidanceStreamTests: XCTestCase, @unchecked Sendable {
    var clock: ManualClock!
    var engine: FakeEngine!
    var renderer: FakeRenderer!
    var look: FakeLookahead!
    var stream: GuidanceStream!
    var events: StreamEvents!
    var ducks: [Bool] { events.ducks }
    var drained: Int { events.drained }

    override func setUp() async throws {
        clock = ManualClock(10_000)
        engine = FakeEngine()
        renderer = FakeRenderer()
        look = FakeLookahead()
        stream = GuidanceStream(engine: engine, renderer: renderer, clock: clock, lang: "en")
        stream.lookahead = look
        let events = StreamEvents()
        self.events = events
        events.attach(to: stream)
    }

    func cue(_ ms: Int64, _ text: String, _ kind: CueKind = .segment) -> UpcomingCue {
        UpcomingCue(dueMs: ms, kind: kind, text: text)
    }

    /// Moves the clock and the play head together (8 samples a millisecond
    /// from the anchor `base`).
    func advance(to ms: Int64, base: Int64 = 10_000, sampleBase: Int64 = 0) {
        clock.now = ms
        engine.play(to: sampleBase + (ms - base) * 8)
    }

    /// Every piece starts where the one before ended, from `from` on.
    func assertContiguous(from: Int64 = 0, file: StaticString = #filePath, line: UInt = #line) {
        var at = from
        let first = engine.log.lastIndex { $0.at == from } ?? 0
        for p in engine.log[first...] {
            XCTAssertEqual(p.at, at, "gap or overlap at \(p)", file: file, line: line)
            at = p.end
        }
    }

    func testStartPlacesCuesAtTheirSampleTimesWithSilenceBetween() async throws {
        look.cues = [cue(15_000, "Hold"), cue(22_000, "Halfway", .halfway)]
        try stream.reschedule(immediate: [cue(10_000, "Begin")])
        XCTAssertEqual(engine.starts, 1)
        XCTAssertEqual(renderer.rendered, ["Begin", "Hold", "Halfway"])
        XCTAssertEqual(engine.buffers.map(\.at), [0])       // the rest only 2 s ahead
        for ms in stride(from: Int64(10_500), through: 30_000, by: 500) { advance(to: ms) }
        XCTAssertEqual(engine.buffers.map(\.id), [1, 2, 3])
        XCTAssertEqual(engine.buffers.map(\.at), [0, 40_000, 96_000])
        XCTAssertEqual(engine.buffers.map(\.frames), [50, 40, 70])
        assertContiguous()
        // Never more than the lead ahead of what has played.
        XCTAssertLessThanOrEqual(engine.log.last!.end, 20_000 * 8 + 2_000 * 8)
        XCTAssertEqual(ducks, [true, false, true, false, true, false])
        XCTAssertEqual(renderer.discarded, [1, 2, 3])
    }

    func testPauseStopsTheStreamAndResumePlacesWhatComesFromNow() async throws {
        look.cues = [cue(15_000, "Hold")]
        try stream.reschedule(immediate: [cue(10_000, "Begin")])
        advance(to: 13_000)
        stream.stop()
        XCTAssertFalse(stream.isPlaying)
        XCTAssertEqual(engine.stops, 1)
        XCTAssertTrue(engine.buffers.allSatisfy { $0.id == 1 })
        let before = engine.log.count
        advance(to: 20_000)
        XCTAssertEqual(engine.log.count, before)              // nothing while paused
        // Resumed at 20 s: the core now says "Hold" is due 2 s later.
        look.cues = [cue(22_000, "Hold")]
        let sample = engine.currentSample
        try stream.reschedule()
        for ms in stride(from: Int64(20_500), through: 25_000, by: 500) {
            advance(to: ms, base: 20_000, sampleBase: sample)
        }
        XCTAssertEqual(engine.buffers.last!.at, sample + 2_000 * 8)
        XCTAssertEqual(engine.buffers.last!.id, 3)            // rendered again after the reschedule
        assertContiguous(from: sample)
    }

    func testNextDropsWhatWasComingAndPlaysTheNewStepAtOnce() async throws {
        look.cues = [cue(40_000, "Switch sides")]
        try stream.reschedule(immediate: [cue(10_000, "Step one")])
        advance(to: 12_000)
        look.cues = [cue(20_000, "Halfway", .halfway)]
        let sample = engine.currentSample
        try stream.reschedule(immediate: [cue(12_000, "Step two")])
        XCTAssertEqual(engine.stops, 1)
        XCTAssertEqual(engine.buffers.last!.at, sample)
        for ms in stride(from: Int64(12_500), through: 45_000, by: 500) {
            advance(to: ms, base: 12_000, sampleBase: sample)
        }
        let texts = engine.buffers.map(\.id).map { renderer.rendered[$0 - 1] }
        XCTAssertEqual(texts, ["Step one", "Step two", "Halfway"])   // "Switch sides" is gone
        XCTAssertEqual(engine.buffers.last!.at, sample + 8_000 * 8)
        assertContiguous(from: sample)
    }

    func testExtendMovesTheNextCueLater() async throws {
        look.cues = [cue(20_000, "Next")]
        try stream.reschedule(immediate: [cue(10_000, "Go")])
        advance(to: 11_000)
        look.cues = [cue(35_000, "Next")]                    // 15 s added
        let sample = engine.currentSample
        try stream.reschedule()
        for ms in stride(from: Int64(11_500), through: 40_000, by: 500) {
            advance(to: ms, base: 11_000, sampleBase: sample)
        }
        XCTAssertEqual(engine.buffers.map(\.at), [0, sample + 24_000 * 8])
        assertContiguous(from: sample)
    }

    func testRestartPlaysTheSameCuesAgain() async throws {
        look.cues = [cue(13_000, "Hold")]
        try stream.reschedule(immediate: [cue(10_000, "Press")])
        advance(to: 14_000)
        XCTAssertEqual(engine.buffers.count, 2)
        // The step restarts at 14 s: the same texts come again, later.
        look.cues = [cue(17_000, "Hold")]
        let sample = engine.currentSample
        try stream.reschedule(immediate: [cue(14_000, "Press")])
        for ms in stride(from: Int64(14_500), through: 18_000, by: 500) {
            advance(to: ms, base: 14_000, sampleBase: sample)
        }
        XCTAssertEqual(engine.buffers.map(\.at), [0, 24_000, sample, sample + 24_000])
        // A cue the core hands out when it falls due is not played twice.
        stream.handOut(cue(17_000, "Hold"))
        XCTAssertEqual(engine.buffers.count, 4)
    }

    func testTheLastCueEndsTheStreamWithoutSilenceAfter() async throws {
        look.cues = [cue(12_000, "Well done", .finished)]
        try stream.reschedule(immediate: [cue(10_000, "Last step")])
        for ms in stride(from: Int64(10_500), through: 16_000, by: 500) { advance(to: ms) }
        let last = engine.log.last!
        XCTAssertEqual(last, .buffer(AudioBufferID(2), at: 2_000 * 8, frames: 90))
        XCTAssertEqual(drained, 1)
        XCTAssertFalse(stream.isPlaying)
        XCTAssertTrue(engine.idle)
        XCTAssertEqual(ducks.last, false)
    }

    func testFinishAtAWaitPlaysOutTheCueAndStops() async throws {
        try stream.reschedule(immediate: [cue(10_000, "Tap when done")])
        stream.finish()
        let count = engine.log.count
        advance(to: 10_500)
        XCTAssertEqual(engine.log.first, .buffer(AudioBufferID(1), at: 0, frames: 130))
        XCTAssertEqual(engine.log.count, count)               // nothing more after finish()
        XCTAssertEqual(drained, 1)
        XCTAssertEqual(engine.stops, 1)                       // the silence after it is dropped
        XCTAssertFalse(stream.isPlaying)
    }

    func testACueRenderedLateSoundsWhenReadyAndTheNextOnTime() async throws {
        renderer.hold = true
        look.cues = [cue(11_000, "One"), cue(14_000, "Two")]
        try stream.reschedule()
        for ms in stride(from: Int64(10_100), through: 11_300, by: 100) { advance(to: ms) }
        XCTAssertTrue(engine.buffers.isEmpty)                // still silence, never stopped
        renderer.release()
        for ms in stride(from: Int64(11_400), through: 15_000, by: 100) { advance(to: ms) }
        XCTAssertEqual(engine.buffers.map(\.id), [1, 2])
        XCTAssertGreaterThan(engine.buffers[0].at, 1_000 * 8)
        XCTAssertEqual(engine.buffers[1].at, 4_000 * 8)
        assertContiguous()
    }

    func testACueThatRunsIntoTheNextIsCutAtItsTime() async throws {
        look.cues = [cue(10_002, "Two")]
        try stream.reschedule(immediate: [cue(10_000, "A long first cue")])
        advance(to: 10_100)
        XCTAssertEqual(engine.buffers.map(\.frames), [16, 30])   // 2 ms = 16 samples
        XCTAssertEqual(renderer.discarded.first, 1)
    }
}
