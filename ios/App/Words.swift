// The app's own words for the package's values, from the String Catalog:
// the session's status and the repetition and breath counters under the
// phase. Everything else the screens say about the core's values comes
// from the core in the person's language (segment kinds, sides, times,
// durations, vocabulary, weekdays, safety sentences, errors).

import Foundation
import UnknotApp
import UnknotCore

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
    /// Side (the core's name), repetition and breath under the phase name.
    var detail: String {
        [sideName,
         rep.map { String(localized: "Repetition \($0)") },
         cycle.map { String(localized: "Breath \($0)") }].compactMap { $0 }.joined(separator: " · ")
    }

    /// The phase's name: the status when paused, waiting or over, else the core's name of the segment.
    var label: String { statusText(status) ?? kindName }
}
