//! The one error type of the handlers, turned into the shared error body.

use axum::{
    extract::{
        FromRequest, FromRequestParts, Request,
        rejection::{JsonRejection, PathRejection, QueryRejection},
    },
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use serde_path_to_error::Segment;
use shared::{
    Violation, ViolationKind, Violations,
    api::{ErrorBody, ErrorKind},
};

use crate::request;

/// Every way a request can fail.
#[derive(Debug)]
pub enum AppError {
    BadRequest,
    /// 400 with the query parameters that do not read, as violations.
    BadQuery(Violations),
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
            AppError::BadRequest | AppError::BadQuery(_) => ErrorKind::BadRequest,
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
            AppError::Conflict(v)
            | AppError::Validation(v)
            | AppError::ForbiddenBecause(v)
            | AppError::BadQuery(v) => v,
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

/// `axum::Json`, but with our refusals: a body that is not JSON (or not sent as JSON) answers 400;
/// JSON that does not read as the request type answers 422 with the field and a code.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let axum::Json(value) = axum::Json::<Value>::from_request(request, state).await?;
        serde_path_to_error::deserialize(value)
            .map(Json)
            .map_err(|err| AppError::Validation(body_violation(&err).into()))
    }
}

/// The field and the code of a body that does not read as its type. The field is the path in
/// the request's own names (`meetings.3.date`); the code comes from the shape of serde's message,
/// of which only the static parts (field and variant names of our types) are kept: the rest may
/// echo what was sent.
fn body_violation(err: &serde_path_to_error::Error<serde_json::Error>) -> Violation {
    let mut field: Vec<String> = err
        .path()
        .iter()
        .map(|segment| match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } | Segment::Enum { variant: key } if is_name(key) => key.clone(),
            Segment::Map { .. } | Segment::Enum { .. } | Segment::Unknown => "?".to_owned(),
        })
        .collect();
    // A body that is a list (attendance) names its items `lines.{i}`, as the shared rules do.
    if let Some(Segment::Seq { .. }) = err.path().iter().next() {
        field.insert(0, "lines".to_owned());
    }
    let message = err.inner().to_string();
    let kind = if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
        .filter(|name| is_name(name))
    {
        field.push(name.to_owned());
        ViolationKind::Required {}
    } else if let Some(allowed) = allowed_variants(&message) {
        ViolationKind::InvalidChoice { allowed }
    } else {
        ViolationKind::InvalidFormat {}
    };
    Violation::new(field.join("."), kind)
}

/// The variants serde lists after an unknown one: "unknown variant `x`, expected `a` or `b`" or
/// "... expected one of `a`, `b`, `c`", as `a, b, c`. The unknown variant itself is dropped.
fn allowed_variants(message: &str) -> Option<String> {
    if !message.starts_with("unknown variant `") {
        return None;
    }
    // The names listed are our own and never hold ", expected "; what was sent may.
    let (_, expected) = message.rsplit_once(", expected ")?;
    let names: Vec<&str> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|name| is_name(name))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// A name as our types spell fields and variants, so a map key sent by the client is never echoed.
fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Colour {
        Red,
        Green,
        Blue,
    }

    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "only read by serde")]
    struct Line {
        colour: Colour,
        count: u32,
    }

    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "only read by serde")]
    struct Body {
        title: String,
        lines: Vec<Line>,
        #[serde(default)]
        tags: std::collections::BTreeMap<String, u32>,
    }

    fn refusal(value: Value) -> Violation {
        let err = serde_path_to_error::deserialize::<_, Body>(value).unwrap_err();
        body_violation(&err)
    }

    #[test]
    fn an_unknown_variant_names_the_allowed_ones_and_never_the_one_sent() {
        let v = refusal(
            json!({"title": "t", "lines": [{"colour": "red", "count": 1}, {"colour": "mauve `x`, expected `secret`", "count": 1}]}),
        );
        assert_eq!(v.field, "lines.1.colour");
        assert_eq!(
            v.kind,
            ViolationKind::InvalidChoice {
                allowed: "red, green, blue".to_owned()
            }
        );
    }

    #[test]
    fn a_missing_field_is_required_on_its_own_path() {
        let v = refusal(json!({"title": "t", "lines": [{"colour": "red"}]}));
        assert_eq!(v.field, "lines.0.count");
        assert_eq!(v.kind, ViolationKind::Required {});
    }

    #[test]
    fn a_wrong_type_is_an_invalid_format() {
        let v = refusal(json!({"title": 12, "lines": []}));
        assert_eq!(v.field, "title");
        assert_eq!(v.kind, ViolationKind::InvalidFormat {});
        let v = refusal(json!({"title": "t", "lines": [{"colour": "red", "count": -1}]}));
        assert_eq!(v.field, "lines.0.count");
        assert_eq!(v.kind, ViolationKind::InvalidFormat {});
    }

    #[test]
    fn a_body_of_the_wrong_shape_is_refused_as_a_whole() {
        let v = refusal(json!(["title"]));
        assert_eq!(v.field, "");
        assert_eq!(v.kind, ViolationKind::InvalidFormat {});
    }

    #[test]
    fn the_items_of_a_body_that_is_a_list_are_named_lines() {
        let value = json!([{"colour": "red", "count": 1}, {"colour": "pink", "count": 1}]);
        let err = serde_path_to_error::deserialize::<_, Vec<Line>>(value).unwrap_err();
        let v = body_violation(&err);
        assert_eq!(v.field, "lines.1.colour");
        assert!(matches!(v.kind, ViolationKind::InvalidChoice { .. }));
    }

    #[test]
    fn a_map_key_sent_by_the_client_is_not_echoed() {
        let v = refusal(
            json!({"title": "t", "lines": [], "tags": {"Jan de Vries <jan@example.nl>": "x"}}),
        );
        assert_eq!(v.field, "tags.?");
        assert_eq!(v.kind, ViolationKind::InvalidFormat {});
    }

    #[test]
    fn the_allowed_variants_read_from_each_form_of_the_message() {
        assert_eq!(
            allowed_variants("unknown variant `x`, expected `a`").as_deref(),
            Some("a")
        );
        assert_eq!(
            allowed_variants("unknown variant `x`, expected `a` or `b`").as_deref(),
            Some("a, b")
        );
        assert_eq!(
            allowed_variants("unknown variant `x`, there are no variants"),
            None
        );
        assert_eq!(allowed_variants("invalid type: string \"x\""), None);
    }
}
