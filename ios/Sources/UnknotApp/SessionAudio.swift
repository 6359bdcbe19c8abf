// How a running session sounds: the cue style the person chose, the
// guidance stream that carries voice or tones through a locked screen, the
// audio session around it, vibration, Now Playing, and what the system's
// interruptions and route changes do to the session. Nothing here decides
// when a cue is due or what it says: that is the core's (its lookahead, its
// sound tags, its tones and vibration patterns).
//
// Three ways a session sounds:
// - stream (voice or tones, with an audio engine): the core's cues are
//   rendered ahead and placed on one continuous stream (`GuidanceStream`);
//   the audio session is active exactly while the stream plays, and other
//   apps' sound is lowered only while a cue sounds;
// - vibration: each cue the core hands out is the core's vibration pattern;
//   no audio session and no stream (the player keeps the screen on);
// - direct (no audio engine given, or it cannot start): each cue handed out
//   is spoken at once with its haptic pattern; the audio session is active
//   while the session runs or speech is still going.

import Foundation
import UnknotCore

/// Speech rendered into samples ahead of time (the app uses
/// `AVSpeechSynthesizer.write`).
@MainActor
public protocol SpeechRendering: AnyObject {
    /// Renders `text` in `lang` as mono samples (-1...1) at `sampleRate`;
    /// calls `done` on the main actor with them, or nil when it cannot.
    func render(_ text: String, lang: String, sampleRate: Double,
                done: @escaping @MainActor @Sendable ([Float]?) -> Void)
}

/// Keeps rendered audio as buffers the engine plays (`AVAudioPCMBuffer`s).
@MainActor
public protocol SampleBuffers: AnyObject {
    /// Makes a buffer of `samples` (mono, at the engine's rate); nil when it cannot.
    func store(_ samples: [Float]) -> AudioBufferID?
    /// The buffer is no longer needed.
    func discard(_ buffer: AudioBufferID)
}

/// Vibration by the core's patterns.
@MainActor
public protocol Vibration: AnyObject {
    /// Vibrates for the milliseconds on, off, on, … (starting with on).
    func vibrate(onOffMs: [Int64])
}

/// What the system tells about the app's audio.
public enum AudioSessionEvent: Equatable, Sendable {
    /// Another app or the phone took the audio (a call, Siri, an alarm).
    case interruptionBegan
    /// The interruption is over (the session does not resume by itself).
    case interruptionEnded(shouldResume: Bool)
    /// The output in use went away (headphones unplugged).
    case outputLost
    /// The audio engine stopped because the output changed or the media
    /// services were reset: what plays must be scheduled again.
    case engineReset
}

/// The system's audio notifications (interruption, route change, reset).
@MainActor
public protocol AudioSessionEvents: AnyObject {
    var onEvent: (@MainActor (AudioSessionEvent) -> Void)? { get set }
}

/// What a session needs besides `PlayerServices` to play through a locked
/// screen, in the chosen cue style, with Now Playing and remote commands.
@MainActor
public struct GuidanceServices {
    public let engine: AudioEngineOutput
    public let buffers: SampleBuffers
    public let voice: SpeechRendering
    public let vibration: Vibration
    public let events: AudioSessionEvents
    public let nowPlaying: NowPlaying
    /// Where the cue style is kept.
    public let settings: SettingsStore

    public init(engine: AudioEngineOutput, buffers: SampleBuffers, voice: SpeechRendering,
                vibration: Vibration, events: AudioSessionEvents, nowPlaying: NowPlaying,
                settings: SettingsStore) {
        self.engine = engine
        self.buffers = buffers
        self.voice = voice
        self.vibration = vibration
        self.events = events
        self.nowPlaying = nowPlaying
        self.settings = settings
    }
}

/// The cue style setting: voice (the default), tones or vibration only.
@MainActor
public final class CueStyleSetting: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    static let key = "cueStyle"
    private let store: SettingsStore

    /// The choices, in the order the settings show them.
    public static let choices: [CueStyle] = [.voice, .tones, .vibration]

    public init(store: SettingsStore) { self.store = store }

    /// The style chosen; a stored number it does not know reads as voice.
    public var style: CueStyle {
        get {
            let n = store.integer(forKey: Self.key)
            return Self.choices.indices.contains(n) ? Self.choices[n] : .voice
        }
        set {
            store.set(Self.choices.firstIndex(of: newValue) ?? 0, forKey: Self.key)
            onChange?()
        }
    }
}

