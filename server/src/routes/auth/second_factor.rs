//! The second factor: the second step of a login, and enrolling a TOTP factor.
//!
//! Codes are limited like passwords: every attempt is reserved under the account (5 in the
//! window) and the address (20, counted together with failed passwords) before it is checked,
//! and given back only when it is accepted. A TOTP code is accepted once: its time step must be
//! later than that of the last code accepted. A recovery code works once.

use axum::{Router, extract::State, http::StatusCode, routing::post};
use shared::{
    Violation, ViolationKind,
    api::{CodeInput, Me, RecoveryCodes, TotpEnrolment, TypedCode, paths, read_code},
    ids::UserId,
};
use tower_sessions::Session;

use super::{audit_once_per_window, session_error, start_session};
use crate::{
    AppError, AppState,
    audit::{self, Entry, Outcome},
    auth::{
        self, ClientAddress, PENDING_AT_KEY, PENDING_SECONDS, PENDING_USER_KEY,
        PENDING_VERSION_KEY, SignedIn,
        rate_limit::{PER_ACCOUNT, PER_ADDRESS, Reservation},
        totp,
    },
    db,
    error::{ApiResult, Json},
    routes::{Change, write},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::LOGIN_SECOND_FACTOR, post(verify_second_factor))
        .route(paths::TOTP_ENROLMENT, post(start_enrolment))
        .route(paths::TOTP_CONFIRMATION, post(confirm_enrolment))
}

fn refused(kind: ViolationKind) -> AppError {
    AppError::Validation(Violation::new("code", kind).into())
}

fn totp_failed(_: totp::TotpFailure) -> AppError {
    AppError::Internal("second factor".to_owned())
}

