//! CSV export of sessions, one row per session, for spreadsheets.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

use super::entry::SessionRecord;

const RFC3339_SECONDS: &[BorrowedFormatItem<'_>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
);

/// `utc_ms` as local date and time with its offset, to the second:
/// `2024-05-03T07:30:00+02:00`. Both FHIR `dateTime` and RFC 3339.
/// Times outside years 1970–9999 (never stored) print as the epoch.
pub fn local_datetime(utc_ms: i64, utc_offset_min: i32) -> String {
    let offset =
        UtcOffset::from_whole_seconds(utc_offset_min.saturating_mul(60)).unwrap_or(UtcOffset::UTC);
    let at = OffsetDateTime::from_unix_timestamp(utc_ms.div_euclid(1000))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(offset);
    at.format(RFC3339_SECONDS)
        .unwrap_or_else(|_| "1970-01-01T00:00:00+00:00".into())
}

/// The CSV header, in column order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "date",
    "start",
    "end",
    "utc_offset_min",
    "routine_id",
    "routine_title",
    "program_id",
    "outcome",
    "active_minutes",
    "steps_completed",
    "steps_skipped",
    "pain_before",
    "pain_after",
    "pain_change",
    "pressure",
    "discomfort_marks",
    "discomfort_steps",
    "note",
];

/// Text a spreadsheet would run as a formula gets a leading apostrophe.
fn cell_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The sessions as CSV (RFC 4180, with a header row). Times are local with
/// their UTC offset; active time is in minutes with one decimal.
pub fn to_csv(records: &[SessionRecord]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(CSV_COLUMNS);
    for r in records {
        let steps: Vec<String> = r.discomfort.iter().map(|m| m.step.to_string()).collect();
        let _ = w.write_record([
            r.id.to_string(),
            r.local_date().to_string(),
            local_datetime(r.start_ms, r.utc_offset_min),
            local_datetime(r.end_ms, r.utc_offset_min),
            r.utc_offset_min.to_string(),
            r.routine_id.clone(),
            cell_text(&r.routine_title),
            opt(r.program_id.as_deref()),
            r.outcome.as_str().to_string(),
            format!("{:.1}", r.active_ms as f64 / 60_000.0),
            r.steps_completed.to_string(),
            r.steps_skipped.to_string(),
            opt(r.pain_before),
            opt(r.pain_after),
            opt(r.pain_change()),
            opt(r.pressure.map(|p| p.as_str())),
            r.discomfort.len().to_string(),
            steps.join(";"),
            cell_text(r.note.as_deref().unwrap_or("")),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The three files a journal export is shared as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The therapist's report, a standalone HTML page.
    Report,
    /// Every session as CSV.
    Csv,
    /// Every session as a FHIR R4 bundle.
    Fhir,
}

impl ExportKind {
    /// Every kind, in the order they are shared.
    pub const ALL: [ExportKind; 3] = [ExportKind::Report, ExportKind::Csv, ExportKind::Fhir];

    /// The file name of this export made on `today` (the phone's date), the
    /// same on every platform: `unknot-report-2026-12-02.html`.
    pub fn file_name(self, today: crate::CivilDate) -> String {
        let (what, ext) = match self {
            ExportKind::Report => ("report", "html"),
            ExportKind::Csv => ("sessions", "csv"),
            ExportKind::Fhir => ("fhir", "json"),
        };
        format!("unknot-{what}-{today}.{ext}")
    }

    /// Its media type, for the share sheet.
    pub fn mime_type(self) -> &'static str {
        match self {
            ExportKind::Report => "text/html",
            ExportKind::Csv => "text/csv",
            ExportKind::Fhir => "application/fhir+json",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::entry::tests::sample;

    #[test]
    fn export_files_are_named_by_the_day_they_are_made() {
        let day = crate::CivilDate::parse("2026-12-02").unwrap();
        let names: Vec<_> = ExportKind::ALL.iter().map(|k| k.file_name(day)).collect();
        assert_eq!(
            names,
            [
                "unknot-report-2026-12-02.html",
                "unknot-sessions-2026-12-02.csv",
                "unknot-fhir-2026-12-02.json"
            ]
        );
        assert_eq!(ExportKind::Fhir.mime_type(), "application/fhir+json");
    }

    #[test]
    fn local_times_carry_their_offset() {
        assert_eq!(
            local_datetime(1_714_716_000_000, 120),
            "2024-05-03T08:00:00+02:00"
        );
        assert_eq!(
            local_datetime(1_714_716_000_999, -330),
            "2024-05-03T00:30:00-05:30"
        );
        assert_eq!(local_datetime(0, 0), "1970-01-01T00:00:00+00:00");
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_session_with_quoting() {
        let mut a = sample();
        a.note = Some("hurt, then \"better\"\nnext line".into());
        let mut b = sample();
        b.pain_before = None;
        b.pressure = None;
        b.discomfort.clear();
        b.note = Some("=HYPERLINK(\"x\")".into());
        b.program_id = None;
        let csv = to_csv(&[
            SessionRecord { id: 1, entry: a },
            SessionRecord { id: 2, entry: b },
        ]);
        let mut rd = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(
            rd.headers().unwrap().iter().collect::<Vec<_>>(),
            CSV_COLUMNS
        );
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][1], "2024-05-03");
        assert_eq!(&rows[0][2], "2024-05-03T08:00:00+02:00");
        assert_eq!(&rows[0][9], "9.0");
        assert_eq!(&rows[0][14], "-2");
        assert_eq!(&rows[0][15], "right");
        assert_eq!(&rows[0][17], "2");
        assert_eq!(&rows[0][18], "hurt, then \"better\"\nnext line");
        assert_eq!(&rows[1][7], "");
        assert_eq!(&rows[1][12], "");
        assert_eq!(&rows[1][14], "");
        assert_eq!(&rows[1][18], "'=HYPERLINK(\"x\")");
    }
}
