// The app's entry point: the package's models built once over the Apple
// adapters, and the tabs: today's program (once a program is active), the
// routine library, progress and importing a program. The player is shown
// over the tabs; left, its session goes on behind the "now playing" bar,
// which also offers a session kept from an earlier run. Going to the
// background checkpoints the session in the journal; coming back asks the
// core for a fresh frame. The lock screen's and headset's commands go to the
// player. A `.unknot` file opened from elsewhere shows its preview.

import SwiftUI
import UnknotApp
import UnknotCore

@main
struct UnknotMain: App {
    @StateObject private var app: Observed<AppData>
    @StateObject private var player: Observed<PlayerModel>
    @StateObject private var safety: Observed<SafetyModel>
    @StateObject private var navigator: Observed<SessionNavigator>
    @StateObject private var cueStyle = Observed(CueStyleSetting(store: UserDefaults.standard))
    @Environment(\.scenePhase) private var scenePhase

    init() {
        let clock = SystemClock()
        let data = AppData(folder: appFolder, lang: appLanguage)
        let audio = SpokenAudioSession()
        var services = PlayerServices(
            clock: clock, wallClock: SystemWallClock(), timer: DispatchWakeTimer(clock: clock),
            speech: SystemSpeech(), haptics: SystemHaptics(), audio: audio,
            journal: data.journal)
        let engine = SystemGuidanceEngine()
        let nowPlaying = SystemNowPlaying()
        services.guidance = GuidanceServices(
            engine: engine, buffers: engine, voice: SystemSpeechRenderer(), vibration: SystemVibration(),
            events: audio, nowPlaying: nowPlaying, settings: UserDefaults.standard)
        let player = PlayerModel(services: services)
        nowPlaying.onCommand = { [weak player] in player?.handle($0) ?? false }
        _app = StateObject(wrappedValue: Observed(data))
        _player = StateObject(wrappedValue: Observed(player))
        _navigator = StateObject(wrappedValue: Observed(SessionNavigator(player: player, app: data)))
        _safety = StateObject(wrappedValue: Observed(SafetyModel(lang: appLanguage, store: UserDefaults.standard)))
    }

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(app)
                .environmentObject(player)
                .environmentObject(safety)
                .environmentObject(navigator)
                .environmentObject(cueStyle)
        }
        .onChange(of: scenePhase) { _, phase in
            switch phase {
            case .background: player.model.checkpoint()
            case .active: player.model.refresh()
            default: break
            }
        }
    }
}

/// The tabs, the safety screen before anything else, and the preview of
/// a program opened from a file.
struct RootView: View {
    @EnvironmentObject private var app: Observed<AppData>
    @EnvironmentObject private var safety: Observed<SafetyModel>
    @EnvironmentObject private var player: Observed<PlayerModel>
    @EnvironmentObject private var navigator: Observed<SessionNavigator>
    @State private var openError: ErrorReport?

    var body: some View {
        let pending = safety.isAccepted ? app.pendingImport.map(PendingProgram.init(json:)) : nil
        TabView {
            if app.program != nil {
                NavigationStack { TodayView(app: app.model) }
                    .sessionBar()
                    .tabItem { Label("Today", systemImage: "sun.max") }
            }
            NavigationStack { LibraryView() }
                .sessionBar()
                .tabItem { Label("Routines", systemImage: "list.bullet") }
            NavigationStack { ProgressScreen(app: app.model) }
                .sessionBar()
                .tabItem { Label("Progress", systemImage: "chart.line.uptrend.xyaxis") }
            NavigationStack { ProgramImportView(app: app.model) }
                .sessionBar()
                .tabItem { Label("Program", systemImage: "doc.text") }
        }
        .fullScreenCover(isPresented: Binding(get: { navigator.isPlayerShown },
                                              set: { if !$0 { navigator.model.leave() } })) {
            NavigationStack { PlayerView() }
                .environmentObject(app)
                .environmentObject(player)
                .environmentObject(navigator)
        }
        .onOpenURL { url in
            let scoped = url.startAccessingSecurityScopedResource()
            defer { if scoped { url.stopAccessingSecurityScopedResource() } }
            do {
                try app.model.open(fileAt: url)
                openError = nil
            } catch {
                openError = ErrorReport(error)
            }
        }
        .sheet(item: Binding(get: { pending }, set: { if $0 == nil { app.model.pendingImport = nil } })) { item in
            NavigationStack { ProgramPreview(json: item.json, app: app.model) }
        }
        .alert("The file cannot be opened",
               isPresented: Binding(get: { openError != nil }, set: { if !$0 { openError = nil } })) {
            Button("OK", role: .cancel) { openError = nil }
        } message: {
            Text(openError?.text ?? "")
        }
        .fullScreenCover(isPresented: .constant(!safety.isAccepted)) {
            SafetySheet(screen: safety.screen) { safety.model.accept() }
        }
    }
}

/// A program waiting for "Accept", as a sheet item (its text is its identity).
struct PendingProgram: Identifiable {
    let json: String
    var id: String { json }
}
