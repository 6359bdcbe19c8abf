// The running session for the app's player screen: it opens the core's
// `Player` through `SessionController`, passes on what the core says to
// sound to the session's audio (SessionAudio.swift), keeps the single
// wake-up on the timer, and records the
// session through the core: the start with the pain rating before, "too
// much" taps and the journal entry are the core's `Player` recording, and
// an unfinished session is kept in the journal's checkpoint (program
// sessions included) to resume after the app is gone. It decides nothing:
// timing, cues, the end of a session and what is recorded come from the core.

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
    /// The journal sessions are recorded and checkpointed in (nil when it
    /// could not be opened: nothing is checkpointed then).
    public let journal: Journal?
    /// The audio engine, cue style, vibration and Now Playing (SessionAudio.swift);
    /// without them cues are spoken directly.
    public var guidance: GuidanceServices?

    public init(clock: MonotonicClock, wallClock: WallClock, timer: WakeTimer, speech: SpeechOutput,
                haptics: Haptics, audio: AudioSession, journal: Journal?) {
        self.clock = clock
        self.wallClock = wallClock
        self.timer = timer
        self.speech = speech
        self.haptics = haptics
        self.audio = audio
        self.journal = journal
    }
}

/// A session the journal kept unfinished (the app was left or ended while
/// it ran), offered to resume while no session is open.
public struct ResumeOffer: Equatable {
    /// The core's checkpoint: routine, title, program, start, pain before.
    public let checkpoint: CheckpointRecord
    /// The routine's title in the session's language.
    public var title: String { checkpoint.routineTitle }
    /// Whether the session was over already (resuming it asks for the
    /// rating after and records it).
    public var isOver: Bool { checkpoint.over }
}

/// The controller's wake-ups on the app's `WakeTimer`: when it fires, the
/// controller asks the core what fell due.
@MainActor
final class TimerBridge {
    private let timer: WakeTimer
    weak var controller: SessionController?
    /// Called after each wake-up, once the controller's call returned.
    var woke: (@MainActor () -> Void)?

    init(timer: WakeTimer) { self.timer = timer }

