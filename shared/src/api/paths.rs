//! The API's paths, relative to [`BASE`], so the client and the server name them once. Route
//! patterns (`*_PATTERN`, with `{id}`) are for the server's router; the functions build a concrete
//! path for the client. Paths carry ids only, never personal data.

use std::fmt::Display;

/// Every API path starts with this.
pub const BASE: &str = "/api/v1";

/// The full path of an API resource, for the client.
pub fn url(path: &str) -> String {
    format!("{BASE}{path}")
}

pub const HEALTH: &str = "/health";
pub const OPENAPI: &str = "/openapi.json";

pub const LOGIN: &str = "/auth/login";
pub const LOGOUT: &str = "/auth/logout";
pub const ME: &str = "/auth/me";
/// The language of the signed-in account's interface.
pub const ME_LANGUAGE: &str = "/auth/me/language";
pub const INVITATIONS: &str = "/invitations";
pub const ACCEPT_INVITATION: &str = "/auth/accept-invitation";
/// `POST`: the second step of a login, with a TOTP or recovery code.
pub const LOGIN_SECOND_FACTOR: &str = "/auth/login/second-factor";
/// `POST`: starts (or starts again) the enrolment of a TOTP second factor.
pub const TOTP_ENROLMENT: &str = "/auth/totp/enrolment";
/// `POST`: confirms the enrolment with a first code; answers the recovery codes, once.
pub const TOTP_CONFIRMATION: &str = "/auth/totp/confirmation";
/// `POST`: the signed-in account changes its password.
pub const PASSWORD: &str = "/auth/password";
/// `POST`: sets a new password with the token of a reset link.
pub const RESET_PASSWORD: &str = "/auth/reset-password";
pub const USERS: &str = "/users";
pub const USER_DISABLE_PATTERN: &str = "/users/{id}/disable";
pub fn user_disable(id: impl Display) -> String {
    format!("/users/{id}/disable")
}

/// `POST`: enables a disabled account again.
pub const USER_ENABLE_PATTERN: &str = "/users/{id}/enable";
pub fn user_enable(id: impl Display) -> String {
    format!("/users/{id}/enable")
}

/// `POST` (coordinator): a one-time link that sets a new password for the account.
pub const USER_PASSWORD_RESET_PATTERN: &str = "/users/{id}/password-reset";
pub fn user_password_reset(id: impl Display) -> String {
    format!("/users/{id}/password-reset")
}

pub const MUNICIPALITIES: &str = "/municipalities";
pub const MUNICIPALITY_PATTERN: &str = "/municipalities/{id}";
pub fn municipality(id: impl Display) -> String {
    format!("/municipalities/{id}")
}

pub const COHORTS: &str = "/cohorts";
pub const COHORT_PATTERN: &str = "/cohorts/{id}";
pub fn cohort(id: impl Display) -> String {
    format!("/cohorts/{id}")
}
pub const MEETING_PATTERN: &str = "/cohorts/{id}/meetings/{n}";
pub fn meeting(cohort: impl Display, n: impl Display) -> String {
    format!("/cohorts/{cohort}/meetings/{n}")
}
pub const ATTENDANCE_PATTERN: &str = "/cohorts/{id}/meetings/{n}/attendance";
pub fn attendance(cohort: impl Display, n: impl Display) -> String {
    format!("/cohorts/{cohort}/meetings/{n}/attendance")
}

pub const PARTICIPANTS: &str = "/participants";
pub const PARTICIPANT_PATTERN: &str = "/participants/{id}";
pub fn participant(id: impl Display) -> String {
    format!("/participants/{id}")
}

/// A list or collection below a participant: `route`, `goals`, `contacts`, `internships`,
/// `expenses`, `introductions`, `outcomes`, `consents`.
pub fn participant_sub(id: impl Display, what: ParticipantSub) -> String {
    format!("/participants/{id}/{}", what.segment())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipantSub {
    Route,
    Goals,
    Contacts,
    Internships,
    Expenses,
    Introductions,
    Outcomes,
    Consents,
}

impl ParticipantSub {
    pub const ALL: [ParticipantSub; 8] = [
        ParticipantSub::Route,
        ParticipantSub::Goals,
        ParticipantSub::Contacts,
        ParticipantSub::Internships,
        ParticipantSub::Expenses,
        ParticipantSub::Introductions,
        ParticipantSub::Outcomes,
        ParticipantSub::Consents,
    ];

    pub fn segment(self) -> &'static str {
        match self {
            ParticipantSub::Route => "route",
            ParticipantSub::Goals => "goals",
            ParticipantSub::Contacts => "contacts",
            ParticipantSub::Internships => "internships",
            ParticipantSub::Expenses => "expenses",
            ParticipantSub::Introductions => "introductions",
            ParticipantSub::Outcomes => "outcomes",
            ParticipantSub::Consents => "consents",
        }
    }

    /// The router pattern, `/participants/{id}/<segment>`.
    pub fn pattern(self) -> String {
        format!("/participants/{{id}}/{}", self.segment())
    }
}

