// The patient's screens around a home program and the library: the import
// (a pasted or scanned share code, or an opened `.unknot` file), the
// preview before "Accept", Today's due routines, the library's search, and
// progress with its exports. The core parses, validates, schedules, counts
// and writes the exports; these models hold what it said.

import Foundation
import UnknotCore

/// Reading a pasted or scanned code into a pending program.
@MainActor
public final class ImportModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    private let app: AppData

    /// The code as typed or pasted.
    public var text = "" { didSet { onChange?() } }
    /// Why the last code could not be read, in the core's words.
    public private(set) var error: ErrorReport?

    public init(app: AppData) { self.app = app }

    /// Whether there is anything to read.
    public var canRead: Bool { !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// Reads `input` (the text field's, or a scanned code): its program
    /// waits in `app.pendingImport` for the preview, or `error` says why not.
    public func read(_ input: String? = nil) {
        do {
            try app.open(text: input ?? text)
            error = nil
        } catch {
            self.error = ErrorReport(error)
        }
        onChange?()
    }

    /// An opened file could not be read (`error` from the file picker or reading it).
    public func failed(_ error: Error) {
        self.error = ErrorReport(error)
        onChange?()
    }

    /// Reads an opened file (already made accessible).
    public func open(fileAt url: URL) {
        do {
            try app.open(fileAt: url)
            error = nil
        } catch {
            self.error = ErrorReport(error)
        }
        onChange?()
    }
}

/// A program received, before "Accept": what the core read from it.
@MainActor
public final class ProgramPreviewModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    private let app: AppData
    public let json: String
    /// The program as the core read it, or why it cannot be used.
    public let parsed: Result<ProgramDetails, ErrorReport>
    /// Why accepting failed (a file error), if it did.
    public private(set) var acceptError: ErrorReport?
    /// Set once accepted.
    public private(set) var accepted = false

    public init(json: String, app: AppData) {
        self.json = json
        self.app = app
        parsed = Result { try parseProgram(json: json, lang: app.lang) }.mapError(ErrorReport.init)
    }

    /// Whether accepting replaces a program already in use.
    public var replacesProgram: Bool { app.program != nil }

    /// The program, when the core accepted it.
    public var program: ProgramDetails? { try? parsed.get() }

    /// The core's message when it cannot be used.
    public var error: ErrorReport? {
        if case .failure(let e) = parsed { return e }
        return nil
    }

    /// Makes it the active program.
    public func accept() {
        do {
            try app.accept(programJson: json)
            acceptError = nil
            accepted = true
        } catch {
            acceptError = ErrorReport(error)
        }
        onChange?()
    }
}

/// One due routine as Today shows it.
public struct DueRow: Equatable {
    public let routine: DueRoutineRecord
    /// Whether some are left to do (today, or this week for a number a week).
    public var hasSessionsLeft: Bool { routine.weekLeft.map { $0 > 0 } ?? (routine.leftToday > 0) }
    /// The routine's time.
    public var time: String { clockText(routine.timedMs) }
}

/// Today in the active program: each routine due, as the core counts it
/// against the journal, startable as grown for the current week.
@MainActor
public final class TodayModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    private let app: AppData
    private let wallClock: WallClock

    /// What the core says is due today; nil without a program.
    public private(set) var due: DueTodayRecord?
    /// What went wrong loading or starting.
    public private(set) var error: ErrorReport?

    public init(app: AppData, wallClock: WallClock) {
        self.app = app
        self.wallClock = wallClock
    }

    /// The rows of the due routines while the program is active.
    public var rows: [DueRow] {
        guard let due, due.status == .active else { return [] }
        return due.due.map(DueRow.init)
    }

    /// Asks the core again (after a session was recorded, a program accepted, a new day).
    public func load() {
        defer { onChange?() }
        guard let json = app.programJson else {
            due = nil
            error = nil
            return
        }
        let today = localDay(wallClock.now(), wallClock.timeZone)
        do {
            // The journal counts the sessions recorded for the program;
            // without it, nothing counts as done.
            if let journal = app.journal {
                due = try journal.dueToday(programJson: json, date: today, lang: app.lang)
            } else {
                due = try programDueToday(programJson: json, date: today, done: [], lang: app.lang)
            }
            error = app.journalError
        } catch {
            self.error = ErrorReport(error)
        }
    }

    /// Starts `routine` on `player` as grown for this week. Returns whether it started.
    @discardableResult
    public func start(_ routine: DueRoutineRecord, painBefore: Int32?, on player: PlayerModel) -> Bool {
        guard let json = app.programJson, let p = app.program, let week = due?.week else { return false }
        do {
            try player.beginProgram(programJson: json, programId: p.id, routineId: routine.routineId,
                                    week: week, lang: app.lang, painBefore: painBefore)
            error = nil
            onChange?()
            return true
        } catch {
            self.error = ErrorReport(error)
            onChange?()
            return false
        }
    }
}

