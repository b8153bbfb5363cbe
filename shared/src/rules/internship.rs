//! The internship of about two months: its window, hours, extension, overlap and evaluations.
//!
//! Durations count from the start date to the end date inclusive: an internship from Monday the
//! 1st to Sunday the 42nd day lasts 42 days, which is 6 weeks.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::settings::ProgrammeSettings;
use crate::values::{Description, Score};
use crate::violation::{Violation, ViolationKind, Violations};

/// Fewest and most hours per week.
pub const HOURS_PER_WEEK: std::ops::RangeInclusive<u32> = 8..=40;
/// Longest extension, in weeks.
pub const EXTENSION_MAX_WEEKS: u32 = 4;
/// Longest internship including its extension, in weeks.
pub const TOTAL_MAX_WEEKS: u32 = 13;

/// When an evaluation is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum EvaluationMoment {
    Midterm,
    Final,
}

/// Who evaluates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum Evaluator {
    /// The supervisor at the organisation (a company contact).
    Supervisor,
    Coach,
}

/// Days from `start` to `end`, both included. Zero or negative when `end` is before `start`.
pub fn duration_days(start: NaiveDate, end: NaiveDate) -> i64 {
    end.signed_duration_since(start).num_days() + 1
}

/// Days in `weeks` whole weeks.
fn weeks_in_days(weeks: u32) -> i64 {
    i64::from(weeks) * 7
}

/// Checks the dates and hours of an internship as typed into a form: every field is required, the
/// duration lies within the programme's weeks and the hours within [`HOURS_PER_WEEK`]. An end
/// before the start counts as too short. Returns every violation found (empty when valid).
pub fn validate_window(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    hours_per_week: Option<u32>,
    settings: &ProgrammeSettings,
) -> Violations {
    let mut violations = Violations::new();
    if start.is_none() {
        violations.push("start_date", ViolationKind::Required {});
    }
    match end {
        None => violations.push("end_date", ViolationKind::Required {}),
        Some(end) => {
            if let Some(start) = start {
                let days = duration_days(start, end);
                if days < weeks_in_days(settings.internship_min_weeks) {
                    violations.push(
                        "end_date",
                        ViolationKind::InternshipTooShort {
                            min_weeks: settings.internship_min_weeks,
                        },
                    );
                } else if days > weeks_in_days(settings.internship_max_weeks) {
                    violations.push(
                        "end_date",
                        ViolationKind::InternshipTooLong {
                            max_weeks: settings.internship_max_weeks,
                        },
                    );
                }
            }
        }
    }
    match hours_per_week {
        None => violations.push("hours_per_week", ViolationKind::Required {}),
        Some(hours) if !HOURS_PER_WEEK.contains(&hours) => violations.push(
            "hours_per_week",
            ViolationKind::HoursOutOfRange {
                min: *HOURS_PER_WEEK.start(),
                max: *HOURS_PER_WEEK.end(),
            },
        ),
        Some(_) => {}
    }
    violations
}

/// The end date a form proposes for an internship starting on `start`: the programme's default
/// number of weeks, counted inclusively (8 weeks from a Monday ends on a Sunday, 55 days later).
pub fn default_end(start: NaiveDate, settings: &ProgrammeSettings) -> NaiveDate {
    let days = u64::from(settings.internship_default_weeks)
        .saturating_mul(7)
        .saturating_sub(1);
    start
        .checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// An internship already stored for the participant, as far as planning needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedInternship {
    pub start: NaiveDate,
    /// The last day, including any extension.
    pub end: NaiveDate,
    /// A cancelled internship never blocks another.
    pub cancelled: bool,
}

/// Whether two periods, both with inclusive dates, share at least one day.
pub fn overlaps(
    a_start: NaiveDate,
    a_end: NaiveDate,
    b_start: NaiveDate,
    b_end: NaiveDate,
) -> bool {
    a_start <= b_end && b_start <= a_end
}

/// Whether the period overlaps any internship in `existing` that is not cancelled.
pub fn overlaps_any(start: NaiveDate, end: NaiveDate, existing: &[PlannedInternship]) -> bool {
    existing
        .iter()
        .filter(|other| !other.cancelled)
        .any(|other| overlaps(start, end, other.start, other.end))
}

