//! Who may do what: one table of role x resource x action -> relationship. The server enforces
//! it for every endpoint (no row: 403; a row: the record must stand in that relationship to the
//! account, or it answers 404 exactly like a missing one); the app reads it to offer only what a
//! role may do.

use crate::roles::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resource {
    Municipality,
    Cohort,
    Participant,
    Organisation,
    Opening,
    Invitation,
    User,
    Attendance,
    /// The action plan: goals and their actions.
    Plan,
    /// Ticking an action of the plan off (or undoing it).
    ActionDone,
    Contact,
    Route,
    Registration,
    Internship,
    /// Extending an internship: a coordinator's approval.
    InternshipExtension,
    Evaluation,
    Expense,
    /// Approving, rejecting or paying an expense.
    ExpenseDecision,
    Introduction,
    Consent,
    /// The outcome of the route and its follow-up.
    Outcome,
    /// Competences and wishes on a participant's profile.
    Competences,
    /// Openings suggested for a participant, participants suggested for an opening.
    Suggestion,
    /// Expert meetings and trainings for organisations.
    Event,
    /// An organisation's registrations of its people for an event.
    EventRegistration,
    /// Marking who attended an event: its host.
    EventAttendance,
    /// The history of a record: which fields a change touched, by whom, when.
    History,
    /// The download of everything stored about a participant.
    DataExport,
    /// CSV downloads of the region's lists.
    CsvExport,
    /// The account's own calendar feed: made and revoked.
    CalendarFeed,
    /// Erasing a participant's personal data.
    Erasure,
    /// The audit log: who did what to which record, when.
    AuditLog,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read one record or list records.
    Read,
    Create,
    Update,
    Disable,
}

/// How a record must relate to the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// In one of the municipalities the account is bound to (a coordinator's region, a viewer's
    /// or a coach's municipality).
    Region,
    /// A participant assigned to the coach.
    Assigned,
    /// The participant's own file.
    Own,
    /// The account's organisation, or something of it.
    OwnOrganisation,
    /// An open opening in the account's municipalities.
    OpenInRegion,
}

use Action::*;
use Relation::*;
use Resource::*;

