// Therapist mode: a home program put together from built-in routines on a
// form over the package's `ProgramEditorModel`, which sends every change
// through the core and holds its problems (each with the field it is
// about), its timings, the program file and its share code. These screens
// only show what it holds. A valid program is shown as a full-screen QR
// code, shared as a `.unknot` file, copied as a code, or used on this
// phone through the same preview as any imported program.

import SwiftUI
import UIKit
import UnknotApp
import UnknotCore

extension View {
    /// "Make a program" in the toolbar and, when `programJson` (the active
    /// program) is given, "Edit as therapist" beside it. `place` names the
    /// screen, so each keeps its own draft in scene storage.
    func therapistEntry(programJson: String?, place: String) -> some View {
        modifier(TherapistEntryButtons(programJson: programJson, place: place))
    }
}

/// The toolbar entry to therapist mode and the editor sheet it opens. While
/// the editor is open, the draft is kept in scene storage as the core's
/// text for it, so it survives the system ending the app.
struct TherapistEntryButtons: ViewModifier {
    let programJson: String?
    @State private var open: DraftToEdit?
    @State private var failure: EntryFailure?
    @SceneStorage private var savedDraft: String

    init(programJson: String?, place: String) {
        self.programJson = programJson
        _savedDraft = SceneStorage(wrappedValue: "", "therapist.draft.\(place)")
    }

    /// Why the editor could not be opened.
    struct EntryFailure {
        let title: LocalizedStringKey
        let message: String
    }

    func body(content: Content) -> some View {
        content
            .toolbar {
                ToolbarItem(placement: .primaryAction) {
                    if programJson != nil {
                        Menu {
                            makeButton
                            Button(action: edit) { Label("Edit as therapist", systemImage: "pencil") }
                        } label: {
                            Label("Therapist", systemImage: "stethoscope")
                        }
                    } else {
                        makeButton
                    }
                }
            }
            .sheet(item: $open, onDismiss: { savedDraft = "" }) { item in
                NavigationStack { ProgramEditor(item: item, saved: $savedDraft) }
            }
            .onAppear {
                guard open == nil, !savedDraft.isEmpty else { return }
                open = TherapistEntry.restore(saved: savedDraft)
                if open == nil { savedDraft = "" }
            }
            .alert(Text(failure?.title ?? ""),
                   isPresented: Binding(get: { failure != nil }, set: { if !$0 { failure = nil } }),
                   presenting: failure) { _ in
                Button("OK", role: .cancel) { failure = nil }
            } message: { f in
                Text(f.message)
            }
    }

    private var makeButton: some View {
        Button(action: make) { Label("Make a program", systemImage: "square.and.pencil") }
    }

    private func make() {
        do {
            open = try TherapistEntry.new(today: localDay(Date(), .current))
        } catch {
            failure = EntryFailure(title: "A new program cannot be started", message: ErrorReport(error, lang: appLanguage).text)
        }
    }

    private func edit() {
        guard let programJson else { return }
        do {
            open = try TherapistEntry.edit(programJson: programJson)
        } catch {
            failure = EntryFailure(title: "This program cannot be edited here", message: ErrorReport(error, lang: appLanguage).text)
        }
    }
}

/// The form over a draft and what the core makes of it.
struct ProgramEditor: View {
    @StateObject private var editor: Observed<ProgramEditorModel>
    @Binding private var saved: String
    @EnvironmentObject private var app: Observed<AppData>
    @Environment(\.dismiss) private var dismiss
    @State private var choosing = false
    @State private var showingQR: QRItem?
    @State private var confirmClose = false

