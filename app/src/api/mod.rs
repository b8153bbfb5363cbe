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
    api::{ErrorBody, ErrorKind, HealthResponse, Page, PageQuery, paths},
};

use crate::i18n::I18n;

pub mod auth;
pub mod cohorts;
pub mod events;
pub mod expenses;
pub mod goals;
pub mod history;
pub mod internships;
pub mod introductions;
pub mod matching;
pub mod municipalities;
pub mod openings;
pub mod organisations;
pub mod participants;
pub mod reports;
pub mod rights;
pub mod users;

/// Why a call failed.
#[derive(Clone, PartialEq)]
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
    /// What the server answers for an id it does not know; also for a path that holds no id.
    pub fn not_found() -> ApiError {
        ApiError::Server(ErrorBody {
            error: ErrorKind::NotFound,
            violations: Violations::new(),
            request_id: String::new(),
        })
    }

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

/// Only the status of the failure: the violations may quote what the user typed.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Server(body) => write!(f, "the server answered {}", body.error.status()),
            ApiError::Status(status) => write!(f, "the server answered {status}"),
            ApiError::Network => f.write_str("the request did not reach the server"),
            ApiError::Decode => f.write_str("the answer could not be read"),
        }
    }
}

/// As [`Display`](std::fmt::Display): a derived `Debug` would bring the formatting of every
/// violation into the main module, for the error boundaries of [`crate::components::Loaded`].
impl std::fmt::Debug for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for ApiError {}

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

pub(crate) async fn put<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    decode(send_json(Request::put(&paths::url(path)), body).await?).await
}

pub(crate) async fn patch<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    decode(send_json(Request::patch(&paths::url(path)), body).await?).await
}

/// A POST whose answer is 204.
pub(crate) async fn post_empty(path: &str, body: &impl Serialize) -> Result<(), ApiError> {
    decode_empty(send_json(Request::post(&paths::url(path)), body).await?).await
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

#[cfg(test)]
mod tests {
    use shared::ViolationKind;

    use super::*;

    #[test]
    fn the_error_for_an_unknown_id_is_a_not_found() {
        assert!(ApiError::not_found().is_not_found());
        assert!(!ApiError::not_found().is_unauthenticated());
        assert_eq!(ApiError::not_found().kind(), Some(ErrorKind::NotFound));
    }

    #[test]
    fn an_error_tells_its_status_but_not_the_fields_it_lists() {
        let mut violations = Violations::new();
        violations.push("last_name", ViolationKind::Required {});
        let error = ApiError::Server(ErrorBody {
            error: ErrorKind::Validation,
            violations,
            request_id: "req-1".to_owned(),
        });
        let text = error.to_string();
        assert_eq!(text, "the server answered 422");
        assert!(!text.contains("last_name"), "{text}");
        assert_eq!(ApiError::Status(503).to_string(), "the server answered 503");
    }
}