/// The table. Reports, plans, internships and the rest join it as their endpoints arrive.
pub const TABLE: &[(Role, Resource, Action, Relation)] = &[
    (Role::Coordinator, Municipality, Read, Region),
    (Role::MunicipalityViewer, Municipality, Read, Region),
    (Role::Coordinator, Cohort, Read, Region),
    (Role::Coach, Cohort, Read, Region),
    (Role::Coordinator, Participant, Read, Region),
    (Role::Coach, Participant, Read, Assigned),
    (Role::Participant, Participant, Read, Own),
    (Role::Coordinator, Organisation, Read, Region),
    (Role::Coach, Organisation, Read, Region),
    (Role::CompanyContact, Organisation, Read, OwnOrganisation),
    (Role::Coordinator, Opening, Read, Region),
    (Role::Coach, Opening, Read, OpenInRegion),
    (Role::CompanyContact, Opening, Read, OwnOrganisation),
    (Role::Coordinator, Municipality, Create, Region),
    (Role::Coordinator, Municipality, Update, Region),
    (Role::Coordinator, Cohort, Create, Region),
    (Role::Coordinator, Cohort, Update, Region),
    (Role::Coordinator, Attendance, Read, Region),
    (Role::Coach, Attendance, Read, Region),
    (Role::Coordinator, Attendance, Update, Region),
    (Role::Coach, Attendance, Update, Region),
    (Role::Coordinator, Participant, Create, Region),
    (Role::Coordinator, Participant, Update, Region),
    (Role::Coach, Participant, Update, Assigned),
    (Role::Coordinator, Plan, Read, Region),
    (Role::Coach, Plan, Read, Assigned),
    (Role::Participant, Plan, Read, Own),
    (Role::Coordinator, Plan, Create, Region),
    (Role::Coach, Plan, Create, Assigned),
    (Role::Coordinator, Plan, Update, Region),
    (Role::Coach, Plan, Update, Assigned),
    (Role::Coordinator, ActionDone, Update, Region),
    (Role::Coach, ActionDone, Update, Assigned),
    (Role::Participant, ActionDone, Update, Own),
    (Role::Coordinator, Contact, Read, Region),
    (Role::Coach, Contact, Read, Assigned),
    (Role::Participant, Contact, Read, Own),
    (Role::Coordinator, Contact, Create, Region),
    (Role::Coach, Contact, Create, Assigned),
    (Role::Coordinator, Route, Read, Region),
    (Role::Coach, Route, Read, Assigned),
    (Role::Participant, Route, Read, Own),
    (Role::Coordinator, Organisation, Create, Region),
    (Role::Coordinator, Organisation, Update, Region),
    (Role::CompanyContact, Organisation, Update, OwnOrganisation),
    (Role::Coordinator, Opening, Create, Region),
    (Role::CompanyContact, Opening, Create, OwnOrganisation),
    (Role::Coordinator, Opening, Update, Region),
    (Role::CompanyContact, Opening, Update, OwnOrganisation),
    (Role::Coordinator, Registration, Create, Region),
    (Role::Coach, Registration, Create, Assigned),
    (Role::Coordinator, Internship, Read, Region),
    (Role::Coach, Internship, Read, Assigned),
    (Role::Participant, Internship, Read, Own),
    (Role::CompanyContact, Internship, Read, OwnOrganisation),
    (Role::Coordinator, Internship, Create, Region),
    (Role::Coach, Internship, Create, Assigned),
    (Role::Coordinator, Internship, Update, Region),
    (Role::Coach, Internship, Update, Assigned),
    (Role::Coordinator, InternshipExtension, Update, Region),
    (Role::Coach, Evaluation, Create, Assigned),
    (Role::CompanyContact, Evaluation, Create, OwnOrganisation),
    (Role::Coordinator, Expense, Read, Region),
    (Role::Coach, Expense, Read, Assigned),
    (Role::Participant, Expense, Read, Own),
    (Role::Coordinator, Expense, Create, Region),
    (Role::Coach, Expense, Create, Assigned),
    (Role::Coordinator, ExpenseDecision, Update, Region),
    (Role::Coordinator, Introduction, Read, Region),
    (Role::Coach, Introduction, Read, Assigned),
    (Role::Participant, Introduction, Read, Own),
    (Role::CompanyContact, Introduction, Read, OwnOrganisation),
    (Role::Coordinator, Introduction, Create, Region),
    (Role::Coach, Introduction, Create, Assigned),
    (Role::Coordinator, Introduction, Update, Region),
    (Role::Coach, Introduction, Update, Assigned),
    (Role::CompanyContact, Introduction, Update, OwnOrganisation),
    (Role::Coordinator, Consent, Read, Region),
    (Role::Coach, Consent, Read, Assigned),
    (Role::Participant, Consent, Read, Own),
    (Role::Coach, Consent, Update, Assigned),
    (Role::Participant, Consent, Update, Own),
    (Role::Coordinator, Outcome, Read, Region),
    (Role::Coach, Outcome, Read, Assigned),
    (Role::Participant, Outcome, Read, Own),
    (Role::Coordinator, Outcome, Create, Region),
    (Role::Coordinator, Outcome, Update, Region),
    (Role::Coordinator, Invitation, Create, Region),
    (Role::Coordinator, User, Read, Region),
    (Role::Coordinator, User, Disable, Region),
    // A one-time link that sets a new password.
    (Role::Coordinator, User, Update, Region),
    (Role::Coordinator, Competences, Read, Region),
    (Role::Coach, Competences, Read, Assigned),
    (Role::Participant, Competences, Read, Own),
    (Role::Coordinator, Competences, Update, Region),
    (Role::Coach, Competences, Update, Assigned),
    (Role::Participant, Competences, Update, Own),
    (Role::Coordinator, Suggestion, Read, Region),
    (Role::Coach, Suggestion, Read, Assigned),
    (Role::Coordinator, Event, Read, Region),
    (Role::CompanyContact, Event, Read, Region),
    (Role::Coordinator, Event, Create, Region),
    // Hosted by the contact's own organisation.
    (Role::CompanyContact, Event, Create, OwnOrganisation),
    (Role::CompanyContact, EventRegistration, Create, Region),
    (
        Role::CompanyContact,
        EventRegistration,
        Update,
        OwnOrganisation,
    ),
    (Role::Coordinator, EventAttendance, Update, Region),
    (
        Role::CompanyContact,
        EventAttendance,
        Update,
        OwnOrganisation,
    ),
    (Role::Coordinator, History, Read, Region),
    (Role::Coach, History, Read, Assigned),
    (Role::Coordinator, DataExport, Read, Region),
    (Role::Participant, DataExport, Read, Own),
    (Role::Coordinator, CsvExport, Read, Region),
    (Role::Participant, CalendarFeed, Create, Own),
    (Role::Coach, CalendarFeed, Create, Assigned),
    (Role::CompanyContact, CalendarFeed, Create, OwnOrganisation),
    (Role::Coordinator, Erasure, Disable, Region),
    // The entries about the region's records and people.
    (Role::Coordinator, AuditLog, Read, Region),
];

