// Therapist mode's model: a `ProgramDraft` edited on a form. Every change
// goes through the core (`programDraftBuild`), which lists every problem
// with the field it is about and, once the draft is a valid program, hands
// out the program file, its share code and how long each routine takes.
// The small changes below decide no rule: a routine's starting frequency
// and the weekday words come from the core (what it gives a routine it
// adds), and whether the result is valid is for the core to say.

import Foundation
import UnknotCore

/// How often a routine is due, as the form offers it.
public enum FrequencyChoice: Hashable, CaseIterable, Sendable {
    /// Every weekday.
    case daily
    /// On weekdays the therapist picks.
    case days
    /// A number of times a week, on days the patient picks.
    case perWeek

    /// The choice a frequency shows as: `daily` when it names every weekday
    /// in `everyDay`.
    public init(_ frequency: Frequency, everyDay: [String]) {
        switch frequency {
        case .perWeek:
            self = .perWeek
        case .days(let days, _):
            self = !everyDay.isEmpty && Set(days) == Set(everyDay) ? .daily : .days
        }
    }
}

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
    /// The frequency the core gives `builtinId` when it is added to a draft
    /// (every day, once a day): the routine added to a copy of `draft` with
    /// no routines. Nil when the core does not know the routine.
    public static func newItemFrequency(_ builtinId: String, draft: ProgramDraft) -> Frequency? {
        var empty = draft
        empty.items = []
        return (try? programDraftAddRoutine(draft: empty, builtinId: builtinId))?.items.first?.frequency
    }

    /// `frequency` switched to `choice`. Daily takes every weekday of
    /// `newItem` (the core's frequency for a new routine) and keeps the
    /// times a day; chosen days starts from `newItem` when coming from a
    /// number a week; a number a week starts from `perWeek` (the sessions a
    /// week the core counted for the routine) or else the times a day.
    public static func frequency(_ frequency: Frequency, as choice: FrequencyChoice,
                                 newItem: Frequency, perWeek: Int32?) -> Frequency {
        switch choice {
        case .daily:
            guard case .days(let everyDay, let once) = newItem else { return newItem }
            return .days(days: everyDay, perDay: frequency.timesADay ?? once)
        case .days:
            return frequency.weekdays == nil ? newItem : frequency
        case .perWeek:
            switch frequency {
            case .perWeek: return frequency
            case .days(_, let perDay): return .perWeek(times: perWeek ?? perDay)
            }
        }
    }

    /// `frequency` with `day` chosen or no longer chosen, the days kept in
    /// the order of `everyDay`. A number a week is returned unchanged.
    public static func toggling(_ day: String, in frequency: Frequency, everyDay: [String]) -> Frequency {
        guard case .days(let days, let perDay) = frequency else { return frequency }
        let on = days.contains(day)
        let chosen = everyDay.filter { $0 == day ? !on : days.contains($0) }
        return .days(days: chosen, perDay: perDay)
    }

    /// The problems about item `index` (paths `items[index]` and below).
    public static func problems(_ problems: [Problem], item index: Int) -> [Problem] {
        let path = "items[\(index)]"
        return problems.filter { $0.path == path || $0.path.hasPrefix(path + ".") }
    }

    /// The problems about a field of the program (`title`, `weeks`, …) or below it.
    public static func problems(_ problems: [Problem], field: String) -> [Problem] {
        problems.filter { $0.path == field || $0.path.hasPrefix(field + ".") || $0.path.hasPrefix(field + "[") }
    }

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
    /// Every weekday word, in the core's order.
    public let everyDay: [String]
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
        everyDay = summaries.first.flatMap { DraftEdit.newItemFrequency($0.id, draft: item.draft)?.weekdays } ?? []
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
                .mapError(ErrorReport.init)
        }
    }

    /// Whether closing must ask first (something changed, or it was brought back).
    public var closeNeedsConfirmation: Bool { draft != original || restored }

    /// Whether the draft is a valid program (nothing to fix).
    public var isValid: Bool { outcome.problems.isEmpty }

    /// The problems about a field of the program (`title`, `weeks`, `start`, …).
    public func problems(field: String) -> [Problem] { DraftEdit.problems(outcome.problems, field: field) }

    /// The problems about the routine at `index`.
    public func problems(item index: Int) -> [Problem] { DraftEdit.problems(outcome.problems, item: index) }

    /// The title of a built-in routine (its id when unknown).
    public func title(of id: String) -> String { summaries.first { $0.id == id }?.title ?? id }

    /// Whether the routine is already in the draft.
    public func contains(_ builtinId: String) -> Bool { draft.items.contains { $0.builtinId == builtinId } }

    /// The routines matching `query`, to add from.
    public func summaries(matching query: String) -> [RoutineSummary] {
        summaries.filter { LibraryModel.matches($0, query) }
    }

    /// Adds a built-in routine through the core.
    public func add(_ builtinId: String) {
        do {
            draft = try programDraftAddRoutine(draft: draft, builtinId: builtinId)
            addError = nil
        } catch {
            addError = ErrorReport(error)
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

    /// The frequency choice the form shows for the routine.
    public func choice(_ builtinId: String) -> FrequencyChoice {
        if let c = chosen[builtinId] { return c }
        return item(builtinId).map { FrequencyChoice($0.frequency, everyDay: everyDay) } ?? .daily
    }

    /// Switches the routine's frequency to `choice`.
    public func setChoice(_ builtinId: String, _ choice: FrequencyChoice) {
        chosen[builtinId] = choice
        guard let newItem = DraftEdit.newItemFrequency(builtinId, draft: draft) else { return }
        let perWeek = timing(builtinId)?.perWeek
        change(builtinId) { $0.frequency = DraftEdit.frequency($0.frequency, as: choice, newItem: newItem, perWeek: perWeek) }
        onChange?()
    }

    /// Chooses or un-chooses `day` for the routine.
    public func toggle(_ builtinId: String, day: String) {
        change(builtinId) { $0.frequency = DraftEdit.toggling(day, in: $0.frequency, everyDay: everyDay) }
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
