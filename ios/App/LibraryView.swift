// The built-in routines, searchable by text and filtered by body area and
// tag, both taken from the summaries the core hands out. A session saved
// unfinished by an earlier run is offered at the top; "Make a program" in
// the toolbar opens therapist mode.

import SwiftUI
import UnknotCore

struct LibraryView: View {
    let lang: String
    @Environment(PlayerModel.self) private var player
    @State private var playing = false
    @State private var resumeError: String?
    @State private var all: [RoutineSummary] = []
    @State private var query = ""
    @State private var area: String?
    @State private var tag: String?

    private var shown: [RoutineSummary] {
        all.filter { s in
            if let area, !s.areas.contains(area) { return false }
            if let tag, !s.tags.contains(tag) { return false }
            let q = query.trimmingCharacters(in: .whitespaces)
            if q.isEmpty { return true }
            let words = [s.title, s.summary] + s.tags.map(vocabLabel) + s.areas.map(vocabLabel)
            return words.contains { $0.localizedCaseInsensitiveContains(q) }
        }
    }

    var body: some View {
        List {
            if let offer = player.resumable {
                Section("Unfinished session") {
                    Text(offer.title).font(.title3.bold())
                    Button {
                        do {
                            try player.restore(offer.saved)
                            resumeError = nil
                            playing = true
                        } catch {
                            resumeError = errorText(error)
                        }
                    } label: {
                        Text("Resume where you left off").frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                    Button("Discard", role: .destructive) { player.discardSaved() }
                }
            }
            if let resumeError {
                Section { Text(resumeError).foregroundStyle(.red) }
            }
            Section {
                Picker("Body area", selection: $area) {
                    Text("Any").tag(String?.none)
                    ForEach(Array(Set(all.flatMap(\.areas))).sorted(), id: \.self) { Text(vocabLabel($0)).tag(String?.some($0)) }
                }
                Picker("Tag", selection: $tag) {
                    Text("Any").tag(String?.none)
                    ForEach(Array(Set(all.flatMap(\.tags))).sorted(), id: \.self) { Text(vocabLabel($0)).tag(String?.some($0)) }
                }
            }
            Section {
                if shown.isEmpty { Text("No routine matches.") }
                ForEach(shown, id: \.id) { s in
                    NavigationLink(value: s.id) {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(s.title).font(.title3.bold())
                            if !s.summary.isEmpty { Text(s.summary).font(.body) }
                            Text("\(clockText(s.timedMs)) · \(s.steps) steps").font(.callout).foregroundStyle(.secondary)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
        }
        .navigationTitle("Routines")
        .searchable(text: $query, prompt: "Search routines")
        .therapistEntry(programJson: nil, place: "library")
        .navigationDestination(for: String.self) { id in RoutineDetailView(id: id, lang: lang) }
        .navigationDestination(isPresented: $playing) { PlayerView() }
        .task { all = builtinSummaries(lang: lang) }
    }
}
