// The package's platform protocols over Apple's frameworks, each as thin
// as it can be, all on the main actor; and the observable wrapper SwiftUI
// views watch the package's models through. No logic: what is said, when,
// and which haptic pattern is played are decided in the package and the core.

import AVFoundation
import CoreHaptics
import MediaPlayer
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

/// The shared `AVAudioSession` for spoken guidance: mixed with other apps'
/// sound, which is lowered only while a cue sounds; and the system's
/// interruption, route-change and reset notifications as `AudioSessionEvent`s.
@MainActor
final class SpokenAudioSession: AudioSession, AudioSessionEvents {
    var onEvent: (@MainActor (AudioSessionEvent) -> Void)?
    private var observers: [NSObjectProtocol] = []

    init() {
        let center = NotificationCenter.default
        let session = AVAudioSession.sharedInstance()
        func on(_ name: Notification.Name, _ object: AnyObject?,
                _ event: @escaping @Sendable (Notification) -> AudioSessionEvent?) {
            observers.append(center.addObserver(forName: name, object: object, queue: .main) { n in
                let e = event(n)
                MainActor.assumeIsolated { if let e { self.onEvent?(e) } }
            })
        }
        on(AVAudioSession.interruptionNotification, session) { n in
            let raw = n.userInfo?[AVAudioSessionInterruptionTypeKey] as? UInt ?? 0
            switch AVAudioSession.InterruptionType(rawValue: raw) {
            case .began?: return .interruptionBegan
            case .ended?:
                let options = n.userInfo?[AVAudioSessionInterruptionOptionKey] as? UInt ?? 0
                return .interruptionEnded(shouldResume: AVAudioSession.InterruptionOptions(rawValue: options)
                    .contains(.shouldResume))
            default: return nil
            }
        }
        on(AVAudioSession.routeChangeNotification, session) { n in
            let raw = n.userInfo?[AVAudioSessionRouteChangeReasonKey] as? UInt ?? 0
            return AVAudioSession.RouteChangeReason(rawValue: raw) == .oldDeviceUnavailable ? .outputLost : nil
        }
        on(AVAudioSession.mediaServicesWereResetNotification, session) { _ in .engineReset }
        on(.AVAudioEngineConfigurationChange, nil) { _ in .engineReset }
    }

    private func category(ducking: Bool) throws {
        try AVAudioSession.sharedInstance().setCategory(
            .playback, mode: .spokenAudio,
            options: ducking ? [.duckOthers, .interruptSpokenAudioAndMixWithOthers] : [.mixWithOthers])
    }

    func activate() throws {
        try category(ducking: false)
        try AVAudioSession.sharedInstance().setActive(true)
    }

    // Ducking follows the options at activation: activating again with the
    // new options while the engine keeps running.
    func duckOthers(_ on: Bool) {
        try? category(ducking: on)
        try? AVAudioSession.sharedInstance().setActive(true)
    }

    func deactivate() {
        try? AVAudioSession.sharedInstance().setActive(false, options: [.notifyOthersOnDeactivation])
    }
}

/// The core's vibration patterns (milliseconds on, off, on, …) as
/// continuous Core Haptics events.
@MainActor
final class SystemVibration: Vibration {
    private var engine: CHHapticEngine?

