//! Passwords: a signed-in account changes its own; a coordinator starts a reset for an account
//! of their region, a one-time link like an invitation's, and the link sets the new password.

use axum::{Router, extract::State, http::StatusCode, routing::post};
use shared::{
    Violation, ViolationKind,
    api::{
        PasswordChangeInput, PasswordResetCreated, RESET_PASSWORD_PAGE, ResetPasswordInput, paths,
    },
    ids::UserId,
    rules::password::check_password,
};
use tower_sessions::Session;

use super::{audit_once_per_window, session_error};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    audit::{self, Entry, Outcome},
    auth::{
        ACCOUNT_VERSION_KEY, ClientAddress, CurrentUser,
        rate_limit::{INVITATIONS_PER_ADDRESS, PER_ACCOUNT, PER_ADDRESS},
    },
    db,
    error::{Json, Path},
    invitations::token_hash,
    routes::{Change, write},
};

/// How long a reset link works.
pub const RESET_VALID_HOURS: i64 = 72;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::PASSWORD, post(change_password))
        .route(
            paths::USER_PASSWORD_RESET_PATTERN,
            post(create_password_reset),
        )
        .route(paths::RESET_PASSWORD, post(reset_password))
}

/// A new password passes the shared rules and is not among the common passwords; else 422 on
/// `field`.
fn check_new(state: &AppState, password: &str, field: &str) -> Result<(), AppError> {
    check_password(password, |p| state.passwords.is_common(p))
        .map_err(|kind| AppError::Validation(Violation::new(field, kind).into()))
}

async fn hash(state: &AppState, password: String) -> Result<String, AppError> {
    state
        .passwords
        .hash(password)
        .await
        .map_err(|_| AppError::Internal("password hashing failed".to_owned()))
}

