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

    /// Whether anything was typed (what it is, blank or not, is the core's to say).
    public var canRead: Bool { !text.isEmpty }

    /// Reads `input` (the text field's, or a scanned code): its program
    /// waits in `app.pendingImport` for the preview, or `error` says why not.
    public func read(_ input: String? = nil) {
        do {
            try app.open(text: input ?? text)
            error = nil
        } catch {
            self.error = ErrorReport(error, lang: app.lang)
        }
        onChange?()
    }

    /// An opened file could not be read (`error` from the file picker or reading it).
    public func failed(_ error: Error) {
        self.error = ErrorReport(error, lang: app.lang)
        onChange?()
    }

    /// Reads an opened file (already made accessible).
    public func open(fileAt url: URL) {
        do {
            try app.open(fileAt: url)
            error = nil
        } catch {
            self.error = ErrorReport(error, lang: app.lang)
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
        parsed = Result { try parseProgram(json: json, lang: app.lang) }.mapError { ErrorReport($0, lang: app.lang) }
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
            acceptError = ErrorReport(error, lang: app.lang)
        }
        onChange?()
    }
}

/// Today in the active program, as the core answers it for the phone's
/// date (`Journal.today`): which routines are shown, what is left today and
/// this week, the action and its words; startable as grown for the week.
@MainActor
public final class TodayModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    private let app: AppData
    private let wallClock: WallClock

    /// The core's Today screen; nil without a program.
    public private(set) var today: TodayRecord?
    /// What went wrong loading or starting.
    public private(set) var error: ErrorReport?

    public init(app: AppData, wallClock: WallClock) {
        self.app = app
        self.wallClock = wallClock
    }

    /// The routines the core shows today, in schedule order.
    public var rows: [TodayRoutineRecord] { today?.routines.filter(\.shown) ?? [] }

    /// A routine's length as the list shows it, in the app's language.
    public func length(_ row: TodayRoutineRecord) -> String { durationText(ms: row.timedMs, lang: app.lang) }

    /// The program's pain limit, for the check before a session.
    public var stopAbove: Int32? { app.program?.painStopAbove }

    /// Asks the core again (after a session was recorded, a program accepted, a new day).
    public func load() {
        defer { onChange?() }
        guard let json = app.programJson else {
            today = nil
            error = nil
            return
        }
        let day = localDay(wallClock.now(), wallClock.timeZone)
        do {
            // The journal counts the sessions recorded for the program;
            // without it, nothing counts as done.
            if let journal = app.journal {
                today = try journal.today(programJson: json, date: day, lang: app.lang)
            } else {
                today = try programToday(programJson: json, date: day, done: [], lang: app.lang)
            }
            error = app.journalError
        } catch {
            self.error = ErrorReport(error, lang: app.lang)
        }
    }

    /// Starts `routine` on `player` as grown for this week. Returns whether it started.
    @discardableResult
    public func start(_ routine: TodayRoutineRecord, painBefore: Int32?, on player: PlayerModel) -> Bool {
        guard let json = app.programJson, let week = today?.week, routine.action != TodayAction.none else { return false }
        do {
            try player.beginProgram(programJson: json, routineId: routine.routineId,
                                    week: week, lang: app.lang, painBefore: painBefore)
            error = nil
            onChange?()
            return true
        } catch {
            self.error = ErrorReport(error, lang: app.lang)
            onChange?()
            return false
        }
    }
}

/// The built-in routines as the core searches them (text in the person's
/// language, body area, tool, length), with the filters the core offers.
@MainActor
public final class LibraryModel: ChangeReporting {
    public var onChange: (@MainActor () -> Void)?
    public let lang: String
    /// The areas, tools and lengths to filter by, named by the core.
    public let filters: LibraryFilters
    public var query = "" { didSet { search() } }
    /// A format word of `filters.areas`, or nil for any.
    public var area: String? { didSet { search() } }
    /// A format word of `filters.tools`, or nil for any.
    public var tool: String? { didSet { search() } }
    /// The longest timed length, in minutes, or nil for any.
    public var maxMinutes: Int32? { didSet { search() } }
    /// The routines the core found, by id.
    public private(set) var shown: [RoutineSummary] = []

