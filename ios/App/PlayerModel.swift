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
final class CuePlayer: CueSink {
    private let synthesizer = AVSpeechSynthesizer()
    private let voice: AVSpeechSynthesisVoice?
    private let segmentKind: (Int32) -> SegmentKind?
    private let impact = UIImpactFeedbackGenerator(style: .medium)
    private let notify = UINotificationFeedbackGenerator()

    init(lang: String, segmentKind: @escaping (Int32) -> SegmentKind?) {
        voice = AVSpeechSynthesisVoice(language: lang)
        self.segmentKind = segmentKind
    }

    func speak(_ cue: Cue) {
        haptic(cue)
        guard !cue.say.isEmpty else { return }
        // The core hands out only the newest cue of a call to speak, so it
        // replaces whatever is still being said.
        synthesizer.stopSpeaking(at: .immediate)
        let utterance = AVSpeechUtterance(string: cue.say)
        utterance.voice = voice
        synthesizer.speak(utterance)
    }

    func stop() { synthesizer.stopSpeaking(at: .immediate) }

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

/// The running session for SwiftUI. Main thread only.
@Observable
final class PlayerModel {
    /// The language routines are shown and spoken in.
    static var language: String { Locale.current.language.languageCode?.identifier ?? "en" }

    /// How much one tap on "extend" adds (the core has no preferred amount).
    static let extendMs: Int64 = 15_000

    /// Pausing longer than this gives the audio session back to other apps.
    static let releaseAudioAfterPauseSeconds: Double = 60

    /// The latest frame from the core; nil without a session.
    private(set) var frame: Frame?
    /// Details of the routine being played.
    private(set) var routine: RoutineDetails?

    @ObservationIgnored private let clock: SystemClock
    @ObservationIgnored private let scheduler: TimerScheduler
    @ObservationIgnored private var controller: SessionController?
    @ObservationIgnored private var cues: CuePlayer?
    @ObservationIgnored private var audioActive = false
    @ObservationIgnored private var releaseAudio: DispatchWorkItem?

    init() {
        let clock = SystemClock()
        self.clock = clock
        scheduler = TimerScheduler(clock: clock)
    }

    /// Opens the built-in routine `id` and starts it. Throws the core's `UnknotError`.
    func begin(id: String, lang: String) throws {
        close()
        let details = try builtinRoutine(id: id, lang: lang)
        let player = try Player.fromBuiltin(id: id, lang: lang)
        let sink = CuePlayer(lang: lang) { segment in
            details.segments.indices.contains(Int(segment)) ? details.segments[Int(segment)].kind : nil
        }
        let controller = SessionController(player: player, clock: clock, scheduler: scheduler, cueSink: sink)
        scheduler.onFire = { [weak controller] in controller?.wake() }
        controller.addFrameListener { [weak self] frame in self?.onFrame(frame) }
        routine = details
        cues = sink   // the controller holds the sink weakly
        self.controller = controller
        activateAudio()
        controller.start()
    }

    func pause() { controller?.pause() }
    func resume() { controller?.resume() }
    func next() { controller?.next() }
    func previous() { controller?.previous() }
    func extend() { controller?.extend(ms: Self.extendMs) }
    func proceed() { controller?.proceed() }
    func stop() { controller?.stop() }
    /// A fresh frame for the screen (hands out any cue that fell due).
    func refresh() { controller?.wake() }

    /// Ends and forgets the session.
    func close() {
        scheduler.cancel()
        cues?.stop()
        controller = nil
        cues = nil
        routine = nil
        frame = nil
        deactivateAudio()
    }

    private func onFrame(_ frame: Frame) {
        self.frame = frame
        switch frame.status {
        case .running, .waiting:
            releaseAudio?.cancel()
            releaseAudio = nil
            activateAudio()
        case .paused:
            if releaseAudio == nil {
                let work = DispatchWorkItem { [weak self] in self?.deactivateAudio() }
                releaseAudio = work
                DispatchQueue.main.asyncAfter(deadline: 
                    .now() + Self.releaseAudioAfterPauseSeconds, execute: work)
            }
        case .finished, .stopped:
            // Let the final cue finish before handing the audio back.
            DispatchQueue.main.asyncAfter(deadline: .now() + 3) { [weak self] in
                guard let self, self.frame?.status != .running else { return }
                self.deactivateAudio()
            }
        case .ready:
            break
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
        releaseAudio?.cancel()
        releaseAudio = nil
        guard audioActive else { return }
        try? AVAudioSession.sharedInstance().setActive(false, options: [.notifyOthersOnDeactivation])
        audioActive = false
    }
}
