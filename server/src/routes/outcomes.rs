//! The outcome of a participant's route (a coordinator records it) and its follow-up six months
//! later.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use shared::{
    api::{
        FollowUpDetail, FollowUpPatch, OutcomeDetail, OutcomeInput, paths, paths::ParticipantSub,
    },
    ids::OutcomeId,
    ids::ParticipantId,
    rules::{
        outcome::{ValidOutcome, follow_up_due},
        versions::check_version,
    },
    values::LadderRung,
};

use super::{Change, date, name_of, parse_name, participants::participant_for, stale, write};
use crate::{
    AppError, AppState,
    access::{Action, Resource},
    auth::{ClientAddress, CurrentUser},
    db::{self, outcomes::OutcomeRow},
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

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored outcome {what}"))
}

pub fn detail(row: OutcomeRow) -> Result<OutcomeDetail, AppError> {
    let day = date(Some(&row.date))?.ok_or_else(|| stored("date"))?;
    let follow_up = match (row.follow_up_date, row.follow_up_lasted, row.follow_up_rung) {
        (Some(d), Some(lasted), Some(rung)) => Some(FollowUpDetail {
            date: date(Some(&d))?.ok_or_else(|| stored("follow-up date"))?,
            lasted,
            ladder_rung: LadderRung::new(rung).map_err(|_| stored("rung"))?,
        }),
        _ => None,
    };
    Ok(OutcomeDetail {
        id: OutcomeId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        kind: parse_name(&row.kind)?,
        date: day,
        hours_per_week: row
            .hours_per_week
            .map(u32::try_from)
            .transpose()
            .map_err(|_| stored("hours"))?,
        contract: row.contract.as_deref().map(parse_name).transpose()?,
        reason: row.reason,
        follow_up_due: follow_up_due(day),
        follow_up,
    })
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
        id.as_str(),
        Resource::Outcome,
        Action::Read,
    )
    .await?;
    db::outcomes::of(&state.db, &participant.id)
        .await?
        .into_iter()
        .map(detail)
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
        id.as_str(),
        Resource::Outcome,
        Action::Create,
    )
    .await?;
    let valid = input
        .validate(state.clock.today())
        .map_err(AppError::Validation)?;
    let kind = name_of(&input.kind)?;
    let (date, hours, contract, reason) = match &valid {
        ValidOutcome::PaidJob {
            date,
            hours_per_week,
            contract,
        } => (
            *date,
            Some(i64::from(*hours_per_week)),
            Some(name_of(contract)?),
            None,
        ),
        ValidOutcome::Education { date } | ValidOutcome::Volunteering { date } => {
            (*date, None, None, None)
        }
        ValidOutcome::None { date, reason } => {
            (*date, None, None, Some(reason.as_str().to_owned()))
        }
    };
    let outcome = write(
        &state,
        Change::new(&user, &address, "outcome.create", "outcome"),
        async |tx| {
            Ok(db::outcomes::insert(
                &mut *tx,
                &db::outcomes::NewOutcome {
                    participant_id: &participant.id,
                    kind: &kind,
                    date: &date.to_string(),
                    hours_per_week: hours,
                    contract: contract.as_deref(),
                    reason: reason.as_deref(),
                },
            )
            .await?)
        },
    )
    .await?;
    let row = db::outcomes::by_id(&state.db, &outcome)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(row)?)))
}

/// Records whether the outcome lasted, from six months after it on.
async fn record_follow_up(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OutcomeId>,
    Json(patch): Json<FollowUpPatch>,
) -> ApiResult<OutcomeDetail> {
    let row = db::outcomes::by_id(&state.db, id.as_str())
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
    let outcome_date = date(Some(&row.date))?.ok_or_else(|| stored("date"))?;
    let valid = patch
        .follow_up
        .validate(outcome_date, state.clock.today())
        .map_err(AppError::Validation)?;
    check_version(row.version, patch.version).map_err(|v| AppError::Conflict(v.into()))?;
    write(
        &state,
        Change::new(&user, &address, "outcome.follow_up", "outcome"),
        async |tx| {
            if db::outcomes::follow_up(
                &mut *tx,
                &row.id,
                patch.version,
                &valid.date.to_string(),
                valid.lasted,
                i64::from(valid.ladder_rung),
            )
            .await?
            {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, "outcomes", &row.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::outcomes::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(row).map(Json)
}
