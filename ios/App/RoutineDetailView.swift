// One routine: cautions before the start button, equipment, and every
// step with its start and length, all from the core's details.

import SwiftUI
import UnknotCore

struct RoutineDetailView: View {
    let id: String
    let lang: String
    @Environment(PlayerModel.self) private var player
    @State private var details: RoutineDetails?
    @State private var error: String?
    @State private var playing = false
    @State private var askPain = false
    @State private var startWith: Int32?? = nil

    var body: some View {
        List {
            if let d = details {
                Section {
                    if !d.summary.isEmpty { Text(d.summary) }
                    Text("\(clockText(d.timedMs)) · \(d.steps.count) steps").font(.headline)
                }
                if !d.cautions.isEmpty {
                    Section("Before you start") {
                        ForEach(d.cautions, id: \.self) { Label($0, systemImage: "exclamationmark.triangle") }
                    }
                }
                if !d.equipment.isEmpty {
                    Section("You need") { Text(d.equipment.map(vocabLabel).joined(separator: ", ")) }
                }
                Section {
                    Button { askPain = true } label: {
                        Text("Start").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                    if let error { Text(error).foregroundStyle(.red) }
                }
                Section("Steps") {
                    ForEach(d.steps, id: \.index) { step in
                        HStack(alignment: .firstTextBaseline, spacing: 12) {
                            Text(clockText(step.startMs)).font(.callout.monospacedDigit())
                            VStack(alignment: .leading, spacing: 2) {
                                Text(step.title).font(.headline)
                                if let i = step.instructions { Text(i).font(.body) }
                                if step.timedMs > 0 { Text(clockText(step.timedMs)).font(.caption) }
                                if step.untimed > 0 { Text("At your pace").font(.caption) }
                            }
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            } else if let error {
                Text(error)
            }
        }
        .navigationTitle(details?.title ?? "")
        .navigationDestination(isPresented: $playing) { PlayerView() }
        // Starts once the pain sheet is gone, so the push is not lost.
        .sheet(isPresented: $askPain, onDismiss: start) {
            PainCheck(title: "Pain right now", confirm: "Start") { pain in
                startWith = .some(pain)
                askPain = false
            }
        }
        .task {
            do { details = try builtinRoutine(id: id, lang: lang) } catch { self.error = errorText(error) }
        }
    }

    private func start() {
        guard case .some(let pain) = startWith else { return }
        startWith = nil
        do {
            try player.begin(id: id, lang: lang, painBefore: pain)
            error = nil
            playing = true
        } catch {
            self.error = errorText(error)
        }
    }
}
