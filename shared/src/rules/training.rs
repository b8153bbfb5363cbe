//! The collective training: 8 meetings with fixed themes, their schedule, attendance, completion
//! and the size of a cohort.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::settings::ProgrammeSettings;
use crate::violation::{ViolationKind, Violations};

/// How many meetings a cohort has.
pub const MEETINGS: u8 = 8;

/// Below this many participants the coordinator sees a warning (nothing is refused).
pub const COHORT_WARN_BELOW: u32 = 6;

/// The dates of a cohort's meetings, by meeting number (index 0 is meeting 1); `None` when a
/// meeting is not scheduled yet.
pub type Schedule = [Option<NaiveDate>; MEETINGS as usize];

/// The number of a meeting: 1..=8. Out of range is `meeting_number_out_of_range`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "u8", into = "u8")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
pub struct MeetingNumber(u8);

impl MeetingNumber {
    pub const FIRST: MeetingNumber = MeetingNumber(1);
    pub const LAST: MeetingNumber = MeetingNumber(MEETINGS);

    pub fn new(number: u8) -> Result<Self, ViolationKind> {
        if (1..=MEETINGS).contains(&number) {
            Ok(MeetingNumber(number))
        } else {
            Err(ViolationKind::MeetingNumberOutOfRange {})
        }
    }

    /// The number, 1..=8.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The position in a schedule, 0..=7.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// Every meeting number, in order.
    pub fn all() -> impl Iterator<Item = MeetingNumber> {
        (1..=MEETINGS).map(MeetingNumber)
    }
}

impl TryFrom<u8> for MeetingNumber {
    type Error = ViolationKind;
    fn try_from(number: u8) -> Result<Self, Self::Error> {
        MeetingNumber::new(number)
    }
}

impl From<MeetingNumber> for u8 {
    fn from(number: MeetingNumber) -> u8 {
        number.0
    }
}

impl fmt::Display for MeetingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for MeetingNumber {
    type Err = ViolationKind;
    /// Reads a number; an integer outside 1..=8 (`0`, `9`, `-1`, `300`) is out of range, text that
    /// is no integer at all is `invalid_format`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        let value: i64 = text.parse().map_err(|_| ViolationKind::InvalidFormat {})?;
        let number = u8::try_from(value).map_err(|_| ViolationKind::MeetingNumberOutOfRange {})?;
        MeetingNumber::new(number)
    }
}

/// The theme of each meeting, after the eight themes of the municipal labour-market and
/// participation module (MAP), so the training counts there too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    CareerOrientation,
    WorkCompetences,
    RealisticPictureOfJobs,
    JobOpportunities,
    AcquiringSkills,
    Networking,
    FindingWork,
    WorkCultureAndActionPlan,
}

impl Theme {
    /// Every theme, in meeting order: `Theme::ALL[0]` is the theme of meeting 1.
    pub const ALL: [Theme; MEETINGS as usize] = [
        Theme::CareerOrientation,
        Theme::WorkCompetences,
        Theme::RealisticPictureOfJobs,
        Theme::JobOpportunities,
        Theme::AcquiringSkills,
        Theme::Networking,
        Theme::FindingWork,
        Theme::WorkCultureAndActionPlan,
    ];

    /// The fixed theme of a meeting.
    pub fn of(number: MeetingNumber) -> Theme {
        Theme::ALL[number.index()]
    }

    /// The snake_case name, the same as in JSON; translations use `theme-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            Theme::CareerOrientation => "career_orientation",
            Theme::WorkCompetences => "work_competences",
            Theme::RealisticPictureOfJobs => "realistic_picture_of_jobs",
            Theme::JobOpportunities => "job_opportunities",
            Theme::AcquiringSkills => "acquiring_skills",
            Theme::Networking => "networking",
            Theme::FindingWork => "finding_work",
            Theme::WorkCultureAndActionPlan => "work_culture_and_action_plan",
        }
    }
}

