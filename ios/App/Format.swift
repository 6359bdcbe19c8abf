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
/// routine with its path and hint, the unknown id, or why a saved session
/// cannot be restored.
func errorText(_ error: Error) -> String {
    switch error as? UnknotError {
    case .InvalidRoutine(let problems)?:
        let lines = problems.map { p in
            "• \(p.path): \(p.message)" + (p.hint.map { " (\($0))" } ?? "")
        }
        return (["The routine is not valid:"] + lines).joined(separator: "\n")
    case .UnknownRoutine(let id)?:
        return "There is no built-in routine called “\(id)”."
    case .BadSnapshot(let reason)?:
        return "The saved session cannot be resumed: \(reason)"
    case nil:
        return error.localizedDescription
    }
}
