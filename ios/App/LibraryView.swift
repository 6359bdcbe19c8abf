// The built-in routines as the core searches them: by text in the
// person's language, by body area, tool and length (the package's
// `LibraryModel`). "Make a program" opens therapist mode.

import SwiftUI
import UnknotApp
import UnknotCore

struct LibraryView: View {
    @StateObject private var library = Observed(LibraryModel(lang: appLanguage))

    var body: some View {
        List {
            Section {
                Picker("Body area", selection: library.binding(\.area)) {
                    Text("Any").tag(String?.none)
                    ForEach(library.filters.areas, id: \.word) { Text(verbatim: $0.name).tag(String?.some($0.word)) }
                }
                Picker("Tool", selection: library.binding(\.tool)) {
                    Text("Any").tag(String?.none)
                    ForEach(library.filters.tools, id: \.word) { Text(verbatim: $0.name).tag(String?.some($0.word)) }
                }
                Picker("Length", selection: library.binding(\.maxMinutes)) {
                    Text("Any").tag(Int32?.none)
                    ForEach(library.filters.lengths, id: \.maxMinutes) { l in
                        Text("At most \(l.name)").tag(Int32?.some(l.maxMinutes))
                    }
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
                            Text("\(library.model.length(s)) · \(Int(s.steps)) steps").font(.callout).foregroundStyle(.secondary)
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
    }
}