fn now_text(state: &AppState) -> String {
    state
        .clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Reserves one code attempt of `user_id` from `address`, or answers 429 (audited once per
/// address and window).
async fn reserve_attempt(
    state: &AppState,
    user_id: &UserId,
    address: &ClientAddress,
) -> Result<Reservation, AppError> {
    let account_key = format!("second_factor:{user_id}");
    let address_key = format!("address:{}", address.limit_key());
    match state
        .limiter
        .reserve(&[(&address_key, PER_ADDRESS), (&account_key, PER_ACCOUNT)])
    {
        Ok(attempt) => Ok(attempt),
        Err(retry_after_secs) => {
            audit_once_per_window(
                state,
                &format!("audit:totp.verify.limited:{}", address.limit_key()),
                Entry {
                    actor: Some(user_id),
                    action: "totp.verify.limited",
                    record_type: None,
                    record_id: None,
                    address: Some(&address.0),
                    outcome: Outcome::Refused,
                },
            )
            .await?;
            Err(AppError::TooManyRequests { retry_after_secs })
        }
    }
}

/// Gives an accepted attempt back and forgets the account's failed codes.
fn accepted(state: &AppState, user_id: &UserId, attempt: Reservation) {
    state.limiter.release(attempt);
    state.limiter.clear(&format!("second_factor:{user_id}"));
}

/// The account waiting for its second step in this session, when the step has not expired and
/// the account has not changed since its password was checked.
async fn pending_account(
    state: &AppState,
    session: &Session,
) -> Result<Option<db::users::UserRow>, AppError> {
    let Some(user_id) = session
        .get::<UserId>(PENDING_USER_KEY)
        .await
        .map_err(session_error)?
    else {
        return Ok(None);
    };
    let at = session
        .get::<i64>(PENDING_AT_KEY)
        .await
        .map_err(session_error)?
        .unwrap_or(0);
    let version = session
        .get::<i64>(PENDING_VERSION_KEY)
        .await
        .map_err(session_error)?;
    let user = db::users::by_id(&state.db, &user_id).await?;
    let current = chrono::Utc::now().timestamp() - at < PENDING_SECONDS;
    let usable = user.filter(|u| {
        current && !u.disabled && u.password_hash.is_some() && Some(u.version) == version
    });
    if usable.is_none() {
        session.flush().await.map_err(session_error)?;
    }
    Ok(usable)
}

/// What a code did.
enum Verdict {
    /// A TOTP code, accepted.
    Totp,
    /// A recovery code, used up.
    Recovery,
    /// A TOTP code of a step accepted before.
    Replayed,
    Wrong,
}

/// `POST /auth/login/second-factor`: the code of the authenticator app (or a recovery code)
/// after the password; the session is signed in once it is accepted. Without a login waiting
/// for its second step (none, older than 5 minutes, or the account changed since): 401.
async fn verify_second_factor(
    State(state): State<AppState>,
    address: ClientAddress,
    session: Session,
    Json(input): Json<CodeInput>,
) -> ApiResult<Me> {
    let Some(user) = pending_account(&state, &session).await? else {
        return Err(AppError::Unauthenticated);
    };
    let attempt = reserve_attempt(&state, &user.id, &address).await?;
    let factor = db::factors::of(&state.db, &user.id)
        .await?
        .filter(db::factors::FactorRow::is_confirmed)
        .ok_or(AppError::Unauthenticated)?;
    let now = now_text(&state);
    let mut tx = db::begin_write(&state.db).await?;
    let (verdict, action) = match read_code(&input.code) {
        TypedCode::Totp(code) => {
            let verdict =
                match totp::check(&factor.secret, &code, state.clock.now()).map_err(totp_failed)? {
                    Some(step) if db::factors::accept_step(&mut tx, &user.id, step).await? => {
                        Verdict::Totp
                    }
                    Some(_) => Verdict::Replayed,
                    None => Verdict::Wrong,
                };
            (verdict, "totp.verify")
        }
        TypedCode::Recovery(plain) => {
            let hash = totp::recovery_code_hash(&plain);
            let used = !plain.is_empty()
                && db::factors::use_recovery_code(&mut tx, &user.id, &hash, &now).await?;
            let verdict = if used {
                Verdict::Recovery
            } else {
                Verdict::Wrong
            };
            (verdict, "recovery_code.use")
        }
    };
    let outcome = match verdict {
        Verdict::Totp | Verdict::Recovery => Outcome::Success,
        Verdict::Replayed => Outcome::Refused,
        Verdict::Wrong => Outcome::Failure,
    };
    audit::record(
        &mut *tx,
        Entry {
            actor: Some(&user.id),
            action,
            record_type: None,
            record_id: None,
            address: Some(&address.0),
            outcome,
        },
    )
    .await?;
    if outcome == Outcome::Success {
        audit::record(
            &mut *tx,
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
    }
    tx.commit().await?;
    match verdict {
        Verdict::Totp | Verdict::Recovery => {}
        // The reserved attempt stays counted: it is this failure.
        Verdict::Replayed => return Err(refused(ViolationKind::CodeAlreadyUsed {})),
        Verdict::Wrong => return Err(refused(ViolationKind::CodeInvalid {})),
    }
    accepted(&state, &user.id, attempt);
    start_session(&session, &user.id, user.version).await?;
    let current = auth::load_user(&state, &session)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(Json(current.me(state.clock.today())))
}

/// `POST /auth/totp/enrolment`: a new secret for the signed-in account (any earlier one that was
/// never confirmed is replaced), answered with its `otpauth://` URI. The secret is answered only
/// until the enrolment is confirmed; an account with a confirmed factor gets 409.
async fn start_enrolment(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    address: ClientAddress,
) -> Result<(StatusCode, Json<TotpEnrolment>), AppError> {
    let secret = totp::new_secret().map_err(totp_failed)?;
    let otpauth_uri = totp::otpauth_uri(&secret, user.email.as_str()).map_err(totp_failed)?;
    let now = now_text(&state);
    write(
        &state,
        Change::new(&user, &address, "totp.enrol.start", "user"),
        async |tx| {
            if !db::factors::start(tx, &user.id, &secret, &now).await? {
                return Err(AppError::Conflict(
                    Violation::new("", ViolationKind::SecondFactorAlreadyEnrolled {}).into(),
                ));
            }
            Ok(user.id.clone())
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(TotpEnrolment {
            otpauth_uri,
            secret,
        }),
    ))
}

/// `POST /auth/totp/confirmation`: the first code of the authenticator app confirms the
/// enrolment; the answer holds the recovery codes, shown this once. Wrong codes are limited like
/// those of a login.
async fn confirm_enrolment(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    address: ClientAddress,
    Json(input): Json<CodeInput>,
) -> ApiResult<RecoveryCodes> {
    let conflict = |kind| AppError::Conflict(Violation::new("", kind).into());
    let factor = match db::factors::of(&state.db, &user.id).await? {
        None => return Err(conflict(ViolationKind::EnrolmentNotStarted {})),
        Some(f) if f.is_confirmed() => {
            return Err(conflict(ViolationKind::SecondFactorAlreadyEnrolled {}));
        }
        Some(f) => f,
    };
    let attempt = reserve_attempt(&state, &user.id, &address).await?;
    let step = match read_code(&input.code) {
        TypedCode::Totp(code) => {
            totp::check(&factor.secret, &code, state.clock.now()).map_err(totp_failed)?
        }
        TypedCode::Recovery(_) => None,
    };
    let codes = totp::new_recovery_codes().map_err(totp_failed)?;
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| totp::recovery_code_hash(&c.replace('-', "")))
        .collect();
    let now = now_text(&state);
    let mut tx = db::begin_write(&state.db).await?;
    let confirmed = match step {
        // Only the secret the code was checked against: a new enrolment started meanwhile
        // replaced it, and stays unconfirmed.
        Some(step) => db::factors::confirm(&mut tx, &user.id, &factor.secret, step, &now).await?,
        None => false,
    };
    if confirmed {
        db::factors::replace_recovery_codes(&mut tx, &user.id, &hashes).await?;
    }
    audit::record(
        &mut *tx,
        Entry {
            actor: Some(&user.id),
            action: "totp.enrol",
            record_type: Some("user"),
            record_id: Some(user.id.as_str()),
            address: Some(&address.0),
            outcome: if confirmed {
                Outcome::Success
            } else {
                Outcome::Failure
            },
        },
    )
    .await?;
    tx.commit().await?;
    if !confirmed {
        // The reserved attempt stays counted: it is this failure.
        return Err(refused(ViolationKind::CodeInvalid {}));
    }
    accepted(&state, &user.id, attempt);
    Ok(Json(RecoveryCodes { codes }))
}
