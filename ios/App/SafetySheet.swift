// The general safety screen, in the core's words, shown before the first
// session and again whenever the core's screen gets a new version.

import SwiftUI
import UnknotCore

/// The safety screen; it can only be closed by accepting it.
struct SafetySheet: View {
    let screen: SafetyScreen
    let onAccept: () -> Void

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(alignment: .leading, spacing: 12) {
                    Text(screen.intro)
                    ForEach(screen.doNot, id: \.self) { Text(verbatim: "• \($0)") }
                    ForEach(screen.stopIf, id: \.self) { Text(verbatim: "• \($0)") }
                    Text(screen.seeSomeone)
                    Button(screen.accept, action: onAccept)
                        .buttonStyle(.borderedProminent)
                        .frame(maxWidth: .infinity)
                }
                .font(.title3)
                .padding()
            }
            .navigationTitle(screen.title)
        }
        .interactiveDismissDisabled()
    }
}
