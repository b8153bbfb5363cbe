//! The numbers the design marks as *setting*, with their defaults. A municipality agreement may
//! override the budget cap; everything else is programme-wide.

use serde::{Deserialize, Serialize};

use crate::values::Money;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeSettings {
    /// Fewest days between two consecutive meetings.
    pub meeting_min_gap_days: u32,
    /// Most days between two consecutive meetings.
    pub meeting_max_gap_days: u32,
    /// Largest cohort.
    pub cohort_max_participants: u32,
    /// Meetings attended (or made up) for the training to be complete.
    pub meetings_required: u32,
    /// Most active participants of one volunteer coach.
    pub coach_max_caseload: u32,
    /// Days without a logged contact before the coordinator is told.
    pub no_contact_nudge_days: u32,
    /// Shortest internship, in weeks (start to end inclusive).
    pub internship_min_weeks: u32,
    /// Longest internship before any extension, in weeks.
    pub internship_max_weeks: u32,
    /// What a form proposes.
    pub internship_default_weeks: u32,
    /// Training budget per participant unless the agreement sets another.
    pub budget_cap: Money,
    /// A session ends after this many minutes without a request.
    pub session_idle_minutes: u32,
    /// A session ends this many hours after login, whatever happens.
    pub session_absolute_hours: u32,
    /// Months after a participant's last follow-up after which their personal data is erased.
    pub retention_months_after_follow_up: u32,
}

impl Default for ProgrammeSettings {
    fn default() -> Self {
        ProgrammeSettings {
            meeting_min_gap_days: 1,
            meeting_max_gap_days: 21,
            cohort_max_participants: 16,
            meetings_required: 6,
            coach_max_caseload: 3,
            no_contact_nudge_days: 14,
            internship_min_weeks: 6,
            internship_max_weeks: 10,
            internship_default_weeks: 8,
            budget_cap: Money::from_cents(100_000),
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            retention_months_after_follow_up: 24,
        }
    }
}

impl ProgrammeSettings {
    /// The budget cap of a participant: the agreement's when it sets one, else the programme's.
    pub fn budget_cap_for(&self, agreement_cap: Option<Money>) -> Money {
        agreement_cap.unwrap_or(self.budget_cap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_those_of_the_design() {
        let s = ProgrammeSettings::default();
        assert_eq!((s.meeting_min_gap_days, s.meeting_max_gap_days), (1, 21));
        assert_eq!(s.cohort_max_participants, 16);
        assert_eq!(s.meetings_required, 6);
        assert_eq!(s.coach_max_caseload, 3);
        assert_eq!(s.no_contact_nudge_days, 14);
        assert_eq!((s.internship_min_weeks, s.internship_max_weeks), (6, 10));
        assert_eq!(s.internship_default_weeks, 8);
        assert_eq!(s.budget_cap, Money::from_cents(100_000));
        assert_eq!((s.session_idle_minutes, s.session_absolute_hours), (30, 12));
    }

    #[test]
    fn an_agreement_cap_overrides_the_programme_cap() {
        let s = ProgrammeSettings::default();
        assert_eq!(s.budget_cap_for(None), Money::from_cents(100_000));
        assert_eq!(
            s.budget_cap_for(Some(Money::from_cents(150_000))),
            Money::from_cents(150_000)
        );
    }
}
