//! The programme's clock. "Today" is the calendar day in the programme's time zone (a setting,
//! Europe/Amsterdam by default), never the server's UTC date: around midnight the two differ.
//! Tests fix the clock; nothing else reads the wall clock for a date.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The programme's default time zone.
pub const DEFAULT_ZONE: Tz = chrono_tz::Europe::Amsterdam;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    zone: Tz,
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The wall clock, read in `zone`.
    pub fn system(zone: Tz) -> Self {
        Clock { zone, fixed: None }
    }

    /// A clock that stands still at `at` (for tests).
    pub fn fixed(at: DateTime<Utc>, zone: Tz) -> Self {
        Clock {
            zone,
            fixed: Some(at),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    /// The programme's calendar day.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&self.zone).date_naive()
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system(DEFAULT_ZONE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("a date-time")
            .with_timezone(&Utc)
    }

    #[test]
    fn half_past_eleven_utc_in_summer_is_already_tomorrow_in_amsterdam() {
        let clock = Clock::fixed(at("2026-06-30T22:30:00Z"), DEFAULT_ZONE);
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    }

    #[test]
    fn half_past_eleven_utc_in_winter_is_already_tomorrow_in_amsterdam() {
        let clock = Clock::fixed(at("2026-12-31T23:30:00Z"), DEFAULT_ZONE);
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    }

    #[test]
    fn half_past_ten_utc_in_winter_is_still_today_in_amsterdam() {
        let clock = Clock::fixed(at("2026-12-31T22:30:00Z"), DEFAULT_ZONE);
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
    }
}
