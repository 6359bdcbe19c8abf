//! Civil (calendar) dates without a time zone: what a program's `start`
//! holds and what callers pass as "today". The core reads no clock; the
//! caller passes its local date.
//!
//! Arithmetic goes through a day number (days since 1970-01-01, proleptic
//! Gregorian calendar), computed with the well-known days-from-civil method.

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar date, `YYYY-MM-DD`, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Year, 1 to 9999.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// Every weekday, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The word used in program files (`mon` … `sun`).
    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    /// Parses `mon` … `sun`.
    pub fn parse(word: &str) -> Option<Self> {
        Weekday::ALL.into_iter().find(|d| d.as_str() == word)
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The English name (`Monday`), for printed handouts.
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        }
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not `YYYY-MM-DD` with digits.
    #[error("\"{0}\" is not a date written YYYY-MM-DD")]
    Format(String),
    /// The shape is right but the day does not exist.
    #[error("{0} is not a day of the calendar")]
    NoSuchDay(String),
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDate {
    /// The first representable date, 0001-01-01.
    pub const MIN: CivilDate = CivilDate {
        year: 1,
        month: 1,
        day: 1,
    };
    /// The last representable date, 9999-12-31.
    pub const MAX: CivilDate = CivilDate {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// A date, if it exists (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(CivilDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly that shape).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
            return Err(DateError::Format(s.to_string()));
        }
        if !digits(8..10) {
            return Err(DateError::Format(s.to_string()));
        }
        let num = |r: std::ops::Range<usize>| {
            b[r].iter()
                .fold(0i32, |acc, c| acc * 10 + i32::from(c - b'0'))
        };
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        CivilDate::new(y, m as u8, d as u8).ok_or_else(|| DateError::NoSuchDay(s.to_string()))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12; // March = 0
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number, if within years 1 to 9999.
    pub fn from_day_number(n: i64) -> Option<Self> {
        // 0001-01-01 and 9999-12-31; outside them the arithmetic below could overflow.
        if !(-719_162..=2_932_896).contains(&n) {
            return None;
        }
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        let y = i32::try_from(y).ok()?;
        CivilDate::new(y, m as u8, d as u8)
    }

    /// The date `days` later (earlier when negative), if within years 1 to 9999.
    pub fn add_days(self, days: i64) -> Option<Self> {
        CivilDate::from_day_number(self.day_number().checked_add(days)?)
    }

    /// The date `days` later (earlier when negative), held at
    /// [`CivilDate::MIN`] or [`CivilDate::MAX`] past the ends of the range.
    pub fn saturating_add_days(self, days: i64) -> Self {
        let n = self.day_number().saturating_add(days);
        CivilDate::from_day_number(n).unwrap_or(if n < 0 {
            CivilDate::MIN
        } else {
            CivilDate::MAX
        })
    }

    /// The day before, or `None` for [`CivilDate::MIN`].
    pub fn previous_day(self) -> Option<Self> {
        self.add_days(-1)
    }

    /// The day after, or `None` for [`CivilDate::MAX`].
    pub fn next_day(self) -> Option<Self> {
        self.add_days(1)
    }

    /// Days from `earlier` to `self` (negative when `self` is before).
    pub fn days_since(self, earlier: CivilDate) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::ALL[(self.day_number() + 3).rem_euclid(7) as usize]
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for CivilDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        CivilDate::parse(s)
    }
}

impl Serialize for CivilDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `date!(2024 - 05 - 06)`: a literal date in tests (panics if it does not exist).
#[cfg(test)]
macro_rules! date {
    ($y:tt - $m:tt - $d:tt) => {
        $crate::date::CivilDate::parse(concat!(
            stringify!($y),
            "-",
            stringify!($m),
            "-",
            stringify!($d)
        ))
        .expect("a real date")
    };
}
#[cfg(test)]
pub(crate) use date;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    #[test]
    fn parses_and_formats() {
        assert_eq!(d("2025-03-01").to_string(), "2025-03-01");
        assert_eq!(d("0001-01-01").year, 1);
        for bad in [
            "2025-3-01",
            "2025/03/01",
            "25-03-01",
            "2025-03-01x",
            "",
            "２０２５-03-01",
        ] {
            assert!(
                matches!(CivilDate::parse(bad), Err(DateError::Format(_))),
                "{bad}"
            );
        }
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "0000-01-01",
        ] {
            assert!(
                matches!(CivilDate::parse(bad), Err(DateError::NoSuchDay(_))),
                "{bad}"
            );
        }
        assert!(CivilDate::parse("2024-02-29").is_ok());
        assert!(CivilDate::parse("2000-02-29").is_ok());
        assert!(CivilDate::parse("1900-02-29").is_err());
    }

    #[test]
    fn day_numbers_and_weekdays() {
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2000-03-01").day_number(), 11_017);
        assert_eq!(d("1969-12-31").day_number(), -1);
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thu);
        assert_eq!(d("2025-01-06").weekday(), Weekday::Mon);
        assert_eq!(d("2024-02-29").weekday(), Weekday::Thu);
        assert_eq!(d("2024-12-31").add_days(1), Some(d("2025-01-01")));
        assert_eq!(d("2024-02-28").add_days(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-03-01").add_days(-1), Some(d("2025-02-28")));
        assert_eq!(d("9999-12-31").add_days(1), None);
        assert_eq!(d("0001-01-01").add_days(-1), None);
        assert_eq!(d("2025-03-10").days_since(d("2025-03-01")), 9);
    }

    #[test]
    fn ends_of_the_range_and_neighbours() {
        assert_eq!(CivilDate::MIN, d("0001-01-01"));
        assert_eq!(CivilDate::MAX, d("9999-12-31"));
        assert_eq!(CivilDate::MIN.previous_day(), None);
        assert_eq!(CivilDate::MAX.next_day(), None);
        assert_eq!(d("2025-03-01").previous_day(), Some(d("2025-02-28")));
        assert_eq!(d("2024-03-01").previous_day(), Some(d("2024-02-29")));
        assert_eq!(d("2024-12-31").next_day(), Some(d("2025-01-01")));
        assert_eq!(d("2025-03-01").saturating_add_days(41), d("2025-04-11"));
        assert_eq!(d("2025-03-01").saturating_add_days(-6), d("2025-02-23"));
        assert_eq!(
            d("2025-03-01").saturating_add_days(i64::MAX),
            CivilDate::MAX
        );
        assert_eq!(
            d("2025-03-01").saturating_add_days(i64::MIN),
            CivilDate::MIN
        );
        assert_eq!(CivilDate::MAX.saturating_add_days(1), CivilDate::MAX);
        assert_eq!(CivilDate::MIN.saturating_add_days(-1), CivilDate::MIN);
        assert_eq!(d("2025-03-01").days_since(d("2025-03-10")), -9);
        assert_eq!(CivilDate::MAX.days_since(CivilDate::MIN), 3_652_058);
        assert_eq!(CivilDate::MIN.day_number(), -719_162);
        assert_eq!(CivilDate::MAX.day_number(), 2_932_896);
        assert_eq!(CivilDate::from_day_number(i64::MAX), None);
        assert_eq!(CivilDate::from_day_number(i64::MIN), None);
    }

    #[test]
    fn every_day_round_trips() {
        let start = d("1899-12-25").day_number();
        for n in start..start + 200 * 366 {
            let date = CivilDate::from_day_number(n).unwrap();
            assert_eq!(date.day_number(), n);
            assert_eq!(CivilDate::parse(&date.to_string()), Ok(date));
        }
    }
}