/// `GET`, `PUT`: the participant's competences and wishes.
pub const COMPETENCES_PATTERN: &str = "/participants/{id}/competences";
pub fn competences(participant: impl Display) -> String {
    format!("/participants/{participant}/competences")
}
/// `GET`: the open openings that fit the participant, best first.
pub const PARTICIPANT_SUGGESTIONS_PATTERN: &str = "/participants/{id}/suggestions";
pub fn participant_suggestions(participant: impl Display) -> String {
    format!("/participants/{participant}/suggestions")
}
/// `GET`: the participants who fit the opening, best first.
pub const OPENING_SUGGESTIONS_PATTERN: &str = "/openings/{id}/suggestions";
pub fn opening_suggestions(opening: impl Display) -> String {
    format!("/openings/{opening}/suggestions")
}

pub const GOAL_PATTERN: &str = "/goals/{id}";
pub fn goal(id: impl Display) -> String {
    format!("/goals/{id}")
}
pub const GOAL_ACTIONS_PATTERN: &str = "/goals/{id}/actions";
pub fn goal_actions(id: impl Display) -> String {
    format!("/goals/{id}/actions")
}
pub const ACTION_PATTERN: &str = "/actions/{id}";
pub fn action(id: impl Display) -> String {
    format!("/actions/{id}")
}

pub const ORGANISATIONS: &str = "/organisations";
pub const ORGANISATION_PATTERN: &str = "/organisations/{id}";
pub fn organisation(id: impl Display) -> String {
    format!("/organisations/{id}")
}
pub const ORGANISATION_OPENINGS_PATTERN: &str = "/organisations/{id}/openings";
pub fn organisation_openings(id: impl Display) -> String {
    format!("/organisations/{id}/openings")
}
/// `GET`: the organisation's current and upcoming interns and its upcoming visits.
pub const ORGANISATION_PEOPLE_PATTERN: &str = "/organisations/{id}/people";
pub fn organisation_people(id: impl Display) -> String {
    format!("/organisations/{id}/people")
}
/// `GET`, `POST`: expert meetings and trainings for organisations.
pub const EVENTS: &str = "/events";
pub const EVENT_PATTERN: &str = "/events/{id}";
pub fn event(id: impl Display) -> String {
    format!("/events/{id}")
}
/// `POST`: a company contact registers a colleague.
pub const EVENT_REGISTRATIONS_PATTERN: &str = "/events/{id}/registrations";
pub fn event_registrations(id: impl Display) -> String {
    format!("/events/{id}/registrations")
}
/// `POST`: a company contact cancels a registration of their organisation.
pub const EVENT_REGISTRATION_CANCEL_PATTERN: &str = "/event-registrations/{id}/cancel";
pub fn event_registration_cancel(id: impl Display) -> String {
    format!("/event-registrations/{id}/cancel")
}
/// `PUT`: the host marks who attended.
pub const EVENT_ATTENDANCE_PATTERN: &str = "/events/{id}/attendance";
pub fn event_attendance(id: impl Display) -> String {
    format!("/events/{id}/attendance")
}
pub const OPENINGS: &str = "/openings";
pub const OPENING_PATTERN: &str = "/openings/{id}";
pub fn opening(id: impl Display) -> String {
    format!("/openings/{id}")
}
pub const REGISTRATIONS_PATTERN: &str = "/openings/{id}/registrations";
pub fn registrations(opening: impl Display) -> String {
    format!("/openings/{opening}/registrations")
}

pub const INTERNSHIP_PATTERN: &str = "/internships/{id}";
pub fn internship(id: impl Display) -> String {
    format!("/internships/{id}")
}
pub const EVALUATIONS_PATTERN: &str = "/internships/{id}/evaluations";
pub fn evaluations(internship: impl Display) -> String {
    format!("/internships/{internship}/evaluations")
}

