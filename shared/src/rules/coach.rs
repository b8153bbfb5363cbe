//! The volunteer coach: caseload, and the nudges the coordinator sees.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::rules::training::AttendanceStatus;
use crate::settings::ProgrammeSettings;
use crate::violation::ViolationKind;

/// Something the coordinator should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Nudge {
    /// No contact logged with an active participant for `days` days.
    NoContact { days: u32 },
    /// The participant's last two meetings were absences.
    TwoAbsencesInARow,
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
