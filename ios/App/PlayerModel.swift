// The app's adapter over the package's `SessionController`: it supplies
// the platform services (monotonic clock, one timer, speech, haptics, the
// audio session) and publishes the core's latest frame to SwiftUI. It
// decides nothing: timing, cues and the end of a session come from the core.

import AVFoundation
import Foundation
import Observation
import UIKit
import UnknotCore

/// Monotonic milliseconds that keep counting while the device sleeps.
final class SystemClock: MonotonicClock {
    func nowMs() -> Int64 {
        Int64(clock_gettime_nsec_np(CLOCK_MONOTONIC_RAW) / 1_000_000)
    }
}

/// One pending wake-up on a main-queue `DispatchSourceTimer`.
final class TimerScheduler: WakeScheduler {
    private let clock: MonotonicClock
    private var timer: DispatchSourceTimer?
    /// Called on the main queue when the wake-up fires.
    var onFire: () -> Void = {}

    init(clock: MonotonicClock) { self.clock = clock }

    func schedule(atMs: Int64) {
        cancel()
        let delay = max(atMs - clock.nowMs(), 0)
        let t = DispatchSource.makeTimerSource(queue: .main)
        t.schedule(deadline: .now() + .milliseconds(Int(delay)), leeway: .milliseconds(5))
        t.setEventHandler { [weak self] in self?.onFire() }
        t.resume()
        timer = t
    }

    func cancel() {
        timer?.cancel()
        timer = nil
    }
}

/// Speaks the cues the core marks to be spoken and plays a haptic pattern
/// per segment kind.
final class CuePlayer: NSObject, CueSink, AVSpeechSynthesizerDelegate {
    private let synthesizer = AVSpeechSynthesizer()
    private let voice: AVSpeechSynthesisVoice?
    private let segmentKind: (Int32) -> SegmentKind?
    private let impact = UIImpactFeedbackGenerator(style: .medium)
    private let notify = UINotificationFeedbackGenerator()
    /// Called on the main queue before a cue is spoken.
    var willSpeak: () -> Void = {}
    /// Called on the main queue when nothing is left to say.
    var didFallSilent: () -> Void = {}

    init(lang: String, segmentKind: @escaping (Int32) -> SegmentKind?) {
        voice = AVSpeechSynthesisVoice(language: lang)
        self.segmentKind = segmentKind
        super.init()
        synthesizer.delegate = self
    }

    /// Whether speech is playing or queued.
    var isSpeaking: Bool { synthesizer.isSpeaking }

    func speak(_ cue: Cue) {
        haptic(cue)
        guard !cue.say.isEmpty else { return }
        willSpeak()
        // The core hands out only the newest cue of a call to speak, so it
        // replaces whatever is still being said.
        synthesizer.stopSpeaking(at: .immediate)
        let utterance = AVSpeechUtterance(string: cue.say)
        utterance.voice = voice
        synthesizer.speak(utterance)
    }

    func stop() { synthesizer.stopSpeaking(at: .immediate) }

    func speechSynthesizer(_ synthesizer: AVSpeechSynthesizer, didFinish utterance: AVSpeechUtterance) {
        settle()
    }

    func speechSynthesizer(_ synthesizer: AVSpeechSynthesizer, didCancel utterance: AVSpeechUtterance) {
        settle()
    }

    // A cancelled utterance may have been replaced by a newer one already.
    private func settle() {
        DispatchQueue.main.async { [weak self] in
            guard let self, !self.synthesizer.isSpeaking else { return }
            self.didFallSilent()
        }
    }

    private func haptic(_ cue: Cue) {
        switch cue.kind {
        case .finished:
            notify.notificationOccurred(.success)
        case .halfway, .countdown:
            UIImpactFeedbackGenerator(style: .light).impactOccurred()
        case .segment:
            switch segmentKind(cue.segment) {
            case .inhale: pulses([0.3, 0.6, 1.0], gap: 0.09)   // growing
            case .exhale: pulses([1.0, 0.6, 0.3], gap: 0.09)   // fading
            case .switch: pulses([1.0, 1.0], gap: 0.16)        // two even knocks
            default: impact.impactOccurred()
            }
        }
    }

