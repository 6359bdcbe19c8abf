// The journal's questions around a session, asked by the app and stored by
// the core: pain 0–10 before (one tap to skip) and after, and how the
// pressure felt. The answer's rounding and skipping are the package's
// `PainAnswer`.

import SwiftUI
import UnknotApp
import UnknotCore

/// A pain slider 0–10 with a confirm button and a one-tap "Skip".
struct PainCheck: View {
    let title: LocalizedStringKey
    let confirm: LocalizedStringKey
    /// Called with the rating, or nil when skipped.
    let onDone: (Int32?) -> Void
    @State private var answer = PainAnswer()

    var body: some View {
        NavigationStack {
            Form {
                Section { PainSlider(answer: $answer) }
                Section {
                    Button { onDone(answer.rating) } label: {
                        Text(confirm).font(.title3.bold()).frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                    Button { onDone(nil) } label: {
                        Text("Skip").frame(maxWidth: .infinity, minHeight: 44)
                    }
                }
            }
            .navigationTitle(title)
            .navigationBarTitleDisplayMode(.inline)
        }
        .presentationDetents([.medium, .large])
    }
}

/// The 0–10 slider with its value in large type.
struct PainSlider: View {
    @Binding var answer: PainAnswer

    var body: some View {
        VStack(spacing: 8) {
            Text(verbatim: "\(answer.shown)").font(.system(size: 56, weight: .bold).monospacedDigit())
            Slider(value: $answer.slider, in: 0...10, step: 1) {
                Text("Pain")
            } minimumValueLabel: {
                Text(verbatim: "0")
            } maximumValueLabel: {
                Text(verbatim: "10")
            }
            .accessibilityValue(Text("\(answer.shown) out of 10"))
            Text("0 is no pain, 10 the worst you can imagine.").font(.callout).foregroundStyle(.secondary)
        }
    }
}

/// After a session: pain now (skippable) and pressure (optional), then the
/// entry is recorded in the journal.
struct SessionEndForm: View {
    /// Called with pain after (nil when skipped) and the pressure (nil when
    /// not given); it returns an error message, or nil once recorded.
    let onSave: (Int32?, PressureFeedback?) -> String?
    @State private var answer = PainAnswer()
    @State private var error: String?

    var body: some View {
        VStack(alignment: .leading, spacing: 16) {
            Text("How is the pain now?").font(.title2.bold())
            if answer.skipped {
                Button("Rate the pain") { answer.skipped = false }
            } else {
                PainSlider(answer: $answer)
                Button("Skip") { answer.skipped = true }
            }
            Text("How did the pressure feel?").font(.title2.bold())
            Picker("Pressure", selection: $answer.pressure) {
                Text("No answer").tag(PressureFeedback?.none)
                Text("Too light").tag(PressureFeedback?.some(.tooLight))
                Text("Right").tag(PressureFeedback?.some(.right))
                Text("Too firm").tag(PressureFeedback?.some(.tooFirm))
            }
            .pickerStyle(.segmented)
            Button {
                error = onSave(answer.rating, answer.pressure)
            } label: {
                Text("Save and finish").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 56)
            }
            .buttonStyle(.borderedProminent)
            if let error { Text(error).foregroundStyle(.red) }
        }
    }
}
