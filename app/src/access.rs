//! Which role may use which screen: the navigation shows only these, and a protected route shows
//! the not-found page to any other role. The server checks every request on its own; this only
//! keeps the app from offering what would be refused.

use shared::{
    access::{Action, Resource},
    roles::Role,
};

/// A screen of the app that needs a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// `/`: each role's own home page.
    Home,
    /// `/accounts`: invitations and accounts.
    Accounts,
    /// `/participants/{id}`: a participant's profile.
    ParticipantProfile,
    /// `/municipalities` and `/municipalities/{id}`: municipalities with their agreements.
    Municipalities,
    /// `/cohorts` and `/cohorts/{id}`: cohorts and their 8 meetings.
    Cohorts,
    /// `/cohorts/{id}/meetings/{n}/attendance`: who came to a meeting.
    Attendance,
    /// `/participants/new`: the intake of a participant.
    ParticipantNew,
    /// `/participants/{id}/route`: the participant's route.
    ParticipantRoute,
    /// `/participants/{id}/plan`: the action plan.
    ParticipantPlan,
    /// `/participants/{id}/contacts`: the coach's contact log.
    ParticipantContacts,
    /// `/organisations`: the organisations of the region, and a new one.
    Organisations,
    /// `/organisations/{id}`: an organisation with its openings and introductions.
    Organisation,
    /// `/openings`: the openings of the region (a coach sees the open ones).
    Openings,
    /// `/openings/{id}`: an opening; registration for a company visit.
    Opening,
    /// `/internships/{id}` and its agreement: also for the organisation's contact.
    Internship,
    /// `/participants/{id}/internships`: the participant's internships, and planning one.
    ParticipantInternships,
    /// `/participants/{id}/budget`: the training budget and its requests.
    ParticipantBudget,
    /// `/participants/{id}/introductions`: warm introductions.
    ParticipantIntroductions,
    /// `/participants/{id}/consent`: what the participant shares with whom.
    ParticipantConsent,
    /// `/participants/{id}/map`: the MAP evidence statement, to print.
    ParticipantMap,
    /// `/security`: one's own password and second factor.
    Security,
    /// `/reports/municipalities/{id}`: a municipality's report.
    Report,
    /// `/participants/{id}/outcome`: the outcome and its follow-up.
    ParticipantOutcome,
    /// `/audit`: the audit log of the region.
    AuditLog,
    /// `/participants/{id}/competences`: education, experience, skills and wishes.
    ParticipantCompetences,
    /// `/participants/{id}/suggestions`: the openings that fit the participant.
    ParticipantSuggestions,
    /// `/events` and `/events/{id}`: expert meetings and trainings for organisations.
    Events,
}