    init(item: DraftToEdit, saved: Binding<String>) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("share", isDirectory: true)
        _editor = StateObject(wrappedValue: Observed(ProgramEditorModel(item, lang: appLanguage, shareFolder: folder)))
        _saved = saved
    }

    private var draft: ProgramDraft { editor.draft }
    private var limits: DraftLimits { editor.limits }

    var body: some View {
        Form {
            Section("Program") {
                TextField("Title", text: editor.binding(\.draft.title))
                ProblemsOf(problems: editor.model.problems(field: "title"))
                TextField("For (the patient's first name or nickname)", text: textOrNone(\.draft.forName))
                    .textContentType(.givenName)
            }
            Section("From") {
                TextField("Therapist", text: textOrNone(\.draft.therapist)).textContentType(.name)
                TextField("Clinic or practice", text: textOrNone(\.draft.clinic)).textContentType(.organizationName)
                TextField("Contact (phone, email or address)", text: textOrNone(\.draft.contact))
            }
            Section("When") {
                DatePicker("Starts on", selection: Binding(
                    get: { editor.model.startDate(.current, today: Date()) },
                    set: { editor.model.setStart($0, .current) }), displayedComponents: .date)
                ProblemsOf(problems: editor.model.problems(field: "start"))
                Stepper(value: editor.binding(\.draft.weeks), in: 1...limits.maxWeeks) {
                    Text("\(draft.weeks) weeks")
                }
                ProblemsOf(problems: editor.model.problems(field: "weeks"))
            }
            Section("Notes for the patient") {
                TextField("Notes", text: editor.binding(\.draft.notes), axis: .vertical).lineLimit(3...12)
            }
            cautionsSection
            Section("Pain") {
                Stepper(value: editor.binding(\.draft.painStopAbove), in: 0...limits.painMax) {
                    Text("Stop a session when pain is above \(draft.painStopAbove) of \(limits.painMax)")
                }
                Stepper(value: editor.binding(\.draft.painFlareRise), in: limits.flareRiseMin...limits.painMax) {
                    Text("A rise of \(draft.painFlareRise) counts as a flare")
                }
            }
            routinesSection
            if editor.isValid {
                timingSection
                shareSection
            } else {
                Section("Before it can be shared") {
                    ForEach(Array(editor.outcome.problems.enumerated()), id: \.offset) { _, p in ProblemRow(problem: p) }
                }
            }
        }
        .navigationTitle(editor.isNew ? Text("New program") : Text("Edit program"))
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                Button("Close") { if editor.closeNeedsConfirmation { confirmClose = true } else { dismiss() } }
            }
            ToolbarItem(placement: .primaryAction) { EditButton() }
        }
        .confirmationDialog("Close the program?", isPresented: $confirmClose, titleVisibility: .visible) {
            Button("Close and discard changes", role: .destructive) { dismiss() }
            Button("Keep editing", role: .cancel) {}
        } message: {
            Text("What you entered here is not kept.")
        }
        .interactiveDismissDisabled(editor.closeNeedsConfirmation)
        .onChange(of: editor.saved, initial: true) { _, text in saved = text }
        .sheet(isPresented: $choosing) {
            NavigationStack { RoutineChooser(editor: editor) }
        }
        .fullScreenCover(item: $showingQR) { item in
            QRCodeScreen(code: item.code, title: item.title)
        }
    }

    /// An optional text field of the draft as text; empty is none.
    private func textOrNone(_ field: ReferenceWritableKeyPath<ProgramEditorModel, String?>) -> Binding<String> {
        Binding(get: { editor.model[keyPath: field] ?? "" },
                set: { editor.model[keyPath: field] = $0.isEmpty ? nil : $0 })
    }

    private var cautionsSection: some View {
        Section {
            ForEach(draft.cautions.indices, id: \.self) { i in
                TextField("Caution", text: Binding(
                    get: { i < editor.draft.cautions.count ? editor.draft.cautions[i] : "" },
                    set: { editor.model.setCaution(i, $0) }), axis: .vertical)
            }
            .onDelete { editor.model.draft.cautions.remove(atOffsets: $0) }
            Button { editor.model.addCaution() } label: {
                Label("Add a caution", systemImage: "plus").frame(minHeight: 44)
            }
        } header: {
            Text("Cautions")
        } footer: {
            Text("Shown to the patient before every routine.")
        }
    }

    private var routinesSection: some View {
        Section("Routines") {
            ForEach(Array(draft.items.enumerated()), id: \.element.builtinId) { i, item in
                NavigationLink {
                    DraftItemEditor(editor: editor, builtinId: item.builtinId)
                } label: {
                    itemRow(item, index: i)
                }
                .accessibilityActions {
                    if i > 0 { Button("Move up") { editor.model.moveItem(i, by: -1) } }
                    if i + 1 < draft.items.count { Button("Move down") { editor.model.moveItem(i, by: 1) } }
                    Button("Remove") { editor.model.removeItem(i) }
                }
            }
            .onDelete { editor.model.draft.items.remove(atOffsets: $0) }
            .onMove { editor.model.draft.items.move(fromOffsets: $0, toOffset: $1) }
            Button { choosing = true } label: {
                Label("Add a routine", systemImage: "plus").frame(minHeight: 44)
            }
            ProblemsOf(problems: editor.model.problems(field: "items").filter { $0.path == "items" })
        }
    }

    private func itemRow(_ item: DraftItem, index: Int) -> some View {
        let problems = editor.model.problems(item: index)
        return VStack(alignment: .leading, spacing: 4) {
            Text(editor.model.title(of: item.builtinId)).font(.headline)
            frequencyText(item.frequency, choice: editor.model.choice(item.builtinId), editor: editor.model)
            if item.progression != nil {
                Text("Grows week by week").font(.callout).foregroundStyle(.secondary)
            }
            if !problems.isEmpty {
                Label("\(problems.count) things to fix", systemImage: "exclamationmark.triangle")
                    .font(.callout)
                    .foregroundStyle(.orange)
            }
        }
        .padding(.vertical, 4)
        .accessibilityElement(children: .combine)
    }

    /// How long the program takes, as the core timed it.
    private var timingSection: some View {
        Section("Time it asks for") {
            ForEach(editor.outcome.routines, id: \.builtinId) { t in
                VStack(alignment: .leading, spacing: 4) {
                    Text(t.title).font(.headline)
                    Text("\(t.perWeek) times a week")
                    if t.firstWeekMs == t.lastWeekMs {
                        Text("\(editor.model.length(t.firstWeekMs)) each time")
                    } else {
                        Text("\(editor.model.length(t.firstWeekMs)) each time in week 1, \(editor.model.length(t.lastWeekMs)) in week \(draft.weeks)")
                    }
                }
                .accessibilityElement(children: .combine)
            }
            LabeledContent {
                Text("\(editor.outcome.minutesPerWeekFirst) min a week")
            } label: {
                Text("Week 1")
            }
            if draft.weeks > 1 {
                LabeledContent {
                    Text("\(editor.outcome.minutesPerWeekLast) min a week")
                } label: {
                    Text("Week \(draft.weeks)")
                }
            }
        }
    }

    /// QR code, file, code and this phone, once the program is valid.
    @ViewBuilder private var shareSection: some View {
        if let json = editor.outcome.programJson, let share = editor.outcome.share {
            Section("Give it to the patient") {
                if share.qrVersion != nil {
                    Button {
                        showingQR = QRItem(code: share.code, title: draft.title)
                    } label: {
                        Label("Show QR code", systemImage: "qrcode")
                            .font(.title3.bold())
                            .frame(maxWidth: .infinity, minHeight: 44)
                    }
                    .buttonStyle(.borderedProminent)
                } else {
                    Label("This program is too large for one QR code. Share the file instead.",
                          systemImage: "info.circle")
                }
                switch editor.shareFile {
                case .success(let url)?:
                    ShareLink(item: url) {
                        Label("Share the .unknot file", systemImage: "square.and.arrow.up").frame(minHeight: 44)
                    }
                case .failure(let error)?:
                    Text("The file could not be written: \(error.text)").foregroundStyle(.red)
                case nil:
                    EmptyView()
                }
                Button {
                    UIPasteboard.general.string = share.code
                    editor.model.copiedCode = share.code
                } label: {
                    if editor.copiedCode == share.code {
                        Label("Code copied", systemImage: "doc.on.doc").frame(minHeight: 44)
                    } else {
                        Label("Copy code", systemImage: "doc.on.doc").frame(minHeight: 44)
                    }
                }
                NavigationLink {
                    ProgramPreview(json: json, app: app.model)
                } label: {
                    Label("Use on this phone", systemImage: "iphone").frame(minHeight: 44)
                }
                if app.programJson == json {
                    Label("This is the program in use on this phone.", systemImage: "checkmark.circle")
                }
            }
        }
    }
}