    public init(lang: String) {
        self.lang = lang
        filters = libraryFilters(lang: lang)
        search()
    }

    private func search() {
        shown = searchRoutines(query: LibraryQuery(text: query, area: area, tool: tool, maxMinutes: maxMinutes),
                               lang: lang)
        onChange?()
    }

    /// A routine's length as the list shows it.
    public func length(_ s: RoutineSummary) -> String { durationText(ms: s.timedMs, lang: lang) }
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
        details = Result { try builtinRoutine(id: id, lang: lang) }.mapError { ErrorReport($0, lang: lang) }
    }

    /// Each step's start and length, and the equipment's names, in the core's words.
    public func clock(_ ms: Int64) -> String { countdownText(ms: ms) }
    public func length(_ ms: Int64) -> String { durationText(ms: ms, lang: lang) }
    public var equipment: [String] {
        ((try? details.get())?.equipment ?? []).map { vocabName(.tool, $0, lang: lang) }
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
            startError = ErrorReport(error, lang: lang)
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
            self.error = ErrorReport(error, lang: app.lang)
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
            // The core names the files and makes their text.
            let docs = try journal.exports(programJson: app.programJson, today: day, lang: app.lang)
            files = try docs.map { doc in
                let url = dir.appendingPathComponent(doc.name)
                try Data(doc.text.utf8).write(to: url, options: [.atomic])
                return url
            }
            error = nil
        } catch {
            self.error = ErrorReport(error, lang: app.lang)
        }
    }

    /// The core's sentences about safety flags, and a flag's heading.
    public var safety: SafetyWords { safetyWords(lang: app.lang) }
    public func flagHeading(_ flag: FlagRecord) -> String { flagTitle(routineTitle: flag.routineTitle, lang: app.lang) }
    /// Total active time as the core writes a length.
    public var activeTime: String? { stats.map { durationText(ms: $0.activeMs, lang: app.lang) } }
    /// The pain scale's bounds, for the chart.
    public var painScale: ClosedRange<Int32> { let n = numbers(lang: app.lang); return n.painMin...n.painMax }
}

/// One point of the weekly pain chart.
public struct PainPoint: Equatable, Sendable, Identifiable {
    public let week: Int
    /// After sessions (else before).
    public let after: Bool
    public let value: Double
    public var id: String { "\(after ? "after" : "before")-\(week)" }
}

/// The pain questions around a session: a rating on the core's scale that
/// can be skipped, and after a session how the pressure felt. Before a
/// session the core checks the rating against the program's limit.
public struct PainAnswer: Equatable {
    /// The core's pain scale and its end labels, in the person's language.
    public let numbers: Numbers
    /// The slider's position on the scale.
    public var slider: Double
    /// Whether the person chose not to rate.
    public var skipped = false
    /// How the pressure felt; nil when not answered.
    public var pressure: PressureFeedback?

    public init(lang: String) {
        numbers = UnknotCore.numbers(lang: lang)
        slider = Double(numbers.painMin)
    }

    /// The slider's range, the core's bounds.
    public var range: ClosedRange<Double> { Double(numbers.painMin)...Double(numbers.painMax) }
    /// The whole number shown for the slider.
    public var shown: Int32 { Int32(min(max(slider, range.lowerBound), range.upperBound).rounded()) }
    /// The rating to record; nil when skipped.
    public var rating: Int32? { skipped ? nil : shown }
    /// The rating in words for VoiceOver (`Pain: 3 of 10`).
    public func spoken(lang: String) -> String { painValueText(pain: shown, lang: lang) }

    /// The core's answer to this rating given before a session, against
    /// `stopAbove` (the program's limit; nil: the general limit): whether
    /// to start, and what to show when not.
    public func checkBefore(stopAbove: Int32?, lang: String) -> Result<PainCheck, ErrorReport> {
        Result { try checkPainBefore(pain: rating, stopAbove: stopAbove, lang: lang) }
            .mapError { ErrorReport($0, lang: lang) }
    }
}
