// Progress from the journal, as the core counts it: safety flags first,
// the streak, adherence per program week (done of due) and the mean pain
// before and after sessions per week. Exports (the therapist's report, CSV,
// FHIR) are written by the core and shared as files.

import Charts
import SwiftUI
import UnknotCore

struct ProgressScreen: View {
    @Environment(AppData.self) private var app
    @State private var stats: StatsRecord?
    @State private var files: [URL] = []
    @State private var error: String?

    var body: some View {
        List {
            if let error { Section { Text(error).foregroundStyle(.red) } }
            if let s = stats {
                if !s.flags.isEmpty {
                    Section {
                        ForEach(Array(s.flags.enumerated()), id: \.offset) { _, flag in
                            VStack(alignment: .leading, spacing: 6) {
                                Label(flag.routineTitle, systemImage: "exclamationmark.octagon.fill")
                                    .font(.title3.bold())
                                Text(flag.message).font(.body)
                                Text("Stop this routine and contact your therapist.").font(.body.bold())
                            }
                            .foregroundStyle(.red)
                            .accessibilityElement(children: .combine)
                        }
                    } header: {
                        Text("Please read")
                    }
                }
                Section {
                    LabeledContent("Streak", value: s.streak.days == 1 ? "1 day" : "\(s.streak.days) days")
                    LabeledContent("Sessions", value: "\(s.sessions) (\(s.completed) completed)")
                    LabeledContent("Time", value: clockText(s.activeMs))
                    if let a = s.adherence {
                        LabeledContent("Done as planned", value: "\(Int((a * 100).rounded())) %")
                    }
                }
                if !s.weeks.isEmpty {
                    Section("By week") {
                        ForEach(s.weeks, id: \.week) { w in
                            HStack {
                                Text("Week \(w.week)").font(.headline)
                                if w.inProgress { Text("(this week)").font(.caption) }
                                Spacer()
                                Text("\(w.done) of \(w.due)").monospacedDigit()
                            }
                            .accessibilityElement(children: .combine)
                        }
                    }
                    if s.weeks.contains(where: { $0.painBefore != nil || $0.painAfter != nil }) {
                        Section("Pain, weekly mean") {
                            PainChart(weeks: s.weeks).frame(height: 220)
                        }
                    }
                }
            } else if error == nil {
                Text("No sessions yet.")
            }
            Section("For your therapist") {
                if files.isEmpty {
                    Button("Prepare report and exports") { export() }
                } else {
                    ShareLink(items: files) {
                        Label("Share report, CSV and FHIR", systemImage: "square.and.arrow.up")
                    }
                }
            }
        }
        .navigationTitle("Progress")
        .task(id: "\(app.journalVersion) \(app.program?.id ?? "")") { load() }
    }

    private func load() {
        files = []
        guard let journal = app.journal else {
            error = app.journalError
            return
        }
        do {
            stats = try journal.stats(programJson: app.programJson, today: localDay(), lang: PlayerModel.language)
            error = nil
        } catch {
            self.error = errorText(error)
        }
    }

    // Writes the three exports to a fresh temporary folder for ShareLink.
    private func export() {
        guard let journal = app.journal else { return }
        let lang = PlayerModel.language
        let today = localDay()
        do {
            let dir = FileManager.default.temporaryDirectory
                .appendingPathComponent("unknot-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let html = try journal.reportHtml(programJson: app.programJson, today: today, lang: lang)
            let csv = try journal.exportCsv()
            let fhir = try journal.exportFhir(programJson: app.programJson, lang: lang)
            let outputs = [
                ("unknot-report-\(today).html", html),
                ("unknot-sessions-\(today).csv", csv),
                ("unknot-fhir-\(today).json", fhir),
            ]
            files = try outputs.map { name, text in
                let url = dir.appendingPathComponent(name)
                try Data(text.utf8).write(to: url, options: [.atomic])
                return url
            }
            error = nil
        } catch {
            self.error = errorText(error)
        }
    }
}

/// Mean pain before and after sessions per program week, 0–10.
struct PainChart: View {
    let weeks: [WeekRecord]

    private struct Point: Identifiable {
        let week: Int
        let series: String
        let value: Double
        var id: String { "\(series)-\(week)" }
    }

    private var points: [Point] {
        weeks.flatMap { w -> [Point] in
            [w.painBefore.map { Point(week: Int(w.week), series: "Before", value: $0) },
             w.painAfter.map { Point(week: Int(w.week), series: "After", value: $0) }].compactMap { $0 }
        }
    }

    var body: some View {
        Chart(points) { p in
            LineMark(x: .value("Week", p.week), y: .value("Pain", p.value))
                .foregroundStyle(by: .value("When", p.series))
            PointMark(x: .value("Week", p.week), y: .value("Pain", p.value))
                .foregroundStyle(by: .value("When", p.series))
        }
        .chartYScale(domain: 0...10)
        .chartXAxisLabel("Week")
        .accessibilityLabel("Pain before and after sessions, by week")
    }
}
