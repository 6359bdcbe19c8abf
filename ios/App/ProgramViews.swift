// A therapist's home program: importing it (a pasted or scanned share
// code, or a `.unknot` file), previewing it with the therapist's notes and
// cautions before accepting it, and the Today screen of what the core says
// is due. The package's models hold what the core said.

import SwiftUI
import UniformTypeIdentifiers
import UnknotApp
import UnknotCore
import VisionKit

extension UTType {
    /// A `.unknot` home program (exported in project.yml).
    static let unknotProgram = UTType(exportedAs: "app.unknot.program", conformingTo: .json)
}

/// The program a person received, before "Accept".
struct ProgramPreview: View {
    @StateObject private var preview: Observed<ProgramPreviewModel>
    @Environment(\.dismiss) private var dismiss

    init(json: String, app: AppData) {
        _preview = StateObject(wrappedValue: Observed(ProgramPreviewModel(json: json, app: app)))
    }

    var body: some View {
        List {
            switch preview.parsed {
            case .success(let p):
                ProgramSummary(program: p)
                if preview.replacesProgram {
                    Section { Text("Accepting it replaces your current program. Your journal is kept.") }
                }
                Section {
                    Button {
                        preview.model.accept()
                        if preview.accepted { dismiss() }
                    } label: {
                        Text("Accept").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                    Button("Cancel", role: .cancel) { dismiss() }
                    if let error = preview.acceptError { Text(error.text).foregroundStyle(.red) }
                }
            case .failure(let e):
                Section { Text(e.text).foregroundStyle(.red) }
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
            (Text("\(program.start) to \(program.end)") + Text(verbatim: ", ") + Text("\(program.weeks) weeks"))
                .font(.callout)
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
                    Text(durationText(ms: r.timedMs, lang: appLanguage)).monospacedDigit().foregroundStyle(.secondary)
                }
            }
        }
    }
}

/// Pasting or scanning a share code, or choosing a `.unknot` file.
struct ProgramImportView: View {
    @EnvironmentObject private var app: Observed<AppData>
    @StateObject private var importer: Observed<ImportModel>
    @State private var scanning = false
    @State private var choosingFile = false

    init(app: AppData) {
        _importer = StateObject(wrappedValue: Observed(ImportModel(app: app)))
    }

    var body: some View {
        List {
            if let p = app.program {
                Section("Current program") {
                    Text(p.title).font(.headline)
                    Button("Remove program", role: .destructive) { app.model.removeProgram() }
                }
            }
            Section("Paste the code from your therapist") {
                TextEditor(text: importer.binding(\.text))
                    .font(.body.monospaced())
                    .frame(minHeight: 120)
                    .autocorrectionDisabled()
                    .textInputAutocapitalization(.never)
                Button("Read code") { importer.model.read() }
                    .disabled(!importer.canRead)
            }
            Section {
                if QRScanner.isSupported {
                    Button { scanning = true } label: { Label("Scan QR code", systemImage: "qrcode.viewfinder") }
                }
                Button { choosingFile = true } label: { Label("Open a .unknot file", systemImage: "doc") }
            }
            if let error = importer.error { Section { Text(error.text).foregroundStyle(.red) } }
        }
        .navigationTitle("Program")
        .sheet(isPresented: $scanning) {
            NavigationStack {
                QRScanner { code in
                    scanning = false
                    importer.model.read(code)
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
            switch result {
            case .success(let url):
                let scoped = url.startAccessingSecurityScopedResource()
                defer { if scoped { url.stopAccessingSecurityScopedResource() } }
                importer.model.open(fileAt: url)
            case .failure(let error):
                importer.model.failed(error)
            }
        }
    }
}

/// Today in the active program, as the core answers it: the routines it
/// shows, what is left today and this week, and the action with its words.
/// The toolbar leads to therapist mode: a new program, or this one edited.
struct TodayView: View {
    @EnvironmentObject private var app: Observed<AppData>
    @EnvironmentObject private var player: Observed<PlayerModel>
    @EnvironmentObject private var navigator: Observed<SessionNavigator>
    @StateObject private var today: Observed<TodayModel>
    @State private var asking: TodayRoutineRecord?
    @State private var replacing: (routine: TodayRoutineRecord, open: String)?
    @State private var startWith: (routine: TodayRoutineRecord, pain: Int32?)?

    init(app: AppData) {
        _today = StateObject(wrappedValue: Observed(TodayModel(app: app, wallClock: SystemWallClock())))
    }

    var body: some View {
        List {
            if let p = app.program, let t = today.today {
                Section {
                    Text(t.title).font(.title2.bold())
                    if !p.notes.isEmpty { Text(p.notes) }
                }
                if let message = t.message { Section { Text(message) } }
                if !today.rows.isEmpty {
                    Section {
                        ForEach(today.rows, id: \.routineId) { r in row(r) }
                    } header: {
                        if let heading = t.heading { Text(verbatim: heading) }
                    }
                }
            }
            if let error = today.error { Section { Text(error.text).foregroundStyle(.red) } }
        }
        .navigationTitle("Today")
        .therapistEntry(programJson: app.programJson, place: "today")
        .askBeforeReplacing(replacing?.open, cancel: { replacing = nil }) {
            let r = replacing?.routine
            navigator.model.endOpenSession()
            replacing = nil
            asking = r
        }
        .sheet(item: Binding(get: { asking.map(TodayItem.init) }, set: { asking = $0?.routine }),
               onDismiss: start) { item in
            PainQuestion(title: "Pain right now", confirm: "Start", stopAbove: today.stopAbove) { pain in
                startWith = (item.routine, pain)
                asking = nil
            } onCancel: {
                asking = nil
            }
        }
        .task(id: "\(app.journalVersion) \(app.program?.id ?? "")") { today.model.load() }
    }

    @ViewBuilder private func row(_ r: TodayRoutineRecord) -> some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(r.title).font(.title3.bold())
            Text(today.model.length(r)).font(.callout).foregroundStyle(.secondary)
            Text(verbatim: r.todayText)
            if let week = r.weekText { Text(verbatim: week) }
            if let label = r.actionLabel {
                if r.action == .start {
                    Button { tapStart(r) } label: {
                        Text(verbatim: label).frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                } else {
                    Button { tapStart(r) } label: {
                        Text(verbatim: label).frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.bordered)
                }
            }
        }
        .padding(.vertical, 4)
    }

    private func tapStart(_ r: TodayRoutineRecord) {
        if let open = navigator.askBeforeStarting {
            replacing = (r, open)
        } else {
            asking = r
        }
    }

    private func start() {
        let chosen = startWith
        startWith = nil
        guard let s = chosen else { return }
        navigator.model.started(today.model.start(s.routine, painBefore: s.pain, on: player.model))
    }
}

/// A routine of Today as a sheet item.
struct TodayItem: Identifiable {
    let routine: TodayRoutineRecord
    var id: String { routine.routineId }
}

/// VisionKit's live QR scanner; hands over the first share code it sees.
struct QRScanner: UIViewControllerRepresentable {
    let onCode: (String) -> Void

    /// Whether this device has a camera that can scan.
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
        private let scanned = ScannedCode()

        init(onCode: @escaping (String) -> Void) { self.onCode = onCode }

        func dataScanner(_ dataScanner: DataScannerViewController, didAdd addedItems: [RecognizedItem],
                         allItems: [RecognizedItem]) {
            for case .barcode(let barcode) in addedItems {
                if let code = scanned.accept(barcode.payloadStringValue) { onCode(code) }
            }
        }
    }
}
