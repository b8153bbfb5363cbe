//! The second factor and passwords: the login's second step, enrolling a TOTP factor, changing
//! one's password, and reset links.

use gloo_net::http::Request;
use serde::Serialize;
use shared::{
    api::{
        CodeInput, Me, PasswordChangeInput, PasswordResetCreated, RecoveryCodes,
        ResetPasswordInput, TotpEnrolment, paths,
    },
    ids::UserId,
};

use super::{ApiError, decode_empty, post, send_json};

/// A POST whose answer is 204.
async fn post_empty(path: &str, body: &impl Serialize) -> Result<(), ApiError> {
    decode_empty(send_json(Request::post(&paths::url(path)), body).await?).await
}

/// `POST /auth/login/second-factor`: the code of the authenticator app or a recovery code signs
/// the session in. A wrong code answers 422 (`code_invalid`, `code_already_used`), too many 429;
/// 401 when the password step has expired.
pub async fn second_factor(code: &str) -> Result<Me, ApiError> {
    let input = CodeInput {
        code: code.to_owned(),
    };
    post(paths::LOGIN_SECOND_FACTOR, &input).await
}

/// `POST /auth/totp/enrolment`: a new secret and its `otpauth://` URI, until confirmed.
pub async fn start_enrolment() -> Result<TotpEnrolment, ApiError> {
    post(paths::TOTP_ENROLMENT, &serde_json::json!({})).await
}

/// `POST /auth/totp/confirmation`: the first code confirms; answers the recovery codes, once.
pub async fn confirm_enrolment(code: &str) -> Result<RecoveryCodes, ApiError> {
    let input = CodeInput {
        code: code.to_owned(),
    };
    post(paths::TOTP_CONFIRMATION, &input).await
}

/// `POST /auth/password`: every other session of the account ends.
pub async fn change_password(input: &PasswordChangeInput) -> Result<(), ApiError> {
    post_empty(paths::PASSWORD, input).await
}

/// `POST /auth/reset-password`: the token of a reset link and the new password.
pub async fn reset_password(input: &ResetPasswordInput) -> Result<(), ApiError> {
    post_empty(paths::RESET_PASSWORD, input).await
}

/// `POST /users/{id}/password-reset` (coordinator): the one-time link to pass on.
pub async fn create_password_reset(id: &UserId) -> Result<PasswordResetCreated, ApiError> {
    post(&paths::user_password_reset(id), &serde_json::json!({})).await
}
