//! The volunteer coach: caseload, and the nudges the coordinator sees.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::rules::{budget::ExpenseStatus, outcome::follow_up_due, training::AttendanceStatus};
use crate::settings::ProgrammeSettings;
use crate::violation::ViolationKind;

/// Something the coordinator should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Nudge {
    /// No contact logged with an active participant for `days` days.
    NoContact { days: u32 },
    /// The participant's last two meetings were absences.
    TwoAbsencesInARow,
    /// An internship ends within 7 days and has no final evaluation yet.
    InternshipEndingWithoutEvaluation { ends_on: NaiveDate },
    /// A budget request waits for a coordinator's decision.
    BudgetRequestWaiting { requested_on: NaiveDate },
    /// The follow-up of an outcome falls due this month (or fell due before) and is not recorded.
    FollowUpDue { due: NaiveDate },
    /// A coach has more active participants than the caseload allows.
    CoachOverCaseload { active: u32, max: u32 },
}

impl Nudge {
    /// The stable name of the kind, as in JSON (`kind`) and in translations (`nudge-<kind>`).
    pub fn kind(&self) -> NudgeKind {
        match self {
            Nudge::NoContact { .. } => NudgeKind::NoContact,
            Nudge::TwoAbsencesInARow => NudgeKind::TwoAbsencesInARow,
            Nudge::InternshipEndingWithoutEvaluation { .. } => {
                NudgeKind::InternshipEndingWithoutEvaluation
            }
            Nudge::BudgetRequestWaiting { .. } => NudgeKind::BudgetRequestWaiting,
            Nudge::FollowUpDue { .. } => NudgeKind::FollowUpDue,
            Nudge::CoachOverCaseload { .. } => NudgeKind::CoachOverCaseload,
        }
    }
}

/// The kinds of nudge, for counting them per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NudgeKind {
    NoContact,
    TwoAbsencesInARow,
    InternshipEndingWithoutEvaluation,
    BudgetRequestWaiting,
    FollowUpDue,
    CoachOverCaseload,
}

impl NudgeKind {
    pub const ALL: [NudgeKind; 6] = [
        NudgeKind::NoContact,
        NudgeKind::TwoAbsencesInARow,
        NudgeKind::InternshipEndingWithoutEvaluation,
        NudgeKind::BudgetRequestWaiting,
        NudgeKind::FollowUpDue,
        NudgeKind::CoachOverCaseload,
    ];

    /// The stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NudgeKind::NoContact => "no_contact",
            NudgeKind::TwoAbsencesInARow => "two_absences_in_a_row",
            NudgeKind::InternshipEndingWithoutEvaluation => "internship_ending_without_evaluation",
            NudgeKind::BudgetRequestWaiting => "budget_request_waiting",
            NudgeKind::FollowUpDue => "follow_up_due",
            NudgeKind::CoachOverCaseload => "coach_over_caseload",
        }
    }
}

/// Days before its end from which an internship without a final evaluation nudges.
pub const INTERNSHIP_ENDING_NUDGE_DAYS: i64 = 7;

/// An internship ending on `ends_on`: a nudge from 7 days before its end up to the end day
/// itself, unless a final evaluation is recorded.
pub fn internship_nudge(
    ends_on: NaiveDate,
    has_final_evaluation: bool,
    today: NaiveDate,
) -> Option<Nudge> {
    let left = (ends_on - today).num_days();
    (!has_final_evaluation && (0..=INTERNSHIP_ENDING_NUDGE_DAYS).contains(&left))
        .then_some(Nudge::InternshipEndingWithoutEvaluation { ends_on })
}

/// A budget request in `status`: a nudge while it waits for a decision.
pub fn budget_nudge(status: ExpenseStatus, requested_on: NaiveDate) -> Option<Nudge> {
    (status == ExpenseStatus::Pending).then_some(Nudge::BudgetRequestWaiting { requested_on })
}

