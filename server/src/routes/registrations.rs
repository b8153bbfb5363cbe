//! Registrations of participants for company visits.

use axum::{Router, extract::State, http::StatusCode, routing::post};
use shared::{
    Violation,
    api::{RegistrationDetail, RegistrationInput, paths},
    ids::OpeningId,
    rules::{
        openings::{OpeningKind, OpeningStatus},
        visits::check_registration,
    },
    values::Capacity,
};

use super::{Change, write};
use crate::{
    AppError, AppState,
    access::{Action, Resource, participant_for},
    auth::{ClientAddress, CurrentUser},
    db,
    error::{Json, Path},
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::REGISTRATIONS_PATTERN, post(register_for_visit))
}

/// A coach or coordinator registers a participant for an open company visit: the capacity and
/// an earlier registration are checked in the write that stores it.
async fn register_for_visit(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
    Json(input): Json<RegistrationInput>,
) -> Result<(StatusCode, Json<RegistrationDetail>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &input.participant_id,
        Resource::Registration,
        Action::Create,
    )
    .await?;
    // The opening is read in the transaction that registers: a visit closed, changed or made
    // smaller in the meantime takes no one after that.
    let registration = write(
        &state,
        Change::new(&user, &address, "registration.create", "registration").reaching(
            &participant.id,
            Resource::Registration,
            Action::Create,
        ),
        async |tx| {
            let row = db::openings::by_id(&mut *tx, &id)
                .await?
                .ok_or(AppError::NotFound)?;
            if !user.holds(&row.municipality_id)
                || row.status != OpeningStatus::Open
                || row.kind != OpeningKind::CompanyVisit
            {
                return Err(AppError::NotFound);
            }
            let capacity = Capacity::new(row.capacity.unwrap_or(0))
                .map_err(|_| AppError::stored("capacity"))?;
            let registered = db::openings::registered(&mut *tx, &row.id).await?;
            check_registration(capacity, &registered, &participant.id).map_err(|kind| {
                AppError::Conflict(Violation::new("participant_id", kind).into())
            })?;
            Ok(db::openings::register(&mut *tx, &row.id, &participant.id).await?)
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(RegistrationDetail {
            id: registration,
            version: 1,
            opening_id: id,
            participant_id: participant.id,
        }),
    ))
}