impl Screen {
    /// What the screen needs of the access table (`shared::access`, the one the server enforces):
    /// a role may use the screen when the table gives it every one of these.
    pub fn needs(self) -> &'static [(Resource, Action)] {
        match self {
            Screen::Home | Screen::Security => &[],
            Screen::Accounts => &[(Resource::User, Action::Read)],
            Screen::ParticipantProfile => &[(Resource::Participant, Action::Read)],
            Screen::Municipalities => &[(Resource::Municipality, Action::Update)],
            Screen::ParticipantNew => &[(Resource::Participant, Action::Create)],
            Screen::Cohorts => &[(Resource::Cohort, Action::Read)],
            Screen::Attendance => &[(Resource::Attendance, Action::Read)],
            Screen::ParticipantContacts => &[(Resource::Contact, Action::Create)],
            Screen::ParticipantRoute => &[(Resource::Route, Action::Read)],
            Screen::ParticipantPlan => &[(Resource::Plan, Action::Read)],
            Screen::Organisations => &[(Resource::Organisation, Action::Create)],
            Screen::Organisation => &[(Resource::Organisation, Action::Update)],
            Screen::Openings => &[(Resource::Registration, Action::Create)],
            Screen::Opening => &[(Resource::Opening, Action::Read)],
            Screen::Internship => &[(Resource::Internship, Action::Read)],
            Screen::ParticipantInternships => &[
                (Resource::Participant, Action::Read),
                (Resource::Internship, Action::Read),
            ],
            Screen::ParticipantBudget => &[(Resource::Expense, Action::Read)],
            Screen::ParticipantIntroductions => &[
                (Resource::Participant, Action::Read),
                (Resource::Introduction, Action::Read),
            ],
            Screen::ParticipantConsent => &[(Resource::Consent, Action::Read)],
            Screen::ParticipantMap => &[(Resource::Route, Action::Read)],
            Screen::Report => &[(Resource::Municipality, Action::Read)],
            Screen::ParticipantOutcome => &[(Resource::Outcome, Action::Read)],
            Screen::AuditLog => &[(Resource::AuditLog, Action::Read)],
            Screen::ParticipantCompetences => &[(Resource::Competences, Action::Read)],
            Screen::ParticipantSuggestions => &[
                (Resource::Suggestion, Action::Read),
                (Resource::Introduction, Action::Create),
            ],
            Screen::Events => &[(Resource::Event, Action::Read)],
        }
    }

    pub fn allows(self, role: Role) -> bool {
        self.needs()
            .iter()
            .all(|(resource, action)| shared::access::allows(role, *resource, *action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_home_page() {
        for role in Role::ALL {
            assert!(Screen::Home.allows(role), "{role}");
        }
    }

    #[test]
    fn only_a_coordinator_manages_accounts() {
        for role in Role::ALL {
            assert_eq!(
                Screen::Accounts.allows(role),
                role == Role::Coordinator,
                "{role}"
            );
        }
    }

    #[test]
    fn a_participant_follows_their_route_and_plan_but_not_the_coach_s_log() {
        for screen in [Screen::ParticipantRoute, Screen::ParticipantPlan] {
            assert!(screen.allows(Role::Participant));
            assert!(screen.allows(Role::Coach));
            assert!(!screen.allows(Role::CompanyContact));
        }
        assert!(!Screen::ParticipantContacts.allows(Role::Participant));
        assert!(Screen::ParticipantContacts.allows(Role::Coach));
        assert!(!Screen::Cohorts.allows(Role::Participant));
        assert!(Screen::Attendance.allows(Role::Coach));
    }

    #[test]
    fn only_a_coordinator_runs_municipalities_and_the_intake() {
        for role in Role::ALL {
            let coordinator = role == Role::Coordinator;
            assert_eq!(Screen::Municipalities.allows(role), coordinator, "{role}");
            assert_eq!(Screen::ParticipantNew.allows(role), coordinator, "{role}");
        }
    }

    #[test]
    fn a_company_contact_reaches_its_organisation_openings_and_interns_but_no_participant_file() {
        let company = Role::CompanyContact;
        for screen in [Screen::Organisation, Screen::Opening, Screen::Internship] {
            assert!(screen.allows(company), "{screen:?}");
        }
        for screen in [
            Screen::Organisations,
            Screen::Openings,
            Screen::ParticipantInternships,
            Screen::ParticipantBudget,
            Screen::ParticipantIntroductions,
            Screen::ParticipantConsent,
        ] {
            assert!(!screen.allows(company), "{screen:?}");
            assert!(!screen.allows(Role::MunicipalityViewer), "{screen:?}");
        }
        assert!(Screen::ParticipantConsent.allows(Role::Participant));
        assert!(!Screen::Organisations.allows(Role::Coach));
    }

    #[test]
    fn a_coach_reads_suggestions_and_a_company_contact_the_events() {
        for role in Role::ALL {
            assert_eq!(
                Screen::ParticipantSuggestions.allows(role),
                matches!(role, Role::Coach | Role::Coordinator),
                "{role}"
            );
            assert_eq!(
                Screen::Events.allows(role),
                matches!(role, Role::CompanyContact | Role::Coordinator),
                "{role}"
            );
        }
        assert!(Screen::ParticipantCompetences.allows(Role::Participant));
        assert!(Screen::ParticipantCompetences.allows(Role::Coach));
        assert!(!Screen::ParticipantCompetences.allows(Role::CompanyContact));
    }

    #[test]
    fn companies_and_municipalities_do_not_open_a_participant_file() {
        assert!(!Screen::ParticipantProfile.allows(Role::CompanyContact));
        assert!(!Screen::ParticipantProfile.allows(Role::MunicipalityViewer));
        assert!(Screen::ParticipantProfile.allows(Role::Participant));
    }
}
