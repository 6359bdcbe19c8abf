// A running session's guidance as one continuous audio stream: the cues the
// core says are coming are rendered ahead (speech or tones into buffers) and
// placed on an audio engine at the sample times of their due times, with the
// exact silence between them scheduled too, so the output never stops while
// the session runs. Every command that changes what is coming (start,
// resume, next, previous, extend, restart) reschedules from the core; pause
// and stop end the stream. Nothing here decides when a cue is due or what it
// says: that is the core's lookahead.
//
// Silence is scheduled a little at a time (at most `leadMs` ahead of what
// has played), so when the session ends, pauses or waits for a tap the
// stream stops within that lead instead of running on.

import Foundation
import UnknotCore

/// One cue the core says is coming: when it is due on the monotonic time
/// line passed to the core, what it says and how it sounds (the core's
/// tags, which `cuePlay` turns into what to play for a cue style).
public struct UpcomingCue: Equatable, Sendable {
    public let dueMs: Int64
    public let kind: CueKind
    public let text: String
    public let sounds: [CueSound]
    public let segment: Int32
    public let step: Int32

    public init(dueMs: Int64, kind: CueKind, text: String, sounds: [CueSound] = [],
                segment: Int32 = 0, step: Int32 = 0) {
        self.dueMs = dueMs
        self.kind = kind
        self.text = text
        self.sounds = sounds
        self.segment = segment
        self.step = step
    }

    /// The same cue as the core hands it out when it falls due.
    public init(_ cue: Cue) {
        self.init(dueMs: cue.dueMs, kind: cue.kind, text: cue.say, sounds: cue.sounds,
                  segment: cue.segment, step: cue.step)
    }

    /// The core's record of this cue, as ticking at its due time hands it out.
    public var core: Cue {
        Cue(kind: kind, dueMs: dueMs, atMs: dueMs, segment: segment, step: step, say: text, speak: true,
            sounds: sounds)
    }
}

/// The core's lookahead: the cues not yet handed out that fall due by
/// `nowMs + withinMs`, oldest first, without changing the session (none
/// unless it runs; the list stops at a "tap when done" wait).
@MainActor
public protocol CueLookahead: AnyObject {
    func upcoming(nowMs: Int64, withinMs: Int64) -> [UpcomingCue]
}

/// A rendered buffer held by the renderer and engine (the app keeps the
/// `AVAudioPCMBuffer`s under these ids).
public struct AudioBufferID: Hashable, Sendable {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
}

/// A cue rendered into a buffer of `frames` samples at the engine's rate.
public struct RenderedCue: Equatable, Sendable {
    public let buffer: AudioBufferID
    public let frames: Int64
    public init(buffer: AudioBufferID, frames: Int64) {
        self.buffer = buffer
        self.frames = frames
    }
}

/// Renders cues ahead of time (speech synthesised into buffers, tones).
@MainActor
public protocol CueRenderer: AnyObject {
    /// Renders `cue` in `lang` at `sampleRate`; calls `done` on the main
    /// actor with the buffer, or nil when there is nothing to play.
    func render(_ cue: UpcomingCue, lang: String, sampleRate: Double,
                done: @escaping @MainActor @Sendable (RenderedCue?) -> Void)
    /// The buffer is no longer needed.
    func discard(_ buffer: AudioBufferID)
}

/// One output stream (an audio engine's player node).
@MainActor
public protocol AudioEngineOutput: AnyObject {
    /// Samples per second.
    var sampleRate: Double { get }
    /// The stream's sample time now.
    var currentSample: Int64 { get }
    /// Starts the engine (the audio session is already active). Throws when
    /// the system refuses.
    func start() throws
    /// Plays the first `frames` samples of `buffer` from sample `atSample`;
    /// `played` is called on the main actor once they have played.
    func schedule(_ buffer: AudioBufferID, atSample: Int64, frames: Int64,
                  played: @escaping @MainActor @Sendable () -> Void)
    /// Plays `frames` samples of silence from `atSample`.
    func scheduleSilence(atSample: Int64, frames: Int64, played: @escaping @MainActor @Sendable () -> Void)
    /// Drops everything scheduled and stops the output; no `played` calls
    /// follow for what was dropped.
    func stopAll()
}

