// One routine: cautions before the start button, equipment, and every
// step with its start and length, all from the core's details and words.
// Starting it while another session is open asks first; the pain rating
// before it is checked by the core.

import SwiftUI
import UnknotApp
import UnknotCore

struct RoutineDetailView: View {
    @EnvironmentObject private var player: Observed<PlayerModel>
    @EnvironmentObject private var navigator: Observed<SessionNavigator>
    @StateObject private var detail: Observed<RoutineDetailModel>
    @State private var askPain = false
    @State private var replacing: String?
    @State private var startWith: Int32?? = nil

    init(id: String) {
        _detail = StateObject(wrappedValue: Observed(RoutineDetailModel(id: id, lang: appLanguage)))
    }

    var body: some View {
        let details = try? detail.details.get()
        List {
            switch detail.details {
            case .success(let d):
                Section {
                    if !d.summary.isEmpty { Text(d.summary) }
                    Text("\(detail.model.length(d.timedMs)) · \(d.steps.count) steps").font(.headline)
                }
                if !d.cautions.isEmpty {
                    Section("Before you start") {
                        ForEach(d.cautions, id: \.self) { Label($0, systemImage: "exclamationmark.triangle") }
                    }
                }
                if !d.equipment.isEmpty {
                    Section("You need") { Text(detail.equipment.formatted(.list(type: .and))) }
                }
                Section {
                    Button(action: tapStart) {
                        Text("Start").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                    if let error = detail.startError { Text(error.text).foregroundStyle(.red) }
                }
                Section("Steps") {
                    ForEach(d.steps, id: \.index) { step in
                        HStack(alignment: .firstTextBaseline, spacing: 12) {
                            Text(detail.model.clock(step.startMs)).font(.callout.monospacedDigit())
                            VStack(alignment: .leading, spacing: 2) {
                                Text(step.title).font(.headline)
                                if let i = step.instructions { Text(i).font(.body) }
                                if step.timedMs > 0 { Text(detail.model.length(step.timedMs)).font(.caption) }
                                if step.untimed > 0 { Text("At your pace").font(.caption) }
                            }
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            case .failure(let error):
                Text(error.text)
            }
        }
        .navigationTitle(details?.title ?? "")
        .askBeforeReplacing(replacing, cancel: { replacing = nil }) {
            navigator.model.endOpenSession()
            replacing = nil
            askPain = true
        }
        // Starts once the pain sheet is gone, so the player's cover is not lost.
        .sheet(isPresented: $askPain, onDismiss: start) {
            PainQuestion(title: "Pain right now", confirm: "Start", stopAbove: nil) { pain in
                startWith = .some(pain)
                askPain = false
            } onCancel: {
                askPain = false
            }
        }
    }

    private func tapStart() {
        if let open = navigator.askBeforeStarting {
            replacing = open
        } else {
            askPain = true
        }
    }

    private func start() {
        guard case .some(let pain) = startWith else { return }
        startWith = nil
        navigator.model.started(detail.model.start(painBefore: pain, on: player.model))
    }
}