/// Checks a new internship against what is stored: the participant's training must be complete
/// and the period may not overlap another internship (cancelled ones aside). These are conflicts
/// with stored state; the window itself is checked by [`validate_window`].
pub fn check_plan(
    start: NaiveDate,
    end: NaiveDate,
    existing: &[PlannedInternship],
    meetings_attended: u32,
    settings: &ProgrammeSettings,
) -> Result<(), Violations> {
    let mut violations = Violations::new();
    if meetings_attended < settings.meetings_required {
        violations.push(
            "",
            ViolationKind::TrainingNotComplete {
                attended: meetings_attended,
                required: settings.meetings_required,
            },
        );
    }
    if overlaps_any(start, end, existing) {
        violations.push("start_date", ViolationKind::InternshipOverlap {});
    }
    violations.into_result(())
}

/// Checks an extension of the internship `start..=current_end` to `new_end`:
/// - an internship is extended at most once (`extension_already_used`, on the record as a whole);
/// - the new end must come after the current end (`extension_not_later` on `end_date`, with the
///   current end as an ISO date in `current_end`);
/// - the extension adds at most [`EXTENSION_MAX_WEEKS`] weeks (`extension_too_long`, `end_date`);
/// - the whole internship lasts at most [`TOTAL_MAX_WEEKS`] weeks (`internship_too_long`,
///   `end_date`).
///
/// Every violation found is returned. Whether the added days overlap another internship is a
/// conflict with stored state, checked by [`check_extension_overlap`]. The extension limits are
/// fixed rules, not settings: `_settings` is taken so callers pass the same context as to the
/// other checks.
pub fn check_extension(
    start: NaiveDate,
    current_end: NaiveDate,
    new_end: NaiveDate,
    already_extended: bool,
    _settings: &ProgrammeSettings,
) -> Result<(), Violations> {
    let mut violations = Violations::new();
    if already_extended {
        violations.push("", ViolationKind::ExtensionAlreadyUsed {});
    }
    let added_days = new_end.signed_duration_since(current_end).num_days();
    if added_days <= 0 {
        violations.push(
            "end_date",
            ViolationKind::ExtensionNotLater {
                current_end: current_end.to_string(),
            },
        );
    } else if added_days > weeks_in_days(EXTENSION_MAX_WEEKS) {
        violations.push(
            "end_date",
            ViolationKind::ExtensionTooLong {
                max_weeks: EXTENSION_MAX_WEEKS,
            },
        );
    }
    if duration_days(start, new_end) > weeks_in_days(TOTAL_MAX_WEEKS) {
        violations.push(
            "end_date",
            ViolationKind::InternshipTooLong {
                max_weeks: TOTAL_MAX_WEEKS,
            },
        );
    }
    violations.into_result(())
}

/// Checks that the days an extension adds (the day after `current_end` up to `new_end`) overlap
/// no other internship of the participant (cancelled ones aside). `existing` may include the
/// internship being extended: it ends on `current_end`, so the added days never meet it.
pub fn check_extension_overlap(
    current_end: NaiveDate,
    new_end: NaiveDate,
    existing: &[PlannedInternship],
) -> Result<(), Violations> {
    let Some(first_added) = current_end.checked_add_days(Days::new(1)) else {
        return Ok(());
    };
    if first_added <= new_end && overlaps_any(first_added, new_end, existing) {
        return Err(Violation::new("end_date", ViolationKind::InternshipOverlap {}).into());
    }
    Ok(())
}

/// Where an internship stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum InternshipProgress {
    /// Before the start date.
    NotStarted { weeks: u32 },
    /// Between the start and the end date, both included; week 1 is the first seven days.
    UnderWay { week: u32, weeks: u32 },
    /// After the end date.
    Finished { weeks: u32 },
}

/// Where the internship `start..=end` stands on `today`. `weeks` is the duration rounded up to
/// whole weeks.
pub fn week_of(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> InternshipProgress {
    let to_u32 = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
    let weeks = to_u32((duration_days(start, end).max(0) + 6) / 7);
    if today < start {
        InternshipProgress::NotStarted { weeks }
    } else if today > end {
        InternshipProgress::Finished { weeks }
    } else {
        let week = to_u32(today.signed_duration_since(start).num_days() / 7 + 1);
        InternshipProgress::UnderWay { week, weeks }
    }
}

/// An evaluation as typed into the form: each score 1..=5, remarks optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationInput {
    pub moment: EvaluationMoment,
    pub evaluator: Evaluator,
    pub punctuality: Option<i64>,
    pub cooperation: Option<i64>,
    pub dutch_at_work: Option<i64>,
    pub professional_skills: Option<i64>,
    #[serde(default)]
    pub remarks: String,
}

