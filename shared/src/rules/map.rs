//! Hours held towards the civic-integration module on the labour market and participation (MAP):
//! the 8 themes (the meetings' themes, company visits as orientation) and the practice hours of
//! internships. The statement says "ready for the final interview" when every theme is covered
//! and the practice hours reach the municipality's threshold; the municipality decides.
//!
//! Hours are counted in whole minutes, never floats.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::rules::internship::duration_days;
use crate::rules::training::Theme;

/// The practice hours the law asks for at least.
pub const PRACTICE_HOURS_MIN: u32 = 40;

/// The civic-integration route of a participant. The education route is exempt from the MAP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum IntegrationRoute {
    B1,
    Z,
    Education,
}

impl IntegrationRoute {
    pub const ALL: [IntegrationRoute; 3] = [
        IntegrationRoute::B1,
        IntegrationRoute::Z,
        IntegrationRoute::Education,
    ];

    /// The snake_case name, the same as in JSON; translations use `map-route-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            IntegrationRoute::B1 => "b1",
            IntegrationRoute::Z => "z",
            IntegrationRoute::Education => "education",
        }
    }

    pub fn from_key(key: &str) -> Option<IntegrationRoute> {
        IntegrationRoute::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether the route includes the MAP.
    pub fn includes_map(self) -> bool {
        !matches!(self, IntegrationRoute::Education)
    }
}

/// Where a participant stands towards the final interview. Never "passed": the municipality
/// decides in the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MapStatus {
    /// The education route: the MAP does not apply.
    NotApplicable,
    InProgress,
    ReadyForFinalInterview,
}

/// One internship as the practice hours see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticePeriod {
    pub start: NaiveDate,
    /// The last day, including an extension.
    pub end: NaiveDate,
    pub hours_per_week: u32,
    /// Recorded absence, in whole hours.
    pub absence_hours: u32,
}

/// Practice minutes of an internship up to `today`: hours per week × the weeks actually done (the
/// days from the start up to today or the end, whichever is first, divided by 7), minus the
/// recorded absence, never below zero.
pub fn practice_minutes(period: &PracticePeriod, today: NaiveDate) -> u32 {
    if today < period.start {
        return 0;
    }
    let last = today.min(period.end);
    let days = u64::try_from(duration_days(period.start, last).max(0)).unwrap_or(0);
    let done = u64::from(period.hours_per_week) * 60 * days / 7;
    let absent = u64::from(period.absence_hours) * 60;
    u32::try_from(done.saturating_sub(absent)).unwrap_or(u32::MAX)
}

/// What is still missing before the final interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    pub ready: bool,
    /// Themes without any attended, made-up or visited activity, in meeting order.
    pub missing_themes: Vec<Theme>,
    /// Practice minutes still short of the threshold; 0 when reached.
    pub missing_practice_minutes: u32,
}

/// Ready when every one of the 8 themes is covered and the practice minutes reach
/// `required_hours` (exactly the threshold is enough).
pub fn readiness(covered: &[Theme], practice_minutes: u32, required_hours: u32) -> Readiness {
    let missing_themes: Vec<Theme> = Theme::ALL
        .into_iter()
        .filter(|t| !covered.contains(t))
        .collect();
    let missing_practice_minutes = (required_hours * 60).saturating_sub(practice_minutes);
    Readiness {
        ready: missing_themes.is_empty() && missing_practice_minutes == 0,
        missing_themes,
        missing_practice_minutes,
    }
}

/// The status of the statement for a participant on `route` (none recorded counts as a route
/// with the MAP).
pub fn status(route: Option<IntegrationRoute>, readiness: &Readiness) -> MapStatus {
    match route {
        Some(r) if !r.includes_map() => MapStatus::NotApplicable,
        _ if readiness.ready => MapStatus::ReadyForFinalInterview,
        _ => MapStatus::InProgress,
    }
}

