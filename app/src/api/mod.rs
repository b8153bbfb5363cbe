//! The typed client of the JSON API: HTTP only, one function per call. Error bodies are decoded
//! into the shared error type.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use shared::api::{ErrorBody, ErrorKind, HealthResponse, paths};

use crate::i18n::I18n;

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
    /// A text for the user in the current language.
    pub fn text(&self, i18n: I18n) -> String {
        match self {
            ApiError::Server(body) => i18n.error(body.error),
            ApiError::Status(status) => i18n.error(
                ErrorKind::ALL
                    .iter()
                    .copied()
                    .find(|k| k.status() == *status)
                    .unwrap_or(ErrorKind::Internal),
            ),
            ApiError::Network => i18n.t("error-network"),
            ApiError::Decode => i18n.t("error-decode"),
        }
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        response.json::<T>().await.map_err(|_| ApiError::Decode)
    } else {
        let status = response.status();
        match response.json::<ErrorBody>().await {
            Ok(body) => Err(ApiError::Server(body)),
            Err(_) => Err(ApiError::Status(status)),
        }
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(&paths::url(path))
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    decode(response).await
}

/// `GET /health`.
pub async fn health() -> Result<HealthResponse, ApiError> {
    get(paths::HEALTH).await
}