/// The stream of one session.
@MainActor
public final class GuidanceStream {
    /// How far ahead cues are asked for and rendered.
    public static let windowMs: Int64 = 30_000
    /// How far ahead of what has played audio is scheduled.
    public static let leadMs: Int64 = 2_000
    /// Longest piece of silence scheduled at once.
    public static let chunkMs: Int64 = 1_000
    /// How long before a cue other apps are lowered (ducking takes a moment
    /// to ramp down): the silence before a cue ends this much before it.
    public static let duckLeadMs: Int64 = 300

    private let engine: AudioEngineOutput
    private let renderer: CueRenderer
    private let clock: MonotonicClock
    private let lang: String
    /// Where the core's cues come from (set when the session opens).
    public weak var lookahead: CueLookahead?
    /// Called with true `duckLeadMs` before a cue sounds and false when it ends:
    /// other apps' sound is lowered only then.
    public var onCueSounding: (@MainActor (Bool) -> Void)?
    /// Called once everything scheduled has played after the stream was
    /// told to end (`finish()` or the core's last cue).
    public var onDrained: (@MainActor () -> Void)?

    private struct Slot {
        let cue: UpcomingCue
        let sample: Int64
        var rendered: RenderedCue?
        var done = false   // rendering finished (with or without a buffer)
    }

    /// Whether the stream runs.
    public private(set) var isPlaying = false
    private var generation = 0
    private var anchorMs: Int64 = 0
    private var anchorSample: Int64 = 0
    private var slots: [Slot] = []
    private var queued: Set<String> = []
    private var scheduledUntil: Int64 = 0
    private var playedUntil: Int64 = 0
    private var lookedUntilMs: Int64 = 0
    private var ending = false
    private var sounding: [(start: Int64, end: Int64)] = []
    private var isSounding = false
    private var lastCueEnd: Int64 = 0
    private var batching = false

    public init(engine: AudioEngineOutput, renderer: CueRenderer, clock: MonotonicClock, lang: String) {
        self.engine = engine
        self.renderer = renderer
        self.clock = clock
        self.lang = lang
    }

    private var rate: Double { engine.sampleRate }

    /// The stream's sample for monotonic time `ms` (since the last reschedule).
    public func sample(atMs ms: Int64) -> Int64 {
        anchorSample + Int64((Double(ms - anchorMs) * rate / 1000).rounded())
    }

    private func samples(ms: Int64) -> Int64 { Int64((Double(ms) * rate / 1000).rounded()) }

    /// Starts the stream again from now: drops what was scheduled and asks
    /// the core what is coming. `immediate` are the cues the command just
    /// handed out (they sound at once). Throws when the engine cannot start.
    public func reschedule(immediate: [UpcomingCue] = []) throws {
        drop()
        try engine.start()
        isPlaying = true
        anchorMs = clock.nowMs()
        anchorSample = engine.currentSample
        scheduledUntil = anchorSample
        playedUntil = anchorSample
        lookedUntilMs = anchorMs
        lastCueEnd = anchorSample
        // Renderers may answer at once: schedule only once all is queued.
        batching = true
        for cue in immediate { enqueue(cue, at: anchorSample) }
        lookAhead()
        batching = false
        pump()
    }

    /// A cue the core handed out when it fell due: already scheduled from
    /// the lookahead it is ignored; otherwise it sounds at once.
    public func handOut(_ cue: UpcomingCue) {
        guard isPlaying, !queued.contains(key(cue)) else { return }
        enqueue(cue, at: max(scheduledUntil, engine.currentSample))
        pump()
    }

    /// Plays out what is scheduled up to the end of the last cue and then
    /// stops (the session waits for a tap or is over): no silence follows.
    public func finish() {
        guard isPlaying else { return }
        ending = true
        pump()
    }

    /// Stops the stream at once (pause, stop, close, an interruption).
    public func stop() {
        drop()
    }

    private func drop() {
        if isPlaying { engine.stopAll() }
        for slot in slots { if let r = slot.rendered { renderer.discard(r.buffer) } }
        slots = []
        queued = []
        sounding = []
        ending = false
        generation += 1
        isPlaying = false
        if isSounding {
            isSounding = false
            onCueSounding?(false)
        }
    }

