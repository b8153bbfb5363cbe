//! The API routers, one module per resource.

mod auth;
mod cohorts;
mod health;
mod invitations;
mod municipalities;
mod organisations;
mod participants;
mod users;

use std::time::Duration;

use axum::{
    Router,
    extract::{DefaultBodyLimit, Request},
    http::{HeaderValue, Method, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::any,
};
use chrono::NaiveDate;
use shared::api::Page;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::{AppError, AppState};

/// Largest JSON body the API accepts.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;
/// Longest a request may take before it is answered with 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything under `/api/v1`.
pub fn api(state: AppState) -> Router {
    let sessions = crate::auth::session_layer(
        crate::auth::session_store::SqlSessionStore::new(state.db.clone()),
        state.settings.session_idle_minutes,
    );
    Router::new()
        .merge(health::router())
        .merge(auth::router())
        .merge(invitations::router())
        .merge(users::router())
        .merge(municipalities::router())
        .merge(cohorts::router())
        .merge(participants::router())
        .merge(organisations::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(sessions)
        .layer(middleware::from_fn(same_origin))
        .layer(middleware::from_fn(timeout))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state)
}

/// Any other `/api/...` path: our JSON 404, never the web app's page.
pub fn api_not_found() -> Router {
    Router::new()
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn not_found() -> AppError {
    AppError::NotFound
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}

/// Refuses a state-changing request sent from another site: its `Origin` must be this host,
/// and `Sec-Fetch-Site`, when the browser sends it, `same-origin` (or `none`, typed by the user).
async fn same_origin(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let origin_ok = headers
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .is_none_or(|origin| {
            !host.is_empty()
                && (origin == format!("http://{host}") || origin == format!("https://{host}"))
        });
    let site_ok = headers
        .get("sec-fetch-site")
        .and_then(|s| s.to_str().ok())
        .is_none_or(|site| site == "same-origin" || site == "none");
    if origin_ok && site_ok {
        next.run(request).await
    } else {
        tracing::warn!("cross-site state change refused");
        AppError::Forbidden.into_response()
    }
}

/// One page of a list whose rows are ordered by id: the next cursor is the last id when the
/// page is full.
pub fn page<R, T>(
    rows: Vec<R>,
    limit: u32,
    id: impl Fn(&R) -> String,
    convert: impl Fn(R) -> Result<T, AppError>,
) -> Result<Page<T>, AppError> {
    let next_cursor = if rows.len() == limit as usize {
        rows.last().map(id)
    } else {
        None
    };
    Ok(Page {
        items: rows.into_iter().map(convert).collect::<Result<_, _>>()?,
        next_cursor,
    })
}

/// A stored `YYYY-MM-DD` date.
pub fn date(text: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    text.map(|t| {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map_err(|_| AppError::Internal("stored date does not parse".to_owned()))
    })
    .transpose()
}

async fn timeout(request: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => AppError::Unavailable.into_response(),
    }
}