/// A valid midterm or final evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub moment: EvaluationMoment,
    pub evaluator: Evaluator,
    pub punctuality: Score,
    pub cooperation: Score,
    pub dutch_at_work: Score,
    pub professional_skills: Score,
    pub remarks: Description,
}

fn score(value: Option<i64>) -> Result<Score, ViolationKind> {
    value.map_or(Err(ViolationKind::Required {}), Score::new)
}

impl EvaluationInput {
    /// Every score is required and 1..=5; the remarks are at most 2000 characters. Returns all
    /// violations at once.
    pub fn validate(&self) -> Result<Evaluation, Violations> {
        let mut violations = Violations::new();
        let punctuality = violations.check("punctuality", score(self.punctuality));
        let cooperation = violations.check("cooperation", score(self.cooperation));
        let dutch_at_work = violations.check("dutch_at_work", score(self.dutch_at_work));
        let professional_skills =
            violations.check("professional_skills", score(self.professional_skills));
        let remarks = violations.check("remarks", Description::parse(&self.remarks));
        // Each field is `None` exactly when it pushed a violation.
        let (
            Some(punctuality),
            Some(cooperation),
            Some(dutch_at_work),
            Some(professional_skills),
            Some(remarks),
        ) = (
            punctuality,
            cooperation,
            dutch_at_work,
            professional_skills,
            remarks,
        )
        else {
            return Err(violations);
        };
        Ok(Evaluation {
            moment: self.moment,
            evaluator: self.evaluator,
            punctuality,
            cooperation,
            dutch_at_work,
            professional_skills,
            remarks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A Monday.
    fn monday() -> NaiveDate {
        day(2025, 3, 3)
    }

    /// The last day of a period of `days` days (inclusive) starting on `start`.
    fn end_after(start: NaiveDate, days: i64) -> NaiveDate {
        start + chrono::TimeDelta::days(days - 1)
    }

    fn window(days: i64, hours: u32) -> Violations {
        let start = monday();
        validate_window(
            Some(start),
            Some(end_after(start, days)),
            Some(hours),
            &ProgrammeSettings::default(),
        )
    }

    fn codes(violations: &Violations) -> Vec<(&str, &'static str)> {
        violations
            .iter()
            .map(|v| (v.field.as_str(), v.kind.code()))
            .collect()
    }

    #[test]
    fn six_weeks_from_a_monday_to_a_sunday_last_42_days() {
        let start = monday();
        let end = day(2025, 4, 13);
        assert_eq!(end.format("%A").to_string(), "Sunday");
        assert_eq!(duration_days(start, end), 42);
    }

    #[test]
    fn an_internship_of_one_day_lasts_one_day() {
        assert_eq!(duration_days(monday(), monday()), 1);
    }

    #[test]
    fn an_internship_of_41_days_is_too_short() {
        assert_eq!(
            window(41, 32).0,
            vec![Violation::new(
                "end_date",
                ViolationKind::InternshipTooShort { min_weeks: 6 }
            )]
        );
    }

    #[test]
    fn an_internship_of_42_days_is_accepted() {
        assert!(window(42, 32).is_empty());
    }

    #[test]
    fn an_internship_of_70_days_is_accepted() {
        assert!(window(70, 32).is_empty());
    }

    #[test]
    fn an_internship_of_71_days_is_too_long() {
        assert_eq!(
            window(71, 32).0,
            vec![Violation::new(
                "end_date",
                ViolationKind::InternshipTooLong { max_weeks: 10 }
            )]
        );
    }

    #[test]
    fn an_end_before_the_start_is_too_short() {
        let start = monday();
        let violations = validate_window(
            Some(start),
            Some(day(2025, 3, 1)),
            Some(32),
            &ProgrammeSettings::default(),
        );
        assert_eq!(
            violations.0,
            vec![Violation::new(
                "end_date",
                ViolationKind::InternshipTooShort { min_weeks: 6 }
            )]
        );
    }

    #[test]
    fn seven_hours_a_week_is_out_of_range() {
        assert_eq!(
            window(56, 7).0,
            vec![Violation::new(
                "hours_per_week",
                ViolationKind::HoursOutOfRange { min: 8, max: 40 }
            )]
        );
    }

    #[test]
    fn eight_and_forty_hours_a_week_are_accepted() {
        assert!(window(56, 8).is_empty());
        assert!(window(56, 40).is_empty());
    }

    #[test]
    fn forty_one_hours_a_week_is_out_of_range() {
        assert_eq!(
            window(56, 41).0,
            vec![Violation::new(
                "hours_per_week",
                ViolationKind::HoursOutOfRange { min: 8, max: 40 }
            )]
        );
    }

    #[test]
    fn an_empty_form_reports_every_missing_field() {
        let violations = validate_window(None, None, None, &ProgrammeSettings::default());
        assert_eq!(
            codes(&violations),
            vec![
                ("start_date", "required"),
                ("end_date", "required"),
                ("hours_per_week", "required"),
            ]
        );
    }

    #[test]
    fn a_missing_start_does_not_hide_the_hours() {
        let violations = validate_window(
            None,
            Some(monday()),
            Some(50),
            &ProgrammeSettings::default(),
        );
        assert_eq!(
            codes(&violations),
            vec![
                ("start_date", "required"),
                ("hours_per_week", "hours_out_of_range")
            ]
        );
    }

    #[test]
    fn a_too_long_window_with_too_many_hours_reports_both() {
        assert_eq!(
            codes(&window(71, 41)),
            vec![
                ("end_date", "internship_too_long"),
                ("hours_per_week", "hours_out_of_range")
            ]
        );
    }

    #[test]
    fn the_window_follows_the_settings() {
        let settings = ProgrammeSettings {
            internship_min_weeks: 4,
            internship_max_weeks: 12,
            ..ProgrammeSettings::default()
        };
        let start = monday();
        let check = |days| {
            validate_window(
                Some(start),
                Some(end_after(start, days)),
                Some(8),
                &settings,
            )
        };
        assert!(check(28).is_empty());
        assert!(check(84).is_empty());
        assert_eq!(
            check(27).0,
            vec![Violation::new(
                "end_date",
                ViolationKind::InternshipTooShort { min_weeks: 4 }
            )]
        );
        assert_eq!(
            check(85).0,
            vec![Violation::new(
                "end_date",
                ViolationKind::InternshipTooLong { max_weeks: 12 }
            )]
        );
    }

    #[test]
    fn the_proposed_end_is_eight_weeks_later_on_a_sunday() {
        let start = monday();
        let end = default_end(start, &ProgrammeSettings::default());
        assert_eq!(end, day(2025, 4, 27));
        assert_eq!(duration_days(start, end), 56);
        assert!(
            validate_window(
                Some(start),
                Some(end),
                Some(24),
                &ProgrammeSettings::default()
            )
            .is_empty()
        );
    }

    fn planned(start: NaiveDate, end: NaiveDate, cancelled: bool) -> PlannedInternship {
        PlannedInternship {
            start,
            end,
            cancelled,
        }
    }

    #[test]
    fn periods_sharing_one_day_overlap() {
        assert!(overlaps(
            day(2025, 3, 3),
            day(2025, 4, 13),
            day(2025, 4, 13),
            day(2025, 5, 31)
        ));
        assert!(overlaps(
            day(2025, 4, 13),
            day(2025, 5, 31),
            day(2025, 3, 3),
            day(2025, 4, 13)
        ));
    }

    #[test]
    fn adjacent_periods_do_not_overlap() {
        assert!(!overlaps(
            day(2025, 3, 3),
            day(2025, 4, 13),
            day(2025, 4, 14),
            day(2025, 5, 31)
        ));
    }

    #[test]
    fn a_period_inside_another_overlaps() {
        assert!(overlaps(
            day(2025, 3, 1),
            day(2025, 6, 30),
            day(2025, 4, 1),
            day(2025, 4, 2)
        ));
    }

    #[test]
    fn an_internship_after_a_complete_training_and_no_other_internship_is_planned() {
        let start = monday();
        let end = end_after(start, 56);
        assert_eq!(
            check_plan(start, end, &[], 6, &ProgrammeSettings::default()),
            Ok(())
        );
    }

    #[test]
    fn an_internship_after_5_of_6_required_meetings_is_refused() {
        let start = monday();
        let end = end_after(start, 56);
        assert_eq!(
            check_plan(start, end, &[], 5, &ProgrammeSettings::default()),
            Err(Violation::new(
                "",
                ViolationKind::TrainingNotComplete {
                    attended: 5,
                    required: 6
                }
            )
            .into())
        );
    }

    #[test]
    fn an_internship_sharing_one_day_with_another_overlaps() {
        let start = monday();
        let end = end_after(start, 56);
        let existing = [planned(day(2025, 1, 1), start, false)];
        assert_eq!(
            check_plan(start, end, &existing, 8, &ProgrammeSettings::default()),
            Err(Violation::new("start_date", ViolationKind::InternshipOverlap {}).into())
        );
    }

    #[test]
    fn an_internship_starting_the_day_after_another_ends_is_planned() {
        let start = monday();
        let end = end_after(start, 56);
        let existing = [planned(day(2025, 1, 1), day(2025, 3, 2), false)];
        assert_eq!(
            check_plan(start, end, &existing, 8, &ProgrammeSettings::default()),
            Ok(())
        );
    }

    #[test]
    fn an_internship_overlapping_a_cancelled_one_is_planned() {
        let start = monday();
        let end = end_after(start, 56);
        let existing = [planned(start, end, true)];
        assert_eq!(
            check_plan(start, end, &existing, 8, &ProgrammeSettings::default()),
            Ok(())
        );
    }

    #[test]
    fn an_incomplete_training_and_an_overlap_are_both_reported_once() {
        let start = monday();
        let end = end_after(start, 56);
        let existing = [
            planned(start, end, false),
            planned(day(2025, 4, 1), day(2025, 6, 1), false),
        ];
        let refused =
            check_plan(start, end, &existing, 0, &ProgrammeSettings::default()).unwrap_err();
        assert_eq!(
            codes(&refused),
            vec![
                ("", "training_not_complete"),
                ("start_date", "internship_overlap")
            ]
        );
    }

    /// An internship of 9 weeks (63 days), from a Monday.
    fn nine_weeks() -> (NaiveDate, NaiveDate) {
        let start = monday();
        (start, end_after(start, 63))
    }

    fn extend(
        current_days: i64,
        added_days: i64,
        already_extended: bool,
    ) -> Result<(), Violations> {
        let start = monday();
        let current_end = end_after(start, current_days);
        check_extension(
            start,
            current_end,
            current_end + chrono::TimeDelta::days(added_days),
            already_extended,
            &ProgrammeSettings::default(),
        )
    }

    #[test]
    fn an_extension_by_28_days_is_accepted() {
        assert_eq!(extend(63, 28, false), Ok(()));
    }

    #[test]
    fn an_extension_by_29_days_is_too_long() {
        assert_eq!(
            extend(56, 29, false),
            Err(
                Violation::new("end_date", ViolationKind::ExtensionTooLong { max_weeks: 4 }).into()
            )
        );
    }

    #[test]
    fn a_total_of_91_days_is_accepted() {
        let (start, current_end) = nine_weeks();
        let new_end = end_after(start, 91);
        assert_eq!(duration_days(start, new_end), 91);
        assert_eq!(
            check_extension(
                start,
                current_end,
                new_end,
                false,
                &ProgrammeSettings::default()
            ),
            Ok(())
        );
    }

    #[test]
    fn a_total_of_92_days_is_too_long() {
        // 64 days plus an extension of 28 days: the extension itself is allowed.
        assert_eq!(
            extend(64, 28, false),
            Err(Violation::new(
                "end_date",
                ViolationKind::InternshipTooLong { max_weeks: 13 }
            )
            .into())
        );
    }

    #[test]
    fn a_second_extension_is_refused() {
        assert_eq!(
            extend(63, 7, true),
            Err(Violation::new("", ViolationKind::ExtensionAlreadyUsed {}).into())
        );
    }

    #[test]
    fn an_extension_that_does_not_move_the_end_later_is_refused() {
        let (start, current_end) = nine_weeks();
        for new_end in [current_end, current_end - chrono::TimeDelta::days(3)] {
            assert_eq!(
                check_extension(
                    start,
                    current_end,
                    new_end,
                    false,
                    &ProgrammeSettings::default()
                ),
                Err(Violation::new(
                    "end_date",
                    ViolationKind::ExtensionNotLater {
                        current_end: current_end.to_string(),
                    }
                )
                .into())
            );
        }
    }

    #[test]
    fn a_second_too_long_extension_reports_every_reason() {
        let refused = extend(70, 35, true).unwrap_err();
        assert_eq!(
            codes(&refused),
            vec![
                ("", "extension_already_used"),
                ("end_date", "extension_too_long"),
                ("end_date", "internship_too_long"),
            ]
        );
    }

    #[test]
    fn extended_days_that_meet_another_internship_overlap() {
        let (start, current_end) = nine_weeks();
        let new_end = current_end + chrono::TimeDelta::days(14);
        let other = planned(new_end, new_end + chrono::TimeDelta::days(50), false);
        let this = planned(start, current_end, false);
        assert_eq!(
            check_extension_overlap(current_end, new_end, &[this, other]),
            Err(Violation::new("end_date", ViolationKind::InternshipOverlap {}).into())
        );
    }

    #[test]
    fn the_internship_being_extended_does_not_overlap_itself() {
        let (start, current_end) = nine_weeks();
        let new_end = current_end + chrono::TimeDelta::days(14);
        let this = planned(start, current_end, false);
        let after = planned(
            new_end + chrono::TimeDelta::days(1),
            new_end + chrono::TimeDelta::days(50),
            false,
        );
        assert_eq!(
            check_extension_overlap(current_end, new_end, &[this, after]),
            Ok(())
        );
    }

    #[test]
    fn extended_days_over_a_cancelled_internship_do_not_overlap() {
        let (_, current_end) = nine_weeks();
        let new_end = current_end + chrono::TimeDelta::days(14);
        let cancelled = planned(current_end, new_end, true);
        assert_eq!(
            check_extension_overlap(current_end, new_end, &[cancelled]),
            Ok(())
        );
    }

    #[test]
    fn before_the_start_an_internship_has_not_started() {
        let (start, end) = nine_weeks();
        assert_eq!(
            week_of(start, end, start - chrono::TimeDelta::days(1)),
            InternshipProgress::NotStarted { weeks: 9 }
        );
    }

    #[test]
    fn the_first_seven_days_are_week_1_and_the_eighth_is_week_2() {
        let (start, end) = nine_weeks();
        assert_eq!(
            week_of(start, end, start),
            InternshipProgress::UnderWay { week: 1, weeks: 9 }
        );
        assert_eq!(
            week_of(start, end, end_after(start, 7)),
            InternshipProgress::UnderWay { week: 1, weeks: 9 }
        );
        assert_eq!(
            week_of(start, end, end_after(start, 8)),
            InternshipProgress::UnderWay { week: 2, weeks: 9 }
        );
    }

    #[test]
    fn the_last_day_is_in_the_last_week_and_the_day_after_is_finished() {
        let (start, end) = nine_weeks();
        assert_eq!(
            week_of(start, end, end),
            InternshipProgress::UnderWay { week: 9, weeks: 9 }
        );
        assert_eq!(
            week_of(start, end, end + chrono::TimeDelta::days(1)),
            InternshipProgress::Finished { weeks: 9 }
        );
    }

    #[test]
    fn a_part_of_a_week_counts_as_a_whole_week() {
        let start = monday();
        assert_eq!(
            week_of(
                start,
                end_after(start, 45),
                start - chrono::TimeDelta::days(1)
            ),
            InternshipProgress::NotStarted { weeks: 7 }
        );
        assert_eq!(
            week_of(start, end_after(start, 45), end_after(start, 45)),
            InternshipProgress::UnderWay { week: 7, weeks: 7 }
        );
    }

    #[test]
    fn progress_serialises_with_its_state() {
        assert_eq!(
            serde_json::to_value(InternshipProgress::UnderWay { week: 2, weeks: 8 }).unwrap(),
            serde_json::json!({"state": "under_way", "week": 2, "weeks": 8})
        );
        assert_eq!(
            serde_json::to_value(InternshipProgress::NotStarted { weeks: 8 }).unwrap(),
            serde_json::json!({"state": "not_started", "weeks": 8})
        );
    }

    fn evaluation_input() -> EvaluationInput {
        EvaluationInput {
            moment: EvaluationMoment::Midterm,
            evaluator: Evaluator::Supervisor,
            punctuality: Some(5),
            cooperation: Some(4),
            dutch_at_work: Some(1),
            professional_skills: Some(3),
            remarks: "  Komt altijd op tijd.  ".to_owned(),
        }
    }

    #[test]
    fn a_complete_evaluation_is_accepted() {
        let evaluation = evaluation_input().validate().unwrap();
        assert_eq!(evaluation.moment, EvaluationMoment::Midterm);
        assert_eq!(evaluation.evaluator, Evaluator::Supervisor);
        assert_eq!(evaluation.punctuality.get(), 5);
        assert_eq!(evaluation.cooperation.get(), 4);
        assert_eq!(evaluation.dutch_at_work.get(), 1);
        assert_eq!(evaluation.professional_skills.get(), 3);
        assert_eq!(evaluation.remarks.as_str(), "Komt altijd op tijd.");
    }

    #[test]
    fn an_evaluation_without_remarks_is_accepted() {
        let input = EvaluationInput {
            remarks: String::new(),
            ..evaluation_input()
        };
        assert!(input.validate().unwrap().remarks.is_empty());
    }

    #[test]
    fn scores_of_0_and_6_are_out_of_range_and_a_missing_one_is_required() {
        let input = EvaluationInput {
            punctuality: Some(0),
            cooperation: None,
            dutch_at_work: Some(6),
            professional_skills: Some(5),
            ..evaluation_input()
        };
        let range = ViolationKind::OutOfRange { min: 1, max: 5 };
        assert_eq!(
            input.validate().unwrap_err().0,
            vec![
                Violation::new("punctuality", range.clone()),
                Violation::new("cooperation", ViolationKind::Required {}),
                Violation::new("dutch_at_work", range),
            ]
        );
    }

    #[test]
    fn remarks_of_2000_characters_are_accepted_and_of_2001_too_long() {
        let input = |n: usize| EvaluationInput {
            remarks: "x".repeat(n),
            ..evaluation_input()
        };
        assert!(input(2000).validate().is_ok());
        assert_eq!(
            input(2001).validate().unwrap_err().0,
            vec![Violation::new(
                "remarks",
                ViolationKind::TooLong { max: 2000 }
            )]
        );
    }

    #[test]
    fn an_evaluation_input_reads_from_json() {
        let input: EvaluationInput = serde_json::from_value(serde_json::json!({
            "moment": "final",
            "evaluator": "coach",
            "punctuality": 4,
            "cooperation": 4,
            "dutch_at_work": 3,
            "professional_skills": null,
            "remarks": ""
        }))
        .unwrap();
        assert_eq!(input.moment, EvaluationMoment::Final);
        assert_eq!(input.evaluator, Evaluator::Coach);
        assert_eq!(
            input.validate().unwrap_err().0,
            vec![Violation::new(
                "professional_skills",
                ViolationKind::Required {}
            )]
        );
    }

    proptest! {
        #[test]
        fn a_window_is_accepted_exactly_within_6_to_10_weeks_and_8_to_40_hours(
            offset in 0i64..3650,
            days in -20i64..120,
            hours in 0u32..60,
        ) {
            let start = day(2020, 1, 1) + chrono::TimeDelta::days(offset);
            let violations = validate_window(
                Some(start),
                Some(end_after(start, days)),
                Some(hours),
                &ProgrammeSettings::default(),
            );
            let ok = (42..=70).contains(&days) && (8..=40).contains(&hours);
            prop_assert_eq!(violations.is_empty(), ok);
        }

        #[test]
        fn overlap_is_symmetric_and_matches_a_shared_day(
            a in 0i64..60, a_len in 1i64..30, b in 0i64..60, b_len in 1i64..30,
        ) {
            let base = monday();
            let (a_start, a_end) = (base + chrono::TimeDelta::days(a), base + chrono::TimeDelta::days(a + a_len - 1));
            let (b_start, b_end) = (base + chrono::TimeDelta::days(b), base + chrono::TimeDelta::days(b + b_len - 1));
            let shared = a_start.iter_days().take_while(|d| *d <= a_end).any(|d| b_start <= d && d <= b_end);
            prop_assert_eq!(overlaps(a_start, a_end, b_start, b_end), shared);
            prop_assert_eq!(overlaps(b_start, b_end, a_start, a_end), shared);
        }

        #[test]
        fn an_extension_is_accepted_exactly_within_1_to_28_days_and_91_in_total(
            current in 42i64..=70, added in -5i64..40,
        ) {
            let ok = (1..=28).contains(&added) && current + added <= 91;
            prop_assert_eq!(extend(current, added, false).is_ok(), ok);
        }
    }
}