/// Renders a cue for a style as the core says: its tone from the core's
/// samples (`renderTone`), then its speech rendered by the phone, as one buffer.
@MainActor
public final class CueAudioRenderer: CueRenderer {
    private let style: CueStyle
    private let voice: SpeechRendering
    private let buffers: SampleBuffers

    public init(style: CueStyle, voice: SpeechRendering, buffers: SampleBuffers) {
        self.style = style
        self.voice = voice
        self.buffers = buffers
    }

    public func render(_ cue: UpcomingCue, lang: String, sampleRate: Double,
                       done: @escaping @MainActor @Sendable (RenderedCue?) -> Void) {
        let play = cuePlay(cue: cue.core, style: style)
        let tone = play.tone.map { tone in
            renderTone(tone: tone, sampleRate: Int32(sampleRate.rounded())).map { Float($0) / 32_768 }
        } ?? []
        guard let text = play.speech else { return finish(tone, done) }
        voice.render(text, lang: lang, sampleRate: sampleRate) { [weak self] speech in
            guard let self else { return done(nil) }
            self.finish(tone + (speech ?? []), done)
        }
    }

    private func finish(_ samples: [Float], _ done: @MainActor @Sendable (RenderedCue?) -> Void) {
        guard !samples.isEmpty, let id = buffers.store(samples) else { return done(nil) }
        done(RenderedCue(buffer: id, frames: Int64(samples.count)))
    }

    public func discard(_ buffer: AudioBufferID) { buffers.discard(buffer) }
}

/// The core's lookahead through the session's controller (only the cues
/// marked to be given, as a tick at their time would hand them out).
@MainActor
final class ControllerLookahead: CueLookahead {
    private let controller: SessionController
    init(_ controller: SessionController) { self.controller = controller }

    func upcoming(nowMs: Int64, withinMs: Int64) -> [UpcomingCue] {
        controller.upcoming(nowMs: nowMs, withinMs: withinMs).filter(\.speak).map(UpcomingCue.init)
    }
}

/// How the open session sounds (see the top of this file). It is the
/// controller's cue sink; `follow` takes every frame after the cues of the
/// same call. Commands that change what is coming set `replanning` first.
@MainActor
final class SessionAudio {
    enum Mode: Equatable { case stream, vibration, direct }

    private let speech: SpeechOutput
    private let haptics: Haptics
    private let audio: AudioSession
    private let extras: GuidanceServices?
    private let lang: String
    private let title: String
    private let segmentKinds: [SegmentKind]
    let style: CueStyle
    private(set) var mode: Mode
    private var stream: GuidanceStream?
    private(set) var audioActive = false
    /// The cues handed out by the call whose frame comes next.
    private var pending: [Cue] = []
    private var status: Status?
    /// Set by a command that changes what is coming (resume, next,
    /// previous, restart, extend, continue); the next frame reschedules.
    var replanning = false
    /// Asks the player to pause (an interruption, headphones unplugged).
    var onPause: @MainActor () -> Void = {}

    init(services: PlayerServices, details: RoutineDetails, lang: String) {
        speech = services.speech
        haptics = services.haptics
        audio = services.audio
        extras = services.guidance
        self.lang = lang
        title = details.title
        segmentKinds = details.segments.map(\.kind)
        style = extras.map { CueStyleSetting(store: $0.settings).style } ?? .voice
        if let extras {
            mode = style == .vibration ? .vibration : .stream
            if mode == .stream {
                let renderer = CueAudioRenderer(style: style, voice: extras.voice, buffers: extras.buffers)
                let stream = GuidanceStream(engine: extras.engine, renderer: renderer, clock: services.clock,
                                            lang: lang)
                stream.onCueSounding = { [weak self] on in self?.duck(on) }
                stream.onDrained = { [weak self] in self?.deactivate() }
                self.stream = stream
            }
            extras.events.onEvent = { [weak self] event in self?.handle(event) }
        } else {
            mode = .direct
        }
    }

    /// Connects the stream to the core's lookahead.
    func attach(_ controller: SessionController) {
        let lookahead = ControllerLookahead(controller)
        self.lookahead = lookahead
        stream?.lookahead = lookahead
    }
    private var lookahead: CueLookahead?   // the stream holds it weakly