/// `POST /auth/password`: the current password and a new one. A wrong current password counts
/// as a failed login of the account (reserved before the slow check, like a login). Every other
/// session of the account ends; this one stays, under a new token.
async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    session: Session,
    Json(input): Json<PasswordChangeInput>,
) -> Result<StatusCode, AppError> {
    let account_key = format!("account:{}", user.email.as_str());
    let address_key = format!("address:{}", address.limit_key());
    let attempt = match state
        .limiter
        .reserve(&[(&address_key, PER_ADDRESS), (&account_key, PER_ACCOUNT)])
    {
        Ok(attempt) => attempt,
        Err(retry_after_secs) => return Err(AppError::TooManyRequests { retry_after_secs }),
    };
    let (stored, checked_version) = db::users::by_id(&state.db, &user.id)
        .await?
        .map(|row| (row.password_hash, row.version))
        .unwrap_or_default();
    if !state.passwords.verify(input.current_password, stored).await {
        // The reserved attempt stays counted: it is this failure.
        audit::record(
            &state.db,
            Entry {
                actor: Some(&user.id),
                action: "password.change",
                record_type: Some("user"),
                record_id: Some(user.id.as_str()),
                address: Some(&address.0),
                outcome: Outcome::Failure,
            },
        )
        .await?;
        return Err(AppError::Validation(
            Violation::new("current_password", ViolationKind::PasswordIncorrect {}).into(),
        ));
    }
    state.limiter.release(attempt);
    check_new(&state, &input.new_password, "new_password")?;
    let new_hash = hash(&state, input.new_password).await?;
    // The password is replaced only if it is still the one checked: of two changes (or a change
    // and a reset) at once, the later finds its current password no longer current.
    let mut version = None;
    write(
        &state,
        Change::new(&user, &address, "password.change", "user"),
        async |tx| {
            version =
                db::users::replace_password(&mut *tx, &user.id, checked_version, &new_hash).await?;
            if version.is_none() {
                return Err(AppError::Validation(
                    Violation::new("current_password", ViolationKind::PasswordIncorrect {}).into(),
                ));
            }
            db::sessions::delete_of_user(&mut *tx, &user.id).await?;
            Ok(user.id.clone())
        },
    )
    .await?;
    // Every stored session of the account has ended, this one too: it is stored again, under a
    // new token and with the account's new version, when this answer goes out.
    session.cycle_id().await.map_err(session_error)?;
    if let Some(version) = version {
        session
            .insert(ACCOUNT_VERSION_KEY, version)
            .await
            .map_err(session_error)?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// A new token of 256 random bits, hex.
fn new_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| AppError::Internal("random source".to_owned()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// `POST /users/{id}/password-reset` (coordinator): a one-time link, valid 72 hours, that sets a
/// new password for an account their region holds entirely (as for disabling: never a peer's
/// who also serves elsewhere, answered 404 like any record outside the region), and not their
/// own (they change it themselves). The account's password keeps working until the link is
/// used; an earlier unused link stops working.
async fn create_password_reset(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<UserId>,
) -> Result<(StatusCode, Json<PasswordResetCreated>), AppError> {
    access::require(&state, &user, &address, Resource::User, Action::Update).await?;
    if id == user.id {
        return Err(AppError::Validation(
            Violation::new("id", ViolationKind::NotAllowedForRole {}).into(),
        ));
    }
    let target = db::users::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipalities = db::users::municipalities(&state.db, &target.id).await?;
    let held = !municipalities.is_empty() && municipalities.iter().all(|m| user.holds(m));
    if !held {
        return Err(access::refuse(&state, &user, &address, Resource::User, &target.id).await);
    }
    if target.password_hash.is_none() {
        return Err(AppError::Conflict(
            Violation::new("id", ViolationKind::PasswordNotSet {}).into(),
        ));
    }
    let token = new_token()?;
    let expires_at = (state.clock.now() + chrono::Duration::hours(RESET_VALID_HOURS))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    write(
        &state,
        Change::new(&user, &address, "password_reset.create", "user"),
        async |tx| {
            db::password_resets::insert(tx, &token_hash(&token), &target.id, &user.id, &expires_at)
                .await?;
            Ok(target.id.clone())
        },
    )
    .await?;
    let link = format!(
        "{}{RESET_PASSWORD_PAGE}#{token}",
        state.public_url.trim_end_matches('/')
    );
    Ok((
        StatusCode::CREATED,
        Json(PasswordResetCreated { link, expires_at }),
    ))
}

/// `POST /auth/reset-password`: the token of a reset link and a new password. The link works
/// once; the old password stops working and every session of the account ends (the user logs in
/// afterwards, with their second factor when they have one). Refused tokens are limited and
/// audited per address exactly like invitation tokens.
async fn reset_password(
    State(state): State<AppState>,
    address: ClientAddress,
    Json(input): Json<ResetPasswordInput>,
) -> Result<StatusCode, AppError> {
    let now = state
        .clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let invalid = || {
        AppError::Validation(Violation::new("token", ViolationKind::PasswordResetInvalid {}).into())
    };
    let address_key = format!("password_reset:address:{}", address.limit_key());
    let attempt = match state
        .limiter
        .reserve(&[(&address_key, INVITATIONS_PER_ADDRESS)])
    {
        Ok(attempt) => attempt,
        Err(retry_after_secs) => {
            audit_once_per_window(
                &state,
                &format!("audit:password_reset.use.limited:{}", address.limit_key()),
                Entry {
                    actor: None,
                    action: "password_reset.use.limited",
                    record_type: Some("password_reset"),
                    record_id: None,
                    address: Some(&address.0),
                    outcome: Outcome::Refused,
                },
            )
            .await?;
            return Err(AppError::TooManyRequests { retry_after_secs });
        }
    };
    let Some((reset_id, user_id)) =
        db::password_resets::valid(&state.db, &token_hash(&input.token), &now).await?
    else {
        // The reserved attempt stays counted: it is this refusal.
        audit_once_per_window(
            &state,
            &format!("audit:password_reset.use:{}", address.limit_key()),
            Entry {
                actor: None,
                action: "password_reset.use",
                record_type: Some("password_reset"),
                record_id: None,
                address: Some(&address.0),
                outcome: Outcome::Refused,
            },
        )
        .await?;
        return Err(invalid());
    };
    state.limiter.release(attempt);
    check_new(&state, &input.password, "password")?;
    let new_hash = hash(&state, input.password).await?;
    let mut tx = db::begin_write(&state.db).await?;
    if !db::password_resets::mark_used(&mut tx, &reset_id, &now).await? {
        return Err(invalid());
    }
    db::users::set_password(&mut tx, &user_id, &new_hash).await?;
    db::sessions::delete_of_user(&mut *tx, &user_id).await?;
    audit::record(
        &mut *tx,
        Entry {
            actor: Some(&user_id),
            action: "password_reset.use",
            record_type: Some("password_reset"),
            record_id: Some(&reset_id),
            address: Some(&address.0),
            outcome: Outcome::Success,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