pub const EXPENSE_DECISION_PATTERN: &str = "/expenses/{id}/decision";
pub fn expense_decision(id: impl Display) -> String {
    format!("/expenses/{id}/decision")
}

pub const INTRODUCTION_PATTERN: &str = "/introductions/{id}";
pub fn introduction(id: impl Display) -> String {
    format!("/introductions/{id}")
}

pub const FOLLOW_UP_PATTERN: &str = "/outcomes/{id}/follow-up";
pub fn follow_up(outcome: impl Display) -> String {
    format!("/outcomes/{outcome}/follow-up")
}

pub const MUNICIPALITY_REPORT_PATTERN: &str = "/reports/municipalities/{id}";
pub fn municipality_report(id: impl Display) -> String {
    format!("/reports/municipalities/{id}")
}

/// `GET`, `PUT` (coordinator): the programme settings of a municipality's agreement.
pub const PROGRAMME_SETTINGS_PATTERN: &str = "/municipalities/{id}/programme-settings";
pub fn programme_settings(municipality: impl Display) -> String {
    format!("/municipalities/{municipality}/programme-settings")
}

/// `GET`, `PUT`: a participant's civic-integration facts (route, date of birth, coach's remarks).
pub const CIVIC_INTEGRATION_PATTERN: &str = "/participants/{id}/civic-integration";
pub fn civic_integration(participant: impl Display) -> String {
    format!("/participants/{participant}/civic-integration")
}

/// `GET`: the MAP evidence statement of a participant.
pub const MAP_EVIDENCE_PATTERN: &str = "/participants/{id}/map-evidence";
pub fn map_evidence(participant: impl Display) -> String {
    format!("/participants/{participant}/map-evidence")
}

/// `POST`: records hours of absence on an internship.
pub const INTERNSHIP_ABSENCE_PATTERN: &str = "/internships/{id}/absence";
pub fn internship_absence(internship: impl Display) -> String {
    format!("/internships/{internship}/absence")
}
pub const NUDGES: &str = "/nudges";

/// `GET`: the history of a participant's file: the participant, their plan, internships,
/// budget requests and consents.
pub const PARTICIPANT_HISTORY_PATTERN: &str = "/participants/{id}/history";
pub fn participant_history(id: impl Display) -> String {
    format!("/participants/{id}/history")
}
/// `GET`: everything stored about the participant, as one JSON document.
pub const PARTICIPANT_EXPORT_PATTERN: &str = "/participants/{id}/export";
pub fn participant_export(id: impl Display) -> String {
    format!("/participants/{id}/export")
}
/// `GET`: CSV downloads of the lists a coordinator works with, in their region.
pub const EXPORT_PARTICIPANTS: &str = "/exports/participants";
pub const EXPORT_INTERNSHIPS: &str = "/exports/internships";
/// `?status=`, as the budget requests are filtered.
pub const EXPORT_EXPENSES: &str = "/exports/expenses";
/// `?kind=&status=`, as the list of openings.
pub const EXPORT_OPENINGS: &str = "/exports/openings";
pub const EXPORT_ATTENDANCE_PATTERN: &str = "/exports/cohorts/{id}/attendance";
pub fn export_attendance(cohort: impl Display) -> String {
    format!("/exports/cohorts/{cohort}/attendance")
}
/// `POST`: a new personal calendar feed (the earlier one stops working); `DELETE`: revoke it.
pub const CALENDAR_FEED: &str = "/calendar-feed";
/// `GET ?token=`: the calendar feed (iCalendar), read without a session.
pub const CALENDAR: &str = "/calendar";
/// `POST` (a coordinator): erases the participant's personal data; the anonymous facts stay.
pub const PARTICIPANT_ERASURE_PATTERN: &str = "/participants/{id}/erasure";
pub fn participant_erasure(id: impl Display) -> String {
    format!("/participants/{id}/erasure")
}
pub const INTERNSHIP_HISTORY_PATTERN: &str = "/internships/{id}/history";
pub fn internship_history(id: impl Display) -> String {
    format!("/internships/{id}/history")
}
pub const ORGANISATION_HISTORY_PATTERN: &str = "/organisations/{id}/history";
pub fn organisation_history(id: impl Display) -> String {
    format!("/organisations/{id}/history")
}
pub const OPENING_HISTORY_PATTERN: &str = "/openings/{id}/history";
pub fn opening_history(id: impl Display) -> String {
    format!("/openings/{id}/history")
}
/// The audit log, for coordinators (`?from=&to=&action=&actor_id=&record_type=&record_id=&limit=&cursor=`).
pub const AUDIT: &str = "/audit";

