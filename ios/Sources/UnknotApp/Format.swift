// The phone's calendar values the core takes (wall-clock milliseconds, the
// UTC offset, local calendar days), and errors as the person reads them:
// the core's own sentence in their language (`errorMessage`), or for a
// file the phone could not read or write, the system's words. Times,
// durations, vocabulary and weekday names are the core's (`countdownText`,
// `durationText`, `wordName`, `weekdayNames`, …) and are not written here.

import Foundation
import UnknotCore

/// Wall-clock milliseconds since 1970 (UTC), for the journal's records.
public func wallMs(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

/// The UTC offset of `timeZone` at `date`, in minutes.
public func utcOffsetMin(_ date: Date, _ timeZone: TimeZone) -> Int32 {
    Int32(timeZone.secondsFromGMT(for: date) / 60)
}

/// `date` as the local calendar day in `timeZone`, `YYYY-MM-DD` (what the
/// core's date arguments take).
public func localDay(_ date: Date, _ timeZone: TimeZone) -> String {
    let c = Calendar(identifier: .gregorian).dateComponents(in: timeZone, from: date)
    func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(width - s.count, 0)) + s
    }
    return "\(pad(c.year ?? 1970, 4))-\(pad(c.month ?? 1, 2))-\(pad(c.day ?? 1, 2))"
}

/// A core day (`YYYY-MM-DD`) as noon of that day in `timeZone`, for a date
/// picker; nil when it is not written that way. The inverse of `localDay`.
public func dayDate(_ day: String, _ timeZone: TimeZone) -> Date? {
    let parts = day.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2] else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: 12))
}

/// The name of a format word (`lower_back`, `foam_roller`) in `lang`, as
/// the core gives it; the word itself when the core has no such word.
public func vocabName(_ kind: WordKind, _ word: String, lang: String) -> String {
    wordName(kind: kind, word: word, lang: lang) ?? word
}

/// The language of the phone, for a core sentence when no model's language is at hand.
public var phoneLanguage: String { Locale.current.language.languageCode?.identifier ?? "en" }

/// What went wrong, as the person reads it.
public struct ErrorReport: Equatable, Sendable, Error {
    /// Where the words come from.
    public enum Source: Equatable, Sendable {
        /// The core's error; `text` is its `errorMessage`.
        case core
        /// A file the phone could not read or write; `text` is the system's words.
        case file
    }

    public let source: Source
    /// The sentence to show.
    public let text: String
    /// What is wrong with a share code, when the core said so (for the app
    /// to choose what to offer, e.g. scanning again).
    public let shareProblem: ShareProblem?

    /// The report of `error`; a core sentence is in the phone's language.
    public init(_ error: Error) {
        self.init(error, lang: phoneLanguage)
    }

    /// The report of `error`; a core sentence is in `lang`.
    public init(_ error: Error, lang: String) {
        if let report = error as? ErrorReport {
            self = report
        } else if let e = error as? UnknotError {
            source = .core
            text = errorMessage(error: e, lang: lang)
            if case .BadShareCode(let problem, _) = e { shareProblem = problem } else { shareProblem = nil }
        } else {
            source = .file
            text = error.localizedDescription
            shareProblem = nil
        }
    }
}