    private func pulses(_ intensities: [CGFloat], gap: Double) {
        for (i, intensity) in intensities.enumerated() {
            DispatchQueue.main.asyncAfter(deadline: .now() + gap * Double(i)) { [impact] in
                impact.impactOccurred(intensity: intensity)
            }
        }
    }
}

/// A saved session the library offers to resume, with its routine's title.
struct ResumeOffer: Equatable {
    /// What was saved.
    let saved: SavedSession
    /// The routine's title (its id when the routine cannot be opened).
    let title: String
}

/// What the journal entry of the open session is built from, besides the
/// core's last frame: gathered by the app around the session.
struct SessionDraft {
    /// The routine played.
    let routineId: String
    /// Its title as shown.
    let routineTitle: String
    /// The program it is played for, if any.
    let programId: String?
    /// Wall-clock start, UTC milliseconds.
    let startMs: Int64
    /// The phone's UTC offset at the start.
    let utcOffsetMin: Int32
    /// Pain 0–10 before the session; nil when skipped.
    let painBefore: Int32?
    /// "Too much" taps: where in the routine each one was.
    var discomfort: [DiscomfortMark] = []
}

/// The running session for SwiftUI. Main thread only.
@Observable
final class PlayerModel {
    /// The language routines are shown and spoken in.
    static var language: String { Locale.current.language.languageCode?.identifier ?? "en" }

    /// How much one tap on "extend" adds (the core has no preferred amount).
    static let extendMs: Int64 = 15_000

    /// The latest frame from the core; nil without a session.
    private(set) var frame: Frame?
    /// Details of the routine being played.
    private(set) var routine: RoutineDetails?
    /// A session saved unfinished by an earlier run, while no session is open.
    private(set) var resumable: ResumeOffer?
    /// The journal entry being gathered for the open session.
    private(set) var draft: SessionDraft?

    @ObservationIgnored private let clock: SystemClock
    @ObservationIgnored private let scheduler: TimerScheduler
    @ObservationIgnored private var controller: SessionController?
    @ObservationIgnored private var cues: CuePlayer?
    @ObservationIgnored private var lang: String?
    @ObservationIgnored private var audioActive = false

    init() {
        let clock = SystemClock()
        self.clock = clock
        scheduler = TimerScheduler(clock: clock)
        if let saved = SavedSession.load() {
            let title = (try? builtinRoutine(id: saved.routineId, lang: saved.lang))?.title ?? saved.routineId
            resumable = ResumeOffer(saved: saved, title: title)
        }
    }

