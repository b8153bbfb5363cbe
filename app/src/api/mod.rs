//! The typed client of the JSON API: HTTP only, one function per call. Error bodies are decoded
//! into the shared error type.
//!
//! The session cookie is `HttpOnly`; the browser sends it with every same-origin request (the
//! default of `fetch`), so nothing here handles it.

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::lazy;
use serde::{
    Deserialize, Serialize,
    de::{DeserializeOwned, IgnoredAny},
};
use shared::{
    Violation, Violations,
    api::{
        AcceptInvitationInput, CohortSummary, ErrorBody, ErrorKind, HealthResponse,
        InvitationCreated, InvitationInput, LoginAnswer, LoginInput, Me, MunicipalityDetail,
        OpeningDetail, OrganisationDetail, Page, PageQuery, ParticipantDetail, ParticipantSummary,
        UserSummary, VersionOnly, paths,
    },
    ids::{MunicipalityId, OrganisationId, ParticipantId, UserId},
};

use crate::i18n::I18n;

pub mod companies;
pub mod security;
pub mod training;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with the shared error body.
    Server(ErrorBody),
    /// The server answered with an error status but no readable body.
    Status(u16),
    /// The request did not reach the server.
    Network,
    /// The server's answer did not have the expected shape.
    Decode,
}

impl ApiError {
    /// The kind of failure the server reported, also when its body could not be read.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            ApiError::Server(body) => Some(body.error),
            ApiError::Status(status) => ErrorKind::ALL
                .iter()
                .copied()
                .find(|k| k.status() == *status),
            ApiError::Network | ApiError::Decode => None,
        }
    }

    /// The session is missing or expired (401).
    pub fn is_unauthenticated(&self) -> bool {
        self.kind() == Some(ErrorKind::Unauthenticated)
    }

    /// The record is missing or outside the caller's scope (404).
    pub fn is_not_found(&self) -> bool {
        self.kind() == Some(ErrorKind::NotFound)
    }

    /// The violations the server listed (422 and 409), if any.
    pub fn violations(&self) -> Vec<Violation> {
        match self {
            ApiError::Server(body) => body.violations.iter().cloned().collect(),
            ApiError::Status(_) | ApiError::Network | ApiError::Decode => Vec::new(),
        }
    }

    /// A text for the user in the current language.
    pub fn text(&self, i18n: I18n) -> String {
        match self {
            ApiError::Server(_) | ApiError::Status(_) => {
                i18n.error(self.kind().unwrap_or(ErrorKind::Internal))
            }
            ApiError::Network => i18n.t("error-network"),
            ApiError::Decode => i18n.t("error-decode"),
        }
    }
}

/// An error body read without its violations, which only some answers have: decoding them takes
/// much code, so [`error_body`] does that in a module loaded the first time an answer lists any.
#[derive(Deserialize)]
struct ErrorHead {
    error: ErrorKind,
    #[serde(default)]
    violations: Vec<IgnoredAny>,
    request_id: String,
}

async fn error_of(response: Response) -> ApiError {
    let status = response.status();
    let Ok(text) = response.text().await else {
        return ApiError::Status(status);
    };
    let head = match serde_json::from_str::<ErrorHead>(&text) {
        Ok(head) => head,
        Err(_) => return ApiError::Status(status),
    };
    if head.violations.is_empty() {
        return ApiError::Server(ErrorBody {
            error: head.error,
            violations: Violations::new(),
            request_id: head.request_id,
        });
    }
    match error_body(text).await {
        Some(body) => ApiError::Server(body),
        None => ApiError::Status(status),
    }
}

/// The whole error body, violations included.
#[lazy]
fn error_body(text: String) -> Option<ErrorBody> {
    serde_json::from_str(&text).ok()
}

pub(crate) async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        response.json::<T>().await.map_err(|_| ApiError::Decode)
    } else {
        Err(error_of(response).await)
    }
}