/// A share code to show full screen, as a cover item.
struct QRItem: Identifiable {
    let code: String
    let title: String
    var id: String { code }
}

/// One problem the core found: where, what, and how to fix it.
struct ProblemRow: View {
    let problem: Problem

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Label(problem.message, systemImage: "exclamationmark.triangle")
                .foregroundStyle(.orange)
            Text(problem.path).font(.callout.monospaced()).foregroundStyle(.secondary)
            if let hint = problem.hint {
                Text(hint).font(.callout)
            }
        }
        .padding(.vertical, 2)
        .accessibilityElement(children: .combine)
    }
}

/// The problems of one field, beside it.
struct ProblemsOf: View {
    let problems: [Problem]

    var body: some View {
        ForEach(Array(problems.enumerated()), id: \.offset) { _, p in ProblemRow(problem: p) }
    }
}

/// A frequency in words: "Every day", the chosen weekdays (the core's
/// short names), or times a week, with the times a day when more than one.
@MainActor
func frequencyText(_ frequency: Frequency, choice: FrequencyChoice, editor: ProgramEditorModel) -> Text {
    switch frequency {
    case .perWeek(let times):
        return Text("\(times) times a week")
    case .days(let days, let perDay):
        let when: String
        if days.isEmpty {
            when = String(localized: "No days chosen")
        } else if choice == .daily {
            when = String(localized: "Every day")
        } else {
            when = days.map { editor.weekday($0).short }.formatted(.list(type: .and))
        }
        return perDay == 1 ? Text(when) : Text(when) + Text(verbatim: ", ") + Text("\(perDay) times a day")
    }
}

