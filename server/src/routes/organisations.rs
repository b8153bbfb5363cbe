//! Organisations: companies, schools and volunteer organisations.

use axum::{Router, extract::State, http::StatusCode, routing::get};
use shared::{
    ViolationKind,
    api::{
        CreateOrganisation, OrganisationDetail, OrganisationInput, OrganisationPatch, Page,
        PageQuery, paths,
    },
    ids::OrganisationId,
    rules::versions::check_version,
};

use super::{Change, page, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, organisation_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, organisations::NewOrganisation},
    error::{ApiResult, Json, Path, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::ORGANISATIONS,
            get(list_organisations).post(create_organisation),
        )
        .route(
            paths::ORGANISATION_PATTERN,
            get(get_organisation).patch(update_organisation),
        )
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
        user.scope(relation),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.to_string(), |r| Ok(r.into())).map(Json)
}

async fn get_organisation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
) -> ApiResult<OrganisationDetail> {
    let row = organisation_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    Ok(Json(row.into()))
}

/// A coordinator registers an organisation in one of their municipalities.
async fn create_organisation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Json(input): Json<CreateOrganisation>,
) -> Result<(StatusCode, Json<OrganisationDetail>), AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Create,
    )
    .await?;
    let checked = input.organisation.validate();
    let mut violations = match &checked {
        Ok(_) => shared::Violations::new(),
        Err(v) => v.clone(),
    };
    match &input.municipality_id {
        None => violations.push("municipality_id", ViolationKind::Required {}),
        Some(m) if !user.holds(m) => {
            let refused = access::unknown_in_region(
                &state,
                &user,
                &address,
                Resource::Municipality,
                Some(m.as_str()),
                "municipality_id",
            )
            .await;
            if let AppError::Validation(v) = refused {
                violations.0.extend(v.0);
            } else {
                return Err(refused);
            }
        }
        Some(_) => {}
    }
    let (Ok(valid), Some(municipality)) = (checked, &input.municipality_id) else {
        return Err(AppError::Validation(violations));
    };
    if !violations.is_empty() {
        return Err(AppError::Validation(violations));
    }
    let id = write(
        &state,
        Change::new(&user, &address, "organisation.create", "organisation"),
        async |tx| {
            Ok(
                db::organisations::insert(&mut *tx, &NewOrganisation::of(&valid, municipality))
                    .await?,
            )
        },
    )
    .await?;
    let row = db::organisations::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// The company contact edits their own organisation; a coordinator any in their region.
async fn update_organisation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
    Json(patch): Json<OrganisationPatch>,
) -> ApiResult<OrganisationDetail> {
    let row = organisation_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Organisation,
        Action::Update,
    )
    .await?;
    let version = patch.version;
    write(
        &state,
        Change::new(&user, &address, "organisation.update", "organisation"),
        async |tx| {
            let stored = db::organisations::by_id(&mut *tx, &row.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let stored_version = stored.version;
            let merged =
                patch.merge_over(OrganisationInput::from(&OrganisationDetail::from(stored)));
            let valid = merged.validate().map_err(AppError::Validation)?;
            check_version(stored_version, version).map_err(|v| AppError::Conflict(v.into()))?;
            let new = NewOrganisation::of(&valid, &row.municipality_id);
            if db::organisations::update(&mut *tx, &row.id, version, &new).await? {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Organisations, &row.id, version).await)
            }
        },
    )
    .await?;
    let row = db::organisations::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(row.into()))
}