#[cfg(test)]
mod tests {
    use super::*;

    /// A concrete path fits its pattern segment by segment.
    fn fits(pattern: &str, path: &str) -> bool {
        let p: Vec<&str> = pattern.split('/').collect();
        let q: Vec<&str> = path.split('/').collect();
        p.len() == q.len()
            && p.iter()
                .zip(&q)
                .all(|(a, b)| (a.starts_with('{') && a.ends_with('}')) || a == b)
    }

    #[test]
    fn every_path_function_fits_its_router_pattern() {
        let pairs = [
            (MUNICIPALITY_PATTERN, municipality("m1")),
            (USER_DISABLE_PATTERN, user_disable("u1")),
            (USER_ENABLE_PATTERN, user_enable("u1")),
            (USER_PASSWORD_RESET_PATTERN, user_password_reset("u1")),
            (COHORT_PATTERN, cohort("c1")),
            (MEETING_PATTERN, meeting("c1", 3)),
            (ATTENDANCE_PATTERN, attendance("c1", 3)),
            (PARTICIPANT_PATTERN, participant("p1")),
            (GOAL_PATTERN, goal("g1")),
            (COMPETENCES_PATTERN, competences("p1")),
            (
                PARTICIPANT_SUGGESTIONS_PATTERN,
                participant_suggestions("p1"),
            ),
            (OPENING_SUGGESTIONS_PATTERN, opening_suggestions("x1")),
            (ORGANISATION_PEOPLE_PATTERN, organisation_people("o1")),
            (EVENT_PATTERN, event("e1")),
            (EVENT_REGISTRATIONS_PATTERN, event_registrations("e1")),
            (
                EVENT_REGISTRATION_CANCEL_PATTERN,
                event_registration_cancel("r1"),
            ),
            (EVENT_ATTENDANCE_PATTERN, event_attendance("e1")),
            (GOAL_ACTIONS_PATTERN, goal_actions("g1")),
            (ACTION_PATTERN, action("a1")),
            (ORGANISATION_PATTERN, organisation("o1")),
            (ORGANISATION_OPENINGS_PATTERN, organisation_openings("o1")),
            (OPENING_PATTERN, opening("x1")),
            (REGISTRATIONS_PATTERN, registrations("x1")),
            (INTERNSHIP_PATTERN, internship("i1")),
            (PROGRAMME_SETTINGS_PATTERN, programme_settings("m1")),
            (CIVIC_INTEGRATION_PATTERN, civic_integration("p1")),
            (MAP_EVIDENCE_PATTERN, map_evidence("p1")),
            (INTERNSHIP_ABSENCE_PATTERN, internship_absence("i1")),
            (EVALUATIONS_PATTERN, evaluations("i1")),
            (EXPENSE_DECISION_PATTERN, expense_decision("e1")),
            (INTRODUCTION_PATTERN, introduction("n1")),
            (FOLLOW_UP_PATTERN, follow_up("o1")),
            (MUNICIPALITY_REPORT_PATTERN, municipality_report("m1")),
            (PARTICIPANT_HISTORY_PATTERN, participant_history("p1")),
            (INTERNSHIP_HISTORY_PATTERN, internship_history("i1")),
            (PARTICIPANT_EXPORT_PATTERN, participant_export("p1")),
            (EXPORT_ATTENDANCE_PATTERN, export_attendance("c1")),
            (PARTICIPANT_ERASURE_PATTERN, participant_erasure("p1")),
            (ORGANISATION_HISTORY_PATTERN, organisation_history("o1")),
            (OPENING_HISTORY_PATTERN, opening_history("x1")),
        ];
        for (pattern, path) in pairs {
            assert!(fits(pattern, &path), "{path} does not fit {pattern}");
        }
        for sub in ParticipantSub::ALL {
            assert!(fits(&sub.pattern(), &participant_sub("p1", sub)));
        }
    }

    #[test]
    fn a_url_starts_with_the_base() {
        assert_eq!(url(HEALTH), "/api/v1/health");
    }
}
