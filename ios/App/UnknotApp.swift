// The app's entry point: tabs for today's program (first, once a program
// is active), the routine library, progress and importing a program, with
// one player model and one store for the whole app. Going to the background
// saves the session's snapshot; coming back asks the core for a fresh frame
// (it hands out what fell due while the app was suspended). A `.unknot`
// file opened from elsewhere shows its preview before it can be accepted.

import SwiftUI
import UnknotCore

@main
struct UnknotApp: App {
    @State private var player = PlayerModel()
    @State private var app = AppData()
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environment(player)
                .environment(app)
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

/// The tabs, the safety screen before anything else, and the preview of
/// a program opened from a file.
struct RootView: View {
    @Environment(AppData.self) private var app
    @State private var openError: String?
    private let safety = safetyScreen(lang: PlayerModel.language)
    @State private var safetyAccepted = SafetyAcceptance.isAccepted(
        safetyScreen(lang: PlayerModel.language).version)

    var body: some View {
        // Read here, so the view follows the store's changes.
        let pending = safetyAccepted ? app.pendingImport.map(PendingProgram.init(json:)) : nil
        TabView {
            if app.program != nil {
                NavigationStack { TodayView() }
                    .tabItem { Label("Today", systemImage: "sun.max") }
            }
            NavigationStack { LibraryView(lang: PlayerModel.language) }
                .tabItem { Label("Routines", systemImage: "list.bullet") }
            NavigationStack { ProgressScreen() }
                .tabItem { Label("Progress", systemImage: "chart.line.uptrend.xyaxis") }
            NavigationStack { ProgramImportView() }
                .tabItem { Label("Program", systemImage: "doc.text") }
        }
        .onOpenURL { url in
            do {
                try app.open(url: url)
                openError = nil
            } catch {
                openError = errorText(error)
            }
        }
        .sheet(item: Binding(get: { pending }, set: { if $0 == nil { app.pendingImport = nil } })) { item in
            NavigationStack { ProgramPreview(json: item.json) }
        }
        .alert("The file cannot be opened",
               isPresented: Binding(get: { openError != nil }, set: { if !$0 { openError = nil } })) {
            Button("OK", role: .cancel) { openError = nil }
        } message: {
            Text(openError ?? "")
        }
        .fullScreenCover(isPresented: .constant(!safetyAccepted)) {
            SafetySheet(screen: safety) {
                SafetyAcceptance.accept(safety.version)
                safetyAccepted = true
            }
        }
    }
}

/// A program waiting for "Accept", as a sheet item (its text is its identity).
struct PendingProgram: Identifiable {
    let json: String
    var id: String { json }
}
