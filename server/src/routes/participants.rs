//! Participants (reading; the intake form comes with the training screens).

use axum::{
    Router,
    extract::{Path, State},
    routing::get,
};
use shared::{
    api::{Page, PageQuery, ParticipantDetail, ParticipantSummary, paths},
    ids::{CohortId, MunicipalityId, ParticipantId, UserId},
    values::{DutchLevel, Email, LadderRung, LanguageCode, Phone},
};

use super::page;
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, Scope, participants::ParticipantRow},
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::PARTICIPANTS, get(list_participants))
        .route(paths::PARTICIPANT_PATTERN, get(get_participant))
}

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored participant {what}"))
}

fn summary(row: ParticipantRow) -> Result<ParticipantSummary, AppError> {
    Ok(ParticipantSummary {
        id: ParticipantId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        first_name: row.first_name,
        last_name: row.last_name,
        cohort_id: row
            .cohort_id
            .map(CohortId::parse)
            .transpose()
            .map_err(|_| stored("cohort"))?,
        coach_id: row
            .coach_id
            .map(UserId::parse)
            .transpose()
            .map_err(|_| stored("coach"))?,
    })
}

fn detail(row: ParticipantRow) -> Result<ParticipantDetail, AppError> {
    Ok(ParticipantDetail {
        id: ParticipantId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        first_name: row.first_name,
        last_name: row.last_name,
        email: Email::parse(&row.email).map_err(|_| stored("email"))?,
        phone: row
            .phone
            .as_deref()
            .map(Phone::parse)
            .transpose()
            .map_err(|_| stored("phone"))?,
        languages: row
            .languages
            .split(',')
            .filter(|l| !l.is_empty())
            .map(LanguageCode::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| stored("languages"))?,
        dutch_level: DutchLevel::parse(&row.dutch_level).map_err(|_| stored("level"))?,
        municipality_id: MunicipalityId::parse(row.municipality_id)
            .map_err(|_| stored("municipality"))?,
        cohort_id: row
            .cohort_id
            .map(CohortId::parse)
            .transpose()
            .map_err(|_| stored("cohort"))?,
        coach_id: row
            .coach_id
            .map(UserId::parse)
            .transpose()
            .map_err(|_| stored("coach"))?,
        ladder_rung_at_intake: LadderRung::new(row.ladder_rung_at_intake)
            .map_err(|_| stored("rung"))?,
    })
}

async fn list_participants(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<ParticipantSummary>> {
    let relation =
        access::require(&state, &user, &address, Resource::Participant, Action::Read).await?;
    let limit = query.limit();
    let rows = db::participants::list(
        &state.db,
        Scope::of(&user, relation),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), summary).map(Json)
}

async fn get_participant(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> ApiResult<ParticipantDetail> {
    let relation =
        access::require(&state, &user, &address, Resource::Participant, Action::Read).await?;
    let row = db::participants::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    access::check(
        &state,
        &user,
        &address,
        Resource::Participant,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            participant_id: Some(&row.id),
            coach_id: row.coach_id.as_deref(),
            ..Ties::default()
        },
    )
    .await?;
    detail(row).map(Json)
}
