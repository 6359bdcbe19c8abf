// The small changes the therapist form makes to a `ProgramDraft`, kept
// apart from the views. None of them decides a rule: a routine's starting
// frequency and the weekday words come from the core (what it gives a
// routine it adds), and whether the result is valid is for
// `programDraftBuild` to say.

import Foundation
import UnknotCore

/// How often a routine is due, as the form offers it.
enum FrequencyChoice: Hashable, CaseIterable {
    /// Every weekday.
    case daily
    /// On weekdays the therapist picks.
    case days
    /// A number of times a week, on days the patient picks.
    case perWeek

    /// The choice a frequency shows as: `daily` when it names every weekday
    /// in `everyDay`.
    init(_ frequency: Frequency, everyDay: [String]) {
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
    var weekdays: [String]? {
        if case .days(let days, _) = self { return days }
        return nil
    }

    /// Times on each of its days; nil for a number of times a week.
    var timesADay: Int32? {
        if case .days(_, let perDay) = self { return perDay }
        return nil
    }

    /// Times a week; nil when it is due on fixed days.
    var timesAWeek: Int32? {
        if case .perWeek(let times) = self { return times }
        return nil
    }
}

/// Changes to a draft's routines.
enum DraftEdit {
    /// The frequency the core gives `builtinId` when it is added to a draft
    /// (every day, once a day): the routine added to a copy of `draft` with
    /// no routines. Nil when the core does not know the routine.
    static func newItemFrequency(_ builtinId: String, draft: ProgramDraft) -> Frequency? {
        var empty = draft
        empty.items = []
        return (try? programDraftAddRoutine(draft: empty, builtinId: builtinId))?.items.first?.frequency
    }

    /// `frequency` switched to `choice`. Daily takes every weekday of
    /// `newItem` (the core's frequency for a new routine) and keeps the
    /// times a day; chosen days starts from `newItem` when coming from a
    /// number a week; a number a week starts from `perWeek` (the sessions a
    /// week the core counted for the routine) or else the times a day.
    static func frequency(_ frequency: Frequency, as choice: FrequencyChoice,
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
    static func toggling(_ day: String, in frequency: Frequency, everyDay: [String]) -> Frequency {
        guard case .days(let days, let perDay) = frequency else { return frequency }
        let on = days.contains(day)
        let chosen = everyDay.filter { $0 == day ? !on : days.contains($0) }
        return .days(days: chosen, perDay: perDay)
    }

    /// The problems about item `index` (paths `items[index]` and below).
    static func problems(_ problems: [Problem], item index: Int) -> [Problem] {
        let path = "items[\(index)]"
        return problems.filter { $0.path == path || $0.path.hasPrefix(path + ".") }
    }

    /// Writes a built program (`programJson` from `programDraftBuild`) to a
    /// temporary `<program id>.unknot` file for sharing, and returns it.
    /// Throws the core's `InvalidProgram`, or a file error.
    static func shareFile(programJson: String, lang: String) throws -> URL {
        let id = try parseProgram(json: programJson, lang: lang).id
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("share", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(id).appendingPathExtension("unknot")
        try Data(programJson.utf8).write(to: url, options: [.atomic])
        return url
    }
}

/// The format's bounds on a draft's numbers, from the core.
var draftLimits: DraftLimits { programDraftLimits() }
