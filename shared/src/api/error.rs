use serde::{Deserialize, Serialize};

use crate::violation::Violations;

/// The kind of failure, one per HTTP status the API answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 400: the body is not JSON (or not sent as JSON), or the query does not read as its type
    /// (with violations on the parameters, where the endpoint checks them one by one).
    BadRequest,
    /// 401: no session, or it expired.
    Unauthenticated,
    /// 403: the role may not do this at all.
    Forbidden,
    /// 404: missing, or outside the caller's scope.
    NotFound,
    /// 405: the path exists, the method does not.
    MethodNotAllowed,
    /// 409: the change meets stored state (see the violations).
    Conflict,
    /// 413: the body is larger than the server accepts.
    PayloadTooLarge,
    /// 422: a shared rule refused the input, or the JSON body does not read as the request type
    /// (`invalid_choice`, `required`, `invalid_format` on the field); see the violations.
    Validation,
    /// 429: too many attempts; see `Retry-After`.
    TooManyRequests,
    /// 500: something failed on the server; only the request id is given.
    Internal,
    /// 503: the server cannot answer now (for example the database is unreachable).
    Unavailable,
}

impl ErrorKind {
    /// Every kind, for exhaustive checks such as translations.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::BadRequest,
        ErrorKind::Unauthenticated,
        ErrorKind::Forbidden,
        ErrorKind::NotFound,
        ErrorKind::MethodNotAllowed,
        ErrorKind::Conflict,
        ErrorKind::PayloadTooLarge,
        ErrorKind::Validation,
        ErrorKind::TooManyRequests,
        ErrorKind::Internal,
        ErrorKind::Unavailable,
    ];

    /// The HTTP status code that carries this kind.
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::BadRequest => 400,
            ErrorKind::Unauthenticated => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::NotFound => 404,
            ErrorKind::MethodNotAllowed => 405,
            ErrorKind::Conflict => 409,
            ErrorKind::PayloadTooLarge => 413,
            ErrorKind::Validation => 422,
            ErrorKind::TooManyRequests => 429,
            ErrorKind::Internal => 500,
            ErrorKind::Unavailable => 503,
        }
    }
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorKind,
    #[serde(default, skip_serializing_if = "Violations::is_empty")]
    pub violations: Violations,
    pub request_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::violation::ViolationKind;
    use serde_json::json;

    #[test]
    fn a_validation_error_has_the_documented_shape() {
        let mut violations = Violations::new();
        violations.push(
            "end_date",
            ViolationKind::InternshipTooLong { max_weeks: 10 },
        );
        let body = ErrorBody {
            error: ErrorKind::Validation,
            violations,
            request_id: "r1".into(),
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({
                "error": "validation",
                "violations": [{"field": "end_date", "code": "internship_too_long", "params": {"max_weeks": 10}}],
                "request_id": "r1"
            })
        );
    }

    #[test]
    fn an_internal_error_carries_only_the_request_id() {
        let body = ErrorBody {
            error: ErrorKind::Internal,
            violations: Violations::new(),
            request_id: "r2".into(),
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({"error": "internal", "request_id": "r2"})
        );
    }

    #[test]
    fn each_kind_maps_to_its_status() {
        assert_eq!(ErrorKind::Validation.status(), 422);
        assert_eq!(ErrorKind::Conflict.status(), 409);
        assert_eq!(ErrorKind::NotFound.status(), 404);
        assert_eq!(ErrorKind::TooManyRequests.status(), 429);
    }
}