/// The relationship `role` needs for `action` on `resource`; `None` when the role may not do
/// this at all.
pub fn relation(role: Role, resource: Resource, action: Action) -> Option<Relation> {
    TABLE
        .iter()
        .find(|(r, res, a, _)| *r == role && *res == resource && *a == action)
        .map(|(_, _, _, rel)| *rel)
}

/// Whether `role` may do `action` on `resource` at all (for menus: what to offer).
pub fn allows(role: Role, resource: Resource, action: Action) -> bool {
    relation(role, resource, action).is_some()
}

impl Resource {
    pub fn name(self) -> &'static str {
        match self {
            Municipality => "municipality",
            Cohort => "cohort",
            Participant => "participant",
            Organisation => "organisation",
            Opening => "opening",
            Invitation => "invitation",
            User => "user",
            Attendance => "attendance",
            Plan => "plan",
            ActionDone => "action",
            Contact => "contact",
            Route => "route",
            Registration => "registration",
            Internship => "internship",
            InternshipExtension => "internship",
            Evaluation => "evaluation",
            Expense => "expense",
            ExpenseDecision => "expense",
            Introduction => "introduction",
            Consent => "consent",
            Outcome => "outcome",
            Competences => "competences",
            Suggestion => "suggestion",
            Event => "event",
            EventRegistration => "event_registration",
            EventAttendance => "event",
            History => "history",
            DataExport => "data_export",
            CsvExport => "csv_export",
            CalendarFeed => "calendar_feed",
            Erasure => "erasure",
            AuditLog => "audit_log",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_role_has_two_rows_for_one_resource_and_action() {
        for (i, (role, res, action, _)) in TABLE.iter().enumerate() {
            let again = TABLE[i + 1..]
                .iter()
                .any(|(r, re, a, _)| r == role && re == res && a == action);
            assert!(!again, "{role:?} {res:?} {action:?} twice");
        }
    }

    #[test]
    fn a_municipality_viewer_never_reads_a_participant() {
        assert!(relation(Role::MunicipalityViewer, Participant, Read).is_none());
    }

    #[test]
    fn only_a_coordinator_invites_or_disables() {
        for role in Role::ALL {
            let invites = relation(role, Invitation, Create).is_some();
            let disables = relation(role, User, Disable).is_some();
            assert_eq!(invites, role == Role::Coordinator, "{role:?}");
            assert_eq!(disables, role == Role::Coordinator, "{role:?}");
        }
    }
}
