// The app's entry point: the routine library in a navigation stack, with
// one player model for the whole app.

import SwiftUI
import UnknotCore

@main
struct UnknotApp: App {
    @State private var player = PlayerModel()

    var body: some Scene {
        WindowGroup {
            NavigationStack {
                LibraryView(lang: PlayerModel.language)
            }
            .environment(player)
        }
    }
}
