// The built-in routines, searchable by text and filtered by body area and
// tag (the package's `LibraryModel`). A session saved unfinished by an
// earlier run is offered at the top; "Make a program" opens therapist mode.

import SwiftUI
import UnknotApp
import UnknotCore

struct LibraryView: View {
    @EnvironmentObject private var player: Observed<PlayerModel>
    @StateObject private var library = Observed(LibraryModel(lang: appLanguage))
    @State private var playing = false
    @State private var resumeError: String?

    var body: some View {
        List {
            if let offer = player.resumable {
                Section("Unfinished session") {
                    Text(offer.title).font(.title3.bold())
                    Button {
                        do {
                            try player.model.restore(offer.saved)
                            resumeError = nil
                            playing = true
                        } catch {
                            resumeError = ErrorReport(error).text
                        }
                    } label: {
                        Text("Resume where you left off").frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                    Button("Discard", role: .destructive) { player.model.discardSaved() }
                }
            }
            if let resumeError {
                Section { Text(resumeError).foregroundStyle(.red) }
            }
            Section {
                Picker("Body area", selection: library.binding(\.area)) {
                    Text("Any").tag(String?.none)
                    ForEach(library.areas, id: \.self) { Text(vocabLabel($0)).tag(String?.some($0)) }
                }
                Picker("Tag", selection: library.binding(\.tag)) {
                    Text("Any").tag(String?.none)
                    ForEach(library.tags, id: \.self) { Text(vocabLabel($0)).tag(String?.some($0)) }
                }
            }
            CueStyleSection()
            Section {
                if library.shown.isEmpty { Text("No routine matches.") }
                ForEach(library.shown, id: \.id) { s in
                    NavigationLink(value: s.id) {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(s.title).font(.title3.bold())
                            if !s.summary.isEmpty { Text(s.summary).font(.body) }
                            Text("\(clockText(s.timedMs)) · \(Int(s.steps)) steps").font(.callout).foregroundStyle(.secondary)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
        }
        .navigationTitle("Routines")
        .searchable(text: library.binding(\.query), prompt: Text("Search routines"))
        .therapistEntry(programJson: nil, place: "library")
        .navigationDestination(for: String.self) { id in RoutineDetailView(id: id) }
        .navigationDestination(isPresented: $playing) { PlayerView() }
    }
}