    private func key(_ cue: UpcomingCue) -> String { "\(cue.dueMs)|\(cue.kind)|\(cue.text)" }

    private func enqueue(_ cue: UpcomingCue, at sample: Int64) {
        let k = key(cue)
        guard !queued.contains(k) else { return }
        queued.insert(k)
        if cue.kind == .finished { ending = true }
        slots.append(Slot(cue: cue, sample: sample))
        let gen = generation
        renderer.render(cue, lang: lang, sampleRate: rate) { [weak self] rendered in
            self?.rendered(k, rendered, generation: gen)
        }
    }

    private func rendered(_ k: String, _ rendered: RenderedCue?, generation gen: Int) {
        guard gen == generation, let i = slots.firstIndex(where: { key($0.cue) == k }) else {
            if let r = rendered { renderer.discard(r.buffer) }
            return
        }
        slots[i].rendered = rendered
        slots[i].done = true
        if !batching { pump() }
    }

    // Asks the core for the cues of the next window once half of it is
    // scheduled.
    private func lookAhead() {
        guard let lookahead, !ending, !batching || lookedUntilMs == anchorMs else { return }
        let now = clock.nowMs()
        guard lookedUntilMs - now < Self.windowMs / 2 || lookedUntilMs == anchorMs else { return }
        for cue in lookahead.upcoming(nowMs: now, withinMs: Self.windowMs) {
            enqueue(cue, at: max(sample(atMs: cue.dueMs), anchorSample))
        }
        lookedUntilMs = now + Self.windowMs
    }

    // Schedules audio until `leadMs` ahead of what has played: the next cue
    // at its sample, silence up to it, silence after the last cue unless the
    // stream ends.
    private func pump() {
        guard isPlaying else { return }
        let lead = samples(ms: Self.leadMs)
        while scheduledUntil < playedUntil + lead {
            if let slot = slots.first, slot.sample <= scheduledUntil {
                guard slot.done else {
                    // Not rendered in time: wait in short silence; it plays late.
                    silence(min(samples(ms: 100), lead))
                    continue
                }
                slots.removeFirst()
                guard let r = slot.rendered else { continue }
                // A cue that runs into the next one's time is cut there.
                let room = slots.first.map { $0.sample - scheduledUntil } ?? r.frames
                let frames = max(min(r.frames, room), 0)
                if frames == 0 {
                    renderer.discard(r.buffer)
                    continue
                }
                let start = scheduledUntil
                scheduledUntil += frames
                sounding.append((start - samples(ms: Self.duckLeadMs), scheduledUntil))
                lastCueEnd = scheduledUntil
                let end = scheduledUntil, gen = generation, buffer = r.buffer
                engine.schedule(buffer, atSample: start, frames: frames) { [weak self] in
                    self?.played(until: end, generation: gen)
                    self?.renderer.discard(buffer)
                }
            } else if let slot = slots.first {
                // A piece of silence ends `duckLeadMs` before the cue, so
                // other apps are lowered by the time it sounds.
                let gap = slot.sample - scheduledUntil, lead = samples(ms: Self.duckLeadMs)
                silence(min(gap > lead ? gap - lead : gap, samples(ms: Self.chunkMs)))
            } else if ending {
                break
            } else {
                silence(samples(ms: Self.chunkMs))
            }
        }
        updateSounding()
        // Silence already scheduled after the last cue is dropped.
        if ending, slots.isEmpty, playedUntil >= lastCueEnd {
            drop()
            onDrained?()
        }
    }

    private func silence(_ frames: Int64) {
        let start = scheduledUntil, gen = generation
        scheduledUntil += frames
        let end = scheduledUntil
        engine.scheduleSilence(atSample: start, frames: frames) { [weak self] in
            self?.played(until: end, generation: gen)
        }
    }

    private func played(until end: Int64, generation gen: Int) {
        guard gen == generation, isPlaying else { return }
        playedUntil = max(playedUntil, end)
        lookAhead()
        pump()
    }

    // A cue sounds from its start until it has played.
    private func updateSounding() {
        sounding.removeAll { $0.end <= playedUntil }
        let now = sounding.first.map { $0.start <= playedUntil } ?? false
        if now != isSounding {
            isSounding = now
            onCueSounding?(now)
        }
    }
}