/// An outcome of `outcome_date`: a nudge when its follow-up is due by the end of `today`'s month
/// and not recorded yet.
pub fn follow_up_nudge(outcome_date: NaiveDate, recorded: bool, today: NaiveDate) -> Option<Nudge> {
    let due = follow_up_due(outcome_date);
    let month_end = today
        .with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(NaiveDate::MAX);
    (!recorded && due <= month_end).then_some(Nudge::FollowUpDue { due })
}

/// A coach with `active` participants: a nudge when that is more than `coach_max_caseload`.
pub fn caseload_nudge(active: u32, settings: &ProgrammeSettings) -> Option<Nudge> {
    let max = settings.coach_max_caseload;
    (active > max).then_some(Nudge::CoachOverCaseload { active, max })
}

/// Whether a coach with `active_participants` may take one more: refused with `caseload_full`
/// when they already have `coach_max_caseload` (3) or more.
pub fn check_caseload(
    active_participants: u32,
    settings: &ProgrammeSettings,
) -> Result<(), ViolationKind> {
    let max = settings.coach_max_caseload;
    if active_participants < max {
        Ok(())
    } else {
        Err(ViolationKind::CaseloadFull { max })
    }
}

/// What the coordinator should look at for one active participant of a coach.
///
/// - `NoContact { days }` when `days`, counted from the coach's last logged contact to `today`,
///   reaches `no_contact_nudge_days`: "no contact for 14 days" means the 14th day without contact
///   already nudges, the 13th does not. Counting starts at `coached_since` when there was no
///   contact yet, and also when the last contact predates the coaching (a coach newly assigned is
///   not flagged for days before they had the participant). A contact dated after `today` counts
///   as 0 days.
/// - `TwoAbsencesInARow` when the last two of `held_meetings_attendance` (the meetings already
///   held, in meeting order, `None` where nothing was recorded) are both absences. An unrecorded,
///   excused, present or made-up meeting between two absences breaks the row.
pub fn nudges(
    last_contact: Option<NaiveDate>,
    coached_since: NaiveDate,
    held_meetings_attendance: &[Option<AttendanceStatus>],
    today: NaiveDate,
    settings: &ProgrammeSettings,
) -> Vec<Nudge> {
    let mut nudges = Vec::new();

    let since = last_contact.map_or(coached_since, |contact| contact.max(coached_since));
    let days = u32::try_from((today - since).num_days().max(0)).unwrap_or(u32::MAX);
    if days >= settings.no_contact_nudge_days {
        nudges.push(Nudge::NoContact { days });
    }

    if let [.., second_last, last] = held_meetings_attendance
        && *second_last == Some(AttendanceStatus::Absent)
        && *last == Some(AttendanceStatus::Absent)
    {
        nudges.push(Nudge::TwoAbsencesInARow);
    }

    nudges
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttendanceStatus::{Absent, Excused, MadeUp, Present};
    use proptest::prelude::*;

    fn day(offset: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, 3).unwrap() + chrono::Days::new(u64::from(offset))
    }

    fn settings() -> ProgrammeSettings {
        ProgrammeSettings::default()
    }

    /// The nudges of a participant coached since day 0, seen on `today`.
    fn seen_on(
        today: u32,
        last_contact: Option<u32>,
        attendance: &[Option<AttendanceStatus>],
    ) -> Vec<Nudge> {
        nudges(
            last_contact.map(day),
            day(0),
            attendance,
            day(today),
            &settings(),
        )
    }

    // Caseload

    #[test]
    fn a_coach_with_2_participants_may_take_a_third_and_with_3_is_full() {
        assert_eq!(check_caseload(0, &settings()), Ok(()));
        assert_eq!(check_caseload(2, &settings()), Ok(()));
        assert_eq!(
            check_caseload(3, &settings()),
            Err(ViolationKind::CaseloadFull { max: 3 })
        );
        assert_eq!(
            check_caseload(4, &settings()),
            Err(ViolationKind::CaseloadFull { max: 3 })
        );
    }

    // No contact

    #[test]
    fn no_contact_for_13_days_does_not_nudge_and_14_days_does() {
        assert_eq!(seen_on(23, Some(10), &[]), vec![]);
        assert_eq!(
            seen_on(24, Some(10), &[]),
            vec![Nudge::NoContact { days: 14 }]
        );
    }

    #[test]
    fn without_any_contact_the_days_count_from_the_start_of_coaching() {
        assert_eq!(seen_on(13, None, &[]), vec![]);
        assert_eq!(seen_on(20, None, &[]), vec![Nudge::NoContact { days: 20 }]);
    }

    #[test]
    fn a_contact_from_before_the_coaching_began_counts_from_the_start_of_coaching() {
        let found = nudges(Some(day(0)), day(30), &[], day(40), &settings());
        assert_eq!(found, vec![]);
        let found = nudges(Some(day(0)), day(30), &[], day(44), &settings());
        assert_eq!(found, vec![Nudge::NoContact { days: 14 }]);
    }

    #[test]
    fn a_contact_today_or_dated_after_today_does_not_nudge() {
        assert_eq!(seen_on(30, Some(30), &[]), vec![]);
        assert_eq!(seen_on(30, Some(35), &[]), vec![]);
    }

    #[test]
    fn a_raised_threshold_is_followed() {
        let relaxed = ProgrammeSettings {
            no_contact_nudge_days: 21,
            ..settings()
        };
        assert_eq!(nudges(None, day(0), &[], day(20), &relaxed), vec![]);
        assert_eq!(
            nudges(None, day(0), &[], day(21), &relaxed),
            vec![Nudge::NoContact { days: 21 }]
        );
    }

    // Absences

    #[test]
    fn two_absences_in_a_row_nudge() {
        let held = [Some(Present), Some(Absent), Some(Absent)];
        assert_eq!(seen_on(1, None, &held), vec![Nudge::TwoAbsencesInARow]);
    }

    #[test]
    fn absent_present_absent_does_not_nudge() {
        let held = [Some(Absent), Some(Present), Some(Absent)];
        assert_eq!(seen_on(1, None, &held), vec![]);
    }

    #[test]
    fn an_excused_or_made_up_meeting_is_not_an_absence() {
        for other in [Excused, MadeUp, Present] {
            assert_eq!(seen_on(1, None, &[Some(Absent), Some(other)]), vec![]);
            assert_eq!(seen_on(1, None, &[Some(other), Some(Absent)]), vec![]);
        }
    }

    #[test]
    fn an_unrecorded_meeting_breaks_a_row_of_absences() {
        assert_eq!(
            seen_on(1, None, &[Some(Absent), None, Some(Absent)]),
            vec![]
        );
        assert_eq!(
            seen_on(1, None, &[Some(Absent), Some(Absent), None]),
            vec![]
        );
    }

    #[test]
    fn two_absences_earlier_in_the_training_no_longer_nudge() {
        let held = [Some(Absent), Some(Absent), Some(Present)];
        assert_eq!(seen_on(1, None, &held), vec![]);
    }

    #[test]
    fn fewer_than_two_held_meetings_do_not_nudge_for_absences() {
        assert_eq!(seen_on(1, None, &[]), vec![]);
        assert_eq!(seen_on(1, None, &[Some(Absent)]), vec![]);
    }

    #[test]
    fn both_nudges_can_appear_together() {
        let held = [Some(Absent), Some(Absent)];
        assert_eq!(
            seen_on(14, None, &held),
            vec![Nudge::NoContact { days: 14 }, Nudge::TwoAbsencesInARow]
        );
    }

    #[test]
    fn a_nudge_serialises_with_its_kind() {
        assert_eq!(
            serde_json::to_value(Nudge::NoContact { days: 14 }).unwrap(),
            serde_json::json!({"kind": "no_contact", "days": 14})
        );
        assert_eq!(
            serde_json::to_value(Nudge::TwoAbsencesInARow).unwrap(),
            serde_json::json!({"kind": "two_absences_in_a_row"})
        );
    }

    // Internships, budget, follow-ups, caseload

    #[test]
    fn an_internship_nudges_from_7_days_before_its_end_until_evaluated() {
        let end = day(30);
        assert_eq!(internship_nudge(end, false, day(22)), None);
        let nudge = Some(Nudge::InternshipEndingWithoutEvaluation { ends_on: end });
        assert_eq!(internship_nudge(end, false, day(23)), nudge);
        assert_eq!(internship_nudge(end, false, day(30)), nudge);
        assert_eq!(internship_nudge(end, false, day(31)), None);
        assert_eq!(internship_nudge(end, true, day(25)), None);
    }

    #[test]
    fn only_a_pending_budget_request_nudges() {
        assert_eq!(
            budget_nudge(ExpenseStatus::Pending, day(1)),
            Some(Nudge::BudgetRequestWaiting {
                requested_on: day(1)
            })
        );
        for s in [
            ExpenseStatus::Approved,
            ExpenseStatus::Rejected,
            ExpenseStatus::Paid,
        ] {
            assert_eq!(budget_nudge(s, day(1)), None);
        }
    }

    #[test]
    fn a_follow_up_nudges_in_the_month_it_falls_due_and_after_until_recorded() {
        let outcome = NaiveDate::from_ymd_opt(2025, 1, 20).unwrap();
        let due = NaiveDate::from_ymd_opt(2025, 7, 20).unwrap();
        let june_30 = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let july_1 = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let september = NaiveDate::from_ymd_opt(2025, 9, 3).unwrap();
        assert_eq!(follow_up_nudge(outcome, false, june_30), None);
        assert_eq!(
            follow_up_nudge(outcome, false, july_1),
            Some(Nudge::FollowUpDue { due })
        );
        assert_eq!(
            follow_up_nudge(outcome, false, september),
            Some(Nudge::FollowUpDue { due })
        );
        assert_eq!(follow_up_nudge(outcome, true, september), None);
    }

    #[test]
    fn a_coach_over_3_participants_nudges_and_at_3_does_not() {
        assert_eq!(caseload_nudge(3, &settings()), None);
        assert_eq!(
            caseload_nudge(4, &settings()),
            Some(Nudge::CoachOverCaseload { active: 4, max: 3 })
        );
    }

    #[test]
    fn every_kind_names_itself_as_in_json() {
        let all = [
            Nudge::NoContact { days: 14 },
            Nudge::TwoAbsencesInARow,
            Nudge::InternshipEndingWithoutEvaluation { ends_on: day(1) },
            Nudge::BudgetRequestWaiting {
                requested_on: day(1),
            },
            Nudge::FollowUpDue { due: day(1) },
            Nudge::CoachOverCaseload { active: 4, max: 3 },
        ];
        for (nudge, kind) in all.iter().zip(NudgeKind::ALL) {
            assert_eq!(nudge.kind(), kind);
            assert_eq!(serde_json::to_value(nudge).unwrap()["kind"], kind.as_str());
        }
    }

    proptest! {
        #[test]
        fn no_contact_nudges_exactly_from_14_days(last in 0u32..100, elapsed in 0u32..100) {
            let found = seen_on(last + elapsed, Some(last), &[]);
            if elapsed >= 14 {
                prop_assert_eq!(found, vec![Nudge::NoContact { days: elapsed }]);
            } else {
                prop_assert_eq!(found, vec![]);
            }
        }

        #[test]
        fn a_coach_may_take_a_participant_exactly_below_3(active in 0u32..20) {
            prop_assert_eq!(check_caseload(active, &settings()).is_ok(), active < 3);
        }
    }
}
