//! The one error type of the handlers, turned into the shared error body.

use axum::{
    extract::{
        FromRequest, FromRequestParts,
        rejection::{JsonRejection, PathRejection, QueryRejection},
    },
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use shared::{
    Violations,
    api::{ErrorBody, ErrorKind},
};

use crate::request;

/// Every way a request can fail.
#[derive(Debug)]
pub enum AppError {
    BadRequest,
    Unauthenticated,
    Forbidden,
    /// 403 with the reason as violations (a session that must enrol a second factor first).
    ForbiddenBecause(Violations),
    NotFound,
    MethodNotAllowed,
    PayloadTooLarge,
    Conflict(Violations),
    Validation(Violations),
    TooManyRequests {
        retry_after_secs: u64,
    },
    Unavailable,
    /// 503 with `Retry-After`: more requests than the server takes on at once, or no answer in
    /// time (see `overload`).
    Overloaded {
        retry_after_secs: u64,
    },
    /// Logged with the request id; the client sees only the id.
    Internal(String),
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        AppError::Internal(format!("database: {err}"))
    }
}

impl AppError {
    /// A stored value that does not read as its type: the database holds what no write puts
    /// there. Names only the kind of value, never the value.
    pub fn stored(what: &str) -> AppError {
        AppError::Internal(format!("stored {what} does not read"))
    }

    fn kind(&self) -> ErrorKind {
        match self {
            AppError::BadRequest => ErrorKind::BadRequest,
            AppError::Unauthenticated => ErrorKind::Unauthenticated,
            AppError::Forbidden | AppError::ForbiddenBecause(_) => ErrorKind::Forbidden,
            AppError::NotFound => ErrorKind::NotFound,
            AppError::MethodNotAllowed => ErrorKind::MethodNotAllowed,
            AppError::PayloadTooLarge => ErrorKind::PayloadTooLarge,
            AppError::Conflict(_) => ErrorKind::Conflict,
            AppError::Validation(_) => ErrorKind::Validation,
            AppError::TooManyRequests { .. } => ErrorKind::TooManyRequests,
            AppError::Unavailable | AppError::Overloaded { .. } => ErrorKind::Unavailable,
            AppError::Internal(_) => ErrorKind::Internal,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = self.kind();
        let request_id = request::current_id();
        let status =
            StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut retry_after = None;
        let violations = match self {
            AppError::Conflict(v) | AppError::Validation(v) | AppError::ForbiddenBecause(v) => v,
            AppError::Internal(detail) => {
                tracing::error!(detail = %detail, "internal error");
                Violations::new()
            }
            AppError::TooManyRequests { retry_after_secs }
            | AppError::Overloaded { retry_after_secs } => {
                retry_after = Some(retry_after_secs);
                Violations::new()
            }
            AppError::BadRequest
            | AppError::Unauthenticated
            | AppError::Forbidden
            | AppError::NotFound
            | AppError::MethodNotAllowed
            | AppError::PayloadTooLarge
            | AppError::Unavailable => Violations::new(),
        };
        let body = ErrorBody {
            error: kind,
            violations,
            request_id,
        };
        let mut response = (status, axum::Json(body)).into_response();
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl From<JsonRejection> for AppError {
    /// The framework's own text never reaches the client: only the status class survives.
    fn from(rejection: JsonRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::BadRequest
        }
    }
}

/// `axum::Json`, but a body that does not parse answers with our 400 shape.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl From<QueryRejection> for AppError {
    fn from(_: QueryRejection) -> Self {
        AppError::BadRequest
    }
}

/// `axum::extract::Query`, but a query that does not parse answers with our 400 shape.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct Query<T>(pub T);

impl From<PathRejection> for AppError {
    /// A path whose id or number is malformed names no record: 404, as for a missing one.
    fn from(_: PathRejection) -> Self {
        AppError::NotFound
    }
}

/// `axum::extract::Path` into typed ids (`Path<ParticipantId>`): a malformed one answers our 404.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct Path<T>(pub T);

/// Result of a handler.
pub type ApiResult<T> = Result<Json<T>, AppError>;
