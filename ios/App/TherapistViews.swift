// Therapist mode: a home program put together from built-in routines on a
// form over the core's `ProgramDraft`. Every change goes through the core
// (`programDraftBuild`), which lists every problem with the field it is
// about and, once the draft is a valid program, hands out the program file,
// its share code and how long each routine takes; these screens only show
// what it says. A valid program is shown as a full-screen QR code, shared
// as a `.unknot` file, copied as a code, or used on this phone through the
// same preview as any imported program.

import SwiftUI
import UIKit
import UnknotCore

/// A draft opened in the editor, as a sheet item.
struct DraftToEdit: Identifiable {
    let id = UUID()
    let draft: ProgramDraft
    /// Whether it is a new program rather than the active one edited.
    let isNew: Bool
    /// Whether it is work in progress brought back after the system ended
    /// the app, so closing it asks first even before any change.
    var restored = false
}

extension View {
    /// "Make a program" in the toolbar and, when `programJson` (the active
    /// program) is given, "Edit as therapist" beside it. `place` names the
    /// screen, so each keeps its own draft in scene storage.
    func therapistEntry(programJson: String?, place: String) -> some View {
        modifier(TherapistEntry(programJson: programJson, place: place))
    }
}

/// The toolbar entry to therapist mode and the editor sheet it opens.
///
/// While the editor is open, the draft is kept in scene storage as the
/// core's text for it (`programDraftSave`), so a draft survives the system
/// ending the app in the background and opens again when the screen comes
/// back; closing the editor in any way clears it.
struct TherapistEntry: ViewModifier {
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
                NavigationStack {
                    ProgramEditor(draft: item.draft, isNew: item.isNew, restored: item.restored, saved: $savedDraft)
                }
            }
            .onAppear(perform: restoreDraft)
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

    /// A new draft starting today (the phone's local date).
    private func make() {
        do {
            open = DraftToEdit(draft: try programDraftNew(start: localDay()), isNew: true)
        } catch {
            failure = EntryFailure(title: "A new program cannot be started", message: errorText(error))
        }
    }

    /// The draft that was open when the system ended the app, if any.
    private func restoreDraft() {
        guard open == nil, !savedDraft.isEmpty else { return }
        if let draft = programDraftRestore(saved: savedDraft) {
            open = DraftToEdit(draft: draft, isNew: draft.basedOn == nil, restored: true)
        } else {
            savedDraft = ""
        }
    }

    /// The active program as a draft; the core says why when it cannot be
    /// (`NotEditable`: a routine is written out in full).
    private func edit() {
        guard let programJson else { return }
        do {
            open = DraftToEdit(draft: try programDraftFromProgram(programJson: programJson), isNew: false)
        } catch {
            failure = EntryFailure(title: "This program cannot be edited here", message: errorText(error))
        }
    }
}

/// The form over a draft: the program's details, its routines, and what
/// the core makes of it (its problems, or its timings and ways to share it).
struct ProgramEditor: View {
    private let original: ProgramDraft
    private let isNew: Bool
    private let restored: Bool
    /// The draft as the core's text, kept while the editor is open.
    @Binding private var saved: String
    @Environment(AppData.self) private var app
    @Environment(\.dismiss) private var dismiss
    @State private var draft: ProgramDraft
    @State private var outcome: DraftOutcome
    /// The built program written as a `.unknot` file, once it is valid.
    @State private var shareFile: Result<URL, Error>?
    @State private var summaries: [RoutineSummary] = []
    /// Every weekday word, in the core's order.
    @State private var everyDay: [String] = []
    @State private var choosing = false
    @State private var showingQR: QRItem?
    @State private var copiedCode: String?
    @State private var confirmClose = false

    init(draft: ProgramDraft, isNew: Bool, restored: Bool, saved: Binding<String>) {
        original = draft
        self.isNew = isNew
        self.restored = restored
        _saved = saved
        _draft = State(initialValue: draft)
        _outcome = State(initialValue: programDraftBuild(draft: draft, lang: PlayerModel.language))
    }

