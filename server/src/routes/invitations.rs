//! `POST /invitations`: a coordinator invites an account into their region.

use axum::{Router, extract::State, http::StatusCode, routing::post};
use shared::{
    Violation, ViolationKind,
    api::{InvitationCreated, InvitationInput, paths},
    ids::MunicipalityId,
    roles::Role,
};

use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    auth::{ClientAddress, CurrentUser},
    db::{self, users::NewUser},
    error::Json,
    invitations,
    routes::{Change, write},
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::INVITATIONS, post(create_invitation))
}

fn already_registered() -> AppError {
    AppError::Conflict(Violation::new("email", ViolationKind::AlreadyRegistered {}).into())
}

fn sorted(ids: &[MunicipalityId]) -> Vec<MunicipalityId> {
    let mut ids = ids.to_vec();
    ids.sort();
    ids
}

/// A record the invitation names that is missing or outside the region: 422, and audited when
/// the request named one.
async fn outside(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    resource: Resource,
    record_id: Option<&str>,
    field: &str,
) -> AppError {
    match record_id {
        Some(_) => {
            access::unknown_in_region(state, user, address, resource, record_id, field).await
        }
        None => AppError::Validation(Violation::new(field, ViolationKind::Required {}).into()),
    }
}

fn erased(p: &db::participants::ParticipantRow) -> bool {
    shared::rules::erasure::is_erased(p.first_name.as_str(), p.last_name.as_str())
}

async fn create_invitation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Json(input): Json<InvitationInput>,
) -> Result<(StatusCode, Json<InvitationCreated>), AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::Invitation,
        Action::Create,
    )
    .await?;
    let email = input.validate().map_err(AppError::Validation)?;
    let in_region = |m: &MunicipalityId| user.holds(m);

    // The record the account belongs to must be in the coordinator's region; a missing one and
    // one outside it get the same answer.
    let mut participant_id = None;
    let mut organisation_id = None;
    let municipality_ids: Vec<MunicipalityId> = match input.role {
        Role::Participant => {
            let found = match &input.participant_id {
                Some(id) => db::participants::by_id(&state.db, id).await?,
                None => None,
            };
            // An erased participant is gone: no account is made for them again.
            let Some(p) = found.filter(|p| in_region(&p.municipality_id) && !erased(p)) else {
                return Err(outside(
                    &state,
                    &user,
                    &address,
                    Resource::Participant,
                    input.participant_id.as_ref().map(|i| i.as_str()),
                    "participant_id",
                )
                .await);
            };
            participant_id = Some(p.id.clone());
            vec![p.municipality_id]
        }
        Role::CompanyContact => {
            let found = match &input.organisation_id {
                Some(id) => db::organisations::by_id(&state.db, id).await?,
                None => None,
            };
            let Some(o) = found.filter(|o| in_region(&o.municipality_id)) else {
                return Err(outside(
                    &state,
                    &user,
                    &address,
                    Resource::Organisation,
                    input.organisation_id.as_ref().map(|i| i.as_str()),
                    "organisation_id",
                )
                .await);
            };
            organisation_id = Some(o.id.clone());
            vec![o.municipality_id]
        }
        Role::Coordinator | Role::MunicipalityViewer | Role::Coach => {
            match &input.municipality_id {
                Some(id) if in_region(id) => vec![id.clone()],
                other => {
                    return Err(outside(
                        &state,
                        &user,
                        &address,
                        Resource::Municipality,
                        other.as_ref().map(|m| m.as_str()),
                        "municipality_id",
                    )
                    .await);
                }
            }
        }
    };

    // An account that exists already stays as it is: only a coordinator whose region holds all
    // of it may send it a new link, and never one that changes its role or what it is bound to.
    let existing = db::users::by_email(&state.db, email.as_str()).await?;
    let existing = match existing {
        Some(account) => {
            let theirs = db::users::municipalities(&state.db, &account.id).await?;
            let held = !theirs.is_empty() && theirs.iter().all(in_region);
            if !held {
                return Err(
                    access::refuse(&state, &user, &address, Resource::User, &account.id).await,
                );
            }
            let same = account.password_hash.is_none()
                && account.role == input.role
                && account.participant_id == participant_id
                && account.organisation_id == organisation_id
                && theirs == sorted(&municipality_ids);
            if !same {
                return Err(already_registered());
            }
            Some(account)
        }
        None => None,
    };
    let mut created = None;
    write(
        &state,
        Change::new(&user, &address, "invitation.create", "user"),
        async |tx| {
            // The account found above is still the one stored under this email.
            let now = db::users::by_email(&mut *tx, email.as_str()).await?;
            if now.as_ref().map(|u| (&u.id, u.version))
                != existing.as_ref().map(|u| (&u.id, u.version))
            {
                return Err(already_registered());
            }
            // The participant's first name as stored now: an erasure since the check above
            // leaves nothing of them to copy.
            let first_name = match &participant_id {
                Some(id) => db::participants::by_id(&mut *tx, id)
                    .await?
                    .filter(|p| in_region(&p.municipality_id) && !erased(p))
                    .map(|p| p.first_name.as_str().to_owned()),
                None => None,
            };
            if participant_id.is_some() && first_name.is_none() {
                return Err(AppError::NotFound);
            }
            let new_user = NewUser {
                email: email.as_str(),
                role: input.role,
                first_name: first_name.as_deref(),
                phone: None,
                participant_id: participant_id.as_ref(),
                organisation_id: organisation_id.as_ref(),
                municipality_ids: &municipality_ids,
            };
            let (user_id, link) = invitations::invite(
                tx,
                &new_user,
                existing.as_ref().map(|u| &u.id),
                Some(&user.id),
                &state.public_url,
            )
            .await?;
            created = Some(link);
            Ok(user_id)
        },
    )
    .await?;
    let created = created.ok_or_else(|| AppError::Internal("invitation not created".to_owned()))?;
    Ok((StatusCode::CREATED, Json(created)))
}
