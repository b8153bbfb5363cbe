//! The warm introduction: proposed → accepted or declined → meeting held → result.

use serde::{Deserialize, Serialize};

use crate::{roles::Role, violation::ViolationKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum IntroductionStatus {
    Proposed,
    Accepted,
    Declined,
    MeetingHeld,
    /// Result: a job.
    Hired,
    /// Result: a place at a school.
    Enrolled,
    /// Result: a place as a volunteer.
    Volunteering,
    /// Result: the organisation chose someone else.
    NotChosen,
}

impl IntroductionStatus {
    pub const ALL: [IntroductionStatus; 8] = [
        IntroductionStatus::Proposed,
        IntroductionStatus::Accepted,
        IntroductionStatus::Declined,
        IntroductionStatus::MeetingHeld,
        IntroductionStatus::Hired,
        IntroductionStatus::Enrolled,
        IntroductionStatus::Volunteering,
        IntroductionStatus::NotChosen,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IntroductionStatus::Proposed => "proposed",
            IntroductionStatus::Accepted => "accepted",
            IntroductionStatus::Declined => "declined",
            IntroductionStatus::MeetingHeld => "meeting_held",
            IntroductionStatus::Hired => "hired",
            IntroductionStatus::Enrolled => "enrolled",
            IntroductionStatus::Volunteering => "volunteering",
            IntroductionStatus::NotChosen => "not_chosen",
        }
    }

    /// Declined or a result: nothing follows.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            IntroductionStatus::Declined
                | IntroductionStatus::Hired
                | IntroductionStatus::Enrolled
                | IntroductionStatus::Volunteering
                | IntroductionStatus::NotChosen
        )
    }

    /// A result that is a placement (job, school, volunteering).
    pub fn is_placement(self) -> bool {
        matches!(
            self,
            IntroductionStatus::Hired
                | IntroductionStatus::Enrolled
                | IntroductionStatus::Volunteering
        )
    }
}

/// Checks a change of state and who makes it: the organisation (its company contact) accepts
/// or declines; the meeting and its result are recorded by the organisation, the coach or a
/// coordinator.
pub fn transition(
    from: IntroductionStatus,
    to: IntroductionStatus,
    role: Role,
) -> Result<(), ViolationKind> {
    use IntroductionStatus as S;
    let allowed = matches!(
        (from, to),
        (S::Proposed, S::Accepted | S::Declined)
            | (S::Accepted, S::MeetingHeld)
            | (
                S::MeetingHeld,
                S::Hired | S::Enrolled | S::Volunteering | S::NotChosen
            )
    );
    if !allowed {
        return Err(ViolationKind::InvalidTransition {
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
        });
    }
    let role_ok = match to {
        S::Accepted | S::Declined => role == Role::CompanyContact,
        S::MeetingHeld | S::Hired | S::Enrolled | S::Volunteering | S::NotChosen => {
            matches!(role, Role::CompanyContact | Role::Coach | Role::Coordinator)
        }
        S::Proposed => false,
    };
    if role_ok {
        Ok(())
    } else {
        Err(ViolationKind::NotAllowedForRole {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IntroductionStatus as S;

    #[test]
    fn the_organisation_accepts_or_declines_a_proposal() {
        assert!(transition(S::Proposed, S::Accepted, Role::CompanyContact).is_ok());
        assert!(transition(S::Proposed, S::Declined, Role::CompanyContact).is_ok());
    }

    #[test]
    fn a_coach_cannot_accept_on_behalf_of_the_organisation() {
        assert_eq!(
            transition(S::Proposed, S::Accepted, Role::Coach),
            Err(ViolationKind::NotAllowedForRole {})
        );
    }

    #[test]
    fn the_meeting_and_its_result_follow_acceptance() {
        assert!(transition(S::Accepted, S::MeetingHeld, Role::Coach).is_ok());
        for result in [S::Hired, S::Enrolled, S::Volunteering, S::NotChosen] {
            assert!(transition(S::MeetingHeld, result, Role::CompanyContact).is_ok());
        }
    }

    #[test]
    fn a_result_cannot_skip_the_meeting() {
        assert_eq!(
            transition(S::Accepted, S::Hired, Role::CompanyContact),
            Err(ViolationKind::InvalidTransition {
                from: "accepted".into(),
                to: "hired".into()
            })
        );
    }

    #[test]
    fn nothing_follows_a_final_state() {
        for from in S::ALL.into_iter().filter(|s| s.is_final()) {
            for to in S::ALL {
                assert!(
                    transition(from, to, Role::Coordinator).is_err(),
                    "{from:?} -> {to:?}"
                );
            }
        }
    }

    #[test]
    fn a_participant_or_municipality_never_changes_an_introduction() {
        for role in [Role::Participant, Role::MunicipalityViewer] {
            assert!(transition(S::Accepted, S::MeetingHeld, role).is_err());
        }
    }
}
