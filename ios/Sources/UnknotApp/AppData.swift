// What the app keeps between launches, in one folder (the app's
// Application Support): the journal (the core's SQLite store,
// `journal.sqlite`), the accepted home program (its JSON as received,
// `program.json`) and a paused session (`session.json`). Every rule about
// them (validation, due sessions, statistics, flags, exports) is the
// core's; this only opens files and holds results.

import Foundation
import UnknotCore

/// A session saved to resume on the next launch: the core's snapshot string
/// with the built-in routine id and the language it was played in (what
/// `SessionController.restore` needs). The snapshot is opaque here; the core
/// alone reads it.
public struct SavedSession: Codable, Equatable, Sendable {
    /// The built-in routine's id.
    public let routineId: String
    /// The language the session is spoken in.
    public let lang: String
    /// The core's snapshot string.
    public let snapshot: String

    public init(routineId: String, lang: String, snapshot: String) {
        self.routineId = routineId
        self.lang = lang
        self.snapshot = snapshot
    }
}

/// `session.json` in a folder: the one saved session.
public struct SavedSessionStore: Sendable {
    public let url: URL

    public init(folder: URL) {
        url = folder.appendingPathComponent("session.json")
    }

    /// The saved session, or nil when there is none or the file is unreadable.
    public func load() -> SavedSession? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(SavedSession.self, from: data)
    }

    /// Replaces the saved session (written whole or not at all).
    public func save(_ session: SavedSession) {
        guard let data = try? JSONEncoder().encode(session) else { return }
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url, options: [.atomic])
    }

    /// Forgets the saved session.
    public func clear() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The journal and the active program.
@MainActor
public final class AppData: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?

    /// The language routines and programs are shown in.
    public let lang: String
    /// The folder everything is kept in.
    public let folder: URL
    /// The open journal; nil when it could not be opened (see `journalError`).
    public private(set) var journal: Journal?
    /// Why the journal could not be opened (e.g. written by a newer app).
    public private(set) var journalError: ErrorReport?
    /// The accepted program's JSON, as the therapist sent it.
    public private(set) var programJson: String?
    /// The accepted program's details in the app's language.
    public private(set) var program: ProgramDetails?
    /// Bumped after each recorded session, so screens reload what they show.
    public private(set) var journalVersion = 0
    /// A program waiting for "Accept" (opened from a file, a link or a code).
    public var pendingImport: String? { didSet { onChange?() } }

    private var programURL: URL { folder.appendingPathComponent("program.json") }

    /// Opens the journal and the accepted program in `folder` (created when missing).
    public init(folder: URL, lang: String) {
        self.folder = folder
        self.lang = lang
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            journal = try Journal.open(path: folder.appendingPathComponent("journal.sqlite").path)
        } catch {
            journalError = ErrorReport(error)
        }
        if let data = try? Data(contentsOf: programURL),
           let json = String(data: data, encoding: .utf8),
           let details = try? parseProgram(json: json, lang: lang) {
            programJson = json
            program = details
        }
    }

    /// Records a finished session. Throws the core's `UnknotError`
    /// (`InvalidSession` lists every rule broken; nothing is written then).
    public func record(_ entry: SessionEntry) throws {
        guard let journal else {
            throw journalError ?? ErrorReport(kind: .journalClosed)
        }
        _ = try journal.record(entry: entry)
        journalVersion += 1
        onChange?()
    }

    /// Makes `json` the active program after the core accepted it; it
    /// replaces any earlier one. Throws `InvalidProgram`, or a file error.
    public func accept(programJson json: String) throws {
        let details = try parseProgram(json: json, lang: lang)
        try Data(json.utf8).write(to: programURL, options: [.atomic])
        programJson = json
        program = details
        pendingImport = nil
        onChange?()
    }

    /// Forgets the active program (the journal keeps its sessions).
    public func removeProgram() {
        try? FileManager.default.removeItem(at: programURL)
        programJson = nil
        program = nil
        onChange?()
    }

    /// Program JSON from what the person pasted, scanned or opened: a share
    /// code is decoded by the core, anything else is taken as the program
    /// document itself (the core's parser judges it). Throws `BadShareCode`.
    public static func programText(from text: String) throws -> String {
        looksLikeShareCode(text: text) ? try shareDecode(code: text) : text
    }

    /// The text of an opened `.unknot` file (or a scanned or pasted code):
    /// its program waits in `pendingImport` for the preview. Throws
    /// `BadShareCode` for a damaged code.
    public func open(text: String) throws {
        pendingImport = try Self.programText(from: text)
    }

    /// Reads the file at `url` (already made accessible by the caller) like `open(text:)`.
    public func open(fileAt url: URL) throws {
        try open(text: String(contentsOf: url, encoding: .utf8))
    }
}

/// Remembers which version of the core's safety screen the person accepted.
@MainActor
public final class SafetyModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    private static let key = "safetyAcceptedVersion"
    private let store: SettingsStore

    /// The core's safety screen in the app's language.
    public let screen: SafetyScreen

    public init(lang: String, store: SettingsStore) {
        self.store = store
        screen = safetyScreen(lang: lang)
    }

    /// Whether this version of the screen was accepted (a newer version asks again).
    public var isAccepted: Bool { store.integer(forKey: Self.key) >= Int(screen.version) }

    /// The person accepted the screen shown.
    public func accept() {
        store.set(Int(screen.version), forKey: Self.key)
        onChange?()
    }
}
