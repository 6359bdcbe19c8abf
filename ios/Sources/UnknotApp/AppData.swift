// What the app keeps between launches, in one folder (the app's
// Application Support): the journal (the core's SQLite store,
// `journal.sqlite`, which also keeps an unfinished session's checkpoint)
// and the accepted home program (`program.json`). Every rule about them
// (import, validation, due sessions, statistics, flags, exports) is the
// core's; this only opens files and holds results.

import Foundation
import UnknotCore

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
            journalError = ErrorReport(error, lang: lang)
        }
        if let data = try? Data(contentsOf: programURL),
           let json = String(data: data, encoding: .utf8),
           let details = try? parseProgram(json: json, lang: lang) {
            programJson = json
            program = details
        }
    }

    /// Records a journal entry made elsewhere (an earlier version's
    /// export, a test). Throws the core's `UnknotError` (`InvalidSession`
    /// lists every rule broken; nothing is written then).
    public func record(_ entry: SessionEntry) throws {
        guard let journal else { throw journalError ?? ErrorReport(UnknotError.JournalFailed(reason: ""), lang: lang) }
        _ = try journal.record(entry: entry)
        sessionRecorded()
    }

    /// A session was recorded in the journal: screens reload what they show.
    public func sessionRecorded() {
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

    /// What the person pasted, scanned or opened (a share code, a link,
    /// a `.unknot` file's text), read by the core (`importProgram`: it
    /// trims, bounds the size and tells a code from JSON); its program
    /// waits in `pendingImport` for the preview. Throws the core's
    /// `BadShareCode` or `InvalidProgram`.
    public func open(text: String) throws {
        pendingImport = try importProgram(text: text, lang: lang).programJson
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
