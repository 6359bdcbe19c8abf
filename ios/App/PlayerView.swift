// The running session: a breathing circle (breathing segments) or a phase
// ring (other segments) as the package's `PhaseDisplay` lays it out, the
// step in large type, and the controls with VoiceOver labels. It keeps the
// screen on while shown; leaving it ("Back") keeps the session going behind
// the "now playing" bar.

import SwiftUI
import UnknotApp
import UnknotCore

struct PlayerView: View {
    @EnvironmentObject private var player: Observed<PlayerModel>
    @EnvironmentObject private var app: Observed<AppData>
    @EnvironmentObject private var navigator: Observed<SessionNavigator>

    @State private var awake = IdleTimerHold { SystemScreen.current() }

    // Drawn on the animation clock from the frame's own numbers (carried
    // forward to now); the core is called only at wake-ups and on input.
    var body: some View {
        if let last = player.frame {
            TimelineView(.animation(paused: last.status != .running)) { _ in
                let now = player.model.clockMs
                if let f = player.model.frame(at: now), let phase = player.model.phase(at: now) {
                    ScrollView {
                        VStack(spacing: 20) {
                            Text("Step \(f.step + 1) of \(f.stepCount)").font(.headline)
                            Text(f.stepTitle).font(.largeTitle.bold()).multilineTextAlignment(.center)
                                .accessibilityAddTraits(.isHeader)
                            circle(phase)
                            if let i = f.stepInstructions { Text(i).font(.title2).multilineTextAlignment(.center) }
                            Text("\(countdownText(ms: f.remainingMs)) left").font(.headline)
                            controls(f)
                        }
                        .padding()
                    }
                }
            }
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button { navigator.model.leave() } label: { Label("Back", systemImage: "chevron.down") }
                        .accessibilityHint(Text("The session goes on; the bar below leads back to it"))
                }
            }
            // The screen stays on while the player is shown.
            .onAppear { awake.hold() }
            .onDisappear { awake.release() }
        }
    }

    @ViewBuilder private func circle(_ phase: PhaseDisplay) -> some View {
        ZStack {
            switch phase.shape {
            case .breath:
                Circle().stroke(.secondary.opacity(0.3), lineWidth: 2)
                Circle().fill(.tint.opacity(0.35)).scaleEffect(phase.circleScale)
            case .ring(let p):
                Circle().stroke(.secondary.opacity(0.3), lineWidth: 14)
                Circle().trim(from: 0, to: p).stroke(.tint, style: StrokeStyle(lineWidth: 14, lineCap: .round))
                    .rotationEffect(.degrees(-90))
            }
            VStack {
                Text(phase.label).font(.title.bold()).multilineTextAlignment(.center)
                if let r = phase.remaining { Text(r).font(.system(size: 56, weight: .semibold).monospacedDigit()) }
                if !phase.detail.isEmpty { Text(phase.detail).font(.headline) }
            }
        }
        .frame(width: 260, height: 260)
        .accessibilityElement(children: .ignore)
        .accessibilityLabel([phase.label, phase.detail, phase.remaining ?? ""].filter { !$0.isEmpty }.joined(separator: ", "))
        .accessibilityValue(Text("\(phase.percent) percent"))
    }

    @ViewBuilder private func controls(_ f: Frame) -> some View {
        if player.isOver {
            if player.canRecord {
                SessionEndForm { painAfter, pressure in
                    do {
                        try player.model.finish(painAfter: painAfter, pressure: pressure, into: app.model)
                    } catch {
                        return ErrorReport(error, lang: appLanguage).text
                    }
                    navigator.model.leave()
                    return nil
                }
            } else {
                Button { player.model.close(); navigator.model.leave() } label: {
                    Text("Done").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 56)
                }.buttonStyle(.borderedProminent)
            }
        } else {
            if f.status == .waiting {
                Button { player.model.proceed() } label: {
                    Text("Continue").font(.title.bold()).frame(maxWidth: .infinity, minHeight: 64)
                }.buttonStyle(.borderedProminent)
            }
            HStack(spacing: 12) {
                control("backward.end.fill", "Previous step or restart this step") { player.model.previous() }
                if f.status == .paused {
                    control("play.fill", "Resume") { player.model.resume() }
                } else {
                    control("pause.fill", "Pause") { player.model.pause() }
                }
                control("forward.end.fill", "Next step") { player.model.next() }
            }
            HStack(spacing: 12) {
                Button { player.model.extend() } label: {
                    Text(verbatim: player.numbers.extendLabel).font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 56)
                }
                .buttonStyle(.bordered)
                .accessibilityLabel(Text(verbatim: player.numbers.extendDescription))
                control("stop.fill", "Stop") { player.model.stop() }
            }
            // Marks where it hurt; the journal keeps the step and position.
            let words = safetyWords(lang: appLanguage)
            let marked = tooMuchText(marks: Int32(player.discomfortCount), lang: appLanguage)
            Button(role: .destructive) { player.model.markDiscomfort() } label: {
                Label { Text(verbatim: player.discomfortCount > 0 ? marked.label : words.tooMuch) } icon: {
                    Image(systemName: "hand.raised.fill")
                }
                .font(.title3.bold()).frame(maxWidth: .infinity, minHeight: 56)
            }
            .buttonStyle(.bordered)
            .accessibilityHint(Text(verbatim: words.tooMuchHint))
            if !marked.message.isEmpty {
                Text(verbatim: marked.message).font(.callout)
            }
        }
    }

    private func control(_ symbol: String, _ label: LocalizedStringKey, action: @escaping () -> Void) -> some View {
        Button(action: action) {
            Image(systemName: symbol).font(.title).frame(maxWidth: .infinity, minHeight: 56)
        }
        .buttonStyle(.bordered)
        .accessibilityLabel(Text(label))
    }
}