    func vibrate(onOffMs: [Int64]) {
        guard CHHapticEngine.capabilitiesForHardware().supportsHaptics else { return }
        var events: [CHHapticEvent] = []
        var at = 0.0
        for (i, ms) in onOffMs.enumerated() {
            let s = Double(ms) / 1000
            if i % 2 == 0 {
                events.append(CHHapticEvent(eventType: .hapticContinuous, parameters: [
                    CHHapticEventParameter(parameterID: .hapticIntensity, value: 1)], relativeTime: at, duration: s))
            }
            at += s
        }
        do {
            if engine == nil { engine = try CHHapticEngine() }
            try engine?.start()
            try engine?.makePlayer(with: CHHapticPattern(events: events, parameters: [])).start(atTime: 0)
        } catch {
            engine = nil
        }
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

/// The guidance stream's engine: one `AVAudioPlayerNode` on an
/// `AVAudioEngine`, mono float buffers placed at player sample times.
/// Not compiled here.
@MainActor
final class SystemGuidanceEngine: AudioEngineOutput, SampleBuffers {
    private let engine = AVAudioEngine()
    private let player = AVAudioPlayerNode()
    let format: AVAudioFormat
    private var buffers: [Int: AVAudioPCMBuffer] = [:]
    private var nextId = 0

    init() {
        let rate = engine.outputNode.outputFormat(forBus: 0).sampleRate
        format = AVAudioFormat(standardFormatWithSampleRate: rate > 0 ? rate : 48_000, channels: 1)!
        engine.attach(player)
        engine.connect(player, to: engine.mainMixerNode, format: format)
    }

    var sampleRate: Double { format.sampleRate }

    var currentSample: Int64 {
        guard let node = player.lastRenderTime, let t = player.playerTime(forNodeTime: node) else { return 0 }
        return t.sampleTime
    }

    func start() throws {
        if !engine.isRunning { try engine.start() }
        if !player.isPlaying { player.play() }
    }

    func store(_ samples: [Float]) -> AudioBufferID? {
        guard let b = AVAudioPCMBuffer(pcmFormat: format, frameCapacity: AVAudioFrameCount(samples.count)) else {
            return nil
        }
        b.frameLength = AVAudioFrameCount(samples.count)
        samples.withUnsafeBufferPointer { b.floatChannelData![0].update(from: $0.baseAddress!, count: samples.count) }
        nextId += 1
        buffers[nextId] = b
        return AudioBufferID(nextId)
    }

    func discard(_ buffer: AudioBufferID) { buffers[buffer.raw] = nil }

    func schedule(_ buffer: AudioBufferID, atSample: Int64, frames: Int64,
                  played: @escaping @MainActor @Sendable () -> Void) {
        guard let b = buffers[buffer.raw] else { return }
        b.frameLength = AVAudioFrameCount(min(Int64(b.frameLength), frames))
        put(b, atSample, played)
    }

    func scheduleSilence(atSample: Int64, frames: Int64, played: @escaping @MainActor @Sendable () -> Void) {
        guard let b = AVAudioPCMBuffer(pcmFormat: format, frameCapacity: AVAudioFrameCount(frames)) else { return }
        b.frameLength = AVAudioFrameCount(frames)
        memset(b.floatChannelData![0], 0, Int(frames) * MemoryLayout<Float>.size)
        put(b, atSample, played)
    }

    private func put(_ b: AVAudioPCMBuffer, _ at: Int64, _ played: @escaping @MainActor @Sendable () -> Void) {
        player.scheduleBuffer(b, at: AVAudioTime(sampleTime: at, atRate: format.sampleRate),
                              completionCallbackType: .dataPlayedBack) { _ in
            Task { @MainActor in played() }
        }
    }

    func stopAll() {
        player.stop()
        engine.stop()
    }
}

/// Speech rendered ahead with `AVSpeechSynthesizer.write`, converted to
/// mono float samples at the stream's rate. Not compiled here.
@MainActor
final class SystemSpeechRenderer: SpeechRendering {
    private let synthesizer = AVSpeechSynthesizer()

    func render(_ text: String, lang: String, sampleRate: Double,
                done: @escaping @MainActor @Sendable ([Float]?) -> Void) {
        let utterance = AVSpeechUtterance(string: text)
        utterance.voice = AVSpeechSynthesisVoice(language: lang)
        guard let target = AVAudioFormat(standardFormatWithSampleRate: sampleRate, channels: 1) else {
            return done(nil)
        }
        let parts = SpeechParts(target: target)
        synthesizer.write(utterance) { buffer in
            guard let pcm = buffer as? AVAudioPCMBuffer else { return }
            if pcm.frameLength > 0 { return parts.add(pcm) }
            let samples = parts.joined()
            Task { @MainActor in done(samples) }
        }
    }
}

/// The pieces `AVSpeechSynthesizer.write` hands over, converted to the
/// stream's format and joined (the callback runs off the main actor).
private final class SpeechParts: @unchecked Sendable {
    private let target: AVAudioFormat
    private let lock = NSLock()
    private var samples: [Float] = []

    init(target: AVAudioFormat) { self.target = target }

    func add(_ pcm: AVAudioPCMBuffer) {
        guard let converter = AVAudioConverter(from: pcm.format, to: target) else { return }
        let ratio = target.sampleRate / pcm.format.sampleRate
        let capacity = AVAudioFrameCount(Double(pcm.frameLength) * ratio) + 64
        guard let out = AVAudioPCMBuffer(pcmFormat: target, frameCapacity: capacity) else { return }
        nonisolated(unsafe) var given = false
        _ = converter.convert(to: out, error: nil) { _, status in
            if given { status.pointee = .noDataNow; return nil }
            given = true
            status.pointee = .haveData
            return pcm
        }
        let part = UnsafeBufferPointer(start: out.floatChannelData![0], count: Int(out.frameLength))
        lock.lock(); samples.append(contentsOf: part); lock.unlock()
    }

    func joined() -> [Float]? {
        lock.lock(); defer { lock.unlock() }
        return samples.isEmpty ? nil : samples
    }
}

/// Now Playing on the lock screen, Control Center and the watch, and the
/// remote commands (headphone buttons too) passed to `onCommand`. Not compiled here.
@MainActor
final class SystemNowPlaying: NowPlaying {
    var onCommand: (@MainActor (RemoteCommand) -> Bool)?

    init() {
        let center = MPRemoteCommandCenter.shared()
        let pairs: [(MPRemoteCommand, RemoteCommand)] = [
            (center.playCommand, .play), (center.pauseCommand, .pause),
            (center.togglePlayPauseCommand, .toggle), (center.nextTrackCommand, .nextStep),
            (center.previousTrackCommand, .previousStep),
        ]
        for (remote, command) in pairs {
            remote.isEnabled = true
            remote.addTarget { [weak self] _ in
                MainActor.assumeIsolated { self?.onCommand?(command) ?? false } ? .success : .commandFailed
            }
        }
    }

    func show(_ info: NowPlayingInfo?) {
        MPNowPlayingInfoCenter.default().nowPlayingInfo = info.map {
            [MPMediaItemPropertyTitle: $0.title, MPMediaItemPropertyArtist: $0.step,
             MPNowPlayingInfoPropertyElapsedPlaybackTime: $0.elapsedS,
             MPMediaItemPropertyPlaybackDuration: $0.durationS,
             MPNowPlayingInfoPropertyPlaybackRate: $0.rate]
        }
    }
}