    func arm(_ atMs: Int64) {
        timer.schedule(atMs: atMs) { [weak self] in
            // Fired by the timer, outside the controller's lock.
            self?.controller?.wake()
            self?.woke?()
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

    /// The latest frame from the core; nil without a session.
    public private(set) var frame: Frame?
    /// Details of the routine being played.
    public private(set) var routine: RoutineDetails?
    /// A session the journal kept unfinished, while no session is open.
    public private(set) var resumable: ResumeOffer?
    /// Whether the audio session is active (guidance may sound).
    public var audioActive: Bool { guidance?.audioActive ?? false }

    let services: PlayerServices
    private var controller: SessionController?
    var guidance: SessionAudio?
    private var bridge: TimerBridge?
    /// The session's language.
    private(set) var lang: String?
    /// The step of the last checkpoint, so a new step is checkpointed once.
    private var checkpointedStep: Int32?
    /// A frame brought a new step or the end: checkpoint after the call.
    private var checkpointDue = false

    /// A player with no session; a session the journal kept unfinished by
    /// an earlier run is offered in `resumable`.
    public init(services: PlayerServices) {
        self.services = services
        services.speech.onSilent = { [weak self] in self?.fellSilent() }
        if let c = try? services.journal?.checkpoint() {
            resumable = ResumeOffer(checkpoint: c)
        }
    }

    /// The routine's segment kind shown now (nil without a session).
    public var phase: PhaseDisplay? { frame.map { PhaseDisplay($0, lang: lang ?? "en") } }

    /// What the core's recording of the open session holds so far (program
    /// and week, start, pain before, the "too much" taps that counted).
    public var recording: SessionRecording? { controller?.recording() }

    /// How many "too much" taps the core counted in this session.
    public var discomfortCount: Int { recording?.tooMuch.count ?? 0 }

    /// Whether the session is over (finished or stopped) and waits for the end form.
    public var isOver: Bool { frame.map { $0.status == .finished || $0.status == .stopped } ?? false }

    /// Whether the open session was begun with a start the journal can
    /// record (and is not recorded yet): the end form asks for the rating after.
    public var canRecord: Bool {
        guard let r = recording else { return false }
        return r.startedAtMs != nil && r.recordedId == nil
    }

    /// The core's extend step, its label and the pain scale, in the session's language.
    public var numbers: Numbers { UnknotCore.numbers(lang: lang ?? "en") }

    /// Opens the built-in routine `id` and begins it with `painBefore`
    /// (nil when skipped); it replaces any kept session. Throws the core's
    /// `UnknotError` (an unknown routine; a rating off the scale: nothing starts).
    public func begin(id: String, lang: String, painBefore: Int32?) throws {
        try openSession(lang: lang) { try Player(source: .builtin(id: id), lang: lang) }
        try beginOpened(painBefore: painBefore)
    }

    /// Opens routine `routineId` of a home program as the core grows it for
    /// program week `week` and begins it; the core records it under the
    /// program and week. Throws the core's `UnknotError` (`InvalidProgram`,
    /// `NotInProgram`, a rating off the scale).
    public func beginProgram(programJson: String, routineId: String, week: Int32,
                             lang: String, painBefore: Int32?) throws {
        try openSession(lang: lang) {
            try Player.fromProgram(programJson: programJson, routineId: routineId, week: week, lang: lang)
        }
        try beginOpened(painBefore: painBefore)
    }

    private func beginOpened(painBefore: Int32?) throws {
        guard let controller else { return }
        do {
            try controller.begin(SessionStart(wallMs: nowWallMs, utcOffsetMin: nowOffsetMin, painBefore: painBefore))
        } catch {
            close()
            throw error
        }
        checkpoint()
    }

    private var nowWallMs: Int64 { wallMs(services.wallClock.now()) }
    private var nowOffsetMin: Int32 {
        let now = services.wallClock.now()
        return utcOffsetMin(now, services.wallClock.timeZone)
    }

    /// "Too much" at the moment playing now; the core says whether it counts.
    public func markDiscomfort() {
        guard let controller else { return }
        controller.markTooMuch()
        checkpoint()
        onChange?()
    }

    /// The journal entry the core makes of the session that just ended
    /// (finished or stopped); nil while it runs or without a session.
    public func entry(painAfter: Int32?, pressure: PressureFeedback?, note: String? = nil) -> SessionEntry? {
        guard isOver, let controller else { return nil }
        return try? controller.entry(SessionReport(painAfter: painAfter, pressure: pressure, note: note),
                                     wallMs: nowWallMs, utcOffsetMin: nowOffsetMin)
    }

    /// Records the ended session in `app`'s journal through the core (which
    /// removes its checkpoint) and closes it. Throws the core's
    /// `UnknotError` (`InvalidSession`); the session stays open then, so
    /// nothing is lost.
    public func finish(painAfter: Int32?, pressure: PressureFeedback?, note: String? = nil, into app: AppData) throws {
        guard isOver, let controller else { return }
        guard let journal = app.journal else { throw app.journalError ?? ErrorReport(UnknotError.JournalFailed(reason: "")) }
        _ = try controller.record(into: journal, SessionReport(painAfter: painAfter, pressure: pressure, note: note),
                                  wallMs: nowWallMs, utcOffsetMin: nowOffsetMin)
        app.sessionRecorded()
        close()
    }

    /// Brings back the session the journal kept, where the core says it is
    /// now (paused where it was, with its start, program and pain before).
    /// Throws the core's `UnknotError` (e.g. `BadSnapshot`); the checkpoint
    /// is then forgotten.
    public func resumeKept() throws {
        guard let journal = services.journal, let offer = resumable else { return }
        defer {
            resumable = nil
            onChange?()
        }
        do {
            // Nil when the checkpoint went away meanwhile: nothing to open.
            guard let player = try journal.resume(nowMs: services.clock.nowMs()) else { return }
            try openSession(lang: offer.checkpoint.lang, keepCheckpoint: true) { player }
        } catch {
            try? journal.clearCheckpoint()
            throw error
        }
        checkpointedStep = frame?.step
        // Hands out what fell due meanwhile and arms the wake-up.
        controller?.refresh()
    }

    /// Records the kept session without resuming it, ended where the core
    /// says it is now (stopped, when it was not over), with no rating
    /// after; the checkpoint goes with it. Nothing is recorded for a
    /// session never begun; a checkpoint the core cannot read is forgotten.
    public func recordKept() {
        guard let journal = services.journal, resumable != nil else { return }
        resumable = nil
        defer { onChange?() }
        let now = services.clock.nowMs()
        guard let player = try? journal.resume(nowMs: now) else {
            try? journal.clearCheckpoint()
            return
        }
        if player.status() != .finished { _ = player.stop(nowMs: now) }
        let report = SessionReport(painAfter: nil, pressure: nil, note: nil)
        if (try? journal.recordSession(player: player, report: report, nowMs: now,
                                       wallMs: nowWallMs, utcOffsetMin: nowOffsetMin)) == nil {
            try? journal.clearCheckpoint()
        }
    }

    /// Forgets the kept session without resuming it.
    public func discardKept() {
        try? services.journal?.clearCheckpoint()
        resumable = nil
        onChange?()
    }

    /// Opens and starts a session over any `PlayerProtocol` (tests count
    /// the calls into the core through it; `details` are passed in so that
    /// opening asks the core for nothing but the first frame). It is not
    /// begun, so nothing is recorded or checkpointed.
    func play(_ player: PlayerProtocol, details: RoutineDetails, lang: String) throws {
        recordKept()
        close()
        open(player, details: details, lang: lang)
        controller?.start()
    }

    // Closes any session, then opens the player `make` builds.
    private func openSession(lang: String, keepCheckpoint: Bool = false, make: () throws -> Player) throws {
        // A new session replaces the checkpoint: a kept one is recorded first.
        if !keepCheckpoint { recordKept() }
        close(keepCheckpoint: keepCheckpoint)
        let player = try make()
        open(player, details: player.details(), lang: lang)
    }

    // Opens `player` with the clock, a timer bridge and new audio for `lang`.
    private func open(_ player: PlayerProtocol, details: RoutineDetails, lang: String) {
        let guidance = SessionAudio(services: services, details: details, lang: lang)
        let bridge = TimerBridge(timer: services.timer)
        bridge.woke = { [weak self] in self?.settle() }
        let controller = SessionController(player: player, clock: services.clock, scheduler: bridge, cueSink: guidance)
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

    /// Pauses the session and checkpoints it, so it can be resumed after the app is gone.
    public func pause() {
        controller?.pause()
        checkpoint()
    }
    // These change what is coming: the guidance is scheduled again from the core.
    public func resume() { guidance?.replanning = true; controller?.resume(); settle() }
    public func next() { guidance?.replanning = true; controller?.next(); settle() }
    public func previous() { guidance?.replanning = true; controller?.previous(); settle() }
    public func restartStep() { guidance?.replanning = true; controller?.restartStep(); settle() }
    /// Lengthens the segment by the core's extend step.
    public func extend() { guidance?.replanning = true; controller?.extend(ms: numbers.extendMs); settle() }
    public func proceed() { guidance?.replanning = true; controller?.proceed(); settle() }
    public func stop() { controller?.stop(); settle() }
    /// A fresh frame (hands out any cue that fell due); the app calls it
    /// when it comes back to the foreground.
    public func refresh() { controller?.refresh(); settle() }
    /// A fresh frame for a screen redrawing while the session runs (the
    /// core's light pulse; the whole frame only when the step or segment changes).
    public func redraw() {
        guard let controller else { return }
        let f = controller.redraw()
        if f != frame {
            frame = f
            onChange?()
        }
        settle()
    }

    /// Takes the checkpoint a frame asked for, once the controller's call
    /// has returned (frames arrive while it holds its lock).
    private func settle() {
        guard checkpointDue else { return }
        checkpointDue = false
        checkpoint()
    }

    /// Saves the session in the journal's checkpoint; the core removes it
    /// instead when there is nothing to resume (not started, or recorded).
    /// Called on a start, a pause, a new step, a "too much" tap and the
    /// end, and by the app when it goes to the background.
    public func checkpoint() {
        guard let controller, let journal = services.journal else { return }
        _ = try? controller.checkpoint(into: journal, wallMs: nowWallMs, utcOffsetMin: nowOffsetMin)
        checkpointedStep = controller.frame.step
    }

    /// Ends and forgets the session and its checkpoint.
    public func close() { close(keepCheckpoint: false) }

    private func close(keepCheckpoint: Bool) {
        if controller != nil, !keepCheckpoint { try? services.journal?.clearCheckpoint() }
        controller?.close()
        guidance?.close()
        controller = nil
        guidance = nil
        bridge = nil
        routine = nil
        lang = nil
        frame = nil
        checkpointedStep = nil
        checkpointDue = false
        onChange?()
    }

    // How the session sounds follows the frame (SessionAudio.swift). A new
    // step and the end are checkpointed, so an app ended meanwhile loses at
    // most one step.
    private func onFrame(_ frame: Frame) {
        let previous = self.frame
        self.frame = frame
        guidance?.follow(frame)
        if let previous, previous.status != .ready,
           frame.step != checkpointedStep || (frame.status != previous.status && isOver) {
            checkpointDue = true
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
    /// What is left of the segment, when it is timed (the core's countdown text).
    public let remaining: String?
    /// The core's name of the segment's kind and of the side, in the session's language.
    public let kindName: String
    public let sideName: String?

    public init(_ f: Frame, lang: String = "en") {
        kindName = segmentKindName(kind: f.kind, lang: lang)
        sideName = f.side.map { UnknotCore.sideName(side: $0, lang: lang) }
        let p = min(max(f.segmentProgress, 0), 1)
        progress = p
        kind = f.kind
        status = f.status
        side = f.side
        rep = f.rep
        cycle = f.cycle
        remaining = f.segmentRemainingMs.map { countdownText(ms: $0) }
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
