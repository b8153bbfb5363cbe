//! Accounts as a coordinator sees them: list, and disable.

use axum::{
    Router,
    extract::State,
    routing::{get, post},
};
use shared::{
    Violation, ViolationKind,
    api::{Page, PageQuery, UserSummary, VersionOnly, paths},
    ids::UserId,
    rules::versions::check_version,
};

use super::{Change, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    auth::{ClientAddress, CurrentUser},
    db::{self, users::UserRow},
    error::Path,
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::USERS, get(list_users))
        .route(paths::USER_DISABLE_PATTERN, post(disable_user))
        .route(paths::USER_ENABLE_PATTERN, post(enable_user))
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
    set_disabled(&state, &user, &address, &id, body.version, true).await
}

/// Enables a disabled account again; it signs in with its old password.
async fn enable_user(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<UserId>,
    Json(body): Json<VersionOnly>,
) -> ApiResult<UserSummary> {
    set_disabled(&state, &user, &address, &id, body.version, false).await
}

/// A coordinator disables or enables an account that their region holds entirely: never their
/// own, and never a peer's that also serves municipalities outside the region (404, as for any
/// record outside it).
async fn set_disabled(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &UserId,
    version: i64,
    disabled: bool,
) -> ApiResult<UserSummary> {
    access::require(state, user, address, Resource::User, Action::Disable).await?;
    if *id == user.id {
        return Err(AppError::Validation(
            Violation::new("id", ViolationKind::NotAllowedForRole {}).into(),
        ));
    }
    let target = db::users::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipalities = db::users::municipalities(&state.db, &target.id).await?;
    let held = !municipalities.is_empty() && municipalities.iter().all(|m| user.holds(m));
    if !held {
        return Err(access::refuse(state, user, address, Resource::User, &target.id).await);
    }
    check_version(target.version, version).map_err(|v| AppError::Conflict(v.into()))?;
    let action = if disabled {
        "user.disable"
    } else {
        "user.enable"
    };
    write(
        state,
        Change::new(user, address, action, "user"),
        async |tx| {
            if !db::users::set_disabled(&mut *tx, &target.id, version, disabled).await? {
                return Err(stale(tx, db::Versioned::Users, &target.id, version).await);
            }
            if disabled {
                db::sessions::delete_of_user(&mut *tx, &target.id).await?;
            }
            Ok(target.id.clone())
        },
    )
    .await?;
    let updated = db::users::by_id(&state.db, &target.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(summary(&updated)?))
}
