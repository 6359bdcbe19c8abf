// The general safety screen, in the core's words, shown before the first
// session and again whenever the core's screen gets a new version.

import SwiftUI
import UnknotCore

/// Remembers which version of the safety screen the person accepted.
enum SafetyAcceptance {
    private static let key = "safetyAcceptedVersion"

    static func isAccepted(_ version: Int32) -> Bool {
        UserDefaults.standard.integer(forKey: key) >= Int(version)
    }

    static func accept(_ version: Int32) {
        UserDefaults.standard.set(Int(version), forKey: key)
    }
}

/// The safety screen; it can only be closed by accepting it.
struct SafetySheet: View {
    let screen: SafetyScreen
    let onAccept: () -> Void

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(alignment: .leading, spacing: 12) {
                    Text(screen.intro)
                    ForEach(screen.doNot, id: \.self) { Text("• \($0)") }
                    ForEach(screen.stopIf, id: \.self) { Text("• \($0)") }
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
