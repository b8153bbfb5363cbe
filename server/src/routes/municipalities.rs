//! Municipalities with their agreements.

use axum::{Router, extract::State, http::StatusCode, routing::get};
use shared::{
    Violation, ViolationKind,
    api::{MunicipalityDetail, MunicipalityInput, Page, PageQuery, paths},
    ids::MunicipalityId,
    rules::versions::check_version,
};

use super::{Change, page, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    auth::{ClientAddress, CurrentUser},
    db::{self, municipalities::NewMunicipality},
    error::Path,
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::MUNICIPALITIES,
            get(list_municipalities).post(create_municipality),
        )
        .route(
            paths::MUNICIPALITY_PATTERN,
            get(get_municipality).put(update_municipality),
        )
}

fn code_taken() -> AppError {
    AppError::Conflict(Violation::new("cbs_code", ViolationKind::AlreadyRegistered {}).into())
}

/// A coordinator adds a municipality; it joins their region.
async fn create_municipality(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Json(input): Json<MunicipalityInput>,
) -> Result<(StatusCode, Json<MunicipalityDetail>), AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::Municipality,
        Action::Create,
    )
    .await?;
    let valid = input.validate().map_err(AppError::Validation)?;
    let id = write(
        &state,
        Change::new(&user, &address, "municipality.create", "municipality"),
        async |tx| {
            if db::municipalities::by_code(&mut *tx, &valid.cbs_code)
                .await?
                .is_some()
            {
                return Err(code_taken());
            }
            let id = db::municipalities::insert(&mut *tx, &NewMunicipality::of(&valid)).await?;
            db::municipalities::join_region(&mut *tx, &user.id, &id).await?;
            Ok(id)
        },
    )
    .await?;
    let row = db::municipalities::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(row.try_into()?)))
}

async fn update_municipality(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<MunicipalityId>,
    Json(input): Json<MunicipalityInput>,
) -> ApiResult<MunicipalityDetail> {
    let row = access::municipality_for(&state, &user, &address, &id, Action::Update).await?;
    let valid = input.validate().map_err(AppError::Validation)?;
    let Some(version) = input.version else {
        return Err(AppError::Validation(
            Violation::new("version", ViolationKind::Required {}).into(),
        ));
    };
    check_version(row.version, version).map_err(|v| AppError::Conflict(v.into()))?;
    write(
        &state,
        Change::new(&user, &address, "municipality.update", "municipality"),
        async |tx| {
            if db::municipalities::by_code(&mut *tx, &valid.cbs_code)
                .await?
                .is_some_and(|other| other.id != row.id)
            {
                return Err(code_taken());
            }
            let updated = db::municipalities::update(
                &mut *tx,
                &row.id,
                version,
                &NewMunicipality::of(&valid),
            )
            .await?;
            if updated {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Municipalities, &row.id, version).await)
            }
        },
    )
    .await?;
    let row = db::municipalities::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(row.try_into()?))
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
    page(rows, limit, |r| r.id.to_string(), TryInto::try_into).map(Json)
}

async fn get_municipality(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<MunicipalityId>,
) -> ApiResult<MunicipalityDetail> {
    let row = access::municipality_for(&state, &user, &address, &id, Action::Read).await?;
    Ok(Json(row.try_into()?))
}
