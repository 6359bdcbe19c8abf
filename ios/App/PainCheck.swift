// The journal's questions around a session, asked by the app and stored by
// the core: pain before (one tap to skip) and after, and how the pressure
// felt. The scale, its end labels and the check of the rating before a
// session against the program's limit are the core's (the package's
// `PainAnswer`).

import SwiftUI
import UnknotApp
import UnknotCore

/// Pain right now on the core's scale, with a confirm button and a
/// one-tap "Skip". The core checks the rating against `stopAbove` (the
/// program's limit; nil: the general one): when it says not to start, its
/// words are shown instead and nothing starts.
struct PainQuestion: View {
    let title: LocalizedStringKey
    let confirm: LocalizedStringKey
    /// The program's pain limit, nil for a routine outside a program.
    let stopAbove: Int32?
    /// Called with the rating (nil when skipped) once the core says to go on.
    let onDone: (Int32?) -> Void
    /// Called when the person does not start after all.
    let onCancel: () -> Void
    @State private var answer = PainAnswer(lang: appLanguage)
    @State private var refusal: PainCheck?
    @State private var error: String?

    var body: some View {
        NavigationStack {
            Form {
                if let refusal {
                    Section {
                        Text(refusal.title).font(.title2.bold())
                        Text(refusal.message)
                        Button { onCancel() } label: {
                            Text("Close").frame(maxWidth: .infinity, minHeight: 44)
                        }
                        .buttonStyle(.borderedProminent)
                    }
                } else {
                    Section { PainSlider(answer: $answer) }
                    Section {
                        Button { check(skipped: false) } label: {
                            Text(confirm).font(.title3.bold()).frame(maxWidth: .infinity, minHeight: 44)
                        }
                        .buttonStyle(.borderedProminent)
                        Button { check(skipped: true) } label: {
                            Text("Skip").frame(maxWidth: .infinity, minHeight: 44)
                        }
                        if let error { Text(error).foregroundStyle(.red) }
                    }
                }
            }
            .navigationTitle(title)
            .navigationBarTitleDisplayMode(.inline)
        }
        .presentationDetents([.medium, .large])
    }

    private func check(skipped: Bool) {
        answer.skipped = skipped
        switch answer.checkBefore(stopAbove: stopAbove, lang: appLanguage) {
        case .success(let c) where c.goOn: onDone(answer.rating)
        case .success(let c): refusal = c
        case .failure(let e): error = e.text
        }
    }
}

/// The slider over the core's pain scale with its value in large type.
struct PainSlider: View {
    @Binding var answer: PainAnswer

    var body: some View {
        VStack(spacing: 8) {
            Text(verbatim: "\(answer.shown)").font(.system(size: 56, weight: .bold).monospacedDigit())
            Slider(value: $answer.slider, in: answer.range, step: 1) {
                Text("Pain")
            } minimumValueLabel: {
                Text(verbatim: "\(answer.numbers.painMin)")
            } maximumValueLabel: {
                Text(verbatim: "\(answer.numbers.painMax)")
            }
            .accessibilityValue(Text(verbatim: answer.spoken(lang: appLanguage)))
            HStack {
                Text(verbatim: answer.numbers.painNone)
                Spacer()
                Text(verbatim: answer.numbers.painWorst)
            }
            .font(.callout).foregroundStyle(.secondary)
        }
    }
}

/// After a session: pain now (skippable) and pressure (optional), then the
/// core records the entry in the journal.
struct SessionEndForm: View {
    /// Called with pain after (nil when skipped) and the pressure (nil when
    /// not given); it returns an error message, or nil once recorded.
    let onSave: (Int32?, PressureFeedback?) -> String?
    @State private var answer = PainAnswer(lang: appLanguage)
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
