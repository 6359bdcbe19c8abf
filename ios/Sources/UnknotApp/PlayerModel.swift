// The running session for the app's player screen: it opens the core's
// `Player` through `SessionController`, passes on what the core says to
// speak (speech and haptics), keeps the single wake-up on the timer, holds
// the audio session active while guidance may sound, gathers the journal
// entry around the session ("too much" marks, pain before and after) and
// saves a paused session to resume after the app is gone. It decides
// nothing: timing, cues and the end of a session come from the core.

import Foundation
import UnknotCore

/// The platform services a session needs.
@MainActor
public struct PlayerServices {
    public let clock: MonotonicClock
    public let wallClock: WallClock
    public let timer: WakeTimer
    public let speech: SpeechOutput
    public let haptics: Haptics
    public let audio: AudioSession
    public let saved: SavedSessionStore
    /// The audio engine, cue style, vibration and Now Playing (SessionAudio.swift);
    /// without them cues are spoken directly.
    public var guidance: GuidanceServices?

    public init(clock: MonotonicClock, wallClock: WallClock, timer: WakeTimer, speech: SpeechOutput,
                haptics: Haptics, audio: AudioSession, saved: SavedSessionStore) {
        self.clock = clock
        self.wallClock = wallClock
        self.timer = timer
        self.speech = speech
        self.haptics = haptics
        self.audio = audio
        self.saved = saved
    }
}

/// A saved session the library offers to resume, with its routine's title.
public struct ResumeOffer: Equatable, Sendable {
    /// What was saved.
    public let saved: SavedSession
    /// The routine's title (its id when the routine cannot be opened).
    public let title: String
}

/// What the journal entry of the open session is built from, besides the
/// core's last frame and summary: gathered around the session.
public struct SessionDraft: Equatable {
    /// The routine played.
    public let routineId: String
    /// Its title as shown.
    public let routineTitle: String
    /// The program it is played for, if any.
    public let programId: String?
    /// Wall-clock start, UTC milliseconds.
    public let startMs: Int64
    /// The phone's UTC offset at the start.
    public let utcOffsetMin: Int32
    /// Pain 0–10 before the session; nil when skipped.
    public let painBefore: Int32?
    /// "Too much" taps: where in the routine each one was.
    public var discomfort: [DiscomfortMark] = []
}

/// The controller's wake-ups on the app's `WakeTimer`: when it fires, the
/// controller asks the core what fell due.
@MainActor
final class TimerBridge {
    private let timer: WakeTimer
    weak var controller: SessionController?

    init(timer: WakeTimer) { self.timer = timer }

    func arm(_ atMs: Int64) {
        timer.schedule(atMs: atMs) { [weak self] in
            // Fired by the timer, outside the controller's lock.
            self?.controller?.wake()
        }
    }

    func disarm() { timer.cancel() }
}

extension TimerBridge: @preconcurrency WakeScheduler {
    func schedule(atMs: Int64) { arm(atMs) }
    func cancel() { disarm() }
}

