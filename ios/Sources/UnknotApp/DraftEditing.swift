// Therapist mode's model: a `ProgramDraft` edited on a form. Every change
// goes through the core (`programDraftBuild`), which lists every problem
// with the field it is about and, once the draft is a valid program, hands
// out the program file, its share code and how long each routine takes.
// An item's frequency is switched and its days toggled by the core
// (`programDraftSetFrequency`, `programDraftToggleDay`), the problems of a
// field are the core's answer (`draftFieldProblems`), and weekday and
// routine names are the core's; the form only binds fields.

import Foundation
import UnknotCore

extension Frequency {
    /// The weekdays it is due on; nil for a number of times a week.
    public var weekdays: [String]? {
        if case .days(let days, _) = self { return days }
        return nil
    }

    /// Times on each of its days; nil for a number of times a week.
    public var timesADay: Int32? {
        if case .days(_, let perDay) = self { return perDay }
        return nil
    }

    /// Times a week; nil when it is due on fixed days.
    public var timesAWeek: Int32? {
        if case .perWeek(let times) = self { return times }
        return nil
    }
}

/// Changes to a draft's routines.
public enum DraftEdit {
    /// Writes a built program (`programJson` from `programDraftBuild`) to
    /// `<program id>.unknot` in `folder` for sharing, and returns it.
    /// Throws the core's `InvalidProgram`, or a file error.
    public static func shareFile(programJson: String, lang: String, folder: URL) throws -> URL {
        let id = try parseProgram(json: programJson, lang: lang).id
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(id).appendingPathExtension("unknot")
        try Data(programJson.utf8).write(to: url, options: [.atomic])
        return url
    }
}

/// A draft to open in the editor.
public struct DraftToEdit: Identifiable {
    public let id = UUID()
    public let draft: ProgramDraft
    /// Whether it is a new program rather than the active one edited.
    public let isNew: Bool
    /// Whether it is work in progress brought back after the system ended
    /// the app, so closing it asks first even before any change.
    public var restored = false

    public init(draft: ProgramDraft, isNew: Bool, restored: Bool = false) {
        self.draft = draft
        self.isNew = isNew
        self.restored = restored
    }
}

/// The way into therapist mode: a new draft, the active program as a
/// draft, or the draft the system ended the app with (kept as the core's
/// text for it, `programDraftSave`).
public enum TherapistEntry {
    /// A new draft starting on `today` (`YYYY-MM-DD`).
    public static func new(today: String) throws -> DraftToEdit {
        DraftToEdit(draft: try programDraftNew(start: today), isNew: true)
    }

    /// The active program as a draft; the core says why when it cannot be
    /// (`NotEditable`: a routine is written out in full).
    public static func edit(programJson: String) throws -> DraftToEdit {
        DraftToEdit(draft: try programDraftFromProgram(programJson: programJson), isNew: false)
    }

    /// The draft saved while the editor was open, if the core can read it.
    public static func restore(saved: String) -> DraftToEdit? {
        guard !saved.isEmpty, let draft = programDraftRestore(saved: saved) else { return nil }
        return DraftToEdit(draft: draft, isNew: draft.basedOn == nil, restored: true)
    }
}