/// One routine of the draft: when it is due and how it grows.
struct DraftItemEditor: View {
    @ObservedObject var editor: Observed<ProgramEditorModel>
    let builtinId: String
    @FocusState private var focusedCap: WritableKeyPath<DraftProgression, Int32?>?

    private var limits: DraftLimits { editor.limits }

    var body: some View {
        let model = editor.model
        Form {
            if let item = model.item(builtinId), let i = model.draft.items.firstIndex(where: { $0.builtinId == builtinId }) {
                Section("How often") {
                    Picker("How often", selection: Binding(get: { model.choice(builtinId) },
                                                           set: { model.setChoice(builtinId, $0) })) {
                        Text("Every day").tag(FrequencyChoice.daily)
                        Text("On chosen days").tag(FrequencyChoice.days)
                        Text("A number of times a week").tag(FrequencyChoice.perWeek)
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                }
                Section { countRows(item) }
                progressionSection(item)
                if let t = model.timing(builtinId) {
                    Section("Time it asks for") {
                        Text("\(t.perWeek) times a week")
                        Text("\(model.length(t.firstWeekMs)) each time in week 1")
                        if model.draft.weeks > 1 {
                            Text("\(model.length(t.lastWeekMs)) each time in week \(model.draft.weeks)")
                        }
                    }
                }
                let problems = model.problems(item: i)
                if !problems.isEmpty {
                    Section("To fix") { ProblemsOf(problems: problems) }
                }
            } else {
                Text("This routine is no longer in the program.")
            }
        }
        .navigationTitle(model.title(of: builtinId))
        .toolbar {
            ToolbarItemGroup(placement: .keyboard) {
                Spacer()
                Button("Done") { focusedCap = nil }
            }
        }
    }

    @ViewBuilder private func countRows(_ item: DraftItem) -> some View {
        let model = editor.model
        switch item.frequency {
        case .days(let days, let perDay):
            if model.choice(builtinId) == .days {
                ForEach(model.everyDay, id: \.self) { day in
                    Toggle(model.weekday(day).name, isOn: Binding(
                        get: { days.contains(day) },
                        set: { _ in model.toggle(builtinId, day: day) }))
                }
            }
            Stepper(value: Binding(get: { perDay }, set: { model.setTimesADay(builtinId, $0) }),
                    in: 1...limits.maxPerDay) {
                Text("\(perDay) times a day")
            }
        case .perWeek(let times):
            Stepper(value: Binding(get: { times }, set: { model.setTimesAWeek(builtinId, $0) }),
                    in: 1...limits.maxPerWeek) {
                Text("\(times) times a week")
            }
            Text("The patient picks the days.").font(.callout).foregroundStyle(.secondary)
        }
    }

    @ViewBuilder private func progressionSection(_ item: DraftItem) -> some View {
        let model = editor.model
        Section {
            if model.canGrow(builtinId) {
                Toggle("Grows week by week", isOn: Binding(get: { item.progression != nil },
                                                           set: { model.setGrows(builtinId, $0) }))
            } else {
                Text("Nothing in this routine grows from week to week.")
            }
            if let p = item.progression {
                Stepper(value: grow(\.everyWeeks), in: 1...limits.maxWeeks) {
                    Text("Grows every \(p.everyWeeks) weeks")
                }
                Stepper(value: grow(\.holdAddS), in: 0...limits.maxSeconds) {
                    Text("Stretch holds: +\(p.holdAddS) s")
                }
                Stepper(value: grow(\.secondsAddS), in: 0...limits.maxSeconds) {
                    Text("Massage times: +\(p.secondsAddS) s")
                }
                Stepper(value: grow(\.repsAdd), in: 0...limits.maxReps) {
                    Text("Reps: +\(p.repsAdd)")
                }
                capRow("Longest hold, seconds", \.maxHoldS)
                capRow("Longest massage, seconds", \.maxSecondsS)
                capRow("Most reps", \.maxReps)
            }
        } header: {
            Text("Progression")
        } footer: {
            if item.progression != nil {
                Text("Each time the routine grows, these are added. Leave a limit empty for none.")
            }
        }
    }

    private func grow(_ field: WritableKeyPath<DraftProgression, Int32>) -> Binding<Int32> {
        Binding(get: { editor.model.item(builtinId)?.progression?[keyPath: field] ?? 0 },
                set: { v in editor.model.setProgression(builtinId) { $0[keyPath: field] = v } })
    }

    private func capRow(_ label: LocalizedStringKey, _ field: WritableKeyPath<DraftProgression, Int32?>) -> some View {
        LabeledContent {
            TextField("No limit",
                      value: Binding(get: { editor.model.item(builtinId)?.progression?[keyPath: field] },
                                     set: { v in editor.model.setProgression(builtinId) { $0[keyPath: field] = v } }),
                      format: IntegerFormatStyle<Int32>())
                .keyboardType(.numberPad)
                .multilineTextAlignment(.trailing)
                .focused($focusedCap, equals: field)
                .accessibilityLabel(Text(label))
        } label: {
            Text(label)
        }
        .frame(minHeight: 44)
    }
}

/// The library to add routines from; routines already in the draft are
/// marked. The core adds them.
struct RoutineChooser: View {
    @ObservedObject var editor: Observed<ProgramEditorModel>
    @Environment(\.dismiss) private var dismiss
    @State private var query = ""

