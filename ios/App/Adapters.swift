// The package's platform protocols over Apple's frameworks, each as thin
// as it can be, all on the main actor; and the observable wrapper SwiftUI
// views watch the package's models through. No logic: what is said, when,
// and which haptic pattern is played are decided in the package and the core.

import AVFoundation
import Combine
import SwiftUI
import UIKit
import UnknotApp
import UnknotCore

/// Monotonic milliseconds that keep counting while the device sleeps
/// (the time line passed to the core).
final class SystemClock: MonotonicClock, Sendable {
    func nowMs() -> Int64 { Int64(clock_gettime_nsec_np(CLOCK_MONOTONIC_RAW) / 1_000_000) }
}

/// One pending wake-up on a main-queue timer with a wall-time deadline, so
/// it counts through sleep like `SystemClock`.
@MainActor
final class DispatchWakeTimer: WakeTimer {
    private let clock: MonotonicClock
    private var timer: DispatchSourceTimer?

    init(clock: MonotonicClock) { self.clock = clock }

    func schedule(atMs: Int64, fire: @escaping @MainActor @Sendable () -> Void) {
        cancel()
        let delay = max(atMs - clock.nowMs(), 0)
        let t = DispatchSource.makeTimerSource(queue: .main)
        t.schedule(wallDeadline: .now() + .milliseconds(Int(delay)), leeway: .milliseconds(5))
        t.setEventHandler { MainActor.assumeIsolated { fire() } }
        t.resume()
        timer = t
    }

    func cancel() {
        timer?.cancel()
        timer = nil
    }
}

/// Speech through `AVSpeechSynthesizer`.
@MainActor
final class SystemSpeech: NSObject, SpeechOutput {
    private let synthesizer = AVSpeechSynthesizer()
    var onSilent: (@MainActor () -> Void)?

    override init() {
        super.init()
        synthesizer.delegate = self
    }

    var isSpeaking: Bool { synthesizer.isSpeaking }

    func say(_ text: String, lang: String, dueMs: Int64) {
        synthesizer.stopSpeaking(at: .immediate)
        let utterance = AVSpeechUtterance(string: text)
        utterance.voice = AVSpeechSynthesisVoice(language: lang)
        synthesizer.speak(utterance)
    }

    func stop() { synthesizer.stopSpeaking(at: .immediate) }

    // A cancelled utterance may have been replaced by a newer one already.
    fileprivate func settle() {
        guard !synthesizer.isSpeaking else { return }
        onSilent?()
    }
}

extension SystemSpeech: AVSpeechSynthesizerDelegate {
    nonisolated func speechSynthesizer(_ synthesizer: AVSpeechSynthesizer, didFinish utterance: AVSpeechUtterance) {
        Task { @MainActor in self.settle() }
    }

    nonisolated func speechSynthesizer(_ synthesizer: AVSpeechSynthesizer, didCancel utterance: AVSpeechUtterance) {
        Task { @MainActor in self.settle() }
    }
}

/// Haptic patterns through the feedback generators.
@MainActor
final class SystemHaptics: Haptics {
    private let impact = UIImpactFeedbackGenerator(style: .medium)
    private let notify = UINotificationFeedbackGenerator()

    func play(_ pattern: HapticPattern) {
        if pattern == .success {
            notify.notificationOccurred(.success)
            return
        }
        for pulse in pattern.pulses {
            DispatchQueue.main.asyncAfter(deadline: .now() + pulse.afterS) { [impact] in
                MainActor.assumeIsolated { impact.impactOccurred(intensity: CGFloat(pulse.intensity)) }
            }
        }
    }
}

/// The shared `AVAudioSession` for spoken guidance that ducks other apps.
@MainActor
final class SpokenAudioSession: AudioSession {
    func activate() throws {
        let session = AVAudioSession.sharedInstance()
        try session.setCategory(.playback, mode: .spokenAudio, options: [.duckOthers])
        try session.setActive(true)
    }

    func deactivate() {
        try? AVAudioSession.sharedInstance().setActive(false, options: [.notifyOthersOnDeactivation])
    }
}

/// The idle timer and the brightness of the foreground scene's screen.
@MainActor
final class SystemScreen: ScreenControl {
    private let screen: UIScreen?

    /// The foreground scene's screen, or nil when there is none.
    static func current() -> SystemScreen? {
        let scene = UIApplication.shared.connectedScenes
            .compactMap { $0 as? UIWindowScene }
            .first { $0.activationState == .foregroundActive }
        return scene.map { SystemScreen(screen: $0.screen) }
    }

    private init(screen: UIScreen) { self.screen = screen }

    var brightness: Double {
        get { Double(screen?.brightness ?? 1) }
        set { screen?.brightness = CGFloat(newValue) }
    }

    var idleTimerDisabled: Bool {
        get { UIApplication.shared.isIdleTimerDisabled }
        set { UIApplication.shared.isIdleTimerDisabled = newValue }
    }
}

/// A package model as an `ObservableObject`: views re-read it whenever it
/// reports a change. Reads go straight to the model.
@MainActor
@dynamicMemberLookup
final class Observed<Model: ChangeReporting>: ObservableObject {
    let model: Model

    init(_ model: Model) {
        self.model = model
        model.onChange = { [weak self] in self?.objectWillChange.send() }
    }

    subscript<T>(dynamicMember keyPath: KeyPath<Model, T>) -> T { model[keyPath: keyPath] }

    /// A binding to a settable property of the model.
    func binding<T>(_ keyPath: ReferenceWritableKeyPath<Model, T>) -> Binding<T> {
        Binding(get: { self.model[keyPath: keyPath] }, set: { self.model[keyPath: keyPath] = $0 })
    }
}

/// The app's language for routines, programs and speech.
var appLanguage: String { Locale.current.language.languageCode?.identifier ?? "en" }

/// The app's Application Support folder.
var appFolder: URL { FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0] }
