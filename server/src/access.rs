//! Who may do what: one table of role x resource x action -> relationship, enforced on the
//! server for every endpoint. No row: the role may not do this at all (403). A row: the record must
//! stand in that relationship to the account, or it answers 404 exactly like a missing one.

use shared::{
    ids::{MunicipalityId, OrganisationId, ParticipantId, UserId},
    roles::Role,
};

use crate::{
    AppError, AppState,
    audit::{self, Entry, Outcome},
    auth::{ClientAddress, CurrentUser},
    db,
};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read one record or list records.
    Read,
    Create,
    Update,
    Disable,
}

pub use crate::scope::Relation;

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
];

/// The relationship `role` needs for `action` on `resource`, or 403.
pub fn relation(role: Role, resource: Resource, action: Action) -> Result<Relation, AppError> {
    TABLE
        .iter()
        .find(|(r, res, a, _)| *r == role && *res == resource && *a == action)
        .map(|(_, _, _, rel)| *rel)
        .ok_or(AppError::Forbidden)
}

/// What a record is tied to, for the relationship check.
#[derive(Debug, Clone, Default)]
pub struct Ties<'a> {
    pub municipality_ids: &'a [MunicipalityId],
    pub participant_id: Option<&'a ParticipantId>,
    pub coach_id: Option<&'a UserId>,
    pub organisation_id: Option<&'a OrganisationId>,
    pub open: bool,
}

/// Whether the record stands in the relationship to the account.
pub fn holds(user: &CurrentUser, relation: Relation, ties: &Ties<'_>) -> bool {
    let in_region = ties
        .municipality_ids
        .iter()
        .any(|m| user.municipality_ids.contains(m));
    match relation {
        Region => in_region,
        Assigned => ties.coach_id == Some(&user.id),
        Own => ties.participant_id.is_some() && ties.participant_id == user.participant_id.as_ref(),
        OwnOrganisation => {
            ties.organisation_id.is_some() && ties.organisation_id == user.organisation_id.as_ref()
        }
        OpenInRegion => ties.open && in_region,
    }
}

/// The relationship the account needs, or 403, written to the audit log.
pub async fn require(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    resource: Resource,
    action: Action,
) -> Result<Relation, AppError> {
    match relation(user.role, resource, action) {
        Ok(relation) => Ok(relation),
        Err(err) => {
            audit::record(
                &state.db,
                Entry {
                    actor: Some(&user.id),
                    action: "access.forbidden",
                    record_type: Some(resource.name()),
                    record_id: None,
                    address: Some(&address.0),
                    outcome: Outcome::Refused,
                },
            )
            .await?;
            Err(err)
        }
    }
}

/// `Ok` when the record stands in the relationship; otherwise a 404 like a missing record,
/// written to the audit log.
pub async fn check(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    resource: Resource,
    record_id: impl AsRef<str>,
    relation: Relation,
    ties: &Ties<'_>,
) -> Result<(), AppError> {
    if holds(user, relation, ties) {
        return Ok(());
    }
    Err(refuse(state, user, address, resource, record_id.as_ref()).await)
}

/// The 422 `unknown_record` on `field` of a request that names a record outside the account's
/// region (the same answer as for a missing one), written to the audit log with the record.
pub async fn unknown_in_region(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    resource: Resource,
    record_id: Option<&str>,
    field: &str,
) -> AppError {
    let logged = audit::record(
        &state.db,
        Entry {
            actor: Some(&user.id),
            action: "access.outside_scope",
            record_type: Some(resource.name()),
            record_id,
            address: Some(&address.0),
            outcome: Outcome::Refused,
        },
    )
    .await;
    match logged {
        Ok(()) => AppError::Validation(
            shared::Violation::new(field, shared::ViolationKind::UnknownRecord {}).into(),
        ),
        Err(err) => err.into(),
    }
}

/// The 404 of a record outside the account's scope, written to the audit log.
pub async fn refuse(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    resource: Resource,
    record_id: impl AsRef<str>,
) -> AppError {
    let logged = audit::record(
        &state.db,
        Entry {
            actor: Some(&user.id),
            action: "access.outside_scope",
            record_type: Some(resource.name()),
            record_id: Some(record_id.as_ref()),
            address: Some(&address.0),
            outcome: Outcome::Refused,
        },
    )
    .await;
    match logged {
        Ok(()) => AppError::NotFound,
        Err(err) => err.into(),
    }
}

// The records an account reaches through another: a participant's file, or an organisation.

/// A participant whose file the account may use for `action` on `resource`, or 404 (403 when
/// the role may not do this at all).
pub async fn participant_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &ParticipantId,
    resource: Resource,
    action: Action,
) -> Result<db::participants::ParticipantRow, AppError> {
    let relation = require(state, user, address, resource, action).await?;
    let row = db::participants::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    check(
        state,
        user,
        address,
        resource,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            participant_id: Some(&row.id),
            coach_id: row.coach_id.as_ref(),
            ..Ties::default()
        },
    )
    .await?;
    Ok(row)
}

/// Access to a record kept in a participant's file that its organisation also reaches (an
/// internship, an introduction): a company contact through the organisation, everyone else
/// through the participant.
#[expect(
    clippy::too_many_arguments,
    reason = "the record's two ties and the access asked for"
)]
pub async fn through_organisation_or_participant(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    record_id: impl AsRef<str>,
    organisation_id: &OrganisationId,
    participant_id: &ParticipantId,
    resource: Resource,
    action: Action,
) -> Result<(), AppError> {
    if user.role == Role::CompanyContact {
        let relation = require(state, user, address, resource, action).await?;
        check(
            state,
            user,
            address,
            resource,
            record_id,
            relation,
            &Ties {
                organisation_id: Some(organisation_id),
                ..Ties::default()
            },
        )
        .await
    } else {
        participant_for(state, user, address, participant_id, resource, action)
            .await
            .map(|_| ())
    }
}

/// An organisation the account may use in `relation` (asked for on `resource`), or 404.
pub async fn organisation_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &OrganisationId,
    resource: Resource,
    relation: Relation,
) -> Result<db::organisations::OrganisationRow, AppError> {
    let row = db::organisations::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    check(
        state,
        user,
        address,
        resource,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            organisation_id: Some(&row.id),
            ..Ties::default()
        },
    )
    .await?;
    Ok(row)
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
        assert!(matches!(
            relation(Role::MunicipalityViewer, Participant, Read),
            Err(AppError::Forbidden)
        ));
    }

    #[test]
    fn only_a_coordinator_invites_or_disables() {
        for role in Role::ALL {
            let invites = relation(role, Invitation, Create).is_ok();
            let disables = relation(role, User, Disable).is_ok();
            assert_eq!(invites, role == Role::Coordinator, "{role:?}");
            assert_eq!(disables, role == Role::Coordinator, "{role:?}");
        }
    }
}
