// A therapist's home program: importing it (a pasted or scanned share
// code, or a `.unknot` file), previewing it with the therapist's notes and
// cautions before accepting it, and the Today screen of what the core says
// is due. The core parses, validates, schedules and grows the routines.

import SwiftUI
import UniformTypeIdentifiers
import UnknotCore
import VisionKit

extension UTType {
    /// A `.unknot` home program (exported in project.yml).
    static let unknotProgram = UTType(exportedAs: "app.unknot.program", conformingTo: .json)
}

/// The program a person received, before "Accept": what the core read
/// from it, the therapist's notes and cautions included.
struct ProgramPreview: View {
    let json: String
    @Environment(AppData.self) private var app
    @Environment(\.dismiss) private var dismiss
    @State private var error: String?

    var body: some View {
        let parsed = Result { try parseProgram(json: json, lang: PlayerModel.language) }
        List {
            switch parsed {
            case .success(let p):
                ProgramSummary(program: p)
                if app.program != nil {
                    Section { Text("Accepting it replaces your current program. Your journal is kept.") }
                }
                Section {
                    Button {
                        do {
                            try app.accept(programJson: json)
                            dismiss()
                        } catch {
                            self.error = errorText(error)
                        }
                    } label: {
                        Text("Accept").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                    Button("Cancel", role: .cancel) { dismiss() }
                    if let error { Text(error).foregroundStyle(.red) }
                }
            case .failure(let e):
                Section { Text(errorText(e)).foregroundStyle(.red) }
                Button("Close") { dismiss() }
            }
        }
        .navigationTitle("New program")
    }
}

/// The program's sections as the core describes them.
struct ProgramSummary: View {
    let program: ProgramDetails

    var body: some View {
        Section {
            Text(program.title).font(.title2.bold())
            if let from = program.from {
                let who = [from.therapist, from.clinic].compactMap { $0 }.joined(separator: ", ")
                if !who.isEmpty { Text("From \(who)") }
                if let contact = from.contact { Text(contact).textSelection(.enabled) }
            }
            if let name = program.forName { Text("For \(name)") }
            Text("\(program.start) to \(program.end), \(program.weeks) weeks").font(.callout)
        }
        if !program.notes.isEmpty {
            Section("From your therapist") { Text(program.notes) }
        }
        if !program.cautions.isEmpty {
            Section("Before you start") {
                ForEach(program.cautions, id: \.self) { Label($0, systemImage: "exclamationmark.triangle") }
            }
        }
        Section("Routines") {
            ForEach(program.routines, id: \.id) { r in
                HStack {
                    Text(r.title)
                    Spacer()
                    Text(clockText(r.timedMs)).monospacedDigit().foregroundStyle(.secondary)
                }
            }
        }
    }
}

/// Pasting or scanning a share code, or choosing a `.unknot` file.
struct ProgramImportView: View {
    @Environment(AppData.self) private var app
    @State private var text = ""
    @State private var error: String?
    @State private var scanning = false
    @State private var choosingFile = false

    var body: some View {
        List {
            if let p = app.program {
                Section("Current program") {
                    Text(p.title).font(.headline)
                    Button("Remove program", role: .destructive) { app.removeProgram() }
                }
            }
            Section("Paste the code from your therapist") {
                TextEditor(text: $text)
                    .font(.body.monospaced())
                    .frame(minHeight: 120)
                    .autocorrectionDisabled()
                    .textInputAutocapitalization(.never)
                Button("Read code") { read(text) }
                    .disabled(text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            }
            Section {
                if QRScanner.isSupported {
                    Button { scanning = true } label: { Label("Scan QR code", systemImage: "qrcode.viewfinder") }
                }
                Button { choosingFile = true } label: { Label("Open a .unknot file", systemImage: "doc") }
            }
            if let error { Section { Text(error).foregroundStyle(.red) } }
        }
        .navigationTitle("Program")
        .sheet(isPresented: $scanning) {
            NavigationStack {
                QRScanner { code in
                    scanning = false
                    read(code)
                }
                .ignoresSafeArea(edges: .bottom)
                .navigationTitle("Scan the program's QR code")
                .navigationBarTitleDisplayMode(.inline)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) { Button("Cancel") { scanning = false } }
                }
            }
        }
        .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.unknotProgram, .json]) { result in
            do {
                try app.open(url: try result.get())
                error = nil
            } catch {
                self.error = errorText(error)
            }
        }
    }

    private func read(_ input: String) {
        do {
            app.pendingImport = try AppData.programText(from: input)
            error = nil
        } catch {
            self.error = errorText(error)
        }
    }
}

/// Today in the active program: each routine due, as the core counts it
/// against the journal, startable as grown for the current week. The
/// toolbar leads to therapist mode: a new program, or this one edited.
struct TodayView: View {
    @Environment(AppData.self) private var app
    @Environment(PlayerModel.self) private var player
    @State private var due: DueTodayRecord?
    @State private var error: String?
    @State private var asking: DueRoutineRecord?
    @State private var startWith: (routine: DueRoutineRecord, pain: Int32?)?
    @State private var playing = false

