// What the app keeps between launches, besides a paused session: the
// journal (the core's SQLite store, `journal.sqlite`) and the accepted home
// program (its JSON as received, `program.json`), both in Application
// Support. Every rule about them (validation, due sessions, statistics,
// flags, exports) is the core's; this only opens files and holds results.

import Foundation
import Observation
import UnknotCore

@Observable
final class AppData {
    /// The open journal; nil when it could not be opened (see `journalError`).
    @ObservationIgnored private(set) var journal: Journal?
    /// Why the journal could not be opened (e.g. written by a newer app).
    private(set) var journalError: String?
    /// The accepted program's JSON, as the therapist sent it.
    private(set) var programJson: String?
    /// The accepted program's details in the app's language.
    private(set) var program: ProgramDetails?
    /// Bumped after each recorded session, so views reload what they show.
    private(set) var journalVersion = 0
    /// A program waiting for "Accept" (opened from a file or a link).
    var pendingImport: String?

    /// The app's Application Support folder (created when missing).
    static var folder: URL {
        let url = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static var programURL: URL { folder.appendingPathComponent("program.json") }

    init() {
        do {
            journal = try Journal.open(path: Self.folder.appendingPathComponent("journal.sqlite").path)
        } catch {
            journalError = errorText(error)
        }
        if let data = try? Data(contentsOf: Self.programURL),
           let json = String(data: data, encoding: .utf8),
           let details = try? parseProgram(json: json, lang: PlayerModel.language) {
            programJson = json
            program = details
        }
    }

    /// Records a finished session. Throws the core's `UnknotError`
    /// (`InvalidSession` lists every rule broken; nothing is written then).
    func record(_ entry: SessionEntry) throws {
        guard let journal else {
            throw UnknotError.JournalFailed(reason: journalError ?? "the journal is not open")
        }
        _ = try journal.record(entry: entry)
        journalVersion += 1
    }

    /// Makes `json` the active program after the core accepted it; it
    /// replaces any earlier one. Throws `InvalidProgram`, or a file error.
    func accept(programJson json: String) throws {
        let details = try parseProgram(json: json, lang: PlayerModel.language)
        try Data(json.utf8).write(to: Self.programURL, options: [.atomic])
        programJson = json
        program = details
        pendingImport = nil
    }

    /// Forgets the active program (the journal keeps its sessions).
    func removeProgram() {
        try? FileManager.default.removeItem(at: Self.programURL)
        programJson = nil
        program = nil
    }

    /// Program JSON from what the person pasted, scanned or opened: a share
    /// code is decoded by the core, anything else is taken as the program
    /// document itself (the core's parser judges it). Throws `BadShareCode`.
    static func programText(from text: String) throws -> String {
        looksLikeShareCode(text: text) ? try shareDecode(code: text) : text
    }

    /// Reads an opened `.unknot` file and leaves its program in
    /// `pendingImport` for the preview. Throws when the file cannot be read
    /// or holds a damaged code.
    func open(url: URL) throws {
        let scoped = url.startAccessingSecurityScopedResource()
        defer { if scoped { url.stopAccessingSecurityScopedResource() } }
        pendingImport = try Self.programText(from: String(contentsOf: url, encoding: .utf8))
    }
}
