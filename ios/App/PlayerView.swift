// The running session: a breathing circle (breathing segments) or a phase
// ring (other segments) driven by the frame's segment progress, the step in
// large type, and the controls with VoiceOver labels.

import SwiftUI
import UnknotCore

struct PlayerView: View {
    @Environment(PlayerModel.self) private var player
    @Environment(AppData.self) private var app
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        if let f = player.frame {
            ScrollView {
                VStack(spacing: 20) {
                    Text("Step \(f.step + 1) of \(f.stepCount)").font(.headline)
                    Text(f.stepTitle).font(.largeTitle.bold()).multilineTextAlignment(.center)
                        .accessibilityAddTraits(.isHeader)
                    phase(f)
                    if let i = f.stepInstructions { Text(i).font(.title2).multilineTextAlignment(.center) }
                    Text("\(clockText(f.remainingMs)) left").font(.headline)
                    controls(f)
                }
                .padding()
            }
            // While running and on screen, ask the core for fresh frames.
            .task(id: f.status) {
                guard f.status == .running else { return }
                while !Task.isCancelled {
                    player.redraw()
                    try? await Task.sleep(for: .milliseconds(33))
                }
            }
        }
    }

    private func kindText(_ k: SegmentKind) -> String {
        switch k {
        case .prepare: "Get ready"
        case .rest: "Rest"
        case .manual: "At your pace"
        case .inhale: "Breathe in"
        case .holdIn, .holdOut: "Hold"
        case .exhale: "Breathe out"
        case .hold: "Hold the stretch"
        case .massage: "Massage"
        case .work: "Work"
        case .switch: "Switch sides"
        }
    }

    private func statusText(_ s: Status) -> String? {
        switch s {
        case .paused: "Paused"
        case .waiting: "Continue when you are ready"
        case .finished: "Routine complete"
        case .stopped: "Session stopped"
        case .ready, .running: nil
        }
    }

    @ViewBuilder private func phase(_ f: Frame) -> some View {
        let p = min(max(f.segmentProgress, 0), 1)
        let detail = [
            f.side.map { $0 == .left ? "Left side" : "Right side" },
            f.rep.map { "Repetition \($0)" },
            f.cycle.map { "Breath \($0)" },
        ].compactMap { $0 }.joined(separator: " · ")
        let label = statusText(f.status) ?? kindText(f.kind)
        ZStack {
            switch f.kind {
            case .inhale, .exhale, .holdIn, .holdOut:
                let fraction: Double = f.kind == .inhale ? p : f.kind == .exhale ? 1 - p : f.kind == .holdIn ? 1 : 0
                Circle().stroke(.secondary.opacity(0.3), lineWidth: 2)
                Circle().fill(.tint.opacity(0.35)).scaleEffect(0.35 + 0.65 * fraction)
            default:
                Circle().stroke(.secondary.opacity(0.3), lineWidth: 14)
                Circle().trim(from: 0, to: p).stroke(.tint, style: StrokeStyle(lineWidth: 14, lineCap: .round))
                    .rotationEffect(.degrees(-90))
            }
            VStack {
                Text(label).font(.title.bold()).multilineTextAlignment(.center)
                if let r = f.segmentRemainingMs { Text(clockText(r)).font(.system(size: 56, weight: .semibold).monospacedDigit()) }
                if !detail.isEmpty { Text(detail).font(.headline) }
            }
        }
        .frame(width: 260, height: 260)
        .accessibilityElement(children: .ignore)
        .accessibilityLabel([label, detail, f.segmentRemainingMs.map(clockText) ?? ""].filter { !$0.isEmpty }.joined(separator: ", "))
        .accessibilityValue("\(Int(p * 100)) percent")
    }

    @ViewBuilder private func controls(_ f: Frame) -> some View {
        if f.status == .finished || f.status == .stopped {
            if player.draft != nil {
                SessionEndForm { painAfter, pressure in
                    guard let entry = player.entry(painAfter: painAfter, pressure: pressure) else { return nil }
                    do {
                        try app.record(entry)
                    } catch {
                        return errorText(error)
                    }
                    player.close()
                    dismiss()
                    return nil
                }
            } else {
                Button { player.close(); dismiss() } label: {
                    Text("Done").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 56)
                }.buttonStyle(.borderedProminent)
            }
        } else {
            if f.status == .waiting {
                Button { player.proceed() } label: {
                    Text("Continue").font(.title.bold()).frame(maxWidth: .infinity, minHeight: 64)
                }.buttonStyle(.borderedProminent)
            }
            HStack(spacing: 12) {
                control("backward.end.fill", "Previous step or restart this step") { player.previous() }
                if f.status == .paused {
                    control("play.fill", "Resume") { player.resume() }
                } else {
                    control("pause.fill", "Pause") { player.pause() }
                }
                control("forward.end.fill", "Next step") { player.next() }
            }
            HStack(spacing: 12) {
                control("plus.circle", "Add \(PlayerModel.extendMs / 1000) seconds") { player.extend() }
                control("stop.fill", "Stop") { player.stop() }
            }
            // Marks where it hurt; the journal keeps the step and position.
            Button(role: .destructive) { player.markDiscomfort() } label: {
                Label("Too much", systemImage: "hand.raised.fill")
                    .font(.title3.bold()).frame(maxWidth: .infinity, minHeight: 56)
            }
            .buttonStyle(.bordered)
            .accessibilityHint("Notes that this moment was too much")
            if let marks = player.draft?.discomfort.count, marks > 0 {
                Text(marks == 1 ? "Noted once. Ease off, or stop if it keeps hurting."
                                : "Noted \(marks) times. Ease off, or stop if it keeps hurting.")
                    .font(.callout)
            }
        }
    }

    private func control(_ symbol: String, _ label: String, action: @escaping () -> Void) -> some View {
        Button(action: action) {
            Image(systemName: symbol).font(.title).frame(maxWidth: .infinity, minHeight: 56)
        }
        .buttonStyle(.bordered)
        .accessibilityLabel(label)
    }
}
