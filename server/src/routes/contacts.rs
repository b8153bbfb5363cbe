//! The coach's contact log. The note is for coaches and coordinators; the participant sees the
//! summary.

use axum::{Router, extract::State, http::StatusCode, routing::get};
use shared::{
    api::{ContactDetail, ContactInput, paths::ParticipantSub},
    ids::ParticipantId,
    roles::Role,
};

use super::{Change, write};
use crate::{
    AppError, AppState,
    access::{Action, Resource, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, contacts::ContactRow},
    error::Path,
    error::{ApiResult, Json},
};

pub fn router() -> Router<AppState> {
    Router::new().route(
        &ParticipantSub::Contacts.pattern(),
        get(list_contacts).post(create_contact),
    )
}

/// Whether the account may read coach-only notes.
fn sees_notes(user: &CurrentUser) -> bool {
    matches!(user.role, Role::Coach | Role::Coordinator)
}

pub(super) fn detail(row: ContactRow, with_note: bool) -> Result<ContactDetail, AppError> {
    Ok(ContactDetail {
        id: row.id,
        version: row.version,
        date: row.date,
        kind: row.kind,
        minutes: u32::try_from(row.minutes).map_err(|_| AppError::stored("contact minutes"))?,
        note: with_note.then_some(row.note),
        summary: row.summary,
    })
}

async fn list_contacts(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<Vec<ContactDetail>> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Contact,
        Action::Read,
    )
    .await?;
    db::contacts::of(&state.db, &participant.id)
        .await?
        .into_iter()
        .map(|row| detail(row, sees_notes(&user)))
        .collect::<Result<_, _>>()
        .map(Json)
}

async fn create_contact(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<ContactInput>,
) -> Result<(StatusCode, Json<ContactDetail>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Contact,
        Action::Create,
    )
    .await?;
    let valid = input
        .validate(state.clock.today())
        .map_err(AppError::Validation)?;
    let contact_id = write(
        &state,
        Change::new(&user, &address, "contact.create", "contact").reaching(
            &participant.id,
            Resource::Contact,
            Action::Create,
        ),
        async |tx| {
            Ok(db::contacts::insert(
                &mut *tx,
                &db::contacts::NewContact {
                    participant_id: &participant.id,
                    coach_id: &user.id,
                    date: valid.date,
                    kind: valid.kind,
                    minutes: i64::from(valid.minutes),
                    note: valid.note.as_str(),
                    summary: valid.summary.as_str(),
                },
            )
            .await?)
        },
    )
    .await?;
    let row = db::contacts::of(&state.db, &participant.id)
        .await?
        .into_iter()
        .find(|c| c.id == contact_id)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(row, true)?)))
}
