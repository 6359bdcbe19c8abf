// Progress from the journal, as the core counts it (the package's
// `ProgressModel`): safety flags first, the streak, adherence per program
// week and the mean pain before and after sessions per week. Exports are
// written by the core and shared as files.

import Charts
import SwiftUI
import UnknotApp
import UnknotCore

struct ProgressScreen: View {
    @EnvironmentObject private var app: Observed<AppData>
    @StateObject private var progress: Observed<ProgressModel>

    init(app: AppData) {
        _progress = StateObject(wrappedValue: Observed(ProgressModel(
            app: app, wallClock: SystemWallClock(), exportFolder: FileManager.default.temporaryDirectory)))
    }

    var body: some View {
        List {
            if let error = progress.error { Section { Text(error.text).foregroundStyle(.red) } }
            if let s = progress.stats {
                if !s.flags.isEmpty {
                    Section {
                        ForEach(Array(s.flags.enumerated()), id: \.offset) { _, flag in
                            VStack(alignment: .leading, spacing: 6) {
                                Label(progress.model.flagHeading(flag), systemImage: "exclamationmark.octagon.fill")
                                    .font(.title3.bold())
                                Text(flag.message).font(.body)
                                Text(verbatim: progress.safety.stopRoutine).font(.body.bold())
                            }
                            .foregroundStyle(.red)
                            .accessibilityElement(children: .combine)
                        }
                    } header: {
                        Text(verbatim: progress.safety.flagsHeading)
                    }
                }
                Section {
                    LabeledContent { Text("\(s.streak.days) days") } label: { Text("Streak") }
                    LabeledContent { Text("\(s.sessions) (\(s.completed) completed)") } label: { Text("Sessions") }
                    LabeledContent { Text(verbatim: progress.activeTime ?? "") } label: { Text("Time") }
                    if let a = s.adherence {
                        LabeledContent {
                            Text(a, format: .percent.precision(.fractionLength(0)))
                        } label: {
                            Text("Done as planned")
                        }
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
                    if !progress.painPoints.isEmpty {
                        Section("Pain, weekly mean") {
                            PainChart(points: progress.painPoints, scale: progress.painScale).frame(height: 220)
                        }
                    }
                }
            } else if progress.error == nil {
                Text("No sessions yet.")
            }
            Section("For your therapist") {
                if progress.files.isEmpty {
                    Button("Prepare report and exports") { progress.model.export() }
                } else {
                    ShareLink(items: progress.files) {
                        Label("Share report, CSV and FHIR", systemImage: "square.and.arrow.up")
                    }
                }
            }
        }
        .navigationTitle("Progress")
        .task(id: "\(app.journalVersion) \(app.program?.id ?? "")") { progress.model.load() }
    }
}

/// Mean pain before and after sessions per program week, on the core's scale.
struct PainChart: View {
    let points: [PainPoint]
    let scale: ClosedRange<Int32>

    var body: some View {
        let before = String(localized: "Before")
        let after = String(localized: "After")
        Chart(points) { p in
            LineMark(x: .value(String(localized: "Week"), p.week), y: .value(String(localized: "Pain"), p.value))
                .foregroundStyle(by: .value(String(localized: "When"), p.after ? after : before))
            PointMark(x: .value(String(localized: "Week"), p.week), y: .value(String(localized: "Pain"), p.value))
                .foregroundStyle(by: .value(String(localized: "When"), p.after ? after : before))
        }
        .chartYScale(domain: Double(scale.lowerBound)...Double(scale.upperBound))
        .chartXAxisLabel(String(localized: "Week"))
        .accessibilityLabel(Text("Pain before and after sessions, by week"))
    }
}