/// The running session.
@MainActor
public final class PlayerModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?

    /// How much one tap on "extend" adds (the core has no preferred amount).
    public static let extendMs: Int64 = 15_000

    /// The latest frame from the core; nil without a session.
    public private(set) var frame: Frame?
    /// Details of the routine being played.
    public private(set) var routine: RoutineDetails?
    /// A session saved unfinished by an earlier run, while no session is open.
    public private(set) var resumable: ResumeOffer?
    /// The journal entry being gathered for the open session.
    public private(set) var draft: SessionDraft?
    /// Whether the audio session is active (guidance may sound).
    public var audioActive: Bool { guidance?.audioActive ?? false }

    let services: PlayerServices
    private var controller: SessionController?
    var guidance: SessionAudio?
    private var bridge: TimerBridge?
    private var lang: String?

    /// A player with no session; a session saved by an earlier run is
    /// offered in `resumable`.
    public init(services: PlayerServices) {
        self.services = services
        services.speech.onSilent = { [weak self] in self?.fellSilent() }
        if let saved = services.saved.load() {
            let title = (try? builtinRoutine(id: saved.routineId, lang: saved.lang))?.title ?? saved.routineId
            resumable = ResumeOffer(saved: saved, title: title)
        }
    }

    /// The routine's segment kind shown now (nil without a session).
    public var phase: PhaseDisplay? { frame.map(PhaseDisplay.init) }

    /// How many times "too much" was tapped in this session.
    public var discomfortCount: Int { draft?.discomfort.count ?? 0 }

    /// Whether the session is over (finished or stopped) and waits for the end form.
    public var isOver: Bool { frame.map { $0.status == .finished || $0.status == .stopped } ?? false }

    /// Opens the built-in routine `id` and starts it; it replaces any saved
    /// session. `painBefore` (0–10, nil when skipped) goes into the journal
    /// entry. Throws the core's `UnknotError`.
    public func begin(id: String, lang: String, painBefore: Int32?) throws {
        let details = try builtinRoutine(id: id, lang: lang)
        try openSession(details: details, lang: lang) { clock, scheduler, sink in
            try SessionController.create(source: .builtin(id: id), lang: lang,
                                         clock: clock, scheduler: scheduler, cueSink: sink)
        }
        draft = newDraft(details, programId: nil, painBefore: painBefore)
        discardSaved()
        controller?.start()
    }

    /// Opens routine `routineId` of a home program as the core grows it for
    /// program week `week`, and starts it; recorded under `programId`.
    /// Throws the core's `UnknotError` (`InvalidProgram`, `NotInProgram`).
    public func beginProgram(programJson: String, programId: String, routineId: String, week: Int32,
                             lang: String, painBefore: Int32?) throws {
        let details = try programRoutineForWeek(programJson: programJson, routineId: routineId,
                                                week: week, lang: lang)
        try openSession(details: details, lang: lang) { clock, scheduler, sink in
            SessionController(player: try Player.fromProgram(programJson: programJson, routineId: routineId,
                                                             week: week, lang: lang),
                              clock: clock, scheduler: scheduler, cueSink: sink)
        }
        draft = newDraft(details, programId: programId, painBefore: painBefore)
        discardSaved()
        controller?.start()
    }

    private func newDraft(_ details: RoutineDetails, programId: String?, painBefore: Int32?) -> SessionDraft {
        let now = services.wallClock.now()
        return SessionDraft(routineId: details.id, routineTitle: details.title, programId: programId,
                            startMs: wallMs(now), utcOffsetMin: utcOffsetMin(now, services.wallClock.timeZone),
                            painBefore: painBefore)
    }

    /// Marks "too much" at the current frame's step and position.
    public func markDiscomfort() {
        guard let f = frame, draft != nil else { return }
        draft?.discomfort.append(DiscomfortMark(step: f.step, positionMs: f.positionMs))
        onChange?()
    }

    /// The journal entry of the session that just ended (core status
    /// finished or stopped), nil while it runs or without a session.
    public func entry(painAfter: Int32?, pressure: PressureFeedback?) -> SessionEntry? {
        guard let f = frame, let d = draft, f.status == .finished || f.status == .stopped else { return nil }
        guard let summary = controller?.summary() else { return nil }
        let finished = f.status == .finished
        let endMs = max(wallMs(services.wallClock.now()), d.startMs)
        // Active time and steps completed or skipped are the core's figures.
        // Only the part after a resume counts when the app was restarted, so
        // it is kept within the wall-clock span the entry covers.
        return SessionEntry(
            routineId: d.routineId, routineTitle: d.routineTitle, programId: d.programId,
            startMs: d.startMs, endMs: endMs, utcOffsetMin: d.utcOffsetMin,
            activeMs: min(summary.activeMs, endMs - d.startMs),
            outcome: finished ? .completed : .stopped,
            stepsCompleted: summary.stepsCompleted,
            stepsSkipped: summary.stepsSkipped,
            painBefore: d.painBefore, painAfter: painAfter, pressure: pressure,
            discomfort: d.discomfort, note: nil)
    }

    /// Records the ended session's entry in `app`'s journal and closes the
    /// session. Throws the core's `UnknotError` (`InvalidSession`); the
    /// session stays open then, so nothing is lost.
    public func finish(painAfter: Int32?, pressure: PressureFeedback?, into app: AppData) throws {
        guard let entry = entry(painAfter: painAfter, pressure: pressure) else { return }
        try app.record(entry)
        close()
    }

    /// Brings back a saved session where the core says it is now (a running
    /// session ran on meanwhile; after a restart of the device it comes back
    /// paused). Throws the core's `UnknotError` (e.g. `BadSnapshot`); the
    /// saved file is then forgotten.
    public func restore(_ saved: SavedSession) throws {
        defer {
            resumable = nil
            onChange?()
        }
        do {
            let details = try builtinRoutine(id: saved.routineId, lang: saved.lang)
            try openSession(details: details, lang: saved.lang) { clock, scheduler, sink in
                try SessionController.restore(source: .builtin(id: saved.routineId), lang: saved.lang,
                                              snapshot: saved.snapshot,
                                              clock: clock, scheduler: scheduler, cueSink: sink)
            }
            // The start before the app went away is not saved: the entry
            // starts here, without a pain rating before.
            draft = newDraft(details, programId: nil, painBefore: nil)
        } catch {
            services.saved.clear()
            throw error
        }
        // Hands out what fell due while the app was away and arms the wake-up.
        controller?.refresh()
    }

    /// Forgets the saved session without resuming it.
    public func discardSaved() {
        services.saved.clear()
        resumable = nil
        onChange?()
    }

    /// Opens and starts a session over any `PlayerProtocol` (tests count
    /// the calls into the core through it).
    func play(_ player: PlayerProtocol, details: RoutineDetails, lang: String) throws {
        try openSession(details: details, lang: lang) { clock, scheduler, sink in
            SessionController(player: player, clock: clock, scheduler: scheduler, cueSink: sink)
        }
        controller?.start()
    }

    // Closes any session, then opens the controller `make` builds with the
    // clock, a timer bridge and new guidance for `lang`.
    private func openSession(
        details: RoutineDetails, lang: String,
        make: (MonotonicClock, WakeScheduler, CueSink) throws -> SessionController
    ) throws {
        close()
        let guidance = SessionAudio(services: services, details: details, lang: lang)
        let bridge = TimerBridge(timer: services.timer)
        let controller = try make(services.clock, bridge, guidance)
        bridge.controller = controller
        guidance.attach(controller)
        guidance.onPause = { [weak self] in self?.pause() }
        routine = details
        self.guidance = guidance   // the controller holds the sink weakly
        self.bridge = bridge
        self.lang = lang
        self.controller = controller
        controller.addFrameListener { [weak self] frame in
            MainActor.assumeIsolated { self?.onFrame(frame) }
        }
    }

    /// Pauses the session and saves it, so it can be resumed after the app is gone.
    public func pause() {
        controller?.pause()
        save()
    }
    // These change what is coming: the guidance is scheduled again from the core.
    public func resume() { guidance?.replanning = true; controller?.resume() }
    public func next() { guidance?.replanning = true; controller?.next() }
    public func previous() { guidance?.replanning = true; controller?.previous() }
    public func restartStep() { guidance?.replanning = true; controller?.restartStep() }
    public func extend() { guidance?.replanning = true; controller?.extend(ms: Self.extendMs) }
    public func proceed() { guidance?.replanning = true; controller?.proceed() }
    public func stop() { controller?.stop() }
    /// A fresh frame (hands out any cue that fell due); the app calls it
    /// when it comes back to the foreground.
    public func refresh() { controller?.refresh() }
    /// A fresh frame for a screen redrawing while the session runs (the
    /// core's light pulse; the whole frame only when the step or segment changes).
    public func redraw() {
        guard let controller else { return }
        let f = controller.redraw()
        if f != frame {
            frame = f
            onChange?()
        }
    }

    /// Saves the session's snapshot with the routine id and language while
    /// the core reports it unfinished (running, paused or waiting); once it
    /// is over the saved file is forgotten instead. The app calls it when
    /// it goes to the background.
    ///
    /// A program session is not saved: `SessionController.restore` takes a
    /// `RoutineSource`, and the routine as grown for the week has no
    /// built-in id.
    public func save() {
        guard let controller, let lang, let id = routine?.id, draft?.programId == nil else { return }
        switch controller.frame.status {
        case .running, .paused, .waiting:
            services.saved.save(SavedSession(routineId: id, lang: lang, snapshot: controller.snapshot()))
        case .ready, .finished, .stopped:
            services.saved.clear()
        }
    }

    /// Ends and forgets the session and its saved copy.
    public func close() {
        if controller != nil { services.saved.clear() }
        controller?.close()
        guidance?.close()
        controller = nil
        guidance = nil
        bridge = nil
        routine = nil
        lang = nil
        frame = nil
        draft = nil
        onChange?()
    }

    // How the session sounds follows the frame (SessionAudio.swift).
    private func onFrame(_ frame: Frame) {
        self.frame = frame
        guidance?.follow(frame)
        switch frame.status {
        case .finished, .stopped:
            services.saved.clear()
        case .ready, .running, .paused, .waiting:
            break
        }
        onChange?()
    }

    private func fellSilent() {
        guidance?.fellSilent()
        onChange?()
    }
}

