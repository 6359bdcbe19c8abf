// Display helpers for values the core hands out.

import Foundation
import UnknotCore

/// Milliseconds from the core as `m:ss` (or `h:mm:ss`), rounded up so a
/// countdown shows 0:01 until the core says the time is over.
func clockText(_ ms: Int64) -> String {
    let total = (max(ms, 0) + 999) / 1000
    let h = total / 3600, m = (total % 3600) / 60, s = total % 60
    return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
}

/// A vocabulary word from the core (`lower_back`) as display text. The
/// core has no localized labels for these words yet.
func vocabLabel(_ word: String) -> String {
    word.replacingOccurrences(of: "_", with: " ")
}

/// A readable message for an error from the core (the generated
/// `localizedDescription` is a debug listing): every problem of an invalid
/// routine or program with its path and hint, the unknown id, or the
/// core's own sentence for the other cases.
func errorText(_ error: Error) -> String {
    func listing(_ title: String, _ problems: [Problem]) -> String {
        let lines = problems.map { p in
            "• \(p.path): \(p.message)" + (p.hint.map { " (\($0))" } ?? "")
        }
        return ([title] + lines).joined(separator: "\n")
    }
    switch error as? UnknotError {
    case .InvalidRoutine(let problems)?:
        return listing("The routine is not valid:", problems)
    case .UnknownRoutine(let id)?:
        return "There is no built-in routine called “\(id)”."
    case .NotEditable(let reason)?:
        return reason
    case .BadSnapshot(let reason)?:
        return "The saved session cannot be resumed: \(reason)"
    case .InvalidProgram(let problems)?:
        return listing("The program is not valid:", problems)
    case .NotInProgram(let id)?:
        return "The program has no routine called “\(id)”."
    case .BadDate(let value, let reason)?:
        return "“\(value)” is not a date: \(reason)"
    case .BadShareCode(_, let reason)?:
        return reason
    case .QrTooLarge(let chars, let max)?:
        return "The code is too long for one QR code (\(chars) characters, at most \(max))."
    case .JournalTooNew?:
        return "Your journal was written by a newer version of Unknot. Update the app to see it; nothing was changed."
    case .NotAJournal(let reason)?:
        return "The journal file cannot be read: \(reason)"
    case .InvalidSession(let problems)?:
        return (["The session could not be saved:"] + problems.map { "• \($0)" }).joined(separator: "\n")
    case .JournalFailed(let reason)?:
        return "The journal could not be saved: \(reason)"
    case nil:
        return error.localizedDescription
    }
}

/// Wall-clock milliseconds since 1970 (UTC), for the journal's records.
/// Session timing itself uses the monotonic clock.
func wallMs(_ date: Date = Date()) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

/// The phone's UTC offset at `date`, in minutes.
func utcOffsetMin(_ date: Date = Date()) -> Int32 {
    Int32(TimeZone.current.secondsFromGMT(for: date) / 60)
}

/// `date` as the phone's local calendar day, `YYYY-MM-DD` (what the core's
/// date arguments take).
func localDay(_ date: Date = Date()) -> String {
    let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
    return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
}

/// A core day (`YYYY-MM-DD`) as noon of that day on the phone's calendar,
/// for a date picker; nil when it is not written that way. The inverse of
/// `localDay`.
func dayDate(_ day: String) -> Date? {
    let parts = day.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2] else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: 12))
}

/// A weekday word of the program format (`mon` … `sun`) as the phone's
/// weekday name, full or short; the word itself when it is not one.
func weekdayLabel(_ word: String, short: Bool = false) -> String {
    // Calendar's weekday symbols start on Sunday.
    let words = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    guard let i = words.firstIndex(of: word) else { return word }
    let calendar = Calendar.current
    return (short ? calendar.shortWeekdaySymbols : calendar.weekdaySymbols)[i]
}
