// The "now playing" bar under each tab while the player is left: the open
// session's routine, step and time left (tap to return), or a session kept
// from an earlier run, to resume or discard. What it shows is the
// package's `SessionNavigator.bar`.

import SwiftUI
import UnknotApp
import UnknotCore

extension View {
    /// The session bar at the bottom of this screen.
    func sessionBar() -> some View { modifier(SessionBarInset()) }
}

struct SessionBarInset: ViewModifier {
    @EnvironmentObject private var navigator: Observed<SessionNavigator>
    @EnvironmentObject private var player: Observed<PlayerModel>

    // Holding the player too, so the bar is drawn again with every frame.
    func body(content: Content) -> some View {
        content.safeAreaInset(edge: .bottom) {
            if let bar = navigator.bar {
                SessionBarView(bar: bar, navigator: navigator.model)
            } else if let error = navigator.resumeError {
                Text(error.text).foregroundStyle(.red).padding()
            }
        }
    }
}

struct SessionBarView: View {
    let bar: SessionBar
    let navigator: SessionNavigator

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            switch bar {
            case .playing(let p):
                Button { navigator.show() } label: {
                    HStack(spacing: 12) {
                        Image(systemName: p.status == .running ? "waveform" : "pause.circle")
                            .font(.title2)
                            .accessibilityHidden(true)
                        VStack(alignment: .leading, spacing: 2) {
                            Text(verbatim: p.title).font(.headline)
                            if p.isOver {
                                Text("Rate and save this session").font(.callout)
                            } else {
                                Text("Step \(p.step) of \(p.stepCount)").font(.callout)
                            }
                        }
                        Spacer()
                        if !p.isOver {
                            Text(verbatim: p.timeLeft).font(.headline.monospacedDigit())
                        }
                    }
                    .frame(minHeight: 44)
                    .contentShape(Rectangle())
                }
                .buttonStyle(.plain)
                .accessibilityHint(Text("Returns to the session"))
            case .kept(let title, let isOver):
                Text("Unfinished session").font(.callout).foregroundStyle(.secondary)
                Text(verbatim: title).font(.headline)
                HStack {
                    Button { navigator.resumeKept() } label: {
                        if isOver {
                            Text("Rate and save this session").frame(maxWidth: .infinity, minHeight: 44)
                        } else {
                            Text("Resume where you left off").frame(maxWidth: .infinity, minHeight: 44)
                        }
                    }
                    .buttonStyle(.borderedProminent)
                    Button("Discard", role: .destructive) { navigator.discardKept() }
                }
            }
        }
        .padding(12)
        .background(.regularMaterial, in: RoundedRectangle(cornerRadius: 12))
        .padding(.horizontal)
        .padding(.bottom, 4)
    }
}

extension View {
    /// Asks before a new routine replaces the session still open (`open`
    /// is its title, nil when there is nothing to ask): ending it saves it
    /// in the journal as stopped, then `endAndStart` goes on.
    func askBeforeReplacing(_ open: String?, cancel: @escaping () -> Void,
                            endAndStart: @escaping () -> Void) -> some View {
        confirmationDialog("Another session is open", isPresented: Binding(
            get: { open != nil }, set: { if !$0 { cancel() } }), titleVisibility: .visible) {
            Button("End it and start this one", role: .destructive, action: endAndStart)
            Button("Cancel", role: .cancel, action: cancel)
        } message: {
            Text("“\(open ?? "")” is still open. It is saved in your journal as stopped.")
        }
    }
}