    var body: some View {
        Form {
            Section("Program") {
                TextField("Title", text: $draft.title)
                TextField("For (the patient's first name or nickname)", text: textOrNone(\.forName))
                    .textContentType(.givenName)
            }
            Section("From") {
                TextField("Therapist", text: textOrNone(\.therapist))
                    .textContentType(.name)
                TextField("Clinic or practice", text: textOrNone(\.clinic))
                    .textContentType(.organizationName)
                TextField("Contact (phone, email or address)", text: textOrNone(\.contact))
            }
            Section("When") {
                DatePicker("Starts on", selection: startDate, displayedComponents: .date)
                Stepper(value: $draft.weeks, in: 1...draftLimits.maxWeeks) {
                    Text(draft.weeks == 1 ? "1 week" : "\(draft.weeks) weeks")
                }
            }
            Section("Notes for the patient") {
                TextField("Notes", text: $draft.notes, axis: .vertical)
                    .lineLimit(3...12)
            }
            cautionsSection
            Section("Pain") {
                Stepper(value: $draft.painStopAbove, in: 0...draftLimits.painMax) {
                    Text("Stop a session when pain is above \(draft.painStopAbove) of 10")
                }
                Stepper(value: $draft.painFlareRise, in: draftLimits.flareRiseMin...draftLimits.painMax) {
                    Text("A rise of \(draft.painFlareRise) counts as a flare")
                }
            }
            routinesSection
            if outcome.problems.isEmpty {
                timingSection
                shareSection
            } else {
                Section("Before it can be shared") {
                    ForEach(Array(outcome.problems.enumerated()), id: \.offset) { _, p in ProblemRow(problem: p) }
                }
            }
        }
        .navigationTitle(isNew ? "New program" : "Edit program")
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                Button("Close") {
                    if draft == original && !restored { dismiss() } else { confirmClose = true }
                }
            }
            ToolbarItem(placement: .primaryAction) { EditButton() }
        }
        .confirmationDialog("Close the program?", isPresented: $confirmClose, titleVisibility: .visible) {
            Button("Close and discard changes", role: .destructive) { dismiss() }
            Button("Keep editing", role: .cancel) {}
        } message: {
            Text("What you entered here is not kept.")
        }
        .interactiveDismissDisabled(draft != original || restored)
        .onChange(of: draft, initial: true) {
            rebuild()
            saved = programDraftSave(draft: draft)
        }
        .sheet(isPresented: $choosing) {
            NavigationStack { RoutineChooser(draft: $draft, summaries: summaries) }
        }
        .fullScreenCover(item: $showingQR) { item in
            QRCodeScreen(code: item.code, title: item.title)
        }
        .task {
            summaries = builtinSummaries(lang: PlayerModel.language)
            everyDay = summaries.first.flatMap { DraftEdit.newItemFrequency($0.id, draft: draft)?.weekdays } ?? []
        }
    }

    /// Builds the draft again (on every change) and writes the file to share.
    private func rebuild() {
        outcome = programDraftBuild(draft: draft, lang: PlayerModel.language)
        shareFile = outcome.programJson.map { json in
            Result { try DraftEdit.shareFile(programJson: json, lang: PlayerModel.language) }
        }
    }

    /// An optional text field of the draft as text; empty is none.
    private func textOrNone(_ field: WritableKeyPath<ProgramDraft, String?>) -> Binding<String> {
        Binding(get: { draft[keyPath: field] ?? "" },
                set: { draft[keyPath: field] = $0.isEmpty ? nil : $0 })
    }

    /// The start day (`YYYY-MM-DD`) as the picker's date.
    private var startDate: Binding<Date> {
        Binding(get: { dayDate(draft.start) ?? Date() },
                set: { draft.start = localDay($0) })
    }

    private func title(of id: String) -> String {
        summaries.first { $0.id == id }?.title ?? id
    }

    // MARK: Sections

    private var cautionsSection: some View {
        Section {
            ForEach(draft.cautions.indices, id: \.self) { i in
                TextField("Caution", text: Binding(
                    get: { i < draft.cautions.count ? draft.cautions[i] : "" },
                    set: { if i < draft.cautions.count { draft.cautions[i] = $0 } }), axis: .vertical)
            }
            .onDelete { draft.cautions.remove(atOffsets: $0) }
            Button { draft.cautions.append("") } label: {
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
                    DraftItemEditor(draft: $draft, builtinId: item.builtinId, title: title(of: item.builtinId),
                                    everyDay: everyDay)
                } label: {
                    itemRow(item, index: i)
                }
                .accessibilityActions {
                    if i > 0 {
                        Button("Move up") { draft.items.move(fromOffsets: IndexSet(integer: i), toOffset: i - 1) }
                    }
                    if i + 1 < draft.items.count {
                        Button("Move down") { draft.items.move(fromOffsets: IndexSet(integer: i), toOffset: i + 2) }
                    }
                    Button("Remove") { draft.items.remove(atOffsets: IndexSet(integer: i)) }
                }
            }
            .onDelete { draft.items.remove(atOffsets: $0) }
            .onMove { draft.items.move(fromOffsets: $0, toOffset: $1) }
            Button { choosing = true } label: {
                Label("Add a routine", systemImage: "plus").frame(minHeight: 44)
            }
        }
    }

    private func itemRow(_ item: DraftItem, index: Int) -> some View {
        let problems = DraftEdit.problems(outcome.problems, item: index)
        return VStack(alignment: .leading, spacing: 4) {
            Text(title(of: item.builtinId)).font(.headline)
            frequencyText(item.frequency, everyDay: everyDay)
            if item.progression != nil {
                Text("Grows week by week").font(.callout).foregroundStyle(.secondary)
            }
            if !problems.isEmpty {
                Label(problems.count == 1 ? "1 thing to fix" : "\(problems.count) things to fix",
                      systemImage: "exclamationmark.triangle")
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
            ForEach(outcome.routines, id: \.builtinId) { t in
                VStack(alignment: .leading, spacing: 4) {
                    Text(t.title).font(.headline)
                    Text(t.perWeek == 1 ? "Once a week" : "\(t.perWeek) times a week")
                    if t.firstWeekMs == t.lastWeekMs {
                        Text("\(clockText(t.firstWeekMs)) each time")
                    } else {
                        Text("\(clockText(t.firstWeekMs)) each time in week 1, \(clockText(t.lastWeekMs)) in week \(draft.weeks)")
                    }
                }
                .accessibilityElement(children: .combine)
            }
            LabeledContent {
                Text("\(outcome.minutesPerWeekFirst) min a week")
            } label: {
                Text("Week 1")
            }
            if draft.weeks > 1 {
                LabeledContent {
                    Text("\(outcome.minutesPerWeekLast) min a week")
                } label: {
                    Text("Week \(draft.weeks)")
                }
            }
        }
    }

    /// QR code, file, code and this phone, once the program is valid.
    @ViewBuilder private var shareSection: some View {
        if let json = outcome.programJson, let share = outcome.share {
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
                switch shareFile {
                case .success(let url)?:
                    ShareLink(item: url) {
                        Label("Share the .unknot file", systemImage: "square.and.arrow.up").frame(minHeight: 44)
                    }
                case .failure(let error)?:
                    Text("The file could not be written: \(errorText(error))").foregroundStyle(.red)
                case nil:
                    EmptyView()
                }
                Button {
                    UIPasteboard.general.string = share.code
                    copiedCode = share.code
                } label: {
                    Label(copiedCode == share.code ? "Code copied" : "Copy code", systemImage: "doc.on.doc")
                        .frame(minHeight: 44)
                }
                NavigationLink {
                    ProgramPreview(json: json)
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

/// A frequency in words: "Every day", the chosen weekdays, or times a week,
/// with the times a day when more than one.
func frequencyText(_ frequency: Frequency, everyDay: [String]) -> Text {
    switch frequency {
    case .perWeek(let times):
        return Text(times == 1 ? "Once a week" : "\(times) times a week")
    case .days(let days, let perDay):
        let when: Text
        if days.isEmpty {
            when = Text("No days chosen")
        } else if FrequencyChoice(frequency, everyDay: everyDay) == .daily {
            when = Text("Every day")
        } else {
            when = Text(days.map { weekdayLabel($0, short: true) }.formatted(.list(type: .and)))
        }
        return perDay == 1 ? when : Text("\(when), \(perDay) times a day")
    }
}

/// One routine of the draft: when it is due and how it grows.
struct DraftItemEditor: View {
    @Binding var draft: ProgramDraft
    let builtinId: String
    let title: String
    /// Every weekday word, in the core's order.
    let everyDay: [String]
    /// The frequency choice once the therapist picked one (chosen days that
    /// happen to be all seven stay "chosen days").
    @State private var chosen: FrequencyChoice?
    /// The core's suggested progression; nil when nothing in the routine grows.
    @State private var suggested: DraftProgression?
    @State private var suggestionLoaded = false
    /// The progression last switched off, to bring back when switched on.
    @State private var setAside: DraftProgression?
    @FocusState private var focusedCap: WritableKeyPath<DraftProgression, Int32?>?

    private var index: Int? { draft.items.firstIndex { $0.builtinId == builtinId } }
    private var item: DraftItem? { index.map { draft.items[$0] } }

    var body: some View {
        let outcome = programDraftBuild(draft: draft, lang: PlayerModel.language)
        let timing = outcome.routines.first { $0.builtinId == builtinId }
        Form {
            if let i = index {
                let item = draft.items[i]
                Section("How often") {
                    Picker("How often", selection: choice(item, perWeek: timing?.perWeek)) {
                        Text("Every day").tag(FrequencyChoice.daily)
                        Text("On chosen days").tag(FrequencyChoice.days)
                        Text("A number of times a week").tag(FrequencyChoice.perWeek)
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                }
                Section {
                    countRows(item)
                }
                progressionSection(item)
                if let t = timing {
                    Section("Time it asks for") {
                        Text(t.perWeek == 1 ? "Once a week" : "\(t.perWeek) times a week")
                        Text("\(clockText(t.firstWeekMs)) each time in week 1")
                        if draft.weeks > 1 {
                            Text("\(clockText(t.lastWeekMs)) each time in week \(draft.weeks)")
                        }
                    }
                }
                let problems = DraftEdit.problems(outcome.problems, item: i)
                if !problems.isEmpty {
                    Section("To fix") {
                        ForEach(Array(problems.enumerated()), id: \.offset) { _, p in ProblemRow(problem: p) }
                    }
                }
            } else {
                Text("This routine is no longer in the program.")
            }
        }
        .navigationTitle(title)
        .toolbar {
            ToolbarItemGroup(placement: .keyboard) {
                Spacer()
                Button("Done") { focusedCap = nil }
            }
        }
        .task {
            suggested = try? programDraftSuggestedProgression(builtinId: builtinId)
            suggestionLoaded = true
        }
    }

    /// Changes this routine in the draft.
    private func change(_ edit: (inout DraftItem) -> Void) {
        guard let i = index else { return }
        edit(&draft.items[i])
    }

    private func choice(_ item: DraftItem, perWeek: Int32?) -> Binding<FrequencyChoice> {
        Binding(
            get: { chosen ?? FrequencyChoice(item.frequency, everyDay: everyDay) },
            set: { new in
                chosen = new
                guard let newItem = DraftEdit.newItemFrequency(builtinId, draft: draft) else { return }
                change { $0.frequency = DraftEdit.frequency($0.frequency, as: new, newItem: newItem, perWeek: perWeek) }
            })
    }

    @ViewBuilder private func countRows(_ item: DraftItem) -> some View {
        switch item.frequency {
        case .days(let days, let perDay):
            if (chosen ?? FrequencyChoice(item.frequency, everyDay: everyDay)) == .days {
                ForEach(everyDay, id: \.self) { day in
                    Toggle(weekdayLabel(day), isOn: Binding(
                        get: { days.contains(day) },
                        set: { _ in change { $0.frequency = DraftEdit.toggling(day, in: $0.frequency, everyDay: everyDay) } }))
                }
            }
            Stepper(value: Binding(
                get: { perDay },
                set: { n in change { if case .days(let d, _) = $0.frequency { $0.frequency = .days(days: d, perDay: n) } } }),
                    in: 1...draftLimits.maxPerDay) {
                Text(perDay == 1 ? "Once a day" : "\(perDay) times a day")
            }
        case .perWeek(let times):
            Stepper(value: Binding(get: { times }, set: { n in change { $0.frequency = .perWeek(times: n) } }),
                    in: 1...draftLimits.maxPerWeek) {
                Text(times == 1 ? "Once a week" : "\(times) times a week")
            }
            Text("The patient picks the days.").font(.callout).foregroundStyle(.secondary)
        }
    }

    @ViewBuilder private func progressionSection(_ item: DraftItem) -> some View {
        Section {
            if item.progression != nil || suggested != nil || setAside != nil {
                Toggle("Grows week by week", isOn: Binding(
                    get: { item.progression != nil },
                    set: { on in
                        if on {
                            change { $0.progression = setAside ?? suggested }
                        } else {
                            setAside = item.progression
                            change { $0.progression = nil }
                        }
                    }))
            } else if suggestionLoaded {
                Text("Nothing in this routine grows from week to week.")
            }
            if let p = item.progression {
                Stepper(value: grow(\.everyWeeks), in: 1...draftLimits.maxWeeks) {
                    Text(p.everyWeeks == 1 ? "Grows every week" : "Grows every \(p.everyWeeks) weeks")
                }
                Stepper(value: grow(\.holdAddS), in: 0...draftLimits.maxSeconds) {
                    Text("Stretch holds: +\(p.holdAddS) s")
                }
                Stepper(value: grow(\.secondsAddS), in: 0...draftLimits.maxSeconds) {
                    Text("Massage times: +\(p.secondsAddS) s")
                }
                Stepper(value: grow(\.repsAdd), in: 0...draftLimits.maxReps) {
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
        Binding(get: { item?.progression?[keyPath: field] ?? 0 },
                set: { v in change { $0.progression?[keyPath: field] = v } })
    }

    private func capRow(_ label: LocalizedStringKey, _ field: WritableKeyPath<DraftProgression, Int32?>) -> some View {
        LabeledContent {
            TextField("No limit",
                      value: Binding(get: { item?.progression?[keyPath: field] },
                                     set: { v in change { $0.progression?[keyPath: field] = v } }),
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
/// marked. The core adds them (`programDraftAddRoutine`).
struct RoutineChooser: View {
    @Binding var draft: ProgramDraft
    let summaries: [RoutineSummary]
    @Environment(\.dismiss) private var dismiss
    @State private var query = ""
    @State private var error: String?

    private var shown: [RoutineSummary] {
        let q = query.trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return summaries }
        return summaries.filter { s in
            ([s.title, s.summary] + s.tags.map(vocabLabel) + s.areas.map(vocabLabel))
                .contains { $0.localizedCaseInsensitiveContains(q) }
        }
    }

    var body: some View {
        List {
            if let error { Section { Text(error).foregroundStyle(.red) } }
            if shown.isEmpty { Text("No routine matches.") }
            ForEach(shown, id: \.id) { s in
                let added = draft.items.contains { $0.builtinId == s.id }
                Button { add(s.id) } label: {
                    HStack(alignment: .firstTextBaseline) {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(s.title).font(.headline)
                            if !s.summary.isEmpty { Text(s.summary).font(.callout) }
                            Text(clockText(s.timedMs)).font(.callout).foregroundStyle(.secondary)
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
                .accessibilityValue(added ? Text("In the program") : Text(""))
            }
        }
        .navigationTitle("Add a routine")
        .navigationBarTitleDisplayMode(.inline)
        .searchable(text: $query, prompt: "Search routines")
        .toolbar {
            ToolbarItem(placement: .confirmationAction) { Button("Done") { dismiss() } }
        }
    }

    private func add(_ id: String) {
        do {
            draft = try programDraftAddRoutine(draft: draft, builtinId: id)
            error = nil
        } catch {
            self.error = errorText(error)
        }
    }
}