/// Attendance of one participant at one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum AttendanceStatus {
    Present,
    Excused,
    Absent,
    /// Caught up with the coach; counts as attended.
    MadeUp,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 4] = [
        AttendanceStatus::Present,
        AttendanceStatus::Excused,
        AttendanceStatus::Absent,
        AttendanceStatus::MadeUp,
    ];

    /// Present and made up count towards completion; excused and absent do not.
    pub fn counts_as_attended(self) -> bool {
        match self {
            AttendanceStatus::Present | AttendanceStatus::MadeUp => true,
            AttendanceStatus::Excused | AttendanceStatus::Absent => false,
        }
    }
}

/// The field of a meeting's date in a schedule input: `meetings.3.date` (1-based).
fn date_field(number: MeetingNumber) -> String {
    format!("meetings.{number}.date")
}

/// The refusal, if any, of meeting `later` on `later_date` following meeting `earlier` on
/// `earlier_date`, where `earlier` is the nearest scheduled meeting before `later`.
///
/// The dates must strictly increase; only when the numbers are consecutive do the gap rules apply
/// too (a meeting between them that is not scheduled yet leaves room for any gap). A date that is
/// not after the earlier one is only `meetings_out_of_order`, not also `meetings_too_close`.
fn pair_violation(
    earlier: MeetingNumber,
    earlier_date: NaiveDate,
    later: MeetingNumber,
    later_date: NaiveDate,
    settings: &ProgrammeSettings,
) -> Option<ViolationKind> {
    if later_date <= earlier_date {
        return Some(ViolationKind::MeetingsOutOfOrder {});
    }
    if later.get() != earlier.get() + 1 {
        return None;
    }
    let gap = (later_date - earlier_date).num_days();
    if gap < i64::from(settings.meeting_min_gap_days) {
        Some(ViolationKind::MeetingsTooClose {
            min_days: settings.meeting_min_gap_days,
        })
    } else if gap > i64::from(settings.meeting_max_gap_days) {
        Some(ViolationKind::MeetingsTooFarApart {
            max_days: settings.meeting_max_gap_days,
        })
    } else {
        None
    }
}

/// Every refusal of a cohort's schedule, each on the later meeting's field `meetings.{n}.date`.
///
/// Each scheduled meeting is compared with the nearest scheduled meeting before it, whether or not
/// that one was itself refused. Meetings not scheduled yet are skipped. Dates in the past are
/// allowed: a running programme is entered with the meetings already held.
pub fn validate_schedule(dates: &Schedule, settings: &ProgrammeSettings) -> Violations {
    let mut violations = Violations::new();
    let mut previous: Option<(MeetingNumber, NaiveDate)> = None;
    for number in MeetingNumber::all() {
        let Some(date) = dates[number.index()] else {
            continue;
        };
        if let Some((earlier, earlier_date)) = previous
            && let Some(kind) = pair_violation(earlier, earlier_date, number, date, settings)
        {
            violations.push(date_field(number), kind);
        }
        previous = Some((number, date));
    }
    violations
}

/// Whether meeting `number` may be placed on `date` in `schedule`, for a form that edits one
/// meeting's date.
///
/// The schedule with that date is validated, and only the refusals of the two pairs that involve
/// the placed meeting are returned: with its nearest scheduled predecessor and with its nearest
/// scheduled successor. Both are reported on the field `date`, once per distinct code. Refusals
/// between other meetings are left out: this placement does not change them, and refusing it for
/// them would make it impossible to repair a schedule one meeting at a time.
pub fn check_meeting_date(
    number: MeetingNumber,
    date: NaiveDate,
    schedule: &Schedule,
    settings: &ProgrammeSettings,
) -> Result<(), Violations> {
    let mut placed = *schedule;
    placed[number.index()] = Some(date);
    let successor = MeetingNumber::all()
        .filter(|n| *n > number)
        .find(|n| placed[n.index()].is_some());
    let concerned = [Some(number), successor].map(|n| n.map(date_field));

    let mut violations = Violations::new();
    for violation in validate_schedule(&placed, settings) {
        let is_concerned = concerned
            .iter()
            .flatten()
            .any(|field| *field == violation.field);
        let already_reported = violations.iter().any(|v| v.kind == violation.kind);
        if is_concerned && !already_reported {
            violations.push("date", violation.kind);
        }
    }
    violations.into_result(())
}

