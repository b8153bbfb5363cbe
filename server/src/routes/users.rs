//! Accounts as a coordinator sees them: list, and disable.

use axum::{
    Router,
    extract::State,
    routing::{get, post},
};
use shared::{
    api::{Page, PageQuery, UserSummary, VersionOnly, paths},
    ids::UserId,
    rules::versions::check_version,
};

use super::{Change, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties},
    auth::{ClientAddress, CurrentUser, session_store},
    db::{self, users::UserRow},
    error::Path,
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::USERS, get(list_users))
        .route(paths::USER_DISABLE_PATTERN, post(disable_user))
}

fn summary(row: &UserRow) -> Result<UserSummary, AppError> {
    Ok(UserSummary {
        id: row.id.clone(),
        version: row.version,
        email: row.email.clone(),
        role: row.role,
        disabled: row.disabled,
        password_set: row.password_hash.is_some(),
    })
}

async fn list_users(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(page): Query<PageQuery>,
) -> ApiResult<Page<UserSummary>> {
    access::require(&state, &user, &address, Resource::User, Action::Read).await?;
    let limit = page.limit();
    let rows =
        db::users::list_in_region(&state.db, &user.id, page.cursor.as_deref(), limit).await?;
    let next_cursor = (rows.len() == limit as usize)
        .then(|| rows.last().map(|r| r.id.to_string()))
        .flatten();
    Ok(Json(Page {
        items: rows.iter().map(summary).collect::<Result<_, _>>()?,
        next_cursor,
    }))
}

/// Disables an account; its sessions end at once.
async fn disable_user(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<UserId>,
    Json(body): Json<VersionOnly>,
) -> ApiResult<UserSummary> {
    let relation =
        access::require(&state, &user, &address, Resource::User, Action::Disable).await?;
    let target = db::users::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipalities = db::users::municipalities(&state.db, &target.id).await?;
    access::check(
        &state,
        &user,
        &address,
        Resource::User,
        &target.id,
        relation,
        &Ties {
            municipality_ids: &municipalities,
            ..Ties::default()
        },
    )
    .await?;
    check_version(target.version, body.version).map_err(|v| AppError::Conflict(v.into()))?;
    write(
        &state,
        Change::new(&user, &address, "user.disable", "user"),
        async |tx| {
            if !db::users::disable(&mut *tx, &target.id, body.version).await? {
                let current = db::users::by_id(&mut *tx, &target.id)
                    .await?
                    .map_or(body.version, |u| u.version);
                return Err(AppError::Conflict(
                    check_version(current, body.version)
                        .err()
                        .map(Into::into)
                        .unwrap_or_default(),
                ));
            }
            session_store::end_sessions_of(&mut *tx, &target.id).await?;
            Ok(target.id.clone())
        },
    )
    .await?;
    let updated = db::users::by_id(&state.db, &target.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(summary(&updated)?))
}
