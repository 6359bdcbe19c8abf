// The app's entry point: the routine library in a navigation stack, with
// one player model for the whole app. Going to the background saves the
// session's snapshot; coming back asks the core for a fresh frame (it hands
// out what fell due while the app was suspended).

import SwiftUI
import UnknotCore

@main
struct UnknotApp: App {
    @State private var player = PlayerModel()
    @State private var app = AppData()
    @Environment(\.scenePhase) private var scenePhase
    private let safety = safetyScreen(lang: PlayerModel.language)
    @State private var safetyAccepted = SafetyAcceptance.isAccepted(
        safetyScreen(lang: PlayerModel.language).version)

    var body: some Scene {
        WindowGroup {
            NavigationStack {
                LibraryView(lang: PlayerModel.language)
            }
            .environment(player)
            .environment(app)
            .fullScreenCover(isPresented: .constant(!safetyAccepted)) {
                SafetySheet(screen: safety) {
                    SafetyAcceptance.accept(safety.version)
                    safetyAccepted = true
                }
            }
        }
        .onChange(of: scenePhase) { _, phase in
            switch phase {
            case .background: player.save()
            case .active: player.refresh()
            default: break
            }
        }
    }
}