    var body: some View {
        List {
            if let p = app.program {
                Section {
                    Text(p.title).font(.title2.bold())
                    if !p.notes.isEmpty { Text(p.notes) }
                }
                if let d = due {
                    switch d.status {
                    case .notStarted:
                        Section { Text("Your program starts on \(p.start).") }
                    case .ended:
                        Section { Text("Your program ended on \(p.end). Ask your therapist what comes next.") }
                    case .active:
                        Section(d.week.map { "Week \($0) of \(p.weeks)" } ?? "Today") {
                            ForEach(d.due, id: \.routineId) { r in row(r) }
                        }
                    }
                }
            }
            if let error { Section { Text(error).foregroundStyle(.red) } }
        }
        .navigationTitle("Today")
        .therapistEntry(programJson: app.programJson, place: "today")
        .navigationDestination(isPresented: $playing) { PlayerView() }
        .sheet(item: Binding(get: { asking.map(DueItem.init) }, set: { asking = $0?.routine }),
               onDismiss: start) { item in
            PainCheck(title: "Pain right now", confirm: "Start") { pain in
                startWith = (item.routine, pain)
                asking = nil
            }
        }
        .task(id: "\(app.journalVersion) \(app.program?.id ?? "")") { load() }
    }

    @ViewBuilder private func row(_ r: DueRoutineRecord) -> some View {
        let left = r.weekLeft.map { $0 > 0 } ?? (r.leftToday > 0)
        VStack(alignment: .leading, spacing: 6) {
            Text(r.title).font(.title3.bold())
            Text(clockText(r.timedMs)).font(.callout).foregroundStyle(.secondary)
            if let w = r.weekLeft {
                Text(w == 1 ? "1 more this week" : "\(w) more this week")
            } else {
                Text("\(r.done) of \(r.today) done today")
            }
            if left {
                Button { asking = r } label: {
                    Text("Start").frame(maxWidth: .infinity, minHeight: 44)
                }
                .buttonStyle(.borderedProminent)
            } else {
                Button { asking = r } label: {
                    Text("Do it again").frame(maxWidth: .infinity, minHeight: 44)
                }
                .buttonStyle(.bordered)
            }
        }
        .padding(.vertical, 4)
    }

    private func load() {
        guard let json = app.programJson else { due = nil; return }
        do {
            // The journal counts the sessions recorded for the program;
            // without it, nothing counts as done.
            if let journal = app.journal {
                due = try journal.dueToday(programJson: json, date: localDay(), lang: PlayerModel.language)
            } else {
                due = try programDueToday(programJson: json, date: localDay(), done: [], lang: PlayerModel.language)
            }
            error = app.journalError
        } catch {
            self.error = errorText(error)
        }
    }

    private func start() {
        let chosen = startWith
        startWith = nil
        guard let s = chosen, let json = app.programJson, let p = app.program,
              let week = due?.week else { return }
        do {
            try player.beginProgram(programJson: json, programId: p.id, routineId: s.routine.routineId,
                                    week: week, lang: PlayerModel.language, painBefore: s.pain)
            error = nil
            playing = true
        } catch {
            self.error = errorText(error)
        }
    }
}

/// A due routine as a sheet item.
struct DueItem: Identifiable {
    let routine: DueRoutineRecord
    var id: String { routine.routineId }
}

/// VisionKit's live QR scanner; hands over the first share code it sees.
struct QRScanner: UIViewControllerRepresentable {
    let onCode: (String) -> Void

    /// Whether this device has a camera that can scan; the scanner asks
    /// for camera access when it first opens.
    @MainActor static var isSupported: Bool { DataScannerViewController.isSupported }

    func makeUIViewController(context: Context) -> DataScannerViewController {
        let scanner = DataScannerViewController(
            recognizedDataTypes: [.barcode(symbologies: [.qr])],
            qualityLevel: .balanced,
            recognizesMultipleItems: false,
            isHighFrameRateTrackingEnabled: false,
            isHighlightingEnabled: true)
        scanner.delegate = context.coordinator
        return scanner
    }

    // Scanning starts once the scanner is on screen.
    // startScanning throws while the camera is unavailable (e.g. access
    // denied); the sheet then stays empty and can be cancelled.
    func updateUIViewController(_ scanner: DataScannerViewController, context: Context) {
        if !scanner.isScanning { try? scanner.startScanning() }
    }

    static func dismantleUIViewController(_ scanner: DataScannerViewController, coordinator: Coordinator) {
        scanner.stopScanning()
    }

    func makeCoordinator() -> Coordinator { Coordinator(onCode: onCode) }

    @MainActor final class Coordinator: NSObject, DataScannerViewControllerDelegate {
        private let onCode: (String) -> Void
        private var delivered = false

        init(onCode: @escaping (String) -> Void) { self.onCode = onCode }

        func dataScanner(_ dataScanner: DataScannerViewController, didAdd addedItems: [RecognizedItem],
                         allItems: [RecognizedItem]) {
            guard !delivered else { return }
            for item in addedItems {
                if case .barcode(let barcode) = item, let text = barcode.payloadStringValue,
                   looksLikeShareCode(text: text) {
                    delivered = true
                    onCode(text)
                    return
                }
            }
        }
    }
}
