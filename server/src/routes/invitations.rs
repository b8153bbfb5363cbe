//! `POST /invitations`: a coordinator invites an account into their region.

use axum::{Router, extract::State, http::StatusCode, routing::post};
use shared::{
    Violation, ViolationKind,
    api::{InvitationCreated, InvitationInput, paths},
    roles::Role,
};

use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    audit::{self, Entry, Outcome},
    auth::{ClientAddress, CurrentUser},
    db::{self, users::NewUser},
    error::Json,
    invitations,
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::INVITATIONS, post(create_invitation))
}

fn unknown(field: &str) -> AppError {
    AppError::Validation(Violation::new(field, ViolationKind::UnknownRecord {}).into())
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
    let in_region = |m: &str| user.municipality_ids.iter().any(|mine| mine == m);

    // The record the account belongs to must be in the coordinator's region; a missing one and
    // one outside it get the same answer.
    let mut first_name = None;
    let mut participant_id = None;
    let mut organisation_id = None;
    let municipality_ids: Vec<String> = match input.role {
        Role::Participant => {
            let id = input
                .participant_id
                .as_ref()
                .map(|p| p.as_str())
                .unwrap_or("");
            let p = db::participants::by_id(&state.db, id)
                .await?
                .filter(|p| in_region(&p.municipality_id))
                .ok_or_else(|| unknown("participant_id"))?;
            first_name = Some(p.first_name.clone());
            participant_id = Some(p.id.clone());
            vec![p.municipality_id]
        }
        Role::CompanyContact => {
            let id = input
                .organisation_id
                .as_ref()
                .map(|o| o.as_str())
                .unwrap_or("");
            let o = db::organisations::by_id(&state.db, id)
                .await?
                .filter(|o| in_region(&o.municipality_id))
                .ok_or_else(|| unknown("organisation_id"))?;
            organisation_id = Some(o.id.clone());
            vec![o.municipality_id]
        }
        Role::Coordinator | Role::MunicipalityViewer | Role::Coach => {
            let id = input
                .municipality_id
                .as_ref()
                .map(|m| m.as_str())
                .unwrap_or("");
            if !in_region(id) {
                return Err(unknown("municipality_id"));
            }
            vec![id.to_owned()]
        }
    };

    let existing = db::users::by_email(&state.db, email.as_str()).await?;
    if existing.as_ref().is_some_and(|u| u.password_hash.is_some()) {
        return Err(AppError::Conflict(
            Violation::new("email", ViolationKind::AlreadyRegistered {}).into(),
        ));
    }
    let new_user = NewUser {
        email: email.as_str(),
        role: input.role,
        first_name: first_name.as_deref(),
        phone: None,
        participant_id: participant_id.as_deref(),
        organisation_id: organisation_id.as_deref(),
        municipality_ids: &municipality_ids,
    };
    let created = invitations::invite(
        &state.db,
        &new_user,
        existing.as_ref().map(|u| u.id.as_str()),
        Some(&user.id),
        &state.public_url,
    )
    .await?;
    audit::record(
        &state.db,
        Entry {
            actor: Some(&user.id),
            action: "invitation.create",
            record_type: Some("user"),
            record_id: existing.as_ref().map(|u| u.id.as_str()),
            address: Some(&address.0),
            outcome: Outcome::Success,
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(created)))
}