    /// Opens the built-in routine `id` and starts it; it replaces any saved
    /// session. `painBefore` (0–10, nil when skipped) goes into the journal
    /// entry. Throws the core's `UnknotError`.
    func begin(id: String, lang: String, painBefore: Int32?) throws {
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
    func beginProgram(programJson: String, programId: String, routineId: String, week: Int32,
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
        let now = Date()
        return SessionDraft(routineId: details.id, routineTitle: details.title, programId: programId,
                            startMs: wallMs(now), utcOffsetMin: utcOffsetMin(now), painBefore: painBefore)
    }

    /// Marks "too much" at the current frame's step and position.
    func markDiscomfort() {
        guard let f = frame, draft != nil else { return }
        draft?.discomfort.append(DiscomfortMark(step: f.step, positionMs: f.positionMs))
    }

    /// The journal entry of the session that just ended (core status
    /// finished or stopped), nil while it runs or without a session.
    func entry(painAfter: Int32?, pressure: PressureFeedback?) -> SessionEntry? {
        guard let f = frame, let d = draft, f.status == .finished || f.status == .stopped else { return nil }
        guard let summary = controller?.summary() else { return nil }
        let finished = f.status == .finished
        let endMs = max(wallMs(), d.startMs)
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

    /// Brings back a saved session where the core says it is now (a running
    /// session ran on meanwhile; after a restart of the device it comes back
    /// paused). Throws the core's `UnknotError` (e.g. `BadSnapshot`); the
    /// saved file is then forgotten.
    func restore(_ saved: SavedSession) throws {
        defer { resumable = nil }
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
            SavedSession.clear()
            throw error
        }
        // Hands out what fell due while the app was away and arms the wake-up.
        controller?.refresh()
    }

    /// Forgets the saved session without resuming it.
    func discardSaved() {
        SavedSession.clear()
        resumable = nil
    }

    // Closes any session, then opens the controller `make` builds with the
    // model's clock, scheduler and a new cue player for `lang`.
    private func openSession(
        details: RoutineDetails, lang: String,
        make: (MonotonicClock, WakeScheduler, CuePlayer) throws -> SessionController
    ) throws {
        close()
        let sink = CuePlayer(lang: lang) { segment in
            details.segments.indices.contains(Int(segment)) ? details.segments[Int(segment)].kind : nil
        }
        let controller = try make(clock, scheduler, sink)
        sink.willSpeak = { [weak self] in self?.activateAudio() }
        sink.didFallSilent = { [weak self] in
            guard let self, self.frame?.status != .running else { return }
            self.deactivateAudio()
        }
        // The timer fires on the main queue, outside the controller's lock.
        scheduler.onFire = { [weak controller] in controller?.wake() }
        routine = details
        cues = sink   // the controller holds the sink weakly
        self.lang = lang
        self.controller = controller
        controller.addFrameListener { [weak self] frame in self?.onFrame(frame) }
    }

    /// Pauses the session and saves it, so it can be resumed after the app is gone.
    func pause() {
        controller?.pause()
        save()
    }
    func resume() { controller?.resume() }
    func next() { controller?.next() }
    func previous() { controller?.previous() }
    func extend() { controller?.extend(ms: Self.extendMs) }
    func proceed() { controller?.proceed() }
    func stop() { controller?.stop() }
    /// A fresh frame for the screen (hands out any cue that fell due).
    func refresh() { controller?.refresh() }
    /// A fresh frame for a screen redrawing while the session runs (the
    /// core's light pulse; the whole frame only when the step or segment changes).
    func redraw() { controller?.redraw() }

    /// Saves the session's snapshot with the routine id and language while
    /// the core reports it unfinished (running, paused or waiting); once it
    /// is over the saved file is forgotten instead.
    ///
    /// A program session is not saved: `SessionController.restore` takes a
    /// `RoutineSource`, and the routine as grown for the week has no
    /// built-in id (the journal's checkpoint would keep it; not wired yet).
    func save() {
        guard let controller, let lang, let id = routine?.id, draft?.programId == nil else { return }
        switch controller.frame.status {
        case .running, .paused, .waiting:
            SavedSession(routineId: id, lang: lang, snapshot: controller.snapshot()).save()
        case .ready, .finished, .stopped:
            SavedSession.clear()
        }
    }

    /// Ends and forgets the session and its saved copy.
    func close() {
        if controller != nil { SavedSession.clear() }
        controller?.close()
        scheduler.onFire = {}
        cues?.stop()
        controller = nil
        cues = nil
        routine = nil
        lang = nil
        frame = nil
        draft = nil
        deactivateAudio()
    }

    // The audio session is active while the core says the session runs,
    // and while a cue is being spoken.
    private func onFrame(_ frame: Frame) {
        self.frame = frame
        switch frame.status {
        case .running:
            activateAudio()
        case .finished, .stopped:
            SavedSession.clear()
            fallthrough
        case .ready, .paused, .waiting:
            if !(cues?.isSpeaking ?? false) { deactivateAudio() }
        }
    }

    private func activateAudio() {
        guard !audioActive else { return }
        let session = AVAudioSession.sharedInstance()
        do {
            try session.setCategory(.playback, mode: .spokenAudio, options: [.duckOthers])
            try session.setActive(true)
            audioActive = true
        } catch {
            audioActive = false
        }
    }

    private func deactivateAudio() {
        guard audioActive else { return }
        try? AVAudioSession.sharedInstance().setActive(false, options: [.notifyOthersOnDeactivation])
        audioActive = false
    }
}
