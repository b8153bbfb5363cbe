//! Organisations and their openings (reading; registering openings comes with the company
//! screens).

use axum::{
    Router,
    extract::{Path, State},
    routing::get,
};
use shared::{
    api::{OpeningDetail, OrganisationDetail, Page, PageQuery, paths},
    ids::{OpeningId, OrganisationId},
    rules::openings::{OpeningKind, OpeningStatus, OrganisationKind},
    values::{DutchLevel, KvkNumber, Postcode},
};

use super::{date, page, parse_name};
use crate::{
    AppError, AppState,
    access::{self, Action, Relation, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, Scope, openings::OpeningRow, organisations::OrganisationRow},
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ORGANISATIONS, get(list_organisations))
        .route(paths::ORGANISATION_PATTERN, get(get_organisation))
        .route(
            paths::ORGANISATION_OPENINGS_PATTERN,
            get(list_organisation_openings),
        )
        .route(paths::OPENINGS, get(list_openings))
        .route(paths::OPENING_PATTERN, get(get_opening))
}

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored {what}"))
}

fn organisation(row: OrganisationRow) -> Result<OrganisationDetail, AppError> {
    Ok(OrganisationDetail {
        id: OrganisationId::parse(row.id).map_err(|_| stored("organisation id"))?,
        version: row.version,
        kind: parse_name::<OrganisationKind>(&row.kind)?,
        name: row.name,
        sector: row.sector,
        street: row.street,
        postcode: Postcode::parse(&row.postcode).map_err(|_| stored("postcode"))?,
        city: row.city,
        kvk_number: row
            .kvk_number
            .as_deref()
            .map(KvkNumber::parse)
            .transpose()
            .map_err(|_| stored("kvk number"))?,
    })
}

fn opening(row: OpeningRow) -> Result<OpeningDetail, AppError> {
    let capacity = row
        .capacity
        .map(u8::try_from)
        .transpose()
        .map_err(|_| stored("capacity"))?;
    Ok(OpeningDetail {
        id: OpeningId::parse(row.id).map_err(|_| stored("opening id"))?,
        version: row.version,
        organisation_id: OrganisationId::parse(row.organisation_id)
            .map_err(|_| stored("organisation id"))?,
        organisation_name: row.organisation_name,
        kind: parse_name::<OpeningKind>(&row.kind)?,
        status: parse_name::<OpeningStatus>(&row.status)?,
        title: row.title,
        description: row.description,
        date: date(row.date.as_deref())?,
        place: row.place,
        capacity,
        places_left: capacity.map(u32::from),
        start_date: date(row.start_date.as_deref())?,
        end_date: date(row.end_date.as_deref())?,
        hours_per_week: row
            .hours_per_week
            .map(u32::try_from)
            .transpose()
            .map_err(|_| stored("hours"))?,
        dutch_level: row
            .dutch_level
            .as_deref()
            .map(DutchLevel::parse)
            .transpose()
            .map_err(|_| stored("level"))?,
        candidates: Vec::new(),
    })
}

async fn list_organisations(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<OrganisationDetail>> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    let limit = query.limit();
    let rows = db::organisations::list(
        &state.db,
        Scope::of(&user, relation),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), organisation).map(Json)
}

/// Loads an organisation the account may see, or 404.
async fn visible_organisation(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &str,
    relation: Relation,
) -> Result<OrganisationRow, AppError> {
    let row = db::organisations::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    access::check(
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

async fn get_organisation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> ApiResult<OrganisationDetail> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    let row = visible_organisation(&state, &user, &address, &id, relation).await?;
    organisation(row).map(Json)
}

async fn list_organisation_openings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<OpeningDetail>> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    let row = visible_organisation(&state, &user, &address, &id, relation).await?;
    let opening_relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let limit = query.limit();
    let rows = db::openings::list(
        &state.db,
        Scope::of(&user, opening_relation),
        Some(&row.id),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), opening).map(Json)
}

async fn list_openings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<OpeningDetail>> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let limit = query.limit();
    let rows = db::openings::list(
        &state.db,
        Scope::of(&user, relation),
        None,
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), opening).map(Json)
}

async fn get_opening(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> ApiResult<OpeningDetail> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let row = db::openings::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    access::check(
        &state,
        &user,
        &address,
        Resource::Opening,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            organisation_id: Some(&row.organisation_id),
            open: row.status == "open",
            ..Ties::default()
        },
    )
    .await?;
    opening(row).map(Json)
}