/// What the player's phase circle shows, from the frame: how full the
/// breathing circle is or how far round the ring, and the details under it.
public struct PhaseDisplay: Equatable {
    public enum Shape: Equatable, Sendable {
        /// A breathing circle scaled to `fill` (0 empty … 1 full).
        case breath(fill: Double)
        /// A ring drawn round to `progress` (0 … 1).
        case ring(progress: Double)
    }

    public let shape: Shape
    /// The segment's progress, 0 … 1.
    public let progress: Double
    /// The frame's kind and status, to name the phase.
    public let kind: SegmentKind
    public let status: Status
    public let side: Side?
    public let rep: Int32?
    public let cycle: Int32?
    /// What is left of the segment, when it is timed.
    public let remaining: String?

    public init(_ f: Frame) {
        let p = min(max(f.segmentProgress, 0), 1)
        progress = p
        kind = f.kind
        status = f.status
        side = f.side
        rep = f.rep
        cycle = f.cycle
        remaining = f.segmentRemainingMs.map(clockText)
        switch f.kind {
        case .inhale: shape = .breath(fill: p)
        case .exhale: shape = .breath(fill: 1 - p)
        case .holdIn: shape = .breath(fill: 1)
        case .holdOut: shape = .breath(fill: 0)
        default: shape = .ring(progress: p)
        }
    }

    /// The breathing circle's scale: from 0.35 empty to 1 full.
    public var circleScale: Double {
        if case .breath(let fill) = shape { return 0.35 + 0.65 * fill }
        return 1
    }

    /// The progress as whole percent, for VoiceOver.
    public var percent: Int { Int(progress * 100) }
}
