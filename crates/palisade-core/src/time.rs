//! Minimal civil-date handling (UTC) for expiry dates and commit timestamps.

use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
    /// Day 1-31.
    pub day: u32,
}

impl Date {
    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.split('-');
        let year: i32 = it.next()?.parse().ok()?;
        let month: u32 = it.next()?.parse().ok()?;
        let day: u32 = it.next()?.parse().ok()?;
        if it.next().is_some() || s.len() != 10 || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Today's date in UTC.
    pub fn today() -> Self {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_unix(i64::try_from(secs).unwrap_or(0))
    }

    /// The UTC date of a Unix timestamp.
    pub fn from_unix(secs: i64) -> Self {
        civil_from_days(secs.div_euclid(86_400))
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date {
        year: y as i32,
        month: m as u32,
        day: d as u32,
    }
}

/// RFC 3339 UTC timestamp (`2024-01-02T03:04:05Z`) of a Unix time.
pub fn rfc3339_utc(secs: i64) -> String {
    let d = Date::from_unix(secs);
    let rem = secs.rem_euclid(86_400);
    format!(
        "{d}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert!(Date::parse("2027-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2028-2-9").is_none());
        assert!(Date::parse("2026-01-31") < Date::parse("2026-02-01"));
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of an RFC 3339 timestamp (`2024-05-01T12:00:00Z`): its first ten characters.
    pub fn from_rfc3339(s: &str) -> Option<Self> {
        Self::parse(s.get(..10)?)
    }
}

#[cfg(test)]
mod days_tests {
    use super::*;

    #[test]
    fn days_since_epoch_inverts_from_unix() {
        for secs in [0i64, 86_400 * 365, 1_700_000_000, 951_782_400, -86_400] {
            let d = Date::from_unix(secs);
            assert_eq!(d.days_since_epoch(), secs.div_euclid(86_400), "{d}");
        }
        assert_eq!(
            Date::from_rfc3339("2024-03-01T00:00:00Z").map(Date::days_since_epoch),
            Some(19_783)
        );
    }
}