/// The built-in routines, searched by text and filtered by body area and tag.
@MainActor
public final class LibraryModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    /// Every built-in routine, as the core summarises it.
    public let all: [RoutineSummary]
    public var query = "" { didSet { onChange?() } }
    public var area: String? { didSet { onChange?() } }
    public var tag: String? { didSet { onChange?() } }

    public init(lang: String) { all = builtinSummaries(lang: lang) }

    /// Every body area of the routines, sorted.
    public var areas: [String] { Array(Set(all.flatMap(\.areas))).sorted() }
    /// Every tag of the routines, sorted.
    public var tags: [String] { Array(Set(all.flatMap(\.tags))).sorted() }

    /// The routines matching the query, area and tag.
    public var shown: [RoutineSummary] {
        all.filter { s in
            if let area, !s.areas.contains(area) { return false }
            if let tag, !s.tags.contains(tag) { return false }
            return Self.matches(s, query)
        }
    }

    /// Whether `s` matches `query` (in its title, summary, tags or areas; any case).
    public static func matches(_ s: RoutineSummary, _ query: String) -> Bool {
        let q = query.trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return true }
        let words = [s.title, s.summary] + s.tags.map(vocabLabel) + s.areas.map(vocabLabel)
        return words.contains { $0.range(of: q, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }
}

/// One routine's details before it starts.
@MainActor
public final class RoutineDetailModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    public let id: String
    public let lang: String
    /// The core's details, or why the routine cannot be opened.
    public let details: Result<RoutineDetails, ErrorReport>
    /// Why starting failed.
    public private(set) var startError: ErrorReport?

    public init(id: String, lang: String) {
        self.id = id
        self.lang = lang
        details = Result { try builtinRoutine(id: id, lang: lang) }.mapError(ErrorReport.init)
    }

    /// Starts the routine on `player`. Returns whether it started.
    @discardableResult
    public func start(painBefore: Int32?, on player: PlayerModel) -> Bool {
        do {
            try player.begin(id: id, lang: lang, painBefore: painBefore)
            startError = nil
            onChange?()
            return true
        } catch {
            startError = ErrorReport(error)
            onChange?()
            return false
        }
    }
}

/// Progress from the journal, as the core counts it, and the exports.
@MainActor
public final class ProgressModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    private let app: AppData
    private let wallClock: WallClock
    /// The folder exports are written into (a fresh folder below it each time).
    private let exportFolder: URL

    /// The core's statistics; nil before loading or without a journal.
    public private(set) var stats: StatsRecord?
    public private(set) var error: ErrorReport?
    /// The report, CSV and FHIR files once prepared.
    public private(set) var files: [URL] = []

    public init(app: AppData, wallClock: WallClock, exportFolder: URL) {
        self.app = app
        self.wallClock = wallClock
        self.exportFolder = exportFolder
    }

    private var today: String { localDay(wallClock.now(), wallClock.timeZone) }

    /// Asks the core again.
    public func load() {
        defer { onChange?() }
        files = []
        guard let journal = app.journal else {
            error = app.journalError
            return
        }
        do {
            stats = try journal.stats(programJson: app.programJson, today: today, lang: app.lang)
            error = nil
        } catch {
            self.error = ErrorReport(error)
        }
    }

    /// The weeks with a mean pain, for the chart.
    public var painPoints: [PainPoint] {
        (stats?.weeks ?? []).flatMap { w -> [PainPoint] in
            [w.painBefore.map { PainPoint(week: Int(w.week), after: false, value: $0) },
             w.painAfter.map { PainPoint(week: Int(w.week), after: true, value: $0) }].compactMap { $0 }
        }
    }

    /// Adherence as whole percent, when the core has a figure.
    public var adherencePercent: Int? { stats?.adherence.map { Int(($0 * 100).rounded()) } }

    /// Writes the core's report, CSV and FHIR export to a fresh folder.
    public func export() {
        defer { onChange?() }
        guard let journal = app.journal else { return }
        let day = today
        do {
            let dir = exportFolder.appendingPathComponent("unknot-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let html = try journal.reportHtml(programJson: app.programJson, today: day, lang: app.lang)
            let csv = try journal.exportCsv()
            let fhir = try journal.exportFhir(programJson: app.programJson, lang: app.lang)
            let outputs = [
                ("unknot-report-\(day).html", html),
                ("unknot-sessions-\(day).csv", csv),
                ("unknot-fhir-\(day).json", fhir),
            ]
            files = try outputs.map { name, text in
                let url = dir.appendingPathComponent(name)
                try Data(text.utf8).write(to: url, options: [.atomic])
                return url
            }
            error = nil
        } catch {
            self.error = ErrorReport(error)
        }
    }
}

/// One point of the weekly pain chart.
public struct PainPoint: Equatable, Sendable, Identifiable {
    public let week: Int
    /// After sessions (else before).
    public let after: Bool
    public let value: Double
    public var id: String { "\(after ? "after" : "before")-\(week)" }
}

/// The pain questions around a session: a 0–10 rating that can be
/// skipped, and after a session how the pressure felt.
public struct PainAnswer: Equatable {
    /// The slider's position, 0 … 10.
    public var slider: Double = 0
    /// Whether the person chose not to rate.
    public var skipped = false
    /// How the pressure felt; nil when not answered.
    public var pressure: PressureFeedback?

    public init() {}

    /// The whole number shown for the slider.
    public var shown: Int { Int(min(max(slider, 0), 10).rounded()) }
    /// The rating to record; nil when skipped.
    public var rating: Int32? { skipped ? nil : Int32(shown) }
}