/// The form over a draft and what the core makes of it.
@MainActor
public final class ProgramEditorModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    public let lang: String
    public let isNew: Bool
    public let restored: Bool
    private let original: ProgramDraft
    private let shareFolder: URL

    /// The draft as edited; every change is built again by the core.
    public var draft: ProgramDraft {
        didSet {
            guard draft != oldValue else { return }
            rebuild()
        }
    }
    /// What the core made of the draft: its problems, or the program.
    public private(set) var outcome: DraftOutcome
    /// The built program written as a `.unknot` file, once it is valid.
    public private(set) var shareFile: Result<URL, ErrorReport>?
    /// The draft as the core's text, to keep while the editor is open.
    public private(set) var saved: String
    /// Every built-in routine, to add from.
    public let summaries: [RoutineSummary]
    /// Every weekday with its names, in the core's order.
    public let weekdays: [WeekdayName]
    /// Every weekday word, in the core's order.
    public var everyDay: [String] { weekdays.map(\.word) }
    /// The format's bounds on the draft's numbers.
    public let limits: DraftLimits = programDraftLimits()
    /// Why adding a routine failed.
    public private(set) var addError: ErrorReport?
    /// The code last copied, so the button can say so.
    public var copiedCode: String? { didSet { onChange?() } }
    /// The frequency choice per routine once the therapist picked one
    /// (chosen days that happen to be all seven stay "chosen days").
    private var chosen: [String: FrequencyChoice] = [:]
    /// The progression last switched off per routine, to bring back.
    private var setAside: [String: DraftProgression] = [:]
    private var suggestions: [String: DraftProgression?] = [:]

    public init(_ item: DraftToEdit, lang: String, shareFolder: URL) {
        self.lang = lang
        isNew = item.isNew
        restored = item.restored
        original = item.draft
        draft = item.draft
        self.shareFolder = shareFolder
        outcome = programDraftBuild(draft: item.draft, lang: lang)
        saved = programDraftSave(draft: item.draft)
        summaries = builtinSummaries(lang: lang)
        weekdays = weekdayNames(lang: lang)
        writeShareFile()
    }

    private func rebuild() {
        outcome = programDraftBuild(draft: draft, lang: lang)
        saved = programDraftSave(draft: draft)
        writeShareFile()
        onChange?()
    }

    private func writeShareFile() {
        shareFile = outcome.programJson.map { json in
            Result { try DraftEdit.shareFile(programJson: json, lang: lang, folder: shareFolder) }
                .mapError { [lang] in ErrorReport($0, lang: lang) }
        }
    }

    /// Whether closing must ask first (something changed, or it was brought back).
    public var closeNeedsConfirmation: Bool { draft != original || restored }

    /// Whether the draft is a valid program (nothing to fix).
    public var isValid: Bool { outcome.problems.isEmpty }

    /// The problems about a field of the program (`title`, `weeks`, `start`,
    /// `items[1].frequency`, …), as the core matches them to it.
    public func problems(field: String) -> [Problem] { draftFieldProblems(problems: outcome.problems, field: field) }

    /// The problems about the routine at `index`.
    public func problems(item index: Int) -> [Problem] { problems(field: "items[\(index)]") }

    /// The title of a built-in routine (its id when unknown).
    public func title(of id: String) -> String { summaries.first { $0.id == id }?.title ?? id }

    /// Whether the routine is already in the draft.
    public func contains(_ builtinId: String) -> Bool { draft.items.contains { $0.builtinId == builtinId } }

    /// The routines matching `query` as the core searches them, to add from.
    public func summaries(matching query: String) -> [RoutineSummary] {
        searchRoutines(query: LibraryQuery(text: query, area: nil, tool: nil, maxMinutes: nil), lang: lang)
    }

    /// A routine's length as the core writes it.
    public func length(_ ms: Int64) -> String { durationText(ms: ms, lang: lang) }

    /// A weekday's short and full names (the word itself when unknown).
    public func weekday(_ word: String) -> WeekdayName {
        weekdays.first { $0.word == word } ?? WeekdayName(word: word, short: word, name: word)
    }

    /// Adds a built-in routine through the core.
    public func add(_ builtinId: String) {
        do {
            draft = try programDraftAddRoutine(draft: draft, builtinId: builtinId)
            addError = nil
        } catch {
            addError = ErrorReport(error, lang: lang)
        }
        onChange?()
    }

    /// The start day as a date in `timeZone` (today's date when unreadable).
    public func startDate(_ timeZone: TimeZone, today: Date) -> Date { dayDate(draft.start, timeZone) ?? today }

    /// Sets the start day from a picked date.
    public func setStart(_ date: Date, _ timeZone: TimeZone) { draft.start = localDay(date, timeZone) }

    /// Adds an empty caution to fill in.
    public func addCaution() { draft.cautions.append("") }

    /// Sets caution `index`, if it is still there.
    public func setCaution(_ index: Int, _ text: String) {
        if draft.cautions.indices.contains(index) { draft.cautions[index] = text }
    }

    /// Moves the routine at `index` by `offset` places (up is negative).
    public func moveItem(_ index: Int, by offset: Int) {
        let to = index + offset
        guard draft.items.indices.contains(index), draft.items.indices.contains(to) else { return }
        let item = draft.items.remove(at: index)
        draft.items.insert(item, at: to)
    }

    /// Removes the routine at `index`.
    public func removeItem(_ index: Int) {
        guard draft.items.indices.contains(index) else { return }
        draft.items.remove(at: index)
    }

    // MARK: One routine

    private func index(_ builtinId: String) -> Int? { draft.items.firstIndex { $0.builtinId == builtinId } }

    /// The routine's item in the draft, if it is still there.
    public func item(_ builtinId: String) -> DraftItem? { index(builtinId).map { draft.items[$0] } }

    /// How the core timed the routine.
    public func timing(_ builtinId: String) -> DraftRoutineTiming? {
        outcome.routines.first { $0.builtinId == builtinId }
    }

    private func change(_ builtinId: String, _ edit: (inout DraftItem) -> Void) {
        guard let i = index(builtinId) else { return }
        edit(&draft.items[i])
    }

    /// The frequency choice the form shows for the routine: the one the
    /// therapist picked, else the core's reading of its frequency.
    public func choice(_ builtinId: String) -> FrequencyChoice {
        if let c = chosen[builtinId] { return c }
        return item(builtinId).map { frequencyChoice(frequency: $0.frequency) } ?? .daily
    }

    /// Switches the routine's frequency to `choice`, as the core switches it.
    public func setChoice(_ builtinId: String, _ choice: FrequencyChoice) {
        chosen[builtinId] = choice
        coreEdit(builtinId) { try programDraftSetFrequency(draft: $0, item: $1, choice: choice) }
        onChange?()
    }

    /// Chooses or un-chooses `day` for the routine (the core keeps the days in order).
    public func toggle(_ builtinId: String, day: String) {
        coreEdit(builtinId) { try programDraftToggleDay(draft: $0, item: $1, day: day) }
    }

    /// The draft as the core's `edit` changes the item of `builtinId`.
    private func coreEdit(_ builtinId: String, _ edit: (ProgramDraft, Int32) throws -> ProgramDraft) {
        guard let i = index(builtinId), let changed = try? edit(draft, Int32(i)) else { return }
        draft = changed
    }

    /// Sets the times a day (fixed days) for the routine.
    public func setTimesADay(_ builtinId: String, _ n: Int32) {
        change(builtinId) { if case .days(let d, _) = $0.frequency { $0.frequency = .days(days: d, perDay: n) } }
    }

    /// Sets the times a week for the routine.
    public func setTimesAWeek(_ builtinId: String, _ n: Int32) {
        change(builtinId) { $0.frequency = .perWeek(times: n) }
    }

    /// The core's suggested progression for the routine; nil when nothing in it grows.
    public func suggestion(_ builtinId: String) -> DraftProgression? {
        if let s = suggestions[builtinId] { return s }
        let s = try? programDraftSuggestedProgression(builtinId: builtinId)
        suggestions[builtinId] = .some(s)
        return s
    }

    /// Whether the routine can grow week by week (it does, or the core suggests how).
    public func canGrow(_ builtinId: String) -> Bool {
        item(builtinId)?.progression != nil || suggestion(builtinId) != nil || setAside[builtinId] != nil
    }

    /// Switches growing on (the progression switched off last, or the
    /// core's suggestion) or off.
    public func setGrows(_ builtinId: String, _ on: Bool) {
        if on {
            let p = setAside[builtinId] ?? suggestion(builtinId)
            change(builtinId) { $0.progression = p }
        } else {
            setAside[builtinId] = item(builtinId)?.progression
            change(builtinId) { $0.progression = nil }
        }
    }

    /// Changes the routine's progression, when it has one.
    public func setProgression(_ builtinId: String, _ edit: (inout DraftProgression) -> Void) {
        change(builtinId) { item in
            guard var p = item.progression else { return }
            edit(&p)
            item.progression = p
        }
    }
}
