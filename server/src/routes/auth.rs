//! Login (with its second step), logout, who am I, and accepting an invitation; the second
//! factor and passwords in the modules below.

mod passwords;
mod second_factor;

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post, put},
};
use shared::{
    Violation, ViolationKind,
    api::{AcceptInvitationInput, InterfaceLanguageInput, LoginAnswer, LoginInput, Me, paths},
    ids::UserId,
    rules::password::check_password,
    values::Email,
};
use tower_sessions::Session;

use crate::{
    AppError, AppState,
    audit::{self, Entry, Outcome},
    auth::{
        self, ACCOUNT_VERSION_KEY, ClientAddress, LOGIN_AT_KEY, PENDING_AT_KEY, PENDING_USER_KEY,
        PENDING_VERSION_KEY, SignedIn, USER_ID_KEY,
        rate_limit::{INVITATIONS_PER_ADDRESS, PER_ACCOUNT, PER_ADDRESS},
    },
    db,
    error::{ApiResult, Json},
    invitations::token_hash,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::LOGIN, post(login))
        .route(paths::LOGOUT, post(logout))
        .route(paths::ME, get(me))
        .route(paths::ME_LANGUAGE, put(set_interface_language))
        .route(paths::ACCEPT_INVITATION, post(accept_invitation))
        .merge(second_factor::router())
        .merge(passwords::router())
}

fn session_error<E>(_: E) -> AppError {
    AppError::Internal("session store".to_owned())
}

/// Starts a session for `user_id` under a new token.
async fn start_session(
    session: &Session,
    user_id: &UserId,
    account_version: i64,
) -> Result<(), AppError> {
    session.clear().await;
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(USER_ID_KEY, user_id)
        .await
        .map_err(session_error)?;
    session
        .insert(ACCOUNT_VERSION_KEY, account_version)
        .await
        .map_err(session_error)?;
    session
        .insert(LOGIN_AT_KEY, chrono::Utc::now().timestamp())
        .await
        .map_err(session_error)
}

/// Starts the second step of a login under a new token: the session is not signed in until a
/// code of `user`'s second factor is accepted.
async fn start_second_step(session: &Session, user: &db::users::UserRow) -> Result<(), AppError> {
    session.clear().await;
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(PENDING_USER_KEY, &user.id)
        .await
        .map_err(session_error)?;
    session
        .insert(PENDING_VERSION_KEY, user.version)
        .await
        .map_err(session_error)?;
    session
        .insert(PENDING_AT_KEY, chrono::Utc::now().timestamp())
        .await
        .map_err(session_error)
}

/// The same 401 whether the account exists or not; failures limited per account and address.
/// An account with a second factor is not signed in yet: the answer asks for a code
/// (`POST /auth/login/second-factor`).
///
/// The attempt is reserved under both limits before the slow password hash, so parallel guesses
/// count as many failures as sequential ones; an unknown or malformed email is limited under its
/// own key exactly like a known one. Only a successful login gives the attempt back (and clears
/// the account's failures).
async fn login(
    State(state): State<AppState>,
    address: ClientAddress,
    session: Session,
    Json(input): Json<LoginInput>,
) -> ApiResult<LoginAnswer> {
    let email = Email::parse(&input.email).map(|e| e.as_str().to_owned());
    let account_key = format!("account:{}", email.as_deref().unwrap_or(""));
    let address_key = format!("address:{}", address.limit_key());
    let attempt = match state
        .limiter
        .reserve(&[(&address_key, PER_ADDRESS), (&account_key, PER_ACCOUNT)])
    {
        Ok(attempt) => attempt,
        Err(retry_after_secs) => {
            // Once per address and window: a flood of turned-away guesses adds one row.
            audit_once_per_window(
                &state,
                &format!("audit:login.limited:{}", address.limit_key()),
                Entry {
                    actor: None,
                    action: "login.limited",
                    record_type: None,
                    record_id: None,
                    address: Some(&address.0),
                    outcome: Outcome::Refused,
                },
            )
            .await?;
            return Err(AppError::TooManyRequests { retry_after_secs });
        }
    };
    let user = match &email {
        Ok(email) => db::users::by_email(&state.db, email).await?,
        Err(_) => None,
    };
    let usable = user.as_ref().filter(|u| !u.disabled);
    let verified = state
        .passwords
        .verify(input.password, usable.and_then(|u| u.password_hash.clone()))
        .await;
    let Some(user) = usable.filter(|_| verified) else {
        // The reserved attempt stays counted: it is this failure.
        audit::record(
            &state.db,
            Entry {
                actor: user.as_ref().map(|u| &u.id),
                action: "login",
                record_type: None,
                record_id: None,
                address: Some(&address.0),
                outcome: Outcome::Failure,
            },
        )
        .await?;
        return Err(AppError::Unauthenticated);
    };
    state.limiter.release(attempt);
    state.limiter.clear(&account_key);
    if db::factors::is_enrolled(&state.db, &user.id).await? {
        start_second_step(&session, user).await?;
        audit::record(
            &state.db,
            Entry {
                actor: Some(&user.id),
                action: "login.password",
                record_type: None,
                record_id: None,
                address: Some(&address.0),
                outcome: Outcome::Success,
            },
        )
        .await?;
        return Ok(Json(LoginAnswer::SecondFactorRequired));
    }
    // The version read with the password hash: a reset or change that lands while the hash is
    // checked ends this session at once (see `auth::load_user`).
    start_session(&session, &user.id, user.version).await?;
    audit::record(
        &state.db,
        Entry {
            actor: Some(&user.id),
            action: "login",
            record_type: None,
            record_id: None,
            address: Some(&address.0),
            outcome: Outcome::Success,
        },
    )
    .await?;
    let current = auth::load_user(&state, &session)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(Json(LoginAnswer::SignedIn(current.me(state.clock.today()))))
}