    /// Whether the stream plays now.
    var streaming: Bool { stream?.isPlaying ?? false }

    func take(_ cue: Cue) {
        switch mode {
        case .stream: pending.append(cue)
        case .vibration:
            let pattern = cuePlay(cue: cue, style: .vibration).vibrationMs
            if !pattern.isEmpty { extras?.vibration.vibrate(onOffMs: pattern) }
        case .direct: speakNow(cue)
        }
    }

    private func speakNow(_ cue: Cue) {
        let kind = segmentKinds.indices.contains(Int(cue.segment)) ? segmentKinds[Int(cue.segment)] : nil
        haptics.play(HapticPattern.forCue(cue, segmentKind: kind))
        guard !cue.say.isEmpty else { return }
        activate()
        duck(true)
        // The core hands out only the newest cue of a call to speak, so it
        // replaces whatever is still being said.
        speech.say(cue.say, lang: lang, dueMs: cue.dueMs)
    }

    /// The frame of the call whose cues were just taken.
    func follow(_ frame: Frame) {
        status = frame.status
        let cues = pending
        pending = []
        let replan = replanning
        replanning = false
        extras?.nowPlaying.show(NowPlayingInfo(title: title, frame: frame))
        switch mode {
        case .stream: followStream(frame.status, cues, replan: replan)
        case .vibration: break
        case .direct: followDirect(frame.status)
        }
    }

    private func followStream(_ status: Status, _ cues: [Cue], replan: Bool) {
        guard let stream else { return }
        switch status {
        case .running:
            if replan || !stream.isPlaying {
                start(cues)
            } else {
                cues.forEach { stream.handOut(UpcomingCue($0)) }
            }
        case .waiting, .finished:
            // The cue plays out, then the stream ends: nothing plays while
            // the session waits for a tap or is over.
            if replan || !stream.isPlaying {
                if !cues.isEmpty { start(cues) }
            } else {
                cues.forEach { stream.handOut(UpcomingCue($0)) }
            }
            if mode == .stream, stream.isPlaying { stream.finish() } else if mode == .stream { deactivate() }
        case .paused, .stopped, .ready:
            stream.stop()
            deactivate()
        }
    }

    // Starts the stream from now with `cues` at once; when the audio
    // session or the engine refuses, the session goes on spoken directly.
    private func start(_ cues: [Cue]) {
        guard let stream else { return }
        activate()
        do {
            guard audioActive else { throw Refused() }
            try stream.reschedule(immediate: cues.map(UpcomingCue.init))
        } catch {
            stream.stop()
            mode = .direct
            for cue in cues { speakNow(cue) }
            if let status { followDirect(status) }
        }
    }
    private struct Refused: Error {}

    // Direct speech: active while running, and while a cue is still spoken.
    private func followDirect(_ status: Status) {
        if status == .running {
            activate()
        } else if !speech.isSpeaking {
            deactivate()
        }
    }

    /// Speech fell silent (direct speech).
    func fellSilent() {
        guard mode == .direct else { return }
        duck(false)
        guard status != .running else { return }
        deactivate()
    }

    private func handle(_ event: AudioSessionEvent) {
        switch event {
        case .interruptionBegan:
            // The system has ended the audio session and stopped the engine.
            stream?.stop()
            deactivate()
            if status == .running { onPause() }
        case .interruptionEnded:
            break   // the person resumes when they want to
        case .outputLost:
            if status == .running { onPause() }
        case .engineReset:
            if status == .running, mode == .stream { start([]) }
        }
    }

    private func duck(_ on: Bool) {
        guard audioActive else { return }
        audio.duckOthers(on)
    }

    private func activate() {
        guard !audioActive else { return }
        do {
            try audio.activate()
            audioActive = true
        } catch {
            audioActive = false
        }
    }

    private func deactivate() {
        guard audioActive else { return }
        audio.deactivate()
        audioActive = false
    }

    /// The session closes: silence, the audio session ends, Now Playing is cleared.
    func close() {
        stream?.stop()
        speech.stop()
        deactivate()
        extras?.nowPlaying.show(nil)
        extras?.events.onEvent = nil
        pending = []
    }
}

extension SessionAudio: @preconcurrency CueSink {
    func speak(_ cue: Cue) { take(cue) }
}
