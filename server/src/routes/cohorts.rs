//! Cohorts and their 8 meetings (reading; scheduling comes with the training screens).

use axum::{
    Router,
    extract::{Path, State},
    routing::get,
};
use shared::{
    api::{CohortDetail, CohortSummary, MeetingDetail, Page, PageQuery, paths},
    ids::{CohortId, MunicipalityId},
    rules::training::{MeetingNumber, Theme, cohort_is_small},
};

use super::{date, page};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, cohorts::CohortRow},
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::COHORTS, get(list_cohorts))
        .route(paths::COHORT_PATTERN, get(get_cohort))
}

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored cohort {what}"))
}

fn summary(row: CohortRow) -> Result<CohortSummary, AppError> {
    let participants = u32::try_from(row.participants).map_err(|_| stored("count"))?;
    Ok(CohortSummary {
        id: CohortId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        municipality_id: MunicipalityId::parse(row.municipality_id)
            .map_err(|_| stored("municipality"))?,
        name: row.name,
        location: row.location,
        participants,
        small: cohort_is_small(participants),
    })
}

async fn list_cohorts(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<CohortSummary>> {
    access::require(&state, &user, &address, Resource::Cohort, Action::Read).await?;
    let limit = query.limit();
    let rows = db::cohorts::list_in_region(
        &state.db,
        &user.id,
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), summary).map(Json)
}

async fn get_cohort(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> ApiResult<CohortDetail> {
    let relation = access::require(&state, &user, &address, Resource::Cohort, Action::Read).await?;
    let row = db::cohorts::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ties = [row.municipality_id.clone()];
    access::check(
        &state,
        &user,
        &address,
        Resource::Cohort,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &ties,
            ..Ties::default()
        },
    )
    .await?;
    let scheduled = db::cohorts::meetings(&state.db, &row.id).await?;
    let meetings = MeetingNumber::all()
        .map(|number| {
            let stored_meeting = scheduled
                .iter()
                .find(|m| m.number == i64::from(number.get()));
            Ok(MeetingDetail {
                number,
                theme: Theme::of(number),
                date: date(stored_meeting.map(|m| m.date.as_str()))?,
                start_time: stored_meeting.map(|m| m.start_time.clone()),
                place: stored_meeting.map(|m| m.place.clone()),
                version: stored_meeting.map_or(0, |m| m.version),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let summary = summary(row)?;
    Ok(Json(CohortDetail {
        id: summary.id,
        version: summary.version,
        municipality_id: summary.municipality_id,
        name: summary.name,
        location: summary.location,
        meetings,
        participants: summary.participants,
        small: summary.small,
    }))
}