/// Ends the session on the server.
async fn logout(
    State(state): State<AppState>,
    address: ClientAddress,
    session: Session,
) -> Result<StatusCode, AppError> {
    let user = auth::load_user(&state, &session).await?;
    session.flush().await.map_err(session_error)?;
    if let Some(user) = user {
        audit::record(
            &state.db,
            Entry {
                actor: Some(&user.id),
                action: "logout",
                record_type: None,
                record_id: None,
                address: Some(&address.0),
                outcome: Outcome::Success,
            },
        )
        .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Who is signed in; also an account that must enrol a second factor before anything else.
async fn me(State(state): State<AppState>, SignedIn(user): SignedIn) -> ApiResult<Me> {
    Ok(Json(user.me(state.clock.today())))
}

/// Stores the language of the signed-in account's interface, for every page and browser after
/// this one. Also for an account that must still enrol a second factor: the enrolment is shown
/// in that language too.
async fn set_interface_language(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    address: ClientAddress,
    Json(input): Json<InterfaceLanguageInput>,
) -> ApiResult<Me> {
    super::write(
        &state,
        super::Change::new(&user, &address, "user.interface_language", "user"),
        async |tx| {
            db::users::set_interface_language(tx, &user.id, input.language).await?;
            Ok(user.id.clone())
        },
    )
    .await?;
    let mut user = user;
    user.interface_language = Some(input.language);
    Ok(Json(user.me(state.clock.today())))
}

/// Appends `entry` unless one was already appended under `marker` within the rate-limit window,
/// so that requests from nobody in particular add at most one row per marker and window.
async fn audit_once_per_window(
    state: &AppState,
    marker: &str,
    entry: Entry<'_>,
) -> Result<(), AppError> {
    let Ok(written) = state.limiter.reserve(&[(marker, 1)]) else {
        return Ok(());
    };
    if let Err(err) = audit::record(&state.db, entry).await {
        // Not written after all: the next one in the window tries again.
        state.limiter.release(written);
        return Err(err.into());
    }
    Ok(())
}

/// Sets the password of an invited account and signs it in. The token works once, for 7 days.
///
/// Refused tokens are limited per address like failed logins: [`INVITATIONS_PER_ADDRESS`] in the
/// window, then 429 with `Retry-After`. The attempt is reserved before the token is looked up
/// and given back once the token is valid, so parallel guesses count too and a password the
/// rules refuse does not. The audit log cannot be flooded anonymously: per address and window,
/// only the first refused token is audited (`invitation.accept`, refused) and the first request
/// the limit turns away (`invitation.accept.limited`, refused), two rows at most; later ones in
/// the same window are not.
async fn accept_invitation(
    State(state): State<AppState>,
    address: ClientAddress,
    session: Session,
    Json(input): Json<AcceptInvitationInput>,
) -> ApiResult<Me> {
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let invalid = || {
        AppError::Validation(Violation::new("token", ViolationKind::InvitationInvalid {}).into())
    };
    let address_key = format!("invitation:address:{}", address.limit_key());
    let attempt = match state
        .limiter
        .reserve(&[(&address_key, INVITATIONS_PER_ADDRESS)])
    {
        Ok(attempt) => attempt,
        Err(retry_after_secs) => {
            audit_once_per_window(
                &state,
                &format!("audit:invitation.accept.limited:{}", address.limit_key()),
                Entry {
                    actor: None,
                    action: "invitation.accept.limited",
                    record_type: Some("invitation"),
                    record_id: None,
                    address: Some(&address.0),
                    outcome: Outcome::Refused,
                },
            )
            .await?;
            return Err(AppError::TooManyRequests { retry_after_secs });
        }
    };
    let Some((invitation_id, user_id)) =
        db::invitations::valid(&state.db, &token_hash(&input.token), &now).await?
    else {
        // The reserved attempt stays counted: it is this refusal.
        audit_once_per_window(
            &state,
            &format!("audit:invitation.accept:{}", address.limit_key()),
            Entry {
                actor: None,
                action: "invitation.accept",
                record_type: Some("invitation"),
                record_id: None,
                address: Some(&address.0),
                outcome: Outcome::Refused,
            },
        )
        .await?;
        return Err(invalid());
    };
    state.limiter.release(attempt);
    if let Err(kind) = check_password(&input.password, |p| state.passwords.is_common(p)) {
        return Err(AppError::Validation(
            Violation::new("password", kind).into(),
        ));
    }
    let hash = state
        .passwords
        .hash(input.password)
        .await
        .map_err(|_| AppError::Internal("password hashing failed".to_owned()))?;
    let mut tx = db::begin_write(&state.db).await?;
    if !db::invitations::mark_used(&mut tx, &invitation_id, &now).await? {
        return Err(invalid());
    }
    let version = db::users::set_password(&mut tx, &user_id, &hash).await?;
    audit::record(
        &mut *tx,
        Entry {
            actor: Some(&user_id),
            action: "invitation.accept",
            record_type: Some("invitation"),
            record_id: Some(invitation_id.as_str()),
            address: Some(&address.0),
            outcome: Outcome::Success,
        },
    )
    .await?;
    tx.commit().await?;
    start_session(&session, &user_id, version).await?;
    let current = auth::load_user(&state, &session)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(Json(current.me(state.clock.today())))
}
