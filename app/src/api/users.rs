//! Accounts, as the coordinator manages them: `/users` and `/invitations`.

use shared::{
    api::{
        InvitationCreated, InvitationInput, Page, PasswordResetCreated, UserSummary, VersionOnly,
        paths,
    },
    ids::UserId,
};

use super::{ApiError, get_list, post};

/// `GET /users` (coordinator).
pub async fn users() -> Result<Page<UserSummary>, ApiError> {
    get_list(paths::USERS).await
}

/// `POST /invitations` (coordinator): the one-time link to pass on.
pub async fn create_invitation(input: &InvitationInput) -> Result<InvitationCreated, ApiError> {
    post(paths::INVITATIONS, input).await
}

/// `POST /users/{id}/disable` (coordinator): ends the account's sessions too.
pub async fn disable_user(id: &UserId, version: i64) -> Result<UserSummary, ApiError> {
    post(&paths::user_disable(id), &VersionOnly { version }).await
}

/// `POST /users/{id}/password-reset` (coordinator): the one-time link to pass on.
pub async fn create_password_reset(id: &UserId) -> Result<PasswordResetCreated, ApiError> {
    post(&paths::user_password_reset(id), &serde_json::json!({})).await
}
