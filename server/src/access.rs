//! Who may do what, enforced: the table lives in `shared::access`; here it meets the request.
//! No row: the role may not do this at all (403, audited). A row: the record must stand in that
//! relationship to the account, or it answers 404 exactly like a missing one (audited).

pub use shared::access::{Action, Relation, Resource, TABLE};
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

/// The relationship `role` needs for `action` on `resource`, or 403.
pub fn relation(role: Role, resource: Resource, action: Action) -> Result<Relation, AppError> {
    shared::access::relation(role, resource, action).ok_or(AppError::Forbidden)
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
        Relation::Region => in_region,
        Relation::Assigned => ties.coach_id == Some(&user.id),
        Relation::Own => {
            ties.participant_id.is_some() && ties.participant_id == user.participant_id.as_ref()
        }
        Relation::OwnOrganisation => {
            ties.organisation_id.is_some() && ties.organisation_id == user.organisation_id.as_ref()
        }
        Relation::OpenInRegion => ties.open && in_region,
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
/// A municipality the account may `action` on (its region), or 404 like a missing one.
pub async fn municipality_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &shared::ids::MunicipalityId,
    action: Action,
) -> Result<db::municipalities::MunicipalityRow, AppError> {
    let relation = require(state, user, address, Resource::Municipality, action).await?;
    let row = db::municipalities::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ties = [row.id.clone()];
    check(
        state,
        user,
        address,
        Resource::Municipality,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &ties,
            ..Ties::default()
        },
    )
    .await?;
    Ok(row)
}

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
    if reaches_participant(user, relation, &row) {
        Ok(row)
    } else {
        Err(refuse(state, user, address, resource, &row.id).await)
    }
}

/// Whether the participant, as `row` holds them, stands in the relationship to the account.
fn reaches_participant(
    user: &CurrentUser,
    relation: Relation,
    row: &db::participants::ParticipantRow,
) -> bool {
    let municipality = [row.municipality_id.clone()];
    holds(
        user,
        relation,
        &Ties {
            municipality_ids: &municipality,
            participant_id: Some(&row.id),
            coach_id: row.coach_id.as_ref(),
            ..Ties::default()
        },
    )
}

/// A write in a participant's file, checked again inside the write: the access the request was
/// granted before its write must still hold on the participant as stored when it commits (a
/// coach replaced or a participant moved to another municipality meanwhile).
#[derive(Debug, Clone, Copy)]
pub struct Reach<'a> {
    pub participant: &'a ParticipantId,
    pub resource: Resource,
    pub action: Action,
}

/// Whether the account still reaches the participant, read inside the write's transaction. An
/// organisation's tie to its own records (an internship, an introduction) never changes, so a
/// company contact's access stands as checked.
pub async fn still_reaches(
    tx: &mut sqlx::SqliteConnection,
    user: &CurrentUser,
    reach: &Reach<'_>,
) -> Result<bool, AppError> {
    let relation = relation(user.role, reach.resource, reach.action)?;
    if relation == Relation::OwnOrganisation {
        return Ok(true);
    }
    Ok(db::participants::by_id(&mut *tx, reach.participant)
        .await?
        .is_some_and(|row| reaches_participant(user, relation, &row)))
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

/// An organisation the account may use for `action` on `resource` (403 when the role may not do
/// that at all), or 404 when it stands outside the account's reach.
pub async fn organisation_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &OrganisationId,
    resource: Resource,
    action: Action,
) -> Result<db::organisations::OrganisationRow, AppError> {
    let relation = require(state, user, address, resource, action).await?;
    let row = db::organisations::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    check(
        state,
        user,
        address,
        Resource::Organisation,
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