/// For answers without a body (204).
pub(crate) async fn decode_empty(response: Response) -> Result<(), ApiError> {
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

pub(crate) async fn send(request: RequestBuilder) -> Result<Response, ApiError> {
    request
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network)
}

pub(crate) async fn send_json(
    request: RequestBuilder,
    body: &impl Serialize,
) -> Result<Response, ApiError> {
    request
        .header("Accept", "application/json")
        .json(body)
        .map_err(|_| ApiError::Decode)?
        .send()
        .await
        .map_err(|_| ApiError::Network)
}

pub(crate) async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(send(Request::get(&paths::url(path))).await?).await
}

/// The largest page the lists ask for: the screens show one page.
fn list_limit() -> String {
    PageQuery::MAX_LIMIT.to_string()
}

pub(crate) async fn get_list<T: DeserializeOwned>(path: &str) -> Result<Page<T>, ApiError> {
    let request = Request::get(&paths::url(path)).query([("limit", list_limit())]);
    decode(send(request).await?).await
}

pub(crate) async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    decode(send_json(Request::post(&paths::url(path)), body).await?).await
}

/// `GET /health`.
pub async fn health() -> Result<HealthResponse, ApiError> {
    get(paths::HEALTH).await
}

/// `POST /auth/login`: starts a session, or (an account with a second factor) its second step,
/// [`security::second_factor`]. A wrong email or password answers 401, too many attempts 429.
pub async fn login(input: &LoginInput) -> Result<LoginAnswer, ApiError> {
    post(paths::LOGIN, input).await
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

/// `POST /auth/accept-invitation`: sets the password and signs in.
pub async fn accept_invitation(input: &AcceptInvitationInput) -> Result<Me, ApiError> {
    post(paths::ACCEPT_INVITATION, input).await
}

/// `POST /invitations` (coordinator): the one-time link to pass on.
pub async fn create_invitation(input: &InvitationInput) -> Result<InvitationCreated, ApiError> {
    post(paths::INVITATIONS, input).await
}

/// `GET /users` (coordinator).
pub async fn users() -> Result<Page<UserSummary>, ApiError> {
    get_list(paths::USERS).await
}

/// `POST /users/{id}/disable` (coordinator): ends the account's sessions too.
pub async fn disable_user(id: &UserId, version: i64) -> Result<UserSummary, ApiError> {
    post(&paths::user_disable(id), &VersionOnly { version }).await
}

/// `GET /municipalities`.
pub async fn municipalities() -> Result<Page<MunicipalityDetail>, ApiError> {
    get_list(paths::MUNICIPALITIES).await
}

/// `GET /municipalities/{id}`.
pub async fn municipality(id: &MunicipalityId) -> Result<MunicipalityDetail, ApiError> {
    get(&paths::municipality(id)).await
}

/// `GET /cohorts`.
pub async fn cohorts() -> Result<Page<CohortSummary>, ApiError> {
    get_list(paths::COHORTS).await
}

/// `GET /participants`: those the caller may see.
pub async fn participants() -> Result<Page<ParticipantSummary>, ApiError> {
    get_list(paths::PARTICIPANTS).await
}

/// `GET /participants/{id}`: 404 when missing or outside the caller's scope.
pub async fn participant(id: &ParticipantId) -> Result<ParticipantDetail, ApiError> {
    get(&paths::participant(id)).await
}

/// `GET /organisations`.
pub async fn organisations() -> Result<Page<OrganisationDetail>, ApiError> {
    get_list(paths::ORGANISATIONS).await
}

/// `GET /organisations/{id}`.
pub async fn organisation(id: &OrganisationId) -> Result<OrganisationDetail, ApiError> {
    get(&paths::organisation(id)).await
}

/// `GET /organisations/{id}/openings`.
pub async fn organisation_openings(id: &OrganisationId) -> Result<Page<OpeningDetail>, ApiError> {
    get_list(&paths::organisation_openings(id)).await
}
