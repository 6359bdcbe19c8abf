// A session saved to resume on the next launch: the core's snapshot string
// with the built-in routine id and the language it was played in (what
// `SessionController.restore` needs). The snapshot is opaque here; the core
// alone reads it.

import Foundation

struct SavedSession: Codable, Equatable {
    /// The built-in routine's id.
    let routineId: String
    /// The language the session is spoken in.
    let lang: String
    /// The core's snapshot string.
    let snapshot: String

    /// `session.json` in the app's Application Support folder.
    private static var url: URL {
        FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
            .appendingPathComponent("session.json")
    }

    /// The saved session, or nil when there is none or the file is unreadable.
    static func load() -> SavedSession? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(SavedSession.self, from: data)
    }

    /// Replaces the saved session with this one (written whole or not at all).
    func save() {
        guard let data = try? JSONEncoder().encode(self) else { return }
        let url = Self.url
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url, options: [.atomic])
    }

    /// Forgets the saved session.
    static func clear() {
        try? FileManager.default.removeItem(at: url)
    }
}
