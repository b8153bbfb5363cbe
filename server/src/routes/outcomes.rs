//! The outcome of a participant's route (a coordinator records it) and its follow-up six months
//! later.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use shared::{
    api::{FollowUpPatch, OutcomeDetail, OutcomeInput, paths, paths::ParticipantSub},
    ids::OutcomeId,
    ids::ParticipantId,
    rules::{
        outcome::{OutcomeKind, ValidOutcome},
        versions::check_version,
    },
};

use super::{Change, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self},
    error::Path,
    error::{ApiResult, Json},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            &ParticipantSub::Outcomes.pattern(),
            get(list_outcomes).post(record_outcome),
        )
        .route(paths::FOLLOW_UP_PATTERN, post(record_follow_up))
}

async fn list_outcomes(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<Vec<OutcomeDetail>> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Outcome,
        Action::Read,
    )
    .await?;
    db::outcomes::of(&state.db, &participant.id)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect::<Result<_, _>>()
        .map(Json)
}

async fn record_outcome(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<OutcomeInput>,
) -> Result<(StatusCode, Json<OutcomeDetail>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Outcome,
        Action::Create,
    )
    .await?;
    let (valid, exit_rung) = input
        .validate(state.clock.today())
        .map_err(AppError::Validation)?;
    let (kind, date, hours, contract, reason) = match &valid {
        ValidOutcome::PaidJob {
            date,
            hours_per_week,
            contract,
        } => (
            OutcomeKind::PaidJob,
            *date,
            Some(i64::from(*hours_per_week)),
            Some(*contract),
            None,
        ),
        ValidOutcome::Education { date } => (OutcomeKind::Education, *date, None, None, None),
        ValidOutcome::Volunteering { date } => (OutcomeKind::Volunteering, *date, None, None, None),
        ValidOutcome::None { date, reason } => (
            OutcomeKind::None,
            *date,
            None,
            None,
            Some(reason.as_str().to_owned()),
        ),
    };
    let outcome = write(
        &state,
        Change::new(&user, &address, "outcome.create", "outcome").reaching(
            &participant.id,
            Resource::Outcome,
            Action::Create,
        ),
        async |tx| {
            Ok(db::outcomes::insert(
                &mut *tx,
                &db::outcomes::NewOutcome {
                    participant_id: &participant.id,
                    kind,
                    date,
                    hours_per_week: hours,
                    contract,
                    reason: reason.as_deref(),
                    exit_rung,
                },
            )
            .await?)
        },
    )
    .await?;
    let row = db::outcomes::by_id(&state.db, &outcome)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(row.try_into()?)))
}

/// Records whether the outcome lasted, from six months after it on.
async fn record_follow_up(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OutcomeId>,
    Json(patch): Json<FollowUpPatch>,
) -> ApiResult<OutcomeDetail> {
    // A role without the right learns nothing of the record: 403 before the lookup.
    access::require(&state, &user, &address, Resource::Outcome, Action::Update).await?;
    let row = db::outcomes::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    participant_for(
        &state,
        &user,
        &address,
        &row.participant_id,
        Resource::Outcome,
        Action::Update,
    )
    .await?;
    let outcome_date = row.date;
    let valid = patch
        .follow_up
        .validate(outcome_date, state.clock.today())
        .map_err(AppError::Validation)?;
    check_version(row.version, patch.version).map_err(|v| AppError::Conflict(v.into()))?;
    write(
        &state,
        Change::new(&user, &address, "outcome.follow_up", "outcome").reaching(
            &row.participant_id,
            Resource::Outcome,
            Action::Update,
        ),
        async |tx| {
            if db::outcomes::follow_up(
                &mut *tx,
                &row.id,
                patch.version,
                valid.date,
                valid.lasted,
                valid.ladder_rung,
            )
            .await?
            {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Outcomes, &row.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::outcomes::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(row.try_into()?))
}
