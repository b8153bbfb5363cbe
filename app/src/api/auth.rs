//! Signing in and out, the second factor and passwords: `/auth/...`.

use gloo_net::http::Request;
use shared::api::{
    AcceptInvitationInput, CodeInput, InterfaceLanguageInput, LoginAnswer, LoginInput, Me,
    PasswordChangeInput, RecoveryCodes, ResetPasswordInput, TotpEnrolment, paths,
};

use super::{ApiError, decode_empty, get, post, post_empty, put, send_json};

/// `POST /auth/login`: starts a session, or (an account with a second factor) its second step,
/// [`second_factor`]. A wrong email or password answers 401, too many attempts 429.
pub async fn login(input: &LoginInput) -> Result<LoginAnswer, ApiError> {
    post(paths::LOGIN, input).await
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

/// `POST /auth/logout`: ends the session on the server.
pub async fn logout() -> Result<(), ApiError> {
    let response = send_json(
        Request::post(&paths::url(paths::LOGOUT)),
        &serde_json::json!({}),
    )
    .await?;
    decode_empty(response).await
}

/// `GET /auth/me`: who is signed in; 401 when nobody is.
pub async fn me() -> Result<Me, ApiError> {
    get(paths::ME).await
}

/// `PUT /auth/me/language`: the language of the account's interface, for every browser.
pub async fn set_interface_language(input: &InterfaceLanguageInput) -> Result<Me, ApiError> {
    put(paths::ME_LANGUAGE, input).await
}

/// `POST /auth/accept-invitation`: sets the password and signs in.
pub async fn accept_invitation(input: &AcceptInvitationInput) -> Result<Me, ApiError> {
    post(paths::ACCEPT_INVITATION, input).await
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