    var body: some View {
        let shown = editor.model.summaries(matching: query)
        List {
            if let error = editor.addError { Section { Text(error.text).foregroundStyle(.red) } }
            if shown.isEmpty { Text("No routine matches.") }
            ForEach(shown, id: \.id) { s in
                let added = editor.model.contains(s.id)
                Button { editor.model.add(s.id) } label: {
                    HStack(alignment: .firstTextBaseline) {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(s.title).font(.headline)
                            if !s.summary.isEmpty { Text(s.summary).font(.callout) }
                            Text(editor.model.length(s.timedMs)).font(.callout).foregroundStyle(.secondary)
                        }
                        Spacer()
                        if added {
                            Image(systemName: "checkmark.circle.fill").foregroundStyle(.tint)
                                .accessibilityHidden(true)
                        }
                    }
                    .frame(minHeight: 44)
                    .contentShape(Rectangle())
                }
                .buttonStyle(.plain)
                .disabled(added)
                .accessibilityValue(added ? Text("In the program") : Text(verbatim: ""))
            }
        }
        .navigationTitle("Add a routine")
        .navigationBarTitleDisplayMode(.inline)
        .searchable(text: $query, prompt: Text("Search routines"))
        .toolbar {
            ToolbarItem(placement: .confirmationAction) { Button("Done") { dismiss() } }
        }
    }
}
