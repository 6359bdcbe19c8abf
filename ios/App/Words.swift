// The app's words for values the package hands out (errors, segment kinds,
// statuses), from the String Catalog; the core's own words are shown as
// they come.

import Foundation
import UnknotApp
import UnknotCore

extension ErrorReport {
    /// The report in the person's language: the app's sentence for its
    /// kind with the core's words in it, and every problem on its own line.
    var text: String {
        let lines = problems.map { "• \($0)" }
        switch kind {
        case .invalidRoutine: return ([String(localized: "The routine is not valid:")] + lines).joined(separator: "\n")
        case .unknownRoutine: return String(localized: "There is no built-in routine called “\(detail)”.")
        case .notEditable, .badShareCode, .sentence: return detail
        case .badSnapshot: return String(localized: "The saved session cannot be resumed: \(detail)")
        case .invalidProgram: return ([String(localized: "The program is not valid:")] + lines).joined(separator: "\n")
        case .notInProgram: return String(localized: "The program has no routine called “\(detail)”.")
        case .badDate: return String(localized: "“\(detail)” is not a date: \(extra)")
        case .qrTooLarge: return String(localized: "The code is too long for one QR code (\(detail) characters, at most \(extra)).")
        case .journalTooNew:
            return String(localized: "Your journal was written by a newer version of Unknot. Update the app to see it; nothing was changed.")
        case .notAJournal: return String(localized: "The journal file cannot be read: \(detail)")
        case .invalidSession: return ([String(localized: "The session could not be saved:")] + lines).joined(separator: "\n")
        case .journalFailed: return String(localized: "The journal could not be saved: \(detail)")
        case .journalClosed: return String(localized: "The journal is not open.")
        case .file: return String(localized: "The file could not be read or written: \(detail)")
        }
    }
}

/// The name of a segment kind, as the player shows it.
func kindText(_ k: SegmentKind) -> String {
    switch k {
    case .prepare: String(localized: "Get ready")
    case .rest: String(localized: "Rest")
    case .manual: String(localized: "At your pace")
    case .inhale: String(localized: "Breathe in")
    case .holdIn, .holdOut: String(localized: "Hold")
    case .exhale: String(localized: "Breathe out")
    case .hold: String(localized: "Hold the stretch")
    case .massage: String(localized: "Massage")
    case .work: String(localized: "Work")
    case .switch: String(localized: "Switch sides")
    }
}

/// What the player says about the session's status, when it is not simply running.
func statusText(_ s: Status) -> String? {
    switch s {
    case .paused: String(localized: "Paused")
    case .waiting: String(localized: "Continue when you are ready")
    case .finished: String(localized: "Routine complete")
    case .stopped: String(localized: "Session stopped")
    case .ready, .running: nil
    }
}

extension PhaseDisplay {
    /// Side, repetition and breath under the phase name.
    var detail: String {
        [side.map { $0 == .left ? String(localized: "Left side") : String(localized: "Right side") },
         rep.map { String(localized: "Repetition \($0)") },
         cycle.map { String(localized: "Breath \($0)") }].compactMap { $0 }.joined(separator: " · ")
    }

    /// The phase's name: the status when paused, waiting or over, else the segment's kind.
    var label: String { statusText(status) ?? kindText(kind) }
}