/// The first day on which the participant was ready: every theme covered (by activities on their
/// dates) and the practice minutes reached, counting each internship's absence from its start.
/// `None` when not ready on `today`.
pub fn ready_on(
    theme_dates: &[(Theme, NaiveDate)],
    periods: &[PracticePeriod],
    required_hours: u32,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let mut themes_on = NaiveDate::MIN;
    for theme in Theme::ALL {
        let first = theme_dates
            .iter()
            .filter(|(t, d)| *t == theme && *d <= today)
            .map(|(_, d)| *d)
            .min()?;
        themes_on = themes_on.max(first);
    }
    let needed = required_hours * 60;
    let total = |day: NaiveDate| -> u32 {
        periods
            .iter()
            .map(|p| practice_minutes(p, day))
            .fold(0u32, u32::saturating_add)
    };
    if total(today) < needed {
        return None;
    }
    // The practice total never falls as days pass: search for the first day that reaches it.
    let mut low = periods.iter().map(|p| p.start).min().unwrap_or(today);
    let mut high = today;
    while low < high {
        let span = high.signed_duration_since(low).num_days();
        let middle = low
            .checked_add_days(Days::new(u64::try_from(span / 2).unwrap_or(0)))
            .unwrap_or(high);
        if total(middle) >= needed {
            high = middle;
        } else {
            low = middle.checked_add_days(Days::new(1)).unwrap_or(high);
        }
    }
    Some(themes_on.max(high))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn period(hours_per_week: u32, absence_hours: u32) -> PracticePeriod {
        PracticePeriod {
            start: day(2025, 3, 3),
            end: day(2025, 4, 27),
            hours_per_week,
            absence_hours,
        }
    }

    #[test]
    fn two_weeks_of_20_hours_hold_40_practice_hours() {
        assert_eq!(practice_minutes(&period(20, 0), day(2025, 3, 16)), 40 * 60);
    }

    #[test]
    fn recorded_absence_is_taken_off() {
        assert_eq!(practice_minutes(&period(20, 1), day(2025, 3, 16)), 39 * 60);
        assert_eq!(practice_minutes(&period(20, 500), day(2025, 3, 16)), 0);
    }

    #[test]
    fn nothing_counts_before_the_start_and_nothing_after_the_end() {
        assert_eq!(practice_minutes(&period(20, 0), day(2025, 3, 2)), 0);
        assert_eq!(
            practice_minutes(&period(20, 0), day(2025, 4, 27)),
            practice_minutes(&period(20, 0), day(2026, 1, 1))
        );
        assert_eq!(practice_minutes(&period(20, 0), day(2025, 4, 27)), 160 * 60);
    }

    #[test]
    fn all_themes_and_exactly_40_hours_are_ready() {
        let r = readiness(&Theme::ALL, 40 * 60, 40);
        assert!(r.ready);
        assert_eq!(r.missing_practice_minutes, 0);
        assert_eq!(
            status(Some(IntegrationRoute::B1), &r),
            MapStatus::ReadyForFinalInterview
        );
    }

    #[test]
    fn thirty_nine_hours_are_not_ready_and_say_an_hour_is_missing() {
        let r = readiness(&Theme::ALL, 39 * 60, 40);
        assert!(!r.ready);
        assert_eq!(r.missing_practice_minutes, 60);
        assert_eq!(r.missing_themes, vec![]);
        assert_eq!(status(Some(IntegrationRoute::Z), &r), MapStatus::InProgress);
    }

    #[test]
    fn a_missing_theme_is_named() {
        let covered: Vec<Theme> = Theme::ALL.into_iter().skip(1).collect();
        let r = readiness(&covered, 100 * 60, 40);
        assert!(!r.ready);
        assert_eq!(r.missing_themes, vec![Theme::CareerOrientation]);
    }

    #[test]
    fn the_education_route_is_not_applicable() {
        let r = readiness(&Theme::ALL, 40 * 60, 40);
        assert_eq!(
            status(Some(IntegrationRoute::Education), &r),
            MapStatus::NotApplicable
        );
        assert_eq!(status(None, &r), MapStatus::ReadyForFinalInterview);
    }

    #[test]
    fn ready_on_is_the_day_both_the_themes_and_the_hours_are_reached() {
        let themes: Vec<(Theme, NaiveDate)> = Theme::ALL
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, day(2025, 1, 6) + chrono::TimeDelta::days(7 * i as i64)))
            .collect();
        // 20 hours a week from 3 March: 40 hours on 16 March.
        assert_eq!(
            ready_on(&themes, &[period(20, 0)], 40, day(2025, 6, 1)),
            Some(day(2025, 3, 16))
        );
        assert_eq!(
            ready_on(&themes, &[period(20, 0)], 40, day(2025, 3, 15)),
            None
        );
        // The themes finish after the hours.
        let late = day(2025, 5, 5);
        let mut later = themes.clone();
        later[7].1 = late;
        assert_eq!(
            ready_on(&later, &[period(20, 0)], 40, day(2025, 6, 1)),
            Some(late)
        );
    }

    #[test]
    fn routes_read_back_from_their_keys() {
        for route in IntegrationRoute::ALL {
            assert_eq!(IntegrationRoute::from_key(route.key()), Some(route));
        }
    }

    proptest! {
        #[test]
        fn practice_never_falls_as_days_pass(hours in 0u32..=40, absence in 0u32..100, a in 0i64..120, b in 0i64..120) {
            let p = period(hours, absence);
            let (early, late) = (a.min(b), a.max(b));
            let base = day(2025, 2, 20);
            prop_assert!(
                practice_minutes(&p, base + chrono::TimeDelta::days(early))
                    <= practice_minutes(&p, base + chrono::TimeDelta::days(late))
            );
        }

        #[test]
        fn ready_exactly_from_the_threshold(minutes in 0u32..6000, required in 40u32..=80) {
            prop_assert_eq!(readiness(&Theme::ALL, minutes, required).ready, minutes >= required * 60);
        }
    }
}
