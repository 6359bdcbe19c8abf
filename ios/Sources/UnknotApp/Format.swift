// Display helpers for values the core hands out, and the calendar values
// the core takes. The words around them are the app's (its String Catalog);
// the values are the core's.

import Foundation
import UnknotCore

/// Milliseconds from the core as `m:ss` (or `h:mm:ss`), rounded up so a
/// countdown shows 0:01 until the core says the time is over.
public func clockText(_ ms: Int64) -> String {
    let total = (max(ms, 0) + 999) / 1000
    let h = total / 3600, m = (total % 3600) / 60, s = total % 60
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
}

/// A vocabulary word from the core (`lower_back`) as display text. The
/// core has no localized labels for these words yet.
public func vocabLabel(_ word: String) -> String {
    word.replacingOccurrences(of: "_", with: " ")
}

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

/// A weekday word of the program format (`mon` … `sun`) as `calendar`'s
/// weekday name (its locale's language), full or short; the word itself
/// when it is not one.
public func weekdayLabel(_ word: String, short: Bool = false, calendar: Calendar = .current) -> String {
    // Calendar's weekday symbols start on Sunday.
    let words = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    guard let i = words.firstIndex(of: word) else { return word }
    let symbols = short ? calendar.shortWeekdaySymbols : calendar.weekdaySymbols
    return symbols.indices.contains(i) ? symbols[i] : word
}

/// What went wrong, as the app tells it: which of the core's errors, with
/// the core's own words (its sentence, the id or value) and, for invalid
/// documents, each problem as `path: message (hint)`. The view puts it in
/// the person's language with the String Catalog's sentence for `kind`.
public struct ErrorReport: Equatable, Sendable, Error {
    public enum Kind: String, Equatable, Sendable {
        case invalidRoutine, unknownRoutine, notEditable, badSnapshot, invalidProgram, notInProgram
        case badDate, badShareCode, qrTooLarge, journalTooNew, notAJournal, invalidSession
        case journalFailed, journalClosed, file
        /// The core's own sentence for the person, in their language (`detail`).
        case sentence
    }

    public let kind: Kind
    /// The core's sentence, the id or value named, or the system's words for a file error.
    public let detail: String
    /// A second value (the reason of a bad date, the limit of a QR code).
    public let extra: String
    /// Every problem of an invalid routine, program or session, one a line.
    public let problems: [String]

    public init(kind: Kind, detail: String = "", extra: String = "", problems: [String] = []) {
        self.kind = kind
        self.detail = detail
        self.extra = extra
        self.problems = problems
    }

    /// The report of `error`: the core's `UnknotError` case by case, or a file error.
    /// The report of `error`, a core sentence in the phone's language.
    public init(_ error: Error) {
        self.init(error, lang: Locale.current.language.languageCode?.identifier ?? "en")
    }

    /// The report of `error`; a core sentence is in `lang`.
    public init(_ error: Error, lang: String) {
        if let report = error as? ErrorReport {
            self = report
            return
        }
        func lines(_ problems: [Problem]) -> [String] {
            problems.map { p in "\(p.path): \(p.message)" + (p.hint.map { " (\($0))" } ?? "") }
        }
        switch error as? UnknotError {
        case .InvalidRoutine(let problems)?: self.init(kind: .invalidRoutine, problems: lines(problems))
        case .UnknownRoutine(let id)?: self.init(kind: .unknownRoutine, detail: id)
        case .NotEditable(let reason)?: self.init(kind: .notEditable, detail: reason)
        case .BadSnapshot(let reason)?: self.init(kind: .badSnapshot, detail: reason)
        case .InvalidProgram(let problems)?: self.init(kind: .invalidProgram, problems: lines(problems))
        case .NotInProgram(let id)?: self.init(kind: .notInProgram, detail: id)
        case .BadDate(let value, let reason)?: self.init(kind: .badDate, detail: value, extra: reason)
        case .BadShareCode(_, let reason)?: self.init(kind: .badShareCode, detail: reason)
        case .QrTooLarge(let chars, let max)?: self.init(kind: .qrTooLarge, detail: "\(chars)", extra: "\(max)")
        case .JournalTooNew?: self.init(kind: .journalTooNew)
        case .NotAJournal(let reason)?: self.init(kind: .notAJournal, detail: reason)
        case .InvalidSession(let problems)?: self.init(kind: .invalidSession, problems: problems)
        case .JournalFailed(let reason)?: self.init(kind: .journalFailed, detail: reason)
        // Any other case (a pain rating off the scale, a draft item that
        // is not there, and cases added later) in the core's own sentence.
        case let e?: self.init(kind: .sentence, detail: errorMessage(error: e, lang: lang))
        case nil: self.init(kind: .file, detail: error.localizedDescription)
        }
    }
}
