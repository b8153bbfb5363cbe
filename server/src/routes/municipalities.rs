//! Municipalities with their agreements.

use axum::{
    Router,
    extract::{Path, State},
    routing::get,
};
use shared::{
    api::{Agreement, MunicipalityDetail, Page, PageQuery, paths},
    ids::MunicipalityId,
    values::MunicipalityCode,
};

use super::{date, page};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, municipalities::MunicipalityRow},
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::MUNICIPALITIES, get(list_municipalities))
        .route(paths::MUNICIPALITY_PATTERN, get(get_municipality))
}

fn detail(row: MunicipalityRow) -> Result<MunicipalityDetail, AppError> {
    let stored = |what: &str| AppError::Internal(format!("stored municipality {what}"));
    Ok(MunicipalityDetail {
        id: MunicipalityId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        cbs_code: MunicipalityCode::parse(&row.cbs_code).map_err(|_| stored("code"))?,
        name: row.name,
        agreement: Agreement {
            start_date: date(row.agreement_start.as_deref())?.ok_or_else(|| stored("start"))?,
            end_date: date(row.agreement_end.as_deref())?.ok_or_else(|| stored("end"))?,
            contracted_participants: u32::try_from(row.contracted_participants.unwrap_or(0))
                .map_err(|_| stored("contracted"))?,
            budget_cap_cents: row.budget_cap_cents,
        },
    })
}

async fn list_municipalities(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<MunicipalityDetail>> {
    access::require(
        &state,
        &user,
        &address,
        Resource::Municipality,
        Action::Read,
    )
    .await?;
    let limit = query.limit();
    let rows = db::municipalities::list_in_region(
        &state.db,
        &user.id,
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), detail).map(Json)
}

async fn get_municipality(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> ApiResult<MunicipalityDetail> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Municipality,
        Action::Read,
    )
    .await?;
    let row = db::municipalities::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ties = [row.id.clone()];
    access::check(
        &state,
        &user,
        &address,
        Resource::Municipality,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &ties,
            ..Ties::default()
        },
    )
    .await?;
    detail(row).map(Json)
}