/// Whether attendance may be recorded for someone at a meeting on `meeting_date` (`None` when
/// not scheduled). A meeting held today may be recorded.
pub fn check_attendance(
    meeting_date: Option<NaiveDate>,
    today: NaiveDate,
    in_cohort: bool,
) -> Result<(), ViolationKind> {
    if !in_cohort {
        return Err(ViolationKind::NotInCohort {});
    }
    let Some(date) = meeting_date else {
        return Err(ViolationKind::MeetingNotScheduled {});
    };
    if date > today {
        return Err(ViolationKind::AttendanceInTheFuture {});
    }
    Ok(())
}

/// How many meetings count as attended (present or made up).
pub fn attended_count(statuses: impl IntoIterator<Item = AttendanceStatus>) -> u32 {
    let count = statuses
        .into_iter()
        .filter(|s| s.counts_as_attended())
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// The training is complete at `meetings_required` (6) attended meetings or more.
pub fn training_complete(attended: u32, settings: &ProgrammeSettings) -> bool {
    attended >= settings.meetings_required
}

/// Whether `adding` more participants fit in a cohort of `current`: refused with `cohort_full`
/// when the cohort would exceed `cohort_max_participants`.
pub fn check_cohort_capacity(
    current: u32,
    adding: u32,
    settings: &ProgrammeSettings,
) -> Result<(), ViolationKind> {
    let max = settings.cohort_max_participants;
    match current.checked_add(adding) {
        Some(total) if total <= max => Ok(()),
        Some(_) | None => Err(ViolationKind::CohortFull { max }),
    }
}

/// A cohort below `COHORT_WARN_BELOW` participants gets a warning; nothing is refused.
pub fn cohort_is_small(count: u32) -> bool {
    count < COHORT_WARN_BELOW
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(offset: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, 3).unwrap() + chrono::Days::new(u64::from(offset))
    }

    fn settings() -> ProgrammeSettings {
        ProgrammeSettings::default()
    }

    fn n(number: u8) -> MeetingNumber {
        MeetingNumber::new(number).unwrap()
    }

    /// All 8 meetings, weekly.
    fn weekly() -> Schedule {
        std::array::from_fn(|i| Some(day(7 * u32::try_from(i).unwrap())))
    }

    fn codes_and_fields(violations: &Violations) -> Vec<(&str, &str)> {
        violations
            .iter()
            .map(|v| (v.field.as_str(), v.kind.code()))
            .collect()
    }

    // Meeting numbers and themes

    #[test]
    fn meeting_numbers_0_and_9_are_out_of_range_and_1_and_8_are_accepted() {
        assert_eq!(
            MeetingNumber::new(0),
            Err(ViolationKind::MeetingNumberOutOfRange {})
        );
        assert_eq!(MeetingNumber::new(1).map(MeetingNumber::get), Ok(1));
        assert_eq!(MeetingNumber::new(8).map(MeetingNumber::get), Ok(8));
        assert_eq!(
            MeetingNumber::new(9),
            Err(ViolationKind::MeetingNumberOutOfRange {})
        );
    }

    #[test]
    fn a_meeting_number_indexes_from_0() {
        assert_eq!(n(1).index(), 0);
        assert_eq!(n(8).index(), 7);
    }

    #[test]
    fn all_meeting_numbers_are_1_to_8_in_order() {
        let all: Vec<u8> = MeetingNumber::all().map(MeetingNumber::get).collect();
        assert_eq!(all, vec![1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(MeetingNumber::FIRST, n(1));
        assert_eq!(MeetingNumber::LAST, n(8));
    }

    #[test]
    fn a_meeting_number_is_a_plain_integer_in_json_and_is_checked_when_read() {
        assert_eq!(serde_json::to_string(&n(3)).unwrap(), "3");
        assert_eq!(serde_json::from_str::<MeetingNumber>("3").unwrap(), n(3));
        assert!(serde_json::from_str::<MeetingNumber>("0").is_err());
        assert!(serde_json::from_str::<MeetingNumber>("9").is_err());
    }

    #[test]
    fn a_meeting_number_parsed_from_text_says_what_is_wrong() {
        assert_eq!(" 4 ".parse::<MeetingNumber>(), Ok(n(4)));
        assert_eq!("".parse::<MeetingNumber>(), Err(ViolationKind::Required {}));
        assert_eq!(
            "four".parse::<MeetingNumber>(),
            Err(ViolationKind::InvalidFormat {})
        );
        for text in ["0", "9", "-1", "300"] {
            assert_eq!(
                text.parse::<MeetingNumber>(),
                Err(ViolationKind::MeetingNumberOutOfRange {}),
                "{text}"
            );
        }
    }

    #[test]
    fn the_themes_follow_the_meetings_from_career_orientation_to_work_culture() {
        assert_eq!(Theme::of(n(1)), Theme::CareerOrientation);
        assert_eq!(Theme::of(n(2)), Theme::WorkCompetences);
        assert_eq!(Theme::of(n(3)), Theme::RealisticPictureOfJobs);
        assert_eq!(Theme::of(n(4)), Theme::JobOpportunities);
        assert_eq!(Theme::of(n(5)), Theme::AcquiringSkills);
        assert_eq!(Theme::of(n(6)), Theme::Networking);
        assert_eq!(Theme::of(n(7)), Theme::FindingWork);
        assert_eq!(Theme::of(n(8)), Theme::WorkCultureAndActionPlan);
    }

    #[test]
    fn every_theme_key_is_its_json_name_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for theme in Theme::ALL {
            let json = serde_json::to_value(theme).unwrap();
            assert_eq!(json, theme.key());
            assert!(seen.insert(theme.key()), "{} twice", theme.key());
        }
        assert_eq!(Theme::CareerOrientation.key(), "career_orientation");
    }

    // Attendance statuses

    #[test]
    fn present_and_made_up_count_as_attended_and_excused_and_absent_do_not() {
        let counted: Vec<AttendanceStatus> = AttendanceStatus::ALL
            .into_iter()
            .filter(|s| s.counts_as_attended())
            .collect();
        assert_eq!(
            counted,
            vec![AttendanceStatus::Present, AttendanceStatus::MadeUp]
        );
    }

    // The schedule

    #[test]
    fn a_weekly_schedule_is_accepted() {
        assert!(validate_schedule(&weekly(), &settings()).is_empty());
    }

    #[test]
    fn an_empty_schedule_is_accepted() {
        assert!(validate_schedule(&[None; 8], &settings()).is_empty());
    }

    #[test]
    fn meetings_0_days_apart_are_out_of_order_and_1_day_apart_are_accepted() {
        let mut dates = [None; 8];
        dates[0] = Some(day(10));
        dates[1] = Some(day(10));
        assert_eq!(
            codes_and_fields(&validate_schedule(&dates, &settings())),
            vec![("meetings.2.date", "meetings_out_of_order")]
        );
        dates[1] = Some(day(11));
        assert!(validate_schedule(&dates, &settings()).is_empty());
    }

    #[test]
    fn meetings_21_days_apart_are_accepted_and_22_are_too_far_apart() {
        let mut dates = [None; 8];
        dates[3] = Some(day(0));
        dates[4] = Some(day(21));
        assert!(validate_schedule(&dates, &settings()).is_empty());
        dates[4] = Some(day(22));
        let violations = validate_schedule(&dates, &settings());
        assert_eq!(
            violations.0,
            vec![crate::Violation::new(
                "meetings.5.date",
                ViolationKind::MeetingsTooFarApart { max_days: 21 }
            )]
        );
    }

    #[test]
    fn a_meeting_before_its_predecessor_is_out_of_order() {
        let mut dates = weekly();
        dates[2] = Some(day(1));
        // meeting 4 (day 21) is compared with meeting 3 as placed: 20 days later is fine
        assert_eq!(
            codes_and_fields(&validate_schedule(&dates, &settings())),
            vec![("meetings.3.date", "meetings_out_of_order")]
        );
    }

    #[test]
    fn a_gap_below_a_raised_minimum_is_too_close() {
        let raised = ProgrammeSettings {
            meeting_min_gap_days: 3,
            ..settings()
        };
        let mut dates = [None; 8];
        dates[0] = Some(day(0));
        dates[1] = Some(day(2));
        assert_eq!(
            validate_schedule(&dates, &raised).0,
            vec![crate::Violation::new(
                "meetings.2.date",
                ViolationKind::MeetingsTooClose { min_days: 3 }
            )]
        );
        dates[1] = Some(day(3));
        assert!(validate_schedule(&dates, &raised).is_empty());
    }

    #[test]
    fn meetings_with_an_unscheduled_one_between_may_be_far_apart_but_not_out_of_order() {
        let mut dates = [None; 8];
        dates[0] = Some(day(0));
        dates[2] = Some(day(60));
        assert!(validate_schedule(&dates, &settings()).is_empty());
        dates[2] = Some(day(0));
        assert_eq!(
            codes_and_fields(&validate_schedule(&dates, &settings())),
            vec![("meetings.3.date", "meetings_out_of_order")]
        );
    }

    #[test]
    fn meetings_in_the_past_are_allowed() {
        let dates: Schedule = std::array::from_fn(|i| {
            NaiveDate::from_ymd_opt(2001, 1, 1 + 3 * u32::try_from(i).unwrap())
        });
        assert!(validate_schedule(&dates, &settings()).is_empty());
    }

    #[test]
    fn every_refusal_of_a_schedule_is_collected() {
        let mut dates = weekly();
        dates[1] = Some(day(30)); // 2: 30 days after 1
        dates[2] = Some(day(30)); // 3: same day as 2
        // 4 stays on day 21: now before 3
        dates[7] = Some(day(100)); // 8: 58 days after 7
        assert_eq!(
            codes_and_fields(&validate_schedule(&dates, &settings())),
            vec![
                ("meetings.2.date", "meetings_too_far_apart"),
                ("meetings.3.date", "meetings_out_of_order"),
                ("meetings.4.date", "meetings_out_of_order"),
                ("meetings.8.date", "meetings_too_far_apart"),
            ]
        );
    }

    // Placing one meeting

    #[test]
    fn a_meeting_placed_between_its_neighbours_is_accepted() {
        let mut schedule = weekly();
        schedule[3] = None;
        assert_eq!(
            check_meeting_date(n(4), day(20), &schedule, &settings()),
            Ok(())
        );
    }

    #[test]
    fn a_meeting_placed_too_far_from_its_predecessor_is_refused_on_the_date_field() {
        let mut schedule = [None; 8];
        schedule[0] = Some(day(0));
        let result = check_meeting_date(n(2), day(22), &schedule, &settings());
        assert_eq!(
            result.unwrap_err().0,
            vec![crate::Violation::new(
                "date",
                ViolationKind::MeetingsTooFarApart { max_days: 21 }
            )]
        );
    }

    #[test]
    fn a_meeting_placed_after_its_successor_is_refused_on_the_date_field() {
        let schedule = weekly();
        // meeting 3 moved to day 29: 22 days after meeting 2, and meeting 4 (day 21) before it
        let result = check_meeting_date(n(3), day(29), &schedule, &settings());
        assert_eq!(
            codes_and_fields(&result.unwrap_err()),
            vec![
                ("date", "meetings_too_far_apart"),
                ("date", "meetings_out_of_order"),
            ]
        );
    }

    #[test]
    fn a_meeting_placed_is_compared_with_the_nearest_scheduled_successor() {
        let mut schedule = [None; 8];
        schedule[5] = Some(day(10));
        let result = check_meeting_date(n(2), day(10), &schedule, &settings());
        assert_eq!(
            codes_and_fields(&result.unwrap_err()),
            vec![("date", "meetings_out_of_order")]
        );
        assert_eq!(
            check_meeting_date(n(2), day(9), &schedule, &settings()),
            Ok(())
        );
    }

    #[test]
    fn placing_a_meeting_ignores_refusals_elsewhere_in_the_schedule() {
        let mut schedule = weekly();
        schedule[7] = Some(day(100)); // 8 is far from 7 already
        schedule[1] = None;
        assert_eq!(
            check_meeting_date(n(2), day(5), &schedule, &settings()),
            Ok(())
        );
    }

    #[test]
    fn the_same_refusal_on_both_sides_of_a_placed_meeting_is_reported_once() {
        let raised = ProgrammeSettings {
            meeting_min_gap_days: 3,
            ..settings()
        };
        let mut schedule = [None; 8];
        schedule[0] = Some(day(0));
        schedule[2] = Some(day(2));
        let result = check_meeting_date(n(2), day(1), &schedule, &raised);
        assert_eq!(
            result.unwrap_err().0,
            vec![crate::Violation::new(
                "date",
                ViolationKind::MeetingsTooClose { min_days: 3 }
            )]
        );
    }

    // Attendance

    #[test]
    fn attendance_for_a_meeting_today_may_be_recorded() {
        assert_eq!(check_attendance(Some(day(5)), day(5), true), Ok(()));
        assert_eq!(check_attendance(Some(day(4)), day(5), true), Ok(()));
    }

    #[test]
    fn attendance_for_a_meeting_tomorrow_is_in_the_future() {
        assert_eq!(
            check_attendance(Some(day(6)), day(5), true),
            Err(ViolationKind::AttendanceInTheFuture {})
        );
    }

    #[test]
    fn attendance_for_an_unscheduled_meeting_is_refused() {
        assert_eq!(
            check_attendance(None, day(5), true),
            Err(ViolationKind::MeetingNotScheduled {})
        );
    }

    #[test]
    fn attendance_for_someone_outside_the_cohort_is_refused_first() {
        assert_eq!(
            check_attendance(Some(day(5)), day(5), false),
            Err(ViolationKind::NotInCohort {})
        );
        assert_eq!(
            check_attendance(None, day(5), false),
            Err(ViolationKind::NotInCohort {})
        );
    }

    // Completion

    #[test]
    fn five_attended_meetings_are_not_enough_and_six_complete_the_training() {
        assert!(!training_complete(5, &settings()));
        assert!(training_complete(6, &settings()));
        assert!(training_complete(8, &settings()));
    }

    #[test]
    fn made_up_meetings_count_towards_completion_and_excused_ones_do_not() {
        use AttendanceStatus::{Absent, Excused, MadeUp, Present};
        let five = [
            Present, Present, Present, Present, MadeUp, Excused, Excused, Absent,
        ];
        assert_eq!(attended_count(five), 5);
        assert!(!training_complete(attended_count(five), &settings()));
        let six = [
            Present, Present, Present, MadeUp, MadeUp, MadeUp, Excused, Absent,
        ];
        assert_eq!(attended_count(six), 6);
        assert!(training_complete(attended_count(six), &settings()));
    }

    // The cohort

    #[test]
    fn a_16th_participant_fits_and_a_17th_makes_the_cohort_full() {
        assert_eq!(check_cohort_capacity(15, 1, &settings()), Ok(()));
        assert_eq!(
            check_cohort_capacity(16, 1, &settings()),
            Err(ViolationKind::CohortFull { max: 16 })
        );
        assert_eq!(
            check_cohort_capacity(10, 7, &settings()),
            Err(ViolationKind::CohortFull { max: 16 })
        );
        assert_eq!(
            check_cohort_capacity(u32::MAX, 1, &settings()),
            Err(ViolationKind::CohortFull { max: 16 })
        );
    }

    #[test]
    fn a_cohort_of_5_is_small_and_of_6_is_not() {
        assert!(cohort_is_small(0));
        assert!(cohort_is_small(5));
        assert!(!cohort_is_small(6));
    }

    proptest! {
        #[test]
        fn a_meeting_number_is_accepted_exactly_for_1_to_8(value in any::<u8>()) {
            prop_assert_eq!(MeetingNumber::new(value).is_ok(), (1..=8).contains(&value));
        }

        #[test]
        fn a_meeting_number_survives_display_and_parse(value in 1u8..=8) {
            let number = MeetingNumber::new(value).unwrap();
            prop_assert_eq!(number.to_string().parse::<MeetingNumber>(), Ok(number));
        }

        #[test]
        fn any_gap_of_1_to_21_days_between_consecutive_meetings_is_accepted(
            first in 0usize..7,
            start in 0u32..1000,
            gap in 1u32..=21,
        ) {
            let mut dates = [None; 8];
            dates[first] = Some(day(start));
            dates[first + 1] = Some(day(start + gap));
            prop_assert!(validate_schedule(&dates, &settings()).is_empty());
        }

        #[test]
        fn any_gap_over_21_days_between_consecutive_meetings_is_too_far_apart(
            first in 0usize..7,
            start in 0u32..1000,
            gap in 22u32..1000,
        ) {
            let mut dates = [None; 8];
            dates[first] = Some(day(start));
            dates[first + 1] = Some(day(start + gap));
            let violations = validate_schedule(&dates, &settings());
            prop_assert_eq!(
                violations.0,
                vec![crate::Violation::new(
                    format!("meetings.{}.date", first + 2),
                    ViolationKind::MeetingsTooFarApart { max_days: 21 },
                )]
            );
        }

        #[test]
        fn a_later_meeting_on_or_before_an_earlier_one_is_out_of_order(
            first in 0usize..7,
            skip in 1usize..7,
            start in 0u32..1000,
            back in 0u32..100,
        ) {
            let later = (first + skip).min(7);
            prop_assume!(later > first);
            let mut dates = [None; 8];
            dates[first] = Some(day(start + 100));
            dates[later] = Some(day(start + 100 - back));
            let violations = validate_schedule(&dates, &settings());
            prop_assert_eq!(
                violations.0,
                vec![crate::Violation::new(
                    format!("meetings.{}.date", later + 1),
                    ViolationKind::MeetingsOutOfOrder {},
                )]
            );
        }

        #[test]
        fn a_schedule_of_gaps_within_1_to_21_days_is_accepted(
            gaps in proptest::collection::vec(1u32..=21, 7),
            scheduled in proptest::collection::vec(any::<bool>(), 8),
        ) {
            let mut dates = [None; 8];
            let mut offset = 0;
            for i in 0..8 {
                if i > 0 {
                    offset += gaps[i - 1];
                }
                if scheduled[i] {
                    dates[i] = Some(day(offset));
                }
            }
            prop_assert!(validate_schedule(&dates, &settings()).is_empty());
        }

        #[test]
        fn a_cohort_accepts_newcomers_exactly_up_to_16(current in 0u32..40, adding in 0u32..40) {
            prop_assert_eq!(
                check_cohort_capacity(current, adding, &settings()).is_ok(),
                current + adding <= 16
            );
        }

        #[test]
        fn attendance_is_accepted_exactly_up_to_today(offset in 0u32..60) {
            let today = day(30);
            prop_assert_eq!(
                check_attendance(Some(day(offset)), today, true).is_ok(),
                offset <= 30
            );
        }
    }
}
