//! Openings: company visits, internships, jobs, volunteer and education places.

use axum::{Router, extract::State, http::StatusCode, routing::get};
use shared::{
    Violation,
    api::{OpeningDetail, OpeningInput, OpeningPatch, OpeningQuery, Page, PageQuery, paths},
    ids::{OpeningId, OrganisationId},
    roles::Role,
    rules::{
        openings::{OpeningStatus, opening_transition},
        versions::check_version,
    },
};

use super::{Change, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Relation, Resource, Ties, organisation_for},
    auth::{ClientAddress, CurrentUser},
    db::{
        self,
        openings::{CandidateRow, NewOpening, OpeningRow},
    },
    error::{ApiResult, Json, Path, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::ORGANISATION_OPENINGS_PATTERN,
            get(list_organisation_openings).post(create_opening),
        )
        .route(paths::OPENINGS, get(list_openings))
        .route(
            paths::OPENING_PATTERN,
            get(get_opening).patch(update_opening),
        )
}

/// Whether the account sees who is registered or introduced: the organisation's own contact
/// and coordinators.
fn sees_people(user: &CurrentUser, organisation: &OrganisationId) -> bool {
    user.organisation_id.as_ref() == Some(organisation) || user.role == Role::Coordinator
}

/// Openings with their candidates, as `user` may see them (`candidates` of their organisation,
/// loaded once).
fn details(
    user: &CurrentUser,
    rows: Vec<OpeningRow>,
    candidates: &[CandidateRow],
) -> Result<Vec<OpeningDetail>, AppError> {
    rows.into_iter()
        .map(|row| {
            let people = if sees_people(user, &row.organisation_id) {
                candidates
                    .iter()
                    .filter(|c| c.opening_id == row.id)
                    .cloned()
                    .map(Into::into)
                    .collect()
            } else {
                Vec::new()
            };
            row.detail(people)
        })
        .collect()
}

/// One opening as `user` may see it.
async fn opening_for(
    state: &AppState,
    user: &CurrentUser,
    row: OpeningRow,
) -> Result<OpeningDetail, AppError> {
    let candidates = if sees_people(user, &row.organisation_id) {
        db::openings::candidates(&state.db, &row.organisation_id, Some(&row.id)).await?
    } else {
        Vec::new()
    };
    let mut one = details(user, vec![row], &candidates)?;
    one.pop().ok_or(AppError::NotFound)
}

fn next_cursor(rows: &[OpeningRow], limit: u32) -> Option<String> {
    (rows.len() == limit as usize)
        .then(|| rows.last().map(|r| r.id.to_string()))
        .flatten()
}

async fn list_organisation_openings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
    Query(query): Query<PageQuery>,
    Query(filter): Query<OpeningQuery>,
) -> ApiResult<Page<OpeningDetail>> {
    let organisation = organisation_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    let opening_relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let limit = query.limit();
    let rows = db::openings::list(
        &state.db,
        user.scope(opening_relation),
        Some(&organisation.id),
        &filter,
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    let next_cursor = next_cursor(&rows, limit);
    let candidates = if sees_people(&user, &organisation.id) {
        db::openings::candidates(&state.db, &organisation.id, None).await?
    } else {
        Vec::new()
    };
    Ok(Json(Page {
        items: details(&user, rows, &candidates)?,
        next_cursor,
    }))
}

/// `GET /openings?kind=&status=`: the openings the account may see (for a coach, the open ones
/// in their municipalities). Lists carry no candidates.
async fn list_openings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
    Query(filter): Query<OpeningQuery>,
) -> ApiResult<Page<OpeningDetail>> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let limit = query.limit();
    let rows = db::openings::list(
        &state.db,
        user.scope(relation),
        None,
        &filter,
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    let next_cursor = next_cursor(&rows, limit);
    Ok(Json(Page {
        items: rows
            .into_iter()
            .map(|row| row.detail(Vec::new()))
            .collect::<Result<_, _>>()?,
        next_cursor,
    }))
}

/// `Ok` when the account may see the opening in the relation; 404 otherwise.
async fn visible_opening(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    row: &OpeningRow,
    relation: Relation,
) -> Result<(), AppError> {
    let municipality = [row.municipality_id.clone()];
    access::check(
        state,
        user,
        address,
        Resource::Opening,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            organisation_id: Some(&row.organisation_id),
            open: row.status == OpeningStatus::Open,
            ..Ties::default()
        },
    )
    .await
}

async fn get_opening(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
) -> ApiResult<OpeningDetail> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let row = db::openings::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    visible_opening(&state, &user, &address, &row, relation).await?;
    opening_for(&state, &user, row).await.map(Json)
}

/// A company contact (or coordinator) registers an opening; it starts as a draft.
async fn create_opening(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
    Json(input): Json<OpeningInput>,
) -> Result<(StatusCode, Json<OpeningDetail>), AppError> {
    let organisation = organisation_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Opening,
        Action::Create,
    )
    .await?;
    let valid = input
        .validate(&state.settings, state.clock.today())
        .map_err(AppError::Validation)?;
    let opening_id = write(
        &state,
        Change::new(&user, &address, "opening.create", "opening"),
        async |tx| {
            let new = NewOpening::of(&organisation.id, OpeningStatus::Draft, &valid);
            Ok(db::openings::insert(&mut *tx, &new).await?)
        },
    )
    .await?;
    let row = db::openings::by_id(&state.db, &opening_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        Json(opening_for(&state, &user, row).await?),
    ))
}

/// Changes the state (draft → open → filled or closed) and/or edits the opening.
async fn update_opening(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
    Json(patch): Json<OpeningPatch>,
) -> ApiResult<OpeningDetail> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Update).await?;
    let row = db::openings::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    visible_opening(&state, &user, &address, &row, relation).await?;
    let settings = &state.settings;
    let today = state.clock.today();
    let version = patch.version;
    write(
        &state,
        Change::new(&user, &address, "opening.update", "opening"),
        async |tx| {
            let stored = db::openings::by_id(&mut *tx, &row.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let status = match patch.status {
                Some(to) if to != stored.status => {
                    opening_transition(stored.status, to).map_err(|kind| {
                        AppError::Validation(Violation::new("status", kind).into())
                    })?;
                    to
                }
                Some(_) | None => stored.status,
            };
            let edited = match patch.opening {
                Some(changes) => {
                    let before = OpeningInput::from(&stored.clone().detail(Vec::new())?);
                    let valid = changes
                        .merge_over(before)
                        .validate(settings, today)
                        .map_err(AppError::Validation)?;
                    Some(valid)
                }
                None => None,
            };
            check_version(stored.version, version).map_err(|v| AppError::Conflict(v.into()))?;
            let new = match &edited {
                Some(valid) => NewOpening::of(&stored.organisation_id, status, valid),
                None => NewOpening::keep(&stored, status),
            };
            if db::openings::update(&mut *tx, &stored.id, version, &new).await? {
                Ok(stored.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Openings, &stored.id, version).await)
            }
        },
    )
    .await?;
    let row = db::openings::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    opening_for(&state, &user, row).await.map(Json)
}
